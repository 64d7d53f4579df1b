// A batch of GET /api/admin/batches as the Batches screen shows it: its counts, how far rating is, what failed and
// the command that uploads a batch. DOM-free.

export const UPLOAD_COMMAND = "./editeval upload path/to/batch-folder";

const STATUS_TEXT = {
  RECEIVED: "received, being checked",
  ACCEPTED: "accepted",
  REJECTED: "rejected",
};

const count = (value) => (Number.isFinite(value) && value >= 0 ? value : 0);

/** The numbers and words of one batch: counts, rated share (0..1), status text, whether it needs a look. */
export function batchSummary(batch) {
  const tasks = count(batch.tasks);
  const ready = count(batch.ready);
  const failed = count(batch.failed);
  const rated = count(batch.ratingsReceived);
  const needed = count(batch.ratingsNeeded);
  const status = typeof batch.status === "string" ? batch.status : "";
  const problems = Array.isArray(batch.problems) ? batch.problems.filter((p) => typeof p === "string") : [];
  const failedTasks = Array.isArray(batch.failedTasks) ? batch.failedTasks.map(failedTask) : [];
  const pending = Math.max(0, tasks - ready - failed);
  return {
    batchId: String(batch.batchId ?? ""),
    status,
    statusText: STATUS_TEXT[status] || status.toLowerCase(),
    counts: [
      { key: "ingested", label: "Ingested", value: tasks },
      { key: "ready", label: "Ready", value: ready },
      { key: "pending", label: "Previews pending", value: pending },
      { key: "failed", label: "Failed", value: failed },
      { key: "rated", label: "Ratings in", value: rated },
      { key: "needed", label: "Ratings needed", value: needed },
    ],
    ratedShare: needed > 0 ? Math.min(1, rated / needed) : 0,
    ratedText: needed > 0 ? `${rated} of ${needed} ratings (${Math.round(Math.min(1, rated / needed) * 100)} %)`
      : "no ratings needed yet",
    problems,
    failedTasks,
    needsLook: status === "REJECTED" || failed > 0 || failedTasks.length > 0,
  };
}

function failedTask(task) {
  const images = Array.isArray(task.images) ? task.images : [];
  return {
    taskId: String(task.taskId ?? ""),
    reason: typeof task.reason === "string" && task.reason !== "" ? task.reason : "no reason was recorded",
    images: images.map((image) => ({
      label: String(image.label ?? ""),
      key: String(image.key ?? ""),
      url: typeof image.url === "string" ? image.url : "",
      named: typeof task.reason === "string" && image.key !== undefined && task.reason.includes(String(image.key)),
    })),
  };
}

/** Batches that need a look (rejected, with failed tasks) first, then by id. */
export function sortBatches(summaries) {
  return [...summaries].sort((a, b) => Number(b.needsLook) - Number(a.needsLook) || a.batchId.localeCompare(b.batchId));
}

/** Queue health as rows: the totals first, then each queue; `alert` marks what a lead should look at. */
export function queueRows(health) {
  const queues = Array.isArray(health.queues) ? health.queues : [];
  return {
    totals: [
      { label: "Rating slots waiting", value: count(health.slotsWaiting), alert: false },
      { label: "Leases held now", value: count(health.liveLeases), alert: false },
      { label: "Leases expired in the last hour", value: count(health.expiredLastHour),
        alert: count(health.expiredLastHour) > 0 },
    ],
    queues: queues.map((queue) => ({
      name: String(queue.name ?? ""),
      waiting: count(queue.waiting),
      inFlight: count(queue.inFlight),
      deadLetters: count(queue.deadLetters),
      alert: count(queue.deadLetters) > 0,
    })),
  };
}
