// The admin routes of docs/api.md by name, over api.js's request(method, path, body). DOM-free.

const part = (value) => encodeURIComponent(value);

/** api: the object createApi() returns. Every method resolves to the parsed body or rejects with an ApiError. */
export function createAdminApi(api) {
  const get = (path) => api.request("GET", path);
  const post = (path, body) => api.request("POST", path, body);
  const task = (batchId, taskId) => `/admin/tasks/${part(batchId)}/${part(taskId)}`;
  return {
    me: () => api.me(),
    batches: () => get("/admin/batches"),
    queues: () => get("/admin/queues"),
    evaluators: () => get("/admin/evaluators"),
    /** action: "pause", "remove" or "resume"; the reason is sent for pause and remove only. */
    setStatus: (evaluatorId, action, reason) => post(`/admin/evaluators/${part(evaluatorId)}/${action}`,
      action === "resume" ? undefined : { reason }),
    /** Leaves all the evaluator's ratings out of the leaderboards (the raw export keeps them, flagged). */
    exclude: (evaluatorId, reason) => api.request("PUT", `/admin/evaluators/${part(evaluatorId)}/exclusion`,
      { from: null, reason }),
    include: (evaluatorId) => api.request("DELETE", `/admin/evaluators/${part(evaluatorId)}/exclusion`),
    /** The evaluator's latest ratings with their tasks' thumbnails, newest first. */
    recentRatings: (evaluatorId, limit = 20) => get(`/admin/evaluators/${part(evaluatorId)}/ratings?limit=${limit}`),
    resetScreening: (evaluatorId) => post(`/admin/evaluators/${part(evaluatorId)}/reset-screening`),
    exports: () => get("/admin/exports"),
    exportOf: (day) => get(`/admin/exports/${part(day)}`),
    tablesOf: (day) => get(`/admin/exports/${part(day)}/tables`),
    /** Runs the aggregation now: of day, or of today (UTC) when day is empty. */
    runExport: (day) => post("/admin/exports", day ? { date: day } : {}),
    disagreements: (limit = 100) => get(`/admin/disagreements?limit=${limit}`),
    task: (batchId, taskId) => get(task(batchId, taskId)),
    /** Makes the task's recorded decision its gold (hidden gold, or screening in a screening set). */
    promote: (batchId, taskId) => post(`${task(batchId, taskId)}/adjudication/promote`),
    adjudicate: (batchId, taskId, body) => api.request("PUT", `${task(batchId, taskId)}/adjudication`, body),
    safety: (status = "open") => get(`/admin/safety?status=${part(status)}`),
    resolve: (id, verdict, note) => post(`/admin/safety/${part(id)}/resolve`, { verdict, note }),
  };
}
