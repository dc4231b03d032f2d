import type { PlanIssue } from '../issues';
import type { Session } from '../plan';
import { entries } from '../plan-facts';
import type { Rule } from './rule';

/** The plan is meant to be question-led: the protégé learns more from questions than from answers. */
export const agendaNotQuestion: Rule = {
  code: 'agenda-not-question',
  severity: 'info',
  check({ plan, rangeOf }) {
    const issues: PlanIssue[] = [];
    for (const { item, index } of entries<Session>(plan.sessions)) {
      if (!Array.isArray(item.agenda)) continue;
      item.agenda.forEach((entry, agendaIndex) => {
        if (typeof entry !== 'string' || entry.trim() === '' || isQuestion(entry)) return;
        const path = ['sessions', index, 'agenda', agendaIndex];
        issues.push({
          severity: 'info',
          code: 'agenda-not-question',
          message: 'This agenda item is not a question. Phrasing it as an open question (What…? How…?) invites the protégé to think rather than listen.',
          range: rangeOf(path),
          data: { path },
        });
      });
    }
    return issues;
  },
};

export function isQuestion(text: string): boolean {
  return /\?["')\]]*$/.test(text.trim());
}
