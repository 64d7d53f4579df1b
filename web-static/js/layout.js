// How to lay out the image tiles so each image is as large as the viewer allows. DOM-free.

/**
 * The column count that gives each image the largest area when `count` tiles of aspect ratio `aspect`
 * (width / height) share a box of width x height, each tile losing `captionHeight` pixels to its caption
 * and `gap` pixels between tiles.
 */
export function bestColumns(count, width, height, aspect, captionHeight = 0, gap = 0) {
  let best = 1;
  let bestArea = -1;
  for (let columns = 1; columns <= Math.max(1, count); columns += 1) {
    const rows = Math.ceil(count / columns);
    const cellWidth = (width - gap * (columns - 1)) / columns;
    const cellHeight = (height - gap * (rows - 1)) / rows - captionHeight;
    const imageWidth = Math.max(0, Math.min(cellWidth, cellHeight * aspect));
    const area = imageWidth * (imageWidth / aspect);
    if (area > bestArea + 0.5) {
      best = columns;
      bestArea = area;
    }
  }
  return best;
}
