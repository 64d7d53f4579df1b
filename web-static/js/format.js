// Small text formats for numbers shown to raters. DOM-free.

/** 0.1234 -> "12.3 %"; "–" when the value is missing. */
export function formatPercent(fraction) {
  return Number.isFinite(fraction) ? `${(fraction * 100).toFixed(1)} %` : "–";
}

/** 0.9712 -> "0.971"; "–" when the value is missing. */
export function formatDecimal(value, digits = 3) {
  return Number.isFinite(value) ? value.toFixed(digits) : "–";
}

/** Milliseconds left -> "m:ss" (or "h:mm:ss"); "0:00" once past. */
export function formatCountdown(ms) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

/** A time on task: 48210 -> "48 s", 72000 -> "1 min 12 s"; "–" when missing. */
export function formatDuration(ms) {
  if (!Number.isFinite(ms) || ms < 0) {
    return "–";
  }
  const total = Math.round(ms / 1000);
  return total < 60 ? `${total} s` : `${Math.floor(total / 60)} min ${total % 60} s`;
}
