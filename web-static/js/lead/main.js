// Boot and wiring of the lead's page (lead.html): config, sign-in and API as the rating page does them, the admins
// check, the tabs, and a refresh of the screen on show every 15 s while the page is visible.

import { $, app } from "../app-state.js";
import { adjudicationScreen } from "./adjudication-screen.js";
import { createAdminApi } from "./admin-api.js";
import { batchesScreen } from "./batches-screen.js";
import { evaluatorsScreen } from "./evaluators-screen.js";
import { formatClock } from "./lead-format.js";
import { createPoller } from "./poller.js";
import { queuesScreen } from "./queues-screen.js";
import { askReason, bindReasonDialog } from "./reason-dialog.js";
import { resultsScreen } from "./results-screen.js";
import { safetyScreen } from "./safety-screen.js";
import { admitLead, fatal, show, showLogin } from "./session.js";
import { connect, returnFromSignIn, submitLogin } from "../sign-in-form.js";
import { buildTabs } from "./tabs.js";

export const REFRESH_MS = 15_000;
const SCREENS = [batchesScreen, queuesScreen, evaluatorsScreen, adjudicationScreen, safetyScreen, resultsScreen];

let tabs;
let poller;
let noticeTimer;

function notify(text, tone = "info") {
  $("notice-text").textContent = text;
  $("notice").dataset.tone = tone;
  $("notice").hidden = text === "";
  window.clearTimeout(noticeTimer);
  if (tone !== "warn" && text !== "") {
    noticeTimer = window.setTimeout(() => notify(""), 5000);
  }
}

async function refreshCurrent() {
  const screen = SCREENS.find((candidate) => candidate.id === tabs.current());
  await screen.refresh($(`panel-${screen.id}`), context);
  $("refreshed").textContent = `Updated ${formatClock(Date.now())}`;
  $("refreshed").hidden = false;
}

const context = {
  admin: undefined,
  notify,
  askReason,
  refreshNow: () => poller.now(),
};

async function boot() {
  bindReasonDialog();
  $("notice-close").addEventListener("click", () => notify(""));
  try {
    await connect(signedOut);
  } catch (error) {
    fatal(error.message);
    return;
  }
  context.admin = createAdminApi(app.api);
  poller = createPoller({ everyMs: REFRESH_MS, run: refreshCurrent, isVisible: () => document.visibilityState
    === "visible", setTimer: (fn, ms) => window.setTimeout(fn, ms), clearTimer: (handle) => window.clearTimeout(handle) });
  document.addEventListener("visibilitychange", () => poller.visibilityChanged());
  $("login-form").addEventListener("submit", (event) => submitLogin(event, afterSignIn));
  $("sign-out").addEventListener("click", () => {
    poller.stop();
    app.auth.signOut();
    if (typeof app.auth.signOutUrl === "function") {
      window.location.assign(app.auth.signOutUrl());
      return;
    }
    showLogin("Signed out.");
  });
  if (app.auth.kind === "redirect" && !(await returnFromSignIn(showLogin))) {
    return;
  }
  if (app.auth.token()) {
    await afterSignIn();
  } else {
    showLogin("");
  }
}

function signedOut() {
  poller.stop();
  app.auth.signOut();
  if ($("screen-login").hidden) {
    showLogin("Your sign-in has expired. Sign in again to continue.");
  }
}

async function afterSignIn() {
  let me;
  try {
    me = await context.admin.me();
  } catch (error) {
    if (error.status !== 401) {
      fatal(`Could not load your profile: ${error.message}`);
    }
    return;
  }
  if (!admitLead(me)) {
    return;
  }
  show("screen-console");
  poller.start();
  tabs = tabs || buildTabs($("tabs"), SCREENS, () => poller.now());
  tabs.select(window.location.hash.slice(1));
}

boot();
