// Signing in and out: the form (or the managed login's return), then the evaluator's profile and the lease the page
// was on when it last closed.

import { ApiError } from "./api.js";
import { $, app } from "./app-state.js";
import { AuthError } from "./auth.js";
import { handleApiError, show, showIdle, showToday } from "./screens.js";
import { EXPIRED_KEPT_TEXT, forgetLease, leaveTask, showTask } from "./task-screen.js";


/** Back from the managed login (Cognito): trades the code for a token; false when it failed (and says why). */
export async function returnFromSignIn() {
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

export function showLogin(message) {
  leaveTask();
  app.me = undefined;
  $("who").hidden = true;
  $("lead-link").hidden = true;
  $("sign-out").hidden = true;
  $("login-message").textContent = message;
  $("login-message").hidden = message === "";
  $("login-error").hidden = true;
  const redirect = app.auth && app.auth.kind === "redirect";
  $("login-fields").hidden = redirect;
  show("screen-login");
  (redirect ? $("login-submit") : $("login-username")).focus();
}

export function signedOut() {
  app.auth.signOut();
  if (!$("screen-login").hidden) {
    return;
  }
  // The draft stays in localStorage: after signing in again the same lease is restored.
  showLogin("Your sign-in has expired. Sign in again to continue; your answers are kept.");
}

export async function onLogin(event) {
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

export async function afterSignIn() {
  try {
    app.me = await app.api.me();
  } catch (error) {
    handleApiError(error, "Could not load your profile.", afterSignIn);
    return;
  }
  $("who").textContent = app.me.name || app.me.evaluatorId;
  $("who").hidden = false;
  $("lead-link").hidden = !(Array.isArray(app.me.groups) && app.me.groups.includes("admins"));
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
