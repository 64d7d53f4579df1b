import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { applyChange } from "../js/answer-changes.js";
import { emptyAnswers } from "../js/submission.js";

const task = { outputs: [{ outputId: "A" }, { outputId: "B" }] };

describe("applyChange", () => {
  test("applyChange_always_givesNewAnswersAndLeavesTheOldOnesAsTheyWere", () => {
    const before = emptyAnswers(task);
    const frozen = JSON.stringify(before);

    let after = applyChange(before, { type: "score", outputId: "B", dimensionId: "preservation", value: 4 });
    after = applyChange(after, { type: "score", outputId: "B", dimensionId: "style", value: null });
    after = applyChange(after, { type: "flag", outputId: "A", value: true });
    after = applyChange(after, { type: "categories", outputId: "A", value: ["other"] });
    after = applyChange(after, { type: "verdict", value: "valid" });
    after = applyChange(after, { type: "reason", value: "fine" });
    after = applyChange(after, { type: "preference", dimensionId: "overall", value: "tie" });
    after = applyChange(after, { type: "comment", value: "ok" });

    assert.equal(JSON.stringify(before), frozen);
    assert.deepEqual(after.outputs.B.scores, { preservation: 4, style: null });
    assert.deepEqual(after.outputs.A, { flagged: true, categories: ["other"], scores: {} });
    assert.deepEqual(after.feasibility, { verdict: "valid", reason: "fine" });
    assert.deepEqual(after.preference, { overall: "tie" });
    assert.equal(after.comment, "ok");
  });

  test("applyChange_whenTheTypeIsUnknown_namesIt", () => {
    assert.throws(() => applyChange(emptyAnswers(task), { type: "colour" }), /unknown answer change: colour/);
  });
});
