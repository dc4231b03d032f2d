// The plan language features on the 1,000-session plan, after the plan store's check is cached (as
// in the editor): each figure builds the symbol index afresh from that check's parse (what the
// first request after a keystroke pays; later requests on the same version reuse it), then answers.
import { PlanChecker } from '../../src/core/check';
import { applyEdits, renameId } from '../../src/core/edits';
import { PlanSymbolIndex, planHover } from '../../src/core/plan-symbols';
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
  const fresh = () => new PlanSymbolIndex(parsed);
  const operations: Record<string, () => unknown> = {
    symbols: () => fresh().symbols(),
    definition: () => {
      const index = fresh();
      const at = index.at(reference);
      return at && index.definitions(at.kind, at.id);
    },
    references: () => {
      const index = fresh();
      const at = index.at(reference);
      return at && index.uses(at.kind, at.id);
    },
    hover: () => {
      fresh();
      return planHover(parsed, reference, { today: TODAY, schemaText: true });
    },
    rename: () => {
      const at = fresh().at(reference);
      if (!at) throw new Error('no reference to rename');
      const result = renameId(plan, at.kind, at.id, 'systems-design', { parser: checker.parser });
      if (!result.ok) throw new Error(result.message);
      return applyEdits(plan, result.edits);
    },
  };
  const cells: string[] = [];
  for (const [name, operation] of Object.entries(operations)) {
    if (operation() === undefined) throw new Error(`bench language ${name} found nothing`);
    const timing = await timeRuns(operation, { runs: 9, budgetMs: 1500 });
    figures.record(`language.${name}.${sessions}`, timing);
    cells.push(`${name} ${formatTiming(timing)}`);
  }
  console.log(`Language features, ${sessions.toLocaleString('en-US')} sessions (${kilobytes(plan)}), check cached, index built per figure (targets: < 20 ms, rename < 50 ms): ${cells.join(', ')}`);
}
