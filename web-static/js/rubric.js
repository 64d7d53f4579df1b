// Reading the rubric document (docs/api.md). DOM-free so node --test can import it.

/** The feasibility option with this value, or undefined. */
export function feasibilityOption(rubric, verdict) {
  return rubric.feasibility.options.find((option) => option.value === verdict);
}

/** True when the verdict is chosen and its option lets the outputs be rated. */
export function gatePasses(rubric, verdict) {
  const option = feasibilityOption(rubric, verdict);
  return option !== undefined && option.passes === true;
}

/** True when the verdict is chosen and its option means the dimensions are recorded as N/A. */
export function gateFails(rubric, verdict) {
  const option = feasibilityOption(rubric, verdict);
  return option !== undefined && option.passes === false;
}

/** The levels of a dimension from min to max, each with its anchor text ("" when the rubric has none). */
export function scaleLevels(dimension) {
  const levels = [];
  for (let value = dimension.min; value <= dimension.max; value += 1) {
    const anchor = dimension.anchors ? dimension.anchors[String(value)] : undefined;
    levels.push({ value, anchor: typeof anchor === "string" ? anchor : "" });
  }
  return levels;
}

/** The pairwise dimensions to ask for this task: none unless enabled and the task has two or more outputs. */
export function pairwiseDimensions(rubric, outputCount) {
  const pairwise = rubric.pairwise;
  if (!pairwise || pairwise.enabled !== true || outputCount < 2) {
    return [];
  }
  return Array.isArray(pairwise.dimensions) ? pairwise.dimensions : [];
}

/**
 * A long rubric text split after its first question mark: { question, detail }, so the question can be a short
 * label and the instructions after it shown where they help. Without a question mark, all of it is the question.
 */
export function splitQuestion(text) {
  const value = typeof text === "string" ? text.trim() : "";
  const end = value.indexOf("?");
  if (end < 0 || end === value.length - 1) {
    return { question: value, detail: "" };
  }
  return { question: value.slice(0, end + 1), detail: value.slice(end + 1).trim() };
}

/** The comment length limit, or undefined when the rubric sets none. */
export function commentMaxLength(rubric) {
  const limit = rubric.comment ? rubric.comment.maxLength : undefined;
  return Number.isInteger(limit) && limit >= 0 ? limit : undefined;
}

/**
 * The rubric constraints this output's scores break, as [{dimensionId, message}]. The schema knows one rule,
 * "lte" (left <= right); any other is left to the server. Unanswered or N/A scores break nothing.
 */
export function brokenConstraints(rubric, scores) {
  const broken = [];
  for (const constraint of rubric.constraints || []) {
    const left = scores[constraint.left];
    const right = scores[constraint.right];
    if (constraint.rule === "lte" && Number.isInteger(left) && Number.isInteger(right) && left > right) {
      broken.push({ dimensionId: constraint.left, message: constraint.message || "Breaks a rubric rule." });
    }
  }
  return broken;
}

/** True when the rubric asks for a reason with this verdict (its option's reasonRequired), as the API does. */
export function reasonRequired(rubric, verdict) {
  const option = feasibilityOption(rubric, verdict);
  return option !== undefined && option.reasonRequired === true;
}

/**
 * The first flagged output whose categories include one the rubric asks a comment for (commentRequired), as
 * { outputId, category }, or undefined. outputs: [{ outputId, flagged, categories }], in the order shown.
 */
export function commentAskedFor(rubric, outputs) {
  const asking = new Set(rubric.safety.categories.filter((category) => category.commentRequired === true)
    .map((category) => category.value));
  for (const output of outputs) {
    const category = output.flagged ? output.categories.find((value) => asking.has(value)) : undefined;
    if (category !== undefined) {
      return { outputId: output.outputId, category };
    }
  }
  return undefined;
}
