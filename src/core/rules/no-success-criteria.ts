import type { PlanIssue } from '../issues';
import type { Goal } from '../plan';
import { entries, textOf } from '../plan-facts';
import type { Rule } from './rule';

const SETTLED = new Set(['achieved', 'dropped']);

/** Without success criteria neither person can tell when a goal is reached. */
export const noSuccessCriteria: Rule = {
  code: 'no-success-criteria',
  severity: 'warning',
  check({ plan, rangeOf }) {
    const issues: PlanIssue[] = [];
    for (const { item, index } of entries<Goal>(plan.goals)) {
      if (SETTLED.has(String(item.status))) continue;
      const criteria = Array.isArray(item.success) ? item.success.filter((entry) => typeof entry === 'string' && entry.trim() !== '') : [];
      if (criteria.length > 0) continue;
      const path = ['goals', index, 'id'];
      issues.push({
        severity: 'warning',
        code: 'no-success-criteria',
        message: `Goal ${textOf(item.id) !== undefined ? `\`${textOf(item.id)}\`` : `#${index + 1}`} has no success criteria. Add \`success:\` with how you will both know it is reached.`,
        range: rangeOf(path),
        data: { path },
      });
    }
    return issues;
  },
};
