import type { PlanIssue } from '../issues';
import type { Goal } from '../plan';
import { dayNumber } from '../dates';
import { entries, textOf } from '../plan-facts';
import type { Rule } from './rule';

const IN_PROGRESS = new Set(['active', 'at-risk']);

/** A goal still being worked on after its target date needs a new date or an honest status. */
export const targetPassed: Rule = {
  code: 'target-passed',
  severity: 'warning',
  check({ plan, today, rangeOf }) {
    const todayNumber = dayNumber(today);
    if (todayNumber === undefined) return [];
    const issues: PlanIssue[] = [];
    for (const { item, index } of entries<Goal>(plan.goals)) {
      const target = dayNumber(item.target);
      if (!IN_PROGRESS.has(String(item.status)) || target === undefined || target >= todayNumber) continue;
      const path = ['goals', index, 'target'];
      issues.push({
        severity: 'warning',
        code: 'target-passed',
        message: `Goal ${textOf(item.id) !== undefined ? `\`${textOf(item.id)}\`` : `#${index + 1}`} is still ${String(item.status)} but its target (${item.target}) has passed. Agree on a new target, or mark it achieved or dropped.`,
        range: rangeOf(path),
        data: { path },
      });
    }
    return issues;
  },
};
