// The line of change metrics under an output's pane, for leads and for rubrics that show them. DOM-free.
import { formatDecimal, formatPercent } from "./format.js";

/** Below this share of the source's resolution an output is said to have lost some. */
const FULL_RESOLUTION = 0.99;

/**
 * What the preview stage measured, in words: lost resolution and crops first (they are what happened to the whole
 * image), then the changed area and the preservation score, or why there is none.
 */
export function metricsText(metrics) {
  if (!metrics) {
    return "No change metrics";
  }
  const parts = [];
  if (Number.isFinite(metrics.resolutionRatio) && metrics.resolutionRatio < FULL_RESOLUTION) {
    parts.push(`resolution ${formatPercent(metrics.resolutionRatio)} of the source's`);
  }
  if (metrics.crop) {
    parts.push(`cropped to ${formatPercent(metrics.crop.w)} × ${formatPercent(metrics.crop.h)} of the source`);
  } else if (metrics.geometryChanged === true) {
    parts.push("geometry changed");
  }
  parts.push(`Changed area ${formatPercent(metrics.changedFraction)}`);
  parts.push(Number.isFinite(metrics.ssimUnchanged)
    ? `preservation SSIM ${formatDecimal(metrics.ssimUnchanged)}`
    : "no preservation score: too little is unchanged");
  return parts.join(" · ");
}
