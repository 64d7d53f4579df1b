// An evaluator's latest ratings on the Evaluators screen (GET /api/admin/evaluators/{id}/ratings): each with its
// task's source and the outputs as rated, thumbnails beside the scores given, so a lead sees what the numbers were
// about.

import { el } from "../dom.js";
import { formatAgo } from "./lead-format.js";
import { titleOf } from "./leaderboard.js";
import { badge } from "./panel.js";

/** "Instruction adherence 4 · Preservation N/A", in the order the rating gives them; "no scores" when none. */
export function scoresLine(scores) {
  const entries = Object.entries(scores || {});
  return entries.length === 0 ? "no scores"
    : entries.map(([dimension, score]) => `${titleOf(dimension)} ${score === null ? "N/A" : score}`).join(" · ");
}

/** The section for one evaluator's ratings; onClose() hides it. */
export function recentRatings(name, ratings, onClose) {
  return el("section", { className: "recent-ratings", attrs: { "aria-label": `Recent ratings of ${name}` } },
    el("div", { className: "panel-head" }, el("h3", { text: `Recent ratings of ${name}` }),
      el("button", { type: "button", className: "secondary", text: "Close", dataset: { key: "close-recent" },
        on: { click: onClose } })),
    ratings.length === 0 ? el("p", { className: "panel-status", text: "No rating in the last seven days." })
      : el("ol", { className: "recent-list" }, ratings.map(item)));
}

function item(rating) {
  const seconds = Number.isFinite(rating.timeOnTaskMs) ? `${Math.round(rating.timeOnTaskMs / 1000)} s` : "–";
  return el("li", { className: "recent-item" },
    el("p", { className: "recent-facts" }, el("strong", { text: `${rating.batchId} / ${rating.taskId}` }),
      ` · ${rating.verdict || "–"}${rating.verdictReason ? `: ${rating.verdictReason}` : ""} · ${seconds} · `
        + formatAgo(rating.submittedAt), rating.excluded ? badge("excluded", "warn") : null),
    rating.instruction ? el("p", { className: "instruction-line", text: rating.instruction }) : null,
    el("div", { className: "recent-thumbs" }, figure("Source", rating.source && rating.source.thumbUrl, ""),
      (rating.outputs || []).map((output) => figure(`${output.model} (${output.outputId})`, output.thumbUrl,
        `${output.safety && output.safety.flagged ? "flagged unsafe · " : ""}${scoresLine(output.scores)}`))),
    rating.comment ? el("p", { className: "small", text: `Comment: ${rating.comment}` }) : null);
}

function figure(label, url, caption) {
  return el("figure", { className: "recent-thumb" },
    url ? el("img", { src: url, alt: label, loading: "lazy" }) : el("div", { className: "no-image", text: "no image" }),
    el("figcaption", {}, el("strong", { text: label }), caption ? el("span", { className: "small", text: caption })
      : null));
}
