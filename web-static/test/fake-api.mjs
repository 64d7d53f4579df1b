// A stand-in for the local server, to look at the page by eye: serves web-static/ with the production CSP,
// issues tokens at /auth/token, answers /api/* from canned tasks built on the demo batch's photos (events/batches/demo),
// and draws change maps as PNGs with alpha. Not the real API: it keeps everything in memory.
//
//   node web-static/test/fake-api.mjs [port]        then open http://127.0.0.1:8088/ (any user, password "password")
//   FAKE_LEASE_SECONDS=30 shortens leases to try the expiry path; FAKE_PHOTOS points at another photo folder.
// api-flow.test.mjs imports startFakeApi() to drive the page's API and auth modules over real HTTP.
// node --test runs every file under test/, so this one only listens when started directly.

import { randomUUID } from "node:crypto";
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { deflateSync } from "node:zlib";
import { validateSubmission } from "../js/submission.js";

const here = dirname(fileURLToPath(import.meta.url));
const siteRoot = normalize(join(here, ".."));
const photos = process.env.FAKE_PHOTOS || join(here, "..", "..", "events", "batches", "demo");
// The repository's default rubric when there is one (so the page is seen with the real texts), else the fixture.
const defaultRubric = join(here, "..", "..", "events", "schema", "default-rubric.json");
const rubricFile = process.env.FAKE_RUBRIC || (existsSync(defaultRubric) ? defaultRubric : join(here, "fixtures", "rubric.json"));
const rubric = JSON.parse(readFileSync(rubricFile, "utf8"));

// the one policy the stack and the local server also read; images and sign-in come from the page itself here
const CSP = readFileSync(join(here, "..", "..", "events", "schema", "content-security-policy.txt"), "utf8").trim()
  .replace(" {images}", "").replace(" {auth}", "");
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8", ".png": "image/png", ".jpg": "image/jpeg" };

const TASKS = [
  { taskId: "t01", instruction: "Make the red bowl blue", photo: "t01/source.jpg", width: 1280, height: 866,
    outputs: [
      { changedFraction: 0.118, ssimUnchanged: 0.972, regions: [{ x: 0.28, y: 0.30, w: 0.44, h: 0.52 }] },
      { changedFraction: 0.341, ssimUnchanged: 0.884, geometryChanged: false,
        regions: [{ x: 0.25, y: 0.28, w: 0.50, h: 0.58 }, { x: 0.02, y: 0.05, w: 0.20, h: 0.18 }] },
    ] },
  { taskId: "t02", instruction: "Remove the bird from the tree trunk and keep the bark as it is",
    photo: "t02/source.jpg", width: 1280, height: 720,
    outputs: [
      { changedFraction: 0.052, ssimUnchanged: 0.991, regions: [{ x: 0.42, y: 0.62, w: 0.16, h: 0.12 }] },
      { changedFraction: 0.087, ssimUnchanged: 0.962, regions: [{ x: 0.40, y: 0.60, w: 0.22, h: 0.16 }] },
      { changedFraction: 0.410, ssimUnchanged: 0.701, geometryChanged: true, regions: [] },
    ] },
  { taskId: "t03", instruction: "Add a cup of coffee on the round stone table", photo: "t03/source.jpg", width: 1280,
    height: 853,
    outputs: [{ changedFraction: 0.031, ssimUnchanged: 0.995, regions: [{ x: 0.30, y: 0.62, w: 0.28, h: 0.12 }] }] },
];


function send(response, status, body, headers = {}) {
  const text = body === undefined ? "" : JSON.stringify(body);
  response.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store", ...headers });
  response.end(text);
}

function fail(response, status, error, message, fields) {
  send(response, status, fields ? { error, message, fields } : { error, message });
}

async function readJson(request) {
  const chunks = [];
  for await (const chunk of request) {
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8") || "null");
  } catch {
    return undefined;
  }
}

function base64url(value) {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

async function issueToken(state, request, response) {
  const body = await readJson(request);
  if (!body || typeof body.username !== "string" || body.username === "" || body.password !== "password") {
    fail(response, 401, "unauthorized", "Wrong username or password.");
    return;
  }
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const token = [base64url({ alg: "none", typ: "JWT" }),
    base64url({ sub: `sub-${body.username}`, username: body.username, exp }), "fake"].join(".");
  state.sessions.set(token, { sub: `sub-${body.username}`, name: body.username });
  send(response, 200, { token, expiresAt: new Date(exp * 1000).toISOString() });
}

function taskView(lease) {
  const { task } = lease;
  const image = `/fake-images/${task.photo}`;
  return {
    leaseId: lease.leaseId,
    expiresAt: new Date(lease.expiresAt).toISOString(),
    batchId: "demo",
    taskId: task.taskId,
    instruction: task.instruction,
    rubric,
    source: { thumbUrl: image, previewUrl: image, width: task.width, height: task.height },
    outputs: lease.order.map((index, position) => {
      const outputId = String.fromCharCode(65 + position);
      const { regions, ...metrics } = task.outputs[index];
      return {
        outputId,
        draftKey: `${task.taskId}-${index}`,
        thumbUrl: image,
        previewUrl: image,
        changeMapUrl: `/fake-changemap/${task.taskId}/${index}.png`,
        width: task.width,
        height: task.height,
        regions,
        // as the API: no numbers unless the rubric shows them to evaluators
        metrics: rubric.showMetrics === true
          ? { psnrUnchanged: 36.4, ssimGlobal: 0.9, geometryChanged: false, resolutionRatio: 1, ...metrics } : null,
      };
    }),
  };
}

function shuffled(count) {
  const order = [...Array(count).keys()];
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

function leaseFor(state, response, user, leaseId) {
  const lease = state.leases.get(leaseId);
  if (!lease || lease.sub !== user.sub) {
    fail(response, 404, "lease_not_found", "No such lease of yours.");
    return undefined;
  }
  if (Date.now() > lease.expiresAt) {
    fail(response, 410, "lease_expired", "The lease expired; the task went back to the queue.");
    return undefined;
  }
  return lease;
}

async function submitRating(state, request, response, user, lease) {
  const body = await readJson(request);
  if (!body || typeof body !== "object") {
    fail(response, 400, "invalid_json", "The body is not JSON.");
    return;
  }
  const allowed = new Set(["submissionId", "feasibility", "outputs", "preference", "comment", "timeOnTaskMs",
    "interactions"]);
  const extra = Object.keys(body).filter((key) => !allowed.has(key));
  if (extra.length > 0) {
    fail(response, 400, "invalid_submission", "Unknown fields.",
      Object.fromEntries(extra.map((key) => [key, "not allowed"])));
    return;
  }
  const key = `${lease.task.taskId}|${user.sub}`;
  const earlier = state.ratings.get(key);
  if (earlier) {
    if (earlier.submissionId === body.submissionId) {
      send(response, 200, { ratingId: earlier.ratingId, taskId: lease.task.taskId });
    } else {
      fail(response, 409, "already_rated", "You already rated this task.");
    }
    return;
  }
  const view = taskView(lease);
  const fields = validateSubmission(rubric, view, body);
  if (body.comment && body.comment.toLowerCase().includes("server error")) {
    fields.comment = "The fake server rejects comments containing 'server error', to show field errors.";
  }
  if (Object.keys(fields).length > 0) {
    fail(response, 400, "invalid_submission", "Some answers need fixing.", fields);
    return;
  }
  const ratingId = randomUUID();
  state.ratings.set(key, { ratingId, submissionId: body.submissionId });
  // Kept, marked rated, so a retry of the same submission is answered 200 like the real API does.
  lease.rated = true;
  state.submissions.push({ ...body, evaluatorSub: user.sub });
  state.log(`rating ${lease.task.taskId} by ${user.name}: ${JSON.stringify(body)}`);
  send(response, 201, { ratingId, taskId: lease.task.taskId });
}

async function api(state, request, response, path) {
  const header = request.headers.authorization || "";
  const user = state.sessions.get(header.replace(/^Bearer /, ""));
  if (!user) {
    fail(response, 401, "unauthorized", "Sign in first.");
    return;
  }
  if (request.method === "GET" && path === "/api/me") {
    const mine = state.submissions.filter((body) => body.evaluatorSub === user.sub);
    const times = mine.map((body) => body.timeOnTaskMs).sort((a, b) => a - b);
    const median = times.length === 0 ? null : times.length % 2 === 1 ? times[(times.length - 1) / 2]
      : Math.round((times[times.length / 2 - 1] + times[times.length / 2]) / 2);
    send(response, 200, { evaluatorId: user.sub, name: user.name, groups: ["evaluators"],
      today: { rated: mine.length, medianTimeOnTaskMs: median } });
    return;
  }
  if (request.method === "POST" && path === "/api/leases") {
    const held = [...state.leases.values()].filter((l) => l.sub === user.sub && !l.rated && Date.now() <= l.expiresAt);
    if (held.length >= state.maxLeases) {
      fail(response, 429, "too_many_leases", `You already hold ${held.length} tasks; finish or skip one first.`);
      return;
    }
    const busy = new Set(held.map((l) => l.task.taskId));
    const task = TASKS.find((t) => !state.ratings.has(`${t.taskId}|${user.sub}`) && !busy.has(t.taskId));
    if (!task) {
      response.writeHead(204);
      response.end();
      return;
    }
    const lease = { leaseId: randomUUID(), sub: user.sub, task, order: shuffled(task.outputs.length),
      expiresAt: Date.now() + state.leaseSeconds * 1000 };
    state.leases.set(lease.leaseId, lease);
    send(response, 201, taskView(lease));
    return;
  }
  const match = /^\/api\/leases\/([^/]+)(\/rating|\/extend)?$/.exec(path);
  const lease = match ? leaseFor(state, response, user, decodeURIComponent(match[1])) : undefined;
  if (match && !lease) {
    return;
  }
  if (match && !match[2] && request.method === "GET") {
    send(response, 200, taskView(lease));
  } else if (match && !match[2] && request.method === "DELETE") {
    state.leases.delete(lease.leaseId);
    response.writeHead(204);
    response.end();
  } else if (match && match[2] === "/extend" && request.method === "POST") {
    lease.expiresAt = Date.now() + state.leaseSeconds * 1000;
    state.extensions += 1;
    send(response, 200, { expiresAt: new Date(lease.expiresAt).toISOString() });
  } else if (match && match[2] === "/rating" && request.method === "POST") {
    await submitRating(state, request, response, user, lease);
  } else {
    fail(response, 404, "not_found", "No such route.");
  }
}

// ---- change maps: red where the output "changed", transparent elsewhere ----

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) {
    crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function changeMapPng(task, outputIndex) {
  const width = 400;
  const height = Math.round((400 * task.height) / task.width);
  const raw = Buffer.alloc((width * 4 + 1) * height);
  const regions = task.outputs[outputIndex].regions;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const fx = x / width;
      const fy = y / height;
      const inside = regions.some((r) => fx >= r.x && fx < r.x + r.w && fy >= r.y && fy < r.y + r.h);
      // Speckle outside the regions, like the small residual differences a real change map shows.
      const speckle = !inside && (x * 7919 + y * 104729) % 97 === 0;
      const offset = y * (width * 4 + 1) + 1 + x * 4;
      if (inside || speckle) {
        raw[offset] = 255;
        raw[offset + 1] = 40;
        raw[offset + 2] = 90;
        raw[offset + 3] = inside ? 150 + ((x + y) % 40) : 120;
      }
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

// ---- static files ----

function serveFile(response, root, relative) {
  const file = normalize(join(root, relative));
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) {
    fail(response, 404, "not_found", "Not found.");
    return;
  }
  let stats;
  try {
    stats = statSync(file);
  } catch {
    fail(response, 404, "not_found", "Not found.");
    return;
  }
  if (!stats.isFile()) {
    fail(response, 404, "not_found", "Not found.");
    return;
  }
  response.writeHead(200, { "Content-Type": TYPES[extname(file)] || "application/octet-stream",
    "Content-Length": stats.size, "Cache-Control": "no-store" });
  createReadStream(file).pipe(response);
}

/**
 * Starts the fake on 127.0.0.1 (port 0 picks a free one). Resolves to { server, url, state };
 * state.submissions holds every stored rating body (plus the rater's evaluatorSub).
 * options: { port, leaseSeconds, maxLeases (over it POST /api/leases answers 429), log }.
 */
export function startFakeApi({ port = 0, leaseSeconds = 900, maxLeases = 3, log = () => {} } = {}) {
  const state = { sessions: new Map(), leases: new Map(), ratings: new Map(), submissions: [], leaseSeconds,
    maxLeases, extensions: 0, log };
  const server = createServer(async (request, response) => {
    response.setHeader("Content-Security-Policy", CSP);
    response.setHeader("X-Content-Type-Options", "nosniff");
    const path = new URL(request.url, "http://localhost").pathname;
    try {
      if (path === "/auth/token" && request.method === "POST") {
        await issueToken(state, request, response);
      } else if (path.startsWith("/api/")) {
        await api(state, request, response, path);
      } else if (path.startsWith("/fake-images/")) {
        serveFile(response, photos, decodeURIComponent(path.slice("/fake-images/".length)));
      } else if (path.startsWith("/fake-changemap/")) {
        const [taskId, file] = path.slice("/fake-changemap/".length).split("/");
        const task = TASKS.find((t) => t.taskId === taskId);
        const index = Number.parseInt(file, 10);
        if (!task || !task.outputs[index]) {
          fail(response, 404, "not_found", "Not found.");
          return;
        }
        response.writeHead(200, { "Content-Type": "image/png", "Cache-Control": "no-store" });
        response.end(changeMapPng(task, index));
      } else {
        serveFile(response, siteRoot, path === "/" ? "index.html" : decodeURIComponent(path.slice(1)));
      }
    } catch (error) {
      console.error(error);
      fail(response, 500, "internal", "The fake server failed.");
    }
  });

  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      resolve({ server, url: `http://127.0.0.1:${server.address().port}`, state });
    });
  });
}

const startedDirectly = process.argv[1] !== undefined && !process.env.NODE_TEST_CONTEXT
  && import.meta.url === pathToFileURL(process.argv[1]).href;
if (startedDirectly) {
  const { url } = await startFakeApi({ port: Number(process.argv[2] || process.env.PORT || 8088),
    leaseSeconds: Number(process.env.FAKE_LEASE_SECONDS || 900), log: console.log });
  console.log(`fake API and page on ${url}/ (any user, password "password")`);
}
