// checkPlan: one parse, one schema pass, one pass per rule; every finding with its exact range.
import { IncrementalPlanParser } from './incremental';
import type { PlanIssue, Severity } from './issues';
import { parsePlan, rangeAt } from './parse';
import type { ParsedPlan, PlanPath } from './parse';
import type { Plan } from './plan';
import { ALL_RULES } from './rules/all-rules';
import type { Rule, RuleContext } from './rules/rule';
import { schemaIssues } from './validate';

export interface CheckOptions {
  /** Today as YYYY-MM-DD; the host passes it so results do not depend on the clock. */
  today: string;
  /** Rule codes to leave out (users turn off what does not fit their pair). */
  disabledRules?: readonly string[];
  /** Replaces the built-in rules (tests and hosts with their own set). */
  rules?: readonly Rule[];
}

export interface CheckResult {
  /** The parsed plan, possibly schema-invalid; undefined when the file has no mapping at its root. */
  plan: Partial<Plan> | undefined;
  issues: PlanIssue[];
  parsed: ParsedPlan;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function checkPlan(text: string, options: CheckOptions): CheckResult {
  return checkParsed(parsePlan(text), options);
}

/**
 * Checks successive versions of one file (an open editor), re-parsing only the entries an edit
 * touched. Results are the same as checkPlan's.
 */
export class PlanChecker {
  /** Edits of this file pass it (`addSession(text, session, { parser: checker.parser })`) to reuse its pieces. */
  readonly parser = new IncrementalPlanParser();

  check(text: string, options: CheckOptions): CheckResult {
    return checkParsed(this.parser.parse(text), options);
  }
}

/** The plan a parsed value is: a mapping at the file's root, else none. */
export function planOf(value: unknown): Partial<Plan> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Partial<Plan>) : undefined;
}

export function checkParsed(parsed: ParsedPlan, options: CheckOptions): CheckResult {
  const issues = [...parsed.syntaxIssues];
  const plan = planOf(parsed.value);
  if (parsed.readable) issues.push(...schemaIssues(parsed));
  if (plan && parsed.readable) {
    const disabled = new Set(options.disabledRules ?? []);
    const context: RuleContext = { plan, today: options.today, rangeOf: (path: PlanPath, part?: 'key' | 'value') => rangeAt(parsed, path, part) };
    for (const rule of options.rules ?? ALL_RULES) {
      if (disabled.has(rule.code)) continue;
      try {
        issues.push(...rule.check(context));
      } catch (error) {
        // A rule bug must not hide every other finding; report it where the user can see it.
        issues.push({ severity: 'error', code: rule.code, message: `Internal error in check ${rule.code}: ${(error as Error).message}`, range: rangeAt(parsed, []) });
      }
    }
  }
  issues.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return { plan, issues, parsed };
}
