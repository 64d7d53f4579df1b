// Signing in to the lead's page: the same providers and token as the rating page (a token in this tab's
// sessionStorage is used as it is), then the admins check: anyone else sees who they are and where to go.

import { $, app } from "../app-state.js";
import { AuthError } from "../auth.js";

const ADMINS = "admins";

/** Which of the page's screens shows. */
export function show(screenId) {
  for (const id of ["screen-loading", "screen-fatal", "screen-login", "screen-denied", "screen-console"]) {
    $(id).hidden = id !== screenId;
  }
}

export function fatal(text) {
  $("fatal-text").textContent = text;
  show("screen-fatal");
}

export function showLogin(message) {
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

/** Back from the managed login: false when it failed (and the form says why). */
export async function returnFromSignIn() {
  try {
    if (await app.auth.completeSignIn(window.location.href)) {
      window.history.replaceState(null, "", window.location.pathname);
    }
    return true;
  } catch (error) {
    window.history.replaceState(null, "", window.location.pathname);
    showLogin(error instanceof AuthError ? error.message : "Sign-in failed. Try again.");
    return false;
  }
}

/** The form's submit: signs in, then onSignedIn(). */
export async function onLogin(event, onSignedIn) {
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
    await onSignedIn();
  } catch (failure) {
    error.textContent = failure instanceof AuthError ? failure.message : "Sign-in failed. Try again.";
    error.hidden = false;
  } finally {
    $("login-submit").disabled = false;
  }
}

/** True when the signed-in user is a lead; otherwise the page says they are not and shows nothing else. */
export function admitLead(me) {
  $("who").textContent = me.name || me.evaluatorId;
  $("who").hidden = false;
  $("sign-out").hidden = false;
  const groups = Array.isArray(me.groups) ? me.groups : [];
  if (groups.includes(ADMINS)) {
    return true;
  }
  $("denied-text").textContent = `You are signed in as ${me.name || me.evaluatorId}, who is not in the ${ADMINS}`
    + " group. Ask the lead to add you (./editeval user add NAME --admin), or rate on the rating page.";
  show("screen-denied");
  return false;
}
