// Refreshing the counts without a reload: run() every `everyMs` while the page is visible, once at once when it
// becomes visible again, never two runs at a time (one asked for meanwhile runs after). DOM-free: the timers and visibility are passed in.

/**
 * deps: { everyMs, run: () => Promise, isVisible: () => boolean, setTimer(fn, ms) -> handle, clearTimer(handle) }.
 * Returns { start(), stop(), visibilityChanged(), now() }: now() runs at once (and restarts the wait).
 */
export function createPoller({ everyMs, run, isVisible, setTimer, clearTimer }) {
  let timer;
  let running = false;
  let again = false;
  let stopped = true;

  function schedule() {
    clearTimer(timer);
    timer = stopped || !isVisible() ? undefined : setTimer(tick, everyMs);
  }

  async function tick() {
    if (stopped) {
      return;
    }
    if (running) {
      again = true; // asked for while one runs (another tab chosen): run once more after it
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await run();
      } while (again && !stopped);
    } catch {
      // A failed refresh shows on its screen; the next one tries again.
    } finally {
      running = false;
      schedule();
    }
  }

  return {
    start() {
      stopped = false;
      schedule();
    },
    stop() {
      stopped = true;
      clearTimer(timer);
      timer = undefined;
    },
    visibilityChanged() {
      if (!stopped && isVisible()) {
        tick();
      } else {
        clearTimer(timer);
        timer = undefined;
      }
    },
    now: () => tick(),
  };
}
