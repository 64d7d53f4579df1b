// The key commands: the help panel, and what each key does on the task screen (the map itself is keys.js).

import { $, app } from "./app-state.js";
import { el } from "./dom.js";
import { keyAction, SHORTCUTS } from "./keys.js";
import { notify } from "./screens.js";
import { markOutput, noteActivity, saveDraft, skip, submit } from "./task-screen.js";


export function buildHelp() {
  const list = $("help-list");
  for (const shortcut of SHORTCUTS) {
    list.append(el("dt", {}, el("kbd", { text: shortcut.keys })), el("dd", { text: shortcut.does }));
  }
}

// Where the focus was before the help opened (the help button and panel excepted), to go back to on closing it.
let focusBeforeHelp;

export function toggleHelp(open) {
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
export function noteFocus(event) {
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

export function onKey(event) {
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

export function onKeyUp(event) {
  const work = app.work;
  if (work && work.flickering && event.key.toLowerCase() === "f") {
    stopFlicker(work);
  }
}

export function stopFlicker(work) {
  if (work && work.flickering) {
    work.flickering = false;
    work.viewer.setFlicker(false);
  }
}

export function openGuide() {
  window.open("guide.html", "editeval-guide", "noopener");
}
