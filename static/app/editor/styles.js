// Links the editors' stylesheet (editor.css) into the page once, when an editor first opens.

import { useEffect } from "preact/hooks";

const HREF = "/app/editor/editor.css";

/** Hook: make sure editor.css is linked. */
export function useEditorStyles() {
  useEffect(() => {
    if (document.querySelector(`link[href="${HREF}"]`)) return;
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = HREF;
    document.head.append(link);
  }, []);
}
