#!/usr/bin/env node
// Nothing an evaluator enters lands on the wrong output (issue 9), in Debian's Chromium against a running pipeline.
// Run by local/src/test/.../PageIntegrityBrowserIT, one --check per run:
//
//   node web-static/e2e/integrity.e2e.mjs --url URL --user U --password P --check draft|rules|... \
//        --admin-token T --evaluator-id ID [--viewport 1366x768] [--screenshot PATH] [--chromium PATH]
//
// rules: the counter calls nothing complete that the server refuses, and submitting it names the field and sends
//   nothing: a flag without a category, Other without the comment it asks for, Impossible without its reason.
// arrows: a score chosen by key stays when arrows are pressed on its row; zoomed in, arrows pan every pane alike.
// output-keys: ] and [ walk the outputs and stop at the last and the first, saying so in the live notice.
// skip / skip-last: s on a fresh task gives another task when one is waiting, and says so when none is.
// rubric-top: the rubric scrolled to its end, the next task shows it from the top (the feasibility gate).
// help-focus: the help opened by mouse or ?, closed with Esc, gives the focus back where it was.
// draft: answers the first task (one image all lowest scores, the other all highest, preferred), has an admin release
//   the evaluator's leases and leases again until the outputs come back in another order: every restored answer
//   sits on the image it was given to. Then a draft that cannot be matched (its keys changed) is dropped with a
//   message, the task is answered afresh and submitted. Prints which image got the lowest scores, by its blind name.

import { assert, check, failOnProblems, pageToken, run, signIn, signInAndStart, takeProblems, taskOnScreen }
  from "./harness.mjs";

const RELEASES = 12;

await run("integrity.e2e", {
  check: { type: "string" },
  "admin-token": { type: "string" },
  "evaluator-id": { type: "string" },
}, async (page, options) => {
  const checks = { draft: draftFollowsImages, rules: counterAgreesWithTheServer, arrows: arrowsPanNeverScore,
    "output-keys": outputKeysStopAtTheEnds, skip: (page, options) => skipTask(page, options, "another"),
    "skip-last": (page, options) => skipTask(page, options, "none"), "rubric-top": rubricStartsAtTheTop,
    "help-focus": helpGivesFocusBack };
  assert(checks[options.check], `--check is one of ${Object.keys(checks).join(", ")}, not ${options.check}`);
  return checks[options.check](page, options);
});

// ---- rules: what the counter calls complete, the server accepts ----

async function counterAgreesWithTheServer(page, options) {
  const posts = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && /\/rating$/.test(request.url())) {
      posts.push(request.url());
    }
  });
  await signInAndStart(page, options);
  const task = await taskOnScreen(page);
  const first = task.letters[0];
  const block = `#rating-form [data-output-id="${first}"]`;
  check("every score given, the first output flagged without a category");
  await answer(page, Object.fromEntries(Object.values(await imagesByLetter(page)).map((image) => [image, "highest"])),
    undefined);
  await page.click(`${block} label.flag input`);
  const steps = [];
  steps.push(await refusedBeforeSending(page, posts, `${block} fieldset.safety`, /categor/i, "flag, no category"));

  check("category Other: the comment it asks for");
  await page.click(`${block} .categories input[value="other"]`);
  steps.push(await refusedBeforeSending(page, posts, "#rating-form .block.comment", /unsafe/i, "Other, no comment"));
  const commentLabel = await page.textContent("#rating-form .comment-head label");
  assert(/required/i.test(commentLabel), `the comment is labelled "${commentLabel}" while Other asks for it`);
  await page.fill("#rating-form textarea.comment-input", "A symbol on the wall the categories do not name");
  assert(await complete(page), `progress ${await progressText(page)} with every rule met`);

  check("verdict Impossible: the reason it asks for");
  await page.click("#rating-form fieldset.gate input[value=\"impossible\"]");
  steps.push(await refusedBeforeSending(page, posts, "#rating-form fieldset.gate", /reason/i, "Impossible, no reason"));
  if (options.screenshot) {
    await page.screenshot({ path: options.screenshot });
  }
  const reasonLabel = await page.textContent("#rating-form fieldset.gate .reason label");
  assert(/required/i.test(reasonLabel), `the reason is labelled "${reasonLabel}" while Impossible asks for it`);
  await page.fill("#rating-form .reason-input", "The instruction names a ball the photo does not show");
  assert(await complete(page), `progress ${await progressText(page)} with every rule met`);

  check("complete: the server takes it");
  await submit(page);
  return { steps, task };
}

/** The progress is not complete, and submitting shows the error in `where`, matching `reason`, and sends nothing. */
async function refusedBeforeSending(page, posts, where, reason, what) {
  const progress = await progressText(page);
  assert(!(await complete(page)), `${what}: the counter shows ${progress}, complete, for what the server refuses`);
  const before = posts.length;
  await page.keyboard.press("Control+Enter");
  const error = page.locator(`${where} .field-error:not([hidden])`).first();
  await error.waitFor({ state: "visible" }).catch(() => {
    throw new Error(`${what}: submitting shows no error in ${where}; posts sent: ${posts.length - before}`);
  });
  const text = await error.textContent();
  assert(reason.test(text), `${what}: the error says "${text}"`);
  await page.waitForTimeout(200);
  assert(posts.length === before, `${what}: the page sent the rating the server refuses`);
  return { what, progress, error: text };
}

function progressText(page) {
  return page.textContent("#rating-form .progress-text").then((text) => text.trim());
}

async function complete(page) {
  const [answered, required] = (await progressText(page)).split(" / ").map(Number);
  return required > 0 && answered === required;
}

// ---- arrows: they pan the zoomed panes and never change a score ----

async function arrowsPanNeverScore(page, options) {
  await signInAndStart(page, options);
  await taskOnScreen(page);
  check("a score of 5 chosen by key, its row focused");
  await page.keyboard.press("1");
  await page.keyboard.press("n");
  await page.keyboard.press("5");
  const row = "#rating-form fieldset.dim-row.is-current";
  const chosen = () => page.$eval(row, (element) => {
    const checked = element.querySelector("input:checked");
    return { value: checked ? checked.value : null, focused: element.contains(document.activeElement) };
  });
  const before = await chosen();
  assert(before.value === "5" && before.focused, `the row shows ${JSON.stringify(before)} after 5`);
  const pressed = [];
  for (const key of ["ArrowLeft", "ArrowLeft", "ArrowDown", "ArrowUp", "ArrowRight"]) {
    check(`${key} on the score row, not zoomed`);
    await page.keyboard.press(key);
    const now = await chosen();
    assert(now.value === "5", `${key} changed the score from 5 to ${now.value}`);
    pressed.push(key);
  }
  check("zoomed in: arrows pan every pane");
  await page.keyboard.press("+");
  const fitted = await stageTransforms(page);
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowDown");
  const panned = await stageTransforms(page);
  assert(panned.every((transform, index) => transform !== fitted[index]),
    `the arrows did not pan every pane: ${JSON.stringify({ fitted, panned })}`);
  assert(new Set(panned).size === 1, `the panes show different parts: ${JSON.stringify(panned)}`);
  const after = await chosen();
  assert(after.value === "5", `panning changed the score to ${after.value}`);
  const draft = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("editeval.draft."))
    .map((key) => JSON.parse(localStorage.getItem(key)).answers)[0]);
  const stored = Object.values(draft.outputs).flatMap((output) => Object.values(output.scores));
  assert(stored.length === 1 && stored[0] === 5, `the draft holds scores ${JSON.stringify(stored)}, not one 5`);
  return { pressed, fitted: fitted[0], panned: panned[0] };
}

function stageTransforms(page) {
  return page.$$eval("#viewer .stage", (stages) => stages.map((stage) => stage.style.transform));
}

// ---- output keys: ] and [ stop at the last and the first output, and say so ----

async function outputKeysStopAtTheEnds(page, options) {
  await signInAndStart(page, options);
  const task = await taskOnScreen(page);
  const last = task.letters[task.letters.length - 1];
  const first = task.letters[0];
  const seen = [];
  for (let press = 0; press < task.letters.length - 1; press += 1) {
    await page.keyboard.press("]");
    seen.push(await currentOutput(page));
  }
  assert(seen[seen.length - 1] === last, `] ${seen.length} times reached ${seen.join(", ")}, not ${last}`);
  check("] on the last output");
  await page.keyboard.press("]");
  const atLast = await currentOutput(page);
  assert(atLast === last, `] on the last output ${last} moved to ${atLast}`);
  const lastNotice = await noticeShown(page);
  assert(new RegExp(`Output ${last} is the last`).test(lastNotice), `no message at the last output: "${lastNotice}"`);
  check("[ back to the first, and [ on the first");
  for (let press = 0; press < task.letters.length - 1; press += 1) {
    await page.keyboard.press("[");
  }
  await page.keyboard.press("[");
  const atFirst = await currentOutput(page);
  assert(atFirst === first, `[ on the first output ${first} moved to ${atFirst}`);
  const firstNotice = await noticeShown(page);
  assert(new RegExp(`Output ${first} is the first`).test(firstNotice), `no message at the first: "${firstNotice}"`);
  const live = await page.$eval("#notice", (notice) => notice.getAttribute("aria-live") || notice.getAttribute("role"));
  assert(live, "the message is not in a live region");
  if (options.screenshot) {
    await page.screenshot({ path: options.screenshot });
  }
  return { seen, atLast, atFirst, lastNotice, firstNotice };
}

/** The output the keys act on: the marked pane, which must be the one the focus is in. */
function currentOutput(page) {
  return page.evaluate(() => {
    const marked = [...document.querySelectorAll("#viewer .tile-output.is-current")].map((tile) => tile.dataset.outputId);
    const block = document.activeElement && document.activeElement.closest("[data-output-id]");
    return marked.length === 1 && block && block.dataset.outputId === marked[0] ? marked[0]
      : `marked ${marked.join("+") || "none"}, focus in ${block ? block.dataset.outputId : "none"}`;
  });
}

function noticeShown(page) {
  return page.evaluate(() => (document.getElementById("notice").hidden ? ""
    : document.getElementById("notice-text").textContent));
}

// ---- skip: another task when one is waiting, and a message when none is ----

async function skipTask(page, options, expect) {
  await signInAndStart(page, options);
  const from = await taskOnScreen(page);
  const outcome = await pressSkip(page);
  if (expect === "another") {
    assert(outcome.task, `skip with another task waiting showed "${outcome.idle}"`);
    const to = await taskOnScreen(page);
    assert(`${to.batchId}/${to.taskId}` !== `${from.batchId}/${from.taskId}`,
      `skip gave the same task ${to.batchId}/${to.taskId} back`);
    return { from, to };
  }
  assert(!outcome.task, `skip with no other task waiting showed ${outcome.task} as if new`);
  assert(/^No (other )?tasks? waiting/.test(outcome.idle), `after skipping the only task the page says "${outcome.idle}"`);
  const held = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("editeval.draft.")));
  assert(held.length === 0, `the page still keeps ${held.join(", ")}`);
  return { from, idle: outcome.idle };
}

/** Presses s on a task with no answer: { task: "batch / task" } once a new lease shows, or { idle: title }. */
async function pressSkip(page) {
  const lease = () => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("editeval.draft."))
    .join(","));
  const before = await lease();
  await page.keyboard.press("s");
  const handle = await page.waitForFunction((previous) => {
    if (!document.getElementById("screen-idle").hidden) {
      return { idle: document.getElementById("idle-title").textContent };
    }
    const now = Object.keys(localStorage).filter((key) => key.startsWith("editeval.draft.")).join(",");
    return now !== previous && now !== "" && !document.getElementById("screen-task").hidden
      ? { task: document.getElementById("task-meta").textContent } : null;
  }, before);
  return handle.jsonValue();
}

// ---- rubric-top: a new task shows the rubric from its top, the feasibility gate ----

async function rubricStartsAtTheTop(page, options) {
  await signInAndStart(page, options);
  await taskOnScreen(page);
  check("the rubric scrolled to its end");
  const scrolled = await page.$eval("#rating-form", (form) => {
    form.scrollTop = form.scrollHeight;
    return form.scrollTop;
  });
  assert(scrolled > 0, "the rubric panel does not scroll at this size");
  check("skip to the next task");
  const outcome = await pressSkip(page);
  assert(outcome.task, `no next task after the skip: "${outcome.idle}"`);
  await taskOnScreen(page);
  const shown = await page.$eval("#rating-form", (form) => {
    const gate = form.querySelector("fieldset.gate").getBoundingClientRect();
    const panel = form.getBoundingClientRect();
    return { scrollTop: form.scrollTop, gateVisible: gate.top >= panel.top && gate.top < panel.bottom };
  });
  assert(shown.scrollTop === 0 && shown.gateVisible, `the new task's rubric is scrolled: ${JSON.stringify(shown)}`);
  if (options.screenshot) {
    // The panes of the new task paint their images a moment after they report them loaded.
    await page.waitForTimeout(1500);
    await page.screenshot({ path: options.screenshot });
  }
  return { scrolled, shown };
}

// ---- help-focus: closing the help with Esc gives the focus back ----

async function helpGivesFocusBack(page, options) {
  await signIn(page, options);
  const focused = () => page.evaluate(() => {
    const active = document.activeElement;
    return active ? active.id || `${active.tagName.toLowerCase()}.${active.className}` : "none";
  });
  check("help opened with the mouse on the idle screen, closed with Esc");
  assert(await focused() === "start-button", `the idle screen focuses ${await focused()}`);
  await page.click("#help-button");
  await page.locator("#help-panel").waitFor({ state: "visible" });
  await page.keyboard.press("Escape");
  await page.locator("#help-panel").waitFor({ state: "hidden" });
  const afterIdle = await focused();
  assert(afterIdle === "start-button", `after Esc the focus is on ${afterIdle}, not "Start rating"`);
  check("Enter still starts rating");
  await page.keyboard.press("Enter");
  await taskOnScreen(page);
  check("help opened with ? from the gate, closed with Esc");
  await page.keyboard.press("1");
  const onGate = await page.evaluate(() => document.activeElement.closest("fieldset.gate") !== null);
  assert(onGate, "1 did not focus the gate's answer");
  await page.keyboard.press("?");
  await page.locator("#help-panel").waitFor({ state: "visible" });
  await page.keyboard.press("Escape");
  await page.locator("#help-panel").waitFor({ state: "hidden" });
  const backOnGate = await page.evaluate(() => document.activeElement.closest("fieldset.gate") !== null);
  assert(backOnGate, `after Esc the focus is on ${await focused()}, not the gate's answer`);
  return { afterIdle, backOnGate };
}

// ---- draft ----

async function draftFollowsImages(page, options) {
  await signInAndStart(page, options);
  const task = await taskOnScreen(page);
  assert(task.letters.length === 2, `the task shows ${task.letters.length} outputs, not 2`);
  const first = await imagesByLetter(page);
  const [low, high] = task.letters.map((letter) => first[letter]);
  check("answer: one image all lowest, the other all highest and preferred");
  await answer(page, { [low]: "lowest", [high]: "highest" }, high);
  const given = await answersByImage(page);

  let attempts = 0;
  let now = first;
  do {
    attempts += 1;
    check(`release and lease again (${attempts})`);
    now = await releaseAndLeaseAgain(page, options, task);
    const notice = await page.textContent("#notice-text");
    assert(/^Restored/.test(notice), `no "Restored" notice after leasing again (notice: ${JSON.stringify(notice)}); `
      + `drafts: ${await page.evaluate(() => JSON.stringify(Object.entries(localStorage)
        .filter(([key]) => key.startsWith("editeval.draft."))))}`);
    const restored = await answersByImage(page);
    for (const image of [low, high]) {
      assert(JSON.stringify(restored[image]) === JSON.stringify(given[image]),
        `after lease ${attempts} the image ${image} (now ${letterOf(now, image)}) shows ${JSON.stringify(
          restored[image])}, but was given ${JSON.stringify(given[image])}`);
    }
  } while (letterOf(now, low) === letterOf(first, low) && attempts < RELEASES);
  assert(letterOf(now, low) !== letterOf(first, low), `the order never changed in ${attempts} leases`);

  check("a draft whose outputs are not shown now is dropped with a message");
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage).filter((name) => name.startsWith("editeval.draft."))) {
      const draft = JSON.parse(localStorage.getItem(key));
      draft.outputKeys = Object.fromEntries(Object.keys(draft.outputKeys || { A: 0, B: 0 })
        .map((letter) => [letter, `gone-${letter}`]));
      localStorage.setItem(key, JSON.stringify(draft));
    }
  });
  await releaseAndLeaseAgain(page, options, task);
  const notice = await page.textContent("#notice-text");
  assert(/not restored|could not be matched/i.test(notice), `no message that the draft was dropped: ${notice}`);
  const checked = await page.$$eval("#rating-form input:checked", (inputs) => inputs.length);
  assert(checked === 0, `${checked} answers applied from a draft that matches none of the outputs`);

  check("answer afresh and submit");
  await answer(page, { [low]: "lowest", [high]: "highest" }, high);
  await submit(page);
  return { attempts, lowest: low, highest: high, preferred: high, letters: { first, last: now } };
}

/** Each shown letter's image, named by the blind file name of its preview (the same in every lease). */
function imagesByLetter(page) {
  return page.$$eval("#viewer .tile-output", (tiles) => Object.fromEntries(tiles.map((tile) => [
    tile.dataset.outputId,
    new URL(tile.querySelector("img.photo").src).pathname.split("/").pop().replace(/-(thumb|preview|full)\.jpg$/, ""),
  ])));
}

function letterOf(letters, image) {
  return Object.keys(letters).find((letter) => letters[letter] === image);
}

/** Gate: its first (passing) answer; each image's rows: its lowest or highest score; the preference: prefer. */
async function answer(page, levelByImage, prefer) {
  const letters = await imagesByLetter(page);
  const byLetter = Object.fromEntries(Object.entries(levelByImage).map(([image, level]) => [letterOf(letters, image),
    level]));
  await page.evaluate(({ byLetter: levels, preferred }) => {
    const pick = (input) => {
      if (!input.checked) {
        input.click();
      }
    };
    pick(document.querySelector("#rating-form fieldset.gate input[type=radio]"));
    for (const [letter, level] of Object.entries(levels)) {
      for (const row of document.querySelectorAll(`#rating-form [data-output-id="${letter}"] fieldset.dim-row`)) {
        const scores = [...row.querySelectorAll("input[type=radio]")].filter((input) => input.value !== "na");
        pick(level === "lowest" ? scores[0] : scores[scores.length - 1]);
      }
    }
    for (const row of document.querySelectorAll("#rating-form fieldset.pref-row")) {
      pick(row.querySelector(preferred ? `input[value="${preferred}"]` : "input[value=tie]"));
    }
  }, { byLetter, preferred: prefer && letterOf(letters, prefer) });
  failOnProblems();
}

/** What the form shows, by image: each row's checked value, and whether the image is the preferred one. */
async function answersByImage(page) {
  const letters = await imagesByLetter(page);
  const byLetter = await page.evaluate(() => {
    const shown = {};
    for (const block of document.querySelectorAll("#rating-form [data-output-id]")) {
      shown[block.dataset.outputId] = { scores: [...block.querySelectorAll("fieldset.dim-row")].map((row) => {
        const checked = row.querySelector("input:checked");
        return checked ? checked.value : null;
      }) };
    }
    for (const row of document.querySelectorAll("#rating-form fieldset.pref-row")) {
      const checked = row.querySelector("input:checked");
      if (checked && shown[checked.value]) {
        shown[checked.value].preferred = (shown[checked.value].preferred || 0) + 1;
      }
    }
    return shown;
  });
  return Object.fromEntries(Object.entries(byLetter).map(([letter, shown]) => [letters[letter], shown]));
}

/** An admin releases the evaluator's leases; the page, reloaded, finds its lease gone and leases the task again. */
async function releaseAndLeaseAgain(page, options, task) {
  const answer = await page.request.post(new URL(`api/admin/evaluators/${encodeURIComponent(options["evaluator-id"])}`
    + "/release", options.url).href, { headers: { Authorization: `Bearer ${options["admin-token"]}` } });
  assert(answer.status() === 200, `the admin release answered ${answer.status()}: ${await answer.text()}`);
  await page.reload({ waitUntil: "domcontentloaded" });
  await page.locator("#screen-idle").waitFor({ state: "visible" });
  // The page asks for its lease, gone now: the 404 it expects is all Chromium logs.
  takeProblems(/status of 404/);
  await page.click("#start-button");
  await page.locator("#screen-task").waitFor({ state: "visible" });
  const again = await taskOnScreen(page);
  assert(again.batchId === task.batchId && again.taskId === task.taskId,
    `leased ${again.batchId}/${again.taskId} again, not ${task.batchId}/${task.taskId}`);
  return imagesByLetter(page);
}

async function submit(page) {
  const token = await pageToken(page);
  assert(token, "no token on the page");
  const response = page.waitForResponse((candidate) => candidate.request().method() === "POST"
    && /\/rating$/.test(candidate.url()));
  await page.keyboard.press("Control+Enter");
  const answer = await response;
  assert(answer.status() === 201, `the rating POST answered ${answer.status()}: ${await answer.text()}`);
}
