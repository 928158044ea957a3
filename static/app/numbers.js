// Numbers in tables and charts: a compact format, and an order for sortable columns.

/** A compact number: 0.912, 1.2e-5, 12,345 ("—" when missing). */
export function formatNumber(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return "—";
  if (typeof v !== "number") return String(v);
  if (Number.isInteger(v)) return v.toLocaleString("en-US");
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return v.toExponential(2);
  return String(Number(v.toPrecision(4)));
}

function missing(v) {
  return v === undefined || v === null;
}

/** Compares two cell values: numbers by value, others as text. */
export function compareValues(a, b) {
  if (missing(a) || missing(b)) return missing(a) - missing(b);
  if (typeof a === "number" && typeof b === "number") return a - b;
  const text = (v) => (typeof v === "object" ? JSON.stringify(v) : String(v));
  return text(a).localeCompare(text(b));
}

/** Sorts `rows` by `valueOf(row)`, descending if `desc`; rows without a value stay last. */
export function sortRows(rows, valueOf, desc) {
  return rows
    .map((row, index) => ({ row, index, value: valueOf(row) }))
    .sort((x, y) => {
      if (missing(x.value) || missing(y.value)) return missing(x.value) - missing(y.value) || x.index - y.index;
      const c = compareValues(x.value, y.value);
      return (desc ? -c : c) || x.index - y.index;
    })
    .map((x) => x.row);
}
