// `npm run bench:vscode [N] [SESSIONS] [--screenshot [PATH]]`: the extension in a real VS Code
// (code-server, offline, the integration tests' launcher) on a generated workspace of N plans
// (default 1,000) of SESSIONS sessions each (default 50), in folders of 50. Prints the figures of
// issue 15 that test/integration/vscode-scale.test.ts measures inside the extension host.
// --screenshot also saves the Mentoring tree of that workspace as a user sees it (ui/scale-tree.ui.ts),
// by default to media/screenshots/tree-<N>-plans.png. MENTORING_BENCH_PROFILE=<dir> writes CPU
// profiles of the extension host there (summarise one with profile-summary.js).
// --diagnostics-scope openFiles measures with mentoringPlan.diagnostics.scope set so (in the
// workspace's settings): Problems lists only open plans, the scan still checks every plan.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { largePlan } from '../../support/large-plan';
import { findRepoRoot } from '../support/paths';

const args = process.argv.slice(2);
const shotFlag = args.indexOf('--screenshot');
const shotArg = shotFlag === -1 ? undefined : args[shotFlag + 1];
const shotPathGiven = shotArg !== undefined && !shotArg.startsWith('--') && !/^\d+$/.test(shotArg);
const numbers = args.filter((arg, index) => /^\d+$/.test(arg) && !(shotPathGiven && index === shotFlag + 1));
const scopeFlag = args.indexOf('--diagnostics-scope');
const diagnosticsScope = scopeFlag === -1 ? 'workspace' : args[scopeFlag + 1];
if (diagnosticsScope !== 'workspace' && diagnosticsScope !== 'openFiles') throw new Error(`--diagnostics-scope takes workspace or openFiles, not ${diagnosticsScope}`);
const plans = Number(numbers[0] ?? process.env.MENTORING_BENCH_PLANS ?? 1000);
const sessions = Number(numbers[1] ?? process.env.MENTORING_BENCH_SESSIONS ?? 50);
const repoRoot = findRepoRoot(__dirname);
const screenshot = shotFlag === -1 ? undefined : resolve(repoRoot, shotPathGiven ? (shotArg ?? '') : `media/screenshots/tree-${plans}-plans.png`);
const example = readFileSync(join(repoRoot, 'examples/alex-and-sam.mentoring.yaml'), 'utf8');

const scratch = mkdtempSync(join(tmpdir(), 'mentoring-bench-vscode-'));
const workspace = join(scratch, 'programme');
const output = join(scratch, 'figures.json');
const plan = largePlan(example, sessions);
for (let i = 0; i < plans; i++) {
  const folder = join(workspace, `cohort-${String(Math.floor(i / 50)).padStart(2, '0')}`);
  mkdirSync(folder, { recursive: true });
  const pair = String(i).padStart(4, '0');
  writeFileSync(join(folder, `pair-${pair}.mentoring.yaml`), plan.replace('Alex Rivera', `Mentor ${i}`).replace('Sam Chen', `Protégé ${i}`).replace("Sam's path to senior engineer", `Pair ${pair} on the path to senior engineer`));
}
if (diagnosticsScope !== 'workspace') {
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  writeFileSync(join(workspace, '.vscode/settings.json'), JSON.stringify({ 'mentoringPlan.diagnostics.scope': diagnosticsScope }));
}
console.log(`${plans} plans of ${sessions} sessions (${Math.round(plan.length / 1024)} KB each) in ${workspace}; mentoringPlan.diagnostics.scope ${diagnosticsScope}`);

/**
 * The workbench page's freezes (its long tasks, which launch-offline.ts records) in each phase of
 * the bench (whose times the extension host wrote): the longest task from the phase's start to 3 s
 * after its end, when the views and Problems draw what the phase sent. Issue 15: no page freeze over
 * 200 ms from tree updates.
 */
function workbenchFreezes(): Record<string, string | number> {
  let tasks: [number, number][];
  let phases: Record<string, [number, number]>;
  try {
    tasks = (JSON.parse(readFileSync(`${output}.page.json`, 'utf8')) as { tasks: [number, number][] }).tasks;
    phases = JSON.parse(readFileSync(`${output}.phases.json`, 'utf8')) as Record<string, [number, number]>;
  } catch {
    return { 'workbench page freezes': 'not recorded' };
  }
  const within = (from: number, to: number) => tasks.filter(([start]) => start >= from && start <= to + 3000);
  const summary = (found: [number, number][]) => `${found.reduce((most, [, duration]) => Math.max(most, duration), 0)} ms / ${found.filter(([, duration]) => duration > 200).length}`;
  const result: Record<string, string | number> = {};
  // The keystrokes' windows overlap (each runs 3 s past its own): a task counts once.
  const keystrokes = new Set<[number, number]>();
  for (const [name, [from, to]] of Object.entries(phases)) {
    if (name.startsWith('keystroke')) for (const task of within(from, to)) keystrokes.add(task);
    else result[`workbench during the ${name} (+3 s): longest freeze / freezes over 200 ms`] = summary(within(from, to));
  }
  result['workbench after the keystrokes (in the plan and in the other file): longest freeze / freezes over 200 ms'] = summary([...keystrokes]);
  result['workbench in the whole run, its own start included: longest freeze / over 200 ms'] = summary(tasks);
  return result;
}

const run = spawnSync(process.execPath, [join(__dirname, '../launch-offline.js')], {
  stdio: 'inherit',
  env: {
    ...process.env,
    MENTORING_TEST_WORKSPACE: workspace,
    // The UI phase only for the screenshot (ui/scale-tree.ui.ts), after the figures.
    ...(screenshot ? { MENTORING_BENCH_SCREENSHOT: screenshot } : { MENTORING_SKIP_UI: '1' }),
    MENTORING_SKIP_WEB: '1',
    MENTORING_TEST_GREP: 'VS Code at scale',
    MENTORING_BENCH_OUT: output,
    MENTORING_TEST_TIMEOUT_MS: String(40 * 60_000),
  },
});
let figures: Record<string, string | number> | undefined;
try {
  figures = JSON.parse(readFileSync(output, 'utf8')) as Record<string, string | number>;
} catch {
  // the run failed before writing them; its output says why
}
if (figures) Object.assign(figures, workbenchFreezes());
// With profiles, the page's long tasks and the phases' times go beside them, to match them up.
for (const kept of ['page.json', 'phases.json']) if (process.env.MENTORING_BENCH_PROFILE && existsSync(`${output}.${kept}`)) cpSync(`${output}.${kept}`, join(process.env.MENTORING_BENCH_PROFILE, kept), { force: true });
rmSync(scratch, { recursive: true, force: true });
if (!figures) {
  console.error('bench:vscode: no figures (see the output above)');
  process.exit(run.status || 1);
}
console.log(`\nMentoring Plan in VS Code 1.100 (code-server), ${plans} plans × ${sessions} sessions, mentoringPlan.diagnostics.scope ${diagnosticsScope}:`);
const width = Math.max(...Object.keys(figures).map((name) => name.length));
for (const [name, value] of Object.entries(figures)) console.log(`  ${name.padEnd(width)}  ${typeof value === 'number' ? value.toLocaleString('en-US') : value}`);
if (screenshot) console.log(run.status === 0 ? `\nThe tree: ${screenshot}` : '\nno screenshot of the tree (see the output above)');
