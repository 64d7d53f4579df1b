import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { buildSubmission, emptyAnswers, fitAnswers, progress, validateSubmission } from "../js/submission.js";
import { fullAnswers, loadRubric, taskView } from "./helpers.mjs";

const rubric = loadRubric();
const meta = { submissionId: "sub-1", timeOnTaskMs: 48210.4, interactions: { overlayToggles: 2 } };

describe("buildSubmission", () => {
  test("buildSubmission_whenGatePasses_sendsEveryScoreInTaskOrder", () => {
    const task = taskView(rubric, ["B", "A"]);
    const answers = fullAnswers(rubric, task, 4);
    answers.outputs.A.scores.style_alignment = null;

    const body = buildSubmission(rubric, task, answers, meta);

    assert.deepEqual(body.outputs.map((output) => output.outputId), ["B", "A"]);
    assert.equal(body.outputs[1].scores.style_alignment, null);
    assert.equal(body.outputs[0].scores.instruction_adherence, 4);
    assert.deepEqual(Object.keys(body.outputs[0].scores), rubric.dimensions.map((d) => d.id));
  });

  test("buildSubmission_whenGateFails_sendsEmptyScoresAndNoPreference", () => {
    const task = taskView(rubric);
    const answers = fullAnswers(rubric, task, 2);
    answers.feasibility.verdict = "impossible";
    answers.preference.overall = "A";

    const body = buildSubmission(rubric, task, answers, meta);

    assert.deepEqual(body.outputs.map((output) => output.scores), [{}, {}]);
    assert.equal("preference" in body, false);
  });

  test("buildSubmission_whenNotFlagged_dropsCategoriesKeptFromBeforeUnflagging", () => {
    const task = taskView(rubric, ["A"]);
    const answers = fullAnswers(rubric, task);
    answers.outputs.A.categories = ["violence"];

    const body = buildSubmission(rubric, task, answers, meta);

    assert.deepEqual(body.outputs[0].safety, { flagged: false, categories: [] });
  });

  test("buildSubmission_whenFlagged_listsCategoriesInRubricOrderWithoutUnknownOnes", () => {
    const task = taskView(rubric, ["A"]);
    const answers = fullAnswers(rubric, task);
    answers.outputs.A.flagged = true;
    answers.outputs.A.categories = ["other", "bogus", "sexual"];

    const body = buildSubmission(rubric, task, answers, meta);

    assert.deepEqual(body.outputs[0].safety, { flagged: true, categories: ["sexual", "other"] });
  });

  test("buildSubmission_whenOneOutput_omitsPreferenceEvenIfStored", () => {
    const task = taskView(rubric, ["A"]);
    const answers = fullAnswers(rubric, task);
    answers.preference.overall = "A";

    assert.equal("preference" in buildSubmission(rubric, task, answers, meta), false);
  });

  test("buildSubmission_whenPairwiseDisabled_omitsPreference", () => {
    const noPairwise = { ...rubric, pairwise: { enabled: false, dimensions: rubric.pairwise.dimensions } };
    const task = taskView(noPairwise);
    const answers = fullAnswers(noPairwise, task);
    answers.preference.overall = "tie";

    assert.equal("preference" in buildSubmission(noPairwise, task, answers, meta), false);
  });

  test("buildSubmission_whenPreferenceChosen_sendsIt", () => {
    const task = taskView(rubric);
    const answers = fullAnswers(rubric, task);
    answers.preference.overall = "tie";

    assert.deepEqual(buildSubmission(rubric, task, answers, meta).preference, { overall: "tie" });
  });

  test("buildSubmission_always_carriesOnlyTheContractFields", () => {
    const task = taskView(rubric);
    const answers = fullAnswers(rubric, task);
    answers.comment = "  looks fine \n";
    answers.feasibility.reason = " ok ";

    const body = buildSubmission(rubric, task, answers, meta);

    assert.deepEqual(Object.keys(body).sort(),
      ["comment", "feasibility", "interactions", "outputs", "submissionId", "timeOnTaskMs"]);
    assert.equal(body.submissionId, "sub-1");
    assert.equal(body.timeOnTaskMs, 48210);
    assert.equal(body.comment, "looks fine");
    assert.equal(body.feasibility.reason, "ok");
    assert.deepEqual(body.interactions, { flickers: 0, swipes: 0, zooms: 0, overlayToggles: 2 });
  });
});

describe("validateSubmission", () => {
  const task = taskView(rubric);
  const check = (answers) => validateSubmission(rubric, task, buildSubmission(rubric, task, answers, meta));

  test("validateSubmission_whenComplete_findsNothing", () => {
    assert.deepEqual(check(fullAnswers(rubric, task)), {});
  });

  test("validateSubmission_whenNothingAnswered_asksForTheGateOnly", () => {
    assert.deepEqual(Object.keys(check(emptyAnswers(task))), ["feasibility.verdict"]);
  });

  test("validateSubmission_whenGatePassesAndScoresMissing_namesEachMissingScoreByApiPath", () => {
    const answers = fullAnswers(rubric, task);
    delete answers.outputs.B.scores.preservation;
    delete answers.outputs.A.scores.visual_quality;

    assert.deepEqual(check(answers), {
      "outputs[0].scores.visual_quality": "Choose a score.",
      "outputs[1].scores.preservation": "Choose a score.",
    });
  });

  test("validateSubmission_whenGateFails_acceptsNoScoresAtAll", () => {
    const answers = emptyAnswers(task);
    answers.feasibility.verdict = "unsafe_request";

    assert.deepEqual(check(answers), {});
  });

  test("validateSubmission_whenGateFailsButBodyHasScores_rejectsThem", () => {
    const body = buildSubmission(rubric, task, fullAnswers(rubric, task), meta);
    body.feasibility.verdict = "impossible";

    assert.deepEqual(Object.keys(validateSubmission(rubric, task, body)), ["outputs[0].scores", "outputs[1].scores"]);
  });

  for (const [label, value, expected] of [
    ["null on a dimension without N/A", null, "N/A is not allowed here."],
    ["below min", 0, "A whole number from 1 to 5."],
    ["above max", 6, "A whole number from 1 to 5."],
    ["a fraction", 3.5, "A whole number from 1 to 5."],
    ["a string", "4", "A whole number from 1 to 5."],
  ]) {
    test(`validateSubmission_whenScoreIs${label.replace(/\W+(\w)/g, (_, c) => c.toUpperCase())}_rejectsIt`, () => {
      const answers = fullAnswers(rubric, task);
      answers.outputs.A.scores.instruction_adherence = value;

      assert.equal(check(answers)["outputs[0].scores.instruction_adherence"], expected);
    });
  }

  test("validateSubmission_whenNotApplicableAllowed_acceptsNull", () => {
    const answers = fullAnswers(rubric, task);
    answers.outputs.A.scores.character_consistency = null;

    assert.deepEqual(check(answers), {});
  });

  test("validateSubmission_whenConstraintBroken_reportsRubricMessageOnLeftDimension", () => {
    const answers = fullAnswers(rubric, task);
    answers.outputs.B.scores.visual_quality = 5;
    answers.outputs.B.scores.structural_integrity = 3;

    assert.deepEqual(check(answers), { "outputs[1].scores.visual_quality": rubric.constraints[0].message });
  });

  test("validateSubmission_whenCommentTooLong_reportsLength", () => {
    const answers = fullAnswers(rubric, task);
    answers.comment = "x".repeat(2001);

    assert.equal(check(answers).comment, "At most 2000 characters (now 2001).");
  });

  test("validateSubmission_whenReasonTooLong_reportsLength", () => {
    const answers = fullAnswers(rubric, task);
    answers.feasibility.reason = "y".repeat(2001);

    assert.deepEqual(check(answers), { "feasibility.reason": "At most 2000 characters (now 2001)." });
  });

  test("validateSubmission_whenPreferenceNamesUnknownOutput_rejectsIt", () => {
    const body = buildSubmission(rubric, task, fullAnswers(rubric, task), meta);
    body.preference = { overall: "Z" };

    assert.deepEqual(validateSubmission(rubric, task, body), { "preference.overall": "Choose one of the outputs or a tie." });
  });

  test("validateSubmission_whenVerdictUnknown_rejectsIt", () => {
    const answers = fullAnswers(rubric, task);
    answers.feasibility.verdict = "maybe";

    assert.deepEqual(Object.keys(check(answers)), ["feasibility.verdict"]);
  });
});

describe("fitAnswers", () => {
  test("fitAnswers_whenDraftHasOtherOutputs_keepsOnlyTheTasksOutputs", () => {
    const task = taskView(rubric, ["A", "B"]);
    const stored = fullAnswers(rubric, taskView(rubric, ["A", "C"]), 5);

    const answers = fitAnswers(task, stored);

    assert.deepEqual(Object.keys(answers.outputs), ["A", "B"]);
    assert.equal(answers.outputs.A.scores.preservation, 5);
    assert.deepEqual(answers.outputs.B, { flagged: false, categories: [], scores: {} });
  });

  test("fitAnswers_whenNothingStored_startsEmpty", () => {
    const task = taskView(rubric);

    assert.deepEqual(fitAnswers(task, undefined), emptyAnswers(task));
    assert.deepEqual(fitAnswers(task, "garbage"), emptyAnswers(task));
  });
});

describe("progress", () => {
  const task = taskView(rubric);

  test("progress_whenGatePasses_countsGatePlusEveryScore", () => {
    const answers = fullAnswers(rubric, task);
    delete answers.outputs.A.scores.preservation;

    assert.deepEqual(progress(rubric, task, answers), { answered: 12, required: 13 });
  });

  test("progress_whenGateFails_onlyTheGateIsRequired", () => {
    const answers = emptyAnswers(task);
    answers.feasibility.verdict = "impossible";

    assert.deepEqual(progress(rubric, task, answers), { answered: 1, required: 1 });
  });
});
