// An output pane's change overlay: the preview stage's change map over the image, the boxes of the changed regions,
// and their caption controls (a Changes toggle and an opacity slider). A viewing aid, shown with or without metrics.

import { el, uniqueId } from "./dom.js";

const DEFAULT_OPACITY = 60;

/**
 * The overlay of one output: layers go on the pane's stage (they move with the image), tools in its caption.
 * hooks.onInteraction("overlayToggles") is told of every toggle.
 */
export function buildOverlay(output, name, hooks) {
  const changeMap = el("img", { className: "change-map", alt: "", hidden: true, decoding: "async", draggable: false });
  const regions = el("div", { className: "regions", hidden: true });
  for (const region of output.regions || []) {
    regions.append(regionBox(region));
  }
  const overlayId = uniqueId("overlay");
  const overlayBox = el("input", { type: "checkbox", id: overlayId, className: "overlay-toggle" });
  const opacity = el("input", { type: "range", min: "0", max: "100", value: String(DEFAULT_OPACITY),
    className: "opacity", hidden: true });
  opacity.setAttribute("aria-label", `Change overlay opacity for ${name}`);

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
  overlayBox.addEventListener("change", () => {
    hooks.onInteraction("overlayToggles");
    setOverlay(overlayBox.checked);
  });
  opacity.addEventListener("input", applyOpacity);
  applyOpacity();

  return {
    layers: [changeMap, regions],
    tools: [el("label", { className: "tool check", htmlFor: overlayId }, overlayBox, "Changes"), opacity],
    toggle() {
      hooks.onInteraction("overlayToggles");
      setOverlay(!overlayBox.checked);
      return true;
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
