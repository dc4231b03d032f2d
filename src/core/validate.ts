// Schema validation with the precompiled validator, and ajv's errors in plain words at exact ranges.
import type { ErrorObject } from 'ajv';
import { isCalendarDate } from './dates';
import validatePlan from './generated/plan-validator';
import type { PlanIssue } from './issues';
import { rangeAt } from './parse';
import type { ParsedPlan, PlanPath } from './parse';
import { valueAt } from './plan-facts';

export function schemaIssues(parsed: ParsedPlan): PlanIssue[] {
  const value = parsed.value;
  if (value === undefined || value === null) {
    return [{ severity: 'error', code: 'schema', message: 'The plan is empty. Start with `schemaVersion: 1` and a `mentorship:` section (the command "New mentoring plan" or `mentoring-plan init` writes one).', range: rangeAt(parsed, []) }];
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return [{ severity: 'error', code: 'schema', message: 'A plan must be a mapping of keys (schemaVersion, mentorship, goals, sessions, feedback), not a list or a single value.', range: rangeAt(parsed, []) }];
  }
  const issues: PlanIssue[] = calendarIssues(parsed);
  if (validatePlan(value)) return issues;
  const seen = new Set<string>();
  for (const error of validatePlan.errors ?? []) {
    // `$ref` siblings and nested `pattern` + `minLength` can report one fault twice.
    const issue = toIssue(parsed, error);
    // One issue per value is enough ("must not be empty" and "must not be blank" say the same).
    const perProperty = error.keyword === 'required' || error.keyword === 'additionalProperties';
    const key = `${error.instancePath}|${perProperty ? JSON.stringify(error.params) : ''}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues;
}

/** Where the plan holds dates; the schema's pattern cannot tell 2026-02-30 from a real day. */
const DATE_PATHS: readonly (readonly (string | '*')[])[] = [
  ['mentorship', 'started'],
  ['mentorship', 'expectedEnd'],
  ['mentorship', 'closure', 'date'],
  ['goals', '*', 'target'],
  ['sessions', '*', 'date'],
  ['sessions', '*', 'actions', '*', 'due'],
  ['feedback', '*', 'date'],
];

function calendarIssues(parsed: ParsedPlan): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const visit = (value: unknown, pattern: readonly string[], path: (string | number)[]) => {
    if (pattern.length === 0) {
      // Shapes the schema's pattern already rejects (month 13, day 32) are its to report.
      const match = typeof value === 'string' ? /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.exec(value) : null;
      if (match && !isCalendarDate(value)) {
        const last = new Date(Date.UTC(Number(match[1]), Number(match[2]), 0)).getUTCDate();
        issues.push({ severity: 'error', code: 'schema', message: `\`${displayPath(path)}\` is not a real date: ${match[1]}-${match[2]} has ${last} days.`, range: rangeAt(parsed, path), data: { path, beyondSchema: true } });
      }
      return;
    }
    const [head, ...rest] = pattern;
    if (head === '*') {
      if (Array.isArray(value)) value.forEach((item, index) => visit(item, rest, [...path, index]));
    } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      visit((value as Record<string, unknown>)[head], rest, [...path, head]);
    }
  };
  for (const pattern of DATE_PATHS) visit(parsed.value, pattern, []);
  return issues;
}

function pathOf(instancePath: string): (string | number)[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** `sessions[2].type` — how a reader finds the spot in the file. */
export function displayPath(path: PlanPath): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part), '');
}

const ENTRY_NAMES: Record<string, string> = { goals: 'goal', sessions: 'session', feedback: 'feedback entry', actions: 'action', milestones: 'milestone' };

/** Names the thing at `path` the way a person would: "goal `public-speaking`", "session #3", "`mentorship.agreement`". */
function describeContainer(root: unknown, path: PlanPath): string {
  if (path.length === 0) return 'the plan';
  const last = path[path.length - 1];
  const entry = typeof last === 'number' ? ENTRY_NAMES[String(path[path.length - 2])] : undefined;
  if (entry && typeof last === 'number') {
    const id = (valueAt(root, path) as { id?: unknown } | undefined)?.id;
    return typeof id === 'string' ? `${entry} \`${id}\`` : `${entry} #${last + 1} (\`${displayPath(path)}\`)`;
  }
  return `\`${displayPath(path)}\``;
}

function toIssue(parsed: ParsedPlan, error: ErrorObject): PlanIssue {
  const path = pathOf(error.instancePath);
  const field = `\`${displayPath(path) || 'plan'}\``;
  const params = error.params as Record<string, unknown>;
  const base = { severity: 'error' as const, code: 'schema' };
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      return { ...base, message: `${capitalise(describeContainer(parsed.value, path))} is missing the required property \`${missing}\`.`, range: rangeAt(parsed, path), data: { path: [...path, missing] } };
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const allowed = allowedProperties(error);
      return {
        ...base,
        message: `Unknown property \`${extra}\` in ${describeContainer(parsed.value, path)}.${allowed.length ? ` Allowed: ${allowed.join(', ')}.` : ''}`,
        range: rangeAt(parsed, [...path, extra], 'key'),
        data: { path: [...path, extra], allowed },
      };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      return { ...base, message: `${field} cannot be ${quoteValue(valueAt(parsed.value, path))}; use one of: ${allowed.join(', ')}.`, range: rangeAt(parsed, path), data: { path, allowed } };
    }
    case 'const':
      return { ...base, message: `${field} must be ${JSON.stringify(params.allowedValue)}.`, range: rangeAt(parsed, path), data: { path, allowed: [String(params.allowedValue)] } };
    case 'type':
      return { ...base, message: `${field} must be ${typeName(String(params.type))}, not ${describeType(valueAt(parsed.value, path))}.`, range: rangeAt(parsed, path), data: { path } };
    case 'pattern':
      return { ...base, message: patternMessage(field, String(params.pattern), valueAt(parsed.value, path)), range: rangeAt(parsed, path), data: { path } };
    case 'minLength':
      return { ...base, message: `${field} must not be empty.`, range: rangeAt(parsed, path), data: { path } };
    case 'minItems':
      return { ...base, message: `${field} needs at least ${String(params.limit)} ${Number(params.limit) === 1 ? 'entry' : 'entries'}.`, range: rangeAt(parsed, path), data: { path } };
    case 'minimum':
    case 'maximum':
      return { ...base, message: `${field} must be between ${minMax(error).join(' and ')}.`, range: rangeAt(parsed, path), data: { path } };
    default:
      return { ...base, message: `${field} ${error.message ?? 'is not valid'}.`, range: rangeAt(parsed, path), data: { path } };
  }
}

function allowedProperties(error: ErrorObject): string[] {
  const schema = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
  return Object.keys(schema?.properties ?? {});
}

function minMax(error: ErrorObject): [number, number] {
  const schema = error.parentSchema as { minimum?: number; maximum?: number } | undefined;
  return [schema?.minimum ?? -Infinity, schema?.maximum ?? Infinity];
}

function patternMessage(field: string, pattern: string, value: unknown): string {
  if (pattern.startsWith('^[0-9]{4}-')) return `${field} must be a date written YYYY-MM-DD, not ${quoteValue(value)}.`;
  if (pattern.startsWith('^[a-z0-9]+')) return `${field} must be a kebab-case id (lowercase letters, digits and single dashes, like \`public-speaking\`), not ${quoteValue(value)}.`;
  if (pattern === '\\S') return `${field} must not be blank.`;
  return `${field} does not have the expected form.`;
}

function quoteValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  // Shorten by code points, so an emoji is never cut in half.
  const characters = Array.from(text);
  return `\`${characters.length > 60 ? `${characters.slice(0, 57).join('')}...` : text}\``;
}

function typeName(type: string): string {
  return { string: 'text', array: 'a list', object: 'a mapping', integer: 'a whole number', number: 'a number', boolean: 'true or false' }[type] ?? type;
}

function describeType(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text ${quoteValue(value)}`;
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
