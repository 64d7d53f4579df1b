import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { clampView, FIT, moveSwipe, needsFullResolution, oneToOneScale, panBy, resolutionWidth, swipeAtPointer,
  toggleOneToOne, viewTransform, wheelFactor, zoomAt } from "../js/zoom.js";

const close = (actual, expected) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} != ${expected}`);

describe("zoom", () => {
  test("zoomAt_keepsThePointUnderThePointerInPlace", () => {
    const view = zoomAt(FIT, 2, 0.25, 0.75);

    assert.equal(view.scale, 2);
    // The image point under (0.25, 0.75) before the zoom is still drawn there.
    close(0.25 * view.scale + view.tx, 0.25);
    close(0.75 * view.scale + view.ty, 0.75);
  });

  test("zoomAt_whenZoomingOutPastFit_stopsAtFitWithNoMargin", () => {
    assert.deepEqual(zoomAt(zoomAt(FIT, 3, 0.9, 0.1), 0.1, 0.2, 0.2), FIT);
  });

  test("zoomAt_neverPassesTheMaximum", () => {
    assert.equal(zoomAt(FIT, 1000).scale, 16);
    assert.equal(zoomAt(FIT, 1000, 0.5, 0.5, 40).scale, 40);
  });

  test("panBy_keepsTheImageCoveringThePane", () => {
    const zoomed = zoomAt(FIT, 2);

    assert.deepEqual(panBy(zoomed, 5, -5), { scale: 2, tx: 0, ty: -1 });
    assert.deepEqual(panBy(FIT, 0.3, 0.3), FIT);
  });

  test("clampView_whenGarbage_fallsBackToFit", () => {
    assert.deepEqual(clampView({ scale: Number.NaN, tx: 3, ty: -3 }), FIT);
  });

  test("needsFullResolution_onlyOnceAPreviewPixelSpansMoreThanOneDevicePixel", () => {
    const image = { width: 1600, fullUrl: "https://images/x-full.jpg", fullWidth: 4000 };

    assert.equal(needsFullResolution(image, FIT, 800), false);
    assert.equal(needsFullResolution(image, { scale: 2, tx: 0, ty: 0 }, 800), false);
    assert.equal(needsFullResolution(image, { scale: 2.01, tx: 0, ty: 0 }, 800), true);
    assert.equal(needsFullResolution(image, { scale: 1.01, tx: 0, ty: 0 }, 800, 2), true);
  });

  test("needsFullResolution_whenNoFullImageOrNoSize_neverLoads", () => {
    const view = { scale: 16, tx: 0, ty: 0 };

    assert.equal(needsFullResolution({ width: 600, fullUrl: null, fullWidth: null }, view, 600), false);
    assert.equal(needsFullResolution({ width: 1600, fullUrl: "https://f" }, view, 0), false);
  });

  test("resolutionWidth_isTheFullImagesWhenThereIsOne_elseThePreviews", () => {
    assert.equal(resolutionWidth({ width: 1600, fullUrl: "https://f", fullWidth: 4000 }), 4000);
    assert.equal(resolutionWidth({ width: 600, fullUrl: null, fullWidth: null }), 600);
    // 1:1 on the full image: 4000 image pixels over an 800 px pane.
    assert.equal(oneToOneScale(resolutionWidth({ width: 1600, fullUrl: "https://f", fullWidth: 4000 }), 800), 5);
  });

  test("oneToOneScale_isImageWidthOverDrawnWidth_neverBelowOne", () => {
    assert.equal(oneToOneScale(4000, 500), 8);
    assert.equal(oneToOneScale(300, 600), 1);
    assert.equal(oneToOneScale(0, 600), 1);
  });

  test("toggleOneToOne_fromFitGoesTo1to1AtTheCentre_andBackToFit", () => {
    const pixel = toggleOneToOne(FIT, 6000, 300);

    assert.equal(pixel.scale, 20);
    close(0.5 * pixel.scale + pixel.tx, 0.5);
    assert.deepEqual(toggleOneToOne(pixel, 6000, 300), FIT);
  });

  test("wheelFactor_downZoomsOut_upZoomsIn_linesCountAsPixels", () => {
    assert.ok(wheelFactor(100) < 1 && wheelFactor(-100) > 1);
    close(wheelFactor(-100) * wheelFactor(100), 1);
    close(wheelFactor(3, 1), wheelFactor(48));
  });

  test("viewTransform_writesPercentTranslateThenScale", () => {
    assert.equal(viewTransform({ scale: 2, tx: -0.5, ty: -0.25 }), "translate(-50%, -25%) scale(2)");
  });

  test("moveSwipe_staysWithinThePane", () => {
    assert.equal(moveSwipe(0.5, 0.1), 0.6);
    assert.equal(moveSwipe(0.95, 0.1), 1);
    assert.equal(moveSwipe(0.05, -0.1), 0);
  });

  test("swipeAtPointer_mapsThePointerIntoTheZoomedImage", () => {
    const box = { left: 100, width: 200 };

    assert.equal(swipeAtPointer(FIT, 150, box), 0.25);
    assert.equal(swipeAtPointer({ scale: 2, tx: -0.5, ty: 0 }, 200, box), 0.5);
    assert.equal(swipeAtPointer(FIT, 0, box), 0);
  });
});
