// Local sign-in (the `./editeval up` server): POST {username, password} as JSON to auth.tokenUrl, get back
// {token, expiresAt}. The token lives in sessionStorage: it ends with the tab, drafts (localStorage) do not.

import { AuthError, jwtExpiryMs } from "./auth-common.js";

const SESSION_KEY = "editeval.session";
// Treat a token as expired a little early so a request is not sent with one about to lapse.
const EXPIRY_MARGIN_MS = 30 * 1000;

export function createLocalAuth(authConfig, { storage, fetch: fetchImpl, now = () => Date.now() }) {
  const tokenUrl = authConfig.tokenUrl;
  if (typeof tokenUrl !== "string" || tokenUrl === "") {
    throw new AuthError("config.json: auth.tokenUrl is missing for the local sign-in mode.");
  }

  function readSession() {
    try {
      const session = JSON.parse(storage.getItem(SESSION_KEY) || "null");
      return session && typeof session.token === "string" ? session : undefined;
    } catch {
      return undefined;
    }
  }

  function signOut() {
    storage.removeItem(SESSION_KEY);
  }

  return {
    mode: "local",
    kind: "password",

    token() {
      const session = readSession();
      if (!session) {
        return undefined;
      }
      if (typeof session.expiresAtMs === "number" && now() >= session.expiresAtMs - EXPIRY_MARGIN_MS) {
        signOut();
        return undefined;
      }
      return session.token;
    },

    async signIn(username, password) {
      let response;
      try {
        response = await fetchImpl(tokenUrl, {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify({ username, password }),
        });
      } catch {
        throw new AuthError("Could not reach the sign-in server. Check your connection and try again.");
      }
      if (response.status === 400 || response.status === 401 || response.status === 403) {
        throw new AuthError("Wrong username or password.");
      }
      if (!response.ok) {
        throw new AuthError(`Sign-in failed: the server answered ${response.status}.`);
      }
      const body = await response.json().catch(() => ({}));
      if (typeof body.token !== "string" || body.token === "") {
        throw new AuthError("Sign-in failed: the server sent no token.");
      }
      const parsed = Date.parse(body.expiresAt);
      const expiresAtMs = Number.isFinite(parsed) ? parsed : jwtExpiryMs(body.token);
      storage.setItem(SESSION_KEY, JSON.stringify({ token: body.token, expiresAtMs }));
    },

    signOut,
  };
}
