// Generated mentoring plans as TEXT, in the many styles people write YAML by hand: block and flow
// collections, plain/quoted/block scalars, comments before, after and inside entries and lists
// (column 0 too), anchors and aliases, 2- or 4-space indents, indented or flush lists, LF or CRLF,
// with or without a BOM. Every generated text is valid YAML; property tests compare what an
// operation did by parsing the text before and after. Every comment carries a unique marker
// (`#c<n>`) so a test can tell exactly which comments survived.
import * as fc from 'fast-check';
import type { PlanPath } from '../../src/core/parse';
import type { Action, Feedback, Goal, Session } from '../../src/core/plan';
import { ACTION_OWNERS, FEEDBACK_SOURCES, GOAL_KINDS, GOAL_STATUSES, SESSION_TYPES } from '../../src/core/plan';

export interface GeneratedPlan {
  text: string;
  /** Paths where an edit at or below must be refused: an anchor an alias repeats, or an alias itself. */
  guardedPaths: PlanPath[];
  style: FileStyle;
}

export interface FileStyle {
  eol: '\n' | '\r\n';
  bom: boolean;
  indent: 2 | 4;
  /** "key:\n  - x" (true) or "key:\n- x" (false). */
  indentSequences: boolean;
  finalNewline: boolean;
}

export interface PlanGeneratorOptions {
  /** Entries per list (goals, sessions, feedback); default 0 to 3. */
  minEntries?: number;
  maxEntries?: number;
  /** Whether anchors and aliases may appear; default true. */
  anchors?: boolean;
  /**
   * Mostly texts the incremental parser cuts into pieces (indented block lists at the top, no BOM,
   * no tabs), for tests of what is built on those pieces; other styles still come up.
   */
  cuttable?: boolean;
}

// ---- Scalars -------------------------------------------------------------------------------------

type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

/** A string value and how it is written. Block styles fall back to double quotes where they cannot go. */
interface TextValue {
  kind: 'text';
  value: string;
  style: ScalarStyle;
  chomp: '' | '-';
}

/** A value written verbatim (dates, numbers, booleans): the text is valid YAML in any context. */
interface RawValue {
  kind: 'raw';
  text: string;
}

interface ListValue {
  kind: 'list';
  items: Value[];
  layout: 'block' | 'flow' | 'flow-lines';
}

interface MapValue {
  kind: 'map';
  pairs: Field[];
  flow: boolean;
  anchor?: string;
}

interface AliasValue {
  kind: 'alias';
  name: string;
}

type Value = TextValue | RawValue | ListValue | MapValue | AliasValue;

interface Field {
  key: string;
  value: Value;
  /** Comment line before the pair (at its column, or column 0). */
  before?: 'indented' | 'column0';
  /** Comment after the value on its line. */
  inline?: boolean;
  /** Anchor on the value (scalars and lists). */
  anchor?: string;
}

const WORDS = ['review', 'design', 'intent', 'Sam', 'Alex', 'pairing', 'tests', 'deploy', 'on-call', 'career', 'goal', 'notes', "team's", 'next', 'step', 'écrire', 'naïve', 'Ünïcode'] as const;
/** Characters that force quoting somewhere: the engine must write them back as data. */
const AWKWARD = [': ', ' #', ',', '[x]', '{y}', '"', "'", '—', '😀', '&a', '*b', '!t', '%', '@', '`', '|', '>', '- ', '? ', '\u202E', '\\'] as const;

const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }).map((words) => words.join(' '));

/** Strings that need care: awkward characters, words YAML would read as other types, line breaks. */
export const awkwardString: fc.Arbitrary<string> = fc.oneof(
  sentence,
  fc.tuple(sentence, fc.constantFrom(...AWKWARD), sentence).map(([a, b, c]) => `${a}${b}${c}`),
  fc.constantFrom('true', 'False', 'null', '~', '123', '1e3', '0x1F', '2026-01-01', '', ' padded ', '- not a list item', '#not a comment', 'key: value', '<script>alert(1)</script>', 'line one\nline two', 'tab\there'),
);

function textValue(value: string, style: ScalarStyle, chomp: '' | '-' = ''): TextValue {
  return { kind: 'text', value, style, chomp };
}

const scalarStyle = fc.constantFrom<ScalarStyle>('plain', 'plain', 'single', 'double');
const anyScalarStyle = fc.constantFrom<ScalarStyle>('plain', 'plain', 'single', 'double', 'literal', 'folded');

const proseValue = fc.tuple(fc.oneof(sentence, awkwardString), anyScalarStyle, fc.constantFrom<'' | '-'>('', '-')).map(([value, style, chomp]) => textValue(value, style, chomp));
const shortValue = fc.tuple(fc.oneof({ weight: 4, arbitrary: sentence }, { weight: 1, arbitrary: awkwardString }), scalarStyle).map(([value, style]) => textValue(value, style));
const rawOrQuoted = (text: string) => fc.constantFrom<Value>({ kind: 'raw', text }, textValue(text, 'single'), textValue(text, 'double'));
const date = fc.tuple(fc.integer({ min: 2025, max: 2027 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const dateValue = date.chain((text) => rawOrQuoted(text));
const boolValue = fc.constantFrom<Value>({ kind: 'raw', text: 'true' }, { kind: 'raw', text: 'false' }, { kind: 'raw', text: 'True' }, { kind: 'raw', text: 'false' });
const enumValue = (values: readonly string[]) => fc.constantFrom(...values).chain((text) => rawOrQuoted(text));

const listLayout = fc.constantFrom<ListValue['layout']>('block', 'block', 'flow', 'flow-lines');
const list = (item: fc.Arbitrary<Value>, max = 3) => fc.tuple(fc.array(item, { maxLength: max }), listLayout).map(([items, layout]): ListValue => ({ kind: 'list', items, layout: items.length === 0 ? 'flow' : layout }));

/** Optional fields: absent, or present with comments around them. */
const field = (key: string, value: fc.Arbitrary<Value>, optional = true): fc.Arbitrary<Field | undefined> =>
  fc
    .record({ value, before: fc.constantFrom(undefined, undefined, undefined, 'indented' as const, 'column0' as const), inline: fc.boolean(), present: optional ? fc.boolean() : fc.constant(true) })
    .map(({ present, ...rest }) => (present ? { key, ...rest } : undefined));

function mapOf(fields: fc.Arbitrary<Field | undefined>[], shuffle = true): fc.Arbitrary<MapValue> {
  return fc.tuple(fc.tuple(...fields), fc.boolean(), shuffle ? fc.nat() : fc.constant(0), fc.integer({ min: 0, max: 9 })).map(([all, flowChoice, rotation, flowOdds]) => {
    const pairs = all.filter((pair): pair is Field => pair !== undefined);
    // Now and then a key other than id comes first, as hand-written entries do.
    const rotated = rotation % 5 === 0 && pairs.length > 1 ? [...pairs.slice(1), pairs[0]] : pairs;
    return { kind: 'map', pairs: rotated, flow: flowChoice && flowOdds < 2 };
  });
}

const actionMap = mapOf([field('text', shortValue, false), field('owner', enumValue(ACTION_OWNERS)), field('due', dateValue), field('done', boolValue)]);

function goalMap(id: string): fc.Arbitrary<MapValue> {
  return mapOf([
    field('id', rawOrQuoted(id), false),
    field('title', shortValue, false),
    field('kind', enumValue(GOAL_KINDS)),
    field('why', proseValue),
    field('status', enumValue(GOAL_STATUSES), false),
    field('target', dateValue),
    field('success', list(shortValue)),
    field('milestones', list(mapOf([field('text', shortValue, false), field('done', boolValue)], false))),
  ]);
}

function sessionMap(id: string): fc.Arbitrary<MapValue> {
  return mapOf([
    field('id', rawOrQuoted(id), false),
    field('date', dateValue, false),
    field('type', enumValue(SESSION_TYPES)),
    field('goals', list(fc.constantFrom<Value>({ kind: 'raw', text: 'g0' }, { kind: 'raw', text: 'g1' }), 2)),
    field('agenda', fc.oneof(list(shortValue), fc.constant<Value>({ kind: 'raw', text: '' }))),
    field('notes', proseValue),
    field('actions', fc.oneof({ weight: 5, arbitrary: list(actionMap) }, { weight: 1, arbitrary: fc.constant<Value>({ kind: 'raw', text: '' }) })),
    field('health', mapOf([field('mentor', fc.constantFrom<Value>({ kind: 'raw', text: '3' }, { kind: 'raw', text: '5' })), field('protege', fc.constantFrom<Value>({ kind: 'raw', text: '4' }))], false)),
  ]);
}

function feedbackMap(id: string): fc.Arbitrary<MapValue> {
  return mapOf([
    field('id', rawOrQuoted(id), false),
    field('date', dateValue, false),
    field('from', enumValue(FEEDBACK_SOURCES), false),
    field('situation', proseValue),
    field('behavior', proseValue),
    field('impact', proseValue),
    field('feedforward', list(shortValue), false),
  ]);
}

interface TopList {
  key: 'goals' | 'sessions' | 'feedback';
  /** absent: no key; null: "key:"; otherwise the list. */
  form: 'absent' | 'null' | 'list';
  list: ListValue;
  /** Column-0 comment between two block entries. */
  column0Between: boolean;
}

function topList(key: TopList['key'], entry: (id: string) => fc.Arbitrary<MapValue>, options: PlanGeneratorOptions): fc.Arbitrary<TopList> {
  const min = options.minEntries ?? 0;
  const max = options.maxEntries ?? 3;
  const prefix = key === 'goals' ? 'g' : key === 'sessions' ? 's' : 'f';
  // Mostly lists with entries, so operations on an entry usually find one; empty and missing lists still come up.
  const count = fc.oneof({ weight: 1, arbitrary: fc.constant(min) }, { weight: 7, arbitrary: fc.integer({ min: Math.min(min + 1, max), max }) });
  return count.chain((count) =>
    fc.record({
      entries: fc.tuple(...Array.from({ length: count }, (_, index) => entry(`${prefix}${index}`))),
      layout: options.cuttable ? fc.constantFrom<ListValue['layout']>('block', 'block', 'block', 'block', 'block', 'block', 'flow') : fc.constantFrom<ListValue['layout']>('block', 'block', 'block', 'flow', 'flow-lines'),
      form: min > 0 ? fc.constant('list' as const) : fc.oneof({ weight: 8, arbitrary: fc.constant('list' as const) }, fc.constant('absent' as const), fc.constant('null' as const)),
      column0Between: fc.boolean(),
    }).map(({ entries, layout, form, column0Between }): TopList => ({ key, form, column0Between, list: { kind: 'list', items: entries, layout: entries.length === 0 ? 'flow' : layout } })),
  );
}

const fileStyle: fc.Arbitrary<FileStyle> = fc.record({
  eol: fc.constantFrom<FileStyle['eol']>('\n', '\r\n'),
  bom: fc.boolean(),
  indent: fc.constantFrom<FileStyle['indent']>(2, 2, 4),
  indentSequences: fc.boolean(),
  finalNewline: fc.constantFrom(true, true, true, false),
});

type AnchorPlan = 'none' | 'list' | 'entry' | 'scalar' | 'unused';

/** Plans as text in many styles. */
export function planText(options: PlanGeneratorOptions = {}): fc.Arbitrary<GeneratedPlan> {
  return fc
    .record({
      style: options.cuttable ? fileStyle.map((style) => ({ ...style, bom: false, indentSequences: true })) : fileStyle,
      goals: topList('goals', goalMap, options),
      sessions: topList('sessions', sessionMap, options),
      feedback: topList('feedback', feedbackMap, options),
      headerComment: fc.boolean(),
      mentorFlow: fc.boolean(),
      anchor: options.anchors === false ? fc.constant<AnchorPlan>('none') : fc.constantFrom<AnchorPlan>('none', 'none', 'none', 'list', 'entry', 'scalar', 'unused'),
      anchorTarget: fc.constantFrom<TopList['key']>('goals', 'sessions', 'feedback'),
    })
    .map((model) => render(model))
    .map((generated) => (options.cuttable ? { ...generated, text: generated.text.replace(/\t/g, ' ') } : generated));
}

// ---- Rendering -----------------------------------------------------------------------------------

interface Model {
  style: FileStyle;
  goals: TopList;
  sessions: TopList;
  feedback: TopList;
  headerComment: boolean;
  mentorFlow: boolean;
  anchor: AnchorPlan;
  anchorTarget: TopList['key'];
}

class Writer {
  private comments = 0;
  readonly lines: string[] = [];

  constructor(readonly style: FileStyle) {}

  comment(): string {
    return `#c${this.comments++} note`;
  }

  push(...lines: string[]): void {
    this.lines.push(...lines);
  }
}

const PLAIN_START = /^[A-Za-z\u00C0-\u024F]/;
const KEYWORDS = /^(true|false|null|yes|no|on|off|~)$/i;

/** Whether `value` reads back as the same string when written plain in this context. */
function plainSafe(value: string, flow: boolean): boolean {
  if (!PLAIN_START.test(value) || KEYWORDS.test(value) || value !== value.trim()) return false;
  if (/[\n\r\t#:"\\\u202E]/.test(value) || /[`|>@%!&*]/.test(value)) return false;
  if (flow && /[,[\]{}]/.test(value)) return false;
  return !/[[\]{}]/.test(value);
}

function inlineScalar(value: TextValue, flow: boolean): string {
  const style = value.style === 'literal' || value.style === 'folded' ? 'double' : value.style;
  if (style === 'plain' && plainSafe(value.value, flow)) return value.value;
  if (style === 'single' && !/[\n\r]/.test(value.value)) return `'${value.value.replace(/'/g, "''")}'`;
  return JSON.stringify(value.value);
}

/** Block scalars fit prose without leading/trailing spaces or awkward line content. */
function blockScalarFits(value: string): boolean {
  return value.length > 0 && value === value.trim() && !/[\t\r]/.test(value) && !/\n\s|\s\n/.test(value) && !value.includes('\n\n');
}

function flowText(value: Value): string {
  switch (value.kind) {
    case 'text':
      return inlineScalar(value, true);
    case 'raw':
      return value.text === '' ? 'null' : value.text;
    case 'alias':
      return `*${value.name}`;
    case 'list':
      return `[${value.items.map(flowText).join(', ')}]`;
    case 'map':
      return `${value.anchor ? `&${value.anchor} ` : ''}{${value.pairs.map((pair) => `${pair.key}: ${pair.anchor ? `&${pair.anchor} ` : ''}${flowText(pair.value)}`).join(', ')}}`;
  }
}

function pad(column: number): string {
  return ' '.repeat(column);
}

/** Writes `key: value` pairs of a block mapping at `column`; `firstPrefix` replaces the first line's indentation (an entry's "- "). */
function writePairs(writer: Writer, pairs: Field[], column: number, firstPrefix?: string): void {
  pairs.forEach((pair, index) => {
    const lead = index === 0 && firstPrefix !== undefined ? firstPrefix : pad(column);
    if (pair.before && !(index === 0 && firstPrefix !== undefined)) writer.push(`${pair.before === 'column0' ? '' : pad(column)}${writer.comment()}`);
    writeValue(writer, `${lead}${pair.key}:`, pair.value, column, pair.inline, pair.anchor);
  });
}

/** Writes one value after `head` ("key:" or "-"), continuing at `column` + indent. */
function writeValue(writer: Writer, head: string, value: Value, column: number, inline = false, anchor?: string): void {
  const { indent, indentSequences } = writer.style;
  const tail = () => (inline ? `  ${writer.comment()}` : '');
  const props = anchor ? ` &${anchor}` : '';
  switch (value.kind) {
    case 'raw':
      writer.push(`${head}${props}${value.text === '' ? '' : ` ${value.text}`}${tail()}`);
      return;
    case 'alias':
      writer.push(`${head} *${value.name}${tail()}`);
      return;
    case 'text':
      if ((value.style === 'literal' || value.style === 'folded') && blockScalarFits(value.value)) {
        writer.push(`${head}${props} ${value.style === 'literal' ? '|' : '>'}${value.chomp}`);
        for (const line of value.value.split('\n')) writer.push(`${pad(column + indent)}${line}`);
        return;
      }
      writer.push(`${head}${props} ${inlineScalar(value, false)}${tail()}`);
      return;
    case 'map':
      if (value.flow || value.pairs.length === 0) {
        writer.push(`${head}${props} ${flowText(value)}${tail()}`);
        return;
      }
      writer.push(`${head}${props}${tail()}`);
      writePairs(writer, value.pairs, column + indent);
      return;
    case 'list':
      if (value.items.length === 0 || value.layout === 'flow') {
        writer.push(`${head}${props} ${flowText(value)}${tail()}`);
        return;
      }
      if (value.layout === 'flow-lines') {
        writer.push(`${head}${props} [`);
        value.items.forEach((item, index) => {
          const comma = index < value.items.length - 1 || index % 2 === 1 ? ',' : '';
          if (index === 1) writer.push(`${pad(column + indent)}${writer.comment()}`);
          writer.push(`${pad(column + indent)}${flowText(item)}${comma}${index === 0 ? `  ${writer.comment()}` : ''}`);
        });
        writer.push(`${pad(column)}]${tail()}`);
        return;
      }
      writer.push(`${head}${props}${tail()}`);
      writeBlockItems(writer, value.items, indentSequences ? column + indent : column);
      return;
  }
}

/** Block list items with their dash at `dash`. */
function writeBlockItems(writer: Writer, items: Value[], dash: number, column0Between = false, itemAnchors: (string | undefined)[] = []): void {
  items.forEach((item, index) => {
    if (index > 0 && column0Between && index === 1) writer.push(writer.comment());
    if (index === 2) writer.push(`${pad(dash)}${writer.comment()}`);
    const anchor = itemAnchors[index];
    if (item.kind === 'map' && !item.flow && item.pairs.length > 0) {
      if (anchor) {
        writer.push(`${pad(dash)}- &${anchor}`);
        writePairs(writer, item.pairs, dash + 2);
      } else {
        writePairs(writer, item.pairs, dash + 2, `${pad(dash)}- `);
      }
      // The entry's own trailing comment, indented inside it.
      if (index % 2 === 0) writer.push(`${pad(dash + 2)}${writer.comment()}`);
      return;
    }
    writeValue(writer, `${pad(dash)}-`, item, dash, index % 3 === 0, anchor);
  });
}

function render(generatedModel: Model): GeneratedPlan {
  // fast-check reuses generated values while shrinking; the anchors below must not change them.
  const model = structuredClone(generatedModel);
  const writer = new Writer(model.style);
  const { indent, indentSequences } = model.style;
  const guardedPaths: PlanPath[] = [];
  if (model.headerComment) writer.push(writer.comment());
  writer.push('schemaVersion: 1');
  writer.push('');
  writer.push(`mentorship:  ${writer.comment()}`);
  writer.push(model.mentorFlow ? `${pad(indent)}mentor: {name: Alex Rivera}` : `${pad(indent)}mentor:\n${pad(indent * 2)}name: "Alex Rivera"`);
  writer.push(`${pad(indent)}protege:`);
  writer.push(`${pad(indent * 2)}name: 'Sam Chen'`);
  writer.push(`${pad(indent)}started: 2026-01-05`);
  writer.push(`${pad(indent)}cadence: biweekly  ${writer.comment()}`);

  // Anchors: on a whole list, on one entry, or on one scalar, repeated by an alias; or unused.
  const target = model[model.anchorTarget];
  const entries = target.list.items as MapValue[];
  const extra: string[] = [];
  let listAnchor: string | undefined;
  const itemAnchors: (string | undefined)[] = [];
  if (target.form === 'list' && entries.length > 0) {
    if (model.anchor === 'list') {
      listAnchor = 'all';
      extra.push('archive: *all');
      guardedPaths.push([target.key]);
    } else if (model.anchor === 'entry' || model.anchor === 'unused') {
      const index = entries.length - 1;
      itemAnchors[index] = 'e1';
      if (target.list.layout !== 'block') entries[index] = { ...entries[index], anchor: 'e1' };
      if (model.anchor === 'entry') {
        extra.push('archive: [*e1]');
        guardedPaths.push([target.key, index]);
      }
    } else if (model.anchor === 'scalar' && entries.length >= 2) {
      // Not the id: two entries sharing an id would be refused for that reason instead.
      const anchored = entries[0].pairs.findIndex((pair) => pair.key !== 'id' && pair.value.kind !== 'list' && pair.value.kind !== 'map');
      const key = entries[0].pairs[anchored]?.key;
      const aliasedKey = entries[1].pairs.find((pair) => pair.key === key);
      if (anchored >= 0 && aliasedKey) {
        entries[0].pairs[anchored] = { ...entries[0].pairs[anchored], anchor: 'v1' };
        aliasedKey.value = { kind: 'alias', name: 'v1' };
        aliasedKey.anchor = undefined;
        guardedPaths.push([target.key, 0, key], [target.key, 1, key]);
      }
    }
  }

  for (const top of [model.goals, model.sessions, model.feedback]) {
    if (top.column0Between) writer.push(writer.comment());
    if (top.form === 'absent') continue;
    if (top.form === 'null') {
      writer.push(`${top.key}:`);
      continue;
    }
    const anchor = top === target ? listAnchor : undefined;
    const props = anchor ? ` &${anchor}` : '';
    const { list: value } = top;
    if (value.items.length === 0) writer.push(`${top.key}:${props} []  ${writer.comment()}`);
    else if (value.layout === 'block') {
      writer.push(`${top.key}:${props}`);
      writeBlockItems(writer, value.items, indentSequences ? indent : 0, top.column0Between, top === target ? itemAnchors : []);
    } else writeValue(writer, `${top.key}:`, value, 0, true, anchor);
    writer.push('');
  }
  writer.push(...extra);
  if (model.headerComment) writer.push(writer.comment());
  const body = writer.lines.join('\n').replace(/\n+$/, '');
  const text = (model.style.bom ? '\uFEFF' : '') + (body + (model.style.finalNewline ? '\n' : '')).replace(/\n/g, model.style.eol);
  return { text, guardedPaths, style: model.style };
}

// ---- New values for operations -------------------------------------------------------------------

export const newAction: fc.Arbitrary<Action> = fc.record({ text: awkwardString, owner: fc.constantFrom(...ACTION_OWNERS), due: fc.option(date, { nil: undefined }), done: fc.option(fc.boolean(), { nil: undefined }) });

export function newGoal(id: string): fc.Arbitrary<Goal> {
  return fc.record({
    id: fc.constant(id),
    title: awkwardString,
    kind: fc.option(fc.constantFrom(...GOAL_KINDS), { nil: undefined }),
    status: fc.constantFrom(...GOAL_STATUSES),
    success: fc.option(fc.array(awkwardString, { maxLength: 2 }), { nil: undefined }),
    milestones: fc.option(fc.array(fc.record({ text: awkwardString, done: fc.boolean() }), { maxLength: 2 }), { nil: undefined }),
  });
}

export function newSession(id: string): fc.Arbitrary<Session> {
  return fc.record({
    id: fc.constant(id),
    date,
    type: fc.option(fc.constantFrom(...SESSION_TYPES), { nil: undefined }),
    goals: fc.option(fc.constantFrom(['g0'], ['g0', 'g1']), { nil: undefined }),
    agenda: fc.option(fc.array(awkwardString, { maxLength: 2 }), { nil: undefined }),
    notes: fc.option(awkwardString, { nil: undefined }),
    actions: fc.option(fc.array(newAction, { maxLength: 2 }), { nil: undefined }),
  });
}

export function newFeedback(id: string): fc.Arbitrary<Feedback> {
  return fc.record({
    id: fc.constant(id),
    date,
    from: fc.constantFrom(...FEEDBACK_SOURCES),
    situation: fc.option(awkwardString, { nil: undefined }),
    behavior: fc.option(awkwardString, { nil: undefined }),
    impact: fc.option(awkwardString, { nil: undefined }),
    feedforward: fc.array(awkwardString, { minLength: 1, maxLength: 3 }),
  });
}

/** fast-check parameters shared by the property tests: FC_SEED replays a printed failure. */
export function propertyParameters(numRuns: number): fc.Parameters<unknown> {
  const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
  const path = process.env.FC_PATH;
  return { numRuns: seed === undefined ? numRuns : Math.max(numRuns, 1), ...(seed === undefined ? {} : { seed }), ...(path ? { path } : {}) };
}
