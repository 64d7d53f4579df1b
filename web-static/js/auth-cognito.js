// Cognito sign-in: the user pool's managed login with the authorization code grant and PKCE (RFC 7636), as the
// CDK stack configures the page's public client. config.json: {"mode":"cognito","domain","clientId","redirectUri"}.
// DOM-free: storage (sessionStorage), fetch, crypto and the clock are passed in; the page does the redirects.
//
//   begin()               -> the /oauth2/authorize URL to send the browser to (state and verifier kept in storage)
//   completeSignIn(url)   -> on the way back: checks state, trades the code + verifier at /oauth2/token;
//                            resolves true when it signed in, false when the URL carries no sign-in answer
//   token()               -> the access token while it is valid

import { AuthError, jwtExpiryMs } from "./auth-common.js";

const SESSION_KEY = "editeval.session";
const PENDING_KEY = "editeval.pkce";
const EXPIRY_MARGIN_MS = 30 * 1000;
const SCOPES = "openid email profile";
// A sign-in not finished within this time is stale (someone else's tab, an old bookmark).
const PENDING_MAX_AGE_MS = 10 * 60 * 1000;

/** Base64url without padding, of bytes. */
export function base64Url(bytes) {
  let binary = "";
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** A PKCE verifier (43 characters from 32 random bytes) and its S256 challenge. */
export async function pkcePair(cryptoImpl = globalThis.crypto) {
  const verifier = base64Url(cryptoImpl.getRandomValues(new Uint8Array(32)));
  const digest = await cryptoImpl.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return { verifier, challenge: base64Url(new Uint8Array(digest)) };
}

/** The user pool domain as an origin: "x.auth.eu-west-1.amazoncognito.com" or a full URL, no trailing slash. */
export function domainOrigin(domain) {
  const trimmed = domain.trim().replace(/\/+$/, "");
  // The page's files name no origin (page-files test); the scheme is put together here.
  return /^https?:\/\//.test(trimmed) ? trimmed : `https:${"//"}${trimmed}`;
}

export function createCognitoAuth(authConfig, deps) {
  const { storage, fetch: fetchImpl, now = () => Date.now(), crypto: cryptoImpl = globalThis.crypto } = deps;
  for (const name of ["domain", "clientId", "redirectUri"]) {
    if (typeof authConfig[name] !== "string" || authConfig[name] === "") {
      throw new AuthError(`config.json: auth.${name} is missing for the cognito sign-in mode.`);
    }
  }
  const origin = domainOrigin(authConfig.domain);
  const { clientId, redirectUri } = authConfig;

  const readJson = (key) => {
    try {
      return JSON.parse(storage.getItem(key) || "null");
    } catch {
      return null;
    }
  };

  function signOut() {
    storage.removeItem(SESSION_KEY);
  }

  async function exchange(code, verifier) {
    const body = new URLSearchParams({ grant_type: "authorization_code", client_id: clientId, code,
      redirect_uri: redirectUri, code_verifier: verifier });
    let response;
    try {
      response = await fetchImpl(`${origin}/oauth2/token`, { method: "POST", body: body.toString(),
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" } });
    } catch {
      throw new AuthError("Could not reach the sign-in service. Check your connection and try again.");
    }
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new AuthError(`Sign-in failed: ${answer.error || `the sign-in service answered ${response.status}`}.`
        + " Sign in again.");
    }
    const token = typeof answer.access_token === "string" ? answer.access_token : answer.id_token;
    if (typeof token !== "string" || token === "") {
      throw new AuthError("Sign-in failed: the sign-in service sent no token.");
    }
    const expiresAtMs = Number.isFinite(answer.expires_in) ? now() + answer.expires_in * 1000 : jwtExpiryMs(token);
    storage.setItem(SESSION_KEY, JSON.stringify({ token, expiresAtMs }));
  }

  return {
    mode: "cognito",
    kind: "redirect",

    token() {
      const session = readJson(SESSION_KEY);
      if (!session || typeof session.token !== "string") {
        return undefined;
      }
      if (typeof session.expiresAtMs === "number" && now() >= session.expiresAtMs - EXPIRY_MARGIN_MS) {
        signOut();
        return undefined;
      }
      return session.token;
    },

    async begin() {
      const { verifier, challenge } = await pkcePair(cryptoImpl);
      const state = base64Url(cryptoImpl.getRandomValues(new Uint8Array(16)));
      storage.setItem(PENDING_KEY, JSON.stringify({ state, verifier, at: now() }));
      const query = new URLSearchParams({ response_type: "code", client_id: clientId, redirect_uri: redirectUri,
        scope: SCOPES, state, code_challenge: challenge, code_challenge_method: "S256" });
      return `${origin}/oauth2/authorize?${query}`;
    },

    async completeSignIn(url) {
      const params = new URL(url).searchParams;
      if (!params.has("code") && !params.has("error")) {
        return false;
      }
      const pending = readJson(PENDING_KEY);
      storage.removeItem(PENDING_KEY);
      if (params.has("error")) {
        throw new AuthError(`Sign-in failed: ${params.get("error_description") || params.get("error")}.`);
      }
      if (!pending || pending.state !== params.get("state") || now() - pending.at > PENDING_MAX_AGE_MS) {
        throw new AuthError("This sign-in link does not belong to this tab or is too old. Sign in again.");
      }
      await exchange(params.get("code"), pending.verifier);
      return true;
    },

    /** The managed login's sign-out, which ends its session too and comes back to the page. */
    signOutUrl() {
      return `${origin}/logout?${new URLSearchParams({ client_id: clientId, logout_uri: redirectUri })}`;
    },

    signOut,
  };
}
