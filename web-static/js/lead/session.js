// Signing in to the lead's page: the same providers and token as the rating page (a token in this tab's
// sessionStorage is used as it is), then the admins check: anyone else sees who they are and where to go.

import { $ } from "../app-state.js";
import { ADMINS_GROUP, focusLoginForm, resetLoginForm } from "../sign-in-form.js";

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
  resetLoginForm(message);
  show("screen-login");
  focusLoginForm();
}

/** True when the signed-in user is a lead; otherwise the page says they are not and shows nothing else. */
export function admitLead(me) {
  $("who").textContent = me.name || me.evaluatorId;
  $("who").hidden = false;
  $("sign-out").hidden = false;
  const groups = Array.isArray(me.groups) ? me.groups : [];
  if (groups.includes(ADMINS_GROUP)) {
    return true;
  }
  $("denied-text").textContent = `You are signed in as ${me.name || me.evaluatorId}, who is not in the ${ADMINS_GROUP}`
    + " group. Ask the lead to add you (./editeval user add NAME --admin), or rate on the rating page.";
  show("screen-denied");
  return false;
}
