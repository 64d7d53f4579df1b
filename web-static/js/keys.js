// Keyboard shortcuts: which key does what. DOM-free so the mapping can be tested; main.js performs the action.

/** Shown in the help panel, in this order. */
export const SHORTCUTS = [
  { keys: "1 – 5", does: "Score the current row" },
  { keys: "0", does: "N/A on the current row, where allowed" },
  { keys: "n  or  j", does: "Next row" },
  { keys: "p  or  k", does: "Previous row" },
  { keys: "o", does: "Change overlay on the current output" },
  { keys: "Ctrl + Enter", does: "Submit" },
  { keys: "?", does: "Show or hide this help" },
  { keys: "Esc", does: "Close help or the enlarged image" },
];

/**
 * The action for a key press, or undefined to let the browser handle it.
 * press: { key, ctrlKey, metaKey, altKey, inTextField } — inTextField when typing in an input or textarea.
 */
export function keyAction(press) {
  if ((press.ctrlKey || press.metaKey) && press.key === "Enter") {
    return { type: "submit" };
  }
  if (press.key === "Escape") {
    return { type: "close" };
  }
  if (press.inTextField || press.ctrlKey || press.metaKey || press.altKey) {
    return undefined;
  }
  if (/^[1-9]$/.test(press.key)) {
    return { type: "score", value: Number(press.key) };
  }
  switch (press.key) {
    case "0":
      return { type: "not-applicable" };
    case "n":
    case "j":
      return { type: "next-row" };
    case "p":
    case "k":
      return { type: "previous-row" };
    case "o":
      return { type: "overlay" };
    case "?":
      return { type: "help" };
    default:
      return undefined;
  }
}
