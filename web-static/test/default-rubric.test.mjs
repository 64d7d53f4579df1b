// The page against the repository's default rubric (events/schema/default-rubric.json), so a change there
// that the form or the client check cannot handle shows up here, not in front of a rater.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { gateFails, scaleLevels } from "../js/rubric.js";
import { buildSubmission, emptyAnswers, validateSubmission } from "../js/submission.js";
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
      const answers = { ...emptyAnswers(task), feasibility: { verdict: option.value, reason: "" } };

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
});
