// Signing in and out: the form (or the managed login's return), then the evaluator's profile and the lease the page
// was on when it last closed.

import { ApiError } from "./api.js";
import { $, app } from "./app-state.js";
import { handleApiError, show, showIdle, showToday } from "./screens.js";
import { ADMINS_GROUP, focusLoginForm, resetLoginForm, submitLogin } from "./sign-in-form.js";
import { EXPIRED_KEPT_TEXT, forgetLease, leaveTask, showTask } from "./task-screen.js";


export function showLogin(message) {
  leaveTask();
  app.me = undefined;
  $("lead-link").hidden = true;
  resetLoginForm(message);
  show("screen-login");
  focusLoginForm();
}

export function signedOut() {
  app.auth.signOut();
  if (!$("screen-login").hidden) {
    return;
  }
  // The draft stays in localStorage: after signing in again the same lease is restored.
  showLogin("Your sign-in has expired. Sign in again to continue; your answers are kept.");
}

/** The login form's submit, then the evaluator's profile. */
export function onLogin(event) {
  return submitLogin(event, afterSignIn);
}

export async function afterSignIn() {
  try {
    app.me = await app.api.me();
  } catch (error) {
    handleApiError(error, "Could not load your profile.", afterSignIn);
    return;
  }
  $("who").textContent = app.me.name || app.me.evaluatorId;
  $("who").hidden = false;
  $("lead-link").hidden = !(Array.isArray(app.me.groups) && app.me.groups.includes(ADMINS_GROUP));
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
