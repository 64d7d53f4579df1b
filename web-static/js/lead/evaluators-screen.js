// Evaluators: status, ratings, last seen and the lead's reason from the API; gold accuracy, agreement, severity
// per dimension and flags from the latest export; sorted by concern; pause, resume and remove with a reason; exclude
// their ratings from the leaderboards (or count them again); reset their screening attempts; open one evaluator's
// recent ratings with their thumbnails.

import { formatDuration } from "../format.js";
import { el } from "../dom.js";
import { actionsFor, evaluatorRows, shownStatus } from "./evaluator-concern.js";
import { titleOf } from "./leaderboard.js";
import { formatAgo, formatNumber, formatShare } from "./lead-format.js";
import { badge, failureLine, heading, renderIfChanged, table } from "./panel.js";
import { recentRatings } from "./recent-ratings.js";

export const evaluatorsScreen = { id: "evaluators", label: "Evaluators", refresh };

const ACTION_TEXT = {
  pause: { label: "Pause", title: "Pause", text: "They get no more tasks until resumed; their open tasks are given "
    + "back.", done: "paused" },
  remove: { label: "Remove", title: "Remove", text: "They stop for good (resume undoes it).", done: "removed" },
  resume: { label: "Resume", done: "resumed" },
  exclude: { label: "Exclude ratings", title: "Exclude the ratings of", text: "Every rating they gave is left out of "
    + "the leaderboards from the next export on; the raw export keeps them, flagged.", done: "excluded from the "
    + "leaderboards" },
  include: { label: "Count ratings", done: "counted in the leaderboards again" },
  reset: { label: "Reset screening", done: "given their screening attempts back" },
};
/** What each action calls; those with a title ask for a reason first. */
const CALLS = {
  exclude: (admin, row, reason) => admin.exclude(row.evaluatorId, reason),
  include: (admin, row) => admin.include(row.evaluatorId),
  reset: (admin, row) => admin.resetScreening(row.evaluatorId),
};
const STATUS_TONE = { warned: "warn", paused: "warn", removed: "danger", active: "ok" };
/** The evaluator whose recent ratings show under the table, if any. */
const state = { open: null };

async function refresh(panel, ctx) {
  let listed;
  try {
    listed = (await ctx.admin.evaluators()).evaluators;
  } catch (error) {
    renderIfChanged(panel, { failed: error.message }, () => [heading("Evaluators"), failureLine(error, "Evaluators")]);
    return;
  }
  const { rows: exported, day } = await latestEvaluatorRows(ctx.admin);
  const rows = evaluatorRows(listed, exported);
  const now = Math.floor(Date.now() / 60000);
  const open = state.open;
  let recent = null;
  if (open) {
    try {
      recent = (await ctx.admin.recentRatings(open.evaluatorId)).ratings;
    } catch (error) {
      recent = { failed: error.message };
    }
  }
  renderIfChanged(panel, { rows, day, now, open, recent }, () => [
    heading("Evaluators", day ? `Most concerning first. Quality figures from the export of ${day}.`
      : "Most concerning first. Gold accuracy, agreement and severity appear after the first export."),
    rows.length === 0 ? el("p", { className: "panel-status", text: "No evaluator has signed in yet." })
      : table("Evaluators", [{ label: "Evaluator" }, { label: "Status" }, { label: "Ratings", numeric: true },
        { label: "Last seen" }, { label: "Gold accuracy", numeric: true }, { label: "Agreement", numeric: true },
        { label: "Severity per dimension" }, { label: "Median time", numeric: true }, { label: "Needs a look" },
        { label: "Actions" }], rows.map((row) => ({ className: row.concern.score > 1 ? "is-concern" : "",
        cells: cells(row, ctx) })), "evaluators"),
    open && Array.isArray(recent) ? recentRatings(open.name, recent, () => {
      state.open = null;
      ctx.refreshNow();
    }) : null,
    open && recent && recent.failed ? el("p", { className: "panel-status", attrs: { role: "status" },
      text: `Recent ratings of ${open.name}: ${recent.failed}` }) : null,
  ]);
}

async function latestEvaluatorRows(admin) {
  try {
    const days = (await admin.exports()).exports;
    if (days.length === 0) {
      return { rows: [], day: "" };
    }
    return { rows: (await admin.tablesOf(days[0].date)).evaluators || [], day: days[0].date };
  } catch {
    // No export yet, or an export that cannot be read: the API's columns still show.
    return { rows: [], day: "" };
  }
}

function cells(row, ctx) {
  const stats = row.stats;
  return [
    el("span", { className: "who-cell" }, el("strong", { text: row.name }),
      row.pseudonym ? el("span", { className: "muted small", text: row.pseudonym }) : null),
    el("span", { className: "status-cell" }, badge(shownStatus(row), STATUS_TONE[shownStatus(row)] || ""),
      row.reason ? el("span", { className: "small", text: row.reason }) : null),
    el("span", { className: "count-cell" }, el("span", { text: String(row.ratings) }),
      el("span", { className: "muted small", text: `${row.today} today` })),
    formatAgo(row.lastSeen),
    stats ? `${formatShare(stats.goldAccuracy)}${stats.goldChecks ? ` of ${stats.goldChecks}` : ""}` : "–",
    stats ? formatNumber(stats.agreement) : "–",
    stats && stats.severity.length > 0 ? el("ul", { className: "severity" }, stats.severity.map((s) => el("li", {
      text: `${titleOf(s.dimension)} ${formatNumber(s.offset, 2, true)} ± ${formatNumber(s.error)} (${s.n})` }))) : "–",
    stats ? formatDuration(stats.medianTimeMs) : "–",
    row.concern.reasons.length > 0 ? el("ul", { className: "concerns" },
      row.concern.reasons.map((reason) => el("li", { text: reason }))) : el("span", { className: "muted", text: "–" }),
    el("span", { className: "row-actions" }, el("button", { type: "button", className: "secondary", text: "Recent",
      dataset: { key: `recent-${row.evaluatorId}` }, attrs: { "aria-label": `Recent ratings of ${row.name}` },
      on: { click: () => {
        state.open = { evaluatorId: row.evaluatorId, name: row.name };
        ctx.refreshNow();
      } } }), actionsFor(row.status, row.excluded).map((action) => el("button", {
      type: "button", className: action === "remove" ? "secondary danger" : "secondary",
      text: ACTION_TEXT[action].label, dataset: { key: `${action}-${row.evaluatorId}` },
      attrs: { "aria-label": `${ACTION_TEXT[action].label} ${row.name}` },
      on: { click: (event) => act(event.currentTarget, row, action, ctx) },
    }))),
  ];
}

async function act(button, row, action, ctx) {
  let reason = "";
  if (ACTION_TEXT[action].title) {
    const text = ACTION_TEXT[action];
    reason = await ctx.askReason(`${text.title} ${row.name}?`, text.text, text.label);
    if (reason === null) {
      button.focus();
      return;
    }
  }
  button.disabled = true;
  try {
    await (CALLS[action] ? CALLS[action](ctx.admin, row, reason) : ctx.admin.setStatus(row.evaluatorId, action,
      reason));
    ctx.notify(`${row.name} ${ACTION_TEXT[action].done}${reason ? `: ${reason}` : ""}.`, "ok");
  } catch (error) {
    ctx.notify(`Could not ${action} ${row.name}: ${error.message}`, "warn");
  } finally {
    button.disabled = false;
  }
  await ctx.refreshNow();
}
