// How long checking a plan takes: a whole check (file opened, CLI) and the incremental re-check after
// one keystroke in an open editor, beside the yaml parse they are built on; and a closed plan's check
// (checkClosedPlan) with thousands of findings to place.
import { parseDocument } from 'yaml';
import { checkPlan, PlanChecker } from '../../src/core/check';
import { checkClosedPlan } from '../../src/core/quick-check';
import { largePlan, SESSION_DAMAGE } from '../support/large-plan';
import type { Figures } from './measure';
import { formatTiming, timeRuns } from './measure';
import { benchPlan, EXAMPLE, keystrokeOffset, kilobytes, SIZES, TODAY } from './plans';

export async function benchCheck(figures: Figures): Promise<void> {
  const options = { today: TODAY };
  console.log('Checking (median of runs after a warm-up):');
  for (const sessions of SIZES) {
    const plan = benchPlan(sessions);
    const label = `  ${sessions.toLocaleString('en-US')} sessions (${kilobytes(plan)})`;
    const full = await timeRuns(() => checkPlan(plan, options), { runs: 9, budgetMs: 4000 });
    const refusal = checkPlan(plan, options).issues.find((issue) => issue.code === 'too-large');
    if (refusal) {
      // Over the work limit the checker refuses the file with one issue instead of parsing it.
      figures.record(`check.refused.${sessions}`, full);
      console.log(`${label}: refused with one too-large issue in ${formatTiming(full)} (${refusal.message})`);
      continue;
    }
    figures.record(`check.full.${sessions}`, full);
    const issues = checkPlan(plan, options).issues.length;

    // A keystroke in the middle session of an open plan: the incremental checker re-parses that entry only.
    const checker = new PlanChecker();
    checker.check(plan, options);
    const at = keystrokeOffset(plan, sessions);
    let typed = '';
    const recheck = await timeRuns(() => {
      typed += '!';
      checker.check(plan.slice(0, at) + typed + plan.slice(at), options);
    }, { runs: 9, budgetMs: 2000 });
    figures.record(`check.recheck.${sessions}`, recheck);
    console.log(`${label}, ${issues} issues: checkPlan ${formatTiming(full)}, re-check after a keystroke ${formatTiming(recheck)}`);

    if (sessions === 1000) {
      const parse = await timeRuns(() => parseDocument(plan), { runs: 9, budgetMs: 3000 });
      figures.record(`yaml.parse.${sessions}`, parse);
      console.log(`${label}: yaml parseDocument alone ${formatTiming(parse)} (checkPlan takes ${(full.cpuMs / parse.cpuMs).toFixed(2)}x the parse's CPU time)`);
    }
  }
  // A plan nobody has open, with findings in every session: checkClosedPlan places each one from the lines.
  const damaged = largePlan(EXAMPLE, 2000, (session) => SESSION_DAMAGE.slice(0, 2).reduce((text, { damage }) => damage(text), session));
  const closed = await timeRuns(() => checkClosedPlan(damaged, options), { runs: 9, budgetMs: 2000 });
  const closedWhole = await timeRuns(() => checkPlan(damaged, options), { runs: 9, budgetMs: 3000 });
  figures.record('check.closed.damaged2000', closed);
  figures.record('check.full.damaged2000', closedWhole);
  const findings = checkClosedPlan(damaged, options).issues.length;
  figures.record('check.closed.damaged2000.findings', findings);
  console.log(`  a closed plan of 2,000 sessions (${kilobytes(damaged)}), ${findings.toLocaleString('en-US')} findings: checkClosedPlan ${formatTiming(closed)}, checkPlan ${formatTiming(closedWhole)}`);
  const example = await timeRuns(() => checkPlan(EXAMPLE, options), { runs: 50 });
  figures.record('check.full.example', example);
  console.log(`  the example plan (${kilobytes(EXAMPLE)}): checkPlan ${formatTiming(example)}`);
}
