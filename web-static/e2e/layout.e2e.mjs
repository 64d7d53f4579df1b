#!/usr/bin/env node
// The rating page's layout in a real browser (Debian's Chromium through playwright-core) against a running pipeline
// (issue 9 items 5 and 8): sign in, lease a task, and at 1366x768 and at 1920x1080 measure every pane and control.
// Checks: every control of every pane (Changes, Source, Swipe, Enlarge, ...) lies whole inside its pane and the
// window and is the element found at its own centre (not cut off or covered); every pane shows its image at the
// same size (outputs of other sizes are rendered into the source's frame); no pane is mostly empty; a pane alone in
// the last row is centred; no metric numbers are shown (the default rubric hides them); "e" enlarges the current
// output and "e" again returns to the grid. Run by local/src/test/.../PageLayoutBrowserIT; usable by hand against
// `./editeval up`. Exits non-zero with the failed step on stderr; on success prints one JSON line on stdout.
//
//   node web-static/e2e/layout.e2e.mjs --url http://127.0.0.1:8080/ --user alice --password ... \
//        [--outputs N] [--screenshot-1366 PATH] [--screenshot-1920 PATH] [--chromium PATH]

import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

const VIEWPORTS = [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }];
const STEP_TIMEOUT_MS = 15_000;
const WHOLE_RUN_MS = 60_000;
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run"];
/** A pane whose image covers less than this share of it is "mostly empty". */
const MIN_IMAGE_SHARE = 0.55;

const options = parseOptions();
const problems = [];
let step = "start";

const guard = setTimeout(() => {
  process.stderr.write(`layout.e2e: FAILED: no end after ${WHOLE_RUN_MS} ms (last step: ${step})\n`);
  process.exit(2);
}, WHOLE_RUN_MS);

const browser = await chromium.launch({
  executablePath: options.chromium, headless: true, args: CHROMIUM_ARGS, timeout: STEP_TIMEOUT_MS,
}).catch((error) => {
  process.stderr.write(`layout.e2e: FAILED: cannot start Chromium at ${options.chromium}: `
    + `${error.message.split("\n")[0]}\n`);
  process.exit(1);
});
const page = await browser.newPage({ viewport: VIEWPORTS[0] });
page.setDefaultTimeout(STEP_TIMEOUT_MS);
page.on("console", (message) => {
  if (message.type() === "error") {
    problems.push(`console error: ${message.text()}`);
  }
});
page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));

try {
  await signInAndLease();
  const measured = [];
  for (const viewport of VIEWPORTS) {
    check(`layout at ${viewport.width}x${viewport.height}`);
    await page.setViewportSize(viewport);
    const layout = await settledLayout();
    checkLayout(layout, viewport);
    const path = options[`screenshot-${viewport.width}`];
    if (path) {
      await page.screenshot({ path });
    }
    measured.push({ viewport: `${viewport.width}x${viewport.height}`, columns: layout.columns,
      image: layout.panes.map((pane) => `${Math.round(pane.image.width)}x${Math.round(pane.image.height)}`)[0],
      controls: layout.controls.length });
  }
  check("enlarge key");
  const enlarged = await enlargeByKey();
  if (problems.length > 0) {
    throw new Error(`the page reported: ${problems.join(" | ")}`);
  }
  process.stdout.write(`${JSON.stringify({ measured, enlarged })}\n`);
} catch (error) {
  process.exitCode = 1;
  process.stderr.write(`layout.e2e: FAILED at step "${step}": ${error.message}\n`);
  if (options["screenshot-1366"]) {
    await page.screenshot({ path: `${options["screenshot-1366"]}.failure.png` }).catch(() => {});
  }
} finally {
  await browser.close();
  clearTimeout(guard);
}

async function signInAndLease() {
  check("sign in");
  await page.goto(options.url, { waitUntil: "domcontentloaded" });
  await page.locator("#login-username").waitFor({ state: "visible" });
  await page.fill("#login-username", options.user);
  await page.fill("#login-password", options.password);
  await page.keyboard.press("Enter");
  await page.locator("#screen-idle").waitFor({ state: "visible" });
  check("start rating");
  await page.click("#start-button");
  await page.locator("#screen-task").waitFor({ state: "visible" });
  await page.waitForFunction((count) => {
    const photos = [...document.querySelectorAll("#viewer img.photo")];
    return photos.length === count && photos.every((photo) => photo.complete && photo.naturalWidth > 0);
  }, 1 + options.outputs);
}

/** The panes and controls once two animation frames pass with nothing moving. */
async function settledLayout() {
  let previous = "";
  for (let attempt = 0; attempt < 20; attempt += 1) {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const layout = await page.evaluate(measure);
    const key = JSON.stringify(layout.panes);
    if (key === previous) {
      return layout;
    }
    previous = key;
  }
  throw new Error("the panes never stopped moving");
}

/** In the page: every pane's box, its image's box, and every control's box and whether it is what is seen there. */
function measure() {
  const box = (element) => {
    const rect = element.getBoundingClientRect();
    return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom, width: rect.width,
      height: rect.height };
  };
  const viewer = document.getElementById("viewer");
  const tiles = [...viewer.querySelectorAll(".tile")].filter((tile) => tile.offsetParent !== null);
  const panes = tiles.map((tile) => ({
    name: tile.querySelector(".tile-name").textContent,
    box: box(tile),
    image: box(tile.querySelector(".frame")),
    natural: tile.querySelector("img.photo").naturalWidth,
    foot: tile.classList.contains("tile-output") ? (tile.querySelector(".tile-foot") || {}).textContent || "" : "",
  }));
  const controls = tiles.flatMap((tile) => [...tile.querySelectorAll(".tile-head button, .tile-head label.tool")]
    .filter((control) => !control.hidden)
    .map((control) => {
      const rect = box(control);
      const seen = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
      return { pane: tile.querySelector(".tile-name").textContent, text: control.textContent.trim(), box: rect,
        tile: box(tile), visibleAtCentre: seen !== null && (seen === control || control.contains(seen)) };
    }));
  const columns = getComputedStyle(viewer).gridTemplateColumns.split(" ").length / 2;
  return { viewer: box(viewer), panes, controls, columns, text: viewer.textContent };
}

function checkLayout(layout, viewport) {
  const size = `${viewport.width}x${viewport.height}`;
  assert(layout.panes.length === 1 + options.outputs, `${layout.panes.length} panes at ${size}`);
  for (const control of layout.controls) {
    const where = `${control.pane}'s "${control.text}" at ${size} (${JSON.stringify(control.box)})`;
    assert(control.box.width > 0 && control.box.height > 0, `${where} has no size`);
    assert(inside(control.box, control.tile), `${where} is cut off by its pane ${JSON.stringify(control.tile)}`);
    assert(inside(control.box, { left: 0, top: 0, right: viewport.width, bottom: viewport.height }),
      `${where} is outside the window`);
    assert(control.visibleAtCentre, `${where} is covered by something else`);
  }
  const names = new Set(layout.controls.map((control) => control.text));
  for (const expected of ["Changes", "Source", "Swipe", "Enlarge"]) {
    assert(names.has(expected), `no visible "${expected}" control at ${size}`);
  }
  const [first] = layout.panes;
  for (const pane of layout.panes) {
    assert(Math.abs(pane.image.width - first.image.width) <= 1 && Math.abs(pane.image.height - first.image.height) <= 1,
      `${pane.name} shows its image at ${pane.image.width}x${pane.image.height}, ${first.name} at `
      + `${first.image.width}x${first.image.height} (${size}): the pane sizes tell the outputs apart`);
    assert(pane.natural === first.natural, `${pane.name}'s preview is ${pane.natural} px wide, ${first.name}'s `
      + `${first.natural}: the preview sizes tell the outputs apart`);
    const share = (pane.image.width * pane.image.height) / (pane.box.width * pane.box.height);
    assert(share >= MIN_IMAGE_SHARE, `${pane.name}'s image fills ${(share * 100).toFixed(0)} % of its pane at ${size}`);
    assert(!/Changed area|SSIM|preservation/i.test(pane.foot), `${pane.name} shows metrics: "${pane.foot}"`);
  }
  assert(!/Changed area|SSIM/.test(layout.text), `the viewer shows metric numbers at ${size}`);
  const rows = new Map();
  for (const pane of layout.panes) {
    const row = Math.round(pane.box.top);
    rows.set(row, [...(rows.get(row) || []), pane]);
  }
  const widest = Math.max(...[...rows.values()].map((row) => row.length));
  for (const row of rows.values()) {
    if (row.length < widest) {
      const centre = (Math.min(...row.map((p) => p.box.left)) + Math.max(...row.map((p) => p.box.right))) / 2;
      const viewerCentre = (layout.viewer.left + layout.viewer.right) / 2;
      assert(Math.abs(centre - viewerCentre) <= 2, `the short last row is not centred at ${size}: its centre is at `
        + `${centre}, the viewer's at ${viewerCentre}`);
    }
  }
}

async function enlargeByKey() {
  await page.click("#viewer .tile-output .tile-name");
  await page.keyboard.press("e");
  const one = await page.evaluate(() => [...document.querySelectorAll("#viewer .tile")]
    .filter((tile) => tile.offsetParent !== null).map((tile) => tile.querySelector(".tile-name").textContent));
  assert(one.length === 1 && one[0].startsWith("Output"), `"e" left these panes on screen: ${one.join(", ")}`);
  await page.keyboard.press("e");
  const all = await page.evaluate(() => [...document.querySelectorAll("#viewer .tile")]
    .filter((tile) => tile.offsetParent !== null).length);
  assert(all === 1 + options.outputs, `"e" again left ${all} panes on screen`);
  return one[0];
}

function inside(inner, outer) {
  return inner.left >= outer.left - 0.5 && inner.top >= outer.top - 0.5 && inner.right <= outer.right + 0.5
    && inner.bottom <= outer.bottom + 0.5;
}

function check(name) {
  step = name;
  if (problems.length > 0) {
    throw new Error(`the page reported: ${problems.join(" | ")}`);
  }
}

function assert(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      url: { type: "string" },
      user: { type: "string" },
      password: { type: "string" },
      outputs: { type: "string", default: "2" },
      "screenshot-1366": { type: "string" },
      "screenshot-1920": { type: "string" },
      chromium: { type: "string", default: process.env.CHROMIUM || "/usr/bin/chromium" },
    },
  });
  for (const name of ["url", "user", "password"]) {
    if (!values[name]) {
      process.stderr.write(`layout.e2e: --${name} is required\n`);
      process.exit(64);
    }
  }
  return { ...values, outputs: Number(values.outputs) };
}
