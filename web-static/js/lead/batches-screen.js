// Batches: each batch's progress (ingested, ready, failed, rated, needed), every failed task with its reason and
// links to its images, a rejected batch's problems, and how to upload a batch.

import { el } from "../dom.js";
import { batchSummary, sortBatches, UPLOAD_COMMAND } from "./batch-progress.js";
import { badge, failureLine, heading, renderIfChanged } from "./panel.js";

export const batchesScreen = { id: "batches", label: "Batches", refresh };

async function refresh(panel, { admin }) {
  let batches;
  try {
    batches = sortBatches((await admin.batches()).batches.map(batchSummary));
  } catch (error) {
    renderIfChanged(panel, { failed: error.message }, () => [heading("Batches"), failureLine(error, "Batches"),
      uploadHelp()]);
    return;
  }
  renderIfChanged(panel, batches, () => [
    heading("Batches", "Progress of every batch; failed tasks and rejected batches first."),
    batches.length === 0 ? el("p", { className: "panel-status", text: "No batch has been uploaded yet." }) : null,
    el("div", { className: "batch-list" }, batches.map(batchCard)),
    uploadHelp(),
  ]);
}

function batchCard(batch) {
  const titleId = `batch-${batch.batchId}`;
  return el("article", { className: `batch ${batch.needsLook ? "needs-look" : ""}`.trim(),
    attrs: { "aria-labelledby": titleId } },
  el("div", { className: "batch-head" },
    el("h3", { id: titleId, text: batch.batchId }),
    badge(batch.statusText, batch.status === "REJECTED" ? "danger" : batch.status === "ACCEPTED" ? "ok" : "")),
  el("dl", { className: "counts" }, batch.counts.map((item) => el("div", {
    className: `count count-${item.key} ${item.key === "failed" && item.value > 0 ? "is-alert" : ""}`.trim() },
  el("dt", { text: item.label }), el("dd", { text: String(item.value) })))),
  el("div", { className: "rated" },
    el("progress", { max: 1, value: batch.ratedShare, attrs: { "aria-label": `Ratings of ${batch.batchId}` } }),
    el("span", { className: "muted", text: batch.ratedText })),
  batch.problems.length > 0 ? el("div", { className: "problems" },
    el("h4", { text: "Why the batch was rejected" }),
    el("ul", {}, batch.problems.map((problem) => el("li", { text: problem })))) : null,
  batch.failedTasks.length > 0 ? el("div", { className: "failed-tasks" },
    el("h4", { text: `Failed tasks (${batch.failedTasks.length})` }),
    el("ul", {}, batch.failedTasks.map((task) => el("li", { className: "failed-task" },
      el("span", { className: "failed-id", text: task.taskId }),
      el("span", { className: "failed-reason", text: task.reason }),
      task.images.length > 0 ? el("span", { className: "failed-images" }, "Images: ",
        task.images.map((image, index) => [index > 0 ? ", " : "",
          el("a", { href: image.url, target: "_blank", rel: "noopener",
            className: image.named ? "is-named" : undefined,
            text: image.named ? `${image.label} (the one refused)` : image.label })])) : null)))) : null);
}

function uploadHelp() {
  return el("section", { className: "help-box", attrs: { "aria-labelledby": "upload-help" } },
    el("h3", { id: "upload-help", text: "Upload a batch" }),
    el("p", { text: "Put manifest.json and the images in one folder, then run on this machine:" }),
    el("pre", {}, el("code", { text: UPLOAD_COMMAND })),
    el("p", { className: "muted", text: "It checks the manifest, uploads the images, waits for the previews and "
      + "prints every failed task with its reason. The batch appears here as soon as it is received." }));
}
