// Results: the committed exports (latest first), a day's leaderboard per dimension with 95 % intervals drawn as an
// interval plot, over every task or one category; links to the report and the files; "run the aggregation now".

import { el, uniqueId } from "../dom.js";
import { isMissingRoute } from "./availability.js";
import { categoriesOf, intervalText, leaderboards, position, scaleOf } from "./leaderboard.js";
import { failureLine, heading, renderIfChanged, svg, table } from "./panel.js";

export const resultsScreen = { id: "results", label: "Results", refresh };

const PLOT = { width: 260, height: 18, pad: 6 };
const FILES = ["report.html", "summary.csv", "differences.csv", "evaluators.csv", "ratings.jsonl.gz"];
const state = { day: "", category: "", tables: new Map() };

async function refresh(panel, ctx) {
  let days;
  try {
    days = (await ctx.admin.exports()).exports.map((entry) => entry.date);
  } catch (error) {
    renderIfChanged(panel, { failed: error.message }, () => [heading("Results"), failureLine(error, "Exports"),
      runButton(ctx)]);
    return;
  }
  if (!days.includes(state.day)) {
    state.day = days[0] || "";
  }
  let view = null;
  let tables = null;
  let problem = null;
  if (state.day) {
    try {
      view = await ctx.admin.exportOf(state.day);
      const cached = state.tables.get(state.day);
      tables = cached && cached.folder === view.folder ? cached.tables : await ctx.admin.tablesOf(state.day);
      state.tables.set(state.day, { folder: view.folder, tables });
    } catch (error) {
      problem = error;
    }
  }
  const summary = tables ? tables.summary || [] : [];
  const differences = tables ? tables.differences || [] : [];
  renderIfChanged(panel, { days, day: state.day, category: state.category, view, summary, differences,
    problem: problem && problem.message }, () => [
    heading("Results", "The leaderboard of a committed export, per dimension, with 95 % intervals. Models share a"
      + " rank until one is ahead beyond noise (the paired difference's 95 % interval leaves out 0)."),
    el("div", { className: "results-bar" }, days.length > 0 ? daySelect(days, ctx) : null,
      summary.length > 0 ? categorySelect(categoriesOf(summary), ctx) : null, runButton(ctx)),
    days.length === 0 ? el("p", { className: "panel-status", text: "No export is committed yet. Run the aggregation"
      + " to make one." }) : null,
    problem ? failureLine(problem, `The export of ${state.day}`) : null,
    view ? exportFacts(view) : null,
    view ? el("div", { className: "boards" }, leaderboards(summary, state.category, {}, differences)
      .map(board)) : null,
  ]);
}

function daySelect(days, ctx) {
  const id = uniqueId("export-day");
  return el("span", { className: "field" }, el("label", { htmlFor: id, text: "Export of" }),
    el("select", { id, dataset: { key: "export-day" }, on: { change: (event) => {
      state.day = event.currentTarget.value;
      ctx.refreshNow();
    } } }, days.map((day) => el("option", { value: day, text: day, selected: day === state.day }))));
}

function categorySelect(categories, ctx) {
  const id = uniqueId("export-category");
  return el("span", { className: "field" }, el("label", { htmlFor: id, text: "Tasks" }),
    el("select", { id, dataset: { key: "export-category" }, on: { change: (event) => {
      state.category = event.currentTarget.value;
      ctx.refreshNow();
    } } }, [el("option", { value: "", text: "Every task", selected: state.category === "" }),
      ...categories.map((category) => el("option", { value: category, text: `Category: ${category}`,
        selected: category === state.category }))]));
}

function runButton(ctx) {
  return el("button", { type: "button", className: "primary", text: "Run the aggregation now",
    dataset: { key: "run-export" }, on: { click: async (event) => {
      const button = event.currentTarget;
      button.disabled = true;
      try {
        const started = await ctx.admin.runExport("");
        ctx.notify(`The aggregation of ${started.date} is running; it shows here once committed.`, "ok");
      } catch (error) {
        ctx.notify(isMissingRoute(error) ? "Running the aggregation is not available on this server yet."
          : `Could not start the aggregation: ${error.message}`, "warn");
      } finally {
        button.disabled = false;
      }
      ctx.refreshNow();
    } } });
}

function exportFacts(view) {
  const links = view.links || {};
  return el("div", { className: "export-facts" },
    el("p", { text: `${view.ratings ?? 0} ratings in all, ${view.dayRatings ?? 0} on ${view.date}`
      + `${view.closed ? " (the day is closed)" : " (the day is still open)"}.` }),
    el("p", { className: "export-links" }, "Files: ", FILES.filter((name) => links[name]).map((name, index) => [
      index > 0 ? " · " : "", el("a", { href: links[name], target: "_blank", rel: "noopener", text: name })])));
}

function board(entry) {
  const scale = scaleOf(entry.entries);
  return el("section", { className: "board" },
    el("h3", { text: `${entry.title}` }, el("span", { className: "muted small", text: ` · ${entry.batchId}` })),
    table(`${entry.title}, batch ${entry.batchId}`, [{ label: "Rank", numeric: true }, { label: "Model" },
      { label: "n", numeric: true }, { label: "Mean (95 % interval)", numeric: true },
      { label: `Interval on ${scale.min}–${scale.max}` }],
    entry.entries.map((row) => [row.rank === undefined ? "–" : row.rank, row.model, row.n, el("span", {
      text: intervalText(row), title: row.note || undefined }), plot(row, scale)]), "leaderboard"),
    entry.stated ? statedDifferences(entry.stated) : null);
}

/** What the paired differences say, in words: which leads are beyond noise, which are not, which are not called. */
function statedDifferences(stated) {
  const line = (label, items) => (items.length === 0 ? null
    : el("li", {}, el("strong", { text: `${label}: ` }), items.join("; ")));
  return el("ul", { className: "stated small" },
    line("Ahead beyond noise", stated.ahead),
    line("Not distinguishable", stated.level),
    line("Too few scores to call", stated.tooFew),
    stated.ahead.length + stated.level.length + stated.tooFew.length === 0
      ? el("li", { text: "One model only: nothing to compare." }) : null);
}

/** The mean as a dot on its interval, on the dimension's scale; text alternative is the interval itself. */
function plot(row, scale) {
  const x = (value) => PLOT.pad + position(value, scale) * (PLOT.width - 2 * PLOT.pad);
  const mid = PLOT.height / 2;
  const parts = [svg("line", { x1: x(scale.min), x2: x(scale.max), y1: mid, y2: mid, class: "axis" })];
  for (let tick = scale.min; tick <= scale.max; tick += 1) {
    parts.push(svg("line", { x1: x(tick), x2: x(tick), y1: mid - 3, y2: mid + 3, class: "tick" }));
  }
  if (row.low !== undefined && row.high !== undefined) {
    parts.push(svg("line", { x1: x(row.low), x2: x(row.high), y1: mid, y2: mid, class: "interval" }));
  }
  if (row.mean !== undefined) {
    parts.push(svg("circle", { cx: x(row.mean), cy: mid, r: 4, class: "mean" }));
  }
  return svg("svg", { viewBox: `0 0 ${PLOT.width} ${PLOT.height}`, width: PLOT.width, height: PLOT.height,
    role: "img", "aria-label": `${row.model}: ${intervalText(row)}` }, ...parts);
}
