// What every check reports. Positions are 0-based, columns in UTF-16 code units (as in VS Code and
// LSP); the CLI adds 1 when it prints them.

export type Severity = 'error' | 'warning' | 'info';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Extra facts a quick fix needs, so the editor does not have to re-derive them. */
export interface IssueData {
  /** The values the field allows (wrong enum value, unknown reference). */
  allowed?: string[];
  /** The path of the offending node in the plan, e.g. ['sessions', 2, 'type']. */
  path?: (string | number)[];
  /** A `schema` finding JSON Schema cannot express (2026-02-30 is no day), so other schema validators never report it. */
  beyondSchema?: boolean;
}

export interface PlanIssue {
  severity: Severity;
  /** Stable identifier of the check, e.g. `schema`, `duplicate-id`. */
  code: string;
  message: string;
  range: Range;
  data?: IssueData;
}
