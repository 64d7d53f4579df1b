// The images: source and each blinded output side by side, with one zoom and pan shared by every pane (wheel, drag,
// keys, 1:1), the change-map overlay with its region boxes, a swipe line between source and output, flicker (the
// source in place of the outputs while a key is held), metrics, enlarge, and the blur of outputs flagged unsafe.

import { clear, el, uniqueId } from "./dom.js";
import { metricsText } from "./metrics.js";
import { bestColumns } from "./layout.js";
import { FIT, MAX_SCALE, moveSwipe, needsFullResolution, oneToOneScale, panBy, resolutionWidth, swipeAtPointer,
  toggleOneToOne, viewTransform, wheelFactor, zoomAt } from "./zoom.js";

const CAPTION_HEIGHT = 52;
const GAP = 8;
const DEFAULT_OPACITY = 60;
// A pointer that moves less than this between down and up clicked (enlarge), it did not drag.
const CLICK_SLOP_PX = 4;
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

  function layout() {
    const count = enlarged ? 1 : panes.length;
    const columns = bestColumns(count, container.clientWidth, container.clientHeight, aspect, CAPTION_HEIGHT, GAP);
    container.style.gridTemplateColumns = `repeat(${columns}, minmax(0, 1fr))`;
    container.style.gridTemplateRows = `repeat(${Math.ceil(count / columns)}, minmax(0, 1fr))`;
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

/** A pane's frame: a stage (image and overlays) moved by the shared view, and what stays fixed over it. */
function buildFrame(image, alt, shared, onClick) {
  const photo = el("img", { className: "photo", alt, decoding: "async", draggable: false });
  showSmallFirst(photo, image);
  const failed = el("p", {
    className: "image-failed",
    hidden: true,
    text: "The image did not load. Its link may have expired: reload the page to get a fresh one.",
  });
  photo.addEventListener("error", () => {
    failed.hidden = false;
  });
  const stage = el("div", { className: "stage" }, photo);
  const frame = el("div", { className: "frame" }, stage, failed);
  if (image.width > 0 && image.height > 0) {
    const ratio = image.width / image.height;
    frame.style.aspectRatio = `${image.width} / ${image.height}`;
    // As wide as the tile allows without growing taller than it (container query units of .tile-body).
    frame.style.width = `min(100cqw, calc(100cqh * ${ratio.toFixed(5)}))`;
  }
  bindPointer(frame, shared, onClick);
  return { frame, stage, photo, sharpen: fullWhenMagnified(photo, image, frame) };
}

/**
 * The full-resolution image in place of the preview once a view draws a preview pixel over more than one device
 * pixel, requested once and only for a pane on screen; the same CSS size, so the view stays where it is.
 */
function fullWhenMagnified(img, image, frame) {
  let requested = false;
  return (view) => {
    if (requested || !needsFullResolution(image, view, frame.clientWidth, window.devicePixelRatio)) {
      return;
    }
    requested = true;
    swapWhenLoaded(img, image.fullUrl, "full");
  };
}

/** Shows url in img once it has loaded; until then (or if it fails) img keeps what it shows. */
function swapWhenLoaded(img, url, quality) {
  const loader = new Image();
  loader.decoding = "async";
  loader.addEventListener("load", () => {
    img.src = url;
    img.dataset.quality = quality;
  });
  loader.src = url;
}

/**
 * The thumbnail at once, the viewing preview in its place as soon as it has loaded (a large preview over a slow line
 * would otherwise leave the pane empty). data-quality says which is shown.
 */
function showSmallFirst(photo, image) {
  if (!image.thumbUrl || image.thumbUrl === image.previewUrl) {
    photo.src = image.previewUrl;
    photo.dataset.quality = "preview";
    return;
  }
  photo.src = image.thumbUrl;
  photo.dataset.quality = "thumb";
  const preview = new Image();
  preview.decoding = "async";
  preview.addEventListener("load", () => {
    // The full image may have come first when zoomed in at once.
    if (photo.dataset.quality === "thumb") {
      photo.src = image.previewUrl;
      photo.dataset.quality = "preview";
    }
  });
  // A preview that fails leaves the thumbnail; the error note is for an image with nothing to show.
  preview.src = image.previewUrl;
}

/** Wheel zooms at the pointer; a drag pans (or moves the swipe line when it starts on it); a click enlarges. */
function bindPointer(frame, shared, onClick) {
  frame.addEventListener("wheel", (event) => {
    event.preventDefault();
    const box = frame.getBoundingClientRect();
    shared.wheel(wheelFactor(event.deltaY, event.deltaMode), (event.clientX - box.left) / box.width,
      (event.clientY - box.top) / box.height);
  }, { passive: false });
  let drag;
  frame.addEventListener("pointerdown", (event) => {
    if (event.button !== 0 || event.target.closest("button")) {
      return;
    }
    drag = { x: event.clientX, y: event.clientY, moved: false, swipe: frame.swipeDrag && event.target.closest(".swipe-line") };
    frame.setPointerCapture(event.pointerId);
  });
  frame.addEventListener("pointermove", (event) => {
    if (!drag) {
      return;
    }
    const box = frame.getBoundingClientRect();
    drag.moved = drag.moved || Math.hypot(event.clientX - drag.x, event.clientY - drag.y) > CLICK_SLOP_PX;
    if (drag.swipe) {
      frame.swipeDrag(swipeAtPointer(shared.view(), event.clientX, box), !drag.counted);
      drag.counted = true;
    } else if (drag.moved && shared.view().scale > 1) {
      shared.setView(panBy(shared.view(), (event.clientX - drag.x) / box.width, (event.clientY - drag.y) / box.height,
        shared.maxScale()));
      drag.x = event.clientX;
      drag.y = event.clientY;
    }
  });
  const end = (event) => {
    if (drag && !drag.moved && !drag.swipe && event.type === "pointerup") {
      onClick();
    }
    drag = undefined;
  };
  frame.addEventListener("pointerup", end);
  frame.addEventListener("pointercancel", end);
}

function enlargeButton(label) {
  const button = el("button", { type: "button", className: "tool", text: "Enlarge" });
  button.setAttribute("aria-label", `Enlarge ${label}`);
  return button;
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

function toolButton(text, label) {
  const button = el("button", { type: "button", className: "tool", text });
  button.setAttribute("aria-pressed", "false");
  button.setAttribute("aria-label", label);
  return button;
}

function buildOutputTile(task, output, shared, enlargeThis) {
  const { hooks } = shared;
  const name = `Output ${output.outputId}`;
  const { frame, stage, sharpen } = buildFrame(output, name, shared, enlargeThis);
  const changeMap = el("img", { className: "change-map", alt: "", hidden: true, decoding: "async", draggable: false });
  const regions = el("div", { className: "regions", hidden: true });
  for (const region of output.regions || []) {
    regions.append(regionBox(region));
  }
  const sourceOver = el("img", { className: "source-over", alt: "Source image", hidden: true, draggable: false });
  // The source shown over this output is sharpened like a pane of its own, once it has been shown.
  const sharpenSourceOver = fullWhenMagnified(sourceOver, task.source, frame);
  stage.append(changeMap, regions, sourceOver);
  const swipeLine = el("div", { className: "swipe-line", hidden: true, tabIndex: -1 });
  swipeLine.setAttribute("aria-hidden", "true");
  const revealButton = el("button", { type: "button", className: "reveal", text: "Reveal image (v)" });
  const veil = el("div", { className: "veil", hidden: true },
    el("p", { text: "Flagged as unsafe. Hidden by default." }), revealButton);
  frame.append(swipeLine, veil);

  const overlayId = uniqueId("overlay");
  const overlayBox = el("input", { type: "checkbox", id: overlayId, className: "overlay-toggle" });
  const opacity = el("input", { type: "range", min: "0", max: "100", value: String(DEFAULT_OPACITY),
    className: "opacity", hidden: true });
  opacity.setAttribute("aria-label", `Change overlay opacity for ${name}`);
  const sourceButton = toolButton("Source", `Show the source in place of ${name}`);
  const swipeButton = toolButton("Swipe", `Swipe between the source and ${name}`);
  const enlarge = enlargeButton(name);

  const element = el(
    "figure",
    { className: "tile tile-output", dataset: { outputId: output.outputId, showing: "output" } },
    el("figcaption", { className: "tile-head" },
      el("span", { className: "tile-name", text: name }),
      el("span", { className: "tile-tools" },
        el("label", { className: "tool check", htmlFor: overlayId }, overlayBox, "Changes"),
        opacity, sourceButton, swipeButton, enlarge)),
    el("div", { className: "tile-body" }, frame),
    // The numbers only when the rubric shows them (the server sends none otherwise): they would anchor the scores.
    ...(output.metrics ? [el("p", { className: "tile-foot", text: metricsText(output.metrics) })] : []),
  );

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
    element.dataset.showing = showing;
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

  function setOverlay(on) {
    overlayBox.checked = on;
    if (on && !changeMap.src && output.changeMapUrl) {
      changeMap.src = output.changeMapUrl;
    }
    changeMap.hidden = !on || !output.changeMapUrl;
    regions.hidden = !on;
    opacity.hidden = !on;
  }
  const applyOpacity = () => {
    changeMap.style.opacity = String(Number(opacity.value) / 100);
  };
  const toggleSwipe = () => {
    state.swipe = state.swipe === undefined ? 0.5 : undefined;
    if (state.swipe !== undefined) {
      hooks.onInteraction("swipes");
    }
    render();
  };

  overlayBox.addEventListener("change", () => {
    hooks.onInteraction("overlayToggles");
    setOverlay(overlayBox.checked);
  });
  opacity.addEventListener("input", applyOpacity);
  applyOpacity();
  sourceButton.addEventListener("click", () => {
    state.latched = !state.latched;
    if (state.latched) {
      hooks.onInteraction("flickers");
    }
    render();
  });
  swipeButton.addEventListener("click", toggleSwipe);
  enlarge.addEventListener("click", enlargeThis);
  revealButton.addEventListener("click", () => element.classList.add("is-revealed"));
  element.addEventListener("focusin", () => hooks.onOutputFocus(output.outputId));
  element.addEventListener("pointerdown", () => hooks.onOutputFocus(output.outputId));

  return {
    element,
    imageWidth: resolutionWidth(output),
    frameWidth: () => frame.clientWidth,
    applyView(view) {
      stage.style.transform = viewTransform(view);
      element.classList.toggle("is-zoomed", view.scale > 1);
      placeSwipeLine();
      sharpen(view);
      if (sourceOver.src) {
        sharpenSourceOver(view);
      }
    },
    toggleOverlay() {
      hooks.onInteraction("overlayToggles");
      setOverlay(!overlayBox.checked);
      return true;
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
    setFlagged(flagged) {
      element.classList.toggle("is-flagged", flagged);
      veil.hidden = !flagged;
      if (!flagged) {
        element.classList.remove("is-revealed");
      }
      return true;
    },
    toggleReveal() {
      if (!element.classList.contains("is-flagged")) {
        return false;
      }
      element.classList.toggle("is-revealed");
      return true;
    },
    setEnlargedLabel(isEnlarged) {
      enlarge.textContent = isEnlarged ? "Back to grid" : "Enlarge";
    },
  };
}

function regionBox(region) {
  const box = el("div", { className: "region" });
  const clamp = (value) => Math.min(1, Math.max(0, Number(value) || 0));
  const x = clamp(region.x);
  const y = clamp(region.y);
  box.style.left = `${x * 100}%`;
  box.style.top = `${y * 100}%`;
  box.style.width = `${Math.min(clamp(region.w), 1 - x) * 100}%`;
  box.style.height = `${Math.min(clamp(region.h), 1 - y) * 100}%`;
  return box;
}
