// The rubric guide: every question and every anchor of the rubric, as plain sections, built from nothing but the
// rubric JSON. DOM-free; guide.js draws it. The rating page leaves the rubric of its current task in localStorage,
// where guide.html (same origin) reads it.

import { scaleLevels } from "./rubric.js";

const RUBRIC_KEY = "editeval.guideRubric";

export function storeRubricForGuide(storage, rubric) {
  try {
    storage.setItem(RUBRIC_KEY, JSON.stringify(rubric));
  } catch {
    // A full storage costs only the guide.
  }
}

export function readRubricForGuide(storage) {
  try {
    const rubric = JSON.parse(storage.getItem(RUBRIC_KEY) || "null");
    return rubric && typeof rubric === "object" ? rubric : undefined;
  } catch {
    return undefined;
  }
}

/**
 * { title, sections: [{ id, heading, intro, items: [{ term, text }] }] } in the order a rater meets them: the
 * feasibility gate, the safety flag, each dimension with every level of its scale, the pairwise questions.
 */
export function guideSections(rubric) {
  const sections = [];
  const feasibility = rubric.feasibility || {};
  sections.push({
    id: "feasibility",
    heading: "Feasibility of the instruction",
    intro: [feasibility.question, "An answer that does not pass skips the scores: they are recorded as N/A,"
      + " never as a low score."].filter(Boolean).join(" "),
    items: (feasibility.options || []).map((option) => ({
      term: `${option.label}${option.passes ? "" : " (skips the scores)"}`,
      text: option.description || "",
    })),
  });
  const safety = rubric.safety || {};
  sections.push({
    id: "safety",
    heading: "Safety flag",
    intro: safety.question || "",
    items: (safety.categories || []).map((category) => ({ term: category.label, text: category.description || "" })),
  });
  for (const dimension of rubric.dimensions || []) {
    const items = scaleLevels(dimension).map((level) => ({ term: String(level.value), text: level.anchor }));
    if (dimension.allowNotApplicable === true) {
      items.push({ term: "N/A", text: dimension.notApplicableWhen || "This does not apply to this edit." });
    }
    sections.push({
      id: `dimension-${dimension.id}`,
      heading: dimension.label || dimension.id,
      intro: [dimension.question, dimension.guidance].filter(Boolean).join(" "),
      items,
    });
  }
  const pairwise = rubric.pairwise && rubric.pairwise.enabled ? rubric.pairwise.dimensions || [] : [];
  if (pairwise.length > 0) {
    sections.push({
      id: "pairwise",
      heading: "Preference between outputs",
      intro: "Asked when a task has two or more outputs; a tie is allowed.",
      items: pairwise.map((dimension) => ({ term: dimension.id, text: dimension.question || "" })),
    });
  }
  for (const constraint of rubric.constraints || []) {
    sections.push({ id: `constraint-${sections.length}`, heading: "Rule checked before submit",
      intro: constraint.message || `${constraint.left} ${constraint.rule} ${constraint.right}`, items: [] });
  }
  return { title: rubric.title || rubric.id || "Rubric", sections };
}
