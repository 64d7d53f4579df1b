// The rating API (docs/api.md) behind one fetch wrapper: bearer token, JSON bodies, errors as ApiError.
// DOM-free: fetch and the token source are passed in, so node --test can drive it with a fake fetch.

/** An answer other than 2xx, or no answer at all (status 0, code "network"). */
export class ApiError extends Error {
  constructor(status, code, message, fields = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

const STATUS_MESSAGES = {
  400: "The server did not accept this request.",
  401: "Your sign-in has expired. Please sign in again.",
  403: "Your account may not do this.",
  404: "Not found.",
  409: "This was already done.",
  410: "This is no longer available.",
  429: "Too many requests; wait a moment and try again.",
};

/** The ApiError for a non-2xx response, reading the API's {error, message, fields} body when there is one. */
export async function errorFromResponse(response) {
  let body = {};
  try {
    body = await response.json();
  } catch {
    body = {};
  }
  const code = typeof body.error === "string" ? body.error : `http_${response.status}`;
  const fallback = STATUS_MESSAGES[response.status] || `The server answered ${response.status}.`;
  const message = typeof body.message === "string" && body.message !== "" ? body.message : fallback;
  const fields = body.fields && typeof body.fields === "object" ? body.fields : {};
  return new ApiError(response.status, code, message, fields);
}

/**
 * options: { apiBase, token: () => string | undefined, onUnauthorized: () => void, fetch }.
 * Every method resolves to the parsed body (null for 204) or rejects with an ApiError.
 */
export function createApi({ apiBase, token, onUnauthorized, fetch: fetchImpl }) {
  const base = apiBase.replace(/\/+$/, "");

  async function call(method, path, body, extra = {}) {
    const headers = { Accept: "application/json" };
    const bearer = token();
    if (bearer) {
      headers.Authorization = `Bearer ${bearer}`;
    }
    const init = { method, headers, ...extra };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetchImpl(base + path, init);
    } catch {
      throw new ApiError(0, "network", "Could not reach the server. Check your connection and try again.");
    }
    if (response.status === 401) {
      onUnauthorized();
    }
    if (!response.ok) {
      throw await errorFromResponse(response);
    }
    if (response.status === 204) {
      return null;
    }
    return response.json();
  }

  const lease = (leaseId) => `/leases/${encodeURIComponent(leaseId)}`;

  return {
    me: () => call("GET", "/me"),
    /** The next task view, or null when no task is waiting (204). */
    leaseNext: () => call("POST", "/leases"),
    getLease: (leaseId) => call("GET", lease(leaseId)),
    releaseLease: (leaseId) => call("DELETE", lease(leaseId)),
    /** 200 {expiresAt}; 404/410 when the lease is gone. */
    extendLease: (leaseId) => call("POST", `${lease(leaseId)}/extend`),
    /**
     * Gives the task back while the page closes. sendBeacon cannot carry the bearer header, so a keepalive fetch
     * (which outlives the page) sends the DELETE; nothing waits for or reports its answer.
     */
    releaseOnExit: (leaseId) => call("DELETE", lease(leaseId), undefined, { keepalive: true }).catch(() => undefined),
    submitRating: (leaseId, submission) => call("POST", `${lease(leaseId)}/rating`, submission),
    /** Any other route of docs/api.md (the lead's page: js/lead/admin-api.js names them). */
    request: (method, path, body) => call(method, path, body),
  };
}
