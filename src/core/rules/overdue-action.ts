import type { PlanIssue } from '../issues';
import type { Action, Session } from '../plan';
import { dayNumber } from '../dates';
import { entries, textOf } from './plan-access';
import type { Rule } from './rule';

/** Actions carry learning back to the workplace; one left past its due date needs a nudge. */
export const overdueAction: Rule = {
  code: 'overdue-action',
  severity: 'warning',
  check({ plan, today, rangeOf }) {
    const todayNumber = dayNumber(today);
    if (todayNumber === undefined) return [];
    const issues: PlanIssue[] = [];
    for (const { item: session, index } of entries<Session>(plan.sessions)) {
      for (const { item: action, index: actionIndex } of entries<Action>(session.actions)) {
        const due = dayNumber(action.due);
        if (action.done === true || due === undefined || due >= todayNumber) continue;
        const path = ['sessions', index, 'actions', actionIndex, 'due'];
        const days = todayNumber - due;
        issues.push({
          severity: 'warning',
          code: 'overdue-action',
          message: `Action "${textOf(action.text) ?? ''}" was due ${days} day${days === 1 ? '' : 's'} ago (${action.due}). Mark it done, give it a new date, or carry it forward.`,
          range: rangeOf(path),
          data: { path },
        });
      }
    }
    return issues;
  },
};
