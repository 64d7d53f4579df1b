import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createHeartbeat, IDLE_LIMIT_MS, MAX_BEAT_MS, MIN_BEAT_MS, nextBeatDelay } from "../js/heartbeat.js";

/** A clock and timer queue the test advances by hand. */
function fakeTime(start = Date.parse("2026-11-28T12:00:00Z")) {
  const timers = [];
  const time = {
    now: start,
    timers,
    setTimer: (fn, ms) => {
      timers.push({ fn, at: time.now + ms, ms });
      return timers.length - 1;
    },
    clearTimer: (id) => {
      if (timers[id]) {
        timers[id].cancelled = true;
      }
    },
    /** Runs the next pending timer, moving the clock to it. */
    async fire() {
      const next = timers.find((timer) => !timer.done && !timer.cancelled);
      assert.ok(next, "no timer pending");
      next.done = true;
      time.now = next.at;
      await next.fn();
    },
    pending: () => timers.filter((timer) => !timer.done && !timer.cancelled),
  };
  return time;
}

const iso = (ms) => new Date(ms).toISOString();

describe("heartbeat", () => {
  test("nextBeatDelay_isHalfTheTimeLeft_withinBounds", () => {
    assert.equal(nextBeatDelay(600_000, 0), 300_000);
    assert.equal(nextBeatDelay(3_600_000, 0), MAX_BEAT_MS);
    assert.equal(nextBeatDelay(4_000, 0), MIN_BEAT_MS);
    assert.equal(nextBeatDelay(0, 10_000), MIN_BEAT_MS);
  });

  test("createHeartbeat_whileActive_extendsBeforeExpiryAndFollowsTheNewExpiry", async () => {
    const time = fakeTime();
    const extended = [];
    let lease = time.now + 120_000;
    createHeartbeat(iso(lease), { now: () => time.now, setTimer: time.setTimer, clearTimer: time.clearTimer,
      lastActivity: () => time.now, onExtended: (at) => extended.push(at), onExpired: assert.fail,
      extend: async () => {
        lease = time.now + 120_000;
        return { expiresAt: iso(lease) };
      } });

    assert.equal(time.pending()[0].ms, 60_000);
    await time.fire();
    await time.fire();

    assert.equal(extended.length, 2);
    assert.equal(extended[1], iso(lease));
    assert.ok(time.pending()[0].at < lease, "the next beat comes before the lease ends");
  });

  test("createHeartbeat_whenLeaseGone_reportsExpiredAndStops", async () => {
    const time = fakeTime();
    const expired = [];
    createHeartbeat(iso(time.now + 60_000), { now: () => time.now, setTimer: time.setTimer,
      clearTimer: time.clearTimer, lastActivity: () => time.now, onExtended: assert.fail,
      onExpired: (reason) => expired.push(reason), extend: () => Promise.reject(Object.assign(new Error("x"), { status: 410 })) });

    await time.fire();

    assert.deepEqual(expired, ["gone"]);
    assert.equal(time.pending().length, 0);
  });

  for (const code of ["not_found", "http_404"]) {
    test(`createHeartbeat_whenTheServerHasNoExtendRoute_${code}_stopsQuietly`, async () => {
      const time = fakeTime();
      createHeartbeat(iso(time.now + 60_000), { now: () => time.now, setTimer: time.setTimer,
        clearTimer: time.clearTimer, lastActivity: () => time.now, onExtended: assert.fail, onExpired: assert.fail,
        extend: () => Promise.reject(Object.assign(new Error("x"), { status: 404, code })) });

      await time.fire();

      assert.equal(time.pending().length, 0);
    });
  }

  test("createHeartbeat_whenTheLeaseIsUnknown_reportsGone", async () => {
    const time = fakeTime();
    const expired = [];
    createHeartbeat(iso(time.now + 60_000), { now: () => time.now, setTimer: time.setTimer,
      clearTimer: time.clearTimer, lastActivity: () => time.now, onExtended: assert.fail,
      onExpired: (reason) => expired.push(reason),
      extend: () => Promise.reject(Object.assign(new Error("x"), { status: 404, code: "lease_not_found" })) });

    await time.fire();

    assert.deepEqual(expired, ["gone"]);
  });

  test("createHeartbeat_whenIdleTooLong_stopsExtending", async () => {
    const time = fakeTime();
    const expired = [];
    const idleSince = time.now - IDLE_LIMIT_MS;
    let calls = 0;
    createHeartbeat(iso(time.now + 60_000), { now: () => time.now, setTimer: time.setTimer,
      clearTimer: time.clearTimer, lastActivity: () => idleSince, onExtended: () => {},
      onExpired: (reason) => expired.push(reason), extend: async () => { calls += 1; return {}; } });

    await time.fire();

    assert.equal(calls, 0);
    assert.deepEqual(expired, ["idle"]);
  });

  test("createHeartbeat_whenNetworkFails_retriesSoon", async () => {
    const time = fakeTime();
    createHeartbeat(iso(time.now + 600_000), { now: () => time.now, setTimer: time.setTimer,
      clearTimer: time.clearTimer, lastActivity: () => time.now, onExtended: () => {}, onExpired: assert.fail,
      extend: () => Promise.reject(Object.assign(new Error("offline"), { status: 0 })) });

    await time.fire();

    assert.equal(time.pending()[0].ms, 15_000);
  });

  test("stop_cancelsThePendingBeat", () => {
    const time = fakeTime();
    const beat = createHeartbeat(iso(time.now + 60_000), { now: () => time.now, setTimer: time.setTimer,
      clearTimer: time.clearTimer, lastActivity: () => time.now, onExtended: () => {}, onExpired: () => {},
      extend: async () => ({}) });

    beat.stop();

    assert.equal(time.pending().length, 0);
  });
});
