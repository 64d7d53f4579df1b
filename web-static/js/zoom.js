// The shared view of every pane: one zoom and pan, in fractions of the pane, so panes of different pixel sizes
// show the same part of the image. DOM-free so the maths can be tested; viewer.js applies it as a CSS transform
// `translate(tx*100%, ty*100%) scale(scale)` with the origin at the top left.
//
// A view: { scale, tx, ty }; scale 1 fits the image in its pane; tx, ty lie in [1 - scale, 0].

export const FIT = Object.freeze({ scale: 1, tx: 0, ty: 0 });
export const MAX_SCALE = 16;

const clamp = (value, low, high) => Math.min(high, Math.max(low, value));

/** The view with scale within [1, maxScale] and the image covering the whole pane (no empty margin). */
export function clampView(view, maxScale = MAX_SCALE) {
  const scale = clamp(Number.isFinite(view.scale) ? view.scale : 1, 1, Math.max(1, maxScale));
  return { scale, tx: clamp(view.tx, 1 - scale, 0), ty: clamp(view.ty, 1 - scale, 0) };
}

/** Zooms by factor keeping the point (px, py), in fractions of the pane, where it is on screen. */
export function zoomAt(view, factor, px = 0.5, py = 0.5, maxScale = MAX_SCALE) {
  const scale = clamp(view.scale * factor, 1, Math.max(1, maxScale));
  const u = (px - view.tx) / view.scale;
  const v = (py - view.ty) / view.scale;
  return clampView({ scale, tx: px - u * scale, ty: py - v * scale }, maxScale);
}

/** Moves the image by (dx, dy) fractions of the pane. */
export function panBy(view, dx, dy, maxScale = MAX_SCALE) {
  return clampView({ scale: view.scale, tx: view.tx + dx, ty: view.ty + dy }, maxScale);
}

/**
 * The scale at which one image pixel is one screen pixel: the image's width over the width it is drawn at when
 * fitted. Never below 1 (an image smaller than its pane is already shown at least 1:1).
 */
export function oneToOneScale(imageWidth, fittedWidthPx) {
  if (!(imageWidth > 0) || !(fittedWidthPx > 0)) {
    return 1;
  }
  return Math.max(1, imageWidth / fittedWidthPx);
}

/** The `z` key: from fit to 1:1 around the centre of what is shown, from any zoom back to fit. */
export function toggleOneToOne(view, imageWidth, fittedWidthPx) {
  if (view.scale > 1) {
    return FIT;
  }
  const scale = oneToOneScale(imageWidth, fittedWidthPx);
  return zoomAt(view, scale / view.scale, 0.5, 0.5, Math.max(MAX_SCALE, scale));
}

/** The wheel's zoom factor: a notch (deltaY 100) zooms by about 1.16; deltaMode 1 is lines, 2 pages. */
export function wheelFactor(deltaY, deltaMode = 0) {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  return Math.exp(-clamp(pixels, -300, 300) * 0.0015);
}

/** The CSS transform of a view. */
export function viewTransform(view) {
  const round = (value) => Math.round(value * 1e6) / 1e6;
  return `translate(${round(view.tx * 100)}%, ${round(view.ty * 100)}%) scale(${round(view.scale)})`;
}

/** The swipe line, in [0, 1] of the pane's width, moved by step and kept inside. */
export function moveSwipe(position, step) {
  return clamp(Math.round((position + step) * 1000) / 1000, 0, 1);
}

/** The swipe line's position, within the drawn image, for a pointer at clientX over a pane box {left, width}. */
export function swipeAtPointer(view, clientX, box) {
  if (!(box.width > 0)) {
    return 0.5;
  }
  const onPane = (clientX - box.left) / box.width;
  return clamp((onPane - view.tx) / view.scale, 0, 1);
}

/** The width 1:1 is measured in: the full-resolution image's when there is one, else the viewing preview's. */
export function resolutionWidth(image) {
  return image.fullUrl && image.fullWidth > 0 ? image.fullWidth : image.width;
}

/**
 * Whether a pane needs the full-resolution image: it has one, and the view draws each preview pixel over more than
 * one device pixel (the preview fitted at fittedWidthPx CSS pixels, magnified by the view's scale).
 */
export function needsFullResolution(image, view, fittedWidthPx, devicePixelRatio = 1) {
  if (!image.fullUrl || !(image.width > 0) || !(fittedWidthPx > 0)) {
    return false;
  }
  return (view.scale * fittedWidthPx * (devicePixelRatio > 0 ? devicePixelRatio : 1)) / image.width > 1;
}
