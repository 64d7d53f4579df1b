// The Cognito provider against a fake /oauth2/token endpoint on 127.0.0.1 that checks what Cognito checks: the
// client, the redirect URI, the code, and that the verifier hashes to the challenge sent to /oauth2/authorize.

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { after, before, describe, test } from "node:test";
import { createAuth } from "../js/auth.js";
import { base64Url, domainOrigin, pkcePair } from "../js/auth-cognito.js";
import { MemoryStorage } from "./helpers.mjs";

const CLIENT_ID = "page-client";
const REDIRECT = "https://d111.cloudfront.net/";
const CODE = "code-from-managed-login";

/** Answers /oauth2/token for the one code whose challenge the test registered. */
function startTokenEndpoint() {
  const endpoint = { challenge: undefined, requests: [] };
  const server = createServer(async (request, response) => {
    const chunks = [];
    for await (const chunk of request) {
      chunks.push(chunk);
    }
    const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
    endpoint.requests.push({ path: request.url, type: request.headers["content-type"], form });
    const hashed = createHash("sha256").update(form.get("code_verifier") || "").digest("base64url");
    const valid = request.method === "POST" && request.url === "/oauth2/token"
      && form.get("grant_type") === "authorization_code" && form.get("client_id") === CLIENT_ID
      && form.get("redirect_uri") === REDIRECT && form.get("code") === CODE && hashed === endpoint.challenge;
    response.writeHead(valid ? 200 : 400, { "Content-Type": "application/json" });
    response.end(JSON.stringify(valid
      ? { access_token: "access.jwt.sig", id_token: "id.jwt.sig", expires_in: 3600, token_type: "Bearer" }
      : { error: "invalid_grant" }));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => {
    endpoint.server = server;
    endpoint.url = `http://127.0.0.1:${server.address().port}`;
    resolve(endpoint);
  }));
}

describe("cognito sign-in", () => {
  let endpoint;
  let storage;
  let auth;

  before(async () => {
    endpoint = await startTokenEndpoint();
  });

  after(() => new Promise((resolve) => endpoint.server.close(resolve)));

  const fresh = () => {
    storage = new MemoryStorage();
    auth = createAuth({ mode: "cognito", domain: endpoint.url, clientId: CLIENT_ID, redirectUri: REDIRECT },
      { storage, fetch });
  };

  /** begin(), then what the managed login would send back. */
  async function signInRedirect(code = CODE) {
    const authorize = new URL(await auth.begin());
    endpoint.challenge = authorize.searchParams.get("code_challenge");
    return { authorize, back: `${REDIRECT}?code=${code}&state=${authorize.searchParams.get("state")}` };
  }

  test("begin_always_pointsAtAuthorizeWithCodeFlowAndS256Challenge", async () => {
    fresh();

    const { authorize } = await signInRedirect();

    assert.equal(authorize.origin + authorize.pathname, `${endpoint.url}/oauth2/authorize`);
    const params = Object.fromEntries(authorize.searchParams);
    assert.equal(params.response_type, "code");
    assert.equal(params.client_id, CLIENT_ID);
    assert.equal(params.redirect_uri, REDIRECT);
    assert.equal(params.code_challenge_method, "S256");
    assert.match(params.code_challenge, /^[A-Za-z0-9_-]{43}$/);
    assert.match(params.scope, /\bopenid\b/);
    assert.equal(auth.kind, "redirect");
    assert.equal(auth.token(), undefined);
  });

  test("completeSignIn_whenStateMatches_tradesCodeAndVerifierForTheAccessToken", async () => {
    fresh();
    const { back } = await signInRedirect();

    assert.equal(await auth.completeSignIn(back), true);

    assert.equal(auth.token(), "access.jwt.sig");
    const exchange = endpoint.requests.at(-1);
    assert.equal(exchange.type, "application/x-www-form-urlencoded");
    assert.match(exchange.form.get("code_verifier"), /^[A-Za-z0-9_-]{43}$/);
  });

  test("completeSignIn_whenStateDiffers_rejectsWithoutCallingTheTokenEndpoint", async () => {
    fresh();
    await signInRedirect();
    const before = endpoint.requests.length;

    await assert.rejects(auth.completeSignIn(`${REDIRECT}?code=${CODE}&state=forged`), /does not belong to this tab/);

    assert.equal(endpoint.requests.length, before);
    assert.equal(auth.token(), undefined);
  });

  test("completeSignIn_whenTheVerifierIsNotTheOneChallenged_isRefusedByTheEndpoint", async () => {
    fresh();
    const { back } = await signInRedirect();
    endpoint.challenge = (await pkcePair()).challenge;

    await assert.rejects(auth.completeSignIn(back), /invalid_grant/);
    assert.equal(auth.token(), undefined);
  });

  test("completeSignIn_whenReusedAfterSuccess_rejects", async () => {
    fresh();
    const { back } = await signInRedirect();
    await auth.completeSignIn(back);

    await assert.rejects(auth.completeSignIn(back), /does not belong to this tab/);
  });

  test("completeSignIn_whenTheLoginAnsweredAnError_saysWhy_andWithoutAnAnswerIsFalse", async () => {
    fresh();
    await signInRedirect();

    await assert.rejects(auth.completeSignIn(`${REDIRECT}?error=access_denied&error_description=User+is+disabled`),
      /User is disabled/);
    assert.equal(await auth.completeSignIn(REDIRECT), false);
  });

  test("token_whenExpired_isGone", async () => {
    let clock = Date.parse("2026-11-28T12:00:00Z");
    storage = new MemoryStorage();
    auth = createAuth({ mode: "cognito", domain: endpoint.url, clientId: CLIENT_ID, redirectUri: REDIRECT },
      { storage, fetch, now: () => clock });
    const { back } = await signInRedirect();
    await auth.completeSignIn(back);

    clock += 3600 * 1000;

    assert.equal(auth.token(), undefined);
  });

  test("pkcePair_challengeIsBase64UrlSha256OfVerifier", async () => {
    const { verifier, challenge } = await pkcePair();

    assert.equal(challenge, createHash("sha256").update(verifier).digest("base64url"));
    assert.equal(base64Url(new Uint8Array([251, 255])), "-_8");
  });

  test("domainOrigin_acceptsTheStackUrlOrABareDomain", () => {
    assert.equal(domainOrigin("https://editeval-1.auth.eu-west-1.amazoncognito.com/"),
      "https://editeval-1.auth.eu-west-1.amazoncognito.com");
    assert.equal(domainOrigin("editeval-1.auth.eu-west-1.amazoncognito.com"),
      "https://editeval-1.auth.eu-west-1.amazoncognito.com");
  });
});
