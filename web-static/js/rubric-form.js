// The rating form, built from the rubric: feasibility gate, per-output safety flag and dimension rows,
// pairwise preference, comment. It never edits the answers it is given (shape in submission.js): each change the
// rater makes goes out through hooks.onChange(change, answers) with its payload (answer-changes.js) and the answers
// after it; it never talks to the API.

import { applyChange } from "./answer-changes.js";
import { clear, el, uniqueId } from "./dom.js";
import { stepOutput } from "./keys.js";
import { commentAskedFor, commentMaxLength, gateFails, pairwiseDimensions, reasonRequired, scaleLevels,
  splitQuestion } from "./rubric.js";
import { REASON_MAX_LENGTH, TIE } from "./submission.js";

const NOT_APPLICABLE = "na";

/**
 * hooks: { onChange(change, answers), onOutputFocus(outputId), onSubmit(), onSkip() }; `answers` is read for the
 * initial choices only.
 * Returns the controller main.js uses for keys, errors and the busy state.
 */
export function createRatingForm(form, rubric, task, answers, hooks) {
  clear(form);
  let state = answers;
  const latest = () => state;
  const slots = new Map();
  const rows = [];
  let current;

  const changed = (change) => {
    state = applyChange(state, change);
    update();
    if (!form.querySelector(".has-error")) {
      actions.setMessage("");
    }
    hooks.onChange(change, state);
  };
  const safety = new Map();
  const labels = {};
  const context = { rubric, task, answers, latest, hooks, slots, rows, changed, safety, labels };

  const gate = buildGate(context);
  const outputBlocks = task.outputs.map((output, index) => buildOutputBlock(context, output, index));
  const preference = buildPreference(context);
  const comment = buildComment(context);
  const actions = buildActions(context);
  form.append(gate, ...outputBlocks.map((block) => block.element), preference || "", comment, actions.element);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    hooks.onSubmit();
  });
  form.addEventListener("focusin", (event) => {
    const row = rows.find((candidate) => candidate.element.contains(event.target));
    if (row) {
      setCurrent(row);
    }
    const block = event.target.closest("[data-output-id]");
    if (block) {
      hooks.onOutputFocus(block.dataset.outputId);
    }
  });

  function update() {
    const failed = gateFails(rubric, state.feasibility.verdict);
    for (const block of outputBlocks) {
      block.setGateFailed(failed);
    }
    if (preference) {
      preference.hidden = failed;
    }
    // Say which optional fields the rubric makes required now, as the client check and the API will.
    labels.reason.textContent = reasonRequired(rubric, state.feasibility.verdict) ? "Reason (required)"
      : "Reason (optional)";
    const asked = commentAskedFor(rubric, task.outputs.map((output) => ({ outputId: output.outputId,
      ...state.outputs[output.outputId] })));
    labels.comment.textContent = asked ? `Comment (required: what is unsafe in output ${asked.outputId})`
      : "Comment (optional)";
  }

  function setCurrent(row) {
    if (current) {
      current.element.classList.remove("is-current");
    }
    current = row;
    row.element.classList.add("is-current");
    if (row.outputId) {
      hooks.onOutputFocus(row.outputId);
    }
  }

  const visibleRows = () => rows.filter((row) => row.element.offsetParent !== null);

  function currentRow() {
    const visible = visibleRows();
    return visible.includes(current) ? current : visible[0];
  }

  update();
  // Digits and n/j start from the first question not yet answered (the gate on a fresh task).
  // row.inputs holds the scores only; a row answered N/A is answered too.
  const unanswered = visibleRows().find((row) => !row.element.querySelector("input[type=radio]:checked"));
  setCurrent(unanswered || rows[0]);

  return {
    /** Moves to the next (delta 1) or previous (-1) visible row and focuses it. */
    moveRow(delta) {
      const visible = visibleRows();
      if (visible.length === 0) {
        return;
      }
      const index = visible.indexOf(current);
      const next = index < 0 ? visible[0] : visible[Math.min(visible.length - 1, Math.max(0, index + delta))];
      next.focus();
    },
    /** Digit pressed: a score on a dimension row, the n-th option on the gate and preference rows. */
    chooseDigit(digit) {
      const row = currentRow();
      return row ? row.choose(digit) : false;
    },
    chooseNotApplicable() {
      const row = currentRow();
      return row && row.notApplicable ? row.notApplicable() : false;
    },
    /**
     * Moves to the output `step` away from outputId (or the first), never round from the last to the first: its
     * first visible row, else its safety flag. Returns { target, atEnd } (stepOutput in keys.js).
     */
    moveOutput(outputId, step) {
      const moved = stepOutput(task.outputs.map((output) => output.outputId), outputId, step);
      const target = moved.target;
      const row = visibleRows().find((candidate) => candidate.outputId === target);
      if (row) {
        row.focus();
      } else {
        safety.get(target).flag.focus();
        hooks.onOutputFocus(target);
      }
      return moved;
    },
    /** The `x` key: flags or unflags the output, and leaves focus on its flag. */
    toggleFlag(outputId) {
      const controls = safety.get(outputId);
      if (!controls) {
        return false;
      }
      controls.flag.click();
      controls.flag.focus();
      return true;
    },
    /** The `c` key: focus moves to the flagged output's next category (Space ticks it). */
    nextCategory(outputId) {
      const controls = safety.get(outputId);
      if (!controls || !controls.flag.checked || controls.boxes.length === 0) {
        return false;
      }
      const at = controls.boxes.indexOf(document.activeElement);
      controls.boxes[(at + 1) % controls.boxes.length].focus();
      return true;
    },
    /** The output the rater is working on, for the overlay key. */
    currentOutputId() {
      const row = currentRow();
      return row && row.outputId ? row.outputId : undefined;
    },
    /**
     * Shows the API's or the client check's field errors next to their fields, and the summary above the
     * buttons followed by any error that has no field on this form.
     */
    showErrors(fields, summary) {
      clearErrors(slots, actions);
      const unplaced = [];
      for (const [path, reason] of Object.entries(fields)) {
        const slot = findSlot(slots, path);
        if (slot) {
          slot.show(reason);
        } else {
          unplaced.push(`${path}: ${reason}`);
        }
      }
      // Before scrolling: the message makes the sticky action bar taller.
      actions.setMessage([summary, ...unplaced].join(" ").trim());
      const block = form.querySelector(".has-error");
      const first = block ? block.querySelector("input, textarea") : undefined;
      if (first) {
        first.focus({ preventScroll: true });
        block.scrollIntoView({ block: "nearest" });
      }
    },
    clearErrors: () => clearErrors(slots, actions),
    setMessage: (text) => actions.setMessage(text),
    setBusy: (busy, label) => actions.setBusy(busy, label),
    setProgress: (answered, required) => actions.setProgress(answered, required),
  };
}

function clearErrors(slots, actions) {
  for (const slot of new Set(slots.values())) {
    slot.hide();
  }
  actions.setMessage("");
}

// "outputs[0].scores.preservation" falls back to "outputs[0].scores", then "outputs[0]".
function findSlot(slots, path) {
  let candidate = path;
  while (candidate) {
    if (slots.has(candidate)) {
      return slots.get(candidate);
    }
    const cut = Math.max(candidate.lastIndexOf("."), candidate.lastIndexOf("["));
    candidate = cut > 0 ? candidate.slice(0, cut) : "";
  }
  return undefined;
}

function errorSlot(container) {
  const message = el("p", { className: "field-error", hidden: true, id: uniqueId("error") });
  message.setAttribute("role", "alert");
  return {
    message,
    show(reason) {
      message.textContent = reason;
      message.hidden = false;
      container.classList.add("has-error");
      for (const input of container.querySelectorAll("input, textarea")) {
        input.setAttribute("aria-invalid", "true");
      }
    },
    hide() {
      message.hidden = true;
      message.textContent = "";
      container.classList.remove("has-error");
      for (const input of container.querySelectorAll("[aria-invalid]")) {
        input.removeAttribute("aria-invalid");
      }
    },
  };
}

function register(slots, slot, ...paths) {
  for (const path of paths) {
    slots.set(path, slot);
  }
}

/** A row of radio inputs that digits and n/j can drive. */
function radioRow(element, inputs, outputId, notApplicableInput) {
  const pick = (input) => {
    if (!input) {
      return false;
    }
    input.focus();
    if (!input.checked) {
      input.checked = true;
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }
    return true;
  };
  return {
    element,
    outputId,
    inputs,
    focus() {
      const target = inputs.find((input) => input.checked) || inputs[0];
      target.focus();
      element.scrollIntoView({ block: "nearest" });
    },
    choose: (digit) => pick(inputs[digit - 1]),
    notApplicable: notApplicableInput ? () => pick(notApplicableInput) : undefined,
  };
}

/**
 * Keeps `line` showing what the hovered, focused or else chosen input means: describe(value) gives the text,
 * and `idle` is shown while nothing is chosen. Returns a function that refreshes the line after a change.
 */
function explainChoices(inputs, line, describe, idle) {
  const checkedValue = () => {
    const checked = inputs.find((input) => input.checked);
    return checked ? checked.value : undefined;
  };
  const show = (value) => {
    line.textContent = value === undefined ? idle : describe(value);
    line.classList.toggle("is-idle", value === undefined);
  };
  for (const input of inputs) {
    input.addEventListener("focus", () => show(input.value));
    input.addEventListener("blur", () => show(checkedValue()));
    input.parentElement.addEventListener("pointerenter", () => show(input.value));
    input.parentElement.addEventListener("pointerleave", () => show(checkedValue()));
  }
  const refresh = () => show(checkedValue());
  refresh();
  return refresh;
}

function buildGate({ rubric, answers, slots, rows, changed, labels }) {
  const name = uniqueId("feasibility");
  const options = rubric.feasibility.options;
  const inputs = [];
  const choices = options.map((option, index) => {
    const input = el("input", { type: "radio", name, value: option.value,
      checked: answers.feasibility.verdict === option.value });
    inputs.push(input);
    return el("label", { className: `level level-wide gate-choice${option.passes ? "" : " gate-fails"}`,
      title: option.description || "" },
      input, el("span", { text: option.label }),
      el("span", { className: "visually-hidden", text: option.description ? `: ${option.description}` : "" }));
  });
  const description = el("p", { className: "anchor gate-description" });
  const refresh = explainChoices(inputs, description,
    (value) => options.find((option) => option.value === value).description || "",
    `Choose one (keys 1–${options.length}); what each answer means shows here.`);
  for (const input of inputs) {
    input.addEventListener("change", () => {
      slot.hide();
      refresh();
      changed({ type: "verdict", value: input.value });
    });
  }
  const reasonId = uniqueId("reason");
  labels.reason = el("label", { htmlFor: reasonId, text: "Reason (optional)" });
  const reason = el("input", { type: "text", id: reasonId, className: "reason-input",
    value: answers.feasibility.reason, autocomplete: "off", maxLength: REASON_MAX_LENGTH });
  reason.addEventListener("input", () => {
    changed({ type: "reason", value: reason.value });
  });
  const fieldset = el("fieldset", { className: "block gate" },
    el("legend", { className: "block-title", text: rubric.feasibility.question }),
    el("div", { className: "levels" }, choices),
    description,
    el("div", { className: "reason" }, labels.reason, reason));
  const slot = errorSlot(fieldset);
  fieldset.append(slot.message);
  register(slots, slot, "feasibility", "feasibility.verdict", "feasibility.reason");
  rows.push(radioRow(fieldset, inputs, undefined, undefined));
  return fieldset;
}

function buildOutputBlock(context, output, index) {
  const { rubric, answers } = context;
  const answer = answers.outputs[output.outputId];
  const path = `outputs[${index}]`;
  const safety = buildSafety(context, output, answer, path);
  const dimensions = el("div", { className: "dimensions" });
  for (const dimension of rubric.dimensions) {
    dimensions.append(buildDimensionRow(context, output, answer, dimension, `${path}.scores.${dimension.id}`));
  }
  const skipped = el("p", { className: "na-note", hidden: true,
    text: "Not scored: the instruction did not pass the feasibility check, so these are recorded as N/A." });
  const element = el("section", { className: "block output-block", dataset: { outputId: output.outputId } },
    el("h2", { className: "block-title output-title", text: `Output ${output.outputId}` }),
    safety, skipped, dimensions);
  const slot = errorSlot(element);
  element.append(slot.message);
  register(context.slots, slot, path, `${path}.scores`, `${path}.outputId`);
  return {
    element,
    setGateFailed(failed) {
      dimensions.hidden = failed;
      skipped.hidden = !failed;
    },
  };
}

function buildSafety({ rubric, latest, slots, changed, safety }, output, answer, path) {
  const flagId = uniqueId("flag");
  const flag = el("input", { type: "checkbox", id: flagId, checked: answer.flagged });
  const { question, detail } = splitQuestion(rubric.safety.question);
  const categories = el("div", { className: "categories", hidden: !answer.flagged },
    detail ? el("p", { className: "categories-hint", text: detail }) : "");
  const boxes = [];
  for (const category of rubric.safety.categories) {
    const box = el("input", { type: "checkbox", value: category.value,
      checked: answer.categories.includes(category.value) });
    boxes.push(box);
    box.addEventListener("change", () => {
      const chosen = latest().outputs[output.outputId].categories.filter((value) => value !== category.value);
      changed({ type: "categories", outputId: output.outputId, value: box.checked ? [...chosen, category.value]
        : chosen });
    });
    categories.append(el("label", { className: "category", title: category.description || "" }, box, category.label));
  }
  flag.addEventListener("change", () => {
    categories.hidden = !flag.checked;
    changed({ type: "flag", outputId: output.outputId, value: flag.checked });
  });
  safety.set(output.outputId, { flag, boxes });
  const fieldset = el("fieldset", { className: "safety" },
    el("legend", { className: "visually-hidden", text: `Safety of output ${output.outputId}` }),
    el("label", { className: "flag", htmlFor: flagId, title: detail }, flag, question),
    categories);
  const slot = errorSlot(fieldset);
  fieldset.append(slot.message);
  register(slots, slot, `${path}.safety`, `${path}.safety.flagged`, `${path}.safety.categories`);
  return fieldset;
}

function buildDimensionRow({ slots, rows, changed }, output, answer, dimension, path) {
  const name = uniqueId(`score-${output.outputId}`);
  const levels = scaleLevels(dimension);
  const stored = answer.scores[dimension.id];
  const inputs = [];
  const labels = levels.map((level) => {
    const input = el("input", { type: "radio", name, value: String(level.value), checked: stored === level.value });
    inputs.push(input);
    return el("label", { className: "level", title: level.anchor },
      input, el("span", { text: String(level.value) }),
      el("span", { className: "visually-hidden", text: level.anchor ? `: ${level.anchor}` : "" }));
  });
  let notApplicable;
  const notApplicableText = dimension.notApplicableWhen
    ? `N/A – ${dimension.notApplicableWhen}` : "N/A – this does not apply to this edit.";
  if (dimension.allowNotApplicable === true) {
    notApplicable = el("input", { type: "radio", name, value: NOT_APPLICABLE, checked: stored === null });
    labels.push(el("label", { className: "level level-na", title: notApplicableText },
      notApplicable, el("span", { text: "N/A" }),
      el("span", { className: "visually-hidden", text: notApplicableText.slice(3) })));
  }
  const all = notApplicable ? [...inputs, notApplicable] : inputs;
  const anchorLine = el("p", { className: "anchor" });
  const refresh = explainChoices(all, anchorLine, (value) => {
    if (value === NOT_APPLICABLE) {
      return notApplicableText;
    }
    const level = levels.find((candidate) => String(candidate.value) === value);
    return level.anchor ? `${level.value} – ${level.anchor}` : String(level.value);
  }, dimension.question || "");
  for (const input of all) {
    input.addEventListener("change", () => {
      slot.hide();
      refresh();
      changed({ type: "score", outputId: output.outputId, dimensionId: dimension.id,
        value: input.value === NOT_APPLICABLE ? null : Number(input.value) });
    });
  }
  const legendTitle = [dimension.question, dimension.guidance].filter(Boolean).join("\n\n");
  const fieldset = el("fieldset", { className: "dim-row" },
    el("legend", { className: "dim-label", text: dimension.label, title: legendTitle }),
    el("div", { className: "levels" }, labels),
    anchorLine);
  const slot = errorSlot(fieldset);
  fieldset.append(slot.message);
  register(slots, slot, path);
  rows.push(radioRow(fieldset, inputs, output.outputId, notApplicable));
  return fieldset;
}

function buildPreference({ rubric, task, answers, slots, rows, changed }) {
  const dimensions = pairwiseDimensions(rubric, task.outputs.length);
  if (dimensions.length === 0) {
    return undefined;
  }
  const block = el("div", { className: "block preference" });
  for (const dimension of dimensions) {
    const name = uniqueId(`preference-${dimension.id}`);
    const choices = [...task.outputs.map((output) => ({ value: output.outputId, label: output.outputId })),
      { value: TIE, label: "Tie" }];
    const inputs = [];
    const labels = choices.map((choice) => {
      const input = el("input", { type: "radio", name, value: choice.value,
        checked: answers.preference[dimension.id] === choice.value });
      inputs.push(input);
      input.addEventListener("change", () => {
        slot.hide();
        changed({ type: "preference", dimensionId: dimension.id, value: choice.value });
      });
      return el("label", { className: "level level-wide" }, input, el("span", { text: choice.label }));
    });
    const fieldset = el("fieldset", { className: "pref-row" },
      el("legend", { className: "block-title", text: dimension.question || "Which output is better?" }),
      el("div", { className: "levels" }, labels));
    const slot = errorSlot(fieldset);
    fieldset.append(slot.message);
    register(slots, slot, `preference.${dimension.id}`);
    rows.push(radioRow(fieldset, inputs, undefined, undefined));
    block.append(fieldset);
  }
  const blockSlot = errorSlot(block);
  block.append(blockSlot.message);
  register(slots, blockSlot, "preference");
  return block;
}

function buildComment({ rubric, answers, slots, changed, labels }) {
  const id = uniqueId("comment");
  labels.comment = el("label", { htmlFor: id, text: "Comment (optional)" });
  const limit = commentMaxLength(rubric);
  const textarea = el("textarea", { id, rows: 2, value: answers.comment, className: "comment-input" });
  if (limit !== undefined) {
    textarea.maxLength = limit;
  }
  const counter = el("span", { className: "counter" });
  const count = () => {
    counter.textContent = limit === undefined ? "" : `${textarea.value.length} / ${limit}`;
  };
  textarea.addEventListener("input", () => {
    count();
    changed({ type: "comment", value: textarea.value });
  });
  count();
  const block = el("div", { className: "block comment" },
    el("div", { className: "comment-head" }, labels.comment, counter),
    textarea);
  const slot = errorSlot(block);
  block.append(slot.message);
  register(slots, slot, "comment");
  return block;
}

function buildActions({ hooks }) {
  const progressText = el("span", { className: "progress-text" });
  const bar = el("span", { className: "progress-bar" });
  const message = el("p", { className: "form-message", hidden: true });
  message.setAttribute("role", "alert");
  const skip = el("button", { type: "button", className: "secondary", text: "Skip task" });
  skip.addEventListener("click", () => hooks.onSkip());
  const submitLabel = el("span", { text: "Submit" });
  const submit = el("button", { type: "submit", className: "primary" }, submitLabel, el("kbd", { text: "Ctrl ↵" }));
  const element = el("div", { className: "actions" },
    message,
    el("div", { className: "actions-row" },
      el("span", { className: "progress" }, el("span", { className: "progress-track" }, bar), progressText),
      skip, submit));
  return {
    element,
    setMessage(text) {
      message.textContent = text;
      message.hidden = text === "";
    },
    setBusy(busy, label) {
      submit.disabled = busy;
      skip.disabled = busy;
      submitLabel.textContent = busy && label ? label : "Submit";
    },
    setProgress(answered, required) {
      progressText.textContent = `${answered} / ${required}`;
      bar.style.width = `${required > 0 ? Math.round((answered / required) * 100) : 0}%`;
      progressText.title = `${answered} of ${required} required answers given`;
    },
  };
}
