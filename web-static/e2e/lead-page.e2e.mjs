#!/usr/bin/env node
// The lead's page (lead.html) in Debian's Chromium against a running pipeline: sign in as an admin, see the failed
// task's reason on Batches, visit every screen (by keyboard: the tab list's arrow keys) and audit each with axe-core
// for WCAG 2.1 A/AA, pause an evaluator with a reason from Evaluators; with --review, record a decision on the first
// task of the adjudication queue and resolve the first open escalation as confirmed. Run by
// local/src/test/.../LeadPageBrowserIT; usable by hand against `./editeval demo`. Prints one JSON line on success.
//
//   node web-static/e2e/lead-page.e2e.mjs --url http://127.0.0.1:4560/ --user lead --password ... \
//        [--pause NAME] [--review true] [--shots DIR] [--chromium PATH]

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { assert, check, run, takeProblems } from "./harness.mjs";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const AXE_RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const SCREENS = ["batches", "queues", "evaluators", "adjudication", "safety", "results"];
const VIEWPORTS = [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }];

await run("lead-page.e2e", { pause: { type: "string", default: "" }, review: { type: "string", default: "" },
  shots: { type: "string", default: "" } },
  async (page, options) => {
    check("sign in");
    await page.goto(new URL("lead.html", options.url).toString(), { waitUntil: "domcontentloaded" });
    await page.locator("#login-username").waitFor({ state: "visible" });
    await page.fill("#login-username", options.user);
    await page.fill("#login-password", options.password);
    await page.press("#login-password", "Enter");
    await page.locator("#screen-console").waitFor({ state: "visible" });

    check("the failed task's reason on Batches");
    await page.locator("#panel-batches .failed-reason").first().waitFor({ state: "visible" }).catch(async () => {
      const text = await page.textContent("main").catch(() => "");
      throw new Error(`no failed task on Batches; the page shows: ${text.replace(/\s+/g, " ").trim().slice(0, 600)}`);
    });
    const failed = await page.evaluate(() => [...document.querySelectorAll("#panel-batches .failed-task")].map((li) => ({
      taskId: li.querySelector(".failed-id").textContent, reason: li.querySelector(".failed-reason").textContent,
      images: li.querySelectorAll(".failed-images a").length })));

    const audits = [];
    const shown = {};
    const unavailable = [];
    for (const [index, screen] of SCREENS.entries()) {
      check(`the ${screen} screen`);
      if (index > 0) {
        await page.focus(`#tab-${SCREENS[index - 1]}`);
        await page.keyboard.press("ArrowRight");
      }
      await page.locator(`#panel-${screen}`).waitFor({ state: "visible" });
      await page.locator(`#panel-${screen} .panel-head`).waitFor({ state: "visible" });
      assert(index === 0 || await page.evaluate((id) => document.activeElement.id === `tab-${id}`, screen),
        `the arrow key did not move the focus to the ${screen} tab`);
      await page.waitForTimeout(300);
      // A route the server does not have yet answers 404, which Chromium logs; the screen must say so instead.
      if (takeProblems(/status of 404/).length > 0) {
        unavailable.push(screen);
        assert((await page.textContent(`#panel-${screen}`)).includes("not available on this server yet"),
          `the ${screen} screen met a 404 and does not say "not available on this server yet"`);
      }
      shown[screen] = (await page.textContent(`#panel-${screen}`)).replace(/\s+/g, " ").trim().slice(0, 2000);
      audits.push(await accessibility(page, screen));
      if (options.shots) {
        for (const viewport of VIEWPORTS) {
          await page.setViewportSize(viewport);
          await page.screenshot({ path: join(options.shots, `lead-${screen}-${viewport.width}.png`), fullPage: false });
        }
        await page.setViewportSize(VIEWPORTS[0]);
      }
    }

    let paused = null;
    let recent = null;
    if (options.pause) {
      check(`pause ${options.pause}`);
      await page.click("#tab-evaluators");
      const button = page.getByRole("button", { name: `Pause ${options.pause}`, exact: true });
      await button.click();
      await page.locator("#reason-dialog").waitFor({ state: "visible" });
      audits.push(await accessibility(page, "reason dialog"));
      await page.fill("#reason-input", "straight-lining on gold");
      await page.click("#reason-confirm");
      await page.getByRole("button", { name: `Resume ${options.pause}`, exact: true }).waitFor({ state: "visible" });
      paused = await page.textContent("#notice-text");
      if (options.shots) {
        await page.screenshot({ path: join(options.shots, "lead-evaluators-paused-1366.png") });
      }
      check(`the recent ratings of ${options.pause}`);
      await page.getByRole("button", { name: `Recent ratings of ${options.pause}`, exact: true }).click();
      await page.locator("#panel-evaluators .recent-item").first().waitFor({ state: "visible" });
      await page.locator("#panel-evaluators .recent-item img").first().evaluate((img) => img.decode());
      audits.push(await accessibility(page, "recent ratings"));
      recent = await page.evaluate(() => ({
        items: document.querySelectorAll("#panel-evaluators .recent-item").length,
        images: [...document.querySelectorAll("#panel-evaluators .recent-item img")].filter((img) => img.naturalWidth > 0)
          .length,
        text: document.querySelector("#panel-evaluators .recent-ratings").textContent.replace(/\s+/g, " ").trim() }));
      if (options.shots) {
        await page.locator("#panel-evaluators .recent-ratings").scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(options.shots, "lead-evaluators-recent-1366.png") });
      }
    }
    const reviewed = options.review ? await review(page, options, audits) : {};
    return { failed, audits, paused, recent, unavailable, shown, ...reviewed };
  });

/** A decision recorded on the first disagreeing task, and the first open escalation confirmed unsafe. */
async function review(page, options, audits) {
  check("adjudicate the first disagreeing task");
  await page.click("#tab-adjudication");
  await page.locator("#panel-adjudication").getByRole("button", { name: /^Open / }).first().click();
  await page.locator("#panel-adjudication form.decision").waitFor({ state: "visible" });
  audits.push(await accessibility(page, "task opened for adjudication"));
  if (options.shots) {
    await page.screenshot({ path: join(options.shots, "lead-adjudication-task-1366.png") });
  }
  await page.getByLabel("Verdict", { exact: true }).selectOption("valid");
  await page.getByLabel("Reason", { exact: true }).selectOption("rater_error");
  await page.getByLabel("Note", { exact: true }).fill("one rater missed the halo on the wall");
  await page.getByRole("button", { name: "Record the decision" }).click();
  await page.locator("#notice-text", { hasText: "recorded" }).waitFor({ state: "visible" });
  const adjudicated = await page.textContent("#notice-text");
  // the same task again: its decision can now become its gold
  await page.locator("#panel-adjudication").getByRole("button", { name: /^Open / }).first().click();
  await page.getByRole("button", { name: "Promote the decision to gold" }).click();
  await page.locator("#notice-text", { hasText: "is gold now" }).waitFor({ state: "visible" });
  const promoted = await page.textContent("#notice-text");
  await page.getByRole("button", { name: "Back to the queue" }).click();

  check("resolve the first open escalation");
  await page.click("#tab-safety");
  // by its key: the button's name turns to "Blur image" once pressed
  const reveal = page.locator("#panel-safety button[data-key^='reveal-']").first();
  await reveal.click();
  assert(await reveal.getAttribute("aria-pressed") === "true", "Show image did not reveal the thumbnail");
  assert(!(await page.locator("#panel-safety img").first().getAttribute("class") || "").includes("veiled"),
    "the revealed thumbnail is still blurred");
  audits.push(await accessibility(page, "revealed escalation"));
  if (options.shots) {
    await page.screenshot({ path: join(options.shots, "lead-safety-revealed-1366.png") });
  }
  await page.locator("#panel-safety").getByRole("button", { name: "Confirm unsafe" }).first().click();
  await page.locator("#notice-text", { hasText: "Resolved" }).waitFor({ state: "visible" });
  return { adjudicated, promoted, resolved: await page.textContent("#notice-text") };
}

/** axe-core in the page as it is now (through the DevTools protocol, which the CSP does not govern). */
async function accessibility(page, screen) {
  check(`accessibility of the ${screen}`);
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate((rules) => window.axe.run(document, { runOnly: rules }), AXE_RULES);
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}, at `
    + v.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(", "));
  assert(found.length === 0, `the ${screen} breaks ${found.length} accessibility rule(s): ${found.join("; ")}`);
  return { screen, rulesPassed: result.passes.length, violations: 0 };
}
