// Small text formats of the lead's page. DOM-free.

/** How long ago an ISO time was: "just now", "5 min ago", "3 h ago", "2 days ago"; "never" when missing. */
export function formatAgo(iso, nowMs = Date.now()) {
  const then = Date.parse(iso);
  if (!Number.isFinite(then)) {
    return "never";
  }
  const minutes = Math.floor((nowMs - then) / 60000);
  if (minutes < 1) {
    return "just now";
  }
  if (minutes < 60) {
    return `${minutes} min ago`;
  }
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.floor(hours / 24)} days ago`;
}

/** 0.8123 -> "81 %"; "–" when missing. */
export function formatShare(value) {
  return Number.isFinite(value) ? `${Math.round(value * 100)} %` : "–";
}

/** A number with digits decimals, signed when asked; "–" when missing. */
export function formatNumber(value, digits = 2, signed = false) {
  if (!Number.isFinite(value)) {
    return "–";
  }
  return `${signed && value > 0 ? "+" : ""}${value.toFixed(digits)}`;
}

/** "14:05:09", the time of the last refresh. */
export function formatClock(ms) {
  const date = new Date(ms);
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((part) => String(part).padStart(2, "0"))
    .join(":");
}
