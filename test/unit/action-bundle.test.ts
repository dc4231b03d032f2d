// The GitHub Action runs the committed dist-action/index.js (no build on the runner): it must be
// what its sources build to now. Rebuilt into a temporary folder with the same options and compared
// byte for byte; a difference means `npm run build:action` and committing the bundle.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

describe('action: the committed bundle', () => {
  it('dist-action/index.js is byte for byte what the sources build to', function () {
    this.timeout(60_000);
    const folder = mkdtempSync(join(tmpdir(), 'mentoring-action-bundle-'));
    try {
      const fresh = join(folder, 'index.js');
      const build = spawnSync(process.execPath, [join(ROOT, 'scripts/action-bundle.mjs'), fresh], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(build.status, 0, build.stderr);
      const committed = readFileSync(join(ROOT, 'dist-action/index.js'));
      assert.ok(committed.equals(readFileSync(fresh)), 'dist-action/index.js is out of date: run `npm run build:action` and commit it');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('is referenced by action.yml, on node20', () => {
    const action = readFileSync(join(ROOT, 'action.yml'), 'utf8');
    assert.match(action, /\nruns:\n {2}using: node20\n {2}main: dist-action\/index\.js\n/);
  });
});
