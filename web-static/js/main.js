// Wiring: config -> sign-in -> evaluator -> lease -> task screen -> submit -> next. All decisions about the
// submission live in submission.js, the draft in draft.js; this file moves between screens and keeps the draft.

import { ApiError, createApi } from "./api.js";
import { AuthError, createAuth } from "./auth.js";
import { loadConfig } from "./config.js";
import { createDraftStore, newSubmissionId } from "./draft.js";
import { outputKeys, placeAnswers } from "./draft-match.js";
import { formatCountdown, formatDuration } from "./format.js";
import { storeRubricForGuide } from "./guide-model.js";
import { createHeartbeat } from "./heartbeat.js";
import { keyAction, SHORTCUTS } from "./keys.js";
import { createRatingForm } from "./rubric-form.js";
import { buildSubmission, emptyInteractions, fitAnswers, progress, validateSubmission } from "./submission.js";
import { createViewer } from "./viewer.js";
import { el } from "./dom.js";

const EXPIRED_TEXT = "Your lease expired; the task went back to the queue.";
const EXPIRED_KEPT_TEXT = `${EXPIRED_TEXT} Your answers are kept in this browser: if the same task comes to you`
  + " again, they are filled back in.";
const LEASE_WARNING_MS = 2 * 60 * 1000;

const $ = (id) => document.getElementById(id);
const screens = ["screen-loading", "screen-fatal", "screen-login", "screen-idle", "screen-task"];

const app = { config: undefined, auth: undefined, api: undefined, drafts: undefined, me: undefined, work: undefined,
  idleAction: undefined, lastActivity: Date.now() };

function show(screenId) {
  for (const id of screens) {
    $(id).hidden = id !== screenId;
  }
  document.body.classList.toggle("on-task", screenId === "screen-task");
}

let noticeTimer;

/** A one-line message in the top bar; information fades on its own, warnings stay until dismissed. */
function notify(text, tone = "info") {
  const notice = $("notice");
  $("notice-text").textContent = text;
  notice.dataset.tone = tone;
  notice.hidden = text === "";
  window.clearTimeout(noticeTimer);
  if (tone !== "warn" && text !== "") {
    noticeTimer = window.setTimeout(() => notify(""), 4000);
  }
}

function fatal(text) {
  $("fatal-text").textContent = text;
  show("screen-fatal");
}

async function boot() {
  buildHelp();
  bindChrome();
  try {
    app.config = await loadConfig(window.fetch.bind(window));
    app.auth = createAuth(app.config.auth, { storage: window.sessionStorage, fetch: window.fetch.bind(window) });
  } catch (error) {
    fatal(error.message);
    return;
  }
  app.api = createApi({
    apiBase: app.config.apiBase,
    token: () => app.auth.token(),
    onUnauthorized: signedOut,
    fetch: window.fetch.bind(window),
  });
  app.drafts = createDraftStore(window.localStorage);
  app.drafts.pruneStale();
  if (app.auth.kind === "redirect" && !(await returnFromSignIn())) {
    return;
  }
  if (app.auth.token()) {
    await afterSignIn();
  } else {
    showLogin("");
  }
}

// ---- sign-in ----

/** Back from the managed login (Cognito): trades the code for a token; false when it failed (and says why). */
async function returnFromSignIn() {
  try {
    const answered = await app.auth.completeSignIn(window.location.href);
    if (answered) {
      window.history.replaceState(null, "", window.location.pathname);
    }
    return true;
  } catch (error) {
    window.history.replaceState(null, "", window.location.pathname);
    showLogin(error instanceof AuthError ? error.message : "Sign-in failed. Try again.");
    return false;
  }
}

function showLogin(message) {
  leaveTask();
  app.me = undefined;
  $("who").hidden = true;
  $("sign-out").hidden = true;
  $("login-message").textContent = message;
  $("login-message").hidden = message === "";
  $("login-error").hidden = true;
  const redirect = app.auth && app.auth.kind === "redirect";
  $("login-fields").hidden = redirect;
  show("screen-login");
  (redirect ? $("login-submit") : $("login-username")).focus();
}

function signedOut() {
  app.auth.signOut();
  if (!$("screen-login").hidden) {
    return;
  }
  // The draft stays in localStorage: after signing in again the same lease is restored.
  showLogin("Your sign-in has expired. Sign in again to continue; your answers are kept.");
}

async function onLogin(event) {
  event.preventDefault();
  if (app.auth.kind === "redirect") {
    window.location.assign(await app.auth.begin());
    return;
  }
  const username = $("login-username").value.trim();
  const password = $("login-password").value;
  const error = $("login-error");
  if (username === "" || password === "") {
    error.textContent = "Enter your username and password.";
    error.hidden = false;
    return;
  }
  $("login-submit").disabled = true;
  try {
    await app.auth.signIn(username, password);
    $("login-password").value = "";
    await afterSignIn();
  } catch (failure) {
    error.textContent = failure instanceof AuthError ? failure.message : "Sign-in failed. Try again.";
    error.hidden = false;
  } finally {
    $("login-submit").disabled = false;
  }
}

async function afterSignIn() {
  try {
    app.me = await app.api.me();
  } catch (error) {
    handleApiError(error, "Could not load your profile.", afterSignIn);
    return;
  }
  $("who").textContent = app.me.name || app.me.evaluatorId;
  $("who").hidden = false;
  showToday(app.me.today);
  $("sign-out").hidden = false;
  const leaseId = app.drafts.currentLeaseId(app.me.evaluatorId);
  if (!leaseId) {
    showIdle("Ready to rate", "", "Start rating");
    return;
  }
  try {
    showTask(await app.api.getLease(leaseId));
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 410)) {
      const stored = app.drafts.load(leaseId);
      const kept = Boolean(stored && stored.answers);
      forgetLease(leaseId, kept);
      if (kept) {
        showIdle("Lease expired", EXPIRED_KEPT_TEXT, "Next task");
      } else {
        // Nothing was answered (or the page gave the task back as it closed): just carry on.
        showIdle("Ready to rate", "", "Start rating");
      }
    } else {
      // Retry the same lease rather than leasing a new one: the draft belongs to it.
      handleApiError(error, "Could not load your task.", afterSignIn);
    }
  }
}

// ---- idle and leasing ----

/** The screen between tasks; its one button runs `action` (by default: lease the next task). */
function showIdle(title, text, buttonLabel, action = nextTask) {
  leaveTask();
  app.idleAction = action;
  $("idle-title").textContent = title;
  if (text) {
    $("idle-text").textContent = text;
  }
  $("start-button").textContent = buttonLabel;
  show("screen-idle");
  $("start-button").focus();
}

/**
 * Leases the next task and shows it. After a skip (`skipped`: the task given back), the same task coming back means
 * no other is waiting: it is given back again and the page says so, rather than showing it again as if new.
 */
async function nextTask(skipped) {
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
    if (error instanceof ApiError && error.status === 429) {
      showIdle("Too many tasks open", `${error.message} Tasks you left open go back to the queue when their`
        + " lease runs out.", "Try again");
      return;
    }
    handleApiError(error, "Could not get a task.");
  }
}

/** Today's count and median time per task from /api/me, in the top bar. */
function showToday(today) {
  const line = $("today");
  if (!today || !Number.isFinite(today.rated)) {
    line.hidden = true;
    return;
  }
  const median = Number.isFinite(today.medianTimeOnTaskMs) ? ` · ${formatDuration(today.medianTimeOnTaskMs)} per task`
    : "";
  line.textContent = `Today: ${today.rated} rated${median}`;
  line.title = "Tasks you rated today, and your median time on a task";
  line.hidden = false;
}

async function refreshToday() {
  try {
    app.me = { ...app.me, ...(await app.api.me()) };
    showToday(app.me.today);
  } catch {
    // The count is a convenience; the next refresh will catch up.
  }
}

function handleApiError(error, context, retry = nextTask) {
  if (error instanceof ApiError && error.status === 401) {
    return; // signedOut() already showed the sign-in form.
  }
  const reason = error instanceof ApiError ? error.message : "Something went wrong.";
  if (app.work) {
    app.work.form.setMessage(`${context} ${reason}`);
  } else {
    showIdle("Something went wrong", `${context} ${reason}`, "Try again", retry);
  }
}

// ---- the task ----

function showTask(task) {
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
    onChange: () => {
      saveDraft();
      refreshProgress();
    },
    onFlagChange: (outputId, flagged) => work.viewer.setFlagged(outputId, flagged),
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
function noteActivity() {
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

function markOutput(outputId) {
  if (app.work) {
    app.work.currentOutputId = outputId;
    app.work.viewer.markCurrent(outputId);
  }
}

function saveDraft() {
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

function leaveTask() {
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
function forgetLease(leaseId, keepDraft = false) {
  if (!keepDraft) {
    app.drafts.drop(leaseId);
  }
  app.drafts.clearCurrentLeaseId(app.me.evaluatorId);
}

async function submit() {
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

async function skip() {
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

// ---- keys, help, chrome ----

function buildHelp() {
  const list = $("help-list");
  for (const shortcut of SHORTCUTS) {
    list.append(el("dt", {}, el("kbd", { text: shortcut.keys })), el("dd", { text: shortcut.does }));
  }
}

// Where the focus was before the help opened (the help button and panel excepted), to go back to on closing it.
let focusBeforeHelp;

function toggleHelp(open) {
  const panel = $("help-panel");
  const next = open === undefined ? panel.hidden : open;
  if (next === !panel.hidden) {
    return;
  }
  panel.hidden = !next;
  $("help-button").setAttribute("aria-expanded", String(next));
  if (next) {
    $("help-close").focus();
  } else if (focusBeforeHelp && focusBeforeHelp.isConnected && focusBeforeHelp.offsetParent !== null) {
    focusBeforeHelp.focus();
  } else {
    // The control it was on went with its screen: the screen's own first control.
    const start = $("start-button");
    (start.offsetParent !== null ? start : document.body).focus();
  }
}

/** Remembers the last focus outside the help, so closing the help (Esc, ×, ?) returns it there. */
function noteFocus(event) {
  const target = event.target;
  if (target instanceof HTMLElement && target !== $("help-button") && !$("help-panel").contains(target)) {
    focusBeforeHelp = target;
  }
}

/** Esc: the help panel first, then the enlarged image. */
function closeTopmost() {
  if (!$("help-panel").hidden) {
    toggleHelp(false);
    return true;
  }
  return Boolean(app.work && app.work.viewer.closeEnlarged());
}

function onKey(event) {
  noteActivity();
  const target = event.target;
  const inTextField = target instanceof HTMLTextAreaElement
    || (target instanceof HTMLInputElement && !["radio", "checkbox", "range", "button"].includes(target.type));
  const action = keyAction({ key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey,
    altKey: event.altKey, inTextField });
  if (!action || (!app.work && action.type !== "help" && action.type !== "close")) {
    return;
  }
  // An arrow on a score would move its radio choice: arrows pan the images, and never change an answer.
  const onChoice = target instanceof HTMLInputElement && target.type === "radio";
  if (runAction(action, app.work, event.repeat) || (action.type === "pan" && onChoice)) {
    event.preventDefault();
  }
}

/** The output the keys act on: the one last worked on in the form or the viewer. */
function currentOutput(work) {
  return work.currentOutputId;
}

/** Performs a key's action; false when it did nothing, so the browser may handle the key. */
function runAction(action, work, repeat) {
  switch (action.type) {
    case "submit":
      submit();
      return true;
    case "close":
      return closeTopmost();
    case "help":
      toggleHelp();
      return true;
    case "score":
      return work.form.chooseDigit(action.value);
    case "not-applicable":
      return work.form.chooseNotApplicable();
    case "next-row":
    case "previous-row":
      work.form.moveRow(action.type === "next-row" ? 1 : -1);
      return true;
    case "output":
      moveToOutput(work, action.step);
      return true;
    case "flicker":
      if (!repeat && !work.flickering) {
        work.flickering = true;
        work.interactions.flickers += 1;
        saveDraft();
        work.viewer.setFlicker(true);
      }
      return true;
    default:
      return runOutputAction(action, work);
  }
}

/** `]` / `[`: the next or previous output; at the last or the first it stays, and says so. */
function moveToOutput(work, step) {
  const { target, atEnd } = work.form.moveOutput(currentOutput(work), step);
  markOutput(target);
  if (atEnd) {
    notify(`Output ${target} is the ${step > 0 ? "last" : "first"} output: ${step > 0 ? "[" : "]"} goes back.`);
  }
}

/** The actions on the current output and the view. */
function runOutputAction(action, work) {
  const outputId = currentOutput(work);
  switch (action.type) {
    case "overlay":
      work.viewer.toggleOverlay(outputId);
      break;
    case "enlarge":
      work.viewer.toggleEnlarge(outputId);
      break;
    case "swipe":
      work.viewer.toggleSwipe(outputId);
      break;
    case "swipe-move":
      work.viewer.moveSwipe(outputId, action.step);
      break;
    case "zoom":
      work.viewer.zoomBy(action.factor);
      return true;
    case "pan":
      return work.viewer.pan(action.dx, action.dy);
    case "one-to-one":
      work.viewer.toggleOneToOne();
      return true;
    case "flag":
      return work.form.toggleFlag(outputId);
    case "category":
      return work.form.nextCategory(outputId);
    case "reveal":
      return work.viewer.toggleReveal(outputId);
    case "skip":
      skip();
      return true;
    case "guide":
      openGuide();
      return true;
    default:
      return false;
  }
  markOutput(outputId);
  return true;
}

function onKeyUp(event) {
  const work = app.work;
  if (work && work.flickering && event.key.toLowerCase() === "f") {
    stopFlicker(work);
  }
}

function stopFlicker(work) {
  if (work && work.flickering) {
    work.flickering = false;
    work.viewer.setFlicker(false);
  }
}

function openGuide() {
  window.open("guide.html", "editeval-guide", "noopener");
}

/**
 * The page is going away. A task with no answer yet goes back to the queue at once (keepalive DELETE: sendBeacon
 * cannot carry the bearer header). One with answers keeps its lease, so a reload or a reopened tab finds the draft;
 * if the rater does not come back, the lease lapses and the task returns to the queue by itself.
 */
function onPageHide(event) {
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

function bindChrome() {
  $("login-form").addEventListener("submit", onLogin);
  $("start-button").addEventListener("click", async () => {
    notify("");
    $("start-button").disabled = true;
    try {
      await app.idleAction();
    } finally {
      $("start-button").disabled = false;
    }
  });
  $("sign-out").addEventListener("click", () => {
    app.auth.signOut();
    if (typeof app.auth.signOutUrl === "function") {
      window.location.assign(app.auth.signOutUrl());
      return;
    }
    showLogin("Signed out. Your unfinished rating is kept in this browser.");
  });
  $("help-button").addEventListener("click", () => toggleHelp());
  $("help-close").addEventListener("click", () => toggleHelp(false));
  $("notice-close").addEventListener("click", () => notify(""));
  document.addEventListener("keydown", onKey);
  document.addEventListener("focusin", noteFocus);
  document.addEventListener("keyup", onKeyUp);
  window.addEventListener("blur", () => stopFlicker(app.work));
  document.addEventListener("pointerdown", noteActivity, { capture: true });
  document.addEventListener("wheel", noteActivity, { capture: true, passive: true });
  window.addEventListener("pagehide", onPageHide);
  $("guide-link").addEventListener("click", (event) => {
    event.preventDefault();
    openGuide();
  });
}

boot();
