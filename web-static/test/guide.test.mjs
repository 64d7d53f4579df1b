import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { guideSections, readRubricForGuide, storeRubricForGuide } from "../js/guide-model.js";
import { loadRubric, MemoryStorage } from "./helpers.mjs";

const rubric = loadRubric();

describe("rubric guide", () => {
  test("guideSections_always_holdEveryAnchorOfEveryDimension", () => {
    const guide = guideSections(rubric);

    for (const dimension of rubric.dimensions) {
      const section = guide.sections.find((candidate) => candidate.id === `dimension-${dimension.id}`);
      assert.ok(section, `no section for ${dimension.id}`);
      for (const [level, anchor] of Object.entries(dimension.anchors || {})) {
        assert.ok(section.items.some((item) => item.term === level && item.text === anchor),
          `${dimension.id} misses anchor ${level}`);
      }
      assert.equal(section.items.some((item) => item.term === "N/A"), dimension.allowNotApplicable === true);
    }
  });

  test("guideSections_always_startWithTheGateAndMarkWhatSkipsTheScores", () => {
    const [gate, safety] = guideSections(rubric).sections;

    assert.equal(gate.id, "feasibility");
    assert.equal(gate.items.length, rubric.feasibility.options.length);
    const failing = rubric.feasibility.options.filter((option) => !option.passes).map((option) => option.label);
    assert.ok(failing.length > 0);
    for (const label of failing) {
      assert.ok(gate.items.some((item) => item.term === `${label} (skips the scores)`));
    }
    assert.equal(safety.items.length, rubric.safety.categories.length);
  });

  test("storeRubricForGuide_thenRead_givesItBack_andGarbageGivesNothing", () => {
    const storage = new MemoryStorage();
    assert.equal(readRubricForGuide(storage), undefined);

    storeRubricForGuide(storage, rubric);

    assert.deepEqual(readRubricForGuide(storage), rubric);
    storage.setItem("editeval.guideRubric", "{not json");
    assert.equal(readRubricForGuide(storage), undefined);
  });
});
