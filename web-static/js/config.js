// The deploy-time config.json: where the API is and how to sign in. DOM-free; the page passes its fetch.
//
//   local: {"apiBase": "/api", "auth": {"mode": "local", "tokenUrl": "/auth/token"}}
//   AWS:   {"apiBase": "/api", "auth": {"mode": "cognito", "domain": "...", "clientId": "...", "redirectUri": "..."}}

/** The config, checked, or an Error naming what is wrong with it. */
export function parseConfig(json) {
  if (!json || typeof json !== "object") {
    throw new Error("config.json is not a JSON object.");
  }
  if (typeof json.apiBase !== "string" || json.apiBase === "") {
    throw new Error("config.json: apiBase is missing (e.g. \"/api\").");
  }
  if (!json.auth || typeof json.auth !== "object" || typeof json.auth.mode !== "string") {
    throw new Error("config.json: auth.mode is missing (e.g. \"local\").");
  }
  return { apiBase: json.apiBase, auth: { ...json.auth } };
}

export async function loadConfig(fetchImpl, url = "config.json") {
  let response;
  try {
    response = await fetchImpl(url, { cache: "no-store" });
  } catch {
    throw new Error("Could not load config.json. Check your connection and reload.");
  }
  if (!response.ok) {
    throw new Error(`Could not load config.json: the server answered ${response.status}.`);
  }
  let json;
  try {
    json = await response.json();
  } catch {
    throw new Error("config.json is not valid JSON.");
  }
  return parseConfig(json);
}
