// Static checks on the files as shipped: what the CSP would block, or what would only fail in a browser.

import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { parseConfig } from "../js/config.js";

const site = join(dirname(fileURLToPath(import.meta.url)), "..");
const read = (path) => readFileSync(join(site, path), "utf8");
const modules = readdirSync(join(site, "js")).filter((name) => name.endsWith(".js"));
const leadModules = readdirSync(join(site, "js/lead")).filter((name) => name.endsWith(".js")).map((name) => `lead/${name}`);
const html = read("index.html");

describe("shipped files", () => {
  test("configJson_always_parses", () => {
    assert.equal(parseConfig(JSON.parse(read("config.json"))).auth.mode, "local");
  });

  for (const page of ["index.html", "guide.html", "lead.html"]) {
    test(`${page}_always_hasNoInlineScriptStyleOrHandlers`, () => {
      const markup = read(page);
      assert.doesNotMatch(markup, /<script(?![^>]*\bsrc=)[^>]*>/i);
      assert.doesNotMatch(markup, /\sstyle\s*=/i);
      assert.doesNotMatch(markup, /<style/i);
      assert.doesNotMatch(markup, /\son[a-z]+\s*=/i);
      assert.doesNotMatch(markup, /(src|href)\s*=\s*"(https?:)?\/\//i);
    });
  }

  for (const name of [...modules, ...leadModules]) {
    test(`${name}_always_avoidsHtmlStringsEvalAndStyleAttributes`, () => {
      const source = read(`js/${name}`);

      assert.doesNotMatch(source, /\.(innerHTML|outerHTML)\b|insertAdjacentHTML|document\.write|\beval\(|new Function\(/);
      assert.doesNotMatch(source, /setAttribute\(\s*["']style["']/);
      // The SVG namespace is a name, not an address anything loads.
      assert.doesNotMatch(source.replaceAll('"http://www.w3.org/2000/svg"', ""), /https?:\/\//);
    });

    test(`${name}_always_importsFilesThatExist`, () => {
      const source = read(`js/${name}`);
      for (const [, path] of source.matchAll(/from\s+"(\.[^"]+)"/g)) {
        assert.ok(existsSync(join(site, "js", dirname(name), path)), `${name} imports missing ${path}`);
      }
    });
  }

  test("pageModules_always_useOnlyIdsThatIndexHtmlHas", () => {
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]));
    const used = modules.flatMap((name) => [...read(`js/${name}`).matchAll(/\$\("([^"]+)"\)/g)].map((match) => match[1]));

    assert.ok(used.length > 10);
    assert.deepEqual(used.filter((id) => !ids.has(id)), []);
  });

  test("leadModules_always_useOnlyIdsThatLeadHtmlHas", () => {
    const lead = read("lead.html");
    const ids = new Set([...lead.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]));
    const used = leadModules.flatMap((name) => [...read(`js/${name}`).matchAll(/\$\("([^"]+)"\)/g)]
      .map((match) => match[1]));

    assert.ok(used.length > 10);
    assert.deepEqual(used.filter((id) => !ids.has(id)), []);
  });

  test("leadCss_always_loadsNothingFromOtherOrigins", () => {
    assert.doesNotMatch(read("css/lead.css"), /@import|url\(\s*["']?(https?:)?\/\//i);
  });

  test("appCss_always_loadsNothingFromOtherOrigins", () => {
    assert.doesNotMatch(read("css/app.css"), /@import|url\(\s*["']?(https?:)?\/\//i);
  });
});

// A named import that its module does not export fails the page only in a browser, where the module graph links.
// Importing main.js here would run the page, so the names are read from the sources: each `import { a, b as c }
// from "./x.js"` must find `export function|const|let|class|async function a` or `a` in an `export { ... }` of x.js.
const exportsOf = (path) => {
  const source = read(path);
  const names = [...source.matchAll(/export\s+(?:async\s+)?(?:function\*?|const|let|class)\s+([A-Za-z_$][\w$]*)/g)]
    .map((match) => match[1]);
  for (const list of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    names.push(...list[1].split(",").map((part) => part.trim().split(/\s+as\s+/).pop()).filter(Boolean));
  }
  return names;
};

describe("module graph", () => {
  for (const name of [...modules, ...leadModules]) {
    test(`${name}_always_importsOnlyNamesItsModulesExport`, () => {
      const from = dirname(`js/${name}`);
      for (const match of read(`js/${name}`).matchAll(/import\s*\{([^}]*)\}\s*from\s*"([^"]+)"/g)) {
        const target = join(from, match[2]);
        const exported = exportsOf(target);
        for (const imported of match[1].split(",").map((part) => part.trim().split(/\s+as\s+/)[0]).filter(Boolean)) {
          assert.ok(exported.includes(imported), `${name} imports ${imported} from ${match[2]}, which does not export it`);
        }
      }
    });
  }
});
