// Form answers -> submission body (docs/api.md), and the client-side check of that body against the rubric.
// DOM-free so node --test can import it. The server validates again; this only saves a round trip.
//
// Answers, as the form keeps them and the draft stores them:
//   { feasibility: { verdict, reason },
//     outputs: { [outputId]: { flagged, categories: [value], scores: { [dimensionId]: integer | null } } },
//     preference: { [pairwiseDimensionId]: outputId | "tie" },
//     comment }
// A score key that is absent means "not answered yet"; null means the rater chose N/A.

import { brokenConstraints, commentAskedFor, commentMaxLength, feasibilityOption, gateFails, gatePasses,
  pairwiseDimensions, reasonRequired } from "./rubric.js";

export const TIE = "tie";
// submission.schema.json: the longest feasibility.reason the API takes.
export const REASON_MAX_LENGTH = 2000;

/** Fresh answers for a task: nothing chosen. */
export function emptyAnswers(task) {
  const outputs = {};
  for (const output of task.outputs) {
    outputs[output.outputId] = { flagged: false, categories: [], scores: {} };
  }
  return { feasibility: { verdict: "", reason: "" }, outputs, preference: {}, comment: "" };
}

/**
 * Answers restored from a draft, fitted to the task as served now: outputs the task no longer has are
 * dropped and missing ones start empty, so a stale draft can never send an outputId the task lacks.
 */
export function fitAnswers(task, stored) {
  const fresh = emptyAnswers(task);
  if (!stored || typeof stored !== "object") {
    return fresh;
  }
  const feasibility = stored.feasibility || {};
  const outputs = {};
  for (const output of task.outputs) {
    const saved = (stored.outputs || {})[output.outputId] || {};
    outputs[output.outputId] = {
      flagged: saved.flagged === true,
      categories: Array.isArray(saved.categories) ? saved.categories.filter((c) => typeof c === "string") : [],
      scores: saved.scores && typeof saved.scores === "object" ? { ...saved.scores } : {},
    };
  }
  return {
    feasibility: {
      verdict: typeof feasibility.verdict === "string" ? feasibility.verdict : "",
      reason: typeof feasibility.reason === "string" ? feasibility.reason : "",
    },
    outputs,
    preference: stored.preference && typeof stored.preference === "object" ? { ...stored.preference } : {},
    comment: typeof stored.comment === "string" ? stored.comment : "",
  };
}

/** Interaction counters the API records; only these four are accepted. */
export function emptyInteractions() {
  return { flickers: 0, swipes: 0, zooms: 0, overlayToggles: 0 };
}

/**
 * The submission body for POST /api/leases/{leaseId}/rating.
 * meta: { submissionId, timeOnTaskMs, interactions }.
 */
export function buildSubmission(rubric, task, answers, meta) {
  const failed = gateFails(rubric, answers.feasibility.verdict);
  const body = {
    submissionId: meta.submissionId,
    feasibility: { verdict: answers.feasibility.verdict, reason: answers.feasibility.reason.trim() },
    outputs: task.outputs.map((output) => buildOutput(rubric, answers.outputs[output.outputId], output, failed)),
  };
  const preference = failed ? {} : buildPreference(rubric, task, answers.preference);
  if (Object.keys(preference).length > 0) {
    body.preference = preference;
  }
  body.comment = answers.comment.trim();
  body.timeOnTaskMs = Math.max(0, Math.round(meta.timeOnTaskMs));
  body.interactions = { ...emptyInteractions(), ...meta.interactions };
  return body;
}

function buildOutput(rubric, answer, output, gateFailed) {
  const known = new Set(rubric.safety.categories.map((category) => category.value));
  // Rubric order, so the same choice always serialises the same way.
  const categories = answer.flagged
    ? rubric.safety.categories.map((c) => c.value).filter((v) => answer.categories.includes(v) && known.has(v))
    : [];
  const scores = {};
  if (!gateFailed) {
    for (const dimension of rubric.dimensions) {
      if (Object.hasOwn(answer.scores, dimension.id)) {
        scores[dimension.id] = answer.scores[dimension.id];
      }
    }
  }
  return { outputId: output.outputId, safety: { flagged: answer.flagged, categories }, scores };
}

function buildPreference(rubric, task, chosen) {
  const preference = {};
  for (const dimension of pairwiseDimensions(rubric, task.outputs.length)) {
    const value = chosen[dimension.id];
    if (typeof value === "string" && value !== "") {
      preference[dimension.id] = value;
    }
  }
  return preference;
}

/**
 * Problems with a submission body, keyed by the same JSON paths the API uses in its 400 `fields`
 * (e.g. "outputs[0].scores.preservation"): every rule of the API's SubmissionRules that a body the page builds can
 * break, read from the same rubric document. An empty object means the body may be sent.
 */
export function validateSubmission(rubric, task, body) {
  const fields = {};
  const verdict = body.feasibility.verdict;
  if (!verdict) {
    fields["feasibility.verdict"] = "Answer the feasibility question first.";
  } else if (!gatePasses(rubric, verdict) && !gateFails(rubric, verdict)) {
    fields["feasibility.verdict"] = "Not one of the rubric's answers.";
  }
  if (body.feasibility.reason.length > REASON_MAX_LENGTH) {
    fields["feasibility.reason"] = `At most ${REASON_MAX_LENGTH} characters (now ${body.feasibility.reason.length}).`;
  } else if (reasonRequired(rubric, verdict) && body.feasibility.reason.trim() === "") {
    fields["feasibility.reason"] = `Say why: the rubric asks for a reason with "${
      feasibilityOption(rubric, verdict).label}".`;
  }
  body.outputs.forEach((output, index) => validateOutput(rubric, verdict, output, `outputs[${index}]`, fields));
  validatePreference(rubric, task, body.preference, fields);
  const limit = commentMaxLength(rubric);
  // The API counts characters as code points, as [...text] does.
  const length = [...body.comment].length;
  const asked = commentAskedFor(rubric, body.outputs.map((output) => ({ outputId: output.outputId,
    flagged: output.safety.flagged, categories: output.safety.categories })));
  if (limit !== undefined && length > limit) {
    fields.comment = `At most ${limit} characters (now ${length}).`;
  } else if (asked && body.comment.trim() === "") {
    const label = rubric.safety.categories.find((category) => category.value === asked.category).label;
    fields.comment = `Say what is unsafe about output ${asked.outputId}: the rubric asks for a comment with "${
      label}".`;
  }
  return fields;
}

function validateOutput(rubric, verdict, output, path, fields) {
  const known = new Set(rubric.safety.categories.map((category) => category.value));
  if (output.safety.categories.some((category) => !known.has(category))) {
    fields[`${path}.safety.categories`] = "Unknown safety category.";
  } else if (output.safety.flagged && output.safety.categories.length === 0) {
    fields[`${path}.safety.categories`] = `Output ${output.outputId} is flagged: choose at least one category`
      + " (Other, when none fits).";
  }
  if (gateFails(rubric, verdict)) {
    if (Object.keys(output.scores).length > 0) {
      fields[`${path}.scores`] = "No scores when the instruction fails the feasibility check.";
    }
    return;
  }
  if (!gatePasses(rubric, verdict)) {
    return;
  }
  for (const dimension of rubric.dimensions) {
    const problem = scoreProblem(dimension, output.scores[dimension.id], Object.hasOwn(output.scores, dimension.id));
    if (problem) {
      fields[`${path}.scores.${dimension.id}`] = problem;
    }
  }
  for (const broken of brokenConstraints(rubric, output.scores)) {
    const key = `${path}.scores.${broken.dimensionId}`;
    if (!fields[key]) {
      fields[key] = broken.message;
    }
  }
}

function scoreProblem(dimension, value, answered) {
  if (!answered) {
    return "Choose a score.";
  }
  if (value === null) {
    return dimension.allowNotApplicable === true ? "" : "N/A is not allowed here.";
  }
  if (!Number.isInteger(value) || value < dimension.min || value > dimension.max) {
    return `A whole number from ${dimension.min} to ${dimension.max}.`;
  }
  return "";
}

function validatePreference(rubric, task, preference, fields) {
  if (preference === undefined) {
    return;
  }
  const asked = pairwiseDimensions(rubric, task.outputs.length);
  const allowed = new Set([...task.outputs.map((output) => output.outputId), TIE]);
  for (const [id, value] of Object.entries(preference)) {
    if (!asked.some((dimension) => dimension.id === id)) {
      fields[`preference.${id}`] = "No preference is asked for here.";
    } else if (!allowed.has(value)) {
      fields[`preference.${id}`] = "Choose one of the outputs or a tie.";
    }
  }
}

/**
 * How many required answers are given, for the progress line: { answered, required }. Complete only when the
 * API's rules are met too: a category for each flagged output, a reason and a comment where the rubric asks.
 */
export function progress(rubric, task, answers) {
  const verdict = answers.feasibility.verdict;
  let required = 1;
  let answered = verdict ? 1 : 0;
  const count = (asked, given) => {
    required += asked ? 1 : 0;
    answered += asked && given ? 1 : 0;
  };
  count(reasonRequired(rubric, verdict), answers.feasibility.reason.trim() !== "");
  const shown = task.outputs.map((output) => ({ outputId: output.outputId, ...answers.outputs[output.outputId] }));
  for (const output of shown) {
    count(output.flagged, output.categories.length > 0);
  }
  count(commentAskedFor(rubric, shown) !== undefined, answers.comment.trim() !== "");
  if (!gateFails(rubric, verdict)) {
    for (const output of task.outputs) {
      const scores = answers.outputs[output.outputId].scores;
      required += rubric.dimensions.length;
      answered += rubric.dimensions.filter((dimension) => Object.hasOwn(scores, dimension.id)).length;
    }
  }
  return { answered, required };
}
