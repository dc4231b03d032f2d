// How long `mentoring-plan report` takes over a programme of 1,000 plans of 50 sessions each, and
// its peak memory, measured on the built CLI in a child process (so this process's own memory
// does not count); beside it, one plan through checkPlan and through the report's quickCheckPlan.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPlan } from '../../src/core/check';
import { quickCheckPlan } from '../../src/core/quick-check';
import type { Figures, Timing } from './measure';
import { formatTiming, median, timeRuns } from './measure';
import { benchPlan, kilobytes, REPO_ROOT, TODAY } from './plans';

export const REPORT_PLANS = 1000;
export const REPORT_SESSIONS = 50;
const FOLDER = join(REPO_ROOT, 'out/bench/programme');
/** Loaded into the child before the CLI: prints its peak RSS and CPU time when it exits. */
const PROBE = join(REPO_ROOT, 'out/bench/usage-probe.js');

/** The bench plan with the pair's names and dates varied per plan, as in a real programme. */
function programmePlan(template: string, index: number): string {
  return template.replace('Alex Rivera', `Mentor ${index}`).replace('Sam Chen', `Protégé ${index}`).replace(/started: 2026-09-07/, `started: 2026-${String(1 + (index % 9)).padStart(2, '0')}-07`);
}

function writeProgramme(): void {
  rmSync(FOLDER, { recursive: true, force: true });
  const template = benchPlan(REPORT_SESSIONS);
  for (let index = 0; index < REPORT_PLANS; index++) {
    // A few hundred plans per folder, as a programme grouped by team would be.
    const folder = join(FOLDER, `team-${String(Math.floor(index / 250)).padStart(2, '0')}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `pair-${String(index).padStart(4, '0')}.mentoring.yaml`), programmePlan(template, index));
  }
  writeFileSync(PROBE, "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write(`\\nusage-probe ${u.maxRSS} ${(u.userCPUTime + u.systemCPUTime) / 1000}\\n`); });\n");
}

interface ReportRun {
  ms: number;
  cpuMs: number;
  peakRssMb: number;
}

function runReport(format: string): ReportRun {
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--require', PROBE, join(REPO_ROOT, 'dist/cli.js'), 'report', FOLDER, '--format', format, '--include-health', '--out', join(REPO_ROOT, `out/bench/programme-report.${format}`), '--today', TODAY], { encoding: 'utf8' });
  const ms = performance.now() - started;
  const probe = /usage-probe (\d+) ([\d.]+)/.exec(child.stderr);
  if (child.status !== 0 || !probe) throw new Error(`mentoring-plan report failed (${child.status}): ${child.stderr}`);
  return { ms, cpuMs: Number(probe[2]), peakRssMb: Number(probe[1]) / 1024 };
}

export async function benchReport(figures: Figures): Promise<void> {
  const plan = benchPlan(REPORT_SESSIONS);
  console.log(`Report over a programme (${REPORT_PLANS.toLocaleString('en-US')} plans of ${REPORT_SESSIONS} sessions, ${kilobytes(plan)} each):`);
  const options = { today: TODAY };
  const full = await timeRuns(() => checkPlan(plan, options), { runs: 30, budgetMs: 2000 });
  const quick = await timeRuns(() => quickCheckPlan(plan, options), { runs: 30, budgetMs: 2000 });
  figures.record(`report.checkPlan.${REPORT_SESSIONS}`, full);
  figures.record(`report.quickCheckPlan.${REPORT_SESSIONS}`, quick);
  console.log(`  one plan: checkPlan ${formatTiming(full)}, quickCheckPlan ${formatTiming(quick)} (${(full.cpuMs / quick.cpuMs).toFixed(1)}x less CPU), same findings by code and count`);

  writeProgramme();
  // The built CLI, as a user runs it: three runs, the median; the first also warms the file cache.
  runReport('json');
  for (const format of ['html', 'json'] as const) {
    const runs = [runReport(format), runReport(format), runReport(format)];
    const timing: Timing = { medianMs: median(runs.map((run) => run.ms)), cpuMs: median(runs.map((run) => run.cpuMs)), runs: runs.length };
    const peak = Math.max(...runs.map((run) => run.peakRssMb));
    figures.record(`report.${format}.${REPORT_PLANS}x${REPORT_SESSIONS}`, timing);
    figures.record(`report.${format}.${REPORT_PLANS}x${REPORT_SESSIONS}.peakRssMb`, peak);
    console.log(`  mentoring-plan report --format ${format} --include-health: ${formatTiming(timing)} (target < 5 s), peak memory ${peak.toFixed(0)} MB (target < 500 MB)`);
  }
  rmSync(FOLDER, { recursive: true, force: true });
}
