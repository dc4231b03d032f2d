import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chooseStartRoute } from '../../scripts/start-route.mjs';
import type { StartFacts } from '../../scripts/start-route.mjs';

const REPO = join(__dirname, '../../..');

/** Every combination of what npm start can find (3 × 2^5 = 96 machines). */
function everyMachine(): StartFacts[] {
  const machines: StartFacts[] = [];
  for (const platform of ['linux', 'darwin', 'win32'])
    for (const codeOnPath of [undefined, '/usr/bin/code'])
      for (const display of [false, true])
        for (const codeServerInstalled of [false, true])
          for (const privileged of [false, true])
            for (const aptGet of [false, true]) machines.push({ platform, repoRoot: '/repo', codeOnPath, display, codeServerInstalled, privileged, aptGet });
  return machines;
}

describe('npm start: which VS Code it opens', () => {
  it('opens a desktop VS Code with the checkout as extension development path and examples/ as folder', () => {
    const route = chooseStartRoute({ platform: 'linux', repoRoot: '/repo', codeOnPath: '/usr/bin/code', display: true, codeServerInstalled: true, privileged: true, aptGet: true });
    assert.deepEqual(route, { kind: 'desktop', command: '/usr/bin/code', args: ['--extensionDevelopmentPath=/repo', '/repo/examples'] });
  });

  it('prefers the desktop VS Code whenever `code` can open a window, and only then', () => {
    for (const facts of everyMachine()) {
      const canOpenWindow = facts.codeOnPath !== undefined && (facts.platform !== 'linux' || facts.display);
      assert.equal(chooseStartRoute(facts).kind === 'desktop', canOpenWindow, JSON.stringify(facts));
    }
  });

  it('falls back to code-server when it is installed, or can be (apt-get with root or sudo), installing it only when missing', () => {
    const headless = { platform: 'linux', repoRoot: '/repo', codeOnPath: undefined, display: false };
    assert.deepEqual(chooseStartRoute({ ...headless, codeServerInstalled: true, privileged: false, aptGet: false }), { kind: 'code-server', install: false });
    assert.deepEqual(chooseStartRoute({ ...headless, codeServerInstalled: false, privileged: true, aptGet: true }), { kind: 'code-server', install: true });
    for (const facts of everyMachine()) {
      const route = chooseStartRoute(facts);
      if (route.kind === 'desktop') continue;
      const possible = facts.codeServerInstalled || (facts.aptGet && facts.privileged);
      assert.equal(route.kind, possible ? 'code-server' : 'none', JSON.stringify(facts));
      if (route.kind === 'code-server') assert.equal(route.install, !facts.codeServerInstalled, JSON.stringify(facts));
    }
  });

  it('says plainly what is missing when neither route is possible', () => {
    const noCode = chooseStartRoute({ platform: 'linux', repoRoot: '/repo', codeOnPath: undefined, display: false, codeServerInstalled: false, privileged: false, aptGet: true });
    assert.equal(noCode.kind, 'none');
    if (noCode.kind !== 'none') return;
    assert.match(noCode.message, /`code` is not on the PATH/);
    assert.match(noCode.message, /needs root or passwordless sudo/);

    const noDisplay = chooseStartRoute({ platform: 'linux', repoRoot: '/repo', codeOnPath: '/usr/bin/code', display: false, codeServerInstalled: false, privileged: true, aptGet: false });
    assert.equal(noDisplay.kind, 'none');
    if (noDisplay.kind !== 'none') return;
    assert.match(noDisplay.message, /`code` is on the PATH \(\/usr\/bin\/code\) but there is no display/);
    assert.match(noDisplay.message, /apt-get, which this machine does not have/);
  });
});

describe('README: the scripts table', () => {
  it('describes every npm script a developer runs', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const { scripts } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    // npm runs `pretest` itself; start and test are the fresh-machine commands above the table.
    const run = Object.keys(scripts).filter((name) => !['pretest', 'start', 'test'].includes(name));
    for (const name of run) assert.ok(readme.includes(`| \`npm run ${name}\` |`), `README has no row for npm run ${name}`);
  });
});
