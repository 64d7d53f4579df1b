// Boot and wiring only: config -> auth -> API -> drafts, then the chrome's events to the modules that handle them:
// sign-in.js (signing in, the evaluator), screens.js (which screen, the notice), task-screen.js (show, submit, skip,
// lease clock), key-commands.js (keys and help).

import { $, app } from "./app-state.js";
import { createDraftStore } from "./draft.js";
import { buildHelp, noteFocus, onKey, onKeyUp, openGuide, stopFlicker, toggleHelp } from "./key-commands.js";
import { fatal, notify } from "./screens.js";
import { afterSignIn, onLogin, showLogin, signedOut } from "./sign-in.js";
import { connect, returnFromSignIn } from "./sign-in-form.js";
import { noteActivity, onPageHide } from "./task-screen.js";

async function boot() {
  buildHelp();
  bindChrome();
  try {
    await connect(signedOut);
  } catch (error) {
    fatal(error.message);
    return;
  }
  app.drafts = createDraftStore(window.localStorage);
  app.drafts.pruneStale();
  if (app.auth.kind === "redirect" && !(await returnFromSignIn(showLogin))) {
    return;
  }
  if (app.auth.token()) {
    await afterSignIn();
  } else {
    showLogin("");
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
