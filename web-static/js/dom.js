// Building elements without HTML strings: text goes in through textContent only, so nothing from the API
// or the rater can become markup. Attributes are set one by one; "style" is refused (the CSP forbids it).

/**
 * el("button", { className: "primary", text: "Submit", type: "button", on: { click: fn } }, ...children)
 * props: className, text, on (event -> handler), dataset (key -> value), attrs (name -> value, e.g. aria-*),
 * and any other key is assigned as an element property (id, type, name, value, checked, htmlFor, hidden...).
 * children: nodes, strings (as text) or falsy values (skipped).
 */
export function el(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined) {
      continue;
    }
    if (key === "text") {
      element.textContent = value;
    } else if (key === "on") {
      for (const [event, handler] of Object.entries(value)) {
        element.addEventListener(event, handler);
      }
    } else if (key === "dataset") {
      Object.assign(element.dataset, value);
    } else if (key === "attrs") {
      for (const [name, attr] of Object.entries(value)) {
        if (name.toLowerCase() === "style" || name.toLowerCase().startsWith("on")) {
          throw new Error(`el(): attribute ${name} is not allowed`);
        }
        element.setAttribute(name, String(attr));
      }
    } else {
      element[key] = value;
    }
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(parent, child);
    } else {
      parent.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
  }
}

/** Removes every child of an element. */
export function clear(element) {
  element.replaceChildren();
}

let idCounter = 0;

/** A document-unique id for label/for and aria-describedby pairs. */
export function uniqueId(prefix) {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}
