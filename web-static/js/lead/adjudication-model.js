// The Adjudication screen's logic: a task's ratings lined up by model and dimension, and the adjudicated answer
// (PUT .../adjudication) from what the lead chose. DOM-free.

export const REASONS = [
  { value: "rater_error", label: "Rater error" },
  { value: "guideline_gap", label: "Guideline gap" },
  { value: "ambiguous_instruction", label: "Ambiguous instruction" },
  { value: "other", label: "Other" },
];

export const NOTE_MAX = 2000;

/** The models of the view, in its outputs' order, then any a rating names that the outputs do not. */
export function modelsOf(view) {
  const models = (view.outputs || []).map((output) => output.model);
  for (const rating of view.ratings || []) {
    for (const output of rating.outputs || []) {
      if (!models.includes(output.model)) {
        models.push(output.model);
      }
    }
  }
  return models;
}

/** The dimensions any rating scored, in the order first met. */
export function dimensionsOf(view) {
  const dimensions = [];
  for (const rating of view.ratings || []) {
    for (const output of rating.outputs || []) {
      for (const dimension of Object.keys(output.scores || {})) {
        if (!dimensions.includes(dimension)) {
          dimensions.push(dimension);
        }
      }
    }
  }
  return dimensions;
}

/**
 * Per model, per dimension, each rater's score in the ratings' order ("N/A" for null, "–" when not given), with the
 * spread (max - min of the numbers): { [model]: { [dimension]: { scores: [...], spread } } }.
 */
export function scoreGrid(view) {
  const grid = {};
  const ratings = view.ratings || [];
  for (const model of modelsOf(view)) {
    grid[model] = {};
    for (const dimension of dimensionsOf(view)) {
      const scores = ratings.map((rating) => {
        const output = (rating.outputs || []).find((candidate) => candidate.model === model);
        if (!output || !output.scores || !(dimension in output.scores)) {
          return "–";
        }
        return output.scores[dimension] === null ? "N/A" : output.scores[dimension];
      });
      const numbers = scores.filter((score) => typeof score === "number");
      grid[model][dimension] = { scores, spread: numbers.length > 1 ? Math.max(...numbers) - Math.min(...numbers) : 0 };
    }
  }
  return grid;
}

/** Who flagged which model unsafe: { [model]: ["ana", ...] }. */
export function flagsByModel(view) {
  const flags = {};
  for (const rating of view.ratings || []) {
    for (const output of rating.outputs || []) {
      if (output.safety && output.safety.flagged) {
        (flags[output.model] ||= []).push(rating.name || rating.pseudonym || "a rater");
      }
    }
  }
  return flags;
}

/**
 * The PUT body from the lead's choices: { verdict, passes, scores: {model: {dimension: "4" | "" | "na"}},
 * flagged: {model: bool}, reason, note }. Returns { body } or { problems: [text] } when something is missing.
 */
export function adjudicationBody(choice) {
  const problems = [];
  if (!choice.verdict) {
    problems.push("Choose the verdict.");
  }
  if (!REASONS.some((reason) => reason.value === choice.reason)) {
    problems.push("Choose the reason for the decision.");
  }
  const note = String(choice.note ?? "").trim();
  if (note.length > NOTE_MAX) {
    problems.push(`The note is longer than ${NOTE_MAX} characters.`);
  }
  const outputs = {};
  for (const [model, scores] of Object.entries(choice.scores || {})) {
    const chosen = {};
    if (choice.passes !== false) {
      for (const [dimension, value] of Object.entries(scores)) {
        if (value === "na") {
          chosen[dimension] = null;
        } else if (value !== "" && value !== undefined) {
          chosen[dimension] = Number(value);
        }
      }
    }
    outputs[model] = { scores: chosen, flagged: Boolean(choice.flagged && choice.flagged[model]) };
  }
  if (problems.length > 0) {
    return { problems };
  }
  return { body: { verdict: choice.verdict, outputs, reason: choice.reason, note } };
}
