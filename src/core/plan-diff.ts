// The semantic diff of two versions of a plan: what changed in mentoring terms (a goal achieved, a
// session held, an action re-dated), not which YAML lines moved. Entries are matched by id, so a
// reordered list, a comment or a re-indented block is no change; actions and milestones have no
// ids and are matched by their text within their session or goal. Pure: the CLI (and later the
// extension) reads the files and renders the result with the functions at the end.
import type { PlanIssue } from './issues';
import { parsePlan } from './parse';
import type { Action, Milestone, Plan } from './plan';
import { datedSessions, entries, entriesById, entriesOf, idsOf, isRecord, sameValue, textOf } from './plan-facts';
import type { EntryKind } from './plan-facts';
import { markdownCode, markdownText } from './summary';

export type Trend = 'up' | 'down' | 'same';

/**
 * One change. `kind` says which; the other fields are the ones that kind uses (README, "Reviewing
 * plan changes", lists them). Values are the plan's own (strings, numbers, lists), unescaped.
 */
export type PlanChange =
  | { kind: 'agreement-changed'; field: string; from?: unknown; to?: unknown; added?: string[]; removed?: string[] }
  | { kind: 'mentorship-changed'; field: string; from?: unknown; to?: unknown }
  | { kind: 'goal-added'; id: string; title?: unknown; status?: unknown }
  | { kind: 'goal-removed'; id: string; title?: unknown }
  | { kind: 'goal-renamed'; id: string; from?: unknown; to?: unknown }
  | { kind: 'goal-status-changed'; id: string; from?: unknown; to?: unknown }
  | { kind: 'goal-target-moved'; id: string; from?: unknown; to?: unknown }
  | { kind: 'goal-edited'; id: string; fields: string[] }
  | { kind: 'milestone-added' | 'milestone-done' | 'milestone-reopened' | 'milestone-removed'; goal: string; text: string }
  | { kind: 'session-added'; id: string; type?: unknown; date?: unknown }
  | { kind: 'session-removed'; id: string; type?: unknown; date?: unknown }
  | { kind: 'session-rescheduled'; id: string; from?: unknown; to?: unknown }
  | { kind: 'session-edited'; id: string; fields: string[] }
  | { kind: 'action-added'; session: string; text: string; owner?: unknown; due?: unknown; done: boolean }
  | { kind: 'action-completed' | 'action-reopened' | 'action-removed'; session: string; text: string }
  | { kind: 'action-reassigned' | 'action-redated'; session: string; text: string; from?: unknown; to?: unknown }
  | { kind: 'health-recorded' | 'health-changed'; session: string; date?: unknown; scores: HealthScores }
  | { kind: 'feedback-added'; id: string; from?: unknown; date?: unknown; goal?: unknown }
  | { kind: 'feedback-removed'; id: string; from?: unknown; date?: unknown }
  | { kind: 'feedback-edited'; id: string; fields: string[] }
  | { kind: 'other-changed'; field: string };

export type ChangeKind = PlanChange['kind'];

/** Every kind, in the README's order; the compiler checks none is missing (the README test reads it). */
export const CHANGE_KINDS = [
  'agreement-changed', 'mentorship-changed', 'goal-added', 'goal-removed', 'goal-renamed', 'goal-status-changed', 'goal-target-moved', 'goal-edited',
  'milestone-added', 'milestone-done', 'milestone-reopened', 'milestone-removed', 'session-added', 'session-removed', 'session-rescheduled', 'session-edited',
  'action-added', 'action-completed', 'action-reopened', 'action-removed', 'action-reassigned', 'action-redated', 'health-recorded', 'health-changed',
  'feedback-added', 'feedback-removed', 'feedback-edited', 'other-changed',
] as const satisfies readonly ChangeKind[];
const everyKindListed: [Exclude<ChangeKind, (typeof CHANGE_KINDS)[number]>] extends [never] ? true : never = true;
void everyKindListed;

/** Each rater's score in a session, the score before it (this one's old value, or the previous rated session's) and the trend. */
export type HealthScores = Partial<Record<'mentor' | 'protege', { score: unknown; previous?: unknown; trend?: Trend }>>;

export interface DiffError {
  side: 'old' | 'new';
  message: string;
  /** 1-based, as printed. */
  line: number;
  column: number;
}

export type PlanDiff = { ok: true; agreementChanged: boolean; changes: PlanChange[] } | { ok: false; errors: DiffError[] };

/**
 * Compares two versions of a plan. `undefined` stands for a file that does not exist on that side
 * (added or deleted in a commit): it compares as an empty plan. A side with YAML syntax errors is
 * not compared (half a document would report invented removals): its first error is returned.
 */
export function diffPlans(oldText: string | undefined, newText: string | undefined): PlanDiff {
  const errors: DiffError[] = [];
  const oldPlan = readSide(oldText, 'old', errors);
  const newPlan = readSide(newText, 'new', errors);
  if (errors.length || oldPlan === undefined || newPlan === undefined) return { ok: false, errors };
  const changes = [...agreementChanges(oldPlan, newPlan), ...mentorshipChanges(oldPlan, newPlan), ...goalChanges(oldPlan, newPlan), ...sessionChanges(oldPlan, newPlan), ...feedbackChanges(oldPlan, newPlan), ...otherChanges(oldPlan, newPlan)];
  return { ok: true, agreementChanged: changes.some((change) => change.kind === 'agreement-changed'), changes };
}

function readSide(text: string | undefined, side: 'old' | 'new', errors: DiffError[]): Partial<Plan> | undefined {
  if (text === undefined) return {};
  const parsed = parsePlan(text);
  const firstError = parsed.syntaxIssues.find((issue) => issue.severity === 'error');
  if (firstError) {
    errors.push(errorAt(side, firstError));
    return undefined;
  }
  const value = parsed.value;
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    errors.push({ side, message: 'The file is not a plan: its top level is not a mapping of keys (schemaVersion, mentorship, goals…).', line: 1, column: 1 });
    return undefined;
  }
  return value as Partial<Plan>;
}

function errorAt(side: 'old' | 'new', issue: PlanIssue): DiffError {
  return { side, message: issue.message, line: issue.range.start.line + 1, column: issue.range.start.character + 1 };
}

// ---------------------------------------------------------------------------------------------
// Comparison

/** The value as JSON with keys sorted, so key order (formatting) does not count. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keyed = value as Record<string, unknown>;
    return `{${Object.keys(keyed).sort().map((key) => `${JSON.stringify(key)}:${canonical(keyed[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** Two lists with the same items in any order (a reordered list of actions is no change). */
function sameItems(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return sameValue(a, b);
  return sameValue(a.map(canonical).sort(), b.map(canonical).sort());
}

/**
 * True when the changes found by matching text account for how a list of actions or milestones
 * changed: nothing changed (in any order), or something was named and the items that are not
 * mappings (which matching cannot see) stayed the same.
 */
function explained(named: readonly PlanChange[], oldList: unknown, newList: unknown): boolean {
  const unmatchable = (list: unknown) => (Array.isArray(list) ? list.filter((item) => item === null || typeof item !== 'object' || Array.isArray(item)) : (list ?? []));
  return sameItems(oldList, newList) || (named.length > 0 && sameItems(unmatchable(oldList), unmatchable(newList)));
}

function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

/** Keys of either side whose values differ, except `handled`, in the new side's key order then the old's. */
function changedFields(oldValue: unknown, newValue: unknown, handled: readonly string[]): string[] {
  const oldRecord = record(oldValue);
  const newRecord = record(newValue);
  const keys = [...new Set([...Object.keys(newRecord), ...Object.keys(oldRecord)])];
  return keys.filter((key) => !handled.includes(key) && !sameValue(oldRecord[key], newRecord[key]));
}

/** Leaves of a mapping as dotted paths (lists are leaves), so nested fields like `mentor.name` are reported by name. */
function leaves(value: unknown, prefix = '', into = new Map<string, unknown>()): Map<string, unknown> {
  // A part written as plain text ("agreement: we meet weekly") is one leaf, so a change to it is seen.
  if (value !== undefined && value !== null && (typeof value !== 'object' || Array.isArray(value))) {
    into.set(prefix || '(value)', value);
    return into;
  }
  for (const [key, child] of Object.entries(record(value))) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (child !== null && typeof child === 'object' && !Array.isArray(child)) leaves(child, path, into);
    else into.set(path, child);
  }
  return into;
}

function changedLeaves(oldValue: unknown, newValue: unknown): { field: string; from: unknown; to: unknown }[] {
  const oldLeaves = leaves(oldValue);
  const newLeaves = leaves(newValue);
  const fields = [...new Set([...newLeaves.keys(), ...oldLeaves.keys()])];
  return fields.filter((field) => !sameValue(oldLeaves.get(field), newLeaves.get(field))).map((field) => ({ field, from: oldLeaves.get(field), to: newLeaves.get(field) }));
}

function stringsOf(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))) : undefined;
}

// ---------------------------------------------------------------------------------------------
// The parts of a plan

function agreementChanges(oldPlan: Partial<Plan>, newPlan: Partial<Plan>): PlanChange[] {
  const oldAgreement = record(oldPlan.mentorship).agreement;
  const newAgreement = record(newPlan.mentorship).agreement;
  return changedLeaves(oldAgreement, newAgreement).map(({ field, from, to }): PlanChange => {
    const oldItems = stringsOf(from);
    const newItems = stringsOf(to);
    if (oldItems || newItems) {
      // A list of commitments: which ones came and went says more than the two whole lists.
      const added = (newItems ?? []).filter((item) => !(oldItems ?? []).includes(item));
      const removed = (oldItems ?? []).filter((item) => !(newItems ?? []).includes(item));
      return { kind: 'agreement-changed', field, from, to, added, removed };
    }
    return { kind: 'agreement-changed', field, from, to };
  });
}

function mentorshipChanges(oldPlan: Partial<Plan>, newPlan: Partial<Plan>): PlanChange[] {
  const withoutAgreement = (plan: Partial<Plan>) => ({ ...record(plan.mentorship), agreement: undefined });
  return changedLeaves(withoutAgreement(oldPlan), withoutAgreement(newPlan)).map(({ field, from, to }) => ({ kind: 'mentorship-changed', field, from, to }));
}

/** Ids present on either side: the new file's order first, then ids only the old file has, in its order. */
function idsOfBoth(oldPlan: Partial<Plan>, newPlan: Partial<Plan>, kind: EntryKind): string[] {
  return [...new Set([...idsOf(newPlan, kind), ...idsOf(oldPlan, kind)])];
}

function goalChanges(oldPlan: Partial<Plan>, newPlan: Partial<Plan>): PlanChange[] {
  const changes: PlanChange[] = [];
  const oldEntries = entriesById(oldPlan, 'goals');
  const newEntries = entriesById(newPlan, 'goals');
  for (const id of idsOfBoth(oldPlan, newPlan, 'goals')) {
    const before = oldEntries.get(id)?.item;
    const after = newEntries.get(id)?.item;
    if (!after) {
      changes.push({ kind: 'goal-removed', id, title: before?.title });
      continue;
    }
    if (!before) changes.push({ kind: 'goal-added', id, title: after.title, status: after.status });
    else {
      if (!sameValue(before.title, after.title)) changes.push({ kind: 'goal-renamed', id, from: before.title, to: after.title });
      if (!sameValue(before.status, after.status)) changes.push({ kind: 'goal-status-changed', id, from: before.status, to: after.status });
      if (!sameValue(before.target, after.target)) changes.push({ kind: 'goal-target-moved', id, from: before.target, to: after.target });
    }
    const milestones = milestoneChanges(id, before?.milestones, after.milestones);
    if (before) {
      // Milestones changed in a way matching by text cannot name (not mappings, other keys): say so.
      const fields = changedFields(before, after, ['id', 'title', 'status', 'target', ...(explained(milestones, before.milestones, after.milestones) ? ['milestones'] : [])]);
      if (fields.length) changes.push({ kind: 'goal-edited', id, fields });
    }
    changes.push(...milestones);
  }
  return changes;
}

/** Items of a list matched by their text: each new item takes the first unused old one with the same text. */
function matchByText<T extends { text?: unknown }>(oldList: unknown, newList: unknown) {
  const oldItems = entries<T>(oldList).map(({ item }) => item);
  const used = new Set<number>();
  const pairs: { before: Partial<T> | undefined; after: Partial<T> }[] = [];
  for (const { item: after } of entries<T>(newList)) {
    const index = oldItems.findIndex((before, candidate) => !used.has(candidate) && typeof before.text === 'string' && before.text.trim() === String(after.text ?? '').trim());
    if (index !== -1) used.add(index);
    pairs.push({ before: index === -1 ? undefined : oldItems[index], after });
  }
  const removed = oldItems.filter((_item, index) => !used.has(index));
  return { pairs, removed };
}

function milestoneChanges(goal: string, oldList: unknown, newList: unknown): PlanChange[] {
  const changes: PlanChange[] = [];
  const { pairs, removed } = matchByText<Milestone>(oldList, newList);
  for (const { before, after } of pairs) {
    const text = String(after.text ?? '');
    if (!before) changes.push({ kind: after.done === true ? 'milestone-done' : 'milestone-added', goal, text });
    else if (before.done !== true && after.done === true) changes.push({ kind: 'milestone-done', goal, text });
    else if (before.done === true && after.done !== true) changes.push({ kind: 'milestone-reopened', goal, text });
  }
  for (const milestone of removed) changes.push({ kind: 'milestone-removed', goal, text: String(milestone.text ?? '') });
  return changes;
}

function sessionChanges(oldPlan: Partial<Plan>, newPlan: Partial<Plan>): PlanChange[] {
  const changes: PlanChange[] = [];
  const oldEntries = entriesById(oldPlan, 'sessions');
  const newEntries = entriesById(newPlan, 'sessions');
  for (const id of idsOfBoth(oldPlan, newPlan, 'sessions')) {
    const before = oldEntries.get(id)?.item;
    const after = newEntries.get(id)?.item;
    if (!after) {
      changes.push({ kind: 'session-removed', id, type: before?.type, date: before?.date });
      continue;
    }
    if (!before) changes.push({ kind: 'session-added', id, type: after.type, date: after.date });
    else {
      if (!sameValue(before.date, after.date)) changes.push({ kind: 'session-rescheduled', id, from: before.date, to: after.date });
    }
    const actions = actionChanges(id, before?.actions, after.actions);
    if (before) {
      // What the kinds below cannot name (health removed, actions that are not mappings, other keys) is still an edit.
      const handled = ['id', 'date', ...(explained(actions, before.actions, after.actions) ? ['actions'] : []), ...(after.health !== undefined ? ['health'] : [])];
      const fields = changedFields(before, after, handled);
      if (fields.length) changes.push({ kind: 'session-edited', id, fields });
    }
    changes.push(...actions);
    if (!sameValue(before?.health, after.health) && after.health !== undefined) {
      const recorded = before?.health === undefined || before.health === null;
      changes.push({ kind: recorded ? 'health-recorded' : 'health-changed', session: id, date: after.date, scores: healthScores(newPlan, id, recorded ? undefined : before.health, after.health) });
    }
  }
  return changes;
}

/**
 * Each rater's score with what it compares to: for a new record, the latest earlier session (by
 * date) that has that rater's score; for an edited record, the old score.
 */
function healthScores(newPlan: Partial<Plan>, sessionId: string, oldHealth: unknown, newHealth: unknown): HealthScores {
  const scores: HealthScores = {};
  const sessions = datedSessions(newPlan);
  const position = sessions.findIndex((session) => session.id === sessionId);
  for (const rater of ['mentor', 'protege'] as const) {
    const score = record(newHealth)[rater];
    if (score === undefined) continue;
    let previous: unknown;
    if (oldHealth !== undefined) previous = record(oldHealth)[rater];
    else if (position !== -1) previous = sessions.slice(0, position).reverse().map((session) => record(session.health)[rater]).find((value) => typeof value === 'number');
    const trend: Trend | undefined = typeof score === 'number' && typeof previous === 'number' ? (score > previous ? 'up' : score < previous ? 'down' : 'same') : undefined;
    scores[rater] = { score, ...(previous !== undefined && { previous }), ...(trend && { trend }) };
  }
  return scores;
}

function actionChanges(session: string, oldList: unknown, newList: unknown): PlanChange[] {
  const changes: PlanChange[] = [];
  const { pairs, removed } = matchByText<Action>(oldList, newList);
  for (const { before, after } of pairs) {
    const text = String(after.text ?? '');
    if (!before) {
      changes.push({ kind: 'action-added', session, text, owner: after.owner, due: after.due, done: after.done === true });
      continue;
    }
    if (before.done !== true && after.done === true) changes.push({ kind: 'action-completed', session, text });
    if (before.done === true && after.done !== true) changes.push({ kind: 'action-reopened', session, text });
    if (!sameValue(before.owner, after.owner)) changes.push({ kind: 'action-reassigned', session, text, from: before.owner, to: after.owner });
    if (!sameValue(before.due, after.due)) changes.push({ kind: 'action-redated', session, text, from: before.due, to: after.due });
  }
  for (const action of removed) changes.push({ kind: 'action-removed', session, text: String(action.text ?? '') });
  return changes;
}

function feedbackChanges(oldPlan: Partial<Plan>, newPlan: Partial<Plan>): PlanChange[] {
  const changes: PlanChange[] = [];
  const oldEntries = entriesById(oldPlan, 'feedback');
  const newEntries = entriesById(newPlan, 'feedback');
  for (const id of idsOfBoth(oldPlan, newPlan, 'feedback')) {
    const before = oldEntries.get(id)?.item;
    const after = newEntries.get(id)?.item;
    if (!after) changes.push({ kind: 'feedback-removed', id, from: before?.from, date: before?.date });
    else if (!before) changes.push({ kind: 'feedback-added', id, from: after.from, date: after.date, goal: after.goal });
    else {
      const fields = changedFields(before, after, ['id']);
      if (fields.length) changes.push({ kind: 'feedback-edited', id, fields });
    }
  }
  return changes;
}

/**
 * What the kinds above cannot see: top-level keys outside the four parts, and entries that no id
 * reaches (no id, or a duplicate id). Reported by place, so "no change in substance" is never said
 * of a plan that did change.
 */
function otherChanges(oldPlan: Partial<Plan>, newPlan: Partial<Plan>): PlanChange[] {
  const changes: PlanChange[] = changedFields(oldPlan, newPlan, ['mentorship', 'goals', 'sessions', 'feedback']).map((field): PlanChange => ({ kind: 'other-changed', field }));
  const unreached = (plan: Partial<Plan>, kind: EntryKind) => {
    const reached = entriesById(plan, kind);
    return entriesOf(plan, kind)
      .filter(({ item, index }) => reached.get(String(textOf(item.id)))?.index !== index)
      .map(({ item }) => item);
  };
  for (const kind of ['goals', 'sessions', 'feedback'] as const) {
    // A missing list and an empty one hold the same (no) items; anything else that is not a list is reported.
    const nonEntries = (plan: Partial<Plan>) => (Array.isArray(plan[kind]) ? (plan[kind] as unknown[]).filter((item) => item === null || typeof item !== 'object' || Array.isArray(item)) : (plan[kind] ?? []));
    if (!sameValue(unreached(oldPlan, kind), unreached(newPlan, kind)) || !sameValue(nonEntries(oldPlan), nonEntries(newPlan))) changes.push({ kind: 'other-changed', field: kind });
  }
  return changes;
}

// ---------------------------------------------------------------------------------------------
// Rendering: one sentence per change, built from parts so each format escapes plan text its way.

type Part = string | { id: unknown } | { quote: unknown } | { plain: unknown };

const RATER_NAMES = { mentor: 'mentor', protege: 'protégé' } as const;
const TREND_WORDS: Record<Trend, string> = { up: 'up from', down: 'down from', same: 'same as' };

function arrow(from: unknown, to: unknown, quoted = false): Part[] {
  const show = (value: unknown): Part => (value === undefined ? 'none' : quoted ? { quote: value } : { plain: value });
  return [show(from), ' → ', show(to)];
}

function describe(change: PlanChange): Part[] {
  switch (change.kind) {
    case 'agreement-changed': {
      const what: Part[] = ['agreement ', { plain: agreementFieldName(change.field) }];
      if (change.added || change.removed) {
        const parts: Part[] = [...what, ':'];
        for (const item of change.added ?? []) parts.push(' added ', { quote: item }, ';');
        for (const item of change.removed ?? []) parts.push(' removed ', { quote: item }, ';');
        if (!change.added?.length && !change.removed?.length) parts.push(' reordered');
        else parts.pop();
        return parts;
      }
      return [...what, ': ', ...arrow(change.from, change.to, true)];
    }
    case 'mentorship-changed':
      return ['mentorship ', { plain: change.field }, ': ', ...arrow(change.from, change.to, [change.from, change.to].some((value) => typeof value === 'string' && value.includes(' ')))];
    case 'goal-added':
      return ['goal ', { id: change.id }, ' added: ', { quote: change.title }, ...(change.status !== undefined ? [' (', { plain: change.status }, ')'] : [])];
    case 'goal-removed':
      return ['goal ', { id: change.id }, ' removed: ', { quote: change.title }];
    case 'goal-renamed':
      return ['goal ', { id: change.id }, ' renamed: ', ...arrow(change.from, change.to, true)];
    case 'goal-status-changed':
      return ['goal ', { id: change.id }, ' status: ', ...arrow(change.from, change.to)];
    case 'goal-target-moved':
      return ['goal ', { id: change.id }, ' target moved: ', ...arrow(change.from, change.to)];
    case 'goal-edited':
      return ['goal ', { id: change.id }, ' edited: ', { plain: change.fields.join(', ') }];
    case 'milestone-added':
    case 'milestone-done':
    case 'milestone-reopened':
    case 'milestone-removed':
      return ['goal ', { id: change.goal }, `: milestone ${change.kind.slice('milestone-'.length)}: `, { quote: change.text }];
    case 'session-added':
    case 'session-removed':
      return ['session ', { id: change.id }, ` ${change.kind.slice('session-'.length)}: `, { plain: change.type ?? 'session' }, ' on ', { plain: change.date ?? 'no date' }];
    case 'session-rescheduled':
      return ['session ', { id: change.id }, ' moved: ', ...arrow(change.from, change.to)];
    case 'session-edited':
      return ['session ', { id: change.id }, ' edited: ', { plain: change.fields.join(', ') }];
    case 'action-added': {
      const details: Part[] = [];
      if (change.owner !== undefined) details.push({ plain: change.owner });
      if (change.due !== undefined) details.push(...(details.length ? [', '] : []), 'due ', { plain: change.due });
      if (change.done) details.push(...(details.length ? [', '] : []), 'already done');
      return ['session ', { id: change.session }, ': action added: ', { quote: change.text }, ...(details.length ? [' (', ...details, ')'] : [])];
    }
    case 'action-completed':
    case 'action-reopened':
    case 'action-removed':
      return ['session ', { id: change.session }, `: action ${change.kind.slice('action-'.length)}: `, { quote: change.text }];
    case 'action-reassigned':
    case 'action-redated':
      return ['session ', { id: change.session }, `: action ${change.kind.slice('action-'.length)}: `, { quote: change.text }, ', ', ...arrow(change.from, change.to)];
    case 'health-recorded':
    case 'health-changed': {
      const parts: Part[] = ['session ', { id: change.session }, `: health ${change.kind === 'health-recorded' ? 'recorded' : 'changed'}: `];
      const raters = (['mentor', 'protege'] as const).filter((rater) => change.scores[rater]);
      raters.forEach((rater, index) => {
        const { score, previous, trend } = change.scores[rater]!;
        if (index) parts.push(', ');
        parts.push(`${RATER_NAMES[rater]} `, { plain: score });
        if (trend) parts.push(` (${TREND_WORDS[trend]} `, { plain: previous }, ')');
        else if (previous !== undefined) parts.push(' (was ', { plain: previous }, ')');
      });
      if (!raters.length) parts.push('no scores');
      return parts;
    }
    case 'feedback-added':
      return ['feedback ', { id: change.id }, ' added: from the ', { plain: change.from ?? 'unknown' }, ' on ', { plain: change.date ?? 'no date' }, ...(change.goal !== undefined ? [', about goal ', { id: change.goal }] : [])];
    case 'feedback-removed':
      return ['feedback ', { id: change.id }, ' removed: from the ', { plain: change.from ?? 'unknown' }, ' on ', { plain: change.date ?? 'no date' }];
    case 'feedback-edited':
      return ['feedback ', { id: change.id }, ' edited: ', { plain: change.fields.join(', ') }];
    case 'other-changed':
      return [{ plain: change.field }, " changed (entries without a unique id, or a key outside the plan's parts)"];
  }
}

export const NO_CHANGE = 'No change in substance (only comments, formatting or order).';

/** `roles.protege` reads as "the protégé's role"; other agreement fields by their key. */
function agreementFieldName(field: string): string {
  const role = /^roles\.(mentor|protege)$/.exec(field);
  return role ? `the ${RATER_NAMES[role[1] as 'mentor' | 'protege']}'s role` : field;
}

function headline(changes: readonly PlanChange[]): string | undefined {
  const fields = [...new Set(changes.flatMap((change) => (change.kind === 'agreement-changed' ? [agreementFieldName(change.field)] : [])))];
  return fields.length ? `The agreement changed: ${fields.join(', ')}. Both of you approve agreement changes.` : undefined;
}

function plainValue(value: unknown): string {
  const text = Array.isArray(value) ? value.map((item) => plainValue(item)).join('; ') : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}

/** Plain text, one line per change, the agreement's headline first. */
export function renderDiffText(changes: readonly PlanChange[]): string {
  if (!changes.length) return `${NO_CHANGE}\n`;
  const render = (part: Part) =>
    typeof part === 'string' ? part : 'id' in part ? plainValue(part.id) : 'quote' in part ? (typeof part.quote === 'string' ? JSON.stringify(part.quote) : plainValue(part.quote)) : plainValue(part.plain);
  const lines = changes.map((change) => `- ${describe(change).map(render).join('')}`);
  const head = headline(changes);
  return `${[...(head ? [head] : []), ...lines].join('\n')}\n`;
}

/** Markdown for a pull request comment: plan text escaped as text, ids in code spans. */
export function renderDiffMarkdown(changes: readonly PlanChange[]): string {
  if (!changes.length) return `${NO_CHANGE}\n`;
  const render = (part: Part) =>
    typeof part === 'string' ? part : 'id' in part ? markdownCode(part.id) : 'quote' in part ? `“${markdownText(plainValue(part.quote))}”` : markdownText(plainValue(part.plain));
  const lines = changes.map((change) => `- ${describe(change).map(render).join('')}`);
  const head = headline(changes);
  return `${[...(head ? [`> **${markdownText(head)}**`, ''] : []), ...lines].join('\n')}\n`;
}
