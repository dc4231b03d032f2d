import { analyzeFeedback } from '../feedback';
import type { PlanIssue, Range } from '../issues';
import type { Feedback } from '../plan';
import { entries } from '../plan-facts';
import type { Rule } from './rule';

/** Feedforward is about the future (Goldsmith): flag past-dwelling and judging wording in it. */
export const feedbackPastFocused: Rule = {
  code: 'feedback-past-focused',
  severity: 'warning',
  check({ plan, rangeOf }) {
    const issues: PlanIssue[] = [];
    for (const { item, index } of entries<Feedback>(plan.feedback)) {
      if (!Array.isArray(item.feedforward)) continue;
      item.feedforward.forEach((text, j) => {
        if (typeof text !== 'string' || text.trim() === '') return;
        const { findings, error } = analyzeFeedback(text);
        const path = ['feedback', index, 'feedforward', j];
        if (error !== undefined) {
          issues.push({ severity: 'warning', code: 'feedback-past-focused', message: `This suggestion could not be checked (${error}).`, range: rangeOf(path), data: { path } });
          return;
        }
        if (findings.length === 0) return;
        const value = rangeOf(path);
        // Only a plain one-line scalar maps string offsets 1:1 onto columns. Quotes add two
        // characters and escapes more, so equal length on one line means plain; folded and
        // block scalars span lines. Anything else is reported on the whole value.
        const plain = value.start.line === value.end.line && value.end.character - value.start.character === text.length;
        for (const f of findings) {
          const range: Range = plain
            ? { start: { line: value.start.line, character: value.start.character + f.start }, end: { line: value.start.line, character: value.start.character + f.end } }
            : value;
          const words = text.slice(f.start, f.end);
          const suggestion = f.suggestion === undefined ? '' : ` Try: "${f.suggestion}".`;
          issues.push({ severity: 'warning', code: 'feedback-past-focused', message: `"${words}" (${f.code}): ${f.message}${suggestion}`, range, data: { path } });
        }
      });
    }
    return issues;
  },
};
