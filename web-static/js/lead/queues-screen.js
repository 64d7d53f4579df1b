// Queue health: rating slots waiting, leases held and expired, and per queue the messages waiting, in flight and
// in the dead-letter queue.

import { el } from "../dom.js";
import { queueRows } from "./batch-progress.js";
import { badge, failureLine, heading, renderIfChanged, table } from "./panel.js";

export const queuesScreen = { id: "queues", label: "Queue health", refresh };

async function refresh(panel, { admin }) {
  let health;
  try {
    health = queueRows(await admin.queues());
  } catch (error) {
    renderIfChanged(panel, { failed: error.message }, () => [heading("Queue health"),
      failureLine(error, "Queue health")]);
    return;
  }
  renderIfChanged(panel, health, () => [
    heading("Queue health", "What is waiting to be rated, and whether the pipeline's queues are moving."),
    el("dl", { className: "counts totals" }, health.totals.map((item) => el("div", {
      className: `count ${item.alert ? "is-alert" : ""}`.trim() },
    el("dt", { text: item.label }), el("dd", { text: String(item.value) })))),
    table("Queues", [{ label: "Queue" }, { label: "Waiting", numeric: true }, { label: "In flight", numeric: true },
      { label: "Dead letters", numeric: true }, { label: "State" }],
    health.queues.map((queue) => [queue.name, queue.waiting, queue.inFlight, queue.deadLetters,
      queue.alert ? badge("messages failed: look at the function log", "danger") : badge("moving", "ok")])),
  ]);
}
