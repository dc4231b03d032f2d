import { mentorshipStatus, overdueActions, textOf } from '../plan-facts';
import type { Rule } from './rule';

/**
 * Actions carry learning back to the workplace; one left past its due date needs a nudge. Not while
 * the mentorship is paused or closed: the pair agreed to stop, and nagging then only teaches people
 * to ignore the warnings.
 */
export const overdueAction: Rule = {
  code: 'overdue-action',
  severity: 'warning',
  check({ plan, today, rangeOf }) {
    if (mentorshipStatus(plan) !== 'active') return [];
    return overdueActions(plan, today).map(({ action, sessionIndex, actionIndex, days }) => {
      const path = ['sessions', sessionIndex, 'actions', actionIndex, 'due'];
      return {
        severity: 'warning',
        code: 'overdue-action',
        message: `Action "${textOf(action.text) ?? ''}" was due ${days} day${days === 1 ? '' : 's'} ago (${action.due}). Mark it done, give it a new date, or carry it forward.`,
        range: rangeOf(path),
        data: { path },
      };
    });
  },
};
