import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { metricsText } from "../js/metrics.js";

const untouched = { changedFraction: 0, ssimUnchanged: 0.998, resolutionRatio: 1, crop: null, geometryChanged: false };

describe("metricsText", () => {
  test("metricsText_whenOutputDownscaled_saysTheResolutionFirst", () => {
    assert.equal(metricsText({ ...untouched, resolutionRatio: 0.2424 }),
      "resolution 24.2 % of the source's · Changed area 0.0 % · preservation SSIM 0.998");
  });

  test("metricsText_whenCropped_saysHowMuchOfTheSourceIsShown", () => {
    assert.equal(metricsText({ ...untouched, crop: { x: 0.05, y: 0.05, w: 0.9, h: 0.9 }, geometryChanged: true }),
      "cropped to 90.0 % × 90.0 % of the source · Changed area 0.0 % · preservation SSIM 0.998");
  });

  test("metricsText_whenNoPreservationScore_saysWhyInsteadOfANumber", () => {
    assert.equal(metricsText({ ...untouched, changedFraction: 0.963, ssimUnchanged: null }),
      "Changed area 96.3 % · no preservation score: too little is unchanged");
  });

  test("metricsText_whenStoredBeforeResolutionWasMeasured_saysNothingOfIt", () => {
    assert.equal(metricsText({ ...untouched, resolutionRatio: null, geometryChanged: true }),
      "geometry changed · Changed area 0.0 % · preservation SSIM 0.998");
  });
});
