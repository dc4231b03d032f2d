// A check for counting, not for pointing: the same findings as checkPlan (code, severity, count)
// at a fraction of its cost, for reports over many plans. Most of checkPlan's time is the yaml
// library building a document that keeps every position; a report needs only the plain value.
//
// quickParseValue reads the block YAML that plans are written in (block mappings and sequences,
// one-line plain and simply quoted scalars, flow lists of plain ids) line by line. Any value it
// is not certain of (block scalars, escapes, multi-line scalars, flow mappings) is handed to the
// yaml library as a snippet of its own lines; anything else it does not know (anchors, tags,
// directives, tabs, duplicate keys, odd indentation, any error) makes it give up, and the plan
// takes checkPlan's whole parse. So the value is always the one yaml would build, and every file
// with a syntax error is reported by checkPlan, with its position.
import { checkParsed, checkPlan, planOf } from './check';
import type { CheckOptions } from './check';
import type { PlanIssue, Range } from './issues';
import { parsePlan, parseYaml, refusal } from './parse';
import type { ParsedPlan, PlanPath, RangePart } from './parse';
import type { Plan } from './plan';
import { SourceText } from './source';
import { lazyRanges } from './incremental';
import type { LazyRanges } from './incremental';

export interface QuickCheckResult {
  /** The plan's plain value; undefined when the file has no mapping at its root. */
  plan: Partial<Plan> | undefined;
  /**
   * The same issues as checkPlan's, by code, severity and count. When `exactPositions` is false
   * their ranges are the file's first line and any line named in a message is not to be trusted.
   */
  issues: PlanIssue[];
  /** True when the plan took checkPlan's whole parse (syntax errors, unusual YAML): ranges are exact. */
  exactPositions: boolean;
}

/** Where issues of a quickly parsed plan point: nowhere in particular. */
const NO_POSITION: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function quickCheckPlan(text: string, options: CheckOptions): QuickCheckResult {
  const source = new SourceText(text);
  const refused = refusal(source);
  const value = refused ? undefined : quickParseValue(text);
  if (refused || value === undefined) {
    const { plan, issues } = refused ? checkParsed(refused, options) : checkPlan(text, options);
    return { plan, issues, exactPositions: true };
  }
  const parsed: ParsedPlan = { source, document: undefined, value, syntaxIssues: [], readable: true, resolveRange: () => NO_POSITION };
  const { plan, issues } = checkParsed(parsed, options);
  return { plan, issues, exactPositions: false };
}

/** What checkClosedPlan gives: checkPlan's result without the parsed document. */
export interface ClosedCheckResult {
  plan: Partial<Plan> | undefined;
  /** Exactly checkPlan's issues: the same codes, messages, data and ranges. */
  issues: PlanIssue[];
  /** False when the text was refused before a value could be built (as ParsedPlan.readable). */
  readable: boolean;
  /** How the check went: `quick` with `pieces` parsed and `fromLines` positions found from the lines, or `whole` (checkPlan itself). */
  path: { kind: 'quick'; pieces: number; fromLines: number } | { kind: 'whole' };
}

/**
 * checkPlan's exact result for a plan nobody is editing, at quickCheckPlan's cost: the value comes
 * from the line parser, and each position a finding needs from a parse of only the entry it lies
 * in (lazyRanges), so a plan with a few findings parses a few entries instead of the whole file.
 * Whatever the line parser cannot read, or an entry that does not parse alone, takes checkPlan.
 */
export function checkClosedPlan(text: string, options: CheckOptions): ClosedCheckResult {
  const whole = (): ClosedCheckResult => {
    const { plan, issues, parsed } = checkPlan(text, options);
    return { plan, issues, readable: parsed.readable, path: { kind: 'whole' } };
  };
  const source = new SourceText(text);
  if (refusal(source)) return whole();
  const read = quickRead(text);
  if (read === undefined) return whole();
  const { value, lines } = read;
  const ranges = quickRanges(source, lines);
  const parsed: ParsedPlan = { source, document: undefined, value, syntaxIssues: [], readable: true, resolveRange: ranges.resolveRange };
  const { plan, issues } = checkParsed(parsed, options);
  if (ranges.failed()) return whole();
  return { plan, issues, readable: true, path: { kind: 'quick', pieces: ranges.parses(), fromLines: ranges.fromLines() } };
}

/**
 * checkClosedPlan's plan value without checking it or finding any position: what the extension
 * reads again of a closed plan whose value it let go (an expanded row, a command, a search).
 */
export function closedPlanValue(text: string): Partial<Plan> | undefined {
  if (refusal(new SourceText(text))) return undefined;
  const read = quickRead(text);
  return planOf(read ? read.value : parsePlan(text).value);
}

/**
 * exactRange's ranges in a text yaml parses without error (the line parser read it): most from the
 * lines themselves (LineFinder), what the line finder is not sure of from a parse of only the entry
 * it lies in (lazyRanges). `failed()` says an entry did not parse alone: then parse the whole text.
 * `lines` are the line parser's lines of the text, when it has read them already.
 */
export function quickRanges(source: SourceText, lines?: readonly Line[]): LazyRanges & { fromLines: () => number } {
  const ranges = lazyRanges(source);
  let finder: LineFinder | undefined;
  let found = 0;
  const resolveRange = (path: PlanPath, part: RangePart) => {
    finder ??= new LineFinder(source, lines ?? splitLines(source.text).lines);
    const range = finder.find(path, part);
    if (range === NOT_SURE) return ranges.resolveRange(path, part);
    found++;
    return range;
  };
  return { resolveRange, failed: ranges.failed, parses: ranges.parses, fromLines: () => found };
}

/** Thrown inside the parser to give up; caught at its entry. */
class GiveUp extends Error {}
const giveUp = (): never => {
  throw new GiveUp();
};

/** Marks a line's value as one the line parser is not sure of: yaml reads it instead. */
const ASK_YAML = Symbol('ask yaml');
type Inline = unknown;

/** Lines that make the document something other than one plain block document. */
const UNUSUAL_DOCUMENT = /^(?:---|\.\.\.)(?:[ \t]|$)|^%|[\t\u0085\u2028\u2029\uFEFF]|\r(?!\n)/m;
const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)/;
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
/** Plain scalars the core schema reads as numbers other than small decimal integers: left to yaml. */
const OTHER_NUMBER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/;
const SMALL_INTEGER = /^(?:0|[1-9][0-9]{0,14})$/;
const SIMPLE_DOUBLE_QUOTED = /^"([^"\\]*)"(?: +#.*)?$/;
const SIMPLE_SINGLE_QUOTED = /^'((?:[^']|'')*)'(?: +#.*)?$/;
const SIMPLE_FLOW_LIST = /^\[([^[\]{}"'#:]*)\](?: +#.*)?$/;

/** One line of the text, as the line parser reads it and the line finder finds positions in it. */
interface Line {
  /** How many spaces start the line. */
  indent: number;
  /** The text after the indentation, without a trailing CR and trailing spaces. */
  content: string;
  /** Blank or only a comment. */
  empty: boolean;
}

/** The one place the text is cut into lines: `raw` as they are (a CR kept), `lines` read. */
function splitLines(text: string): { raw: string[]; lines: Line[] } {
  const raw = text.split('\n');
  const lines = raw.map((rawLine): Line => {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    const content = line.slice(indent).replace(/ +$/, '');
    return { indent, content, empty: content === '' || content.startsWith('#') };
  });
  return { raw, lines };
}

/**
 * The plain value yaml's parse (with checkPlan's options) would give `text`, or undefined when this
 * parser cannot be sure of it; then nothing is known and the caller parses the whole text.
 */
export function quickParseValue(text: string): unknown {
  return quickRead(text)?.value;
}

/** quickParseValue's value with the lines it was read from, for finding positions in them. */
function quickRead(text: string): { value: unknown; lines: Line[] } | undefined {
  if (UNUSUAL_DOCUMENT.test(text)) return undefined;
  const { raw, lines } = splitLines(text);
  try {
    return { value: new LineParser(lines, raw).document(), lines };
  } catch (error) {
    if (error instanceof GiveUp) return undefined;
    throw error;
  }
}

class LineParser {
  private next = 0;

  constructor(
    private readonly lines: Line[],
    private readonly rawLines: string[],
  ) {}

  document(): unknown {
    this.skipEmpty();
    const first = this.lines[this.next];
    if (!first || first.indent !== 0 || !KEY.test(first.content)) giveUp();
    const value = this.mapping(0, 0);
    if (this.peek() < this.lines.length) giveUp();
    return value;
  }

  private skipEmpty(): void {
    while (this.next < this.lines.length && this.lines[this.next].empty) this.next++;
  }

  /** The index of the first line with content after the current one, or the number of lines. */
  private peek(): number {
    let index = this.next + 1;
    while (index < this.lines.length && this.lines[index].empty) index++;
    return index;
  }

  /**
   * A block mapping whose keys stand at column `indent`. Its first key may follow a "- " on the
   * current line, at column `column` of that line's content (0 when the key starts the line).
   */
  private mapping(indent: number, column: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    let offset = column;
    for (;;) {
      const line = this.lines[this.next];
      const match = KEY.exec(offset ? line.content.slice(offset) : line.content);
      if (!match) giveUp();
      const key = match![1];
      // Duplicate keys are a syntax error, and keys the core schema reads as null or true are not text.
      if (Object.hasOwn(result, key) || key === '__proto__' || NULL.test(key) || BOOL.test(key)) giveUp();
      const rest = (offset ? line.content.slice(offset) : line.content).slice(match![0].length);
      result[key] = this.valueAfter(indent, rest, true);
      offset = 0;
      const following = this.peek();
      if (following >= this.lines.length || this.lines[following].indent < indent) break;
      if (this.lines[following].indent > indent) giveUp();
      if (isDash(this.lines[following].content)) break;
      this.next = following;
    }
    return result;
  }

  /** A block sequence whose dashes stand at column `indent`. */
  private sequence(indent: number): unknown[] {
    const result: unknown[] = [];
    for (;;) {
      const line = this.lines[this.next];
      if (!isDash(line.content)) giveUp();
      let column = 1;
      while (line.content.charCodeAt(column) === 32) column++;
      const rest = line.content.slice(column);
      if (KEY.test(rest)) {
        result.push(this.mapping(indent + column, column));
      } else if (isDash(rest)) {
        giveUp();
      } else {
        result.push(this.valueAfter(indent, rest, false));
      }
      const following = this.peek();
      if (following >= this.lines.length || this.lines[following].indent < indent) break;
      if (this.lines[following].indent > indent || !isDash(this.lines[following].content)) {
        // A mapping key at the dash's column ends a sequence that is a mapping's value; the mapping reads it.
        if (this.lines[following].indent === indent && KEY.test(this.lines[following].content)) break;
        giveUp();
      }
      this.next = following;
    }
    return result;
  }

  /**
   * The value that follows a key or a dash on the current line (`rest`), with any lines that belong
   * to it; leaves `next` on the last line read. `indent` is the column of the key or dash.
   */
  private valueAfter(indent: number, rest: string, ofMappingKey: boolean): unknown {
    const start = this.next;
    if (rest === '' || rest.startsWith('#')) {
      const following = this.peek();
      const line = this.lines[following];
      if (line && line.indent > indent) {
        this.next = following;
        return isDash(line.content) ? this.sequence(line.indent) : this.mappingStartingHere(line);
      }
      // A mapping's value may be a sequence at the key's own column.
      if (line && ofMappingKey && line.indent === indent && isDash(line.content)) {
        this.next = following;
        return this.sequence(indent);
      }
      return null;
    }
    // Lines indented past the key belong to this value: a multi-line scalar, which yaml reads.
    let end = start + 1;
    while (end < this.lines.length && (this.lines[end].content === '' || this.lines[end].indent > indent)) end++;
    while (end > start + 1 && this.lines[end - 1].content === '') end--;
    const inline = end === start + 1 ? inlineValue(rest) : ASK_YAML;
    if (inline !== ASK_YAML) return inline;
    this.next = end - 1;
    return this.askYaml(start, end, ofMappingKey);
  }

  private mappingStartingHere(line: Line): Record<string, unknown> {
    if (!KEY.test(line.content)) giveUp();
    return this.mapping(line.indent, 0);
  }

  /**
   * Parses lines [start, end) with yaml on their own: the entry (`key: value`, its key at the
   * front after blanking any dashes before it, or `- value`) and its continuation lines.
   */
  private askYaml(start: number, end: number, ofMappingKey: boolean): unknown {
    const first = this.lines[start];
    const raw = this.rawLines[start];
    let snippetFirst: string;
    if (ofMappingKey) {
      // Blank everything before the key (the dashes of sequence items it is the first key of).
      const keyAt = raw.length - raw.replace(/^[ -]*/, '').length;
      snippetFirst = ' '.repeat(keyAt) + raw.slice(keyAt);
    } else {
      snippetFirst = ' '.repeat(first.indent) + raw.slice(first.indent);
    }
    // Without its last line's CR: cut from a CRLF file, that CR would end the snippet alone, and
    // yaml keeps a lone CR at the end in the value ("g1\r" for `id: g1`).
    const snippet = [snippetFirst, ...this.rawLines.slice(start + 1, end)].join('\n').replace(/\r$/, '');
    const document = parseYaml(snippet);
    if (document.errors.length > 0 || document.warnings.length > 0) giveUp();
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: 0 });
    } catch {
      giveUp();
    }
    if (ofMappingKey) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) giveUp();
      const values = Object.values(value as Record<string, unknown>);
      if (values.length !== 1) giveUp();
      return values[0];
    }
    if (!Array.isArray(value) || value.length !== 1) giveUp();
    return (value as unknown[])[0];
  }
}

function isDash(content: string): boolean {
  return content === '-' || content.startsWith('- ');
}

/** A value written on one line, or ASK_YAML when this parser is not sure what yaml makes of it. */
function inlineValue(rest: string): Inline {
  const first = rest[0];
  if (first === '"') {
    const match = SIMPLE_DOUBLE_QUOTED.exec(rest);
    return match ? match[1] : ASK_YAML;
  }
  if (first === "'") {
    const match = SIMPLE_SINGLE_QUOTED.exec(rest);
    return match ? match[1].replace(/''/g, "'") : ASK_YAML;
  }
  if (first === '[') {
    const items = flowListItems(rest);
    return items ? items.map((item) => item.value) : ASK_YAML;
  }
  if ('{]},&*!|>%@`?:-'.includes(first)) {
    // A dash starts a plain scalar ("-x"), but "- x" here would be a sequence, which is an error.
    if (first !== '-' || rest === '-' || rest.startsWith('- ')) return ASK_YAML;
  }
  const comment = rest.indexOf(' #');
  const value = (comment === -1 ? rest : rest.slice(0, comment)).replace(/ +$/, '');
  if (value.includes(': ') || value.endsWith(':')) return ASK_YAML;
  return plainScalar(value);
}

/**
 * The items of a one-line flow list of plain scalars at the start of `rest` (`[a, b]`, up to any
 * comment): each one's value and where its text starts and ends in `rest`; undefined when this
 * parser is not sure of one of them.
 */
function flowListItems(rest: string): { value: Inline; start: number; end: number }[] | undefined {
  const match = SIMPLE_FLOW_LIST.exec(rest);
  if (!match) return undefined;
  if (match[1].trim() === '') return [];
  const items: { value: Inline; start: number; end: number }[] = [];
  let at = 1;
  for (const written of match[1].split(',')) {
    const text = written.replace(/^ +| +$/g, '');
    const value = text === '' || /^[-?&*!|>%@`]/.test(text) ? ASK_YAML : plainScalar(text);
    if (value === ASK_YAML) return undefined;
    const start = at + written.indexOf(text);
    items.push({ value, start, end: start + text.length });
    at += written.length + 1;
  }
  return items;
}

/** A plain scalar as yaml's core schema reads it; ASK_YAML for the rarer number forms. */
function plainScalar(value: string): Inline {
  if (NULL.test(value)) return null;
  if (BOOL.test(value)) return value[0] === 't' || value[0] === 'T';
  if (SMALL_INTEGER.test(value)) return Number(value);
  if (OTHER_NUMBER.test(value)) return ASK_YAML;
  return value;
}

// ---- Positions from the lines ------------------------------------------------------------------

/** The line finder's answer when a position needs yaml's parse after all. */
const NOT_SURE = Symbol('not sure');
type Found = Range | undefined | typeof NOT_SURE;

/** A block mapping whose first key is on line `first` at `column`, its other keys at that column. */
interface MappingAt {
  kind: 'map';
  first: number;
  column: number;
}
/** A block sequence whose first dash is on line `first` at `column`. */
interface SequenceAt {
  kind: 'seq';
  first: number;
  column: number;
}
/** A flow list of plain scalars on one line (`[a, b]`), as the line parser reads it: its items. */
interface FlowListAt {
  kind: 'flow';
  items: NodeAt[];
}
type CollectionAt = MappingAt | SequenceAt | FlowListAt;
/** A node reached by a path: a mapping's value (with its key) or a sequence's item. */
interface NodeAt {
  line: number;
  /** Where the key starts (a pair) or the item's value starts (an item). */
  column: number;
  /** The key, for a mapping's value. */
  key: string | undefined;
  /** The column of the key or the dash: continuation lines of the value are indented past it. */
  parentColumn: number;
  /** Where the value starts on the line; undefined when nothing follows the key on its line. */
  valueColumn: number | undefined;
  /** A flow list's item: how long it is (it ends before the next comma, not with the line). */
  flowLength?: number;
}

/** A mapping's keys as read from its lines, the first of each; `unsure` when a line at its column is no plain key, so any key not before it is NOT_SURE. */
interface PairsAt {
  nodes: Map<string, NodeAt>;
  unsure: boolean;
}

/**
 * checkPlan's exactRange for a text the line parser read, found from its lines: keys, one-line
 * scalars, block collections of plain block YAML and the items of one-line flow lists of plain
 * scalars. Anything else (the root, whole entries, multi-line or unusual values) is NOT_SURE, and
 * the caller asks yaml. Not found is undefined, as exactRange's.
 *
 * Each collection's lines are read once, at the first path through it, and kept: a plan with
 * thousands of findings (all below `sessions`) would otherwise read the lines from the root down to
 * each finding again, which made a 2,000-session plan's check slower than checkPlan (issue 15).
 */
class LineFinder {
  private root: MappingAt | undefined | typeof NOT_SURE;
  private readonly pairs = new Map<MappingAt, PairsAt>();
  private readonly items = new Map<SequenceAt, (NodeAt | typeof NOT_SURE)[]>();
  private readonly children = new Map<NodeAt, CollectionAt | undefined | typeof NOT_SURE>();

  constructor(
    private readonly source: SourceText,
    private readonly lines: readonly Line[],
  ) {}

  find(path: PlanPath, part: RangePart): Found {
    if (path.length === 0 || part === 'whole') return NOT_SURE;
    if (this.root === undefined) {
      const first = this.nextContent(-1);
      this.root = first === undefined ? NOT_SURE : { kind: 'map', first, column: 0 };
    }
    if (this.root === NOT_SURE) return NOT_SURE;
    let container: CollectionAt | undefined = this.root;
    let node: NodeAt | undefined;
    for (const segment of path) {
      // Below what the lines read as a scalar or nothing, yaml decides: the finder may have misread it.
      if (!container) return NOT_SURE;
      const found: NodeAt | undefined | typeof NOT_SURE = container.kind === 'map' ? this.pairOf(container, segment) : this.itemOf(container, segment);
      if (found === NOT_SURE || found === undefined) return found;
      node = found;
      let child = this.children.get(node);
      if (child === undefined && !this.children.has(node)) {
        child = this.childOf(node);
        this.children.set(node, child);
      }
      if (child === NOT_SURE) return NOT_SURE;
      container = child;
    }
    if (!node) return NOT_SURE;
    // A flow list is placed as a scalar is: by its text on the line, not by its key.
    return this.rangeOf(node, container !== undefined && container.kind !== 'flow', part);
  }

  private lineStart(line: number): number {
    return this.source.lineStarts[line];
  }

  /** Line `line` from column `column` on, without trailing spaces (as the line, if the column is inside its indentation). */
  private textFrom(line: number, column: number): string {
    const { indent, content } = this.lines[line];
    return column >= indent ? content.slice(column - indent) : ' '.repeat(indent - column) + content;
  }

  private nextContent(after: number): number | undefined {
    for (let line = after + 1; line < this.lines.length; line++) if (!this.lines[line].empty) return line;
    return undefined;
  }

  /** The value at `key` of the mapping, undefined when it has no such key. */
  private pairOf(map: MappingAt, key: string | number): NodeAt | undefined | typeof NOT_SURE {
    if (typeof key !== 'string') return undefined;
    let pairs = this.pairs.get(map);
    if (!pairs) {
      pairs = this.readPairs(map);
      this.pairs.set(map, pairs);
    }
    return pairs.nodes.get(key) ?? (pairs.unsure ? NOT_SURE : undefined);
  }

  private readPairs(map: MappingAt): PairsAt {
    const nodes = new Map<string, NodeAt>();
    for (let line: number | undefined = map.first; line !== undefined; line = this.nextContent(line)) {
      const { indent, content } = this.lines[line];
      if (line !== map.first) {
        if (indent < map.column) break;
        if (indent > map.column) continue;
        // A sequence at the key's column is the previous key's value.
        if (isDash(content)) continue;
      }
      const rest = this.textFrom(line, map.column);
      const match = KEY.exec(rest);
      if (!match) return { nodes, unsure: true };
      const key = match[1];
      if (nodes.has(key)) continue;
      const after = match[0].length;
      nodes.set(key, { line, column: map.column, key, parentColumn: map.column, valueColumn: after < rest.length && rest[after] !== '#' ? map.column + after : undefined });
    }
    return { nodes, unsure: false };
  }

  /** The `index`th item of the sequence, undefined when it has fewer. */
  private itemOf(seq: SequenceAt | FlowListAt, index: string | number): NodeAt | undefined | typeof NOT_SURE {
    if (typeof index !== 'number') return undefined;
    if (!Number.isInteger(index) || index < 0) return NOT_SURE;
    const items = seq.kind === 'flow' ? seq.items : this.itemsOf(seq);
    return index < items.length ? items[index] : undefined;
  }

  /** The block sequence's items in order, read once; NOT_SURE for an item with nothing after its dash on the line. */
  private itemsOf(seq: SequenceAt): (NodeAt | typeof NOT_SURE)[] {
    const known = this.items.get(seq);
    if (known) return known;
    const items: (NodeAt | typeof NOT_SURE)[] = [];
    this.items.set(seq, items);
    for (let line: number | undefined = seq.first; line !== undefined; line = this.nextContent(line)) {
      const { indent, content } = this.lines[line];
      if (indent < seq.column) break;
      if (indent > seq.column) continue;
      if (!isDash(content)) break;
      let at = 1;
      while (content.charCodeAt(at) === 32) at++;
      items.push(at >= content.length || content[at] === '#' ? NOT_SURE : { line, column: indent + at, key: undefined, parentColumn: indent, valueColumn: indent + at });
    }
    return items;
  }

  /** The block collection a node's value is, undefined for a scalar or nothing. */
  private childOf(node: NodeAt): CollectionAt | undefined | typeof NOT_SURE {
    if (node.flowLength !== undefined) return undefined;
    if (node.valueColumn !== undefined) {
      const rest = this.textFrom(node.line, node.valueColumn);
      if (node.key === undefined && KEY.test(rest)) return { kind: 'map', first: node.line, column: node.valueColumn };
      if (isDash(rest)) return NOT_SURE;
      // An item that starts with a quoted, spaced, explicit (`? `) or non-ASCII key is a mapping the
      // finder cannot read; so may be anything with `: ` or a trailing `:` in it.
      if (node.key === undefined && /^[?"']|:(?: |$)/.test(rest)) return NOT_SURE;
      return rest[0] === '[' ? this.flowListAt(node, node.valueColumn, rest) : undefined;
    }
    const next = this.nextContent(node.line);
    if (next === undefined) return undefined;
    const { indent, content } = this.lines[next];
    if (indent > node.parentColumn || (indent === node.parentColumn && node.key !== undefined && isDash(content))) {
      if (isDash(content)) return { kind: 'seq', first: next, column: indent };
      if (KEY.test(content)) return { kind: 'map', first: next, column: indent };
      return NOT_SURE;
    }
    return undefined;
  }

  /**
   * The items of a one-line flow list that the line parser read itself (inlineValue): plain scalars
   * only, the list alone on its line. Anything else is left as a scalar: yaml places what is below it.
   */
  private flowListAt(node: NodeAt, column: number, rest: string): FlowListAt | undefined {
    const items = flowListItems(rest);
    if (!items) return undefined;
    const next = this.nextContent(node.line);
    if (next !== undefined && this.lines[next].indent > node.parentColumn) return undefined; // a multi-line value
    return {
      kind: 'flow',
      items: items.map(({ start, end }) => ({ line: node.line, column: column + start, key: undefined, parentColumn: node.parentColumn, valueColumn: column + start, flowLength: end - start })),
    };
  }

  private rangeOf(node: NodeAt, isCollection: boolean, part: RangePart): Found {
    const start = this.lineStart(node.line);
    const keySpan = () => this.source.rangeOf(start + node.column, start + node.column + (node.key ?? '').length);
    if (part === 'key' && node.key !== undefined) return keySpan();
    if (isCollection) {
      // A block collection: its key, or the first line of a sequence's item.
      return node.key !== undefined ? keySpan() : this.source.restOfLine(start + node.column);
    }
    // Nothing after the key, and no collection below it: an empty value, shown by its key.
    if (node.valueColumn === undefined) return node.key !== undefined ? keySpan() : NOT_SURE;
    if (node.flowLength !== undefined) return this.source.rangeOf(start + node.valueColumn, start + node.valueColumn + node.flowLength);
    const next = this.nextContent(node.line);
    if (next !== undefined && this.lines[next].indent > node.parentColumn) return NOT_SURE; // a multi-line value
    const length = scalarLength(this.textFrom(node.line, node.valueColumn));
    if (length === undefined) return NOT_SURE;
    return this.source.rangeOf(start + node.valueColumn, start + node.valueColumn + length);
  }
}

/** How long the one-line scalar (or flow list) at the start of `value` is, up to any comment; undefined when unsure. */
function scalarLength(value: string): number | undefined {
  const first = value[0];
  if (first === '"') {
    const match = SIMPLE_DOUBLE_QUOTED.exec(value);
    return match ? match[1].length + 2 : undefined;
  }
  if (first === "'") {
    const match = SIMPLE_SINGLE_QUOTED.exec(value);
    return match ? match[1].length + 2 : undefined;
  }
  if (first === '[') return SIMPLE_FLOW_LIST.test(value) ? value.indexOf(']') + 1 : undefined;
  if (first === undefined || '{]},&*!|>%@`?:#'.includes(first)) return undefined;
  if (first === '-' && (value === '-' || value.startsWith('- '))) return undefined;
  const comment = value.indexOf(' #');
  const plain = (comment === -1 ? value : value.slice(0, comment)).replace(/ +$/, '');
  if (plain === '' || plain.includes(': ') || plain.endsWith(':')) return undefined;
  return plain.length;
}
