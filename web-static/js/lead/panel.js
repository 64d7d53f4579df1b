// What every screen of the lead's page builds with: a panel's content replaced only when its data changed (so a
// refresh does not take the focus away), keeping the focus on the element with the same data-key; tables; a
// status line for a failed or missing route.

import { el } from "../dom.js";
import { failureText } from "./availability.js";

const shown = new WeakMap();
// The SVG namespace: a name, not an address the page loads (page-files.test.mjs allows this one).
const SVG = "http://www.w3.org/2000/svg";

/** Presigned links change at every call: what they point to is compared, not their signature. */
const unsigned = (key, value) => (typeof value === "string" && /[?&]X-Amz-/i.test(value) ? value.split("?")[0]
  : value);

/** Replaces panel's children with build()'s when data differs from what it shows; true when it did. */
export function renderIfChanged(panel, data, build) {
  const fingerprint = JSON.stringify(data, unsigned);
  if (shown.get(panel) === fingerprint) {
    return false;
  }
  shown.set(panel, fingerprint);
  const focused = panel.contains(document.activeElement) ? document.activeElement.dataset.key : undefined;
  const children = [].concat(build()).filter((child) => child !== null && child !== undefined && child !== false);
  panel.replaceChildren(...children);
  if (focused) {
    const again = panel.querySelector(`[data-key="${CSS.escape(focused)}"]`);
    if (again) {
      again.focus();
    }
  }
  return true;
}

/** Forgets what the panel shows, so the next renderIfChanged builds it again. */
export function forget(panel) {
  shown.delete(panel);
}

/** The screen's heading and its one-line explanation. */
export function heading(title, text) {
  return el("div", { className: "panel-head" }, el("h2", { text: title }),
    text ? el("p", { className: "muted", text }) : null);
}

/** The line shown in place of a screen (or a part of it) whose call failed. */
export function failureLine(error, what) {
  return el("p", { className: "panel-status", attrs: { role: "status" }, text: failureText(error, what) });
}

/**
 * A table: columns [{ label, numeric? }], rows [[cell, ...]], each cell a string, a number, a node or a list of them.
 * caption names the table for screen readers and is shown.
 */
export function table(caption, columns, rows, className = "") {
  return el("table", { className: `data ${className}`.trim() },
    el("caption", { text: caption }),
    el("thead", {}, el("tr", {}, columns.map((column) => el("th", { scope: "col",
      className: column.numeric ? "num" : undefined, text: column.label })))),
    el("tbody", {}, rows.map((row) => el("tr", { className: row.className },
      (row.cells || row).map((cell, index) => el("td", { className: columns[index] && columns[index].numeric ? "num"
        : undefined }, typeof cell === "number" ? String(cell) : cell))))));
}

/** A small label for a status: "paused", "failed", ... with a tone class. */
export function badge(text, tone = "") {
  return el("span", { className: `badge ${tone ? `badge-${tone}` : ""}`.trim(), text });
}

/** An SVG element with these attributes (never "style" or handlers) and children. */
export function svg(tag, attrs = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name.toLowerCase() === "style" || name.toLowerCase().startsWith("on")) {
      throw new Error(`svg(): attribute ${name} is not allowed`);
    }
    element.setAttribute(name, String(value));
  }
  element.append(...children);
  return element;
}
