// One parse of a plan file: the yaml Document (for positions and edits), the plain value (for the
// schema and rules), and syntax issues with exact positions. Never throws.
import { isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node, Pair } from 'yaml';
import type { PlanIssue, Range } from './issues';
import { SourceText } from './source';

/** Deeper nesting than this is no plan; the yaml parser can exhaust memory on it, so we stop first. */
export const MAX_NESTING = 64;
/** Beyond this many syntax errors the rest are noise; one summary issue says how many were left out. */
export const MAX_SYNTAX_ISSUES = 50;
/**
 * Plans with more lines and values than this are refused with one `too-large` issue instead of
 * parsed: the parser's work (and the schema's and the rules') grows with the number of values,
 * not with bytes. A 2,000-session plan has about 37,000; one long string adds one.
 */
export const MAX_PLAN_NODES = 60_000;
/** A backstop for what no count of lines catches (a single string of tens of megabytes). */
export const MAX_PLAN_LENGTH = 16 * 1024 * 1024;
/** C0 controls other than tab, LF and CR, and DEL-range C1 controls: YAML forbids them, and they mean binary data. */
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/;
/** An alias bomb expands a few lines into gigabytes; real plans need few aliases, if any. */
const MAX_ALIAS_COUNT = 200;

export type PlanPath = readonly (string | number)[];
/** Which part of a node a range covers: its key, its value (a collection's first line), or the whole node (every line of an entry). */
export type RangePart = 'key' | 'value' | 'whole';

export interface ParsedPlan {
  readonly source: SourceText;
  /** Undefined when the text could not be parsed at all (too deep). */
  readonly document: Document.Parsed | undefined;
  /** The plain value of the document, or undefined when it has none or could not be built. */
  readonly value: unknown;
  readonly syntaxIssues: PlanIssue[];
  /** False when the text was refused before a value could be built (too deep, too large, alias bomb); nothing further is checked. */
  readonly readable: boolean;
  /** Set when positions come from several documents (the incremental parser); rangeAt uses it. */
  readonly resolveRange?: (path: PlanPath, part: RangePart) => Range | undefined;
}

export function parsePlan(text: string): ParsedPlan {
  const source = new SourceText(text);
  return refusal(source) ?? parseWhole(source);
}

/** The checks that come before any parse: size, binary data, nesting, amount of structure. Undefined when the text may be parsed. */
export function refusal(source: SourceText): ParsedPlan | undefined {
  const { text } = source;
  const refuse = (message: string, offset: number): ParsedPlan => ({ source, document: undefined, value: undefined, readable: false, syntaxIssues: [syntaxIssue(message, source.restOfLine(offset))] });
  const refuseSize = (message: string): ParsedPlan => ({ source, document: undefined, value: undefined, readable: false, syntaxIssues: [tooLargeIssue(message, source.restOfLine(0))] });
  if (text.length > MAX_PLAN_LENGTH) {
    return refuseSize(`The file is ${(text.length / 1024 / 1024).toFixed(1)} MB, more than the ${MAX_PLAN_LENGTH / 1024 / 1024} MB a plan can be checked at; split it (one file per mentoring pair) or archive old sessions.`);
  }
  const forbidden = FORBIDDEN_CHARACTER.exec(text);
  if (forbidden) {
    const code = forbidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return refuse(`The file contains the control character U+${code}, which YAML does not allow; is it a binary file? Nothing further was checked.`, forbidden.index);
  }
  const structure = scanStructure(text);
  if (structure.tooDeepAt !== undefined) {
    return refuse(`Nesting is deeper than ${MAX_NESTING} levels here; a mentoring plan never needs that, so the file was not read further.`, structure.tooDeepAt);
  }
  if (structure.nodes > MAX_PLAN_NODES) {
    return refuseSize(`The plan has more than ${String(MAX_PLAN_NODES).replace(/\B(?=(\d{3})+$)/g, ',')} lines and values, more than a plan can be checked at quickly; split it (one file per mentoring pair) or archive old sessions.`);
  }
  return undefined;
}

/** The yaml library's parse, with the options every parse of a plan (or of a piece of one) uses. */
export function parseYaml(text: string): Document.Parsed {
  return parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true, keepSourceTokens: false, logLevel: 'error' });
}

/** Syntax issues for errors at offsets `base` onwards, up to the cap shared by the whole file. */
export function collectSyntaxIssues(document: Document.Parsed, source: SourceText, base: number, into: PlanIssue[], totalErrors: number): void {
  for (const error of document.errors) {
    if (into.length === MAX_SYNTAX_ISSUES) {
      into.push(syntaxIssue(`${totalErrors - MAX_SYNTAX_ISSUES} more YAML errors are not shown.`, source.restOfLine(base + error.pos[0])));
      return;
    }
    if (into.length > MAX_SYNTAX_ISSUES) return;
    into.push(syntaxIssue(plainYamlMessage(error.message), source.rangeOf(base + error.pos[0], base + Math.max(error.pos[1], error.pos[0] + 1))));
  }
}

function parseWhole(source: SourceText): ParsedPlan {
  const { text } = source;
  const document = parseYaml(text);
  const syntaxIssues: PlanIssue[] = [];
  collectSyntaxIssues(document, source, 0, syntaxIssues, document.errors.length);
  let value: unknown;
  let readable = true;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // toJS refuses alias bombs (and any other resource exhaustion) by throwing; report it where the first alias stands.
    readable = false;
    const alias = /(^|[\s[{,:-])\*[^\s,\]}]+/.exec(text);
    const at = alias ? alias.index + alias[1].length : 0;
    syntaxIssues.push(syntaxIssue(`The file expands aliases (*name) too many times to be read safely: ${(error as Error).message}.`, source.restOfLine(at)));
  }
  return { source, document, value, syntaxIssues, readable };
}

function syntaxIssue(message: string, range: Range): PlanIssue {
  return { severity: 'error', code: 'yaml-syntax', message, range };
}

/** A refusal for size is not a syntax error: the file may be valid, only too much to check. */
function tooLargeIssue(message: string, range: Range): PlanIssue {
  return { severity: 'error', code: 'too-large', message, range };
}

/** The yaml library's messages end with "at line L, column C:" plus a code frame; our ranges carry that already. */
function plainYamlMessage(message: string): string {
  const firstLine = message.split('\n')[0];
  return firstLine.replace(/ at line \d+, column \d+:?$/, '').replace(/:$/, '');
}

export interface Structure {
  /** The offset where nesting first exceeds MAX_NESTING, if it does; the scan stops there. */
  tooDeepAt: number | undefined;
  /** An estimate of the parser's work: lines with content, plus flow brackets and commas. */
  nodes: number;
}

/**
 * One pass over the text before any parse: the nesting depth (flow brackets and block indentation
 * levels, a "- " counting as a level) and an estimate of the parser's work. Brackets and commas
 * in quoted text and comments count for neither. No allocation per character.
 */
export function scanStructure(text: string): Structure {
  let flowDepth = 0;
  let nodes = 0;
  const indents: number[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let column = lineStart;
    while (column < lineEnd && text.charCodeAt(column) === 32) column++;
    const first = text[column];
    // Every line with content is work for the lexer, a comment too.
    if (column < lineEnd && first !== '\r') nodes++;
    if (flowDepth === 0 && column < lineEnd && first !== '#' && first !== '\r') {
      let indent = column - lineStart;
      while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      // Compact sequences ("- - - x") nest on one line.
      while (text[column] === '-' && text[column + 1] === ' ') {
        column += 2;
        while (text.charCodeAt(column) === 32) column++;
        indent = column - lineStart;
        indents.push(indent);
      }
      if (indents.length > MAX_NESTING) return { tooDeepAt: column, nodes };
    }
    let quote = '';
    for (let i = column; i < lineEnd; i++) {
      const char = text[i];
      if (quote) {
        if (char === quote) quote = '';
        continue;
      }
      if (char === '#' && (i === lineStart || text[i - 1] === ' ' || text[i - 1] === '\t')) break;
      if ((char === '"' || char === "'") && (i === column || /[\s[{,:]/.test(text[i - 1]))) quote = char;
      else if (char === '[' || char === '{') {
        nodes++;
        if (++flowDepth + indents.length > MAX_NESTING) return { tooDeepAt: i, nodes };
      } else if ((char === ']' || char === '}') && flowDepth > 0) flowDepth--;
      else if (char === ',' && flowDepth > 0) nodes++;
    }
    lineStart = lineEnd + 1;
  }
  return { tooDeepAt: undefined, nodes };
}

export interface NodeLocation {
  /** The node at the path, if it exists. */
  node: Node | undefined;
  /** The key of the pair holding it, when it is a mapping value. */
  key: Node | undefined;
  /** How much of the path was found; less than path.length when it stops early. */
  depth: number;
}

/** Walks the document along `path` as far as it exists. First match wins for duplicate keys. */
export function locate(document: Document.Parsed | undefined, path: PlanPath): NodeLocation {
  let node = document?.contents as Node | null | undefined;
  let key: Node | undefined;
  let depth = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment)) as Pair<Node, Node> | undefined;
      if (!pair) break;
      key = pair.key ?? undefined;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      const item = node.items[segment];
      key = undefined;
      node = isPair(item) ? (item.value as Node | null) : (item as Node | null);
    } else {
      break;
    }
    depth++;
    if (node === null || node === undefined) {
      return { node: undefined, key, depth };
    }
  }
  return { node: node ?? undefined, key, depth };
}

/** Source range of the value (or key) at `path`, or of the deepest ancestor that exists. */
export function rangeAt(parsed: ParsedPlan, path: PlanPath, part: RangePart = 'value'): Range {
  const resolve = parsed.resolveRange ?? ((subPath: PlanPath, subPart: RangePart) => exactRange(parsed.document, parsed.source, 0, subPath, subPart));
  for (let length = path.length; length >= 0; length--) {
    // Not found (or found without a position): the nearest ancestor stands in for it.
    const found = resolve(path.slice(0, length), part);
    if (found) return found;
  }
  return parsed.source.rangeOf(0, 0);
}

/**
 * The range of exactly the node at `path` in `document`, whose offsets start at `base` in the
 * source; undefined when the path does not exist there.
 */
export function exactRange(document: Document.Parsed | undefined, source: SourceText, base: number, path: PlanPath, part: RangePart): Range | undefined {
  if (path.length === 0) {
    const contents = document?.contents;
    return contents?.range ? source.restOfLine(base + contents.range[0]) : undefined;
  }
  const { node, key, depth } = locate(document, path);
  if (depth !== path.length) return undefined;
  const span = (range: readonly number[]) => source.rangeOf(base + range[0], base + range[1]);
  if (part === 'key' && key?.range) return span(key.range);
  if (part === 'whole' && node?.range) return span(node.range);
  if (node?.range) {
    // A collection spans many lines; its first line is what a reader needs to find it.
    if (isMap(node) || isSeq(node)) {
      if (key?.range && !node.flow) return span(key.range);
      return node.flow ? span(node.range) : source.restOfLine(base + node.range[0]);
    }
    // An empty value ("key:") has nothing to underline; its key is what the reader looks for.
    if (node.range[1] === node.range[0] && key?.range) return span(key.range);
    return span(node.range);
  }
  return key?.range ? span(key.range) : undefined;
}
