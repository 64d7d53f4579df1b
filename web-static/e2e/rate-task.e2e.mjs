#!/usr/bin/env node
// The rating page in a real browser (Debian's Chromium through playwright-core) against a running pipeline:
// sign in, lease a task, look at it with the viewer keys (the screens audited with axe-core for WCAG 2.1 A/AA) (flicker, swipe, zoom, 1:1; checked on the pixels shown),
// flag the first output with a category and see it blurred until revealed, answer the whole rubric with the keyboard
// only, reload halfway, turn the change overlay on, submit, and see the page move on. Run by local/src/test/.../BrowserIT; usable by hand against
// `./editeval up`. Exits non-zero with the failed step on stderr; on success prints one JSON line on stdout.
//
//   node web-static/e2e/rate-task.e2e.mjs --url http://127.0.0.1:8080/ --user alice --password ... \
//        [--screenshot rating-page.png] [--mode rate|view] [--expect-instruction TEXT] [--press KEYS] [--reload]
//        [--chromium PATH]
//
// --mode view only opens the leased task and checks it (instruction as text, images loaded, no dialog), presses the
// comma-separated --press keys (e.g. "o,]"), takes the screenshot, and with --reload reloads: the untouched task
// must have been given back as the page went.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { assert, check, failOnProblems, run } from "./harness.mjs";

const WHOLE_RUN_MS = 90_000;
// Scores typed for the rows that need a number, per output in display order; rows that allow N/A get "0".
const SCORE_KEYS = [["4", "5", "3", "4"], ["2", "4", "4", "3"]];
const COMMENT = "Keyboard only: 1 2 0 n j o";
const FIRST_OUTPUT = "#viewer .tile-output";
const ROWS = "#rating-form fieldset.gate, #rating-form fieldset.dim-row, #rating-form fieldset.pref-row";

// axe-core's WCAG 2.0 and 2.1 rules, levels A and AA: what an evaluator who works by keyboard or screen reader needs.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const AXE_RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

// Every full-resolution image the page asked for, in order: only zooming past the preview may ask for one.
const fullRequests = [];
let page;
let options;

await run("rate-task.e2e", {
  mode: { type: "string", default: "rate" },
  "expect-instruction": { type: "string" },
  press: { type: "string", default: "" },
  reload: { type: "boolean", default: false },
}, async (opened, given) => {
  if (!["rate", "view"].includes(given.mode)) {
    throw new Error(`--mode is rate or view, not ${given.mode}`);
  }
  page = opened;
  options = { ...given, expectInstruction: given["expect-instruction"],
    press: given.press.split(",").filter((key) => key !== "") };
  page.on("request", (request) => {
    if (/-full\.jpg$/.test(new URL(request.url()).pathname)) {
      fullRequests.push(request.url());
    }
  });
  return options.mode === "view" ? viewTask() : rateTask();
}, WHOLE_RUN_MS);

// ---- the two runs ----

async function rateTask() {
  const started = Date.now();
  await signInAndLease();
  const task = await taskOnScreen();
  const audited = [await accessibility("task screen")];
  const viewer = await useViewer();
  const flagged = await flagFirstOutput();
  const rows = await rowStates();
  const plan = planKeys(rows);
  const half = Math.floor(rows.length / 2);
  let overlayOutputId;

  for (let index = 0; index < rows.length; index += 1) {
    if (index === half) {
      await reloadAndCheckRestored(plan, index);
      overlayOutputId = await toggleOverlay(index);
    }
    await answerRow(plan, index);
    if (index < rows.length - 1) {
      await moveToNextRow(index);
    }
  }
  await typeComment(plan);
  await checkProgressComplete();
  audited.push(await accessibility("answered form, flagged output, change overlay"));

  check("screenshot");
  if (options.screenshot) {
    await page.screenshot({ path: options.screenshot });
  }
  const draft = await currentDraft();
  const submitted = await submitAndMoveOn(draft, task);
  return {
    submitted: { batchId: task.batchId, taskId: task.taskId, leaseId: draft.leaseId,
      submissionId: draft.submissionId },
    answered: plan.map((row) => row.expected),
    comment: COMMENT,
    overlayOutputId,
    viewer,
    flagged,
    interactions: draft.interactions,
    accessibility: audited,
    next: submitted.next,
    elapsedMs: Date.now() - started,
  };
}

async function viewTask() {
  await signInAndLease();
  const task = await taskOnScreen();
  check("view");
  const markup = await page.$eval("#instruction", (element) => element.childElementCount);
  assert(markup === 0, `#instruction has ${markup} element children; the instruction was parsed as HTML`);
  // An onerror handler would run once the broken image fails; give it that moment, then look for a dialog.
  await page.waitForTimeout(500);
  const strayImages = await page.$$eval("img", (images) => images.filter((image) => !image.closest("#viewer")).length);
  assert(strayImages === 0, `${strayImages} image(s) outside the viewer: the instruction made markup`);
  for (const key of options.press) {
    check(`press ${key}`);
    await page.keyboard.press(key);
  }
  // Every change map asked for on screen before the picture.
  await page.waitForFunction(() => [...document.querySelectorAll("#viewer img.change-map")]
    .every((map) => map.hidden || map.complete));
  failOnProblems();
  if (options.screenshot) {
    await page.screenshot({ path: options.screenshot });
  }
  const outputs = await page.$$eval("#viewer .tile-output", (tiles) => tiles.length);
  const released = options.reload ? await reloadUntouched() : undefined;
  return { viewed: { batchId: task.batchId, taskId: task.taskId, instruction: task.instruction, outputs }, released };
}

/** A task with no answer is given back as the page goes (pagehide): after a reload it is no longer this rater's. */
async function reloadUntouched() {
  check("reload with no answer: the lease is given back");
  const leaseId = await page.evaluate(() => Object.keys(localStorage).find((key) => key.startsWith("editeval.draft."))
    .slice("editeval.draft.".length));
  await page.reload({ waitUntil: "domcontentloaded" });
  await page.locator("#screen-idle").waitFor({ state: "visible" });
  const title = await page.textContent("#idle-title");
  assert(title === "Ready to rate", `after reloading an untouched task the page shows "${title}"`);
  // The DELETE left with the old document (a keepalive fetch Playwright does not see): ask the API about the lease.
  // Asked from outside the page, so the expected 404 is not a console error of the page.
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem("editeval.session")).token);
  const leaseUrl = new URL(`api/leases/${encodeURIComponent(leaseId)}`, options.url).href;
  let status = 200;
  for (let attempt = 0; attempt < 20 && status === 200; attempt += 1) {
    const answer = await page.request.get(leaseUrl, { headers: { Authorization: `Bearer ${token}` } });
    status = answer.status();
    if (status === 200) {
      await page.waitForTimeout(250);
    }
  }
  assert(status === 404 || status === 410, `the untouched lease still answers ${status} after the page went`);
  failOnProblems();
  return leaseId;
}

// ---- steps ----

async function signInAndLease() {
  check("sign in");
  await page.goto(options.url, { waitUntil: "domcontentloaded" });
  await page.locator("#login-username").waitFor({ state: "visible" });
  await accessibility("sign-in form");
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
  assert(focused === "login-username", `the sign-in form does not focus the username field (focus: ${focused})`);
  await page.keyboard.type(options.user);
  await page.keyboard.press("Tab");
  await page.keyboard.type(options.password);
  await page.keyboard.press("Enter");
  await page.locator("#screen-idle").waitFor({ state: "visible" });
  const who = await page.textContent("#who");
  assert(who.trim() !== "", "signed in, but the top bar names nobody");
  failOnProblems();

  check("start rating");
  const start = await page.evaluate(() => document.activeElement && document.activeElement.id);
  assert(start === "start-button", `the idle screen does not focus "Start rating" (focus: ${start})`);
  await page.keyboard.press("Enter");
}

/** Waits for the task screen with every image loaded; returns what it shows. */
async function taskOnScreen() {
  await page.locator("#screen-task").waitFor({ state: "visible" }).catch(async () => {
    const idle = await page.textContent("#screen-idle").catch(() => "");
    throw new Error(`no task screen; the page shows: ${idle.replace(/\s+/g, " ").trim()}`);
  });
  const shown = await page.evaluate(() => ({
    instruction: document.getElementById("instruction").textContent,
    meta: document.getElementById("task-meta").textContent,
    outputs: document.querySelectorAll("#viewer .tile-output").length,
  }));
  assert(shown.instruction.trim() !== "", "the task screen shows no instruction");
  if (options.expectInstruction !== undefined) {
    assert(shown.instruction === options.expectInstruction,
      `instruction shown as ${JSON.stringify(shown.instruction)}, expected ${JSON.stringify(options.expectInstruction)}`);
  }
  assert(shown.outputs > 0, "the task screen shows no output");
  await imagesLoaded(1 + shown.outputs);
  const [batchId, taskId] = shown.meta.split(" / ");
  failOnProblems();
  return { batchId, taskId, instruction: shown.instruction };
}

async function imagesLoaded(expected) {
  await page.waitForFunction((count) => {
    const photos = [...document.querySelectorAll("#viewer img.photo")];
    return photos.length === count
      && photos.every((photo) => photo.complete && photo.dataset.quality === "preview");
  }, expected);
  const broken = await page.$$eval("#viewer img.photo", (photos) => photos
    .filter((photo) => photo.naturalWidth === 0).map((photo) => photo.alt));
  assert(broken.length === 0, `images that did not load: ${broken.join(", ")}`);
}

/** What each answerable row shows: kind, output, radio values, which is checked, whether it is current. */
function rowStates() {
  return page.$$eval(ROWS, (rows) => rows.map((row) => {
    const radios = [...row.querySelectorAll("input[type=radio]")];
    const checked = radios.find((radio) => radio.checked);
    const block = row.closest("[data-output-id]");
    return {
      kind: row.classList.contains("gate") ? "gate" : row.classList.contains("dim-row") ? "dimension" : "preference",
      label: (row.querySelector("legend") || row).textContent.trim().slice(0, 60),
      outputId: block ? block.dataset.outputId : null,
      values: radios.map((radio) => radio.value),
      hasNotApplicable: row.querySelector(".level-na") !== null,
      checked: checked ? checked.value : null,
      current: row.classList.contains("is-current"),
      focused: row.contains(document.activeElement),
    };
  }));
}

/** The key for each row and the radio value it must check. */
function planKeys(rows) {
  assert(rows.length > 2 && rows[0].kind === "gate", `unexpected form: ${rows.map((row) => row.kind).join(", ")}`);
  assert(rows.every((row) => row.checked === null), "a fresh task already has answers");
  const outputs = [...new Set(rows.map((row) => row.outputId).filter(Boolean))];
  const used = new Map();
  return rows.map((row) => {
    let key = "1";
    if (row.kind === "dimension") {
      if (row.hasNotApplicable) {
        key = "0";
      } else {
        const keys = SCORE_KEYS[outputs.indexOf(row.outputId) % SCORE_KEYS.length];
        const count = used.get(row.outputId) || 0;
        used.set(row.outputId, count + 1);
        key = keys[count % keys.length];
      }
    }
    const expected = key === "0" ? "na" : row.values[Number(key) - 1];
    return { key, expected, label: row.label, outputId: row.outputId };
  });
}

async function answerRow(plan, index) {
  const row = plan[index];
  check(`answer row ${index} (${row.label}) with key ${row.key}`);
  const before = await rowStates();
  assert(before[index].current, `row ${index} is not the current row; current: ${currentIndex(before)}`);
  await page.keyboard.press(row.key);
  const after = await rowStates();
  assert(after[index].checked === row.expected,
    `key ${row.key} checked ${JSON.stringify(after[index].checked)}, expected ${JSON.stringify(row.expected)}`);
  failOnProblems();
}

async function moveToNextRow(index) {
  // Alternate the two next-row keys so both are exercised.
  const key = index % 2 === 0 ? "n" : "j";
  await page.keyboard.press(key);
  const rows = await rowStates();
  assert(rows[index + 1].current && rows[index + 1].focused,
    `key ${key} did not move to row ${index + 1}; current: ${currentIndex(rows)}`);
}

async function reloadAndCheckRestored(plan, next) {
  check(`reload after ${next} answered rows`);
  await page.reload({ waitUntil: "domcontentloaded" });
  // Read the notice as soon as the task shows: it fades after a few seconds.
  await page.locator("#screen-task").waitFor({ state: "visible" });
  const notice = await page.textContent("#notice-text");
  await taskOnScreen();
  const rows = await rowStates();
  rows.forEach((row, index) => {
    const expected = index < next ? plan[index].expected : null;
    assert(row.checked === expected,
      `after reload row ${index} (${row.label}) has ${JSON.stringify(row.checked)}, expected ${JSON.stringify(expected)}`);
  });
  assert(rows[next].current, `after reload the current row is ${currentIndex(rows)}, not the first unanswered ${next}`);
  assert(/restored/i.test(notice), `no "restored" notice after reload (notice: ${JSON.stringify(notice)})`);
}

async function toggleOverlay(index) {
  check("change overlay (o)");
  const rows = await rowStates();
  const outputId = rows[index].outputId;
  assert(outputId, `row ${index} belongs to no output`);
  await page.keyboard.press("o");
  await page.waitForFunction((id) => {
    const map = document.querySelector(`.tile-output[data-output-id="${id}"] img.change-map`);
    return map && !map.hidden && map.complete;
  }, outputId);
  const overlay = await overlayState();
  assert(overlay[outputId] && overlay[outputId].visible,
    `the change map of output ${outputId} is not visible: ${JSON.stringify(overlay[outputId])}`);
  const others = Object.entries(overlay).filter(([id, state]) => id !== outputId && state.visible);
  assert(others.length === 0, `o also showed the change map of ${others.map(([id]) => id).join(", ")}`);
  const after = await rowStates();
  assert(after[index].current && after[index].checked === null, "o changed the current row or its answer");
  failOnProblems();
  return outputId;
}

function overlayState() {
  return page.$$eval(".tile-output", (tiles) => Object.fromEntries(tiles.map((tile) => {
    const map = tile.querySelector("img.change-map");
    const style = getComputedStyle(map);
    const box = map.getBoundingClientRect();
    return [tile.dataset.outputId, {
      visible: !map.hidden && style.display !== "none" && Number(style.opacity) > 0 && box.width > 0
        && map.naturalWidth > 0,
      checkbox: tile.querySelector("input.overlay-toggle").checked,
      opacity: style.opacity,
    }];
  })));
}

async function typeComment(plan) {
  check("comment by keyboard");
  const before = await rowStates();
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.className);
  assert(/comment-input/.test(focused), `Tab from the last row did not reach the comment (focus: ${focused})`);
  // Digits and n/j/o inside the text field must type, not score, move or toggle.
  await page.keyboard.type(COMMENT);
  const after = await rowStates();
  const value = await page.inputValue("textarea.comment-input");
  assert(value === COMMENT, `comment reads ${JSON.stringify(value)}`);
  after.forEach((row, index) => assert(row.checked === before[index].checked && row.checked === plan[index].expected,
    `typing the comment changed row ${index} (${row.label}) to ${JSON.stringify(row.checked)}`));
}

async function checkProgressComplete() {
  check("progress");
  const text = (await page.textContent("#rating-form .progress-text")).trim();
  const [answered, required] = text.split(" / ").map(Number);
  assert(required > 0 && answered === required, `progress shows ${text}, not every required answer`);
}

async function currentDraft() {
  const drafts = await page.evaluate(() => Object.keys(localStorage)
    .filter((key) => key.startsWith("editeval.draft.")).map((key) => JSON.parse(localStorage.getItem(key))));
  assert(drafts.length === 1, `expected one draft in localStorage, found ${drafts.length}`);
  return drafts[0];
}

async function submitAndMoveOn(draft, task) {
  check("submit (Ctrl+Enter)");
  const response = page.waitForResponse((candidate) => candidate.request().method() === "POST"
    && candidate.url().endsWith(`/leases/${encodeURIComponent(draft.leaseId)}/rating`));
  await page.keyboard.press("Control+Enter");
  const answer = await response;
  assert(answer.status() === 201, `the rating POST answered ${answer.status()}: ${await answer.text()}`);

  check("next task or no tasks");
  const handle = await page.waitForFunction((previousMeta) => {
    const idle = document.getElementById("screen-idle");
    const title = document.getElementById("idle-title").textContent;
    if (!idle.hidden) {
      return /no tasks/i.test(title) ? { next: "none" }
        : { unexpected: `${title}: ${document.getElementById("idle-text").textContent}` };
    }
    const meta = document.getElementById("task-meta").textContent;
    const onTask = !document.getElementById("screen-task").hidden;
    return onTask && meta !== previousMeta ? { next: meta } : null;
  }, `${task.batchId} / ${task.taskId}`);
  const outcome = await handle.jsonValue();
  assert(!outcome.unexpected, `after submitting the page shows "${outcome.unexpected}"`);
  const left = await page.evaluate((leaseId) => localStorage.getItem(`editeval.draft.${leaseId}`), draft.leaseId);
  assert(left === null, "the submitted task's draft is still in localStorage");
  failOnProblems();
  return outcome;
}

// ---- the viewer ----

/** A screenshot of the first output's pane: what the rater sees there. */
function outputPixels() {
  return page.locator(`${FIRST_OUTPUT} .frame`).first().screenshot();
}

function sourcePixels() {
  return page.locator("#viewer .tile-source .frame").screenshot();
}

function paneState() {
  return page.$eval(FIRST_OUTPUT, (tile) => {
    const over = tile.querySelector("img.source-over");
    return { showing: tile.dataset.showing, sourceShown: !over.hidden && getComputedStyle(over).display !== "none"
      && over.complete && over.naturalWidth > 0, clip: over.style.clipPath,
      transforms: [...document.querySelectorAll("#viewer .stage")].map((stage) => stage.style.transform) };
  });
}

/** Flicker (hold f), swipe (w , .), zoom (+, z): each must change what the first output's pane shows, then undo. */
async function useViewer() {
  check("flicker (hold f)");
  const output = await outputPixels();
  const source = await sourcePixels();
  assert(!output.equals(source), "the output and the source look the same; the test needs an edit to see");
  await page.keyboard.down("f");
  await page.waitForFunction((selector) => {
    const over = document.querySelector(`${selector} img.source-over`);
    return !over.hidden && over.complete && over.naturalWidth > 0;
  }, FIRST_OUTPUT);
  const flicker = await paneState();
  const flickered = await outputPixels();
  await page.keyboard.up("f");
  const released = await paneState();
  assert(flicker.showing === "source" && flicker.sourceShown && flicker.clip === "",
    `holding f does not show the source over the output: ${JSON.stringify(flicker)}`);
  assert(!flickered.equals(output), "holding f left the output pane's pixels unchanged");
  assert(released.showing === "output" && !released.sourceShown, `releasing f keeps the source: ${JSON.stringify(released)}`);

  check("swipe (w, then .)");
  await page.keyboard.press("w");
  const swipe = await paneState();
  const swiped = await outputPixels();
  await page.keyboard.press(".");
  const moved = await paneState();
  await page.keyboard.press("w");
  const unswiped = await paneState();
  assert(swipe.showing === "swipe" && swipe.sourceShown && /inset\(0(px)? 50%/.test(swipe.clip),
    `w does not split the pane at the middle: ${JSON.stringify(swipe)}`);
  assert(!swiped.equals(output) && !swiped.equals(flickered), "the swipe view is neither a mix of output and source");
  assert(/inset\(0(px)? 40%/.test(moved.clip), `. did not move the swipe line right: ${moved.clip}`);
  assert(unswiped.showing === "output", "a second w leaves the swipe on");

  check("zoom (+, z)");
  await page.keyboard.press("+");
  const zoomed = await paneState();
  const zoomedPixels = await outputPixels();
  await page.keyboard.press("z");
  const fitted = await paneState();
  const fullBeforeOneToOne = fullRequests.length;
  await page.keyboard.press("z");
  const pixel = await paneState();
  const full = await fullImagesShown();
  await page.keyboard.press("z");
  assert(zoomed.transforms.every((transform) => transform === zoomed.transforms[0] && /scale\(1\.5\)/.test(transform)),
    `+ does not zoom every pane alike: ${zoomed.transforms.join(" | ")}`);
  assert(!zoomedPixels.equals(output), "zooming in left the output pane's pixels unchanged");
  assert(/scale\(1\)/.test(fitted.transforms[0]), `z from a zoom does not go back to fit: ${fitted.transforms[0]}`);
  assert(!/scale\(1\)/.test(pixel.transforms[0]), `z from fit does not zoom to 1:1: ${pixel.transforms[0]}`);
  assert(fullBeforeOneToOne === 0, `full-resolution images requested before zooming past the preview: ${fullRequests}`);
  failOnProblems();
  return { zoomedTransform: zoomed.transforms[0], oneToOneTransform: pixel.transforms[0], fullShown: full,
    fullRequests: [...fullRequests] };
}

/** After 1:1 on images larger than their previews: every pane shows its own full-resolution image. */
async function fullImagesShown() {
  check("full resolution at 1:1");
  await page.waitForFunction(() => [...document.querySelectorAll("#viewer img.photo")]
    .every((photo) => photo.complete && photo.dataset.quality === "full"));
  const photos = await page.$$eval("#viewer img.photo", (images) => images.length);
  // The source's full image may also be asked for by the outputs' flicker overlays: count distinct images.
  assert(new Set(fullRequests).size === photos, `${photos} panes but full image requests ${fullRequests}`);
  return photos;
}

/** x flags the first output (blurred), c moves to its first category and Space ticks it, v reveals it. */
async function flagFirstOutput() {
  check("flag (x, c, Space, v)");
  const outputId = await page.$eval(FIRST_OUTPUT, (tile) => tile.dataset.outputId);
  const blur = () => page.$eval(FIRST_OUTPUT, (tile) => ({
    flagged: tile.classList.contains("is-flagged"),
    filter: getComputedStyle(tile.querySelector("img.photo")).filter,
    veil: !tile.querySelector(".veil").hidden && getComputedStyle(tile.querySelector(".veil")).display !== "none",
  }));
  await page.keyboard.press("x");
  const blurred = await blur();
  await page.keyboard.press("c");
  await page.keyboard.press(" ");
  const category = await page.evaluate(() => ({ value: document.activeElement.value,
    checked: document.activeElement.checked }));
  await page.keyboard.press("v");
  const revealed = await blur();
  assert(blurred.flagged && /blur\(/.test(blurred.filter) && blurred.veil,
    `x did not blur output ${outputId}: ${JSON.stringify(blurred)}`);
  assert(category.checked && category.value, `c then Space did not tick a category: ${JSON.stringify(category)}`);
  assert(revealed.flagged && !/blur\(/.test(revealed.filter) && !revealed.veil,
    `v did not reveal output ${outputId}: ${JSON.stringify(revealed)}`);
  failOnProblems();
  return { outputId, category: category.value };
}

// ---- checks ----

function currentIndex(rows) {
  const index = rows.findIndex((row) => row.current);
  return index < 0 ? "none" : `${index} (${rows[index].label})`;
}

/**
 * Runs axe-core in the page as it is now and fails on any WCAG A/AA violation, naming the rule and the elements.
 * Evaluated through the DevTools protocol, which the page's CSP (script-src 'self') does not govern.
 */
async function accessibility(screen) {
  check(`accessibility of the ${screen}`);
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate((rules) => window.axe.run(document, { runOnly: rules }), AXE_RULES);
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}, at `
    + v.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(", "));
  assert(found.length === 0, `the ${screen} breaks ${found.length} accessibility rule(s): ${found.join("; ")}`);
  return { screen, rulesPassed: result.passes.length, violations: 0 };
}
