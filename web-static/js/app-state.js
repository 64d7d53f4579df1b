// What every part of the page shares: the element lookup and the one app state (config, auth, API, drafts, the
// signed-in evaluator, the task on screen). Modules read and set its fields; only main.js creates the services.

export const $ = (id) => document.getElementById(id);

export const app = { config: undefined, auth: undefined, api: undefined, drafts: undefined, me: undefined, work: undefined,
  idleAction: undefined, lastActivity: Date.now() };
