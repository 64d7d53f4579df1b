// The half-finished rating, kept in localStorage so a reload or a crash loses nothing.
// DOM-free: the storage (localStorage in the page, a Map-backed fake in tests) and the clock are passed in.
//
// A draft: { leaseId, batchId, taskId, submissionId, startedAt, answers, interactions, savedAt }.
// The submissionId is made once per lease and kept, so a retried submit is answered, not stored twice.

const DRAFT_PREFIX = "editeval.draft.";
const CURRENT_PREFIX = "editeval.currentLease.";
// Leases last minutes; a draft untouched for two days belongs to a lease long gone.
const STALE_AFTER_MS = 2 * 24 * 60 * 60 * 1000;

/**
 * A random (version 4) UUID for a new submission. crypto.randomUUID exists only in secure contexts (https,
 * localhost); getRandomValues exists everywhere, so a page served over plain http on a LAN still works.
 */
export function newSubmissionId(cryptoImpl = globalThis.crypto) {
  if (typeof cryptoImpl.randomUUID === "function") {
    return cryptoImpl.randomUUID();
  }
  const bytes = cryptoImpl.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function createDraftStore(storage, now = () => Date.now()) {
  function read(key) {
    try {
      const text = storage.getItem(key);
      return text === null ? undefined : JSON.parse(text);
    } catch {
      return undefined;
    }
  }

  function write(key, value) {
    try {
      storage.setItem(key, JSON.stringify(value));
      return true;
    } catch {
      // Quota or privacy mode: the rating still works, it just would not survive a reload.
      return false;
    }
  }

  return {
    /** A new draft for a task just leased. */
    start(task, submissionId) {
      return {
        leaseId: task.leaseId,
        batchId: task.batchId,
        taskId: task.taskId,
        submissionId,
        startedAt: now(),
        answers: undefined,
        interactions: undefined,
        savedAt: now(),
      };
    },

    /** The stored draft of this lease, or undefined. */
    load(leaseId) {
      const draft = read(DRAFT_PREFIX + leaseId);
      if (!draft || draft.leaseId !== leaseId || typeof draft.submissionId !== "string") {
        return undefined;
      }
      return draft;
    },

    /** Stores the draft under its leaseId; false when the browser refused. */
    save(draft) {
      return write(DRAFT_PREFIX + draft.leaseId, { ...draft, savedAt: now() });
    },

    drop(leaseId) {
      storage.removeItem(DRAFT_PREFIX + leaseId);
    },

    /** The lease this evaluator was working on when the page last closed, or undefined. */
    currentLeaseId(evaluatorId) {
      const value = read(CURRENT_PREFIX + evaluatorId);
      return typeof value === "string" && value !== "" ? value : undefined;
    },

    setCurrentLeaseId(evaluatorId, leaseId) {
      write(CURRENT_PREFIX + evaluatorId, leaseId);
    },

    clearCurrentLeaseId(evaluatorId) {
      storage.removeItem(CURRENT_PREFIX + evaluatorId);
    },

    /**
     * The draft of an earlier lease of the same task (a lease that expired with answers in it), or undefined;
     * a later lease of that task takes its answers over.
     */
    findByTask(batchId, taskId, exceptLeaseId) {
      for (let index = 0; index < storage.length; index += 1) {
        const key = storage.key(index);
        if (key === null || !key.startsWith(DRAFT_PREFIX)) {
          continue;
        }
        const draft = read(key);
        if (draft && draft.batchId === batchId && draft.taskId === taskId && draft.leaseId !== exceptLeaseId
          && draft.answers) {
          return draft;
        }
      }
      return undefined;
    },

    /** Removes drafts not saved for two days, so storage does not fill with abandoned leases. */
    pruneStale() {
      const keys = [];
      for (let index = 0; index < storage.length; index += 1) {
        keys.push(storage.key(index));
      }
      for (const key of keys.filter((k) => k !== null && k.startsWith(DRAFT_PREFIX))) {
        const draft = read(key);
        if (!draft || typeof draft.savedAt !== "number" || now() - draft.savedAt > STALE_AFTER_MS) {
          storage.removeItem(key);
        }
      }
    },
  };
}
