// The one modal of the lead's page: asks for a reason before pausing or removing an evaluator (a <dialog>, not
// window.prompt, so it is styled, labelled and keyboard-usable like the rest).

import { $ } from "../app-state.js";

/** Resolves to the reason typed (possibly "") on Confirm, or null on Cancel / Esc. */
export function askReason(title, text, confirmLabel) {
  const dialog = $("reason-dialog");
  $("reason-title").textContent = title;
  $("reason-text").textContent = text;
  $("reason-confirm").textContent = confirmLabel;
  $("reason-input").value = "";
  return new Promise((resolve) => {
    const done = (value) => {
      dialog.removeEventListener("close", onClose);
      $("reason-cancel").removeEventListener("click", onCancel);
      resolve(value);
    };
    const onClose = () => done(dialog.returnValue === "confirm" ? $("reason-input").value.trim() : null);
    const onCancel = () => dialog.close("cancel");
    dialog.addEventListener("close", onClose);
    $("reason-cancel").addEventListener("click", onCancel);
    dialog.returnValue = "";
    dialog.showModal();
    $("reason-input").focus();
  });
}

/** Confirm closes the dialog with "confirm" (the form's method="dialog" submit). */
export function bindReasonDialog() {
  $("reason-form").addEventListener("submit", (event) => {
    event.preventDefault();
    $("reason-dialog").close("confirm");
  });
}
