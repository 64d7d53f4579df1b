import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { AuthError, createAuth } from "../js/auth.js";
import { jwtExpiryMs } from "../js/auth-common.js";
import { MemoryStorage } from "./helpers.mjs";

const tokenResponse = (body, status = 200) => async () => new Response(JSON.stringify(body), { status });
const local = { mode: "local", tokenUrl: "/auth/token" };

function jwtWithExp(exp) {
  const part = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "none" })}.${part({ sub: "u1", exp })}.sig`;
}

describe("createAuth", () => {
  for (const config of [{ mode: "cognito", domain: "d", clientId: "c" }, { mode: "saml" }, { mode: "" }, undefined]) {
    test(`createAuth_whenMode${config ? JSON.stringify(config.mode) : "Missing"}_throwsAuthError`, () => {
      assert.throws(() => createAuth(config, { storage: new MemoryStorage(), fetch }), AuthError);
    });
  }

  test("createAuth_whenLocalWithoutTokenUrl_throwsAuthError", () => {
    assert.throws(() => createAuth({ mode: "local" }, { storage: new MemoryStorage(), fetch }), /tokenUrl/);
  });
});

describe("local sign-in", () => {
  test("signIn_whenAccepted_postsCredentialsAndKeepsToken", async () => {
    const calls = [];
    const fakeFetch = async (url, init) => {
      calls.push({ url, init });
      return new Response(JSON.stringify({ token: "jwt-1", expiresAt: "2030-01-01T00:00:00Z" }), { status: 200 });
    };
    const auth = createAuth(local, { storage: new MemoryStorage(), fetch: fakeFetch, now: () => 0 });

    await auth.signIn("ana", "pw");

    assert.equal(calls[0].url, "/auth/token");
    assert.deepEqual(JSON.parse(calls[0].init.body), { username: "ana", password: "pw" });
    assert.equal(auth.token(), "jwt-1");
  });

  test("token_whenExpired_isGoneAndSessionCleared", async () => {
    const storage = new MemoryStorage();
    let clock = Date.parse("2030-01-01T00:00:00Z") - 60_000;
    const auth = createAuth(local, { storage, fetch: tokenResponse({ token: "jwt-1",
      expiresAt: "2030-01-01T00:00:00Z" }), now: () => clock });
    await auth.signIn("ana", "pw");

    clock += 45_000;

    assert.equal(auth.token(), undefined);
    assert.equal(storage.length, 0);
  });

  test("signIn_whenNoExpiresAt_usesJwtExpClaim", async () => {
    let clock = 0;
    const auth = createAuth(local, { storage: new MemoryStorage(), fetch: tokenResponse({ token: jwtWithExp(100) }),
      now: () => clock });
    await auth.signIn("ana", "pw");

    assert.ok(auth.token());
    clock = 100_000;
    assert.equal(auth.token(), undefined);
  });

  test("signIn_when401_rejectsWithWrongPassword", async () => {
    const auth = createAuth(local, { storage: new MemoryStorage(), fetch: tokenResponse({}, 401) });

    await assert.rejects(auth.signIn("ana", "bad"), { name: "AuthError", message: "Wrong username or password." });
    assert.equal(auth.token(), undefined);
  });

  test("signIn_whenNoTokenInAnswer_rejects", async () => {
    const auth = createAuth(local, { storage: new MemoryStorage(), fetch: tokenResponse({ expiresAt: "x" }) });

    await assert.rejects(auth.signIn("ana", "pw"), /no token/);
  });

  test("signOut_always_forgetsToken", async () => {
    const auth = createAuth(local, { storage: new MemoryStorage(), fetch: tokenResponse({ token: "t" }) });
    await auth.signIn("ana", "pw");

    auth.signOut();

    assert.equal(auth.token(), undefined);
  });
});

describe("jwtExpiryMs", () => {
  test("jwtExpiryMs_whenExpClaim_returnsMilliseconds", () => {
    assert.equal(jwtExpiryMs(jwtWithExp(1_700_000_000)), 1_700_000_000_000);
  });

  for (const token of ["opaque", "a.b.c", jwtWithExp("soon"), undefined]) {
    test(`jwtExpiryMs_when${String(token).slice(0, 8)}_returnsUndefined`, () => {
      assert.equal(jwtExpiryMs(token), undefined);
    });
  }
});
