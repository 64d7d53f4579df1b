import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { outputKeys, placeAnswers } from "../js/draft-match.js";

const task = (leaseId, letters) => ({ leaseId, outputs: Object.entries(letters)
  .map(([outputId, draftKey]) => ({ outputId, draftKey })) });
const ones = { flagged: false, categories: [], scores: { a: 1 } };
const fives = { flagged: true, categories: ["other"], scores: { a: 5 } };

describe("placing a draft on the outputs shown now", () => {
  test("placeAnswers_whenTheNextLeaseSwapsTheOrder_movesEachAnswerWithItsImage", () => {
    const first = task("L1", { A: "k1", B: "k2" });
    const draft = { leaseId: "L1", outputKeys: outputKeys(first),
      answers: { outputs: { A: ones, B: fives }, preference: { overall: "B", other: "tie" }, comment: "c" } };

    const placed = placeAnswers(draft, task("L2", { A: "k2", B: "k1" }));

    assert.deepEqual(placed.answers.outputs, { A: fives, B: ones });
    assert.deepEqual(placed.answers.preference, { overall: "A", other: "tie" });
    assert.equal(placed.answers.comment, "c");
  });

  test("placeAnswers_whenAnOutputOfTheDraftIsNotShownNow_dropsTheDraft", () => {
    const draft = { leaseId: "L1", outputKeys: { A: "k1", B: "k2" }, answers: { outputs: { A: ones, B: fives } } };

    assert.deepEqual(placeAnswers(draft, task("L2", { A: "k1", B: "k9" })), { dropped: true });
    assert.deepEqual(placeAnswers(draft, task("L2", { A: "k1", B: "k2", C: "k3" })), { dropped: true });
  });

  test("placeAnswers_whenTheDraftKnowsNoKeys_dropsItRatherThanTrustItsLetters", () => {
    const draft = { leaseId: "L1", answers: { outputs: { A: ones, B: fives } } };

    assert.deepEqual(placeAnswers(draft, task("L2", { A: "k1", B: "k2" })), { dropped: true });
  });

  test("placeAnswers_forTheSameLeaseOrNoAnswers_keepsWhatIsThere", () => {
    const answers = { outputs: { A: ones } };

    assert.equal(placeAnswers({ leaseId: "L1", answers }, task("L1", { A: "k1" })).answers, answers);
    assert.deepEqual(placeAnswers({ leaseId: "L1" }, task("L2", { A: "k1" })), { answers: undefined });
    assert.deepEqual(placeAnswers(undefined, task("L2", { A: "k1" })), { answers: undefined });
  });
});
