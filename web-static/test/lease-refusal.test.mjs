import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { leaseRefusal } from "../js/lease-refusal.js";

describe("leaseRefusal", () => {
  test("paused_saysSoWithTheLeadsReason", () => {
    const shown = leaseRefusal(403, "paused", "all 5s in 3 s a task");

    assert.equal(shown.title, "Your rating is paused");
    assert.match(shown.text, /^all 5s in 3 s a task /);
    assert.equal(shown.button, "Check again");
  });

  test("removedAndScreeningFailed_eachHaveTheirOwnTitle", () => {
    assert.equal(leaseRefusal(403, "removed", "x").title, "You are no longer rating");
    assert.equal(leaseRefusal(403, "screening_failed", "x").title, "Screening not passed");
  });

  test("tooManyOpen_staysWhatItWas", () => {
    assert.equal(leaseRefusal(429, "too_many_leases", "You hold 2.").title, "Too many tasks open");
  });

  test("anotherFailure_isLeftToTheErrorPath", () => {
    assert.equal(leaseRefusal(403, "forbidden", "admins only"), null);
    assert.equal(leaseRefusal(500, "internal", "oops"), null);
    assert.equal(leaseRefusal(403, "constructor", "prototype key"), null);
  });
});
