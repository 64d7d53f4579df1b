// One change the rater made in the form, applied to the answers (shape in submission.js) without touching them: the
// form sends each change with its payload through its onChange hook, and whoever keeps the answers takes the result.
// DOM-free, for node --test.
//
// A change: { type: "verdict" | "reason" | "comment", value }, { type: "flag", outputId, value: boolean },
// { type: "categories", outputId, value: [category] }, { type: "score", outputId, dimensionId, value: n | null },
// { type: "preference", dimensionId, value: outputId | "tie" }.

/** The answers with change applied: a new object; the one given is left as it was. */
export function applyChange(answers, change) {
  const output = (patch) => ({ ...answers, outputs: { ...answers.outputs,
    [change.outputId]: { ...answers.outputs[change.outputId], ...patch } } });
  switch (change.type) {
    case "verdict":
      return { ...answers, feasibility: { ...answers.feasibility, verdict: change.value } };
    case "reason":
      return { ...answers, feasibility: { ...answers.feasibility, reason: change.value } };
    case "comment":
      return { ...answers, comment: change.value };
    case "flag":
      return output({ flagged: change.value });
    case "categories":
      return output({ categories: [...change.value] });
    case "score":
      return output({ scores: { ...answers.outputs[change.outputId].scores, [change.dimensionId]: change.value } });
    case "preference":
      return { ...answers, preference: { ...answers.preference, [change.dimensionId]: change.value } };
    default:
      throw new Error(`unknown answer change: ${change.type}`);
  }
}
