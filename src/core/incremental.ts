// Re-checking after a keystroke without re-parsing the whole file. The text is cut into pieces at
// top-level keys, and the long lists (goals, sessions, feedback) into one piece per entry; each
// piece is parsed on its own and cached by its text, so an edit re-parses only the entry it
// touches. Anything the cutting cannot prove safe (anchors, flow or odd top-level lines, repeated
// keys, small files, syntax errors) is parsed whole, exactly as parsePlan does.
import { isMap, isScalar } from 'yaml';
import type { Document } from 'yaml';
import type { Range } from './issues';
import { exactRange, parsePlan, parseYaml, refusal } from './parse';
import type { ParsedPlan, PlanPath, RangePart } from './parse';
import { SourceText } from './source';

/** Below this size a whole parse takes a millisecond or two; cutting would not pay for itself. */
export const INCREMENTAL_MIN_LENGTH = 16 * 1024;
const LISTS = new Set(['goals', 'sessions', 'feedback']);
const TOP_LEVEL_KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]+#.*|[ \t]*)$|^([A-Za-z_][A-Za-z0-9_-]*):[ \t]/;
/** Anchors, aliases, tags, directives and document markers tie pieces together; they need a whole parse. */
const NEEDS_WHOLE_PARSE = /(^|[\s[{,])[&*!][^\s]|^(%|---|\.\.\.)|\t/m;

interface Piece {
  /** Offset of the piece in the file. */
  start: number;
  text: string;
}

interface Segment {
  key: string;
  header: Piece;
  /** One piece per list entry, for goals, sessions and feedback written as block lists. */
  items?: Piece[];
}

interface ParsedPiece {
  document: Document.Parsed;
  value: unknown;
}

/** One parsed piece and where it starts in the file (its document's offsets count from there). */
export interface PieceAt {
  start: number;
  text: string;
  document: Document.Parsed;
  value: unknown;
}

/** How the last text was cut: per top-level key, its header piece and, for cut lists, one piece per entry. */
export interface PieceLayout {
  text: string;
  segments: ReadonlyMap<string, { header: PieceAt; items?: PieceAt[] }>;
  /** What parse() returned for this text. */
  parsed: ParsedPlan;
}

export class IncrementalPlanParser {
  private cache = new Map<string, ParsedPiece>();
  private lastLayout: PieceLayout | undefined;
  /** How many pieces the last parse had to parse (0 when it reused them all; the whole file counts as 1). */
  lastParsedPieces = 0;

  /** Parses `text`, reusing the pieces that did not change since the last call. */
  parse(text: string): ParsedPlan {
    this.lastLayout = undefined;
    const source = new SourceText(text);
    const refused = refusal(source);
    if (refused) return refused;
    const segments = text.length >= INCREMENTAL_MIN_LENGTH ? cut(text) : undefined;
    if (!segments) {
      this.cache.clear();
      this.lastParsedPieces = 1;
      return parsePlan(text);
    }
    this.lastParsedPieces = 0;
    const previous = this.cache;
    const next = new Map<string, ParsedPiece>();
    const parse = (piece: Piece): ParsedPiece => {
      let parsed = next.get(piece.text) ?? previous.get(piece.text);
      if (!parsed) {
        const document = parseYaml(piece.text);
        parsed = { document, value: document.toJS() };
        this.lastParsedPieces++;
      }
      next.set(piece.text, parsed);
      return parsed;
    };

    const value: Record<string, unknown> = {};
    const located = new Map<string, { header: ParsedPiece & Piece; items?: (ParsedPiece & Piece)[] }>();
    const pieces: (ParsedPiece & Piece)[] = [];
    const keys = new Set<unknown>();
    for (const segment of segments) {
      const header = { ...segment.header, ...parse(segment.header) };
      pieces.push(header);
      // Keys are compared as YAML reads them, as the whole parse does: `true:` and `True:` are
      // one key (the boolean true), and so are `null:` and `NULL:`.
      const key = resolvedKey(header.document);
      if (key === UNREADABLE_KEY || keys.has(key)) {
        this.cache = next;
        return parsePlan(text);
      }
      keys.add(key);
      const headerValue = header.value as Record<string, unknown> | null;
      if (!segment.items) {
        if (headerValue && typeof headerValue === 'object') Object.assign(value, headerValue);
        located.set(String(key), { header });
        continue;
      }
      const items = segment.items.map((item) => ({ ...item, ...parse(item) }));
      pieces.push(...items);
      value[segment.key] = items.map((item) => (Array.isArray(item.value) ? item.value[0] : null));
      located.set(String(key), { header, items });
    }
    this.cache = next;
    // A piece alone recovers from a syntax error differently than the whole file would; only a
    // whole parse reports errors exactly as the user will see them everywhere else (CLI, CI).
    if (pieces.some((piece) => piece.document.errors.length > 0)) return parsePlan(text);

    const resolveRange = piecewiseRanges(source, pieces[0], located, (piece) => piece.document);
    const parsed: ParsedPlan = { source, document: undefined, value, syntaxIssues: [], readable: true, resolveRange };
    this.lastLayout = { text, segments: located, parsed };
    return parsed;
  }

  /** The pieces of `text` when the last parse() was of `text` and cut it (edits reuse them); otherwise undefined. */
  layoutOf(text: string): PieceLayout | undefined {
    return this.lastLayout?.text === text ? this.lastLayout : undefined;
  }
}

/**
 * Ranges found piece by piece, as a whole parse would find them: a path's first key names its
 * segment, and in a cut list its index names the entry's piece, whose document holds the entry as
 * its one item. `documentOf` gives a piece's parse (already made, or made on demand).
 */
function piecewiseRanges<P extends Piece>(
  source: SourceText,
  first: P,
  segments: ReadonlyMap<string, { header: P; items?: P[] }>,
  documentOf: (piece: P) => Document.Parsed | undefined,
): (path: PlanPath, part: RangePart) => Range | undefined {
  return (path, part) => {
    if (path.length === 0) return exactRange(documentOf(first), source, first.start, path, part);
    const segment = segments.get(String(path[0]));
    if (!segment) return undefined;
    if (segment.items && path.length >= 2) {
      const item = typeof path[1] === 'number' ? segment.items[path[1]] : undefined;
      return item && exactRange(documentOf(item), source, item.start, [0, ...path.slice(2)], part);
    }
    return exactRange(documentOf(segment.header), source, segment.header.start, path, part);
  };
}

/** Positions in a text whose value is known already (quick-check.ts), found on demand. */
export interface LazyRanges {
  /** The range at a path, as the whole parse's exactRange gives it; parses only the piece the path lies in, once. */
  readonly resolveRange: (path: PlanPath, part: RangePart) => Range | undefined;
  /** Whether a piece parsed on demand had a syntax error alone: its ranges cannot be trusted then; parse the whole text. */
  readonly failed: () => boolean;
  /** How many pieces (or whole texts) were parsed so far. */
  readonly parses: () => number;
}

/**
 * Ranges for a text that yaml parses without error, parsing only what a path asks for: the entry
 * it lies in when the text can be cut as parse() cuts it, else the whole text once. For a plan
 * whose findings need a few positions, a few entries are parsed instead of the whole file.
 */
export function lazyRanges(source: SourceText): LazyRanges {
  const { text } = source;
  let parses = 0;
  let failed = false;
  // Cut on the first request: most closed plans' positions come from their lines and ask for none.
  const resolverOf = (): LazyRanges['resolveRange'] => {
    const segments = text.length >= INCREMENTAL_MIN_LENGTH ? cut(text) : undefined;
    if (!segments) {
      let whole: ParsedPlan | undefined;
      return (path, part) => {
        if (!whole) {
          parses++;
          whole = parsePlan(text);
          failed = whole.syntaxIssues.length > 0 || !whole.readable;
        }
        return exactRange(whole.document, source, 0, path, part);
      };
    }
    const documents = new Map<Piece, Document.Parsed>();
    const documentOf = (piece: Piece) => {
      let document = documents.get(piece);
      if (!document) {
        parses++;
        document = parseYaml(piece.text);
        if (document.errors.length > 0) failed = true;
        documents.set(piece, document);
      }
      return document;
    };
    const located = new Map(segments.map((segment) => [segment.key, segment]));
    return piecewiseRanges(source, segments[0].header, located, documentOf);
  };
  let resolver: LazyRanges['resolveRange'] | undefined;
  return { resolveRange: (path, part) => (resolver ??= resolverOf())(path, part), failed: () => failed, parses: () => parses };
}

const UNREADABLE_KEY = Symbol('unreadable key');

/** The value of the one top-level key a header piece holds, as the whole parse's `locate` compares it. */
function resolvedKey(document: Document.Parsed): unknown {
  const contents = document.contents;
  if (!isMap(contents) || contents.items.length !== 1) return UNREADABLE_KEY;
  const key = contents.items[0].key;
  return isScalar(key) ? key.value : UNREADABLE_KEY;
}

/** Cuts the text into segments and list entries, or returns undefined when it must be parsed whole. */
function cut(text: string): Segment[] | undefined {
  if (text.charCodeAt(0) === 0xfeff || NEEDS_WHOLE_PARSE.test(text)) return undefined;
  const lines = splitLines(text);
  // Top-level keys start segments; comments and blank lines stay with the segment before them.
  const starts: { line: number; key: string }[] = [];
  const seen = new Set<string>();
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].text;
    const first = line[0];
    if (first === undefined || first === ' ' || first === '#' || first === '\r') continue;
    const match = TOP_LEVEL_KEY.exec(line.replace(/\r$/, ''));
    if (!match) return undefined;
    const key = match[1] ?? match[2];
    if (seen.has(key)) return undefined; // a repeated key is an error the whole parse must report
    if (key === '__proto__') return undefined; // assembling the value would set a prototype, not a key
    seen.add(key);
    starts.push({ line: index, key });
  }
  if (starts.length === 0) return undefined;
  const segments: Segment[] = [];
  for (let index = 0; index < starts.length; index++) {
    const from = index === 0 ? 0 : starts[index].line;
    const to = index + 1 < starts.length ? starts[index + 1].line : lines.length;
    const { key, line: keyLine } = starts[index];
    const segment = LISTS.has(key) && match(lines[keyLine].text, /^[A-Za-z_-]+:[ \t]*(#.*)?\r?$/) ? cutList(text, lines, key, from, keyLine, to) : { key, header: piece(text, lines, from, to) };
    if (!segment) return undefined;
    segments.push(segment);
  }
  return segments;
}

/** A block list under `key:`: the header (key line and leading comments), then one piece per entry. */
function cutList(text: string, lines: Line[], key: string, from: number, keyLine: number, to: number): Segment | undefined {
  let indent = -1;
  const itemStarts: number[] = [];
  for (let index = keyLine + 1; index < to; index++) {
    const line = lines[index].text;
    const content = line.trimStart();
    if (content === '' || content === '\r' || content.startsWith('#')) continue;
    const lineIndent = line.length - content.length;
    if (indent === -1) {
      if (!/^-(\s|$)/.test(content)) return undefined;
      indent = lineIndent;
    }
    if (lineIndent < indent) return undefined;
    if (lineIndent === indent) {
      if (!/^-(\s|$)/.test(content)) return undefined;
      itemStarts.push(index);
    }
  }
  if (itemStarts.length === 0) return { key, header: piece(text, lines, from, to) };
  const items = itemStarts.map((start, index) => piece(text, lines, start, itemStarts[index + 1] ?? to));
  return { key, header: piece(text, lines, from, itemStarts[0]), items };
}

interface Line {
  start: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    lines.push({ start, text: text.slice(start, stop) });
    if (end === -1) break;
    start = end + 1;
  }
  return lines;
}

function piece(text: string, lines: Line[], fromLine: number, toLine: number): Piece {
  const start = lines[fromLine].start;
  const end = toLine < lines.length ? lines[toLine].start : text.length;
  return { start, text: text.slice(start, end) };
}

function match(text: string, pattern: RegExp): boolean {
  return pattern.test(text);
}
