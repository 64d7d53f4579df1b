// A pane's frame and the parts every pane shares: the image (thumbnail, then preview, then full resolution once
// magnified), the pointer (wheel zoom, drag pan, click enlarge, swipe drag) and the caption's tool buttons.

import { el } from "./dom.js";
import { needsFullResolution, panBy, swipeAtPointer, wheelFactor } from "./zoom.js";

// A pointer that moves less than this between down and up clicked (enlarge), it did not drag.
const CLICK_SLOP_PX = 4;

/** A pane's frame: a stage (image and overlays) moved by the shared view, and what stays fixed over it. */
export function buildFrame(image, alt, shared, onClick) {
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
export function fullWhenMagnified(img, image, frame) {
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

export function enlargeButton(label) {
  const button = el("button", { type: "button", className: "tool", text: "Enlarge", title: "Enlarge (e)" });
  button.setAttribute("aria-label", `Enlarge ${label}`);
  button.setAttribute("aria-keyshortcuts", "e");
  return button;
}

export function toolButton(text, label) {
  const button = el("button", { type: "button", className: "tool", text });
  button.setAttribute("aria-pressed", "false");
  button.setAttribute("aria-label", label);
  return button;
}
