// The images: source and each blinded output side by side, with one zoom and pan shared by every pane (wheel, drag,
// keys, 1:1), the change-map overlay with its region boxes, a swipe line between source and output, flicker (the
// source in place of the outputs while a key is held), metrics, enlarge, and the blur of outputs flagged unsafe.

import { buildOverlay } from "./change-overlay.js";
import { clear, el } from "./dom.js";
import { buildFlagVeil } from "./flag-veil.js";
import { paneGrid } from "./layout.js";
import { metricsText } from "./metrics.js";
import { buildFrame, enlargeButton } from "./pane-frame.js";
import { buildSwipe } from "./swipe.js";
import { FIT, MAX_SCALE, oneToOneScale, panBy, resolutionWidth, toggleOneToOne, viewTransform, zoomAt }
  from "./zoom.js";

const GAP = 8;
// Wheel events closer together than this are one zoom gesture, counted once.
const GESTURE_GAP_MS = 600;

/**
 * Renders the task's images into container.
 * hooks: { onInteraction(kind) with kind one of "overlayToggles", "zooms", "flickers", "swipes";
 *          onOutputFocus(outputId) when the rater works with an output's tile }.
 */
export function createViewer(container, task, hooks) {
  clear(container);
  container.classList.remove("is-enlarged");
  let view = FIT;
  let enlarged;
  let lastWheel = 0;
  const panes = [];
  const shared = {
    hooks,
    view: () => view,
    maxScale: () => Math.max(MAX_SCALE, oneToOne()),
    setView(next) {
      view = next;
      for (const pane of panes) {
        pane.applyView(view);
      }
    },
    wheel(factor, px, py) {
      const now = Date.now();
      if (now - lastWheel > GESTURE_GAP_MS) {
        hooks.onInteraction("zooms");
      }
      lastWheel = now;
      shared.setView(zoomAt(view, factor, px, py, shared.maxScale()));
    },
  };
  const sourceTile = buildSourceTile(task.source, shared, () => enlarge(sourceTile));
  panes.push(sourceTile);
  container.append(sourceTile.element);
  const tiles = new Map();
  for (const output of task.outputs) {
    const tile = buildOutputTile(task, output, shared, () => enlarge(tile));
    tiles.set(output.outputId, tile);
    panes.push(tile);
    container.append(tile.element);
  }

  const aspect = task.source.width > 0 && task.source.height > 0 ? task.source.width / task.source.height : 1.5;

  /** The first pane on screen (an enlarged output hides the source) and its image's width. */
  function shownPane() {
    const pane = panes.find((candidate) => candidate.frameWidth() > 0) || sourceTile;
    return { imageWidth: pane.imageWidth, frameWidth: pane.frameWidth() };
  }

  function oneToOne() {
    const { imageWidth, frameWidth } = shownPane();
    return oneToOneScale(imageWidth, frameWidth);
  }

  /** What of a tile is not image, measured: caption and foot (which wrap with the tile's width), padding, borders. */
  function chrome(shown) {
    let vertical = 0;
    let horizontal = 0;
    for (const pane of shown) {
      const body = pane.element.querySelector(".tile-body");
      const padding = getComputedStyle(body);
      vertical = Math.max(vertical, pane.element.offsetHeight - body.clientHeight
        + parseFloat(padding.paddingTop) + parseFloat(padding.paddingBottom));
      horizontal = Math.max(horizontal, pane.element.offsetWidth - body.clientWidth
        + parseFloat(padding.paddingLeft) + parseFloat(padding.paddingRight));
    }
    return { vertical: Math.ceil(vertical), horizontal: Math.ceil(horizontal) };
  }

  /** Every caption as tall as the tallest, so the images of a row line up for the eye to jump between them. */
  function equalHeads(shown) {
    const heads = shown.map((pane) => pane.element.querySelector(".tile-head"));
    for (const head of heads) {
      head.style.minHeight = "";
    }
    const tallest = Math.max(...heads.map((head) => head.offsetHeight));
    for (const head of heads) {
      head.style.minHeight = `${tallest}px`;
    }
  }

  /** Each tile spans two half-width tracks, so an incomplete last row can be centred by half a tile. */
  function place(grid, shown) {
    container.style.gridTemplateColumns = `repeat(${grid.columns * 2}, ${(grid.tileWidth - GAP) / 2}px)`;
    container.style.gridTemplateRows = `repeat(${grid.rows}, ${grid.tileHeight}px)`;
    const lastRowStart = (grid.rows - 1) * grid.columns;
    shown.forEach((pane, index) => {
      pane.element.style.gridColumn = index === lastRowStart && grid.lastRowOffset > 0
        ? `${1 + grid.lastRowOffset} / span 2` : "span 2";
    });
  }

  function layout() {
    const shown = enlarged ? [enlarged] : panes;
    const box = getComputedStyle(container);
    const width = container.clientWidth - parseFloat(box.paddingLeft) - parseFloat(box.paddingRight);
    const height = container.clientHeight - parseFloat(box.paddingTop) - parseFloat(box.paddingBottom);
    // The captions wrap with the tiles' width: measure, lay out, and measure again until they settle.
    equalHeads(shown);
    let measured = chrome(shown);
    for (let pass = 0; pass < 3; pass += 1) {
      place(paneGrid(shown.length, width, height, aspect, measured, GAP), shown);
      equalHeads(shown);
      const again = chrome(shown);
      if (again.vertical === measured.vertical && again.horizontal === measured.horizontal) {
        break;
      }
      measured = again;
    }
    // A pane shown or widened by the new layout may now need its full-resolution image.
    for (const pane of panes) {
      pane.applyView(view);
    }
  }

  function enlarge(tile) {
    if (enlarged === tile) {
      closeEnlarged();
      return;
    }
    hooks.onInteraction("zooms");
    enlarged = tile;
    container.classList.add("is-enlarged");
    for (const other of panes) {
      other.element.classList.toggle("is-enlarged", other === tile);
      other.setEnlargedLabel(other === tile);
    }
    layout();
  }

  function closeEnlarged() {
    if (!enlarged) {
      return false;
    }
    enlarged = undefined;
    container.classList.remove("is-enlarged");
    for (const tile of panes) {
      tile.element.classList.remove("is-enlarged");
      tile.setEnlargedLabel(false);
    }
    layout();
    return true;
  }

  const observer = new ResizeObserver(layout);
  observer.observe(container);
  layout();
  const onTile = (outputId, action) => {
    const tile = tiles.get(outputId);
    return tile ? action(tile) : false;
  };

  return {
    toggleOverlay: (outputId) => onTile(outputId, (tile) => tile.toggleOverlay()),
    setFlagged: (outputId, flagged) => onTile(outputId, (tile) => tile.setFlagged(flagged)),
    toggleReveal: (outputId) => onTile(outputId, (tile) => tile.toggleReveal()),
    toggleSwipe: (outputId) => onTile(outputId, (tile) => tile.toggleSwipe()),
    /** Enlarges the output's pane, or returns to the grid when it is the one enlarged. */
    toggleEnlarge: (outputId) => onTile(outputId, (tile) => {
      enlarge(tile);
      return true;
    }),
    moveSwipe: (outputId, step) => onTile(outputId, (tile) => tile.moveSwipe(step)),
    /** Flicker: while on, every output pane shows the source. */
    setFlicker(on) {
      for (const tile of tiles.values()) {
        tile.setFlicker(on);
      }
    },
    zoomBy(factor) {
      hooks.onInteraction("zooms");
      shared.setView(zoomAt(view, factor, 0.5, 0.5, shared.maxScale()));
    },
    /** Arrow keys: moves a zoomed view by (dx, dy) of the pane; false when fitted, with nothing to pan. */
    pan(dx, dy) {
      if (view.scale <= 1) {
        return false;
      }
      shared.setView(panBy(view, dx, dy, shared.maxScale()));
      return true;
    },
    toggleOneToOne() {
      hooks.onInteraction("zooms");
      const { imageWidth, frameWidth } = shownPane();
      shared.setView(toggleOneToOne(view, imageWidth, frameWidth));
    },
    markCurrent(outputId) {
      for (const [id, tile] of tiles) {
        tile.element.classList.toggle("is-current", id === outputId);
      }
    },
    closeEnlarged,
    destroy() {
      observer.disconnect();
      clear(container);
    },
  };
}







function buildSourceTile(source, shared, enlargeThis) {
  const { frame, stage, sharpen } = buildFrame(source, "Source image", shared, enlargeThis);
  const enlarge = enlargeButton("the source image");
  enlarge.addEventListener("click", enlargeThis);
  const element = el(
    "figure",
    { className: "tile tile-source" },
    el("figcaption", { className: "tile-head" }, el("span", { className: "tile-name", text: "Source" }),
      el("span", { className: "tile-tools" }, enlarge)),
    el("div", { className: "tile-body" }, frame),
    el("p", { className: "tile-foot", text: dimensionsText(source) }),
  );
  return {
    element,
    imageWidth: resolutionWidth(source),
    frameWidth: () => frame.clientWidth,
    applyView(view) {
      stage.style.transform = viewTransform(view);
      element.classList.toggle("is-zoomed", view.scale > 1);
      sharpen(view);
    },
    setEnlargedLabel(isEnlarged) {
      enlarge.textContent = isEnlarged ? "Back to grid" : "Enlarge";
    },
  };
}

/** The image's own size: the full-resolution one's when there is one. */
function dimensionsText(image) {
  const [width, height] = image.fullUrl && image.fullWidth > 0 ? [image.fullWidth, image.fullHeight]
    : [image.width, image.height];
  return width > 0 && height > 0 ? `${width} × ${height}` : "";
}

/** An output's pane: its frame with the change overlay, the source comparison (flicker, Source, swipe) and the veil. */
function buildOutputTile(task, output, shared, enlargeThis) {
  const { hooks } = shared;
  const name = `Output ${output.outputId}`;
  const { frame, stage, sharpen } = buildFrame(output, name, shared, enlargeThis);
  const overlay = buildOverlay(output, name, hooks);
  const swipe = buildSwipe(task, name, frame, shared);
  const flag = buildFlagVeil();
  stage.append(...overlay.layers, swipe.stageLayer);
  frame.append(swipe.frameLayer, flag.layer);
  const enlarge = enlargeButton(name);
  enlarge.addEventListener("click", enlargeThis);

  const element = el(
    "figure",
    { className: "tile tile-output", dataset: { outputId: output.outputId, showing: "output" } },
    el("figcaption", { className: "tile-head" },
      el("span", { className: "tile-name", text: name }),
      el("span", { className: "tile-tools" }, ...overlay.tools, ...swipe.tools, enlarge)),
    el("div", { className: "tile-body" }, frame),
    // The numbers only when the rubric shows them (the server sends none otherwise): they would anchor the scores.
    // The foot stays, empty, so the output panes' images line up with the source's.
    el("p", { className: "tile-foot", text: output.metrics ? metricsText(output.metrics) : "" }),
  );
  swipe.attach(element);
  flag.attach(element);
  element.addEventListener("focusin", () => hooks.onOutputFocus(output.outputId));
  element.addEventListener("pointerdown", () => hooks.onOutputFocus(output.outputId));

  return {
    element,
    imageWidth: resolutionWidth(output),
    frameWidth: () => frame.clientWidth,
    applyView(view) {
      stage.style.transform = viewTransform(view);
      element.classList.toggle("is-zoomed", view.scale > 1);
      swipe.applyView(view);
      sharpen(view);
    },
    toggleOverlay: overlay.toggle,
    setFlicker: swipe.setFlicker,
    toggleSwipe: swipe.toggleSwipe,
    moveSwipe: swipe.moveSwipe,
    setFlagged: flag.setFlagged,
    toggleReveal: flag.toggleReveal,
    setEnlargedLabel(isEnlarged) {
      enlarge.textContent = isEnlarged ? "Back to grid" : "Enlarge";
    },
  };
}
