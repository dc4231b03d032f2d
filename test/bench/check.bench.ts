// How long checking a plan takes: a whole check (file opened, CLI) and the incremental re-check after
// one keystroke in an open editor, beside the yaml parse they are built on.
import { parseDocument } from 'yaml';
import { checkPlan, PlanChecker } from '../../src/core/check';
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
  const example = await timeRuns(() => checkPlan(EXAMPLE, options), { runs: 50 });
  figures.record('check.full.example', example);
  console.log(`  the example plan (${kilobytes(EXAMPLE)}): checkPlan ${formatTiming(example)}`);
}
