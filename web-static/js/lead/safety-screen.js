// Safety: the outputs flagged unsafe, oldest first, each with its thumbnail blurred until the lead reveals it, and
// resolved as confirmed or not unsafe with a note.

import { el } from "../dom.js";
import { isMissingRoute, NOT_AVAILABLE_TEXT } from "./availability.js";
import { formatAgo } from "./lead-format.js";
import { badge, failureLine, heading, renderIfChanged } from "./panel.js";

export const safetyScreen = { id: "safety", label: "Safety", refresh };

/** What the notice says once a verdict is recorded. */
const RESOLVED = { confirmed: "confirmed unsafe", not_unsafe: "marked not unsafe" };

// Thumbnails by task, from the adjudication view (the escalation list names the model, not its image).
const thumbs = new Map();

async function refresh(panel, ctx) {
  let escalations;
  try {
    escalations = (await ctx.admin.safety("open")).escalations;
  } catch (error) {
    renderIfChanged(panel, { failed: error.message }, () => [heading("Safety"),
      isMissingRoute(error) ? el("p", { className: "panel-status", attrs: { role: "status" },
        text: `The safety escalations: ${NOT_AVAILABLE_TEXT}` }) : failureLine(error, "The safety escalations")]);
    return;
  }
  const withThumbs = await Promise.all(escalations.map(async (item) => ({ ...item,
    thumbUrl: item.thumbUrl || await thumbOf(ctx.admin, item) })));
  renderIfChanged(panel, withThumbs, () => [
    heading("Safety", "Outputs flagged unsafe by an evaluator, oldest first. Images stay blurred until you show one."),
    withThumbs.length === 0 ? el("p", { className: "panel-status", text: "No open escalation." })
      : el("ul", { className: "escalations" }, withThumbs.map((item) => escalation(item, ctx))),
  ]);
}

async function thumbOf(admin, item) {
  const key = `${item.batchId}/${item.taskId}`;
  if (!thumbs.has(key)) {
    thumbs.set(key, admin.task(item.batchId, item.taskId).catch(() => null));
  }
  const view = await thumbs.get(key);
  const output = view && (view.outputs || []).find((candidate) => candidate.model === item.model);
  return output ? output.thumbUrl || output.previewUrl || "" : "";
}

function escalation(item, ctx) {
  const note = el("input", { type: "text", maxLength: 2000, dataset: { key: `note-${item.id}` },
    attrs: { "aria-label": `Note on ${item.model} in ${item.batchId} / ${item.taskId}` }, placeholder: "Note" });
  const image = item.thumbUrl ? el("img", { src: item.thumbUrl, alt: `${item.model}'s output`, className: "veiled" })
    : el("div", { className: "no-image", text: "no thumbnail" });
  const reveal = el("button", { type: "button", className: "secondary", text: "Show image",
    dataset: { key: `reveal-${item.id}` }, attrs: { "aria-pressed": "false" }, on: { click: (event) => {
      const shown = image.classList.toggle("veiled") === false;
      event.currentTarget.setAttribute("aria-pressed", String(shown));
      event.currentTarget.textContent = shown ? "Blur image" : "Show image";
    } } });
  const resolve = (verdict, label) => el("button", { type: "button",
    className: verdict === "confirmed" ? "secondary danger" : "secondary", text: label,
    dataset: { key: `${verdict}-${item.id}` }, on: { click: async (event) => {
      event.currentTarget.disabled = true;
      try {
        await ctx.admin.resolve(item.id, verdict, note.value.trim());
        ctx.notify(`Resolved: ${item.model} in ${item.batchId} / ${item.taskId}, ${RESOLVED[verdict]}.`, "ok");
      } catch (error) {
        ctx.notify(isMissingRoute(error) ? `Resolving: ${NOT_AVAILABLE_TEXT}` : `Not resolved: ${error.message}`,
          "warn");
      }
      await ctx.refreshNow();
    } } });
  return el("li", { className: "escalation" },
    el("div", { className: "thumb" }, image, item.thumbUrl ? reveal : null),
    el("div", { className: "escalation-facts" },
      el("h3", { text: `${item.model} · ${item.batchId} / ${item.taskId}` }),
      el("p", {}, (item.categories || []).map((category) => badge(category, "danger"))),
      el("p", { className: "muted", text: `Flagged by ${item.name || item.evaluatorId} ${formatAgo(item.flaggedAt)}` }),
      el("div", { className: "row-actions" }, note, resolve("confirmed", "Confirm unsafe"),
        resolve("not_unsafe", "Not unsafe"))));
}
