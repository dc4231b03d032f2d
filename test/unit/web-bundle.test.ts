// The web build as shipped (dist/web/extension.js and the webview script, built by esbuild.mjs
// before the unit tests run). The web worker extension host of github.dev / vscode.dev has no Node
// and may forbid eval under its CSP: every line of these bundles is checked, not just the paths a
// test happens to take. (The integration launcher's web phase runs the same bundle in a worker.)
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const bundles = ['dist/web/extension.js', ...readdirSync(join(root, 'dist/webview')).filter((name) => name.endsWith('.js')).map((name) => `dist/webview/${name}`)];

/** `require("x")` calls in code; a require inside a string (ajv names its runtime helpers in one) is not a call. */
function requiredModules(code: string): string[] {
  return [...new Set([...code.matchAll(/(?<![\w$.'"`])require\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]))].sort();
}

describe('web build (no Node, no eval)', () => {
  for (const bundle of bundles) {
    const code = readFileSync(join(root, bundle), 'utf8');

    it(`${bundle} compiles no code at run time: no new Function, Function() or eval`, () => {
      // ajv.compile would put `new Function` here; esbuild.mjs generates the validator at build time instead.
      for (const pattern of [/\bnew\s+Function\s*\(/, /(?<![\w$.])Function\s*\(/, /(?<![\w$.])eval\s*\(/]) {
        const found = pattern.exec(code);
        assert.equal(found, null, `${bundle}: ${pattern} at ${found?.index}: …${code.slice(Math.max(0, (found?.index ?? 0) - 80), (found?.index ?? 0) + 40)}…`);
      }
    });

    it(`${bundle} loads no module but the vscode API`, () => {
      assert.deepEqual(requiredModules(code), bundle.startsWith('dist/web/') ? ['vscode'] : []);
    });
  }

  it('finds what it looks for (the checks above can fail)', () => {
    assert.deepEqual(requiredModules('const a = require("vscode"); const b = require(\'node:fs\'); x.code = \'require("ajv/x").default\';'), ['node:fs', 'vscode']);
  });
});
