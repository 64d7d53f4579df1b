// The lead's page's DOM-free modules (js/lead/): what each screen computes from the API's answers.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { adjudicationBody, dimensionsOf, flagsByModel, modelsOf, scoreGrid } from "../js/lead/adjudication-model.js";
import { createAdminApi } from "../js/lead/admin-api.js";
import { failureText, isMissingRoute, NOT_AVAILABLE_TEXT } from "../js/lead/availability.js";
import { batchSummary, queueRows, sortBatches } from "../js/lead/batch-progress.js";
import { actionsFor, evaluatorRows, parseFlags, parseSeverity, shownStatus } from "../js/lead/evaluator-concern.js";
import { scoresLine } from "../js/lead/recent-ratings.js";
import { formatAgo } from "../js/lead/lead-format.js";
import { categoriesOf, intervalText, leaderboards, position, scaleOf, titleOf } from "../js/lead/leaderboard.js";
import { createPoller } from "../js/lead/poller.js";

describe("batchSummary", () => {
  const failing = { batchId: "demo", status: "ACCEPTED", tasks: 7, ready: 6, failed: 1, ratingsReceived: 9,
    ratingsNeeded: 18, problems: [], failedTasks: [{ taskId: "t07", reason: "output of m (batches/demo/t07/m.jpg):"
      + " the JPEG is damaged", images: [{ label: "source", key: "batches/demo/t07/source.jpg", url: "/s" },
      { label: "m", key: "batches/demo/t07/m.jpg", url: "/m" }] }] };

  test("batchSummary_whenATaskFailed_needsALookAndNamesTheRefusedImage", () => {
    const summary = batchSummary(failing);

    assert.equal(summary.needsLook, true);
    assert.equal(summary.ratedText, "9 of 18 ratings (50 %)");
    assert.deepEqual(summary.counts.map((c) => c.value), [7, 6, 0, 1, 9, 18]);
    assert.deepEqual(summary.failedTasks[0].images.map((image) => image.named), [false, true]);
  });

  test("sortBatches_always_putsBatchesNeedingALookFirst", () => {
    const quiet = batchSummary({ batchId: "a", status: "ACCEPTED", tasks: 1, ready: 1 });
    const rejected = batchSummary({ batchId: "z", status: "REJECTED", problems: ["tasks[0].source: missing"] });

    assert.deepEqual(sortBatches([quiet, batchSummary(failing), rejected]).map((b) => b.batchId), ["demo", "z", "a"]);
    assert.deepEqual(rejected.problems, ["tasks[0].source: missing"]);
  });

  test("queueRows_whenDeadLettersOrExpiredLeases_marksThem", () => {
    const rows = queueRows({ queues: [{ name: "ingest", waiting: 0, inFlight: 0, deadLetters: 2 }],
      slotsWaiting: 12, liveLeases: 1, expiredLastHour: 3 });

    assert.deepEqual(rows.totals.map((row) => [row.value, row.alert]), [[12, false], [1, false], [3, true]]);
    assert.equal(rows.queues[0].alert, true);
  });
});

describe("evaluatorRows", () => {
  test("parseSeverity_readsEachDimensionsOffsetErrorAndCount", () => {
    assert.deepEqual(parseSeverity("preservation:-1.2500+-0.3000/12 visual_quality:0.1000+-/1 bad"), [
      { dimension: "preservation", offset: -1.25, error: 0.3, n: 12 },
      { dimension: "visual_quality", offset: 0.1, error: undefined, n: 1 }]);
    assert.deepEqual(parseFlags("straight-lining; low gold accuracy"), ["straight-lining", "low gold accuracy"]);
  });

  test("evaluatorRows_always_joinsTheExportByPseudonymAndSortsByConcern", () => {
    const rows = evaluatorRows([
      { evaluatorId: "u1", name: "ana", pseudonym: "ev-a", ratings: 20, status: "active", reason: "" },
      { evaluatorId: "u2", name: "bo", pseudonym: "ev-b", ratings: 20, status: "active", reason: "" },
      { evaluatorId: "u3", name: "cy", pseudonym: null, ratings: 0, status: "paused", reason: "on leave" },
    ], [
      { evaluator: "ev-a", gold_accuracy: "0.9500", agreement: "0.8000", severity: "", flags: "" },
      { evaluator: "ev-b", gold_accuracy: "0.4000", agreement: "0.2000", straight_lining: "0.9000",
        severity: "preservation:-1.0000+-0.2000/8", flags: "straight-lining" },
    ]);

    assert.deepEqual(rows.map((row) => row.name), ["bo", "cy", "ana"]);
    assert.deepEqual(rows[0].concern.reasons, ["straight-lining", "gold accuracy 40 %", "agreement 0.20",
      "severe on Preservation (-1.00)"], "the export's flag says straight-lining once, in its words");
    assert.equal(rows[1].stats, null);
    assert.deepEqual(rows[1].concern.reasons, ["paused: on leave"]);
  });

  test("actionsFor_offersResumeOnlyOnceStopped_excludeOrIncludeAlways_andResetOnlyOnScreening", () => {
    assert.deepEqual([actionsFor("qualified"), actionsFor("paused"), actionsFor("removed", true),
      actionsFor("screening")], [["pause", "remove", "exclude"], ["resume", "remove", "exclude"],
      ["resume", "include"], ["pause", "remove", "exclude", "reset"]]);
  });

  test("evaluatorRows_whenTheRulesWarnedAnEvaluator_showsWarned_andPutsThemFirstWithTheWarning", () => {
    const rows = evaluatorRows([
      { evaluatorId: "u1", name: "ana", pseudonym: "ev-a", status: "qualified", warning: "" },
      { evaluatorId: "u2", name: "sam", pseudonym: null, status: "qualified", warning: "Please slow down",
        ratings: 9, today: 6 },
    ], [{ evaluator: "ev-a", agreement: "0.1000", flags: "" }]);

    assert.deepEqual(rows.map((row) => [row.name, shownStatus(row)]), [["sam", "warned"], ["ana", "qualified"]]);
    assert.deepEqual(rows[0].concern.reasons, ["warned: Please slow down"]);
    assert.deepEqual(rows.map((row) => [row.ratings, row.today]), [[9, 6], [0, 0]]);
    assert.equal(shownStatus({ status: "paused", warning: "Please slow down" }), "paused");
  });

  test("evaluatorRows_whenTheRatingsAreExcluded_saysSoAmongTheConcerns", () => {
    const [row] = evaluatorRows([{ evaluatorId: "e1", name: "ana", status: "qualified",
      exclusion: { from: null, reason: "rushed", at: "2026-12-03T09:00:00Z" } }]);
    assert.equal(row.excluded, true);
    assert.ok(row.concern.reasons.includes("ratings excluded: rushed"));
  });
});

describe("recent ratings", () => {
  test("scoresLine_always_titlesEachDimensionInTheRatingsOrder_andSaysNAForNull", () => {
    assert.equal(scoresLine({ instruction_adherence: 4, preservation: null }), "Instruction adherence 4 · Preservation N/A");
    assert.equal(scoresLine({}), "no scores");
    assert.equal(scoresLine(undefined), "no scores");
  });
});

describe("leaderboards", () => {
  const row = (category, model, dimension, mean, low, high) => ({ batch_id: "demo", category, model, dimension,
    n: "6", mean, ci95_low: low, ci95_high: high, interval_note: "" });
  const rows = [row("", "b", "preservation", "3.0000", "2.5000", "3.5000"),
    row("", "a", "preservation", "4.2000", "3.9000", "4.5000"), row("", "c", "preservation", "", "", ""),
    row("recolour", "a", "preservation", "4.0000", "3.0000", "5.0000")];

  test("leaderboards_overEveryTask_ranksByMeanWithNoMeanLast", () => {
    const [board] = leaderboards(rows, "", { preservation: "Preservation of the rest" });

    assert.equal(board.title, "Preservation of the rest");
    assert.deepEqual(board.entries.map((entry) => entry.model), ["a", "b", "c"]);
    assert.equal(intervalText(board.entries[0]), "4.20 (3.90–4.50)");
    assert.equal(intervalText(board.entries[2]), "no scores");
  });

  test("leaderboards_withTheExportsDifferences_shareARankUntilAheadBeyondNoise_andStateEachPair", () => {
    const three = [row("", "a", "preservation", "4.2000", "3.9000", "4.5000"),
      row("", "b", "preservation", "4.1000", "3.8000", "4.4000"), row("", "c", "preservation", "3.0000", "2.5000",
        "3.5000"), row("", "a", "visual_quality", "4.0000", "3.0000", "5.0000")];
    const pair = (ahead, behind, called, difference = "", low = "", high = "") => ({ batch_id: "demo",
      category: "", dimension: "preservation", ahead, behind, difference, ci95_low: low, ci95_high: high, called });
    const differences = [pair("a", "b", "not_distinguishable", "0.1000", "-0.2000", "0.4000"),
      pair("a", "c", "ahead", "1.2000", "0.7000", "1.7000"), pair("b", "c", "ahead", "1.1000", "0.6000", "1.6000"),
      { ...pair("a", "b", "ahead", "1", "0.5", "1.5"), category: "recolour" }];

    const [preservation, visual] = leaderboards(three, "", {}, differences);

    assert.deepEqual(preservation.entries.map((entry) => [entry.model, entry.rank]), [["a", 1], ["b", 1], ["c", 3]]);
    assert.deepEqual(preservation.stated, { ahead: ["a over c by +1.20 (+0.70 to +1.70)",
      "b over c by +1.10 (+0.60 to +1.60)"], level: ["a and b"], tooFew: [] });
    assert.deepEqual(visual.stated, null, "no pair of this dimension: nothing stated");
    assert.deepEqual(leaderboards(rows)[0].entries.map((entry) => entry.rank), [1, 2, undefined],
      "an export without differences: the place by mean");
  });

  test("leaderboards_ofACategory_takesOnlyItsRows", () => {
    assert.deepEqual(categoriesOf(rows), ["recolour"]);
    assert.equal(leaderboards(rows, "recolour")[0].entries.length, 1);
    assert.equal(titleOf("instruction_adherence"), "Instruction adherence");
  });

  test("scaleOf_coversOneToFiveAndPositionClamps", () => {
    const scale = scaleOf([{ low: 2.2, high: 4.6, mean: 3 }]);

    assert.deepEqual(scale, { min: 1, max: 5 });
    assert.deepEqual([position(3, scale), position(9, scale), position(-1, scale)], [0.5, 1, 0]);
  });
});

describe("adjudication", () => {
  const view = { outputs: [{ model: "m1" }, { model: "m2" }], ratings: [
    { name: "ana", outputs: [{ model: "m1", scores: { preservation: 1, visual_quality: null } },
      { model: "m2", scores: { preservation: 4 }, safety: { flagged: true } }] },
    { name: "bo", outputs: [{ model: "m1", scores: { preservation: 5 } }] }] };

  test("scoreGrid_linesUpEveryRatersScoreWithTheSpread", () => {
    assert.deepEqual(modelsOf(view), ["m1", "m2"]);
    assert.deepEqual(dimensionsOf(view), ["preservation", "visual_quality"]);
    assert.deepEqual(scoreGrid(view).m1.preservation, { scores: [1, 5], spread: 4 });
    assert.deepEqual(scoreGrid(view).m1.visual_quality.scores, ["N/A", "–"]);
    assert.deepEqual(flagsByModel(view), { m2: ["ana"] });
  });

  test("adjudicationBody_whenComplete_buildsTheDocumentedBody", () => {
    const built = adjudicationBody({ verdict: "valid", passes: true, reason: "rater_error", note: " halo ",
      scores: { m1: { preservation: "2", visual_quality: "na", other: "" } }, flagged: { m1: false } });

    assert.deepEqual(built.body, { verdict: "valid", reason: "rater_error", note: "halo",
      outputs: { m1: { scores: { preservation: 2, visual_quality: null }, flagged: false } } });
  });

  test("adjudicationBody_whenVerdictFailsTheGate_sendsNoScores_andWhenIncomplete_saysWhat", () => {
    const failed = adjudicationBody({ verdict: "impossible", passes: false, reason: "other",
      scores: { m1: { preservation: "2" } } });

    assert.deepEqual(failed.body.outputs.m1.scores, {});
    assert.deepEqual(adjudicationBody({ scores: {} }).problems, ["Choose the verdict.",
      "Choose the reason for the decision."]);
  });
});

describe("admin API and availability", () => {
  test("createAdminApi_callsTheDocumentedRoutes", async () => {
    const calls = [];
    const admin = createAdminApi({ request: async (...call) => calls.push(call), me: async () => ({}) });

    await admin.setStatus("a b", "pause", "why");
    await admin.setStatus("u", "resume", "ignored");
    await admin.adjudicate("demo", "t/1", { verdict: "valid" });
    await admin.resolve("e1", "confirmed", "");
    await admin.runExport("");

    assert.deepEqual(calls, [["POST", "/admin/evaluators/a%20b/pause", { reason: "why" }],
      ["POST", "/admin/evaluators/u/resume", undefined],
      ["PUT", "/admin/tasks/demo/t%2F1/adjudication", { verdict: "valid" }],
      ["POST", "/admin/safety/e1/resolve", { verdict: "confirmed", note: "" }], ["POST", "/admin/exports", {}]]);
  });

  test("failureText_whenTheRouteIsMissing_saysNotAvailableYet", () => {
    assert.equal(isMissingRoute({ status: 404 }), true);
    assert.equal(failureText({ status: 404 }, "Safety"), `Safety: ${NOT_AVAILABLE_TEXT}`);
    assert.equal(failureText({ status: 500, message: "boom" }, "Safety"), "Could not load safety: boom");
  });

  test("formatAgo_roundsToMinutesHoursDays", () => {
    const now = Date.parse("2026-12-02T12:00:00Z");
    assert.deepEqual(["2026-12-02T11:59:30Z", "2026-12-02T11:55:00Z", "2026-12-02T09:00:00Z", "2026-11-28T12:00:00Z",
      null].map((iso) => formatAgo(iso, now)), ["just now", "5 min ago", "3 h ago", "4 days ago", "never"]);
  });
});

describe("createPoller", () => {
  function fakeTimers() {
    const timers = [];
    return { timers, setTimer: (fn, ms) => timers.push({ fn, ms }) , clearTimer: () => {} };
  }

  test("createPoller_whileVisible_schedulesEveryPeriod_andNotWhileHidden", async () => {
    const clock = fakeTimers();
    let visible = true;
    let runs = 0;
    const poller = createPoller({ everyMs: 15000, run: async () => { runs += 1; }, isVisible: () => visible,
      ...clock });

    poller.start();
    await clock.timers[0].fn();
    visible = false;
    await poller.now();

    assert.equal(clock.timers[0].ms, 15000);
    assert.equal(runs, 2);
    assert.equal(clock.timers.length, 2, "rescheduled after the first run, not after the hidden one");
  });

  test("createPoller_whenAskedWhileRunning_runsOnceMoreAfter", async () => {
    const clock = fakeTimers();
    let runs = 0;
    let release;
    const poller = createPoller({ everyMs: 1000, isVisible: () => true, ...clock,
      run: () => { runs += 1; return runs === 1 ? new Promise((resolve) => { release = resolve; }) : undefined; } });
    poller.start();

    const first = poller.now();
    poller.now();
    poller.now();
    release();
    await first;

    assert.equal(runs, 2);
  });
});
