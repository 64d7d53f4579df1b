// Keyboard shortcuts: which key does what. DOM-free so the mapping can be tested; main.js performs the action.

/** Shown in the help panel, in this order. */
export const SHORTCUTS = [
  { keys: "1 – 9", does: "Score the current row (or pick the n-th answer)" },
  { keys: "0", does: "N/A on the current row, where allowed" },
  { keys: "n  or  j", does: "Next row" },
  { keys: "p  or  k", does: "Previous row" },
  { keys: "]  /  [", does: "Next / previous output (stops at the last and the first)" },
  { keys: "f  (hold)", does: "Flicker: show the source in place of the outputs" },
  { keys: "w", does: "Swipe line between source and the current output, on or off" },
  { keys: ",  /  .", does: "Move the swipe line left / right" },
  { keys: "o", does: "Change overlay on the current output" },
  { keys: "+  /  −", does: "Zoom in / out (all images together)" },
  { keys: "←  ↑  →  ↓", does: "Pan the zoomed images (arrows never change a score)" },
  { keys: "z", does: "1:1 pixels, or back to fit" },
  { keys: "e", does: "Enlarge the current output, or back to the grid" },
  { keys: "x", does: "Flag the current output unsafe, or unflag it" },
  { keys: "c", does: "Next category of a flagged output; Space ticks it" },
  { keys: "v", does: "Reveal or hide a flagged output" },
  { keys: "s", does: "Skip this task" },
  { keys: "g", does: "Open the rubric guide" },
  { keys: "Ctrl + Enter", does: "Submit" },
  { keys: "?", does: "Show or hide this help" },
  { keys: "Esc", does: "Close help or the enlarged image" },
];

// A press of an arrow pans a zoomed view by this share of the pane.
const PAN_STEP = 0.1;

const SINGLE_KEYS = {
  ArrowLeft: { type: "pan", dx: PAN_STEP, dy: 0 },
  ArrowRight: { type: "pan", dx: -PAN_STEP, dy: 0 },
  ArrowUp: { type: "pan", dx: 0, dy: PAN_STEP },
  ArrowDown: { type: "pan", dx: 0, dy: -PAN_STEP },
  0: { type: "not-applicable" },
  n: { type: "next-row" },
  j: { type: "next-row" },
  p: { type: "previous-row" },
  k: { type: "previous-row" },
  "]": { type: "output", step: 1 },
  "[": { type: "output", step: -1 },
  f: { type: "flicker" },
  w: { type: "swipe" },
  ",": { type: "swipe-move", step: -0.1 },
  ".": { type: "swipe-move", step: 0.1 },
  o: { type: "overlay" },
  "+": { type: "zoom", factor: 1.5 },
  "=": { type: "zoom", factor: 1.5 },
  "-": { type: "zoom", factor: 1 / 1.5 },
  z: { type: "one-to-one" },
  e: { type: "enlarge" },
  x: { type: "flag" },
  c: { type: "category" },
  v: { type: "reveal" },
  s: { type: "skip" },
  g: { type: "guide" },
  "?": { type: "help" },
};

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
  return Object.hasOwn(SINGLE_KEYS, press.key) ? { ...SINGLE_KEYS[press.key] } : undefined;
}

/**
 * The output `step` away from `from` among ids (the first when from is unknown), without wrapping round:
 * { target, atEnd } with atEnd true when there is no output further that way (target is then `from`).
 */
export function stepOutput(ids, from, step) {
  const at = ids.indexOf(from);
  if (at < 0) {
    return { target: ids[0], atEnd: false };
  }
  const next = at + step;
  return next < 0 || next >= ids.length ? { target: from, atEnd: true } : { target: ids[next], atEnd: false };
}
