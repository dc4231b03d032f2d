import type { PlanIssue } from '../issues';
import { idsOf } from '../plan-facts';
import { idUses } from '../plan-symbols';
import type { Rule } from './rule';

/** A session or feedback entry that names a goal or session that is not in the plan (references as plan-symbols finds them). */
export const unknownReference: Rule = {
  code: 'unknown-reference',
  severity: 'error',
  check({ plan, rangeOf }) {
    const known = { goal: idsOf(plan, 'goals'), session: idsOf(plan, 'sessions') };
    const issues: PlanIssue[] = [];
    for (const use of idUses(plan)) {
      if (use.role !== 'reference' || use.kind === 'feedback') continue;
      const ids = known[use.kind];
      if (ids.includes(use.id)) continue;
      const hint = ids.length ? ` Known ${use.kind}s: ${ids.join(', ')}.` : ` The plan has no ${use.kind}s yet.`;
      issues.push({ severity: 'error', code: 'unknown-reference', message: `No ${use.kind} has the id \`${use.id}\`.${hint}`, range: rangeOf(use.path), data: { path: [...use.path], allowed: ids } });
    }
    return issues;
  },
};
