import type { PlanIssue } from '../issues';
import type { Feedback, Session } from '../plan';
import { entries, idsOf, textOf } from '../plan-facts';
import type { PlanPath } from '../parse';
import type { Rule } from './rule';

/** A session or feedback entry that names a goal or session that is not in the plan. */
export const unknownReference: Rule = {
  code: 'unknown-reference',
  severity: 'error',
  check({ plan, rangeOf }) {
    const goalIds = idsOf(plan, 'goals');
    const sessionIds = idsOf(plan, 'sessions');
    const issues: PlanIssue[] = [];
    const report = (reference: string, kind: 'goal' | 'session', known: string[], path: PlanPath) => {
      if (known.includes(reference)) return;
      const hint = known.length ? ` Known ${kind}s: ${known.join(', ')}.` : ` The plan has no ${kind}s yet.`;
      issues.push({ severity: 'error', code: 'unknown-reference', message: `No ${kind} has the id \`${reference}\`.${hint}`, range: rangeOf(path), data: { path: [...path], allowed: known } });
    };
    for (const { item, index } of entries<Session>(plan.sessions)) {
      if (!Array.isArray(item.goals)) continue;
      item.goals.forEach((goal, goalIndex) => {
        if (typeof goal === 'string') report(goal, 'goal', goalIds, ['sessions', index, 'goals', goalIndex]);
      });
    }
    for (const { item, index } of entries<Feedback>(plan.feedback)) {
      const goal = textOf(item.goal);
      if (goal !== undefined) report(goal, 'goal', goalIds, ['feedback', index, 'goal']);
      const session = textOf(item.session);
      if (session !== undefined) report(session, 'session', sessionIds, ['feedback', index, 'session']);
    }
    return issues;
  },
};
