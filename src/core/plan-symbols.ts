// The one answer to "where is id X defined, and where is it used?" and "what is at this offset?":
// the index behind the outline, workspace symbols, definition, references, highlights, rename,
// hover, inlay hints and CodeLens. It is built from a parse the plan store already holds (its
// cached check), never from a parse of its own, and cached per parse, so every feature asking about
// one version of a file shares one index.
import schemaJson from '../../schemas/mentoring-plan.schema.json';
import { dayNumber } from './dates';
import type { Range } from './issues';
import { rangeAt } from './parse';
import type { ParsedPlan, PlanPath } from './parse';
import type { Action, Feedback, Goal, Plan, Session } from './plan';
import { entries, entriesOf, isRecord, openActions, textOf, valueAt } from './plan-facts';
import type { EntryKind } from './plan-facts';

/** What an id names. */
export type IdKind = 'goal' | 'session' | 'feedback';

export const LIST_OF_KIND: Readonly<Record<IdKind, EntryKind>> = { goal: 'goals', session: 'sessions', feedback: 'feedback' };
const KIND_OF_LIST: Readonly<Record<EntryKind, IdKind>> = { goals: 'goal', sessions: 'session', feedback: 'feedback' };

/** The schema's id pattern: the single source of truth for what a new id may be. */
export const ID_PATTERN = new RegExp(schemaJson.definitions.id.pattern);

/** Undefined when `id` may be used as an id, else why not (for a rename's refusal). */
export function invalidIdReason(id: string): string | undefined {
  if (ID_PATTERN.test(id)) return undefined;
  const shown = id === '' ? 'An empty id' : `\`${id}\``;
  return `${shown} is not a valid id: use lowercase letters, digits and single dashes, like \`public-speaking\`.`;
}

/** An id written in the plan: an entry's own `id:` (definition) or a use of one elsewhere (reference). */
export interface IdUse {
  kind: IdKind;
  id: string;
  /** Where the id's value sits in the plan. */
  path: PlanPath;
  role: 'definition' | 'reference';
}

/**
 * Every id the plan defines and every reference to one, in file order by section, from the plain
 * value alone (so the edit engine can rename by path without positions). References: a session's
 * `goals:`, a feedback entry's `goal:` and `session:`.
 */
export function idUses(plan: unknown): IdUse[] {
  const uses: IdUse[] = [];
  if (!isRecord(plan)) return uses;
  for (const list of ['goals', 'sessions', 'feedback'] as const) {
    for (const { item, index } of entriesOf(plan as Partial<Plan>, list)) {
      const id = textOf(item.id);
      if (id !== undefined) uses.push({ kind: KIND_OF_LIST[list], id, path: [list, index, 'id'], role: 'definition' });
      if (list === 'sessions') {
        const goals = (item as Partial<Session>).goals;
        if (Array.isArray(goals)) goals.forEach((goal, goalIndex) => typeof goal === 'string' && uses.push({ kind: 'goal', id: goal, path: ['sessions', index, 'goals', goalIndex], role: 'reference' }));
      }
      if (list === 'feedback') {
        const feedback = item as Partial<Feedback>;
        const goal = textOf(feedback.goal);
        if (goal !== undefined) uses.push({ kind: 'goal', id: goal, path: ['feedback', index, 'goal'], role: 'reference' });
        const session = textOf(feedback.session);
        if (session !== undefined) uses.push({ kind: 'session', id: session, path: ['feedback', index, 'session'], role: 'reference' });
      }
    }
  }
  return uses;
}

/** An id use with where its text stands in the file (quotes left out). */
export interface IdOccurrence extends IdUse {
  range: Range;
  /** Offsets of the id's text: [start, end). */
  start: number;
  end: number;
}

export type PlanSymbolKind = 'mentorship' | 'agreement' | 'list' | 'goal' | 'session' | 'feedback';

/** One row of the outline. */
export interface PlanSymbol {
  name: string;
  detail: string;
  kind: PlanSymbolKind;
  /** Every line of the entry. */
  range: Range;
  /** What the editor selects: the entry's id where it has one. */
  selectionRange: Range;
  /** The entry's id, for goals, sessions and feedback. */
  id?: string;
  /** Where a goal, session or feedback entry stands in the plan: [list, index]. */
  path?: readonly [EntryKind, number];
  children: PlanSymbol[];
}

/** A goal, session or feedback entry as the outline names it, found from the plan's value alone. */
export interface NamedEntry {
  readonly kind: 'goal' | 'session' | 'feedback';
  readonly name: string;
  /** The outline's detail: a goal's id and status, a session's or feedback's id. */
  readonly detail: string;
  readonly id: string | undefined;
  readonly path: readonly [EntryKind, number];
}

/**
 * The goals and sessions (and feedback with `feedback`) of a plan, named as the outline names them,
 * without positions: what a search over every plan lists (the workspace symbols), whose line is
 * looked up only for the one chosen.
 */
export function namedEntries(plan: Partial<Plan> | undefined, lists: readonly EntryKind[] = ['goals', 'sessions']): NamedEntry[] {
  return lists.flatMap((list) => entriesOf(plan, list).map(({ item, index }) => ({ ...entryNaming(list, item, index), id: textOf(item.id), path: [list, index] as const })));
}

/** The outline's name and detail of an entry, from its value. */
function entryNaming(list: EntryKind, item: Record<string, unknown>, entryIndex: number): { kind: NamedEntry['kind']; name: string; detail: string } {
  const id = textOf(item.id);
  const date = textOf(item.date);
  switch (list) {
    case 'goals':
      return { kind: 'goal', name: textOf(item.title) ?? id ?? `goal ${entryIndex + 1}`, detail: [id, textOf(item.status)].filter(Boolean).join(' · ') };
    case 'sessions':
      return { kind: 'session', name: [textOf(item.type) ?? 'session', date].filter(Boolean).join(' '), detail: id ?? '' };
    case 'feedback':
      return { kind: 'feedback', name: [`feedback from ${textOf(item.from) ?? '?'}`, date].filter(Boolean).join(' '), detail: id ?? '' };
  }
}

export class PlanSymbolIndex {
  /** Every id use whose text in the file is exactly the id, ordered by offset. */
  readonly occurrences: readonly IdOccurrence[];
  private readonly byKey = new Map<string, IdOccurrence[]>();
  private outline: PlanSymbol[] | undefined;
  private names: Map<string, string> | undefined;

  constructor(readonly parsed: ParsedPlan) {
    const found: IdOccurrence[] = [];
    for (const use of idUses(parsed.value)) {
      const occurrence = locateUse(parsed, use);
      if (occurrence) found.push(occurrence);
    }
    found.sort((a, b) => a.start - b.start);
    this.occurrences = found;
    for (const occurrence of found) {
      const key = keyOf(occurrence.kind, occurrence.id);
      const list = this.byKey.get(key);
      if (list) list.push(occurrence);
      else this.byKey.set(key, [occurrence]);
    }
  }

  /** The id use whose text holds `offset` (its end included, where the cursor stands after typing it). */
  at(offset: number): IdOccurrence | undefined {
    let low = 0;
    let high = this.occurrences.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const occurrence = this.occurrences[middle];
      if (offset < occurrence.start) high = middle - 1;
      else if (offset > occurrence.end) low = middle + 1;
      else return occurrence;
    }
    return undefined;
  }

  /** The definition and every reference of an id, in file order. */
  uses(kind: IdKind, id: string): readonly IdOccurrence[] {
    return this.byKey.get(keyOf(kind, id)) ?? [];
  }

  definitions(kind: IdKind, id: string): IdOccurrence[] {
    return this.uses(kind, id).filter((use) => use.role === 'definition');
  }

  references(kind: IdKind, id: string): IdOccurrence[] {
    return this.uses(kind, id).filter((use) => use.role === 'reference');
  }

  /** The outline: the mentorship (its agreement inside), then goals, sessions and feedback under their lists. */
  symbols(): PlanSymbol[] {
    this.outline ??= buildOutline(this.parsed, this);
    return this.outline;
  }

  /** What the entry with this id is called in the outline (the first one, where an id repeats): an inlay hint beside a reference to it says the same. */
  nameOf(kind: IdKind, id: string): string | undefined {
    if (!this.names) {
      const names = new Map<string, string>();
      for (const list of this.symbols())
        for (const symbol of list.children) {
          if (symbol.id === undefined || (symbol.kind !== 'goal' && symbol.kind !== 'session' && symbol.kind !== 'feedback')) continue;
          const key = keyOf(symbol.kind, symbol.id);
          if (!names.has(key)) names.set(key, symbol.name);
        }
      this.names = names;
    }
    return this.names.get(keyOf(kind, id));
  }
}

const indexes = new WeakMap<ParsedPlan, PlanSymbolIndex>();

/** The index of a parse, built once per parse (the plan store's cached check holds the parse). */
export function symbolIndex(parsed: ParsedPlan): PlanSymbolIndex {
  let index = indexes.get(parsed);
  if (!index) {
    index = new PlanSymbolIndex(parsed);
    indexes.set(parsed, index);
  }
  return index;
}

function keyOf(kind: IdKind, id: string): string {
  return `${kind}\u0000${id}`;
}

/** The use with the range of its id text, or undefined when the text there is not the id as written (an alias, an escape). */
function locateUse(parsed: ParsedPlan, use: IdUse): IdOccurrence | undefined {
  const range = rangeAt(parsed, use.path);
  const { source } = parsed;
  let start = source.offsetAt(range.start);
  let end = source.offsetAt(range.end);
  const quote = source.text[start];
  const quoted = (quote === '"' || quote === "'") && source.text[end - 1] === quote && end - start >= 2;
  if (quoted) {
    start++;
    end--;
  }
  if (end - start !== use.id.length || !source.text.startsWith(use.id, start)) return undefined;
  // The quotes sit on the id's own line: the range moves one character in from each, no second position lookup.
  const idRange = quoted ? { start: { line: range.start.line, character: range.start.character + 1 }, end: { line: range.end.line, character: range.end.character - 1 } } : range;
  return { kind: use.kind, id: use.id, path: use.path, role: use.role, start, end, range: idRange };
}

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** The range from a key to the end of its value. */
function keyAndValue(parsed: ParsedPlan, path: PlanPath): Range {
  const key = rangeAt(parsed, path, 'key');
  const whole = rangeAt(parsed, path, 'whole');
  return contains(whole, key) ? whole : { start: key.start, end: whole.end.line > key.end.line || (whole.end.line === key.end.line && whole.end.character > key.end.character) ? whole.end : key.end };
}

function buildOutline(parsed: ParsedPlan, index: PlanSymbolIndex): PlanSymbol[] {
  const plan = parsed.value;
  if (!isRecord(plan)) return [];
  const symbols: PlanSymbol[] = [];
  const mentorship = plan.mentorship;
  if (isRecord(mentorship)) {
    const range = keyAndValue(parsed, ['mentorship']);
    const children: PlanSymbol[] = [];
    if ('agreement' in mentorship) {
      const agreementRange = keyAndValue(parsed, ['mentorship', 'agreement']);
      children.push({ name: 'agreement', detail: '', kind: 'agreement', range: agreementRange, selectionRange: rangeAt(parsed, ['mentorship', 'agreement'], 'key'), children: [] });
    }
    const names = [valueAt(mentorship, ['mentor', 'name']), valueAt(mentorship, ['protege', 'name'])].filter((name): name is string => typeof name === 'string');
    symbols.push({ name: textOf(mentorship.title) ?? 'mentorship', detail: names.join(' & '), kind: 'mentorship', range, selectionRange: rangeAt(parsed, ['mentorship'], 'key'), children });
  }
  for (const list of ['goals', 'sessions', 'feedback'] as const) {
    if (!(list in plan)) continue;
    const children = entriesOf(plan as Partial<Plan>, list).map(({ item, index: entryIndex }) => entrySymbol(parsed, index, list, item, entryIndex));
    symbols.push({ name: list, detail: `${children.length}`, kind: 'list', range: keyAndValue(parsed, [list]), selectionRange: rangeAt(parsed, [list], 'key'), children });
  }
  return symbols;
}

function entrySymbol(parsed: ParsedPlan, index: PlanSymbolIndex, list: EntryKind, item: Record<string, unknown>, entryIndex: number): PlanSymbol {
  const path = [list, entryIndex];
  const range = rangeAt(parsed, path, 'whole');
  const id = textOf(item.id);
  const idOccurrence = id === undefined ? undefined : index.definitions(KIND_OF_LIST[list], id).find((use) => use.path[1] === entryIndex);
  // The entry's first line only where its id is not written in it (looked up only then: one lookup less per entry).
  const firstLine = () => rangeAt(parsed, path);
  const selectionRange = idOccurrence && contains(range, idOccurrence.range) ? idOccurrence.range : contains(range, firstLine()) ? firstLine() : range;
  return { range, selectionRange, id, path: [list, entryIndex], children: [], ...entryNaming(list, item, entryIndex) };
}

// ---- What an id stands for (hover, inlay hints, CodeLens) -------------------------------------

/** A goal's or session's one-line summary: what a reference to it shows. */
export interface TargetSummary {
  kind: IdKind;
  id: string;
  /** The goal's title, the session's type and date, the feedback's source and date. */
  title: string;
  /** Status and progress, as short phrases. */
  facts: string[];
}

export function targetSummary(plan: unknown, kind: IdKind, id: string, today: string): TargetSummary | undefined {
  const entry = entriesOf(plan as Partial<Plan>, LIST_OF_KIND[kind]).find(({ item }) => item.id === id)?.item as Record<string, unknown> | undefined;
  if (!entry) return undefined;
  if (kind === 'goal') {
    const goal = entry as Partial<Goal>;
    const milestones = entries<{ done?: boolean }>(goal.milestones).map(({ item }) => item);
    const facts = [textOf(goal.status) ?? 'no status'];
    if (milestones.length) facts.push(`${milestones.filter((milestone) => milestone.done === true).length}/${milestones.length} milestones done`);
    const activity = goalActivity(plan, id);
    facts.push(plural(activity.sessions, 'session'));
    if (typeof goal.target === 'string') facts.push(`target ${goal.target}${relativeSuffix(goal.target, today)}`);
    return { kind, id, title: textOf(goal.title) ?? id, facts };
  }
  if (kind === 'session') {
    const session = entry as Partial<Session>;
    const actions = entries<Action>(session.actions).length;
    const open = openActions(session).length;
    const facts = [`${textOf(session.date) ?? 'no date'}${relativeSuffix(session.date, today)}`];
    if (actions) facts.push(`${open} of ${plural(actions, 'action')} open`);
    if (Array.isArray(session.goals) && session.goals.length) facts.push(`goals: ${session.goals.filter((goal) => typeof goal === 'string').join(', ')}`);
    return { kind, id, title: textOf(session.type) ?? 'session', facts };
  }
  const feedback = entry as Partial<Feedback>;
  return { kind, id, title: `feedback from ${textOf(feedback.from) ?? '?'}`, facts: [`${textOf(feedback.date) ?? 'no date'}${relativeSuffix(feedback.date, today)}`] };
}

/** What a goal's CodeLens counts: the sessions that name it, their open actions, and its latest feedback. */
export interface GoalActivity {
  sessions: number;
  openActions: number;
  latestFeedback: string | undefined;
}

export function goalActivity(plan: unknown, goalId: string): GoalActivity {
  let sessions = 0;
  let open = 0;
  for (const { item } of entriesOf(plan as Partial<Plan>, 'sessions')) {
    if (!Array.isArray(item.goals) || !item.goals.includes(goalId)) continue;
    sessions++;
    open += openActions(item).length;
  }
  let latestFeedback: string | undefined;
  for (const { item } of entriesOf(plan as Partial<Plan>, 'feedback')) {
    const date = textOf(item.date);
    if (item.goal === goalId && date !== undefined && dayNumber(date) !== undefined && (latestFeedback === undefined || date > latestFeedback)) latestFeedback = date;
  }
  return { sessions, openActions: open, latestFeedback };
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** How far a date is from today: "today", "tomorrow", "in 3 days", "12 days ago"; undefined for no calendar date. */
export function relativeDay(date: unknown, today: string): string | undefined {
  const day = dayNumber(date);
  const now = dayNumber(today);
  if (day === undefined || now === undefined) return undefined;
  const days = day - now;
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

function relativeSuffix(date: unknown, today: string): string {
  const relative = relativeDay(date, today);
  return relative ? ` (${relative})` : '';
}

// ---- Hover ----------------------------------------------------------------------------------------

export interface HoverOptions {
  today: string;
  /**
   * Whether to show what the schema says (a key's description, an enum value's meaning). Off when
   * another schema-aware extension (Red Hat's YAML) already shows it, so nothing appears twice.
   */
  schemaText: boolean;
}

export interface PlanHover {
  /** Markdown. */
  contents: string;
  range: Range;
}

/** What to show when the pointer rests at `offset`: a reference's target, a key's description, an enum value's meaning, a date's distance from today. */
export function planHover(parsed: ParsedPlan, offset: number, options: HoverOptions): PlanHover | undefined {
  const occurrence = symbolIndex(parsed).at(offset);
  if (occurrence) {
    const summary = targetSummary(parsed.value, occurrence.kind, occurrence.id, options.today);
    if (!summary) return undefined;
    const uses = symbolIndex(parsed).references(occurrence.kind, occurrence.id).length;
    const lines = [`**${escapeMarkdown(summary.title)}** · ${occurrence.kind} \`${summary.id}\``, '', summary.facts.map(escapeMarkdown).join(' · ')];
    if (occurrence.role === 'definition') lines.push('', plural(uses, 'reference'));
    return { contents: lines.join('\n'), range: occurrence.range };
  }
  const at = pathAt(parsed, offset);
  if (!at) return undefined;
  const schema = schemaAt(at.path);
  if (at.part === 'key') {
    const description = schema?.description;
    return options.schemaText && description ? { contents: description, range: at.range } : undefined;
  }
  const value = valueAt(parsed.value, at.path);
  const parts: string[] = [];
  if (options.schemaText && schema?.enum && schema.markdownEnumDescriptions) {
    const position = schema.enum.indexOf(value);
    if (position >= 0 && schema.markdownEnumDescriptions[position]) parts.push(`\`${String(value)}\`: ${schema.markdownEnumDescriptions[position]}`);
  }
  const relative = relativeDay(value, options.today);
  if (relative && schema?.isDate) parts.push(`${String(value)}: ${relative}`);
  return parts.length ? { contents: parts.join('\n\n'), range: at.range } : undefined;
}

function escapeMarkdown(text: string): string {
  // Only what would change how a title renders (emphasis, code, links, HTML, tables); dashes and brackets of plain text stay readable.
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

/** The deepest key or scalar value at `offset`, by the positions of the parse. */
export function pathAt(parsed: ParsedPlan, offset: number): { path: PlanPath; part: 'key' | 'value'; range: Range } | undefined {
  const position = parsed.source.positionAt(offset);
  const holds = (range: Range) => contains(range, { start: position, end: position });
  const path: (string | number)[] = [];
  let current = parsed.value;
  for (let depth = 0; depth < 64; depth++) {
    if (isRecord(current)) {
      let next: string | undefined;
      for (const key of Object.keys(current)) {
        const keyRange = rangeAt(parsed, [...path, key], 'key');
        if (holds(keyRange)) return { path: [...path, key], part: 'key', range: keyRange };
        if (holds(rangeAt(parsed, [...path, key], 'whole'))) {
          next = key;
          break;
        }
      }
      if (next === undefined) return undefined;
      path.push(next);
      current = current[next];
    } else if (Array.isArray(current)) {
      let next: number | undefined;
      for (let item = 0; item < current.length; item++) {
        const range = rangeAt(parsed, [...path, item], 'whole');
        if (range.start.line > position.line) break;
        if (holds(range)) {
          next = item;
          break;
        }
      }
      if (next === undefined) return undefined;
      path.push(next);
      current = current[next];
    } else {
      return { path, part: 'value', range: rangeAt(parsed, path) };
    }
  }
  return undefined;
}

interface SchemaNode {
  description?: string;
  enum?: unknown[];
  markdownEnumDescriptions?: string[];
  isDate?: boolean;
}

interface RawSchema {
  description?: string;
  $ref?: string;
  enum?: unknown[];
  markdownEnumDescriptions?: string[];
  properties?: Record<string, RawSchema>;
  items?: RawSchema;
}

const DATE_REF = '#/definitions/date';

/** What the schema says about the value at `path`: the property's own description first, then its `$ref`'s. */
export function schemaAt(path: PlanPath): SchemaNode | undefined {
  const root = schemaJson as unknown as RawSchema & { definitions: Record<string, RawSchema> };
  const resolve = (node: RawSchema): RawSchema => (node.$ref ? { ...root.definitions[node.$ref.replace('#/definitions/', '')], ...withoutRef(node) } : node);
  let node: RawSchema | undefined = root;
  let isDate = false;
  for (const part of path) {
    const resolved: RawSchema = resolve(node);
    const next: RawSchema | undefined = typeof part === 'number' ? resolved.items : resolved.properties?.[part];
    if (!next) return undefined;
    isDate = next.$ref === DATE_REF;
    node = next;
  }
  const resolved = resolve(node);
  return { description: resolved.description, enum: resolved.enum, markdownEnumDescriptions: resolved.markdownEnumDescriptions, isDate };
}

function withoutRef(node: RawSchema): RawSchema {
  const copy = { ...node };
  delete copy.$ref;
  return copy;
}
