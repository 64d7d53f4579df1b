// What a browser script under e2e/ needs around its steps: Debian's Chromium through playwright-core, one page,
// every console error, page error, CSP violation and dialog counted as a failure, named steps, a whole-run guard,
// the sign-in and the first task. A script calls run(name, extraOptions, body): body(page, options) returns the
// summary printed as one JSON line; a failure exits non-zero with the step and the page's problems on stderr.

import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

const STEP_TIMEOUT_MS = 15_000;
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run"];

const problems = [];
let step = "start";

export function check(name) {
  step = name;
  failOnProblems();
}

export function assert(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

export function failOnProblems() {
  if (problems.length > 0) {
    throw new Error(`the page reported: ${problems.join(" | ")}`);
  }
}

/** Problems the script expects (an alert it provoked): taken off the list so they do not fail the run. */
export function takeProblems(pattern) {
  const taken = problems.filter((problem) => pattern.test(problem));
  problems.splice(0, problems.length, ...problems.filter((problem) => !pattern.test(problem)));
  return taken;
}

/**
 * Parses --url --user --password --chromium [--viewport WxH] [--screenshot PATH] and extraOptions (parseArgs
 * options), opens the page and runs body(page, options) within wholeRunMs.
 */
export async function run(name, extraOptions, body, wholeRunMs = 80_000) {
  const options = parseOptions(name, extraOptions);
  const guard = setTimeout(() => {
    process.stderr.write(`${name}: FAILED: no end after ${wholeRunMs} ms (last step: ${step})\n`);
    process.exit(2);
  }, wholeRunMs);
  const browser = await chromium.launch({
    executablePath: options.chromium, headless: true, args: CHROMIUM_ARGS, timeout: STEP_TIMEOUT_MS,
  }).catch((error) => {
    process.stderr.write(`${name}: FAILED: cannot start Chromium at ${options.chromium} (apt-get install chromium,`
      + ` or --chromium PATH / CHROMIUM=PATH): ${error.message.split("\n")[0]}\n`);
    process.exit(1);
  });
  const page = await browser.newPage({ viewport: options.viewport });
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  await watchForProblems(page);
  try {
    const summary = await body(page, options);
    failOnProblems();
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } catch (error) {
    process.exitCode = 1;
    process.stderr.write(`${name}: FAILED at step "${step}": ${error.message}\n`);
    if (problems.length > 0) {
      process.stderr.write(`page problems:\n  ${problems.join("\n  ")}\n`);
    }
    if (options.screenshot) {
      await page.screenshot({ path: `${options.screenshot}.failure.png` }).catch(() => {});
    }
  } finally {
    await browser.close();
    clearTimeout(guard);
  }
}

/** Signs in with the form and waits for the screen with "Start rating". */
export async function signIn(page, options) {
  check("sign in");
  await page.goto(options.url, { waitUntil: "domcontentloaded" });
  await page.locator("#login-username").waitFor({ state: "visible" });
  await page.fill("#login-username", options.user);
  await page.fill("#login-password", options.password);
  await page.press("#login-password", "Enter");
  await page.locator("#screen-idle").waitFor({ state: "visible" });
}

/** Signs in with the form and presses Enter on "Start rating". */
export async function signInAndStart(page, options) {
  await signIn(page, options);
  check("start rating");
  await page.press("#start-button", "Enter");
}

/** Waits for the task screen with every preview loaded; returns { batchId, taskId, letters }. */
export async function taskOnScreen(page) {
  await page.locator("#screen-task").waitFor({ state: "visible" }).catch(async () => {
    const idle = await page.textContent("#screen-idle").catch(() => "");
    throw new Error(`no task screen; the page shows: ${idle.replace(/\s+/g, " ").trim()}`);
  });
  await page.waitForFunction(() => {
    const photos = [...document.querySelectorAll("#viewer img.photo")];
    const outputs = document.querySelectorAll("#viewer .tile-output").length;
    return outputs > 0 && photos.length === outputs + 1
      && photos.every((photo) => photo.complete && photo.dataset.quality === "preview" && photo.naturalWidth > 0);
  });
  return page.evaluate(() => {
    const [batchId, taskId] = document.getElementById("task-meta").textContent.split(" / ");
    const letters = [...document.querySelectorAll("#viewer .tile-output")].map((tile) => tile.dataset.outputId);
    return { batchId, taskId, letters };
  });
}

/** The bearer token the page holds (local sign-in). */
export function pageToken(page) {
  return page.evaluate(() => JSON.parse(sessionStorage.getItem("editeval.session")).token);
}

async function watchForProblems(page) {
  page.on("console", (message) => {
    if (message.type() === "error") {
      problems.push(`console error: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("dialog", (dialog) => {
    problems.push(`${dialog.type()} dialog: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  await page.exposeFunction("editevalCspViolation", (text) => problems.push(`CSP violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      window.editevalCspViolation(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });
}

function parseOptions(name, extraOptions) {
  const { values } = parseArgs({
    options: {
      url: { type: "string" },
      user: { type: "string" },
      password: { type: "string" },
      screenshot: { type: "string" },
      viewport: { type: "string", default: "1366x768" },
      chromium: { type: "string", default: process.env.CHROMIUM || "/usr/bin/chromium" },
      ...extraOptions,
    },
  });
  for (const required of ["url", "user", "password"]) {
    if (!values[required]) {
      process.stderr.write(`${name}: --${required} is required\n`);
      process.exit(64);
    }
  }
  const [width, height] = values.viewport.split("x").map(Number);
  return { ...values, viewport: { width, height } };
}
