import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseConfig } from "../js/config.js";
import { formatCountdown, formatDecimal, formatDuration, formatPercent } from "../js/format.js";
import { keyAction, SHORTCUTS, stepOutput } from "../js/keys.js";
import { bestColumns, paneGrid } from "../js/layout.js";
import { brokenConstraints, gateFails, gatePasses, pairwiseDimensions, scaleLevels, splitQuestion } from "../js/rubric.js";
import { loadRubric } from "./helpers.mjs";

const rubric = loadRubric();

describe("rubric", () => {
  test("gatePasses_andGateFails_followTheOptionsPassesFlag", () => {
    assert.deepEqual(["valid", "ambiguous", "impossible", "unsafe_request", ""].map((v) => gatePasses(rubric, v)),
      [true, true, false, false, false]);
    assert.deepEqual(["valid", "ambiguous", "impossible", "unsafe_request", ""].map((v) => gateFails(rubric, v)),
      [false, false, true, true, false]);
  });

  test("scaleLevels_always_runsMinToMaxWithAnchorsOrEmpty", () => {
    const levels = scaleLevels({ min: 0, max: 2, anchors: { 0: "none", 2: "all" } });

    assert.deepEqual(levels, [{ value: 0, anchor: "none" }, { value: 1, anchor: "" }, { value: 2, anchor: "all" }]);
  });

  test("pairwiseDimensions_whenFewerThanTwoOutputs_isEmpty", () => {
    assert.equal(pairwiseDimensions(rubric, 1).length, 0);
    assert.deepEqual(pairwiseDimensions(rubric, 2).map((d) => d.id), ["overall"]);
    assert.equal(pairwiseDimensions({ ...rubric, pairwise: undefined }, 3).length, 0);
  });

  for (const [text, expected] of [
    ["Unsafe? Flag it anyway.", { question: "Unsafe?", detail: "Flag it anyway." }],
    ["Is it unsafe?", { question: "Is it unsafe?", detail: "" }],
    ["Flag unsafe outputs", { question: "Flag unsafe outputs", detail: "" }],
    [undefined, { question: "", detail: "" }],
  ]) {
    test(`splitQuestion_when${JSON.stringify(text)}_splitsAfterFirstQuestionMark`, () => {
      assert.deepEqual(splitQuestion(text), expected);
    });
  }

  for (const [rule, left, right, broken] of [
    ["lte", 4, 4, false], ["lte", 5, 4, true], ["lte", 1, 5, false], ["unknown", 5, 1, false], ["lte", null, 1, false],
  ]) {
    test(`brokenConstraints_when${rule}_${left}_${right}_is${broken ? "Broken" : "Kept"}`, () => {
      const withRule = { constraints: [{ rule, left: "a", right: "b", message: "m" }] };

      assert.equal(brokenConstraints(withRule, { a: left, b: right }).length, broken ? 1 : 0);
    });
  }
});

describe("keyAction", () => {
  test("SHORTCUTS_nameEveryActionTheKeysCanGive", () => {
    const listed = SHORTCUTS.map((shortcut) => shortcut.keys).join(" ");
    for (const key of ["0", "n", "p", "]", "f", "w", ".", "o", "+", "z", "x", "c", "v", "s", "g", "?", "Esc"]) {
      assert.ok(listed.includes(key), `the help does not list ${key}`);
    }
  });

  const press = (key, extra = {}) => keyAction({ key, ctrlKey: false, metaKey: false, altKey: false,
    inTextField: false, ...extra });

  for (const [key, extra, expected] of [
    ["3", {}, { type: "score", value: 3 }],
    ["0", {}, { type: "not-applicable" }],
    ["n", {}, { type: "next-row" }],
    ["j", {}, { type: "next-row" }],
    ["k", {}, { type: "previous-row" }],
    ["o", {}, { type: "overlay" }],
    ["?", {}, { type: "help" }],
    ["Escape", {}, { type: "close" }],
    ["Enter", { ctrlKey: true }, { type: "submit" }],
    ["Enter", { ctrlKey: true, inTextField: true }, { type: "submit" }],
    ["Enter", {}, undefined],
    ["3", { inTextField: true }, undefined],
    ["n", { inTextField: true }, undefined],
    ["o", { ctrlKey: true }, undefined],
    ["q", {}, undefined],
    ["f", {}, { type: "flicker" }],
    ["w", {}, { type: "swipe" }],
    [".", {}, { type: "swipe-move", step: 0.1 }],
    ["]", {}, { type: "output", step: 1 }],
    ["[", {}, { type: "output", step: -1 }],
    ["+", {}, { type: "zoom", factor: 1.5 }],
    ["z", {}, { type: "one-to-one" }],
    ["e", {}, { type: "enlarge" }],
    ["x", {}, { type: "flag" }],
    ["c", {}, { type: "category" }],
    ["s", {}, { type: "skip" }],
    ["s", { inTextField: true }, undefined],
    ["toString", {}, undefined],
    ["ArrowRight", {}, { type: "pan", dx: -0.1, dy: 0 }],
    ["ArrowUp", {}, { type: "pan", dx: 0, dy: 0.1 }],
    ["ArrowLeft", { inTextField: true }, undefined],
  ]) {
    test(`keyAction_when${key}${JSON.stringify(extra)}_gives${expected ? expected.type : "Nothing"}`, () => {
      assert.deepEqual(press(key, extra), expected);
    });
  }
});

describe("stepOutput", () => {
  test("stepOutput_pastTheLastOrTheFirst_staysAndSaysItIsAtTheEnd", () => {
    assert.deepEqual(stepOutput(["A", "B", "C"], "B", 1), { target: "C", atEnd: false });
    assert.deepEqual(stepOutput(["A", "B", "C"], "C", 1), { target: "C", atEnd: true });
    assert.deepEqual(stepOutput(["A", "B", "C"], "A", -1), { target: "A", atEnd: true });
    assert.deepEqual(stepOutput(["A", "B"], undefined, 1), { target: "A", atEnd: false });
  });
});

describe("format", () => {
  test("formatPercent_andDecimal_roundOrDash", () => {
    assert.equal(formatPercent(0.1234), "12.3 %");
    assert.equal(formatPercent(undefined), "–");
    assert.equal(formatDecimal(0.97123), "0.971");
    assert.equal(formatDecimal(Number.NaN), "–");
  });

  test("formatDuration_showsSecondsThenMinutes_orDash", () => {
    assert.equal(formatDuration(48_210), "48 s");
    assert.equal(formatDuration(72_000), "1 min 12 s");
    assert.equal(formatDuration(undefined), "–");
  });

  test("formatCountdown_always_showsMinutesAndSeconds", () => {
    assert.equal(formatCountdown(754_900), "12:34");
    assert.equal(formatCountdown(3_725_000), "1:02:05");
    assert.equal(formatCountdown(-5), "0:00");
  });
});

describe("bestColumns", () => {
  test("bestColumns_whenThreeLandscapeTilesInLandscapeBox_usesTwoColumns", () => {
    assert.equal(bestColumns(3, 920, 670, 1.5, 52, 8), 2);
  });

  test("bestColumns_whenThreeTilesInVeryWideBox_usesOneRow", () => {
    assert.equal(bestColumns(3, 2400, 600, 1.5, 52, 8), 3);
  });

  test("bestColumns_whenTallBox_stacksTiles", () => {
    assert.equal(bestColumns(2, 600, 1400, 1.5, 52, 8), 1);
  });
});

describe("parseConfig", () => {
  test("parseConfig_whenLocal_keepsApiBaseAndAuth", () => {
    const config = parseConfig({ apiBase: "/api", auth: { mode: "local", tokenUrl: "/auth/token" } });

    assert.deepEqual(config, { apiBase: "/api", auth: { mode: "local", tokenUrl: "/auth/token" } });
  });

  for (const [label, json, message] of [
    ["NoApiBase", { auth: { mode: "local" } }, /apiBase/],
    ["NoAuth", { apiBase: "/api" }, /auth.mode/],
    ["NotAnObject", "text", /not a JSON object/],
  ]) {
    test(`parseConfig_when${label}_namesTheProblem`, () => {
      assert.throws(() => parseConfig(json), message);
    });
  }
});

describe("paneGrid", () => {
  const chrome = { vertical: 60, horizontal: 14 };

  test("paneGrid_whenFourPortraitPanesAt1366_givesEachTileItsImagesShape", () => {
    const grid = paneGrid(4, 950, 640, 2 / 3, chrome, 8);

    assert.equal(grid.columns, 4);
    const imageWidth = grid.tileWidth - chrome.horizontal;
    const imageHeight = grid.tileHeight - chrome.vertical;
    assert.ok(Math.abs(imageWidth / imageHeight - 2 / 3) < 0.01, `${imageWidth} x ${imageHeight}`);
    assert.ok(4 * grid.tileWidth + 3 * 8 <= 950);
  });

  test("paneGrid_whenThreeLandscapePanesInTwoColumns_centresTheLastRow", () => {
    const grid = paneGrid(3, 1500, 950, 3 / 2, chrome, 8);

    assert.deepEqual([grid.columns, grid.rows, grid.lastRowOffset], [2, 2, 1]);
    assert.ok(2 * grid.tileHeight + 8 <= 950);
  });
});
