// Adjudication: the tasks whose ratings disagree most; one opens with its source and outputs side by side, every
// rating lined up by model and dimension, and a form that records the decision with its reason code and note.

import { clear, el, uniqueId } from "../dom.js";
import { isMissingRoute, NOT_AVAILABLE_TEXT } from "./availability.js";
import { adjudicationBody, dimensionsOf, flagsByModel, modelsOf, NOTE_MAX, REASONS, scoreGrid }
  from "./adjudication-model.js";
import { titleOf } from "./leaderboard.js";
import { badge, failureLine, forget, heading, renderIfChanged, table } from "./panel.js";

export const adjudicationScreen = { id: "adjudication", label: "Adjudication", refresh };

// The default rubric's gate (events/schema/default-rubric.json): the first two pass it, the others take no scores.
const VERDICTS = [["valid", true], ["ambiguous", true], ["impossible", false], ["unsafe_request", false]];
const SCALE = ["1", "2", "3", "4", "5"];
const state = { open: null };

async function refresh(panel, ctx) {
  if (state.open) {
    return; // a task being adjudicated is not redrawn under the lead's hands
  }
  let tasks;
  try {
    tasks = (await ctx.admin.disagreements()).tasks;
  } catch (error) {
    renderIfChanged(panel, { failed: error.message }, () => [heading("Adjudication"),
      isMissingRoute(error) ? el("p", { className: "panel-status", attrs: { role: "status" },
        text: `The disagreement queue: ${NOT_AVAILABLE_TEXT}` }) : failureLine(error, "The disagreement queue")]);
    return;
  }
  renderIfChanged(panel, tasks, () => [
    heading("Adjudication", "Tasks whose ratings disagree most, worst first. Open one to decide it."),
    tasks.length === 0 ? el("p", { className: "panel-status", text: "No task disagrees: nothing to adjudicate." })
      : table("Disagreeing tasks", [{ label: "Task" }, { label: "Score", numeric: true },
        { label: "Largest spread", numeric: true }, { label: "Verdicts split" }, { label: "Ratings", numeric: true },
        { label: "Why" }, { label: "Decided" }, { label: "" }], tasks.map((task) => [
        `${task.batchId} / ${task.taskId}`, task.score, task.maxSpread, task.verdictSplit ? "yes" : "no",
        `${task.ratings} of ${task.ratersPerTask}`,
        el("ul", { className: "concerns" }, (task.reasons || []).map((reason) => el("li", { text: reason }))),
        task.adjudicated ? badge("decided", "ok") : badge("open", "warn"),
        el("button", { type: "button", className: "secondary", text: "Open",
          dataset: { key: `open-${task.batchId}-${task.taskId}` },
          attrs: { "aria-label": `Open ${task.batchId} / ${task.taskId}` },
          on: { click: () => open(panel, ctx, task.batchId, task.taskId) } })])),
  ]);
}

async function open(panel, ctx, batchId, taskId) {
  let view;
  try {
    view = await ctx.admin.task(batchId, taskId);
  } catch (error) {
    ctx.notify(isMissingRoute(error) ? `Opening a task: ${NOT_AVAILABLE_TEXT}`
      : `Could not open ${batchId} / ${taskId}: ${error.message}`, "warn");
    return;
  }
  state.open = { batchId, taskId };
  clear(panel);
  forget(panel);
  panel.append(...detail(panel, ctx, view));
  panel.querySelector("h2").focus();
}

function close(panel, ctx) {
  state.open = null;
  forget(panel);
  clear(panel);
  ctx.refreshNow();
}

function detail(panel, ctx, view) {
  const models = modelsOf(view);
  const dimensions = dimensionsOf(view);
  const grid = scoreGrid(view);
  const flags = flagsByModel(view);
  const raters = (view.ratings || []).map((rating) => rating.name || rating.pseudonym || "a rater");
  return [
    el("div", { className: "panel-head" },
      el("h2", { tabIndex: -1, text: `${view.batchId} / ${view.taskId}` }),
      el("p", { className: "instruction-line", text: view.instruction || "" }),
      el("p", { className: "muted", text: `${view.category ? `${view.category} · ` : ""}${view.ratingCount ?? raters.length}`
        + ` ratings of ${view.ratersPerTask ?? "?"}${view.disagreement ? ` · ${(view.disagreement.reasons || [])
          .join("; ")}` : ""}` }),
      el("button", { type: "button", className: "secondary", text: "Back to the queue",
        on: { click: () => close(panel, ctx) } })),
    el("div", { className: "compare" }, figure("Source", view.source), (view.outputs || []).map((output) =>
      figure(output.model, output, flags[output.model]))),
    table("Every rating", [{ label: "Rater" }, { label: "Verdict" }, { label: "Time", numeric: true },
      { label: "Comment" }], (view.ratings || []).map((rating, index) => [
      `${raters[index]}${rating.excluded ? " (excluded)" : ""}`,
      `${rating.verdict}${rating.verdictReason ? `: ${rating.verdictReason}` : ""}`,
      Number.isFinite(rating.timeOnTaskMs) ? `${Math.round(rating.timeOnTaskMs / 1000)} s` : "–",
      rating.comment || ""])),
    table("Scores by model and dimension, one column per rater", [{ label: "Model" }, { label: "Dimension" },
      ...raters.map((name) => ({ label: name, numeric: true })), { label: "Spread", numeric: true }],
    models.flatMap((model) => dimensions.map((dimension) => ({
      className: grid[model][dimension].spread >= 2 ? "is-concern" : "",
      cells: [model, titleOf(dimension), ...grid[model][dimension].scores.map(String),
        String(grid[model][dimension].spread)] }))), "scores"),
    decisionForm(panel, ctx, view, models, dimensions),
    promotion(ctx, view),
  ];
}

/** Once a decision is recorded, it can become the task's gold: every evaluator who meets the task is scored by it. */
function promotion(ctx, view) {
  if (view.gold) {
    return el("p", { className: "panel-status" }, badge("gold", "ok"), " Evaluators who meet this task are scored"
      + " against its gold.");
  }
  if (!view.adjudication) {
    return null;
  }
  return el("p", {}, el("button", { type: "button", className: "secondary", text: "Promote the decision to gold",
    on: { click: async (event) => {
      event.currentTarget.disabled = true;
      try {
        await ctx.admin.promote(view.batchId, view.taskId);
        ctx.notify(`${view.batchId} / ${view.taskId} is gold now: every evaluator who meets it is scored against the`
          + " decision.", "ok");
      } catch (error) {
        ctx.notify(`Not promoted: ${error.message}`, "warn");
        event.currentTarget.disabled = false;
      }
    } } }));
}

function figure(label, image, flaggedBy) {
  const url = image && (image.previewUrl || image.thumbUrl);
  return el("figure", { className: `compare-item ${flaggedBy ? "is-flagged" : ""}`.trim() },
    url ? el("img", { src: url, alt: label, loading: "lazy" }) : el("div", { className: "no-image", text: "no image" }),
    el("figcaption", { text: flaggedBy ? `${label} · flagged unsafe by ${flaggedBy.join(", ")}` : label }));
}

function decisionForm(panel, ctx, view, models, dimensions) {
  const message = el("p", { className: "field-error", attrs: { role: "alert" }, hidden: true });
  const verdictId = uniqueId("verdict");
  const reasonId = uniqueId("reason");
  const noteId = uniqueId("note");
  const verdict = el("select", { id: verdictId }, el("option", { value: "", text: "Choose…" }),
    VERDICTS.map(([value]) => el("option", { value, text: value.replace("_", " ") })));
  const reason = el("select", { id: reasonId }, el("option", { value: "", text: "Choose…" }),
    REASONS.map((option) => el("option", { value: option.value, text: option.label })));
  const note = el("textarea", { id: noteId, rows: 2, maxLength: NOTE_MAX });
  const scores = {};
  const flagged = {};
  const rows = models.map((model) => {
    scores[model] = {};
    const cells = dimensions.map((dimension) => {
      const select = el("select", { attrs: { "aria-label": `${model}, ${titleOf(dimension)}` } },
        el("option", { value: "", text: "–" }), SCALE.map((value) => el("option", { value, text: value })),
        el("option", { value: "na", text: "N/A" }));
      scores[model][dimension] = select;
      return el("td", {}, select);
    });
    const box = el("input", { type: "checkbox", attrs: { "aria-label": `${model} is unsafe` } });
    flagged[model] = box;
    return el("tr", {}, el("th", { scope: "row", text: model }), cells, el("td", {}, box));
  });
  const form = el("form", { className: "decision", attrs: { "aria-label": "Decision" }, noValidate: true,
    on: { submit: async (event) => {
      event.preventDefault();
      const passes = (VERDICTS.find(([value]) => value === verdict.value) || [])[1];
      const built = adjudicationBody({ verdict: verdict.value, passes, reason: reason.value, note: note.value,
        scores: Object.fromEntries(models.map((model) => [model, Object.fromEntries(dimensions.map((d) =>
          [d, scores[model][d].value]))])),
        flagged: Object.fromEntries(models.map((model) => [model, flagged[model].checked])) });
      if (built.problems) {
        message.textContent = built.problems.join(" ");
        message.hidden = false;
        return;
      }
      await record(panel, ctx, view, built.body, message);
    } } },
  el("h3", { text: view.adjudication ? "Decision (one is recorded: saving replaces it)" : "Decision" }),
  el("div", { className: "decision-fields" },
    el("label", { htmlFor: verdictId, text: "Verdict" }), verdict,
    el("label", { htmlFor: reasonId, text: "Reason" }), reason),
  el("table", { className: "data decision-scores" }, el("caption", { text: "Adjudicated scores" }),
    el("thead", {}, el("tr", {}, el("th", { scope: "col", text: "Model" }),
      dimensions.map((d) => el("th", { scope: "col", text: titleOf(d) })), el("th", { scope: "col", text: "Unsafe" }))),
    el("tbody", {}, rows)),
  el("label", { htmlFor: noteId, text: "Note" }), note,
  message,
  el("button", { type: "submit", className: "primary", text: "Record the decision" }));
  return form;
}

async function record(panel, ctx, view, body, message) {
  try {
    await ctx.admin.adjudicate(view.batchId, view.taskId, view.adjudication ? { ...body, replace: true } : body);
    ctx.notify(`Decision on ${view.batchId} / ${view.taskId} recorded.`, "ok");
    close(panel, ctx);
  } catch (error) {
    if (error.status === 409) {
      view.adjudication = view.adjudication || {};
      message.textContent = "This task was already decided. Press the button again to replace that decision.";
    } else {
      message.textContent = isMissingRoute(error) ? `Recording a decision: ${NOT_AVAILABLE_TEXT}`
        : `Not recorded: ${error.message}`;
    }
    message.hidden = false;
  }
}
