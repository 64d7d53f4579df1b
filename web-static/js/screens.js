// The screens: which one shows, the one-line notice, the fatal and idle screens, the day's count in the top bar,
// and what an API failure shows.

import { ApiError } from "./api.js";
import { $, app } from "./app-state.js";
import { formatDuration } from "./format.js";
import { leaveTask, nextTask } from "./task-screen.js";

const screens = ["screen-loading", "screen-fatal", "screen-login", "screen-idle", "screen-task"];

export function show(screenId) {
  for (const id of screens) {
    $(id).hidden = id !== screenId;
  }
  document.body.classList.toggle("on-task", screenId === "screen-task");
}

let noticeTimer;

/** A one-line message in the top bar; information fades on its own, warnings stay until dismissed. */
export function notify(text, tone = "info") {
  const notice = $("notice");
  $("notice-text").textContent = text;
  notice.dataset.tone = tone;
  notice.hidden = text === "";
  window.clearTimeout(noticeTimer);
  if (tone !== "warn" && text !== "") {
    noticeTimer = window.setTimeout(() => notify(""), 4000);
  }
}

export function fatal(text) {
  $("fatal-text").textContent = text;
  show("screen-fatal");
}


/** The screen between tasks; its one button runs `action` (by default: lease the next task). */
export function showIdle(title, text, buttonLabel, action = nextTask) {
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

/** Today's count and median time per task from /api/me, in the top bar. */
export function showToday(today) {
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

export async function refreshToday() {
  try {
    app.me = { ...app.me, ...(await app.api.me()) };
    showToday(app.me.today);
  } catch {
    // The count is a convenience; the next refresh will catch up.
  }
}

export function handleApiError(error, context, retry = nextTask) {
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
