// The Evaluators screen's rows: GET /api/admin/evaluators joined by pseudonym with the latest export's
// evaluators.csv rows, each with how much it needs a lead's look and why, sorted by that. DOM-free.

import { titleOf } from "./leaderboard.js";

// Below these a row is a concern; docs/quality.md holds the rules the export flags by, these only order the list.
export const LOW_GOLD_ACCURACY = 0.7;
export const LOW_AGREEMENT = 0.4;
export const HIGH_STRAIGHT_LINING = 0.5;
export const LARGE_SEVERITY = 0.75;

const number = (cell) => {
  if (typeof cell === "number") {
    return Number.isFinite(cell) ? cell : undefined;
  }
  if (typeof cell !== "string" || cell.trim() === "") {
    return undefined;
  }
  const value = Number(cell);
  return Number.isFinite(value) ? value : undefined;
};

/** evaluators.csv's severity cell "dim:0.2500+-0.1000/12 dim2:..." as [{dimension, offset, error, n}]. */
export function parseSeverity(cell) {
  if (typeof cell !== "string") {
    return [];
  }
  return cell.trim().split(/\s+/).filter(Boolean).flatMap((part) => {
    const match = /^(.+):(-?[\d.]+)?\+-(-?[\d.]*)\/(\d+)$/.exec(part);
    if (!match) {
      return [];
    }
    const offset = number(match[2]);
    return offset === undefined ? [] : [{ dimension: match[1], offset, error: number(match[3]), n: Number(match[4]) }];
  });
}

/** The flags cell "a; b" as a list. */
export function parseFlags(cell) {
  return typeof cell === "string" ? cell.split(";").map((flag) => flag.trim()).filter(Boolean) : [];
}

/** One export row's numbers. */
export function exportStats(row) {
  return {
    ratings: number(row.ratings),
    goldChecks: number(row.gold_checks),
    goldAccuracy: number(row.gold_accuracy),
    agreement: number(row.agreement),
    agreementChange: number(row.agreement_change),
    severity: parseSeverity(row.severity),
    medianTimeMs: number(row.median_time_ms),
    straightLining: number(row.straight_lining),
    flags: parseFlags(row.flags),
  };
}

/** How much a row needs a look: a score (higher first) and the reasons, in words. */
export function concernOf(row) {
  const reasons = [];
  let score = 0;
  if (row.status === "paused" || row.status === "removed") {
    reasons.push(`${row.status}${row.reason ? `: ${row.reason}` : ""}`);
  }
  if (row.excluded) {
    reasons.push(`ratings excluded${row.exclusionReason ? `: ${row.exclusionReason}` : ""}`);
  }
  // the rules' warning at their last submit: live, where the export's figures are as of last night
  if (row.warning) {
    reasons.push(`warned: ${row.warning}`);
    score += 4;
  }
  const stats = row.stats;
  if (stats) {
    for (const flag of stats.flags) {
      reasons.push(flag);
      score += 3;
    }
    // a figure the export already flagged is said once, in the flag's words
    const flagged = (topic) => stats.flags.some((flag) => flag.includes(topic));
    if (stats.goldAccuracy !== undefined && stats.goldAccuracy < LOW_GOLD_ACCURACY && !flagged("gold accuracy")) {
      reasons.push(`gold accuracy ${Math.round(stats.goldAccuracy * 100)} %`);
      score += 2;
    }
    if (stats.agreement !== undefined && stats.agreement < LOW_AGREEMENT && !flagged("agreement")) {
      reasons.push(`agreement ${stats.agreement.toFixed(2)}`);
      score += 2;
    }
    if (stats.straightLining !== undefined && stats.straightLining > HIGH_STRAIGHT_LINING
      && !flagged("straight-lining")) {
      reasons.push(`straight-lining ${Math.round(stats.straightLining * 100)} %`);
      score += 2;
    }
    const harshest = stats.severity.reduce((worst, s) => (Math.abs(s.offset) > Math.abs(worst?.offset ?? 0) ? s
      : worst), undefined);
    if (harshest && Math.abs(harshest.offset) > LARGE_SEVERITY) {
      reasons.push(`${harshest.offset > 0 ? "lenient" : "severe"} on ${titleOf(harshest.dimension)} `
        + `(${harshest.offset > 0 ? "+" : ""}${harshest.offset.toFixed(2)})`);
      score += 1;
    }
  }
  // A stopped evaluator was already looked at: below the open concerns, above the quiet rows.
  if (row.status === "paused" || row.status === "removed") {
    score = Math.max(score, 0.5) * 0.5;
  }
  return { score, reasons };
}

/**
 * apiRows: GET /api/admin/evaluators's evaluators; exportRows: /tables's evaluators (may be empty).
 * Rows with { evaluatorId, name, pseudonym, status, reason, warning, ratings, today, lastSeen, excluded, exclusionReason,
 * stats | null, concern }, worst first.
 */
export function evaluatorRows(apiRows, exportRows = []) {
  const byPseudonym = new Map(exportRows.map((row) => [row.evaluator, row]));
  const rows = apiRows.map((evaluator) => {
    const exported = evaluator.pseudonym ? byPseudonym.get(evaluator.pseudonym) : undefined;
    const row = {
      evaluatorId: String(evaluator.evaluatorId ?? ""),
      name: evaluator.name || String(evaluator.evaluatorId ?? ""),
      pseudonym: evaluator.pseudonym || "",
      status: typeof evaluator.status === "string" ? evaluator.status : "active",
      reason: typeof evaluator.reason === "string" ? evaluator.reason : "",
      warning: typeof evaluator.warning === "string" ? evaluator.warning : "",
      ratings: Number.isFinite(evaluator.ratings) ? evaluator.ratings : 0,
      today: Number.isFinite(evaluator.today) ? evaluator.today : 0,
      lastSeen: typeof evaluator.lastSeen === "string" ? evaluator.lastSeen : "",
      excluded: Boolean(evaluator.exclusion),
      exclusionReason: evaluator.exclusion && typeof evaluator.exclusion.reason === "string"
        ? evaluator.exclusion.reason : "",
      stats: exported ? exportStats(exported) : null,
    };
    return { ...row, concern: concernOf(row) };
  });
  return rows.sort((a, b) => b.concern.score - a.concern.score || a.name.localeCompare(b.name));
}

/**
 * The buttons a row offers: pause and remove while working, resume once stopped; exclude (or count again) their
 * ratings; reset screening while they are on it.
 */
/** The status a lead reads: a qualified evaluator the rules warned is "warned". */
export function shownStatus(row) {
  return row.status === "qualified" && row.warning ? "warned" : row.status;
}

export function actionsFor(status, excluded = false) {
  const stops = status === "paused" ? ["resume", "remove"] : status === "removed" ? ["resume"] : ["pause", "remove"];
  return [...stops, excluded ? "include" : "exclude", ...(status === "screening" ? ["reset"] : [])];
}
