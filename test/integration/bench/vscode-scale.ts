// `npm run bench:vscode [N] [SESSIONS]`: the extension in a real VS Code (code-server, offline, the
// integration tests' launcher) on a generated workspace of N plans (default 1,000) of SESSIONS
// sessions each (default 50), in folders of 50. Prints the figures of issue 15 that
// test/integration/vscode-scale.test.ts measures inside the extension host.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { largePlan } from '../../support/large-plan';
import { findRepoRoot } from '../support/paths';

const plans = Number(process.argv[2] ?? process.env.MENTORING_BENCH_PLANS ?? 1000);
const sessions = Number(process.argv[3] ?? process.env.MENTORING_BENCH_SESSIONS ?? 50);
const repoRoot = findRepoRoot(__dirname);
const example = readFileSync(join(repoRoot, 'examples/alex-and-sam.mentoring.yaml'), 'utf8');

const scratch = mkdtempSync(join(tmpdir(), 'mentoring-bench-vscode-'));
const workspace = join(scratch, 'programme');
const output = join(scratch, 'figures.json');
const plan = largePlan(example, sessions);
for (let i = 0; i < plans; i++) {
  const folder = join(workspace, `cohort-${String(Math.floor(i / 50)).padStart(2, '0')}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `pair-${String(i).padStart(4, '0')}.mentoring.yaml`), plan.replace('Alex Rivera', `Mentor ${i}`));
}
console.log(`${plans} plans of ${sessions} sessions (${Math.round(plan.length / 1024)} KB each) in ${workspace}`);

const run = spawnSync(process.execPath, [join(__dirname, '../launch-offline.js')], {
  stdio: 'inherit',
  env: { ...process.env, MENTORING_TEST_WORKSPACE: workspace, MENTORING_SKIP_UI: '1', MENTORING_TEST_GREP: 'VS Code at scale', MENTORING_BENCH_OUT: output, MENTORING_TEST_TIMEOUT_MS: String(40 * 60_000) },
});
let figures: Record<string, string | number> | undefined;
try {
  figures = JSON.parse(readFileSync(output, 'utf8')) as Record<string, string | number>;
} catch {
  // the run failed before writing them; its output says why
}
rmSync(scratch, { recursive: true, force: true });
if (!figures) {
  console.error('bench:vscode: no figures (see the output above)');
  process.exit(run.status || 1);
}
console.log(`\nMentoring Plan in VS Code 1.100 (code-server), ${plans} plans × ${sessions} sessions:`);
const width = Math.max(...Object.keys(figures).map((name) => name.length));
for (const [name, value] of Object.entries(figures)) console.log(`  ${name.padEnd(width)}  ${typeof value === 'number' ? value.toLocaleString('en-US') : value}`);
