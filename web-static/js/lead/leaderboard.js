// The Results screen's leaderboards from the export's summary rows (summary.csv as JSON): per batch and dimension,
// the models ranked by mean with their 95 % intervals, over every task (the rows whose category is empty) or over
// one category. DOM-free.

const number = (cell) => {
  const value = typeof cell === "string" && cell.trim() !== "" ? Number(cell) : cell;
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
};

/** The categories the summary breaks down by, sorted; "" (every task) is not one. */
export function categoriesOf(rows) {
  return [...new Set(rows.map((row) => row.category || "").filter((category) => category !== ""))].sort();
}

/**
 * [{ batchId, dimension, title, entries: [{ model, n, mean, low, high, note, rank }], stated }] for the category
 * ("" for every task), the entries highest mean first (no mean last); titles from the rubric's labels when given.
 * With the export's paired differences (differences.csv as JSON), a model's rank is one more than the models ahead
 * of it beyond noise, so models that cannot be told apart share a rank, and stated says which pairs are ahead,
 * which are not distinguishable and which have too few scores to call; without them (an export made before the
 * file) the rank is the place by mean and stated is null.
 */
export function leaderboards(rows, category = "", labels = {}, differences = []) {
  const boards = new Map();
  for (const row of rows) {
    if ((row.category || "") !== category) {
      continue;
    }
    const key = boardKey(row.batch_id, row.dimension);
    if (!boards.has(key)) {
      boards.set(key, { batchId: row.batch_id, dimension: row.dimension,
        title: labels[row.dimension] || titleOf(row.dimension), entries: [], stated: null });
    }
    boards.get(key).entries.push({
      model: row.model,
      n: number(row.n) ?? 0,
      mean: number(row.mean),
      low: number(row.ci95_low),
      high: number(row.ci95_high),
      note: row.interval_note || "",
    });
  }
  const pairs = new Map();
  for (const pair of differences) {
    const key = boardKey(pair.batch_id, pair.dimension);
    if ((pair.category || "") === category && boards.has(key)) {
      pairs.set(key, [...(pairs.get(key) || []), pair]);
    }
  }
  // batches in order, each batch's dimensions in the order the export gives them (the rubric's)
  const sorted = [...boards.values()].sort((a, b) => a.batchId.localeCompare(b.batchId));
  for (const board of sorted) {
    board.entries.sort((a, b) => (b.mean ?? -Infinity) - (a.mean ?? -Infinity) || a.model.localeCompare(b.model));
    ranked(board, pairs.get(boardKey(board.batchId, board.dimension)));
  }
  return sorted;
}

function boardKey(batchId, dimension) {
  return `${batchId}\u0000${dimension}`;
}

const signed = (value) => `${value > 0 ? "+" : ""}${value.toFixed(2)}`;

function ranked(board, pairs) {
  if (!pairs) {
    board.entries.forEach((entry, index) => { entry.rank = entry.mean === undefined ? undefined : index + 1; });
    return;
  }
  const aheadOf = (model) => pairs.filter((pair) => pair.called === "ahead" && pair.behind === model).length;
  board.entries.forEach((entry) => { entry.rank = entry.mean === undefined ? undefined : 1 + aheadOf(entry.model); });
  board.stated = { ahead: [], level: [], tooFew: [] };
  for (const pair of pairs) {
    const difference = number(pair.difference);
    const low = number(pair.ci95_low);
    const high = number(pair.ci95_high);
    if (pair.called === "ahead" && difference !== undefined && low !== undefined && high !== undefined) {
      board.stated.ahead.push(`${pair.ahead} over ${pair.behind} by ${signed(difference)} `
        + `(${signed(low)} to ${signed(high)})`);
    } else if (pair.called === "not_distinguishable") {
      board.stated.level.push(`${pair.ahead} and ${pair.behind}`);
    } else if (pair.called === "too_few") {
      board.stated.tooFew.push(`${pair.ahead} and ${pair.behind}`);
    }
  }
}

/** "instruction_adherence" -> "Instruction adherence", for a dimension the rubric does not name. */
export function titleOf(id) {
  const words = String(id ?? "").replace(/_/g, " ").trim();
  return words === "" ? "" : words[0].toUpperCase() + words.slice(1);
}

/** The scale an interval plot spans: the rows' extent widened to whole points, at least 1..5 when it fits. */
export function scaleOf(entries) {
  const values = entries.flatMap((entry) => [entry.low, entry.high, entry.mean]).filter(Number.isFinite);
  if (values.length === 0) {
    return { min: 1, max: 5 };
  }
  const low = Math.floor(Math.min(...values));
  const high = Math.ceil(Math.max(...values));
  return { min: Math.min(low, 1), max: Math.max(high, low + 1, 5) };
}

/** Where value lies on the plot, 0..1 of its width. */
export function position(value, scale) {
  return Math.min(1, Math.max(0, (value - scale.min) / (scale.max - scale.min)));
}

/** "3.42 (3.10–3.71)", or the note when there is no interval. */
export function intervalText(entry) {
  if (entry.mean === undefined) {
    return "no scores";
  }
  const interval = entry.low !== undefined && entry.high !== undefined
    ? ` (${entry.low.toFixed(2)}–${entry.high.toFixed(2)})` : "";
  return `${entry.mean.toFixed(2)}${interval}`;
}
