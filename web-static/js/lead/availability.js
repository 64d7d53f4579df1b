// What a screen says when its route is not there yet, or a call fails. DOM-free.
//
// The lead's page is built against docs/api.md; a server that predates a route answers it 404 `not_found`, and the
// screen then says so instead of breaking.

export const NOT_AVAILABLE_TEXT = "not available on this server yet.";

/** True when the error is the 404 of a route this server does not have (or of the list it would serve). */
export function isMissingRoute(error) {
  return Boolean(error) && error.status === 404;
}

/** The line a screen shows when loading `what` failed with error (an ApiError or anything thrown). */
export function failureText(error, what) {
  if (isMissingRoute(error)) {
    return `${what}: ${NOT_AVAILABLE_TEXT}`;
  }
  const reason = error && typeof error.message === "string" && error.message !== "" ? error.message
    : "Something went wrong.";
  return `Could not load ${what.toLowerCase()}: ${reason}`;
}
