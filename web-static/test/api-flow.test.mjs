// The page's API and sign-in modules against the fake server over real HTTP on 127.0.0.1: the whole rating
// flow a rater goes through, minus the DOM.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createApi } from "../js/api.js";
import { createAuth } from "../js/auth.js";
import { buildSubmission, emptyAnswers, validateSubmission } from "../js/submission.js";
import { startFakeApi } from "./fake-api.mjs";
import { fullAnswers, MemoryStorage } from "./helpers.mjs";

describe("rating flow against the fake API", () => {
  let fake;
  let api;
  let auth;
  let unauthorized = 0;

  before(async () => {
    fake = await startFakeApi();
    const fetchAt = (url, init) => fetch(new URL(url, fake.url), init);
    auth = createAuth({ mode: "local", tokenUrl: "/auth/token" }, { storage: new MemoryStorage(), fetch: fetchAt });
    api = createApi({ apiBase: "/api", token: () => auth.token(), onUnauthorized: () => { unauthorized += 1; },
      fetch: fetchAt });
  });

  after(() => new Promise((resolve) => fake.server.close(resolve)));

  test("signIn_thenMe_namesTheEvaluator", async () => {
    await assert.rejects(auth.signIn("ana", "wrong"), /Wrong username or password/);
    await auth.signIn("ana", "password");

    assert.equal((await api.me()).name, "ana");
  });

  const rateAll = (task, submissionId) => buildSubmission(task.rubric, task, fullAnswers(task.rubric, task),
    { submissionId, timeOnTaskMs: 1000, interactions: {} });
  const rateImpossible = (task, submissionId) => buildSubmission(task.rubric, task,
    { ...emptyAnswers(task), feasibility: { verdict: "impossible", reason: "nothing to change" } },
    { submissionId, timeOnTaskMs: 1000, interactions: {} });

  test("submitRating_whenIncomplete_answers400WithTheSameFieldsTheClientFinds", async () => {
    const task = await api.leaseNext();
    const incomplete = buildSubmission(task.rubric, task,
      { ...emptyAnswers(task), feasibility: { verdict: "valid", reason: "" } },
      { submissionId: "sub-1", timeOnTaskMs: 1000, interactions: {} });

    const rejected = await api.submitRating(task.leaseId, incomplete).catch((error) => error);

    assert.equal(rejected.status, 400);
    assert.ok(Object.keys(rejected.fields).length > 0);
    assert.deepEqual(rejected.fields, validateSubmission(task.rubric, task, incomplete));
    await api.releaseLease(task.leaseId);
  });

  test("submitRating_whenRetriedWithSameSubmissionId_isAnsweredNotStoredTwice", async () => {
    const task = await api.leaseNext();
    assert.equal((await api.getLease(task.leaseId)).taskId, task.taskId);
    const body = rateAll(task, "sub-2");

    const first = await api.submitRating(task.leaseId, body);
    const retry = await api.submitRating(task.leaseId, body);

    assert.equal(retry.ratingId, first.ratingId);
    assert.equal(fake.state.submissions.filter((stored) => stored.submissionId === "sub-2").length, 1);
  });

  test("releaseLease_thenLeaseNext_givesTheSameTaskBack", async () => {
    const skipped = await api.leaseNext();
    await api.releaseLease(skipped.leaseId);
    await assert.rejects(api.getLease(skipped.leaseId), { status: 404 });

    const again = await api.leaseNext();

    assert.equal(again.taskId, skipped.taskId);
    await api.submitRating(again.leaseId, rateImpossible(again, "sub-3"));
  });

  test("extendLease_movesTheExpiryLater_andAfterReleaseIs404", async () => {
    const task = await api.leaseNext();
    await new Promise((resolve) => setTimeout(resolve, 5));

    const extended = await api.extendLease(task.leaseId);

    assert.ok(Date.parse(extended.expiresAt) > Date.parse(task.expiresAt));
    await api.releaseOnExit(task.leaseId);
    await assert.rejects(api.extendLease(task.leaseId), { status: 404 });
  });

  test("leaseNext_whenEverythingRated_resolvesNull", async () => {
    for (let task = await api.leaseNext(); task !== null; task = await api.leaseNext()) {
      await api.submitRating(task.leaseId, rateImpossible(task, `sub-${task.taskId}`));
    }

    assert.equal(await api.leaseNext(), null);
    assert.equal(fake.state.submissions.length, 3);
    const today = (await api.me()).today;
    assert.equal(today.rated, 3);
    assert.equal(today.medianTimeOnTaskMs, 1000);
  });

  test("expiredToken_callsOnUnauthorized", async () => {
    auth.signOut();

    await assert.rejects(api.me(), { status: 401 });
    assert.equal(unauthorized, 1);
  });
});

describe("lease cap", () => {
  let fake;

  before(async () => {
    fake = await startFakeApi({ maxLeases: 1 });
  });

  after(() => new Promise((resolve) => fake.server.close(resolve)));

  test("leaseNext_whenAtTheCap_rejects429TooManyLeases", async () => {
    const fetchAt = (url, init) => fetch(new URL(url, fake.url), init);
    const auth = createAuth({ mode: "local", tokenUrl: "/auth/token" }, { storage: new MemoryStorage(), fetch: fetchAt });
    await auth.signIn("bo", "password");
    const api = createApi({ apiBase: "/api", token: () => auth.token(), onUnauthorized: assert.fail, fetch: fetchAt });
    await api.leaseNext();

    await assert.rejects(api.leaseNext(), { status: 429, code: "too_many_leases" });
  });
});
