import assert from "node:assert/strict";
import { beforeEach, describe, test } from "node:test";
import { webcrypto } from "node:crypto";
import { createDraftStore, newSubmissionId } from "../js/draft.js";
import { MemoryStorage } from "./helpers.mjs";

const DAY = 24 * 60 * 60 * 1000;

describe("draft store", () => {
  let storage;
  let clock;
  let drafts;

  beforeEach(() => {
    storage = new MemoryStorage();
    clock = 1_000_000;
    drafts = createDraftStore(storage, () => clock);
  });

  test("start_always_makesDraftWithSubmissionIdAndStartTime", () => {
    const draft = drafts.start({ leaseId: "L1", taskId: "t01" }, "sub-1");

    assert.equal(draft.leaseId, "L1");
    assert.equal(draft.submissionId, "sub-1");
    assert.equal(draft.startedAt, 1_000_000);
  });

  test("findByTask_whenAnEarlierLeaseOfTheTaskHasAnswers_findsIt", () => {
    drafts.save({ ...drafts.start({ leaseId: "L1", batchId: "b", taskId: "t01" }, "sub-1"), answers: { comment: "x" } });
    drafts.save(drafts.start({ leaseId: "L2", batchId: "b", taskId: "t02" }, "sub-2"));
    drafts.save(drafts.start({ leaseId: "L3", batchId: "b", taskId: "t02" }, "sub-3"));

    assert.equal(drafts.findByTask("b", "t01", "L9").leaseId, "L1");
    assert.equal(drafts.findByTask("b", "t01", "L1"), undefined);
    assert.equal(drafts.findByTask("other", "t01", "L9"), undefined);
    assert.equal(drafts.findByTask("b", "t02", "L9"), undefined, "drafts without answers are not worth keeping");
  });

  test("load_afterSave_returnsSameAnswersAndSubmissionId", () => {
    const draft = { ...drafts.start({ leaseId: "L1", taskId: "t01" }, "sub-1"),
      answers: { comment: "half done", outputs: { A: { scores: { preservation: null } } } } };
    drafts.save(draft);

    const loaded = createDraftStore(storage).load("L1");

    assert.equal(loaded.submissionId, "sub-1");
    assert.deepEqual(loaded.answers, draft.answers);
  });

  test("load_whenOtherLease_returnsUndefined", () => {
    drafts.save(drafts.start({ leaseId: "L1", taskId: "t01" }, "sub-1"));

    assert.equal(drafts.load("L2"), undefined);
  });

  test("load_whenStoredTextIsCorrupt_returnsUndefined", () => {
    storage.setItem("editeval.draft.L1", "{not json");

    assert.equal(drafts.load("L1"), undefined);
  });

  test("drop_always_removesTheDraft", () => {
    drafts.save(drafts.start({ leaseId: "L1", taskId: "t01" }, "sub-1"));

    drafts.drop("L1");

    assert.equal(drafts.load("L1"), undefined);
  });

  test("save_whenStorageFull_returnsFalseWithoutThrowing", () => {
    storage.failWrites = true;

    assert.equal(drafts.save(drafts.start({ leaseId: "L1", taskId: "t01" }, "sub-1")), false);
  });

  test("currentLeaseId_isKeptPerEvaluator", () => {
    drafts.setCurrentLeaseId("ana", "L1");
    drafts.setCurrentLeaseId("bo", "L2");
    drafts.clearCurrentLeaseId("bo");

    assert.equal(drafts.currentLeaseId("ana"), "L1");
    assert.equal(drafts.currentLeaseId("bo"), undefined);
  });

  test("pruneStale_whenDraftUntouchedForDays_removesOnlyThatDraft", () => {
    drafts.save(drafts.start({ leaseId: "old", taskId: "t01" }, "sub-1"));
    clock += 3 * DAY;
    drafts.save(drafts.start({ leaseId: "new", taskId: "t02" }, "sub-2"));
    drafts.setCurrentLeaseId("ana", "new");

    drafts.pruneStale();

    assert.equal(drafts.load("old"), undefined);
    assert.equal(drafts.load("new").submissionId, "sub-2");
    assert.equal(drafts.currentLeaseId("ana"), "new");
  });
});

describe("newSubmissionId", () => {
  const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  test("newSubmissionId_whenRandomUuidMissing_buildsV4FromRandomBytes", () => {
    const insecure = { getRandomValues: (array) => webcrypto.getRandomValues(array) };

    const ids = new Set(Array.from({ length: 50 }, () => newSubmissionId(insecure)));

    assert.equal(ids.size, 50);
    for (const id of ids) {
      assert.match(id, v4);
    }
  });

  test("newSubmissionId_whenRandomUuidPresent_usesIt", () => {
    assert.match(newSubmissionId(webcrypto), v4);
  });
});
