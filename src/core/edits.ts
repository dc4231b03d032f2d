// Comment-preserving edits. Each operation reads the yaml Document for positions and returns the
// smallest text edits that make the change, written in the file's own indentation and line
// endings, so a pull request shows only what the user meant to change.
import { Document, isAlias, isMap, isPair, isScalar, isSeq, Pair as YamlPair, Scalar, visit, YAMLMap, YAMLSeq } from 'yaml';
import type { Node, Pair } from 'yaml';
import type { IncrementalPlanParser, PieceAt, PieceLayout } from './incremental';
import { locate, parsePlan } from './parse';
import type { NodeLocation, ParsedPlan, PlanPath } from './parse';
import { isHealthScore } from './health';
import type { Action, ActionOwner, Agreement, Closure, Feedback, Goal, GoalStatus, HealthCheck, MentorshipStatus, Plan, Session } from './plan';
import { entries, entriesOf, idsOf, isOpenAction, isRecord, mentorshipStatus, sameValue, saysStatus, valueAt } from './plan-facts';
import type { EntryKind } from './plan-facts';
import { idUses, invalidIdReason, LIST_OF_KIND } from './plan-symbols';
import type { IdKind } from './plan-symbols';
import { displayPath } from './validate';

export interface TextEdit {
  /** Offset into the text the edit was computed on. */
  offset: number;
  /** How many characters it replaces (0 for an insertion). */
  length: number;
  text: string;
}

export type EditResult = { ok: true; edits: TextEdit[] } | { ok: false; message: string };

export type PlainValue = string | number | boolean | null | PlainValue[] | { [key: string]: PlainValue | undefined };

/** Applies edits computed on `text`. Edits at one offset apply in the order given. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = edits.map((edit, order) => ({ edit, order })).sort((a, b) => a.edit.offset - b.edit.offset || a.order - b.order);
  let result = '';
  let cursor = 0;
  for (const { edit } of ordered) {
    result += text.slice(cursor, edit.offset) + edit.text;
    cursor = Math.max(cursor, edit.offset + edit.length);
  }
  return result + text.slice(cursor);
}

class EditError extends Error {}

export interface EditOptions {
  /**
   * The incremental parser that last parsed this text (a plan store's checker): the edit then reuses
   * its pieces and parses again only what changed, instead of the whole file. Same edits either way.
   */
  parser?: IncrementalPlanParser;
}

/** Raised when the pieces of an incremental parse cannot answer for sure; the whole text is parsed instead. */
class NeedsWholeParse extends Error {}

/**
 * Runs an edit; refuses files with syntax errors rather than guess. With a parser it works on the
 * parser's pieces when it can (entries and lists of large plans), else on a whole parse.
 */
function editing(text: string, build: (editor: PlanEditor) => void, options?: EditOptions): EditResult {
  if (options?.parser) {
    // Usually the checker has just parsed this very text: then its pieces serve without parsing anything.
    const parsed = options.parser.layoutOf(text)?.parsed ?? options.parser.parse(text);
    // Small or uncuttable texts were parsed whole by the parser: that parse serves as it is.
    if (parsed.document) return editParsed(parsed, build);
    const layout = options.parser.layoutOf(text);
    if (layout && parsed.readable && parsed.syntaxIssues.length === 0) {
      try {
        return runEditor(new PlanEditor(parsed, new PieceNodes(layout)), build);
      } catch (error) {
        if (!(error instanceof NeedsWholeParse)) throw error;
      }
    }
  }
  return editParsed(parsePlan(text), build);
}

/**
 * Runs several changes on one text in one pass (the merge driver's): `build` calls the editor's
 * operations, and their edits are returned together, all computed on `text`.
 */
export function editPlan(text: string, build: (editor: PlanEditor) => void): EditResult {
  return editing(text, build);
}

function editParsed(parsed: ParsedPlan, build: (editor: PlanEditor) => void): EditResult {
  if (!parsed.document || !parsed.readable || parsed.syntaxIssues.length > 0) {
    const first = parsed.syntaxIssues[0];
    const where = first ? ` (line ${first.range.start.line + 1}: ${first.message})` : '';
    return { ok: false, message: `The plan has YAML syntax errors${where}; fix them before editing, so nothing is lost.` };
  }
  if (!isMap(parsed.document.contents)) {
    return { ok: false, message: 'The plan is not a YAML mapping; nothing can be added to it safely.' };
  }
  return runEditor(new PlanEditor(parsed), build);
}

function runEditor(editor: PlanEditor, build: (editor: PlanEditor) => void): EditResult {
  try {
    build(editor);
  } catch (error) {
    if (error instanceof EditError) return { ok: false, message: error.message };
    throw error;
  }
  return { ok: true, edits: editor.edits };
}

/** Primitive edits on one parsed text. All offsets refer to that text. */
export class PlanEditor {
  readonly edits: TextEdit[] = [];
  private readonly text: string;
  private readonly eol: string;
  private readonly indentUnit: number;
  private readonly indentSequences: boolean;

  private readonly nodes: PlanNodes;

  constructor(
    private readonly parsed: ParsedPlan,
    nodes?: PlanNodes,
  ) {
    this.nodes = nodes ?? new DocumentNodes(parsed);
    this.text = parsed.source.text;
    this.eol = parsed.source.eol;
    this.indentUnit = detectIndentUnit(this.text);
    this.indentSequences = this.nodes.indentSequences();
  }

  private locate(path: PlanPath): NodeLocation {
    return this.nodes.locate(path);
  }

  value(path: PlanPath): unknown {
    return valueAt(this.parsed.value, path);
  }

  /** Index of the entry of `list` with `id`, or an error naming the ids that exist. */
  indexOf(list: EntryKind, id: string): number {
    const plan = this.parsed.value as Partial<Plan> | undefined;
    const matching = entriesOf(plan, list).filter(({ item }) => item.id === id);
    if (matching.length > 1) {
      // Editing "the first one" could change the entry the user did not mean.
      throw new EditError(`More than one entry in ${list} has the id "${id}"; give each its own id first (the duplicate-id quick fix renames one).`);
    }
    if (matching.length === 0) {
      const noun = { goals: 'goal', sessions: 'session', feedback: 'feedback entry' }[list];
      const known = idsOf(plan, list);
      throw new EditError(`There is no ${noun} with the id "${id}" in this plan.${known.length ? ` Known: ${known.join(', ')}.` : ''}`);
    }
    return matching[0].index;
  }

  /**
   * Refuses a change at `path` when an alias elsewhere repeats the value or a collection holding it
   * (`sessions: &all` … `archive: *all`): the edit would silently change those places too.
   */
  private guard(path: PlanPath): void {
    // Without a whole document there are no anchors: the incremental parser cuts only texts without any.
    let node = this.nodes.document?.contents as Node | null | undefined;
    for (let depth = 0; depth <= path.length && node; depth++) {
      const here = displayPath(path.slice(0, depth)) || 'The plan';
      if (isAlias(node)) throw new EditError(`\`${here}\` repeats another value through the alias *${node.source}; edit the anchored original (&${node.source}) by hand.`);
      if (node.anchor && this.aliasedAnchors().has(node.anchor)) {
        throw new EditError(`\`${here}\` is an anchor (&${node.anchor}) that *${node.anchor} repeats elsewhere; an edit here would change those places too, so make it by hand.`);
      }
      if (depth === path.length) break;
      const segment = path[depth];
      if (isMap(node)) node = (node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment)) as Pair<Node, Node | null> | undefined)?.value;
      else if (isSeq(node) && typeof segment === 'number') node = node.items[segment] as Node | null | undefined;
      else break;
    }
  }

  /**
   * Refuses removing a node that holds an anchor an alias elsewhere repeats: the alias would be left
   * pointing at nothing and the file would no longer read.
   */
  private guardRemoval(node: Node | Pair<unknown, unknown> | null | undefined): void {
    if (!node || this.aliasedAnchors().size === 0) return;
    const visitAnchors = (current: unknown): void => {
      if (isPair(current)) {
        visitAnchors(current.key);
        visitAnchors(current.value);
        return;
      }
      if (!current || typeof current !== 'object') return;
      const anchor = (current as Node).anchor;
      if (anchor && this.aliasedAnchors().has(anchor)) {
        throw new EditError(`What this change removes holds the anchor &${anchor} that *${anchor} repeats elsewhere; removing it would leave that alias pointing at nothing, so make the change by hand.`);
      }
      if (isMap(current) || isSeq(current)) for (const item of current.items) visitAnchors(item);
    };
    visitAnchors(node);
  }

  private aliased: Set<string> | undefined;

  private aliasedAnchors(): Set<string> {
    if (!this.aliased) {
      const names = new Set<string>();
      if (this.nodes.document) visit(this.nodes.document, { Alias: (_, alias) => void names.add(alias.source) });
      this.aliased = names;
    }
    return this.aliased;
  }

  /** Sets the value at `path`: replaces it when present, adds the key to its mapping when not. */
  set(path: PlanPath, value: PlainValue): void {
    this.guard(path);
    const { node, key, depth } = this.locate(path);
    if (depth === path.length && (node || key)) {
      this.replace(path, node, key, value);
      return;
    }
    if (depth < path.length - 1) throw new EditError(`\`${displayPath(path.slice(0, depth + 1))}\` does not exist in the plan.`);
    const parentPath = path.slice(0, -1);
    const parent = this.locate(parentPath).node;
    const last = path[path.length - 1];
    if (isMap(parent) && typeof last === 'string') this.addPair(parent, last, value);
    else if (isSeq(parent) && last === parent.items.length) this.append(parentPath, value);
    else throw new EditError(`\`${displayPath(path)}\` cannot be set: its parent is not a mapping.`);
  }

  /**
   * Sets the scalar at `path` to another scalar in the old one's style: the one edit `set` would
   * make, found without copying the pieces of an incremental parse to the file's offsets, so a
   * rename's many uses cost one lookup each. Anything else (no scalar there, a block scalar, an
   * anchor, an empty value) goes through `set`.
   */
  setScalar(path: PlanPath, value: string | number | boolean): void {
    this.guard(path);
    const found = this.nodes.scalarAt(path);
    const node = found?.node;
    if (!found || !isScalar(node) || !node.range || node.anchor || node.value === null || node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
      this.set(path, value);
      return;
    }
    const key = `${node.type}\u0000${found.inFlow}\u0000${typeof value}\u0000${String(value)}`;
    let text = this.renderedScalars.get(key);
    if (text === undefined) {
      text = renderScalar(value, node, found.inFlow);
      this.renderedScalars.set(key, text);
    }
    this.edits.push({ offset: node.range[0] + found.shift, length: node.range[1] - node.range[0], text });
  }

  /** Scalars rendered by setScalar, by style, context and value: a rename writes the same id many times. */
  private readonly renderedScalars = new Map<string, string>();

  /** Appends entries to the list at `path`, creating the list (and its key) when missing. */
  append(path: PlanPath, ...items: PlainValue[]): void {
    this.guard(path);
    const { node, key, depth } = this.locate(path);
    if (depth < path.length) {
      if (depth === path.length - 1) {
        this.set(path, items);
        return;
      }
      throw new EditError(`\`${displayPath(path.slice(0, depth + 1))}\` does not exist in the plan.`);
    }
    if (!node || (isScalar(node) && node.value === null)) {
      this.replace(path, node, key, items);
      return;
    }
    if (!isSeq(node)) throw new EditError(`\`${displayPath(path)}\` is not a list.`);
    if (node.flow) {
      if (node.items.length === 0) {
        this.replace(path, node, key, items);
        return;
      }
      this.insertIntoFlow(node, node.items.length, items);
      return;
    }
    const last = node.items[node.items.length - 1] as Node | null;
    const itemStart = node.range?.[0] ?? 0;
    const column = this.columnOf(itemStart);
    const end = this.afterOwnComments(this.lineEndAfter(contentEnd(last, itemStart)), column + 1);
    this.insertLines(end, items.flatMap((item) => this.renderItem(item, column)));
  }

  /**
   * Changes the value at `path` into `next` with the fewest edits: mappings key by key, lists item
   * by item, so unchanged keys and items keep their bytes and comments.
   */
  update(path: PlanPath, next: PlainValue): void {
    const current = this.value(path);
    if (sameValue(current, next)) return;
    const { node, depth } = this.locate(path);
    if (node && this.nodes.partial(node)) throw new NeedsWholeParse();
    if (depth === path.length && isMap(node) && isRecord(current) && isRecord(next) && !(node.flow && node.items.length === 0)) {
      this.guard(path);
      for (const [key, value] of Object.entries(next)) if (value !== undefined) this.update([...path, key], value);
      const removing = new Set(Object.keys(current).filter((key) => !(key in next)));
      // Removing the key on the entry's "- " line takes the removed keys after it along (one edit, no overlap).
      const covered = new Set<string>();
      for (const key of removing) if (!covered.has(key)) for (const removed of this.remove([...path, key], removing)) covered.add(removed);
      return;
    }
    if (depth === path.length && isSeq(node) && Array.isArray(current) && Array.isArray(next) && current.length > 0 && next.length > 0 && this.itemsEditable(node)) {
      this.guard(path);
      this.updateItems(path, node, current, next);
      return;
    }
    this.set(path, next);
  }

  /** Whether every item of `seq` is a node with a position that item-wise edits can address. */
  private itemsEditable(seq: YAMLSeq): boolean {
    return seq.items.every((item, index) => {
      if (!item || isPair(item) || !(item as Node).range) return false;
      if (seq.flow) return true;
      // Block items are edited as whole lines: each must start its line with its own "- ".
      const start = (item as Node).range![0];
      const lineStart = this.parsed.source.lineStarts[this.parsed.source.positionAt(start).line];
      return /^[ ]*-[ ]+$/.test(this.text.slice(lineStart, start)) && (index === 0 || this.lineEndAfter(contentEnd(seq.items[index - 1] as Node, 0)) <= lineStart);
    });
  }

  /** Replaces the changed middle of a list: items kept at both ends stay untouched. */
  private updateItems(path: PlanPath, seq: YAMLSeq, current: unknown[], next: PlainValue[]): void {
    let prefix = 0;
    while (prefix < current.length && prefix < next.length && sameValue(current[prefix], next[prefix])) prefix++;
    let suffix = 0;
    while (suffix < current.length - prefix && suffix < next.length - prefix && sameValue(current[current.length - 1 - suffix], next[next.length - 1 - suffix])) suffix++;
    const removedCount = current.length - prefix - suffix;
    const addedCount = next.length - prefix - suffix;
    const replaced = Math.min(removedCount, addedCount);
    for (let i = 0; i < replaced; i++) this.update([...path, prefix + i], next[prefix + i]);
    const items = seq.items as Node[];
    if (addedCount > replaced) {
      const added = next.slice(prefix + replaced, prefix + addedCount);
      const at = prefix + replaced;
      if (seq.flow) this.insertIntoFlow(seq, at, added);
      else if (at === items.length) this.append(path, ...added);
      else {
        const before = at === 0 ? this.lineStartOf(items[0].range![0]) : this.lineEndAfter(contentEnd(items[at - 1], 0));
        const dashColumn = this.columnOf(this.text.lastIndexOf('-', items[0].range![0]));
        for (const item of added) this.insertLines(before, this.renderItem(item, dashColumn));
      }
    }
    if (removedCount > replaced) this.removeItems(seq, prefix + replaced, prefix + removedCount);
  }

  /** Removes items `from` to `to` (exclusive) of a list whose items are editable, keeping at least one. */
  private removeItems(seq: YAMLSeq, from: number, to: number): void {
    const items = seq.items as Node[];
    for (const item of items.slice(from, to)) this.guardRemoval(item);
    if (seq.flow) {
      // From the first removed item to the next kept one, or from the last kept one when the removed items end the list.
      if (to < items.length) {
        const start = this.propertiesStart(items[from].range![0]);
        this.edits.push({ offset: start, length: this.propertiesStart(items[to].range![0]) - start, text: '' });
      }
      else this.edits.push({ offset: items[from - 1].range![1], length: items[to - 1].range![1] - items[from - 1].range![1], text: '' });
    } else {
      const start = this.lineStartOf(items[from].range![0]);
      // Up to the end of the last removed item: comment lines after it stay (they may describe the next item).
      const end = this.lineEndAfter(contentEnd(items[to - 1], 0));
      this.edits.push({ offset: start, length: end - start, text: '' });
    }
  }

  /** Removes the list item at `path` ([...list, index]); the list's last item leaves `[]` behind. */
  removeEntry(path: PlanPath): void {
    const listPath = path.slice(0, -1);
    const index = path[path.length - 1];
    this.guard(path);
    const { node, depth } = this.locate(listPath);
    if (node && this.nodes.partial(node)) throw new NeedsWholeParse();
    if (depth < listPath.length || !isSeq(node) || typeof index !== 'number' || index >= node.items.length || !this.itemsEditable(node)) {
      throw new EditError(`\`${displayPath(path)}\` cannot be removed here.`);
    }
    this.guardRemoval(node.items[index] as Node);
    if (node.items.length === 1) this.set(listPath, []);
    else this.removeItems(node, index, index + 1);
  }

  /**
   * Inserts entries into the list at `path` before its item `index` (at the end when `index` is its
   * length). An entry given with `lines` (copied from another version of the plan, its "- " at
   * column 0) is written as those lines, so its comments and formatting stay; others are rendered.
   * Lists that separate entries with a blank line get one between the new entries too.
   */
  insertEntries(path: PlanPath, index: number, added: readonly { value: PlainValue; lines?: readonly string[] }[]): void {
    this.guard(path);
    const { node, depth } = this.locate(path);
    if (node && this.nodes.partial(node)) throw new NeedsWholeParse();
    const length = isSeq(node) && depth === path.length ? node.items.length : 0;
    if (index < 0 || index > length) throw new EditError(`\`${displayPath(path)}\` has no place ${index + 1}.`);
    if (!isSeq(node) || depth < path.length || length === 0 || (node.flow && index === length)) {
      this.append(path, ...added.map((entry) => entry.value));
      return;
    }
    if (node.flow) {
      this.insertIntoFlow(node, index, added.map((entry) => entry.value));
      return;
    }
    const point = this.insertionPoint(path, index);
    if (!point) throw new EditError(`\`${displayPath(path)}\` is not written one entry per line; cannot insert into it.`);
    const blank = this.blankBetweenItems(node);
    const render = (entry: (typeof added)[number]) => (entry.lines ? entry.lines.map((line) => (line.trim() === '' ? '' : ' '.repeat(point.column) + line)) : this.renderItem(entry.value, point.column));
    // Before the first entry the blank line follows each new one; elsewhere it precedes it.
    this.insertLines(point.offset, added.flatMap((entry) => (index === 0 ? [...render(entry), ...(blank ? [''] : [])] : [...(blank ? [''] : []), ...render(entry)])));
  }

  /** Where lines go to insert before item `index` of the block list at `path` (after its last item when `index` is its length), and its dash column. */
  insertionPoint(path: PlanPath, index: number): { offset: number; column: number } | undefined {
    const { node, depth } = this.locate(path);
    if (depth < path.length || !isSeq(node) || node.flow || node.items.length === 0 || !this.itemsEditable(node)) return undefined;
    const items = node.items as Node[];
    const column = this.columnOf(this.text.lastIndexOf('-', items[0].range![0]));
    if (index === 0) return { offset: this.lineStartOf(items[0].range![0]), column };
    const end = this.lineEndAfter(contentEnd(items[index - 1], 0));
    // After the last entry, past the comment lines indented into it (as append does).
    return { offset: index >= items.length ? this.afterOwnComments(end, column + 1) : end, column };
  }

  /** Whether a block list separates its entries with blank lines. */
  private blankBetweenItems(seq: YAMLSeq): boolean {
    const items = seq.items as Node[];
    if (items.length < 2) return false;
    const between = this.text.slice(this.lineEndAfter(contentEnd(items[0], 0)), this.lineStartOf(items[1].range![0]));
    return between.split('\n').some((line) => line.trim() === '');
  }

  /**
   * The whole lines of the list item or mapping pair at `path`, when it has lines of its own (a
   * block item starting with "- ", a pair whose key starts its line): [start, end) and the column
   * of its "- " or key. With `leadingComments`, the comment lines right above it at that column
   * are part of it (they describe it).
   */
  span(path: PlanPath, leadingComments = false): { start: number; end: number; column: number } | undefined {
    if (path.length === 0) return undefined;
    const parentPath = path.slice(0, -1);
    const { node: parent, depth } = this.locate(parentPath);
    if (depth < parentPath.length || this.insideFlow(path.slice(0, -1)) || (!isMap(parent) && !isSeq(parent))) return undefined;
    const last = path[path.length - 1];
    let start: number;
    let end: number;
    let column: number;
    if (isSeq(parent)) {
      const item = typeof last === 'number' ? (parent.items[last] as Node | null | undefined) : undefined;
      if (!item?.range || !this.itemsEditable(parent)) return undefined;
      start = this.lineStartOf(item.range[0]);
      column = this.columnOf(this.text.lastIndexOf('-', item.range[0]));
      end = this.lineEndAfter(contentEnd(item, item.range[1]));
    } else {
      const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(last)) as Pair<Node, Node | null> | undefined;
      if (!pair?.key?.range) return undefined;
      start = this.lineStartOf(pair.key.range[0]);
      if (this.text.slice(start, pair.key.range[0]).trim() !== '') return undefined;
      column = this.columnOf(pair.key.range[0]);
      end = this.lineEndAfter(contentEnd(pair, pair.key.range[1]));
    }
    if (leadingComments) {
      const { line } = this.parsed.source.positionAt(start);
      for (let above = line - 1; above >= 0; above--) {
        const lineStart = this.parsed.source.lineStarts[above];
        const content = this.text.slice(lineStart, this.parsed.source.lineStarts[above + 1]).replace(/\r?\n$/, '');
        if (!/^ *#/.test(content) || content.length - content.trimStart().length !== column) break;
        start = lineStart;
      }
    }
    return { start, end, column };
  }

  /**
   * Inserts items into a non-empty flow list before the item at `index` (or after the last one),
   * writing only the new items: on lines of their own when the list puts one item per line.
   */
  private insertIntoFlow(seq: YAMLSeq, index: number, added: PlainValue[]): void {
    const items = seq.items as Node[];
    const renderedItems = added.map(renderFlow);
    if (index < items.length) {
      this.insert(this.propertiesStart(items[index].range![0]), renderedItems.map((rendered) => `${rendered}, `).join(''));
      return;
    }
    const lastEnd = items[items.length - 1].range![1];
    let after = lastEnd;
    while (this.text[after] === ' ' || this.text[after] === '\t') after++;
    const trailingComma = this.text[after] === ',';
    if (trailingComma) after++;
    while (this.text[after] === ' ' || this.text[after] === '\t') after++;
    const restOfLineIsEmpty = after >= this.text.length || this.text[after] === '\n' || this.text[after] === '\r' || this.text[after] === '#';
    const lastStart = items[items.length - 1].range![0];
    const lineStart = this.lineStartOf(lastStart);
    const ownLine = /^[ \t]*$/.test(this.text.slice(lineStart, lastStart));
    if (restOfLineIsEmpty && ownLine && after < this.text.length) {
      // One item per line: the new one gets its own line, after the last item's comment.
      const lineEnd = this.lineEndAfter(after + 1) - this.eolBefore(this.lineEndAfter(after + 1));
      if (!trailingComma) this.insert(lastEnd, ',');
      const indentation = this.text.slice(lineStart, lastStart);
      this.insert(lineEnd, renderedItems.map((rendered, at) => `${this.eol}${indentation}${rendered}${trailingComma || at < renderedItems.length - 1 ? ',' : ''}`).join(''));
      return;
    }
    // Right after the last item, so a closing bracket on its own line or a trailing comma stays valid.
    this.insert(lastEnd, renderedItems.map((rendered) => `, ${rendered}`).join(''));
  }

  /**
   * Removes the pair at `path` (its whole lines, comments on them included). `removing` names the
   * sibling keys removed in the same change. Returns the keys it removed.
   */
  remove(path: PlanPath, removing: ReadonlySet<string> = new Set()): string[] {
    this.guard(path);
    const parent = this.locate(path.slice(0, -1)).node;
    const last = path[path.length - 1];
    if (!isMap(parent)) throw new EditError(`\`${displayPath(path)}\` cannot be removed here.`);
    const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(last)) as Pair<Node, Node | null> | undefined;
    if (!pair?.key?.range) return [];
    this.guardRemoval(pair);
    if (parent.flow) {
      // "{a: 1, b: 2}": from this key to the next one, or from the previous value when it is the last.
      const pairs = parent.items as Pair<Node, Node | null>[];
      const index = pairs.indexOf(pair);
      const next = pairs[index + 1]?.key?.range;
      const start = next ? pair.key.range[0] : index > 0 ? contentEnd(pairs[index - 1], pair.key.range[0]) : parent.range![0] + 1;
      const end = next ? next[0] : contentEnd(pair, pair.key.range[1]);
      this.edits.push({ offset: start, length: end - start, text: '' });
      return [String(last)];
    }
    const lineStart = this.parsed.source.lineStarts[this.parsed.source.positionAt(pair.key.range[0]).line];
    const end = this.lineEndAfter(contentEnd(pair, pair.key.range[1]));
    if (this.text.slice(lineStart, pair.key.range[0]).trim() !== '') {
      // The key shares its line with the entry's "- ": keep the dash and move the next kept key up to it.
      const keyOf = (item: Pair<Node, Node | null>) => (isScalar(item.key) ? String(item.key.value) : undefined);
      const after = (parent.items as Pair<Node, Node | null>[]).slice(parent.items.indexOf(pair) + 1);
      const keptIndex = after.findIndex((item) => { const key = keyOf(item); return key === undefined || !removing.has(key); });
      const next = keptIndex === -1 ? undefined : after[keptIndex];
      if (!next?.key?.range) throw new EditError(`\`${displayPath(path)}\` is the entry's only field; remove the entry instead.`);
      this.edits.push({ offset: pair.key.range[0], length: next.key.range[0] - pair.key.range[0], text: '' });
      return [String(last), ...after.slice(0, keptIndex).flatMap((item) => keyOf(item) ?? [])];
    }
    this.edits.push({ offset: lineStart, length: end - lineStart, text: '' });
    return [String(last)];
  }

  private replace(path: PlanPath, node: Node | undefined, key: Node | undefined, value: PlainValue): void {
    if (node && this.nodes.partial(node)) throw new NeedsWholeParse();
    const isCollection = value !== null && typeof value === 'object';
    if (node?.anchor) {
      // Other places (*alias) repeat this value; changing it here would silently change them too.
      throw new EditError(`\`${displayPath(path)}\` is an anchor (&${node.anchor}) that other places may repeat; edit it by hand so they change only if you mean them to.`);
    }
    if (node && isScalar(node) && !isCollection && node.range && (node.value !== null || node.range[1] > node.range[0])) {
      let end = node.range[1];
      // A block scalar (| or >) owns the line break after its last line; keep it for the next key.
      if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
        while (end > node.range[0] && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
      }
      this.edits.push({ offset: node.range[0], length: end - node.range[0], text: renderScalar(value, node, this.insideFlow(path.slice(0, -1))) });
      return;
    }
    const emptyFlow = node !== undefined && (isMap(node) || isSeq(node)) && node.flow === true && node.items.length === 0;
    const inFlow = this.insideFlow(path.slice(0, -1));
    if (node && (isMap(node) || isSeq(node)) && node.flow && node.range && (inFlow || !(emptyFlow && isCollection && key))) {
      this.edits.push({ offset: node.range[0], length: node.range[1] - node.range[0], text: renderFlow(value) });
      return;
    }
    if (node && (isMap(node) || isSeq(node)) && !node.flow && node.range) {
      // A block collection: rewrite its lines in place, at the column it starts on.
      const start = node.range[0];
      const end = this.lineEndAfter(contentEnd(node, node.range[1])) - this.eolBefore(this.lineEndAfter(contentEnd(node, node.range[1])));
      const column = this.columnOf(start);
      const lines = isCollection ? this.renderBlock(value, column) : [renderScalar(value)];
      if (lines.length === 1 && key?.range) {
        // A one-line value ("[]", a scalar) goes on the key's line; alone on the next line it may not even parse.
        const colon = this.text.indexOf(':', key.range[1]);
        const from = this.lineStartOf(start);
        this.edits.push({ offset: colon + 1, length: 0, text: ` ${lines[0].trim()}` }, { offset: from, length: this.lineEndAfter(end) - from, text: '' });
        return;
      }
      const first = lines[0].slice(column);
      this.edits.push({ offset: start, length: end - start, text: [first, ...lines.slice(1)].join(this.eol) });
      return;
    }
    // No value yet ("key:", "key: ~" or "key: []"): write it after the key, in block style.
    if (!key?.range) throw new EditError(`\`${displayPath(path)}\` cannot be set here.`);
    const keyColumn = this.columnOf(key.range[0]);
    const colon = this.text.indexOf(':', key.range[1]);
    const valueEnd = node?.range && node.range[1] > node.range[0] ? node.range[1] : colon + 1;
    if (!isCollection || inFlow) {
      // Inside a flow collection ("{id: a, actions: null}") only flow style is valid.
      this.edits.push({ offset: colon + 1, length: valueEnd - colon - 1, text: ` ${isCollection ? renderFlow(value) : renderScalar(value, undefined, inFlow)}` });
      return;
    }
    const childColumn = Array.isArray(value) && !this.indentSequences ? keyColumn : keyColumn + this.indentUnit;
    // A comment after the old value ("key: []  # none yet") stays on the key's line, above the block.
    const lineEnd = this.lineEndAfter(valueEnd + 1) - this.eolBefore(this.lineEndAfter(valueEnd + 1));
    const lines = this.renderBlock(value, childColumn);
    if (lines.length === 1 && /^\s*[[{]/.test(lines[0])) {
      // Rendered in flow style (a short id list): it belongs on the key's line.
      this.edits.push({ offset: colon + 1, length: valueEnd - colon - 1, text: ` ${lines[0].trim()}` });
      return;
    }
    const block = this.eol + lines.join(this.eol);
    if (lineEnd > valueEnd && /^\s*#/.test(this.text.slice(valueEnd, lineEnd))) {
      this.edits.push({ offset: colon + 1, length: valueEnd - colon - 1, text: '' }, { offset: lineEnd, length: 0, text: block });
    } else {
      this.edits.push({ offset: colon + 1, length: valueEnd - colon - 1, text: block });
    }
  }

  /** Whether the node at `path` is, or sits inside, a flow collection. */
  private insideFlow(path: PlanPath): boolean {
    for (let length = 1; length <= path.length; length++) {
      const { node, depth } = this.locate(path.slice(0, length));
      if (depth === length && (isMap(node) || isSeq(node)) && node.flow) return true;
    }
    return false;
  }

  private addPair(map: YAMLMap, key: string, value: PlainValue): void {
    if (map.flow) {
      // After the last pair (a trailing comma stays valid), or just inside "{" of an empty mapping.
      const pairs = map.items as Pair<Node, Node | null>[];
      const rendered = `${key}: ${renderFlow(value)}`;
      if (pairs.length > 0) this.insert(contentEnd(pairs[pairs.length - 1], map.range![0] + 1), `, ${rendered}`);
      else this.insert(map.range![0] + 1, rendered);
      return;
    }
    const pairs = map.items as Pair<Node, Node | null>[];
    const lastPair = pairs[pairs.length - 1];
    if (!lastPair?.key?.range) throw new EditError(`Cannot add \`${key}\` to an empty mapping here.`);
    const column = this.columnOf(pairs[0].key!.range![0]);
    const end = this.afterOwnComments(this.lineEndAfter(contentEnd(lastPair, lastPair.key.range[1])), Math.max(column, 1));
    this.insertLines(end, this.renderBlock({ [key]: value }, column));
  }

  private renderItem(item: PlainValue, dashColumn: number): string[] {
    const lines = this.renderBlock(item, dashColumn + 2);
    lines[0] = `${' '.repeat(dashColumn)}- ${lines[0].slice(dashColumn + 2)}`;
    return lines;
  }

  /** Renders a value as block YAML lines indented to `column`, with short id lists kept on one line. */
  private renderBlock(value: PlainValue, column: number): string[] {
    const document = new Document(value);
    flowShortLists(document.contents as Node);
    const rendered = document.toString({ indent: this.indentUnit, indentSeq: this.indentSequences, lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false });
    const pad = ' '.repeat(column);
    return rendered
      .replace(/\n$/, '')
      .split('\n')
      .map((line) => (line ? pad + line : line));
  }

  private insert(offset: number, text: string): void {
    this.edits.push({ offset, length: 0, text });
  }

  /** Inserts whole lines at a line start (or at the end of a file without a final line break). */
  private insertLines(offset: number, lines: string[]): void {
    const atEndWithoutBreak = offset === this.text.length && this.text.length > 0 && !this.text.endsWith('\n');
    this.insert(offset, (atEndWithoutBreak ? this.eol : '') + lines.join(this.eol) + (atEndWithoutBreak ? '' : this.eol));
  }

  /**
   * Past the comment lines from `lineStart` on that are indented at least `minIndent`: they sit
   * inside the entry or mapping that ends there, so what is added goes after them, not into them.
   * Blank lines count only when such a comment follows them.
   */
  private afterOwnComments(lineStart: number, minIndent: number): number {
    let end = lineStart;
    let at = lineStart;
    while (at < this.text.length) {
      const next = this.lineEndAfter(at + 1);
      const line = this.text.slice(at, next).replace(/\r?\n$/, '');
      const content = line.trimStart();
      if (content !== '') {
        if (!content.startsWith('#') || line.length - content.length < minIndent || /\t/.test(line.slice(0, line.length - content.length))) break;
        end = next;
      }
      at = next;
    }
    return end;
  }

  /**
   * Where a flow item starting at `offset` really starts: before its anchor or tag ("&e1 {…}"),
   * which the node's range leaves out, so nothing is inserted between them and a removal takes them along.
   */
  private propertiesStart(offset: number): number {
    let start = offset;
    for (;;) {
      let end = start;
      while (end > 0 && (this.text[end - 1] === ' ' || this.text[end - 1] === '\t')) end--;
      let tokenStart = end;
      while (tokenStart > 0 && !/[\s,[\]{}]/.test(this.text[tokenStart - 1])) tokenStart--;
      if (tokenStart === end || !/^[&!]/.test(this.text.slice(tokenStart, end))) return start;
      start = tokenStart;
    }
  }

  private lineStartOf(offset: number): number {
    return this.parsed.source.lineStarts[this.parsed.source.positionAt(offset).line];
  }

  private columnOf(offset: number): number {
    const { line, character } = this.parsed.source.positionAt(offset);
    // A byte order mark is no indentation: the first line's keys are at column 0 for YAML.
    return line === 0 && this.text.charCodeAt(0) === 0xfeff ? Math.max(0, character - 1) : character;
  }

  /** The start of the line after the one holding the character before `offset`. */
  private lineEndAfter(offset: number): number {
    const { source } = this.parsed;
    const line = source.positionAt(Math.max(0, offset - 1)).line;
    return source.lineStarts[line + 1] ?? this.text.length;
  }

  private eolBefore(offset: number): number {
    if (offset === 0 || this.text[offset - 1] !== '\n') return 0;
    return this.text[offset - 2] === '\r' ? 2 : 1;
  }
}

function detectIndentUnit(text: string): number {
  const match = /\n( +)\S/.exec(text);
  const width = match ? match[1].length : 2;
  return width >= 2 && width <= 8 ? width : 2;
}

/** The parsed nodes an editor reads: a whole document, or the pieces of an incremental parse. */
interface PlanNodes {
  /** As parse.ts's locate on the whole document. */
  locate(path: PlanPath): NodeLocation;
  /** Whether lists under a key are indented ("key:\n  - x") or not ("key:\n- x"), as the file already does it. */
  indentSequences(): boolean;
  /** The whole document, where anchors and aliases are looked up; undefined for pieces (which have none). */
  readonly document: ParsedPlan['document'];
  /** Whether `node` stands in for a list without holding its entries (only appending to it is possible). */
  partial(node: Node): boolean;
  /**
   * The node at `path` as parsed, without moving it to the file's offsets: add `shift` to its range.
   * `inFlow`: whether a flow collection holds it. Undefined when nothing is there.
   */
  scalarAt(path: PlanPath): { node: Node; shift: number; inFlow: boolean } | undefined;
}

/**
 * The node at `path` under `root`, and whether a flow collection holds it: one of the nodes passed
 * on the way, or `root` itself when `rootHolds` (a piece's one-item list stands for its list).
 */
function nodeAlong(root: unknown, path: PlanPath, rootHolds: boolean): { node: Node; inFlow: boolean } | undefined {
  const isFlow = (candidate: unknown) => (isMap(candidate) || isSeq(candidate)) && candidate.flow === true;
  let node = root as Node | null | undefined;
  let inFlow = rootHolds && isFlow(root);
  for (let depth = 0; depth < path.length; depth++) {
    const segment = path[depth];
    if (isMap(node)) node = (node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment)) as Pair<Node, Node | null> | undefined)?.value;
    else if (isSeq(node) && typeof segment === 'number') node = node.items[segment] as Node | null | undefined;
    else return undefined;
    if (!node || isAlias(node)) return undefined;
    if (depth < path.length - 1 && isFlow(node)) inFlow = true;
  }
  return node ? { node, inFlow } : undefined;
}

class DocumentNodes implements PlanNodes {
  readonly document: ParsedPlan['document'];

  constructor(private readonly parsed: ParsedPlan) {
    this.document = parsed.document;
  }

  locate(path: PlanPath): NodeLocation {
    return locate(this.document, path);
  }

  indentSequences(): boolean {
    const root = this.document?.contents;
    if (!isMap(root)) return true;
    for (const pair of root.items as Pair<Node, Node | null>[]) {
      const indented = blockListIndented(pair, this.parsed.source.text, 0);
      if (indented !== undefined) return indented;
    }
    return true;
  }

  partial(): boolean {
    return false;
  }

  scalarAt(path: PlanPath): { node: Node; shift: number; inFlow: boolean } | undefined {
    const found = nodeAlong(this.document?.contents, path, false);
    return found && { ...found, shift: 0 };
  }
}

/** For a top-level pair whose value is a block list: whether the list is indented under its key. */
function blockListIndented(pair: Pair<Node, Node | null>, text: string, base: number): boolean | undefined {
  if (!isSeq(pair.value) || pair.value.flow || !pair.value.range || !pair.key?.range) return undefined;
  const column = (offset: number) => base + offset - (text.lastIndexOf('\n', base + offset - 1) + 1);
  return column(pair.value.range[0]) > column(pair.key.range[0]);
}

/**
 * The pieces of an incremental parse, read as if they were one document: a list entry's piece is
 * parsed alone (a one-item list), so its nodes are cloned with their offsets moved to the file's.
 * A cut list is a stand-in holding only its last entry, and the root one holding its first and last
 * pairs: enough to append after them, nothing else.
 */
class PieceNodes implements PlanNodes {
  readonly document = undefined;
  private readonly moved = new Map<PieceAt, Document.Parsed>();
  private readonly standIns = new Set<Node>();

  constructor(private readonly layout: PieceLayout) {}

  locate(path: PlanPath): NodeLocation {
    if (path.length === 0) return { node: this.rootStandIn(), key: undefined, depth: 0 };
    const segment = this.layout.segments.get(String(path[0]));
    if (!segment) return { node: undefined, key: undefined, depth: 0 };
    const { items } = segment;
    if (!items) return locate(this.atFileOffsets(segment.header), path);
    const key = locate(this.atFileOffsets(segment.header), path.slice(0, 1)).key;
    if (path.length === 1) return { node: this.standIn(items), key, depth: 1 };
    const index = path[1];
    if (typeof index !== 'number' || index >= items.length) throw new NeedsWholeParse();
    const inner = locate(this.atFileOffsets(items[index]), [0, ...path.slice(2)]);
    return { node: inner.node, key: inner.key, depth: inner.depth + 1 };
  }

  indentSequences(): boolean {
    for (const [, segment] of this.layout.segments) {
      if (segment.items) {
        const first = segment.items[0];
        return first.text.length - first.text.trimStart().length > 0;
      }
      const root = segment.header.document.contents;
      if (!isMap(root)) continue;
      for (const pair of root.items as Pair<Node, Node | null>[]) {
        const indented = blockListIndented(pair, this.layout.text, segment.header.start);
        if (indented !== undefined) return indented;
      }
    }
    return true;
  }

  partial(node: Node): boolean {
    return this.standIns.has(node);
  }

  scalarAt(path: PlanPath): { node: Node; shift: number; inFlow: boolean } | undefined {
    const segment = this.layout.segments.get(String(path[0]));
    const index = path[1];
    if (!segment) return undefined;
    if (!segment.items) {
      const found = nodeAlong(this.atFileOffsets(segment.header).contents, path, false);
      return found && { ...found, shift: 0 };
    }
    if (typeof index !== 'number' || index >= segment.items.length) return undefined;
    // The piece as the parser holds it (offsets from its own start): read, never moved or changed.
    const piece = segment.items[index];
    const found = nodeAlong(piece.document.contents, [0, ...path.slice(2)], true);
    return found && { ...found, shift: piece.start };
  }

  private rootStandIn(): YAMLMap {
    const segments = [...this.layout.segments.keys()];
    const pairOf = (key: string): Pair<Node, Node | null> => {
      const { key: keyNode, node } = this.locate([key]);
      return new YamlPair(keyNode, node ?? null) as Pair<Node, Node | null>;
    };
    const root = new YAMLMap();
    root.items = [pairOf(segments[0]), pairOf(segments[segments.length - 1])];
    this.standIns.add(root);
    return root;
  }

  private standIn(items: PieceAt[]): YAMLSeq {
    const first = items[0];
    const last = (this.atFileOffsets(items[items.length - 1]).contents as YAMLSeq).items[0] as Node;
    const seq = new YAMLSeq();
    seq.items = [last];
    const dash = first.start + first.text.length - first.text.trimStart().length;
    seq.range = [dash, dash, dash];
    this.standIns.add(seq);
    return seq;
  }

  /** A copy of the piece's document with offsets counted from the start of the file. */
  private atFileOffsets(piece: PieceAt): Document.Parsed {
    let document = this.moved.get(piece);
    if (!document) {
      // The parser caches the piece's own document for later parses: move a copy, never the original.
      document = piece.document.clone() as Document.Parsed;
      visit(document, (_, node) => {
        const ranged = node as { range?: [number, number, number] | null };
        if (ranged.range) ranged.range = [ranged.range[0] + piece.start, ranged.range[1] + piece.start, ranged.range[2] + piece.start];
      });
      this.moved.set(piece, document);
    }
    return document;
  }
}

/** Lists of short plain strings (goal ids) read best on one line, as people write them by hand. */
function flowShortLists(node: Node | null): void {
  if (isSeq(node)) {
    if (node.items.length > 0 && node.items.every((item) => isScalar(item) && typeof item.value === 'string' && /^[a-z0-9-]{1,40}$/.test(item.value))) {
      node.flow = true;
    }
    for (const item of node.items) flowShortLists(item as Node);
  } else if (isMap(node)) {
    for (const pair of node.items as Pair<Node, Node | null>[]) flowShortLists(pair.value);
  }
}

/**
 * Where a node's own text ends. A block collection's range runs on over the comment lines after
 * its last item and the next line's indentation; its last item's content ends it instead.
 */
function contentEnd(node: Node | Pair<unknown, unknown> | null | undefined, fallback: number): number {
  if (isPair(node)) return contentEnd(node.value as Node | null, (node.key as Node | null)?.range?.[1] ?? fallback);
  if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) return contentEnd(node.items[node.items.length - 1] as Node | Pair<unknown, unknown>, node.range?.[1] ?? fallback);
  // An empty value ("key:") has an empty range placed where the next token starts, lines later.
  if (!node?.range || node.range[1] === node.range[0]) return fallback;
  return node.range[1];
}

/** A scalar in the style the old one was written in (quotes kept), or the plainest safe style. */
function renderScalar(value: PlainValue, previous?: Scalar, inFlow = false): string {
  const style = previous && (previous.type === Scalar.QUOTE_DOUBLE || previous.type === Scalar.QUOTE_SINGLE) ? previous.type : Scalar.PLAIN;
  if (typeof value === 'string' && /[\r\n]/.test(value)) return JSON.stringify(value);
  // Inside [ ] or { }, commas and brackets end a plain scalar: render it as a flow item so it is quoted where needed.
  if (inFlow) return stripBrackets(renderFlowList([value], style));
  return new Document(value).toString({ defaultStringType: style, lineWidth: 0 }).replace(/\n$/, '');
}

function renderFlowList(items: PlainValue[], style: Scalar.Type): string {
  const document = new Document(items);
  (document.contents as YAMLSeq).flow = true;
  return document.toString({ defaultStringType: style, lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, '');
}

function stripBrackets(text: string): string {
  return text.slice(1, -1);
}

function renderFlow(value: PlainValue): string {
  if (value === null || typeof value !== 'object') return renderScalar(value, undefined, true);
  const document = new Document(value);
  const setFlow = (node: Node | null) => {
    // A line break in a flow collection would need a block scalar, which flow style cannot hold.
    if (isScalar(node) && typeof node.value === 'string' && /[\r\n]/.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    if (isSeq(node) || isMap(node)) {
      (node as YAMLSeq | YAMLMap).flow = true;
      for (const item of node.items) setFlow(isMap(node) ? ((item as Pair<Node, Node | null>).value ?? null) : (item as Node));
    }
  };
  setFlow(document.contents as Node);
  return document.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, '');
}

/** Drops undefined fields so they are not written as empty keys. */
function plain<T extends object>(value: T): PlainValue {
  return JSON.parse(JSON.stringify(value)) as PlainValue;
}

// ---- Operations the extension and the CLI offer ------------------------------------------------

export function setGoalStatus(text: string, goalId: string, status: GoalStatus, options?: EditOptions): EditResult {
  return editing(text, (editor) => editor.set(['goals', editor.indexOf('goals', goalId), 'status'], status), options);
}

export function addGoal(text: string, goal: Goal, options?: EditOptions): EditResult {
  return editing(text, (editor) => {
    assertNewId(editor, 'goals', goal.id);
    editor.append(['goals'], plain(goal));
  }, options);
}

export function addSession(text: string, session: Session, options?: EditOptions): EditResult {
  return editing(text, (editor) => {
    assertNewId(editor, 'sessions', session.id);
    editor.append(['sessions'], plain(session));
  }, options);
}

export function addFeedback(text: string, feedback: Feedback, options?: EditOptions): EditResult {
  return editing(text, (editor) => {
    assertNewId(editor, 'feedback', feedback.id);
    editor.append(['feedback'], plain(feedback));
  }, options);
}

/** Updates an entry field by field, so unchanged fields (and their comments) stay as they are. */
export function updateFeedback(text: string, feedbackId: string, feedback: Feedback, options?: EditOptions): EditResult {
  return editing(text, (editor) => {
    editor.update(['feedback', editor.indexOf('feedback', feedbackId)], plain(feedback));
  }, options);
}

/**
 * A new open action as both hosts write it (CLI `add-action`, the extension's Add Action), so the
 * two produce the same lines: text, then owner and due when given, then `done: false`.
 */
export function openAction(text: string, owner?: ActionOwner, due?: string): Action {
  return { text: text.trim(), ...(owner ? { owner } : {}), ...(due ? { due } : {}), done: false };
}

export function addAction(text: string, sessionId: string, action: Action, options?: EditOptions): EditResult {
  return editing(text, (editor) => editor.append(['sessions', editor.indexOf('sessions', sessionId), 'actions'], plain(action)), options);
}

export function addAgendaQuestion(text: string, sessionId: string, question: string, options?: EditOptions): EditResult {
  return editing(text, (editor) => editor.append(['sessions', editor.indexOf('sessions', sessionId), 'agenda'], question), options);
}

export function setActionDone(text: string, sessionId: string, actionIndex: number, done: boolean, options?: EditOptions): EditResult {
  return editing(text, (editor) => {
    const sessionIndex = editor.indexOf('sessions', sessionId);
    const actions = editor.value(['sessions', sessionIndex, 'actions']);
    if (!Array.isArray(actions) || actionIndex < 0 || actionIndex >= actions.length) {
      throw new EditError(`Session "${sessionId}" has no action #${actionIndex + 1}.`);
    }
    editor.set(['sessions', sessionIndex, 'actions', actionIndex, 'done'], done);
  }, options);
}

/**
 * Marks a goal achieved and records where it has shown up in daily work (the evidence of transfer),
 * appended to its `evidence` list. Without evidence it is setGoalStatus to achieved.
 */
export function achieveGoal(text: string, goalId: string, evidence: string | undefined, options?: EditOptions): EditResult {
  return editing(text, (editor) => {
    const index = editor.indexOf('goals', goalId);
    editor.set(['goals', index, 'status'], 'achieved');
    const trimmed = evidence?.trim();
    if (!trimmed) return;
    const current = editor.value(['goals', index, 'evidence']);
    if (current !== undefined && current !== null && !Array.isArray(current)) throw new EditError(`\`${displayPath(['goals', index, 'evidence'])}\` is not a list; make it one before adding evidence.`);
    editor.append(['goals', index, 'evidence'], trimmed);
  }, options);
}

/**
 * Records a health check-in on a session: the ratings given (1-5) and an optional note. Only the
 * keys given change; a rating already there for the other side stays as it is.
 */
export function recordHealth(text: string, sessionId: string, check: HealthCheck, options?: EditOptions): EditResult {
  return editing(text, (editor) => {
    for (const side of ['mentor', 'protege'] as const) {
      if (check[side] !== undefined && !isHealthScore(check[side])) throw new EditError(`A ${side === 'mentor' ? "mentor's" : "protégé's"} rating is a whole number from 1 to 5, not ${String(check[side])}.`);
    }
    if (check.mentor === undefined && check.protege === undefined && !check.note?.trim()) throw new EditError('A health check-in needs a rating (1 to 5) or a note.');
    const index = editor.indexOf('sessions', sessionId);
    const path = ['sessions', index, 'health'];
    const current = editor.value(path);
    if (current !== undefined && current !== null && !isRecord(current)) throw new EditError(`\`${displayPath(path)}\` is not a mapping; fix it by hand before recording a check-in.`);
    const given = plain({ mentor: check.mentor, protege: check.protege, note: check.note?.trim() || undefined }) as Record<string, PlainValue>;
    editor.update(path, { ...((current ?? {}) as Record<string, PlainValue>), ...given });
  }, options);
}

/** Pauses or resumes the mentorship (`status: paused | active`); the rules go quiet about cadence while paused. */
export function setMentorshipStatus(text: string, status: Exclude<MentorshipStatus, 'closed'>, options?: EditOptions): EditResult {
  return editing(text, (editor) => {
    const plan = mentorshipOf(editor);
    const current = mentorshipStatus(plan);
    if (saysStatus(plan, status)) throw new EditError(`The mentorship is already ${status}.`);
    if (current === 'closed') throw new EditError('The mentorship is closed; reopen it by setting `mentorship.status` by hand if you both agree.');
    editor.set(['mentorship', 'status'], status);
  }, options);
}

/**
 * Concludes the mentorship: appends the closure session (when given), records how it ended in
 * `mentorship.closure` (an existing closure is updated key by key) and sets `status: closed`.
 */
export function closeMentorship(text: string, closure: Closure, session?: Session, options?: EditOptions): EditResult {
  return editing(text, (editor) => {
    const plan = mentorshipOf(editor);
    if (mentorshipStatus(plan) === 'closed') throw new EditError('The mentorship is already closed.');
    const current = editor.value(['mentorship', 'closure']);
    if (current !== undefined && current !== null && !isRecord(current)) throw new EditError('`mentorship.closure` is not a mapping; fix it by hand before closing.');
    editor.set(['mentorship', 'status'], 'closed');
    editor.update(['mentorship', 'closure'], { ...((current ?? {}) as Record<string, PlainValue>), ...(plain(closure) as Record<string, PlainValue>) });
    if (session) {
      assertNewId(editor, 'sessions', session.id);
      editor.append(['sessions'], plain(session));
    }
  }, options);
}

/** The plan, refusing one without a `mentorship` mapping (nothing to set a status on). */
function mentorshipOf(editor: PlanEditor): Partial<Plan> {
  const mentorship = editor.value(['mentorship']);
  if (!isRecord(mentorship)) throw new EditError('The plan has no `mentorship` mapping to change.');
  return { mentorship: mentorship as unknown as Plan['mentorship'] };
}

/**
 * Copies the open actions of one session into another, so the commitment is on the agenda where it
 * will be discussed. The originals stay as written: the history of the earlier session is not
 * rewritten, and the pair marks them done when they are.
 */
export function carryForwardActions(text: string, fromSessionId: string, toSessionId: string, options?: EditOptions): EditResult {
  return editing(text, (editor) => {
    const from = editor.indexOf('sessions', fromSessionId);
    const to = editor.indexOf('sessions', toSessionId);
    const actions = editor.value(['sessions', from, 'actions']);
    const open = entries<Action>(actions)
      .map(({ item }) => item)
      .filter((action): action is Action => isOpenAction(action));
    if (open.length === 0) throw new EditError(`Session "${fromSessionId}" has no open actions to carry forward.`);
    const existing = editor.value(['sessions', to, 'actions']);
    const already = new Set((Array.isArray(existing) ? existing : []).map((action) => (action as Action | null)?.text));
    const toCarry = open.filter((action) => !already.has(action.text));
    if (toCarry.length === 0) throw new EditError(`Every open action of "${fromSessionId}" is already in "${toSessionId}".`);
    const target = ['sessions', to, 'actions'];
    if (!Array.isArray(existing) || existing.length === 0) editor.set(target, toCarry.map((action) => plain(action)));
    else editor.append(target, ...toCarry.map((action) => plain(action)));
  }, options);
}

/** Sets any value by path; quick fixes use it (an allowed enum value, a renamed id). */
export function setValue(text: string, path: PlanPath, value: string | number | boolean, options?: EditOptions): EditResult {
  return editing(text, (editor) => editor.set(path, value), options);
}

/**
 * Renames a goal, session or feedback id: its definition and every reference to it (plan-symbols'
 * idUses), each scalar replaced in place, so comments, quoting and layout stay. Refused when the
 * new id is not a valid id (the schema's pattern) or is taken, or the old id is not exactly one entry's.
 */
export function renameId(text: string, kind: IdKind, from: string, to: string, options?: EditOptions): EditResult {
  const invalid = invalidIdReason(to);
  if (invalid) return { ok: false, message: invalid };
  return editing(
    text,
    (editor) => {
      const list = LIST_OF_KIND[kind];
      editor.indexOf(list, from);
      if (from === to) return;
      const uses = idUses(editor.value([]));
      if (uses.some((use) => use.kind === kind && use.role === 'definition' && use.id === to)) {
        throw new EditError(`The id "${to}" is already used by another ${kind === 'feedback' ? 'feedback entry' : kind}; choose another.`);
      }
      for (const use of uses) if (use.kind === kind && use.id === from) editor.setScalar(use.path, to);
    },
    options,
  );
}

function assertNewId(editor: PlanEditor, list: 'goals' | 'sessions' | 'feedback', id: string): void {
  const entries = editor.value([list]);
  if (Array.isArray(entries) && entries.some((entry) => (entry as { id?: unknown } | null)?.id === id)) {
    throw new EditError(`The id "${id}" is already used in ${list}; choose another.`);
  }
}

export interface NewPlanOptions {
  mentor: string;
  protege: string;
  /** YYYY-MM-DD */
  today: string;
  cadence?: 'weekly' | 'biweekly' | 'monthly';
  title?: string;
  /** The pair's agreement; defaultAgreement() when left out. */
  agreement?: Agreement;
}

/** The agreement a new plan starts with, a fresh copy each call: a suggestion the pair edits at the kick-off (New Mentoring Plan offers each part as its default). */
export function defaultAgreement(): Agreement {
  return {
    roles: {
      mentor: ['Come to each session with questions rather than answers', 'Give candid feedback focused on what comes next'],
      protege: ['Bring the goals and questions that matter to me', 'Follow through on my actions, or say early when I cannot'],
    },
    confidentiality: 'What we discuss stays between us, except where safety or the law requires otherwise.',
    endWhen: 'When the goals are met, or when either of us asks for a no-fault conclusion.',
  };
}

/** A new plan with the agreement written as placeholders to edit together at the kickoff. */
export function newPlanText(options: NewPlanOptions): string {
  const quote = (value: string) => renderScalar(value);
  const agreement = options.agreement ?? defaultAgreement();
  const list = (items: readonly string[]) => items.map((item) => `        - ${quote(item)}`);
  return [
    '# Mentoring plan. Edit it together; review changes in pull requests.',
    '# Private notes never go in this file.',
    'schemaVersion: 1',
    '',
    'mentorship:',
    `  title: ${quote(options.title ?? `${options.protege} and ${options.mentor}`)}`,
    '  mentor:',
    `    name: ${quote(options.mentor)}`,
    '  protege:',
    `    name: ${quote(options.protege)}`,
    `  started: ${options.today}`,
    `  cadence: ${options.cadence ?? 'biweekly'}`,
    '  status: active',
    '  agreement:',
    '    roles:',
    '      mentor:',
    ...list(agreement.roles.mentor),
    '      protege:',
    ...list(agreement.roles.protege),
    `    confidentiality: ${quote(agreement.confidentiality)}`,
    ...(agreement.endWhen ? [`    endWhen: ${quote(agreement.endWhen)}`] : []),
    '',
    'goals: []',
    '',
    'sessions: []',
    '',
  ].join('\n');
}
