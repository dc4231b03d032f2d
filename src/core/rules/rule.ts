import type { PlanIssue, Range, Severity } from '../issues';
import type { PlanPath } from '../parse';
import type { Plan } from '../plan';

/** What a rule may ask of the checked file. Rules never see the YAML library. */
export interface RuleContext {
  /** The plan as parsed. Rules run on schema-invalid plans too, so guard every field you read. */
  readonly plan: Partial<Plan>;
  /** Today's date as YYYY-MM-DD, passed in by the host so results are repeatable. */
  readonly today: string;
  /** The source range of the node at `path`: its value, or its key when `part` is 'key'. Falls back to the nearest ancestor that exists. */
  rangeOf(path: PlanPath, part?: 'key' | 'value'): Range;
}

export interface Rule {
  readonly code: string;
  readonly severity: Severity;
  check(context: RuleContext): PlanIssue[];
}
