// The plan language features on the 1,000-session plan, after the plan store's check is cached (as
// in the editor). Two figures each, both printed:
// - cold: the symbol index is built afresh from that check's parse (what the first request after a
//   keystroke pays), then the request is answered;
// - cached: the index comes from symbolIndex(parsed), cached per parse as src/extension/language/
//   asks for it, so later requests on the same version (and rename, after VS Code's prepareRename)
//   pay only the answer.
// Rename is end to end either way: find the id at the cursor, compute the edits, apply them.
import { PlanChecker } from '../../src/core/check';
import { applyEdits, renameId } from '../../src/core/edits';
import type { ParsedPlan } from '../../src/core/parse';
import { namedEntries, PlanSymbolIndex, planHover, symbolIndex } from '../../src/core/plan-symbols';
import { parsePlan } from '../../src/core/parse';
import { closedPlanValue } from '../../src/core/quick-check';
import type { Figures } from './measure';
import { formatTiming, timeRuns } from './measure';
import { benchPlan, kilobytes, TODAY } from './plans';

export async function benchLanguage(figures: Figures): Promise<void> {
  const sessions = 1000;
  const plan = benchPlan(sessions);
  const checker = new PlanChecker();
  const { parsed } = checker.check(plan, { today: TODAY });
  // A reference in the middle of the file: the goal a session names.
  const reference = plan.indexOf('system-design', Math.floor(plan.length / 2)) + 3;
  const operations = (index: (parsed: ParsedPlan) => PlanSymbolIndex): Record<string, () => unknown> => ({
    symbols: () => index(parsed).symbols(),
    definition: () => {
      const at = index(parsed).at(reference);
      return at && index(parsed).definitions(at.kind, at.id);
    },
    references: () => {
      const at = index(parsed).at(reference);
      return at && index(parsed).uses(at.kind, at.id);
    },
    hover: () => {
      // planHover reads symbolIndex(parsed) itself: the cold figure pays one index build before it, as the first hover after a keystroke does.
      index(parsed);
      return planHover(parsed, reference, { today: TODAY, schemaText: true });
    },
    rename: () => {
      const at = index(parsed).at(reference);
      if (!at) throw new Error('no reference to rename');
      const result = renameId(plan, at.kind, at.id, 'systems-design', { parser: checker.parser });
      if (!result.ok) throw new Error(result.message);
      return applyEdits(plan, result.edits);
    },
  });
  // Cold: a new index every call (what that costs is the figure; hover then reads the cached one, built once, as before).
  const cold = (of: ParsedPlan) => new PlanSymbolIndex(of);
  for (const [label, suffix, index] of [
    ['index built per request (the first request after a keystroke)', '.cold', cold],
    ['index cached per parse, as the extension asks for it', '', symbolIndex],
  ] as const) {
    const cells: string[] = [];
    for (const [name, operation] of Object.entries(operations(index))) {
      if (operation() === undefined) throw new Error(`bench language ${name} found nothing`);
      const timing = await timeRuns(operation, { runs: 9, budgetMs: 1500 });
      figures.record(`language.${name}.${sessions}${suffix}`, timing);
      cells.push(`${name} ${formatTiming(timing)}`);
    }
    console.log(`Language features, ${sessions.toLocaleString('en-US')} sessions (${kilobytes(plan)}), check cached, ${label} (targets: < 20 ms, rename < 50 ms): ${cells.join(', ')}`);
  }
  await benchWorkspaceSearch(figures);
}

/**
 * What Go to Symbol in Workspace pays per closed plan on its first query (issue 15's programme of
 * 50-session plans): the goals' and sessions' names from the value read again, their lines only for
 * the symbol chosen; against a parse with positions and the outline, as it did before.
 */
async function benchWorkspaceSearch(figures: Figures): Promise<void> {
  const sessions = 50;
  const plan = benchPlan(sessions);
  const now = await timeRuns(() => namedEntries(closedPlanValue(plan)), { runs: 21, budgetMs: 1500 });
  const before = await timeRuns(() => symbolIndex(parsePlan(plan)).symbols(), { runs: 9, budgetMs: 1500 });
  figures.record(`language.workspaceSearch.${sessions}`, now);
  figures.record(`language.workspaceSearch.${sessions}.withPositions`, before);
  console.log(`Workspace symbol search, per closed plan of ${sessions} sessions (${kilobytes(plan)}), first query: names from the value ${formatTiming(now)}; with positions (the outline of a whole parse, as before) ${formatTiming(before)}`);
}
