// Sign-in, chosen by config.json's auth.mode. Each mode is a provider module; this file only picks one.
// DOM-free: storage, fetch and the clock are passed in.
//
// A provider is { mode, kind, token(), signOut(), ... }:
//   kind "password": signIn(username, password) -> Promise, rejects with AuthError (the page shows a form);
//   token() -> the bearer token while it is valid, else undefined.
//   kind "redirect" (Cognito): begin() -> the URL to send the browser to; completeSignIn(url) on the way back.

import { AuthError } from "./auth-common.js";
import { createCognitoAuth } from "./auth-cognito.js";
import { createLocalAuth } from "./auth-local.js";

export { AuthError };

const PROVIDERS = { local: createLocalAuth, cognito: createCognitoAuth };

/** deps: { storage, fetch, now }. Throws AuthError when the mode is not one this page supports. */
export function createAuth(authConfig, deps) {
  const mode = authConfig && typeof authConfig.mode === "string" ? authConfig.mode : "";
  const factory = Object.hasOwn(PROVIDERS, mode) ? PROVIDERS[mode] : undefined;
  if (!factory) {
    throw new AuthError(`This page does not support the sign-in mode "${mode}" set in config.json.`);
  }
  return factory(authConfig, deps);
}
