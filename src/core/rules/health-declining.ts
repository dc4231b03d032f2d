import type { PlanIssue } from '../issues';
import type { Session } from '../plan';
import { dayNumber } from '../dates';
import { entries } from '../plan-facts';
import type { Rule } from './rule';

const RATERS = [
  ['mentor', 'The mentor'],
  ['protege', 'The protégé'],
] as const;

/**
 * The post asks the mentor to own the health of the relationship. Only the latest ratings count:
 * an old low score that has since recovered needs no warning.
 */
export const healthDeclining: Rule = {
  code: 'health-declining',
  severity: 'warning',
  check({ plan, rangeOf }) {
    const rated = entries<Session>(plan.sessions)
      .filter(({ item }) => item.health && typeof item.health === 'object')
      .sort((a, b) => (dayNumber(a.item.date) ?? 0) - (dayNumber(b.item.date) ?? 0));
    const issues: PlanIssue[] = [];
    for (const [rater, name] of RATERS) {
      const scores = rated
        .map(({ item, index }) => ({ score: item.health?.[rater], index }))
        .filter((entry): entry is { score: number; index: number } => typeof entry.score === 'number');
      const latest = scores[scores.length - 1];
      if (!latest) continue;
      const path = ['sessions', latest.index, 'health', rater];
      const [a, b] = scores.slice(-3);
      if (latest.score <= 2) {
        issues.push({ severity: 'warning', code: 'health-declining', message: `${name} rated the relationship ${latest.score} of 5. Talk about what would make it work better; a health-check session is made for this.`, range: rangeOf(path), data: { path } });
      } else if (scores.length >= 3 && a.score > b.score && b.score > latest.score) {
        issues.push({ severity: 'warning', code: 'health-declining', message: `${name}'s rating has fallen two sessions in a row (${a.score}, ${b.score}, ${latest.score}). Raise it together before it drops further.`, range: rangeOf(path), data: { path } });
      }
    }
    return issues;
  },
};
