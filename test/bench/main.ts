// `npm run bench`: prints the speed figures the README quotes and writes them to
// out/bench/results.json (stable figure name → milliseconds) so runs can be compared.
// Figures, not assertions. Everything runs in this one process, ours and yaml-language-server's alike.
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { benchCheck } from './check.bench';
import { benchEdits } from './edits.bench';
import { benchFeedback } from './feedback.bench';
import { Figures, formatMs } from './measure';
import { benchPlan, kilobytes, REPO_ROOT, SIZES } from './plans';
import { benchYamlLanguageServer } from './yls.bench';

const RESULTS = join(REPO_ROOT, 'out/bench/results.json');

function comparisonTable(figures: Figures, peerVersion: string): string {
  const ours = (kind: 'full' | 'recheck', sessions: number) =>
    figures.get(`check.refused.${sessions}`) !== undefined ? (kind === 'full' ? 'refused: over 1 MB' : '—') : formatMs(figures.get(`check.${kind}.${sessions}`));
  const rows = SIZES.map(
    (sessions) =>
      `| ${sessions.toLocaleString('en-US')} (${kilobytes(benchPlan(sessions))}) | ${ours('full', sessions)} | ${ours('recheck', sessions)} | ${formatMs(figures.get(`yls.full.${sessions}`))} | ${formatMs(figures.get(`yls.recheck.${sessions}`))} |`,
  );
  return [
    `| sessions (size) | checkPlan: whole check | PlanChecker: re-check after a keystroke | yaml-language-server ${peerVersion}: doValidation | its re-check after a keystroke |`,
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** The README's Speed table, so its figures are pasted from a bench run rather than typed. */
function readmeTable(figures: Figures): string {
  const plan = benchPlan(1000);
  const edits = Object.entries(figures.toJSON())
    .filter(([name]) => name.startsWith('edit.') && name.endsWith('.1000'))
    .map(([name, ms]) => ({ operation: name.slice('edit.'.length, -'.1000'.length), ms }))
    .sort((a, b) => b.ms - a.ms);
  const parse = figures.get('yaml.parse.1000');
  const full = figures.get('check.full.1000');
  const ratio = parse && full ? ` (${(full / parse).toFixed(2)}x the parse)` : '';
  const rows = [
    [`yaml \`parseDocument\` alone`, formatMs(parse)],
    ['`checkPlan`: parse, schema and every rule', `${formatMs(full)}${ratio}`],
    ['re-check after a keystroke in an open editor (incremental)', formatMs(figures.get('check.recheck.1000'))],
    ...(edits.length > 0
      ? [
          [`slowest edit, computed and applied (\`${edits[0].operation}\`)`, formatMs(edits[0].ms)],
          [`fastest edit (\`${edits[edits.length - 1].operation}\`)`, formatMs(edits[edits.length - 1].ms)],
        ]
      : []),
    ['the example plan, full check', formatMs(figures.get('check.full.example'))],
    ['feedback analysis of a 50-word paragraph', formatMs(figures.get('feedback.analyze.paragraph'))],
  ];
  return [`| what (plan with 1,000 sessions, ${kilobytes(plan)}) | median |`, '|---|---|', ...rows.map(([what, ms]) => `| ${what} | ${ms} |`)].join('\n');
}

async function main(): Promise<void> {
  const started = performance.now();
  // The load average says whether other work shared the CPUs: figures from a busy machine run slow.
  console.log(`npm run bench on ${availableParallelism()} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.versions.node}, load average ${loadavg()[0].toFixed(1)}\n`);
  const figures = new Figures();
  await benchCheck(figures);
  await benchEdits(figures);
  benchFeedback(figures);
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
