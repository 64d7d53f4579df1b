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

/** The comment length limit, or undefined when the rubric sets none. */
export function commentMaxLength(rubric) {
  const limit = rubric.comment ? rubric.comment.maxLength : undefined;
  return Number.isInteger(limit) && limit >= 0 ? limit : undefined;
}

const COMPARISONS = {
  lt: (left, right) => left < right,
  lte: (left, right) => left <= right,
  eq: (left, right) => left === right,
  gte: (left, right) => left >= right,
  gt: (left, right) => left > right,
};

/**
 * The rubric constraints this output's scores break, as [{dimensionId, message}].
 * Unknown rules are left to the server, which is the authority; unanswered or N/A scores break nothing.
 */
export function brokenConstraints(rubric, scores) {
  const broken = [];
  for (const constraint of rubric.constraints || []) {
    const compare = COMPARISONS[constraint.rule];
    const left = scores[constraint.left];
    const right = scores[constraint.right];
    if (compare && Number.isInteger(left) && Number.isInteger(right) && !compare(left, right)) {
      broken.push({ dimensionId: constraint.left, message: constraint.message || "Breaks a rubric rule." });
    }
  }
  return broken;
}
