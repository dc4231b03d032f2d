import type { Goal } from '../plan';
import { entries, mentorshipStatus } from '../plan-facts';
import type { Rule } from './rule';

const SETTLED = new Set(['achieved', 'dropped']);

/** When the goals are reached, the post asks the mentor to let the relationship end well. */
export const readyToClose: Rule = {
  code: 'ready-to-close',
  severity: 'info',
  check({ plan, rangeOf }) {
    const goals = entries<Goal>(plan.goals);
    if (goals.length === 0 || mentorshipStatus(plan) !== 'active') return [];
    if (!goals.every(({ item }) => SETTLED.has(String(item.status)))) return [];
    const hasStatus = plan.mentorship && typeof plan.mentorship === 'object' && 'status' in plan.mentorship;
    const path = hasStatus ? ['mentorship', 'status'] : ['mentorship'];
    return [
      {
        severity: 'info',
        code: 'ready-to-close',
        message: 'Every goal is achieved or dropped. Consider a closure session with a retrospective, then set the mentorship to closed.',
        range: rangeOf(path, hasStatus ? 'value' : 'key'),
        data: { path },
      },
    ];
  },
};
