import type { Goal } from '../plan';
import { entries, mentorshipStatus } from '../plan-facts';
import type { Rule } from './rule';

/** The post asks mentors to challenge their protégé with stretch goals, not only relevant objectives. */
export const noStretchGoal: Rule = {
  code: 'no-stretch-goal',
  severity: 'info',
  check({ plan, rangeOf }) {
    const goals = entries<Goal>(plan.goals);
    if (goals.length === 0 || mentorshipStatus(plan) === 'closed') return [];
    if (goals.some(({ item }) => item.kind === 'stretch' && item.status !== 'dropped')) return [];
    return [
      {
        severity: 'info',
        code: 'no-stretch-goal',
        message: 'No goal is a stretch goal. Agree on at least one (`kind: stretch`) that reaches beyond what feels comfortable.',
        range: rangeOf(['goals'], 'key'),
        data: { path: ['goals'] },
      },
    ];
  },
};
