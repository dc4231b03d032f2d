// `npm run bench`: prints the speed figures the README quotes and writes them to
// out/bench/results.json (stable figure name → milliseconds) so runs can be compared.
// Figures, not assertions. Everything runs in this one process, ours and yaml-language-server's alike.
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { benchCheck } from './check.bench';
import { benchEdits } from './edits.bench';
import { benchFeedback } from './feedback.bench';
import { benchReport, REPORT_PLANS, REPORT_SESSIONS } from './report.bench';
import { benchLanguage } from './language.bench';
import type { Timing } from './measure';
import { Figures, formatMs, formatTiming } from './measure';
import { benchPlan, EXAMPLE, kilobytes, REPO_ROOT, SIZES } from './plans';
import { benchYamlLanguageServer } from './yls.bench';

const RESULTS = join(REPO_ROOT, 'out/bench/results.json');

function comparisonTable(figures: Figures, peerVersion: string): string {
  const ours = (kind: 'full' | 'recheck', sessions: number) =>
    figures.timing(`check.refused.${sessions}`) ? (kind === 'full' ? 'refused: too-large' : '—') : formatTiming(figures.timing(`check.${kind}.${sessions}`));
  const rows = SIZES.map(
    (sessions) =>
      `| ${sessions.toLocaleString('en-US')} (${kilobytes(benchPlan(sessions))}) | ${ours('full', sessions)} | ${ours('recheck', sessions)} | ${formatTiming(figures.timing(`yls.full.${sessions}`))} | ${formatTiming(figures.timing(`yls.recheck.${sessions}`))} |`,
  );
  return [
    `| sessions (size) | \`checkPlan\`: whole check | \`PlanChecker\`: re-check after a keystroke | yaml-language-server ${peerVersion}: \`doValidation\` | its re-check after a keystroke |`,
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** The README's Speed table, so its figures are pasted from a bench run rather than typed. */
function readmeTable(figures: Figures): string {
  const plan = benchPlan(1000);
  const editsEnding = (suffix: string) =>
    Object.keys(figures.toJSON())
      .filter((name) => new RegExp(`^edit\\.\\w+\\.1000${suffix.replace('.', '\\.')}$`).test(name))
      .map((name) => ({ operation: name.split('.')[1], timing: figures.timing(name) as Timing }))
      .sort((a, b) => b.timing.cpuMs - a.timing.cpuMs);
  // editPlan is the merge driver's several-changes-in-one-pass edit (CLI only); the editor never runs it.
  const edits = editsEnding('').filter((edit) => edit.operation !== 'editPlan');
  const wholeParseEdits = editsEnding('.wholeParse');
  const parse = figures.timing('yaml.parse.1000');
  const full = figures.timing('check.full.1000');
  const row = (what: string, timing: Timing | undefined) => `| ${what} | ${formatMs(timing?.medianMs)} | ${formatMs(timing?.cpuMs)} |`;
  return [
    `| what (plan with 1,000 sessions, ${kilobytes(plan)}) | median | its CPU time |`,
    '|---|---|---|',
    row('yaml `parseDocument` alone', parse),
    row(`\`checkPlan\`: parse, schema and every rule${parse && full ? ` (${(full.cpuMs / parse.cpuMs).toFixed(2)}x the parse)` : ''}`, full),
    row('re-check after a keystroke in an open editor (incremental)', figures.timing('check.recheck.1000')),
    ...(edits.length > 0
      ? [
          row(`slowest edit in the editor, reusing the store's parse (\`${edits[0].operation}\`)`, edits[0].timing),
          row(`fastest edit in the editor (\`${edits[edits.length - 1].operation}\`)`, edits[edits.length - 1].timing),
        ]
      : []),
    ...(wholeParseEdits.length > 0 ? [row(`slowest edit with a whole parse, as the CLI (\`${wholeParseEdits[0].operation}\`)`, wholeParseEdits[0].timing)] : []),
    row(`the example plan (${kilobytes(EXAMPLE)}), full check`, figures.timing('check.full.example')),
    row(`a closed plan of 2,000 sessions with ${figures.get('check.closed.damaged2000.findings')?.toLocaleString('en-US') ?? '—'} findings: \`checkClosedPlan\` (checkPlan's result, positions from the lines)`, figures.timing('check.closed.damaged2000')),
    row('the same plan: `checkPlan`', figures.timing('check.full.damaged2000')),
    row('feedback analysis of a 50-word paragraph', figures.timing('feedback.analyze.paragraph')),
    row(`one plan of ${REPORT_SESSIONS} sessions: \`checkPlan\``, figures.timing(`report.checkPlan.${REPORT_SESSIONS}`)),
    row(`one plan of ${REPORT_SESSIONS} sessions: \`quickCheckPlan\` (the report's check: same findings, no positions)`, figures.timing(`report.quickCheckPlan.${REPORT_SESSIONS}`)),
    ...(['html', 'json'] as const).map((format) => {
      const name = `report.${format}.${REPORT_PLANS}x${REPORT_SESSIONS}`;
      const peak = figures.get(`${name}.peakRssMb`);
      return row(`\`mentoring-plan report --format ${format}\`: ${REPORT_PLANS.toLocaleString('en-US')} plans of ${REPORT_SESSIONS} sessions (peak memory ${peak === undefined ? '—' : `${peak.toFixed(0)} MB`})`, figures.timing(name));
    }),
  ].join('\n');
}

async function main(): Promise<void> {
  const started = performance.now();
  // The load average says whether other work shared the CPUs: figures from a busy machine run slow.
  console.log(`npm run bench on ${availableParallelism()} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.versions.node}, load average ${loadavg()[0].toFixed(1)}\n`);
  const figures = new Figures();
  await benchCheck(figures);
  await benchEdits(figures);
  benchFeedback(figures);
  await benchLanguage(figures);
  console.log('');
  await benchReport(figures);
  console.log('');
  const peer = await benchYamlLanguageServer(figures);
  console.log('');
  if (peer.ok) {
    console.log('Mentoring Plan beside yaml-language-server, same plans and schema, in this process (medians):');
    console.log(comparisonTable(figures, peer.version));
  } else {
    console.log(`The comparison with yaml-language-server was skipped: ${peer.reason}`);
  }
  console.log('\nFor the README (Speed):');
  console.log(readmeTable(figures));
  figures.write(RESULTS);
  console.log(`\n${Object.keys(figures.toJSON()).length} figures written to ${relative(REPO_ROOT, RESULTS)} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  console.log(`Heap in use at the end: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB; load average ${loadavg()[0].toFixed(1)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
