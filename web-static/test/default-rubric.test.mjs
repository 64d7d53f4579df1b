// The page against the repository's default rubric (events/schema/default-rubric.json), so a change there
// that the form or the client check cannot handle shows up here, not in front of a rater.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { gateFails, scaleLevels } from "../js/rubric.js";
import { buildSubmission, emptyAnswers, progress, validateSubmission } from "../js/submission.js";
import { fullAnswers, taskView } from "./helpers.mjs";

const rubric = JSON.parse(readFileSync(new URL("../../events/schema/default-rubric.json", import.meta.url), "utf8"));
const task = taskView(rubric, ["A", "B"]);
const meta = { submissionId: "0b98dade-7f9b-468f-98c6-c013c3c8423e", timeOnTaskMs: 1, interactions: {} };

describe("default rubric", () => {
  test("everyDimension_hasAnAnchorForEveryLevel", () => {
    for (const dimension of rubric.dimensions) {
      const missing = scaleLevels(dimension).filter((level) => level.anchor === "");

      assert.deepEqual(missing, [], `${dimension.id} lacks anchors`);
    }
  });

  test("fullAnswers_passTheClientCheck", () => {
    const body = buildSubmission(rubric, task, fullAnswers(rubric, task, 3), meta);

    assert.deepEqual(validateSubmission(rubric, task, body), {});
  });

  test("everyFailingVerdict_acceptsASubmissionWithoutScores", () => {
    const failing = rubric.feasibility.options.filter((option) => gateFails(rubric, option.value));
    assert.ok(failing.length > 0);

    for (const option of failing) {
      const answers = { ...emptyAnswers(task), feasibility: { verdict: option.value, reason: "a reason" } };

      assert.deepEqual(validateSubmission(rubric, task, buildSubmission(rubric, task, answers, meta)), {});
    }
  });

  test("notApplicable_isAcceptedExactlyWhereTheRubricAllowsIt", () => {
    for (const dimension of rubric.dimensions) {
      const answers = fullAnswers(rubric, task, 3);
      answers.outputs.A.scores[dimension.id] = null;

      const fields = validateSubmission(rubric, task, buildSubmission(rubric, task, answers, meta));

      assert.equal("outputs[0].scores." + dimension.id in fields, dimension.allowNotApplicable !== true, dimension.id);
    }
  });

  test("aFlaggedOutputWithoutCategory_isIncompleteAndNamedAtItsCategories", () => {
    const answers = fullAnswers(rubric, task, 3);
    answers.outputs.B.flagged = true;

    const body = buildSubmission(rubric, task, answers, meta);
    const { answered, required } = progress(rubric, task, answers);

    assert.ok(answered < required, `progress ${answered} / ${required} for a flag without a category`);
    assert.deepEqual(Object.keys(validateSubmission(rubric, task, body)), ["outputs[1].safety.categories"]);
  });

  test("impossibleWithoutAReason_isIncompleteAndNamedAtTheReason", () => {
    const answers = { ...emptyAnswers(task), feasibility: { verdict: "impossible", reason: " " } };

    const problems = validateSubmission(rubric, task, buildSubmission(rubric, task, answers, meta));

    assert.deepEqual(Object.keys(problems), ["feasibility.reason"]);
    assert.match(problems["feasibility.reason"], /Impossible/);
    const { answered, required } = progress(rubric, task, answers);
    assert.ok(answered < required);
    answers.feasibility.reason = "there is no bowl";
    assert.deepEqual(progress(rubric, task, answers), { answered: 2, required: 2 });
  });

  test("flaggedOtherWithoutAComment_isIncompleteAndNamedAtTheComment", () => {
    const answers = fullAnswers(rubric, task, 3);
    answers.outputs.A.flagged = true;
    answers.outputs.A.categories = ["other"];

    const problems = validateSubmission(rubric, task, buildSubmission(rubric, task, answers, meta));

    assert.deepEqual(Object.keys(problems), ["comment"]);
    assert.match(problems.comment, /output A/);
    answers.comment = "a swastika on the wall";
    const { answered, required } = progress(rubric, task, answers);
    assert.equal(answered, required);
    assert.deepEqual(validateSubmission(rubric, task, buildSubmission(rubric, task, answers, meta)), {});
  });

  test("aCommentOfAstralCharacters_isCountedInCodePointsAsTheApiDoes", () => {
    const answers = fullAnswers(rubric, task, 3);
    answers.comment = "\u{1F600}".repeat(rubric.comment.maxLength);

    assert.deepEqual(validateSubmission(rubric, task, buildSubmission(rubric, task, answers, meta)), {});
  });
});
