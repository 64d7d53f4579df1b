// What the rating page and the lead's page share of signing in: connecting (config -> auth -> API), the login
// form's submit, the return from the managed login, and the form's own state. Each page keeps what differs: which
// screen shows, and what happens once signed in.

import { createApi } from "./api.js";
import { $, app } from "./app-state.js";
import { AuthError, createAuth } from "./auth.js";
import { loadConfig } from "./config.js";

const FAILED = "Sign-in failed. Try again.";

/** The group whose members are leads (ApiRoute.Audience.ADMINS on the server). */
export const ADMINS_GROUP = "admins";

/** Config, the sign-in provider and the API client into app; a 401 calls onUnauthorized. Throws when misconfigured. */
export async function connect(onUnauthorized) {
  app.config = await loadConfig(window.fetch.bind(window));
  app.auth = createAuth(app.config.auth, { storage: window.sessionStorage, fetch: window.fetch.bind(window) });
  app.api = createApi({
    apiBase: app.config.apiBase,
    token: () => app.auth.token(),
    onUnauthorized,
    fetch: window.fetch.bind(window),
  });
}

/** The login form reset to a message (empty: none), ready for input; the page shows its login screen after. */
export function resetLoginForm(message) {
  $("who").hidden = true;
  $("sign-out").hidden = true;
  $("login-message").textContent = message;
  $("login-message").hidden = message === "";
  $("login-error").hidden = true;
  $("login-fields").hidden = app.auth && app.auth.kind === "redirect";
}

/** Focus where the user acts first: the button for the managed login, the username otherwise. */
export function focusLoginForm() {
  (app.auth && app.auth.kind === "redirect" ? $("login-submit") : $("login-username")).focus();
}

/** Back from the managed login: trades the code for a token; false when it failed (showLogin says why). */
export async function returnFromSignIn(showLogin) {
  try {
    if (await app.auth.completeSignIn(window.location.href)) {
      window.history.replaceState(null, "", window.location.pathname);
    }
    return true;
  } catch (error) {
    window.history.replaceState(null, "", window.location.pathname);
    showLogin(error instanceof AuthError ? error.message : FAILED);
    return false;
  }
}

/** The form's submit: signs in (or goes to the managed login), then onSignedIn(). */
export async function submitLogin(event, onSignedIn) {
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
    error.textContent = failure instanceof AuthError ? failure.message : FAILED;
    error.hidden = false;
  } finally {
    $("login-submit").disabled = false;
  }
}
