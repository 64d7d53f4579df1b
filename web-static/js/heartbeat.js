// Keeps the lease alive while the page is open and the rater is at work: extends it before it lapses, stops when
// the rater has been idle too long (so a forgotten tab gives the task back), and says when the lease is gone.
// DOM-free: the extend call, the clock and the timers are passed in, so the schedule can be tested.

// Extend when half the time left has passed, but never wait longer than this nor retry sooner than the minimum.
export const MAX_BEAT_MS = 5 * 60 * 1000;
export const MIN_BEAT_MS = 5 * 1000;
// No key, click or pointer for this long: stop extending; the lease lapses and the task goes back to the queue.
export const IDLE_LIMIT_MS = 20 * 60 * 1000;
const RETRY_MS = 15 * 1000;

/** How long to wait before the next extension of a lease that ends at expiresAtMs. */
export function nextBeatDelay(expiresAtMs, nowMs) {
  const left = expiresAtMs - nowMs;
  return Math.min(MAX_BEAT_MS, Math.max(MIN_BEAT_MS, Math.floor(left / 2)));
}

/**
 * deps: { extend: () => Promise<{expiresAt}> (rejects with {status}), now, setTimer(fn, ms), clearTimer(id),
 *         lastActivity: () => ms, onExtended(expiresAtIso), onExpired(reason) with reason "gone" or "idle" }.
 */
export function createHeartbeat(expiresAtIso, deps) {
  let expiresAtMs = Date.parse(expiresAtIso);
  let timer;
  let stopped = false;

  function schedule(delay) {
    if (!stopped) {
      timer = deps.setTimer(beat, delay);
    }
  }

  async function beat() {
    if (stopped) {
      return;
    }
    const now = deps.now();
    if (now - deps.lastActivity() > IDLE_LIMIT_MS) {
      stopped = true;
      deps.onExpired("idle");
      return;
    }
    try {
      const answer = await deps.extend();
      const next = Date.parse(answer && answer.expiresAt);
      if (Number.isFinite(next)) {
        expiresAtMs = next;
        deps.onExtended(answer.expiresAt);
      }
      schedule(nextBeatDelay(expiresAtMs, deps.now()));
    } catch (error) {
      if (error && error.status === 404 && !/lease/.test(String(error.code))) {
        // No extend route (a server before it, or a gateway's bare 404): the lease runs its normal length.
        stopped = true;
      } else if (error && (error.status === 404 || error.status === 410)) {
        stopped = true;
        deps.onExpired("gone");
      } else if (error && error.status === 401) {
        stopped = true; // Signed out: the sign-in form takes over; the lease lapses on its own if need be.
      } else {
        // Network or server trouble: try again soon, while there is still time.
        schedule(Math.min(RETRY_MS, Math.max(MIN_BEAT_MS, expiresAtMs - deps.now() - MIN_BEAT_MS)));
      }
    }
  }

  if (Number.isFinite(expiresAtMs)) {
    schedule(nextBeatDelay(expiresAtMs, deps.now()));
  }
  return {
    stop() {
      stopped = true;
      deps.clearTimer(timer);
    },
  };
}
