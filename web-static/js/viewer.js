// The images: source and each blinded output side by side, with the change-map overlay, changed-region
// boxes, metrics, enlarge, show-source (flicker) and the blur of outputs flagged unsafe.

import { clear, el, uniqueId } from "./dom.js";
import { formatDecimal, formatPercent } from "./format.js";
import { bestColumns } from "./layout.js";

const CAPTION_HEIGHT = 52;
const GAP = 8;
const DEFAULT_OPACITY = 60;

/**
 * Renders the task's images into container.
 * hooks: { onInteraction(kind) with kind one of "overlayToggles", "zooms", "flickers";
 *          onOutputFocus(outputId) when the rater works with an output's tile }.
 */
export function createViewer(container, task, hooks) {
  clear(container);
  container.classList.remove("is-enlarged");
  const tiles = new Map();
  const sourceTile = buildSourceTile(task.source);
  container.append(sourceTile.element);
  for (const output of task.outputs) {
    const tile = buildOutputTile(task, output, hooks, () => enlarge(tile));
    tiles.set(output.outputId, tile);
    container.append(tile.element);
  }
  let enlarged;

  const allTiles = () => [sourceTile, ...tiles.values()];
  const aspect = task.source.width > 0 && task.source.height > 0 ? task.source.width / task.source.height : 1.5;

  function layout() {
    const count = enlarged ? 1 : 1 + tiles.size;
    const columns = bestColumns(count, container.clientWidth, container.clientHeight, aspect, CAPTION_HEIGHT, GAP);
    container.style.gridTemplateColumns = `repeat(${columns}, minmax(0, 1fr))`;
    container.style.gridTemplateRows = `repeat(${Math.ceil(count / columns)}, minmax(0, 1fr))`;
  }

  function enlarge(tile) {
    if (enlarged === tile) {
      closeEnlarged();
      return;
    }
    hooks.onInteraction("zooms");
    enlarged = tile;
    container.classList.add("is-enlarged");
    for (const other of allTiles()) {
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
    for (const tile of allTiles()) {
      tile.element.classList.remove("is-enlarged");
      tile.setEnlargedLabel(false);
    }
    layout();
    return true;
  }

  sourceTile.onEnlarge(() => enlarge(sourceTile));
  const observer = new ResizeObserver(layout);
  observer.observe(container);
  layout();

  return {
    toggleOverlay(outputId) {
      const tile = tiles.get(outputId);
      if (tile) {
        tile.toggleOverlay();
      }
    },
    setFlagged(outputId, flagged) {
      const tile = tiles.get(outputId);
      if (tile) {
        tile.setFlagged(flagged);
      }
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

function buildFrame(image, alt) {
  const photo = el("img", { className: "photo", alt, src: image.previewUrl, decoding: "async" });
  const failed = el("p", {
    className: "image-failed",
    hidden: true,
    text: "The image did not load. Its link may have expired: reload the page to get a fresh one.",
  });
  photo.addEventListener("error", () => {
    failed.hidden = false;
  });
  const frame = el("div", { className: "frame" }, photo, failed);
  if (image.width > 0 && image.height > 0) {
    const ratio = image.width / image.height;
    frame.style.aspectRatio = `${image.width} / ${image.height}`;
    // As wide as the tile allows without growing taller than it (container query units of .tile-body).
    frame.style.width = `min(100cqw, calc(100cqh * ${ratio.toFixed(5)}))`;
  }
  return { frame, photo };
}

function enlargeButton(label) {
  const button = el("button", { type: "button", className: "tool", text: "Enlarge" });
  button.setAttribute("aria-label", `Enlarge ${label}`);
  return button;
}

function buildSourceTile(source) {
  const { frame, photo } = buildFrame(source, "Source image");
  const enlarge = enlargeButton("the source image");
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
    onEnlarge(handler) {
      enlarge.addEventListener("click", handler);
      photo.addEventListener("click", handler);
    },
    setEnlargedLabel(isEnlarged) {
      enlarge.textContent = isEnlarged ? "Back to grid" : "Enlarge";
    },
  };
}

function dimensionsText(image) {
  return image.width > 0 && image.height > 0 ? `${image.width} × ${image.height}` : "";
}

function buildOutputTile(task, output, hooks, enlargeThis) {
  const name = `Output ${output.outputId}`;
  const { frame, photo } = buildFrame(output, name);
  const changeMap = el("img", { className: "change-map", alt: "", hidden: true, decoding: "async" });
  const regions = el("div", { className: "regions", hidden: true });
  for (const region of (output.metrics && output.metrics.regions) || []) {
    regions.append(regionBox(region));
  }
  const sourceOver = el("img", { className: "source-over", alt: "Source image", hidden: true });
  const revealButton = el("button", { type: "button", className: "reveal", text: "Reveal image" });
  const veil = el("div", { className: "veil", hidden: true },
    el("p", { text: "Flagged as unsafe. Hidden by default." }), revealButton);
  frame.append(changeMap, regions, sourceOver, veil);

  const overlayId = uniqueId("overlay");
  const overlayBox = el("input", { type: "checkbox", id: overlayId, className: "overlay-toggle" });
  const opacity = el("input", { type: "range", min: "0", max: "100", value: String(DEFAULT_OPACITY),
    className: "opacity", hidden: true });
  opacity.setAttribute("aria-label", `Change overlay opacity for ${name}`);
  const sourceButton = el("button", { type: "button", className: "tool", text: "Show source" });
  sourceButton.setAttribute("aria-pressed", "false");
  const enlarge = enlargeButton(name);

  const element = el(
    "figure",
    { className: "tile tile-output", dataset: { outputId: output.outputId } },
    el("figcaption", { className: "tile-head" },
      el("span", { className: "tile-name", text: name }),
      el("span", { className: "tile-tools" },
        el("label", { className: "tool check", htmlFor: overlayId }, overlayBox, "Changes"),
        opacity, sourceButton, enlarge)),
    el("div", { className: "tile-body" }, frame),
    el("p", { className: "tile-foot", text: metricsText(output.metrics) }),
  );

  function setOverlay(on) {
    overlayBox.checked = on;
    if (on && !changeMap.src && output.changeMapUrl) {
      changeMap.src = output.changeMapUrl;
    }
    changeMap.hidden = !on || !output.changeMapUrl;
    regions.hidden = !on;
    opacity.hidden = !on;
  }

  function applyOpacity() {
    changeMap.style.opacity = String(Number(opacity.value) / 100);
  }

  overlayBox.addEventListener("change", () => {
    hooks.onInteraction("overlayToggles");
    setOverlay(overlayBox.checked);
  });
  opacity.addEventListener("input", applyOpacity);
  applyOpacity();
  sourceButton.addEventListener("click", () => {
    const showing = sourceOver.hidden;
    if (showing) {
      hooks.onInteraction("flickers");
      if (!sourceOver.src) {
        sourceOver.src = task.source.previewUrl;
      }
    }
    sourceOver.hidden = !showing;
    sourceButton.setAttribute("aria-pressed", String(showing));
    sourceButton.textContent = showing ? "Showing source" : "Show source";
  });
  enlarge.addEventListener("click", enlargeThis);
  photo.addEventListener("click", enlargeThis);
  revealButton.addEventListener("click", () => element.classList.add("is-revealed"));
  element.addEventListener("focusin", () => hooks.onOutputFocus(output.outputId));
  element.addEventListener("pointerdown", () => hooks.onOutputFocus(output.outputId));

  return {
    element,
    toggleOverlay() {
      hooks.onInteraction("overlayToggles");
      setOverlay(!overlayBox.checked);
    },
    setFlagged(flagged) {
      element.classList.toggle("is-flagged", flagged);
      veil.hidden = !flagged;
      if (!flagged) {
        element.classList.remove("is-revealed");
      }
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

function metricsText(metrics) {
  if (!metrics) {
    return "No change metrics";
  }
  const parts = [`Changed area ${formatPercent(metrics.changedFraction)}`,
    `preservation SSIM ${formatDecimal(metrics.ssimUnchanged)}`];
  if (metrics.geometryChanged === true) {
    parts.push("geometry changed");
  }
  return parts.join(" · ");
}
