// The lead's screens as tabs: a tablist whose arrow keys, Home and End move between them (WAI-ARIA tabs pattern),
// the chosen one kept in the address's #fragment so a reload or a link opens it.

import { $ } from "../app-state.js";
import { el } from "../dom.js";

/** screens: [{ id, label }]; onShow(id) when one is chosen. Returns { select(id), current() }. */
export function buildTabs(container, screens, onShow) {
  let current;
  const buttons = screens.map((screen) => el("button", {
    type: "button", id: `tab-${screen.id}`, className: "tab", text: screen.label,
    attrs: { role: "tab", "aria-controls": `panel-${screen.id}`, "aria-selected": "false", tabindex: "-1" },
    on: { click: () => select(screen.id, true), keydown: (event) => onKey(event, screen.id) },
  }));
  container.replaceChildren(...buttons);

  function select(id, focus = false) {
    const chosen = screens.some((screen) => screen.id === id) ? id : screens[0].id;
    current = chosen;
    for (const screen of screens) {
      const on = screen.id === chosen;
      const button = $(`tab-${screen.id}`);
      button.setAttribute("aria-selected", String(on));
      button.tabIndex = on ? 0 : -1;
      $(`panel-${screen.id}`).hidden = !on;
    }
    if (focus) {
      $(`tab-${chosen}`).focus();
    }
    if (window.location.hash !== `#${chosen}`) {
      window.history.replaceState(null, "", `#${chosen}`);
    }
    onShow(chosen);
  }

  function onKey(event, id) {
    const index = screens.findIndex((screen) => screen.id === id);
    const moves = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: screens.length - 1 };
    if (!(event.key in moves)) {
      return;
    }
    event.preventDefault();
    select(screens[(moves[event.key] + screens.length) % screens.length].id, true);
  }

  return { select, current: () => current };
}
