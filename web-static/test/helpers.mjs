// Shared by the tests: the fixture rubric, a task view built on it, and a Storage stand-in.

import { readFileSync } from "node:fs";

export function loadRubric() {
  return JSON.parse(readFileSync(new URL("./fixtures/rubric.json", import.meta.url), "utf8"));
}

export function taskView(rubric, outputIds = ["A", "B"]) {
  return {
    leaseId: "lease-1",
    expiresAt: "2026-11-28T15:04:05Z",
    batchId: "demo",
    taskId: "t01",
    instruction: "Make the red bowl blue",
    rubric,
    source: { thumbUrl: "/s.jpg", previewUrl: "/s.jpg", width: 1600, height: 1000 },
    outputs: outputIds.map((outputId) => ({
      outputId, thumbUrl: "/o.jpg", previewUrl: "/o.jpg", changeMapUrl: "/m.png", width: 1600, height: 1000,
      metrics: { changedFraction: 0.1, ssimUnchanged: 0.97, regions: [] },
    })),
  };
}

/** Answers scoring every dimension of every output with `score`. */
export function fullAnswers(rubric, task, score = 4) {
  const outputs = {};
  for (const output of task.outputs) {
    const scores = {};
    for (const dimension of rubric.dimensions) {
      scores[dimension.id] = score;
    }
    outputs[output.outputId] = { flagged: false, categories: [], scores };
  }
  return { feasibility: { verdict: "valid", reason: "" }, outputs, preference: {}, comment: "" };
}

/** The Web Storage interface over a Map; `failWrites` makes setItem throw like a full quota. */
export class MemoryStorage {
  constructor() {
    this.map = new Map();
    this.failWrites = false;
  }

  get length() {
    return this.map.size;
  }

  key(index) {
    return [...this.map.keys()][index] ?? null;
  }

  getItem(key) {
    return this.map.has(key) ? this.map.get(key) : null;
  }

  setItem(key, value) {
    if (this.failWrites) {
      throw new Error("QuotaExceededError");
    }
    this.map.set(key, String(value));
  }

  removeItem(key) {
    this.map.delete(key);
  }
}
