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

/**
 * The grid the panes are laid out in, sized to the images (issue 9 item 8): the column count that makes the images
 * largest, and each tile exactly as large as its image plus its chrome, so a pane is never mostly empty whatever
 * the images' shape; the grid is centred in the box and an incomplete last row is centred under the others.
 * chrome: { vertical, horizontal } pixels of a tile that are not image (caption, foot, padding, borders).
 * Returns { columns, rows, tileWidth, tileHeight, lastRowOffset } with lastRowOffset in half tiles.
 */
export function paneGrid(count, width, height, aspect, chrome, gap = 0) {
  const imageWidthFor = (columns) => {
    const rows = Math.ceil(count / columns);
    const cellWidth = (width - gap * (columns - 1)) / columns - chrome.horizontal;
    const cellHeight = (height - gap * (rows - 1)) / rows - chrome.vertical;
    return Math.max(0, Math.floor(Math.min(cellWidth, cellHeight * aspect)));
  };
  let columns = 1;
  for (let candidate = 2; candidate <= Math.max(1, count); candidate += 1) {
    if (imageWidthFor(candidate) > imageWidthFor(columns)) {
      columns = candidate;
    }
  }
  const rows = Math.ceil(count / columns);
  const imageWidth = imageWidthFor(columns);
  return {
    columns,
    rows,
    tileWidth: imageWidth + chrome.horizontal,
    tileHeight: Math.floor(imageWidth / aspect) + chrome.vertical,
    lastRowOffset: columns * rows - count,
  };
}
