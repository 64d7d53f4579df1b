// What the idle screen says when the API will not lease a task (docs/api.md, POST /api/leases): who decided it and
// what the evaluator can do, rather than "something went wrong". DOM-free, so node --test checks it.

const STOPPED = {
  paused: "Your rating is paused",
  removed: "You are no longer rating",
  screening_failed: "Screening not passed",
};

/**
 * { title, text, button } for a refused lease (403 paused/removed/screening_failed, 429 too many open), or null for
 * any other failure, which the page reports as an error.
 */
export function leaseRefusal(status, code, message) {
  if (status === 429) {
    return { title: "Too many tasks open", button: "Try again",
      text: `${message} Tasks you left open go back to the queue when their lease runs out.` };
  }
  if (status === 403 && Object.hasOwn(STOPPED, code)) {
    return { title: STOPPED[code], button: "Check again",
      text: `${message} A lead decides this; ask them, then check again.` };
  }
  return null;
}
