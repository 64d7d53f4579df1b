import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { clampView, FIT, moveSwipe, oneToOneScale, panBy, swipeAtPointer, toggleOneToOne, viewTransform,
  wheelFactor, zoomAt } from "../js/zoom.js";

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
