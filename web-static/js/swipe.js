// An output pane's comparison with the source: the source shown over the output while flicker is held or the
// Source button latched, or beside a swipe line (source to its left) that the evaluator drags or moves by key.

import { el } from "./dom.js";
import { fullWhenMagnified, toolButton } from "./pane-frame.js";
import { moveSwipe } from "./zoom.js";

/**
 * The source over one output's frame: a stage layer, a frame layer (the line) and two caption tools. attach(tile)
 * gives it the tile whose data-showing says what the pane shows: "output", "source" or "swipe".
 */
export function buildSwipe(task, name, frame, shared) {
  const { hooks } = shared;
  const sourceOver = el("img", { className: "source-over", alt: "Source image", hidden: true, draggable: false });
  // The source shown over this output is sharpened like a pane of its own, once it has been shown.
  const sharpenSourceOver = fullWhenMagnified(sourceOver, task.source, frame);
  const swipeLine = el("div", { className: "swipe-line", hidden: true, tabIndex: -1 });
  swipeLine.setAttribute("aria-hidden", "true");
  const sourceButton = toolButton("Source", `Show the source in place of ${name}`);
  const swipeButton = toolButton("Swipe", `Swipe between the source and ${name}`);
  let tile;

  // What the pane shows: the source while flickering or latched by the button, else the swipe split, else the output.
  const state = { flicker: false, latched: false, swipe: undefined };
  function render() {
    const whole = state.flicker || state.latched;
    const showing = whole ? "source" : state.swipe !== undefined ? "swipe" : "output";
    if (showing !== "output" && !sourceOver.src) {
      sourceOver.src = task.source.previewUrl;
      sharpenSourceOver(shared.view());
    }
    sourceOver.hidden = showing === "output";
    // The source covers the left of the line: the output is seen to its right.
    sourceOver.style.clipPath = showing === "swipe" ? `inset(0 ${((1 - state.swipe) * 100).toFixed(2)}% 0 0)` : "";
    swipeLine.hidden = showing !== "swipe";
    placeSwipeLine();
    tile.dataset.showing = showing;
    sourceButton.setAttribute("aria-pressed", String(state.latched));
    swipeButton.setAttribute("aria-pressed", String(state.swipe !== undefined));
  }
  function placeSwipeLine() {
    if (state.swipe !== undefined) {
      const view = shared.view();
      swipeLine.style.left = `${((view.tx + state.swipe * view.scale) * 100).toFixed(3)}%`;
    }
  }
  frame.swipeDrag = (position, first) => {
    if (first) {
      hooks.onInteraction("swipes");
    }
    state.swipe = position;
    render();
  };
  const toggleSwipe = () => {
    state.swipe = state.swipe === undefined ? 0.5 : undefined;
    if (state.swipe !== undefined) {
      hooks.onInteraction("swipes");
    }
    render();
  };
  sourceButton.addEventListener("click", () => {
    state.latched = !state.latched;
    if (state.latched) {
      hooks.onInteraction("flickers");
    }
    render();
  });
  swipeButton.addEventListener("click", toggleSwipe);

  return {
    stageLayer: sourceOver,
    frameLayer: swipeLine,
    tools: [sourceButton, swipeButton],
    attach(element) {
      tile = element;
    },
    applyView(view) {
      placeSwipeLine();
      if (sourceOver.src) {
        sharpenSourceOver(view);
      }
    },
    setFlicker(on) {
      state.flicker = on;
      render();
    },
    toggleSwipe() {
      toggleSwipe();
      return true;
    },
    moveSwipe(step) {
      if (state.swipe === undefined) {
        state.swipe = 0.5;
      }
      hooks.onInteraction("swipes");
      state.swipe = moveSwipe(state.swipe, step);
      render();
      return true;
    },
  };
}
