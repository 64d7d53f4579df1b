// An output pane flagged unsafe: blurred (app.css) under a veil until the evaluator chooses to look.

import { el } from "./dom.js";

/** The veil goes over the pane's frame; attach(tile) gives it the tile whose classes say flagged and revealed. */
export function buildFlagVeil() {
  const revealButton = el("button", { type: "button", className: "reveal", text: "Reveal image (v)" });
  const veil = el("div", { className: "veil", hidden: true },
    el("p", { text: "Flagged as unsafe. Hidden by default." }), revealButton);
  let tile;
  revealButton.addEventListener("click", () => tile.classList.add("is-revealed"));
  return {
    layer: veil,
    attach(element) {
      tile = element;
    },
    setFlagged(flagged) {
      tile.classList.toggle("is-flagged", flagged);
      veil.hidden = !flagged;
      if (!flagged) {
        tile.classList.remove("is-revealed");
      }
      return true;
    },
    toggleReveal() {
      if (!tile.classList.contains("is-flagged")) {
        return false;
      }
      tile.classList.toggle("is-revealed");
      return true;
    },
  };
}
