// A draft's answers belong to images, not to letters: every lease shuffles the outputs, so the letters of an earlier
// lease name other images now. Each output carries its draftKey (docs/api.md), the same in every lease of the task to
// this evaluator; a draft records the key behind each letter, and is moved onto the letters shown now by those keys.
// DOM-free, for node --test.

import { TIE } from "./submission.js";

/** The draftKey behind each letter of a leased task: { A: key, B: key }. */
export function outputKeys(task) {
  return Object.fromEntries(task.outputs.map((output) => [output.outputId, output.draftKey]));
}

/**
 * The answers of draft placed on the outputs of task as shown now: { answers } when nothing was answered or every
 * output of the draft is matched by its key, else { dropped: true } (the answers are never applied to outputs they
 * were not given to). A draft of the same lease needs no matching: a lease's order never changes.
 */
export function placeAnswers(draft, task) {
  if (!draft || !draft.answers) {
    return { answers: undefined };
  }
  if (draft.leaseId === task.leaseId) {
    return { answers: draft.answers };
  }
  const letterByKey = new Map(task.outputs.filter((output) => typeof output.draftKey === "string" && output.draftKey)
    .map((output) => [output.draftKey, output.outputId]));
  const keys = draft.outputKeys && typeof draft.outputKeys === "object" ? draft.outputKeys : {};
  const oldLetters = Object.keys(keys);
  const matched = oldLetters.length === task.outputs.length && letterByKey.size === task.outputs.length
    && oldLetters.every((letter) => letterByKey.has(keys[letter]));
  if (!matched) {
    return { dropped: true };
  }
  const moved = (letter) => letterByKey.get(keys[letter]);
  const outputs = {};
  for (const [letter, answer] of Object.entries(draft.answers.outputs || {})) {
    if (moved(letter) !== undefined) {
      outputs[moved(letter)] = answer;
    }
  }
  const preference = {};
  for (const [id, value] of Object.entries(draft.answers.preference || {})) {
    if (value === TIE || moved(value) !== undefined) {
      preference[id] = value === TIE ? TIE : moved(value);
    }
  }
  return { answers: { ...draft.answers, outputs, preference } };
}
