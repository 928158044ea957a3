// Keyboard navigation in lists: ArrowDown / ArrowUp (and Home / End) move the focus from item
// to item; Enter on an item does what a click does (links and buttons do it themselves). A list
// says which elements are its items with a selector; the focus stays visible (style.css
// `:focus-visible`).

/** An onKeyDown handler for a list element whose items match `selector`. From the element
 * `from` (e.g. the list's search field) ArrowDown goes to the first item. */
export function listKeys(selector, from = null) {
  return (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const items = [...e.currentTarget.querySelectorAll(selector)];
    if (!items.length) return;
    const at = items.findIndex((item) => item === e.target || item.contains(e.target));
    const inField = from && e.target.closest && e.target.closest(from);
    let next = null;
    if (e.key === "ArrowDown") next = at < 0 ? (inField ? 0 : null) : Math.min(at + 1, items.length - 1);
    else if (e.key === "ArrowUp") next = at > 0 ? at - 1 : null;
    else if (e.key === "Home" && at >= 0) next = 0;
    else if (e.key === "End" && at >= 0) next = items.length - 1;
    else if (e.key === "Enter" && at >= 0 && items[at] === e.target && !/^(A|BUTTON)$/.test(e.target.tagName)) {
      e.preventDefault();
      e.target.click();
      return;
    }
    if (next === null) return;
    e.preventDefault();
    items[next].focus();
    items[next].scrollIntoView({ block: "nearest" });
  };
}

/** An onKeyDown handler for a `role="tablist"`: ArrowLeft / ArrowRight (Home / End) select the
 * tab beside (first, last) and move the focus to it, as the ARIA tabs pattern has it. */
export function tabKeys(e) {
  const tabs = [...e.currentTarget.querySelectorAll("[role=tab]")];
  const at = tabs.indexOf(e.target);
  if (at < 0) return;
  const next = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: tabs.length - 1 }[e.key];
  if (next === undefined) return;
  e.preventDefault();
  const tab = tabs[(next + tabs.length) % tabs.length];
  tab.focus();
  tab.click();
}
