import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ApiError, createApi } from "../js/api.js";

/** A fetch that records each call and answers from the queue of responses given. */
function fakeFetch(...responses) {
  const calls = [];
  const fetch = async (url, init) => {
    calls.push({ url, init });
    const next = responses.shift();
    if (next instanceof Error) {
      throw next;
    }
    return next;
  };
  return { fetch, calls };
}

const json = (status, body) => new Response(body === undefined ? null : JSON.stringify(body),
  { status, headers: { "Content-Type": "application/json" } });

function api(fetch, { token = "tok", onUnauthorized = () => {} } = {}) {
  return createApi({ apiBase: "/api/", token: () => token, onUnauthorized, fetch });
}

describe("createApi", () => {
  test("me_always_sendsBearerTokenToApiBase", async () => {
    const { fetch, calls } = fakeFetch(json(200, { evaluatorId: "e1", name: "Ana", groups: [] }));

    const me = await api(fetch).me();

    assert.equal(me.name, "Ana");
    assert.equal(calls[0].url, "/api/me");
    assert.equal(calls[0].init.method, "GET");
    assert.equal(calls[0].init.headers.Authorization, "Bearer tok");
  });

  test("leaseNext_when204_resolvesNull", async () => {
    const { fetch, calls } = fakeFetch(new Response(null, { status: 204 }));

    assert.equal(await api(fetch).leaseNext(), null);
    assert.equal(calls[0].init.method, "POST");
    assert.equal(calls[0].url, "/api/leases");
  });

  test("submitRating_always_postsJsonToTheLeasesRatingRoute", async () => {
    const { fetch, calls } = fakeFetch(json(201, { ratingId: "r1", taskId: "t01" }));

    await api(fetch).submitRating("a/b", { submissionId: "s1" });

    assert.equal(calls[0].url, "/api/leases/a%2Fb/rating");
    assert.equal(calls[0].init.headers["Content-Type"], "application/json");
    assert.deepEqual(JSON.parse(calls[0].init.body), { submissionId: "s1" });
  });

  test("submitRating_when400_rejectsWithFieldsFromBody", async () => {
    const fields = { "outputs[0].scores.preservation": "Choose a score." };
    const { fetch } = fakeFetch(json(400, { error: "invalid_submission", message: "Fix these.", fields }));

    await assert.rejects(api(fetch).submitRating("L1", {}), (error) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.status, 400);
      assert.equal(error.code, "invalid_submission");
      assert.equal(error.message, "Fix these.");
      assert.deepEqual(error.fields, fields);
      return true;
    });
  });

  test("getLease_when410WithoutBody_rejectsWithStatusAndPlainMessage", async () => {
    const { fetch } = fakeFetch(new Response("gone", { status: 410 }));

    await assert.rejects(api(fetch).getLease("L1"), { status: 410, code: "http_410",
      message: "This is no longer available." });
  });

  test("anyCall_when401_callsOnUnauthorizedAndRejects", async () => {
    let signedOut = 0;
    const { fetch } = fakeFetch(json(401, { error: "unauthorized", message: "Expired." }));

    await assert.rejects(api(fetch, { onUnauthorized: () => { signedOut += 1; } }).me(), { status: 401 });
    assert.equal(signedOut, 1);
  });

  test("anyCall_whenNetworkFails_rejectsWithStatusZero", async () => {
    const { fetch } = fakeFetch(new TypeError("fetch failed"));

    await assert.rejects(api(fetch).releaseLease("L1"), { status: 0, code: "network" });
  });

  test("anyCall_whenNoToken_sendsNoAuthorizationHeader", async () => {
    const { fetch, calls } = fakeFetch(json(200, {}));

    await api(fetch, { token: null }).me();

    assert.equal("Authorization" in calls[0].init.headers, false);
  });
});
