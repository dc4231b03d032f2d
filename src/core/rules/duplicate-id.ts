import type { PlanIssue } from '../issues';
import { entries, textOf } from '../plan-facts';
import type { Rule } from './rule';

const LISTS = [
  ['goals', 'Goal'],
  ['sessions', 'Session'],
  ['feedback', 'Feedback'],
] as const;

/** References are by id, so two entries with one id make every reference ambiguous. */
export const duplicateId: Rule = {
  code: 'duplicate-id',
  severity: 'error',
  check({ plan, rangeOf }) {
    const issues: PlanIssue[] = [];
    for (const [list, noun] of LISTS) {
      const firstIndex = new Map<string, number>();
      for (const { item, index } of entries<{ id: string }>(plan[list])) {
        const id = textOf(item.id);
        if (id === undefined) continue;
        const first = firstIndex.get(id);
        if (first === undefined) {
          firstIndex.set(id, index);
          continue;
        }
        const firstLine = rangeOf([list, first, 'id']).start.line + 1;
        issues.push({
          severity: 'error',
          code: 'duplicate-id',
          message: `${noun} id \`${id}\` is already used on line ${firstLine}; ids must be unique so references stay unambiguous.`,
          range: rangeOf([list, index, 'id']),
          data: { path: [list, index, 'id'], allowed: [...firstIndex.keys()] },
        });
      }
    }
    return issues;
  },
};
