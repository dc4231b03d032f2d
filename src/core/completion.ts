// What to offer where the cursor is in a plan file: bank questions inside a session's `agenda:`,
// allowed values after `type:`, `status:`, `kind:` (and the other enums), goal ids in a session's
// `goals:`. Works without Red Hat's YAML extension, on text that is mid-edit.
import { parseDocument } from 'yaml';
import { agendaCompletions } from './agenda';
import { rangeAt } from './parse';
import type { ParsedPlan } from './parse';
import { ACTION_OWNERS, CADENCES, CLOSURE_OUTCOMES, FEEDBACK_SOURCES, GOAL_KINDS, GOAL_STATUSES, MENTORSHIP_STATUSES, SESSION_TYPES } from './plan';
import type { Goal, Plan, Session, SessionType } from './plan';
import { entriesOf } from './plan-facts';

export interface PlanCompletion {
  label: string;
  /** Text to insert; YAML-quoted where the plain text would not survive. */
  insertText: string;
  detail?: string;
  kind: 'question' | 'value' | 'goal' | 'session';
  /** Orders the list: lower first. */
  sortText: string;
}

export interface PlanCompletionList {
  items: PlanCompletion[];
  /** Offset where the word being completed starts; the editor replaces from here to the cursor. */
  replaceFrom: number;
}

/** Enum values by the list the key sits in (`goals`, `sessions`, …) and the key itself. */
const ENUMS: Record<string, Record<string, readonly string[]>> = {
  goals: { status: GOAL_STATUSES, kind: GOAL_KINDS },
  sessions: { type: SESSION_TYPES, owner: ACTION_OWNERS },
  feedback: { from: FEEDBACK_SOURCES },
  mentorship: { cadence: CADENCES, status: MENTORSHIP_STATUSES, outcome: CLOSURE_OUTCOMES },
};

/** Completions at `offset` of an already parsed plan (the editor passes its cached, up-to-date parse). */
export function planCompletions(parsed: ParsedPlan, offset: number): PlanCompletionList | undefined {
  const { text } = parsed.source;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const plan = (parsed.value ?? {}) as Partial<Plan>;
  const section = topLevelSection(text, lineStart);
  const sessionIndex = section === 'sessions' ? sessionIndexAt(parsed, offset) : undefined;
  const session = sessionIndex !== undefined && Array.isArray(plan.sessions) ? plan.sessions[sessionIndex] : undefined;

  // `key: partial` — an enum value, or a goal id after `goal:` in feedback.
  const keyValue = /^\s*(?:-\s+)?([A-Za-z]+):\s*(["']?)([^"'#]*)$/.exec(before);
  if (keyValue) {
    const [, key, quote, partial] = keyValue;
    const replaceFrom = offset - partial.length - quote.length;
    if (key === 'goals' && section === 'sessions') {
      const flow = /\[\s*(?:[^,\]]*,\s*)*([^,\]]*)$/.exec(before.slice(before.indexOf(':') + 1));
      if (flow) return { items: goalItems(plan, session?.goals), replaceFrom: offset - flow[1].length };
    }
    if (key === 'goal' && section === 'feedback') return { items: goalItems(plan, []), replaceFrom };
    if (key === 'session' && section === 'feedback') return { items: sessionItems(plan), replaceFrom };
    const values = section ? ENUMS[section]?.[key] : undefined;
    if (values) return { items: values.map((value, index) => ({ label: value, insertText: value, kind: 'value', sortText: String(index).padStart(3, '0') })), replaceFrom };
    return undefined;
  }

  // `- partial` in a block list: an agenda question, or a goal id.
  const listItem = /^(\s*)-\s*(["']?)(.*)$/.exec(before);
  if (!listItem || section !== 'sessions') return undefined;
  const parentKey = parentKeyOf(text, lineStart, listItem[1].length);
  const replaceFrom = offset - listItem[3].length - listItem[2].length;
  if (parentKey === 'goals') return { items: goalItems(plan, session?.goals), replaceFrom };
  if (parentKey !== 'agenda') return undefined;
  const type = typeof session?.type === 'string' && (SESSION_TYPES as readonly string[]).includes(session.type) ? (session.type as SessionType) : undefined;
  const existing = Array.isArray(session?.agenda) ? session.agenda.filter((entry): entry is string => typeof entry === 'string') : [];
  const items = agendaCompletions(type, existing).map<PlanCompletion>((question, index) => ({
    label: question.text,
    insertText: yamlString(question.text),
    detail: question.detail,
    kind: 'question',
    sortText: String(index).padStart(4, '0'),
  }));
  return { items, replaceFrom };
}

function goalItems(plan: Partial<Plan>, already: unknown): PlanCompletion[] {
  const taken = new Set(Array.isArray(already) ? already : []);
  const goals = entriesOf(plan, 'goals')
    .map(({ item }) => item)
    .filter((goal): goal is Goal => typeof goal.id === 'string');
  return goals
    .filter((goal) => !taken.has(goal.id))
    .map((goal, index) => ({ label: goal.id, insertText: goal.id, detail: `${goal.title ?? ''}${goal.status ? ` (${goal.status})` : ''}`, kind: 'goal', sortText: String(index).padStart(3, '0') }));
}

/** Session ids, latest first: feedback is usually about a recent session. */
function sessionItems(plan: Partial<Plan>): PlanCompletion[] {
  const sessions = entriesOf(plan, 'sessions')
    .map(({ item }) => item)
    .filter((session): session is Session => typeof session.id === 'string');
  return [...sessions]
    .reverse()
    .map((session, index) => ({ label: session.id, insertText: session.id, detail: [session.type, session.date].filter((part) => typeof part === 'string').join(' '), kind: 'session', sortText: String(index).padStart(5, '0') }));
}

/** The top-level key whose block holds the line starting at `lineStart`. */
function topLevelSection(text: string, lineStart: number): string | undefined {
  let start = lineStart;
  while (start >= 0) {
    const match = /^([A-Za-z]+):/.exec(text.slice(start, start + 40));
    if (match) return match[1];
    if (start === 0) return undefined;
    start = text.lastIndexOf('\n', start - 2) + 1;
  }
  return undefined;
}

/** The key of the nearest line above that is less indented than `indent`. */
function parentKeyOf(text: string, lineStart: number, indent: number): string | undefined {
  let start = lineStart;
  while (start > 0) {
    start = text.lastIndexOf('\n', start - 2) + 1;
    const line = text.slice(start, text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start));
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const lineIndent = line.length - line.trimStart().length;
    if (lineIndent < indent || (lineIndent === indent && !line.trimStart().startsWith('-'))) {
      const key = /^\s*(?:-\s+)?([A-Za-z]+):\s*$/.exec(line);
      return key?.[1];
    }
  }
  return undefined;
}

/** Index of the session whose lines hold `offset`, if any (by positions, so any parse will do). */
export function sessionIndexAt(parsed: ParsedPlan, offset: number): number | undefined {
  const sessions = (parsed.value as Partial<Plan> | undefined)?.sessions;
  if (!Array.isArray(sessions)) return undefined;
  let found: number | undefined;
  for (let index = 0; index < sessions.length; index++) {
    if (parsed.source.offsetAt(rangeAt(parsed, ['sessions', index]).start) <= offset) found = index;
  }
  return found;
}

/** A question as a YAML list value (`- <value>`): plain where it reads back as the same string, double-quoted otherwise. */
export function yamlString(text: string): string {
  const plainLooksSafe = /^[^-?:,[\]{}#&*!|>'"%@`\s]/.test(text) && !/: |\s#|:$/.test(text);
  return plainLooksSafe && readsBackAs(`- ${text}`, text) ? text : JSON.stringify(text);
}

/** Whether the one-item list `source` parses, without complaint, to exactly [`text`] (not a number, a date, a trailing-space-trimmed string…). */
function readsBackAs(source: string, text: string): boolean {
  const document = parseDocument(source);
  if (document.errors.length > 0 || document.warnings.length > 0) return false;
  const value: unknown = document.toJS();
  return Array.isArray(value) && value.length === 1 && value[0] === text;
}
