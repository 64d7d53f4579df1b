// The task screen: a leased task shown with its draft restored onto the right images, the lease kept alive and its
// clock, submit, skip, and giving the task back as the page goes. All decisions about the submission live in
// submission.js, the draft in draft.js and draft-match.js.

import { ApiError } from "./api.js";
import { $, app } from "./app-state.js";
import { newSubmissionId } from "./draft.js";
import { outputKeys, placeAnswers } from "./draft-match.js";
import { formatCountdown } from "./format.js";
import { storeRubricForGuide } from "./guide-model.js";
import { createHeartbeat } from "./heartbeat.js";
import { leaseRefusal } from "./lease-refusal.js";
import { createRatingForm } from "./rubric-form.js";
import { handleApiError, notify, refreshToday, show, showIdle } from "./screens.js";
import { buildSubmission, emptyInteractions, fitAnswers, progress, validateSubmission } from "./submission.js";
import { createViewer } from "./viewer.js";

const EXPIRED_TEXT = "Your lease expired; the task went back to the queue.";
export const EXPIRED_KEPT_TEXT = `${EXPIRED_TEXT} Your answers are kept in this browser: if the same task comes to you`
  + " again, they are filled back in.";
const LEASE_WARNING_MS = 2 * 60 * 1000;

/**
 * Leases the next task and shows it. After a skip (`skipped`: the task given back), the same task coming back means
 * no other is waiting: it is given back again and the page says so, rather than showing it again as if new.
 */
export async function nextTask(skipped) {
  try {
    const task = await app.api.leaseNext();
    if (task !== null && skipped && task.batchId === skipped.batchId && task.taskId === skipped.taskId) {
      await app.api.releaseLease(task.leaseId).catch(() => {});
      showIdle("No other task waiting", "You skipped the only task waiting for you; it stays in the queue."
        + " Try again in a while, or take it back.", "Try again");
      return;
    }
    if (task === null) {
      showIdle("No tasks waiting right now", "New tasks arrive as batches are processed. Try again in a while.",
        "Try again");
      return;
    }
    showTask(task);
  } catch (error) {
    const refused = error instanceof ApiError ? leaseRefusal(error.status, error.code, error.message) : null;
    if (refused) {
      showIdle(refused.title, refused.text, refused.button);
      return;
    }
    handleApiError(error, "Could not get a task.");
  }
}


export function showTask(task) {
  leaveTask();
  const stored = app.drafts.load(task.leaseId);
  const earlier = stored ? undefined : app.drafts.findByTask(task.batchId, task.taskId, task.leaseId);
  const placed = placeAnswers(stored || earlier, task);
  const kept = placed.dropped ? undefined : stored || earlier;
  const draft = { ...(stored || app.drafts.start(task, newSubmissionId())), outputKeys: outputKeys(task),
    answers: placed.answers, interactions: kept && kept.interactions };
  if (earlier) {
    app.drafts.drop(earlier.leaseId);
  }
  const answers = fitAnswers(task, draft.answers);
  const interactions = { ...emptyInteractions(), ...draft.interactions };
  const work = { task, draft, answers, interactions, busy: false, timer: undefined, heartbeat: undefined,
    expiresAt: task.expiresAt, currentOutputId: task.outputs[0].outputId };
  app.work = work;
  app.drafts.setCurrentLeaseId(app.me.evaluatorId, task.leaseId);
  saveDraft();

  $("instruction").textContent = task.instruction;
  $("task-meta").textContent = `${task.batchId} / ${task.taskId}`;
  $("task-meta").hidden = false;
  storeRubricForGuide(window.localStorage, task.rubric);
  show("screen-task");

  work.viewer = createViewer($("viewer"), task, {
    onInteraction: (kind) => {
      interactions[kind] += 1;
      saveDraft();
    },
    onOutputFocus: (outputId) => markOutput(outputId),
  });
  work.form = createRatingForm($("rating-form"), task.rubric, task, answers, {
    onChange: (change, next) => {
      work.answers = next;
      if (change.type === "flag") {
        work.viewer.setFlagged(change.outputId, change.value);
      }
      saveDraft();
      refreshProgress();
    },
    onOutputFocus: (outputId) => markOutput(outputId),
    onSubmit: submit,
    onSkip: skip,
  });
  // A new task starts at the top of the rubric, the feasibility gate, whatever the last one was scrolled to.
  $("rating-form").scrollTop = 0;
  for (const output of task.outputs) {
    work.viewer.setFlagged(output.outputId, answers.outputs[output.outputId].flagged);
  }
  refreshProgress();
  startLeaseClock();
  startHeartbeat(work);
  if (placed.dropped) {
    notify("Your unfinished rating of this task could not be matched to the images shown now, so it was not"
      + " restored: rate it afresh.", "warn");
  } else if (placed.answers) {
    notify("Restored your unfinished rating of this task.");
  }
}

function startHeartbeat(work) {
  work.heartbeat = createHeartbeat(work.expiresAt, {
    extend: () => app.api.extendLease(work.task.leaseId),
    now: () => Date.now(),
    setTimer: (fn, ms) => window.setTimeout(fn, ms),
    clearTimer: (id) => window.clearTimeout(id),
    lastActivity: () => app.lastActivity,
    onExtended: (expiresAt) => {
      work.expiresAt = expiresAt;
    },
    onExpired: (reason) => {
      if (app.work !== work) {
        return;
      }
      if (reason === "idle") {
        work.idle = true;
        notify("You have been away a while: this task goes back to the queue when the lease runs out."
          + " Press any key to keep it.", "warn");
      } else {
        leaseLost(work);
      }
    },
  });
}

/** Any key or pointer: the rater is here. After an idle stop, the heartbeat starts again. */
export function noteActivity() {
  app.lastActivity = Date.now();
  const work = app.work;
  if (work && work.idle && Date.parse(work.expiresAt) > Date.now()) {
    work.idle = false;
    notify("");
    startHeartbeat(work);
  }
}

/** The lease is gone (expired or released elsewhere): say so; keep the answers for a later lease of the task. */
function leaseLost(work) {
  const kept = progress(work.task.rubric, work.task, work.answers).answered > 0;
  forgetLease(work.task.leaseId, kept);
  showIdle("Lease expired", kept ? EXPIRED_KEPT_TEXT : EXPIRED_TEXT, "Next task");
}

export function markOutput(outputId) {
  if (app.work) {
    app.work.currentOutputId = outputId;
    app.work.viewer.markCurrent(outputId);
  }
}

export function saveDraft() {
  const work = app.work;
  if (!work) {
    return;
  }
  work.draft = { ...work.draft, answers: work.answers, interactions: work.interactions };
  if (!app.drafts.save(work.draft)) {
    notify("This browser would not save your draft; finish this task before reloading.", "warn");
  }
}

function refreshProgress() {
  const { answered, required } = progress(app.work.task.rubric, app.work.task, app.work.answers);
  app.work.form.setProgress(answered, required);
}

function startLeaseClock() {
  const clock = $("lease-clock");
  const work = app.work;
  if (!Number.isFinite(Date.parse(work.expiresAt))) {
    clock.hidden = true;
    return;
  }
  const tick = () => {
    const left = Date.parse(work.expiresAt) - Date.now();
    if (left <= 0 && app.work === work && !work.busy) {
      leaseLost(work);
      return;
    }
    clock.textContent = left > 0 ? `Lease ${formatCountdown(left)}` : "Lease expired";
    clock.classList.toggle("is-warning", left <= LEASE_WARNING_MS);
    clock.title = "Time left before this task goes back to the queue";
  };
  tick();
  clock.hidden = false;
  app.work.timer = window.setInterval(tick, 1000);
}

export function leaveTask() {
  const work = app.work;
  if (!work) {
    return;
  }
  window.clearInterval(work.timer);
  if (work.heartbeat) {
    work.heartbeat.stop();
  }
  work.viewer.destroy();
  app.work = undefined;
  $("lease-clock").hidden = true;
  $("task-meta").hidden = true;
}

/** The lease is over for this page; keepDraft leaves its answers for a later lease of the same task. */
export function forgetLease(leaseId, keepDraft = false) {
  if (!keepDraft) {
    app.drafts.drop(leaseId);
  }
  app.drafts.clearCurrentLeaseId(app.me.evaluatorId);
}

export async function submit() {
  const work = app.work;
  if (!work || work.busy) {
    return;
  }
  const { task, draft } = work;
  const body = buildSubmission(task.rubric, task, work.answers, {
    submissionId: draft.submissionId,
    timeOnTaskMs: Date.now() - draft.startedAt,
    interactions: work.interactions,
  });
  const problems = validateSubmission(task.rubric, task, body);
  if (Object.keys(problems).length > 0) {
    const count = Object.keys(problems).length;
    work.form.showErrors(problems, `${count} answer${count === 1 ? "" : "s"} to fix before submitting.`);
    return;
  }
  work.busy = true;
  work.form.clearErrors();
  work.form.setBusy(true, "Submitting…");
  try {
    await app.api.submitRating(task.leaseId, body);
    forgetLease(task.leaseId);
    notify("Rating saved.", "ok");
    refreshToday();
    await nextTask();
  } catch (error) {
    submitFailed(work, error);
  } finally {
    work.busy = false;
    if (app.work === work) {
      work.form.setBusy(false);
    }
  }
}

function submitFailed(work, error) {
  const leaseId = work.task.leaseId;
  if (!(error instanceof ApiError) || error.status === 401) {
    return;
  }
  if (error.status === 400) {
    work.form.showErrors(error.fields, error.message);
  } else if (error.status === 409) {
    forgetLease(leaseId);
    showIdle("Already rated", "You have already rated this task; it was not stored twice.", "Next task");
  } else if (error.status === 404 || error.status === 410) {
    forgetLease(leaseId, true);
    showIdle("Lease expired", EXPIRED_KEPT_TEXT, "Next task");
  } else {
    work.form.setMessage(`${error.message} Your answers are kept; submit again when ready.`);
  }
}

export async function skip() {
  const work = app.work;
  if (!work || work.busy) {
    return;
  }
  const { answered } = progress(work.task.rubric, work.task, work.answers);
  if (answered > 0 && !window.confirm("Skip this task? Your answers for it will be discarded.")) {
    return;
  }
  work.busy = true;
  work.form.setBusy(true, "Skipping…");
  try {
    await app.api.releaseLease(work.task.leaseId);
  } catch (error) {
    // A lease already gone is as good as released; anything else is worth saying.
    const gone = error instanceof ApiError && (error.status === 404 || error.status === 410);
    if (!gone) {
      work.busy = false;
      work.form.setBusy(false);
      handleApiError(error, "Could not skip the task.");
      return;
    }
  }
  forgetLease(work.task.leaseId);
  notify("");
  await nextTask({ batchId: work.task.batchId, taskId: work.task.taskId });
}

/**
 * The page is going away. A task with no answer yet goes back to the queue at once (keepalive DELETE: sendBeacon
 * cannot carry the bearer header). One with answers keeps its lease, so a reload or a reopened tab finds the draft;
 * if the rater does not come back, the lease lapses and the task returns to the queue by itself.
 */
export function onPageHide(event) {
  const work = app.work;
  if (!work || event.persisted) {
    return;
  }
  const { answered } = progress(work.task.rubric, work.task, work.answers);
  if (answered === 0 && !work.busy) {
    forgetLease(work.task.leaseId);
    app.api.releaseOnExit(work.task.leaseId);
  }
}
