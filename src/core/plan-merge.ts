// The three-way merge of a plan, for the git merge driver: the mentor and the protégé edit the plan
// on separate branches, and both append a session or a feedback entry at the end of the same list,
// which git's line merge reports as a conflict. Here entries are matched by id (goals, sessions,
// feedback), actions and milestones by their text, list items that are plain values by their
// value, and mappings key by key; THEIRS' changes (against BASE) are applied to OURS' text through
// the edit engine, so every byte of OURS that THEIRS did not change stays, and THEIRS' new entries
// keep their own lines and comments. Only the same field changed two ways (or the same new id with
// different content, or an entry changed on one side and removed on the other) is a conflict,
// marked around that entry only. What this cannot handle (a side with YAML errors, anchors and
// aliases, a top level that is not a mapping) is reported as `fallback`, and the caller uses git's
// line merge instead. Pure: the CLI reads the files and runs git.
import { isAlias, visit } from 'yaml';
import { dayNumber } from './dates';
import { applyEdits, editPlan, PlanEditor } from './edits';
import type { PlainValue, TextEdit } from './edits';
import { parsePlan } from './parse';
import type { ParsedPlan, PlanPath } from './parse';
import { isRecord, sameValue, textOf, valueAt } from './plan-facts';
import { displayPath } from './validate';

export interface MergeOptions {
  /** Length of the conflict markers (git's %L); 7 by default. */
  markerSize?: number;
  /**
   * git's line merge of the same three texts, when it merged without conflicts. It is the result
   * when it reads as the same plan as the merge by entry: it also keeps THEIRS' comment and
   * formatting changes, which a merge of values cannot see.
   */
  lineMerged?: string;
}

export type MergeResult =
  /** Merged: `conflicts` lists the places marked in `text` (empty when the merge is clean). */
  | { kind: 'merged'; text: string; conflicts: string[] }
  /** This merge needs a line merge (git merge-file); `reason` says why, for the user. */
  | { kind: 'fallback'; reason: string };

type Side = 'base' | 'ours' | 'theirs';

/** Raised where both sides changed one value differently; caught by the entry or field that holds it. */
class Conflict extends Error {}
/** Raised for what this merge cannot do; the whole merge falls back to the line merge. */
class CannotMerge extends Error {}

type Operation =
  /** Replace OURS' value at `path` with THEIRS' (at `theirsPath`). */
  | { kind: 'replace'; path: PlanPath; theirsPath: PlanPath; value: unknown }
  | { kind: 'remove-key'; path: PlanPath }
  | { kind: 'insert'; path: PlanPath; index: number; entries: { theirsPath: PlanPath; value: unknown }[] }
  | { kind: 'remove-item'; path: PlanPath; index: number }
  /** Conflict markers around OURS' lines at `path` (none: at `insertAt`) and THEIRS' at `theirsPath` (none: empty). */
  | { kind: 'conflict'; path?: PlanPath; insertAt?: { path: PlanPath; index: number }; theirsPath?: PlanPath };

/** The lists of a plan that are in date order (a new entry goes where its date belongs). */
const DATED_LISTS = new Set(['sessions', 'feedback']);
/** The lists whose entries are the units of a conflict. */
const ENTRY_LISTS = new Set(['goals', 'sessions', 'feedback']);

export function mergePlans(baseText: string, oursText: string, theirsText: string, options: MergeOptions = {}): MergeResult {
  // What git's own merge would do byte for byte when only one side changed.
  if (theirsText === baseText || theirsText === oursText) return { kind: 'merged', text: oursText, conflicts: [] };
  if (oursText === baseText) return { kind: 'merged', text: theirsText, conflicts: [] };
  const base = readSide(baseText, 'base');
  const ours = readSide(oursText, 'ours');
  const theirs = readSide(theirsText, 'theirs');
  for (const side of [base, ours, theirs]) if (typeof side === 'string') return { kind: 'fallback', reason: side };
  const [baseParsed, oursParsed, theirsParsed] = [base, ours, theirs] as ParsedPlan[];
  const merger = new Merger(oursParsed, theirsParsed);
  try {
    merger.mergeMapping([], [], baseParsed.value, oursParsed.value, theirsParsed.value, false);
  } catch (error) {
    if (error instanceof Conflict) return { kind: 'fallback', reason: `both sides changed ${error.message} differently, and it has no lines of its own to mark` };
    if (error instanceof CannotMerge) return { kind: 'fallback', reason: error.message };
    throw error;
  }
  return merger.result(options.markerSize ?? 7, options.lineMerged);
}

/** The parsed side, or why it cannot be merged by entry. */
function readSide(text: string, side: Side): ParsedPlan | string {
  const parsed = parsePlan(text);
  const error = parsed.syntaxIssues.find((issue) => issue.severity === 'error') ?? parsed.syntaxIssues[0];
  if (error || !parsed.document || !parsed.readable) {
    return error ? `${side} has a YAML error at line ${error.range.start.line + 1}, column ${error.range.start.character + 1}: ${error.message}` : `${side} could not be read`;
  }
  if (parsed.value !== null && parsed.value !== undefined && !isRecord(parsed.value)) return `${side} is not a plan: its top level is not a mapping`;
  let anchor: string | undefined;
  visit(parsed.document, (_, node) => {
    if (isAlias(node) || (node as { anchor?: string }).anchor) {
      anchor = isAlias(node) ? `*${node.source}` : `&${(node as { anchor: string }).anchor}`;
      return visit.BREAK;
    }
    return undefined;
  });
  if (anchor) return `${side} uses anchors or aliases (${anchor}), which a merge by entry could change in places it does not see`;
  return parsed;
}

class Merger {
  private readonly operations: Operation[] = [];
  private readonly oursEditor: PlanEditor;
  private readonly theirsEditor: PlanEditor;

  constructor(
    private readonly ours: ParsedPlan,
    private readonly theirs: ParsedPlan,
  ) {
    this.oursEditor = new PlanEditor(ours);
    this.theirsEditor = new PlanEditor(theirs);
  }

  /**
   * Merges two mappings key by key. Outside entries (`inEntry` false), a conflicting field is
   * marked on its own when both sides write it on lines of its own; inside an entry the conflict
   * goes up to the entry.
   */
  mergeMapping(path: PlanPath, theirsPath: PlanPath, base: unknown, ours: unknown, theirs: unknown, inEntry: boolean): void {
    const [b, o, t] = [base, ours, theirs].map((value) => (isRecord(value) ? value : {}));
    const keys = [...new Set([...Object.keys(o), ...Object.keys(t), ...Object.keys(b)])];
    for (const key of keys) {
      const operationsBefore = this.operations.length;
      try {
        this.mergeValue([...path, key], [...theirsPath, key], b[key], o[key], t[key], inEntry);
      } catch (error) {
        if (!(error instanceof Conflict) || inEntry) throw error;
        // A field of the mentorship or agreement (or a top-level key): marked alone when both sides have its lines.
        const here = [...path, key];
        if (o[key] === undefined || t[key] === undefined || !this.oursEditor.span(here) || !this.theirsEditor.span([...theirsPath, key])) throw new Conflict(displayPath(here));
        this.operations.splice(operationsBefore);
        this.operations.push({ kind: 'conflict', path: here, theirsPath: [...theirsPath, key] });
      }
    }
  }

  private mergeValue(path: PlanPath, theirsPath: PlanPath, base: unknown, ours: unknown, theirs: unknown, inEntry: boolean): void {
    if (sameValue(ours, theirs) || sameValue(base, theirs)) return;
    const oursUnchanged = sameValue(base, ours);
    // An empty value ("feedback:") in BASE is where both sides may have started a list or mapping.
    const noBase = base === undefined || base === null;
    if (isRecord(ours) && isRecord(theirs) && (isRecord(base) || noBase)) {
      this.mergeMapping(path, theirsPath, base, ours, theirs, inEntry);
      return;
    }
    if (Array.isArray(ours) && Array.isArray(theirs) && (Array.isArray(base) || noBase)) {
      const keyed = listKeys(Array.isArray(base) ? base : [], ours, theirs);
      if (keyed) {
        this.mergeList(path, theirsPath, keyed);
        return;
      }
      if (path.length === 1 && ENTRY_LISTS.has(String(path[0])) && !oursUnchanged) {
        throw new CannotMerge(`${path[0]} has entries without an id of their own (or the same id twice), so they cannot be matched`);
      }
    }
    if (!oursUnchanged) throw new Conflict(displayPath(path));
    if (theirs === undefined) this.operations.push({ kind: 'remove-key', path });
    else this.operations.push({ kind: 'replace', path, theirsPath, value: theirs });
  }

  /** Merges a list item by item, matched by key; the plan's goals, sessions and feedback are each a conflict unit. */
  private mergeList(path: PlanPath, theirsPath: PlanPath, lists: KeyedLists): void {
    const entryList = path.length === 1 && ENTRY_LISTS.has(String(path[0]));
    const { base, ours, theirs } = lists;
    const inserts = new Map<number, { theirsPath: PlanPath; value: unknown; date?: number }[]>();
    const insertAt = (theirsIndex: number): number => {
      const value = theirs.items[theirsIndex];
      const date = DATED_LISTS.has(String(path[path.length - 1])) && isRecord(value) ? dayNumber(value.date) : undefined;
      if (date !== undefined) {
        // In date order: after the last entry dated on or before it, else before the first dated one.
        let after = -1;
        let firstDated = -1;
        ours.items.forEach((item, index) => {
          const itemDate = isRecord(item) ? dayNumber(item.date) : undefined;
          if (itemDate === undefined) return;
          if (firstDated === -1) firstDated = index;
          if (itemDate <= date) after = index;
        });
        if (after !== -1 || firstDated !== -1) return after !== -1 ? after + 1 : firstDated;
        return ours.items.length;
      }
      // After the nearest entry before it in THEIRS that OURS has too (at the start when none), and
      // after what OURS added right after that one: each side's additions stay together, OURS' first.
      let at = 0;
      for (let index = theirsIndex - 1; index >= 0; index--) {
        const found = ours.index.get(theirs.keys[index]);
        if (found !== undefined) {
          at = found + 1;
          break;
        }
      }
      while (at < ours.keys.length && !base.index.has(ours.keys[at]) && !theirs.index.has(ours.keys[at])) at++;
      return at;
    };
    const asUnit = (run: () => void, conflict: Operation) => {
      if (!entryList) {
        run();
        return;
      }
      const operationsBefore = this.operations.length;
      try {
        run();
      } catch (error) {
        if (!(error instanceof Conflict)) throw error;
        this.operations.splice(operationsBefore);
        this.operations.push(conflict);
      }
    };
    ours.keys.forEach((key, oursIndex) => {
      const baseIndex = base.index.get(key);
      const theirsIndex = theirs.index.get(key);
      const itemPath = [...path, oursIndex];
      const oursItem = ours.items[oursIndex];
      if (theirsIndex !== undefined) {
        const theirsItem = theirs.items[theirsIndex];
        const theirsItemPath = [...theirsPath, theirsIndex];
        asUnit(() => {
          if (baseIndex === undefined && !sameValue(oursItem, theirsItem) && (!isRecord(oursItem) || !isRecord(theirsItem) || entryList)) {
            // The same new id on both sides with different content.
            throw new Conflict(displayPath(itemPath));
          }
          this.mergeValue(itemPath, theirsItemPath, baseIndex === undefined ? undefined : base.items[baseIndex], oursItem, theirsItem, true);
        }, { kind: 'conflict', path: itemPath, theirsPath: theirsItemPath });
      } else if (baseIndex !== undefined) {
        // THEIRS removed it: removed here too, unless OURS changed it meanwhile.
        asUnit(() => {
          if (!sameValue(base.items[baseIndex], oursItem)) throw new Conflict(displayPath(itemPath));
          this.operations.push({ kind: 'remove-item', path, index: oursIndex });
        }, { kind: 'conflict', path: itemPath });
      }
    });
    theirs.keys.forEach((key, theirsIndex) => {
      if (ours.index.has(key)) return;
      const baseIndex = base.index.get(key);
      const theirsItemPath = [...theirsPath, theirsIndex];
      const value = theirs.items[theirsIndex];
      if (baseIndex !== undefined) {
        // OURS removed it: a conflict when THEIRS changed it meanwhile.
        if (sameValue(base.items[baseIndex], value)) return;
        if (!entryList) throw new Conflict(displayPath([...path, key]));
        this.operations.push({ kind: 'conflict', insertAt: { path, index: insertAt(theirsIndex) }, theirsPath: theirsItemPath });
        return;
      }
      const index = insertAt(theirsIndex);
      const group = inserts.get(index) ?? [];
      const date = isRecord(value) ? dayNumber(value.date) : undefined;
      group.push({ theirsPath: theirsItemPath, value, ...(date === undefined ? {} : { date }) });
      inserts.set(index, group);
    });
    for (const [index, group] of inserts) {
      // Entries going to one place stay in THEIRS' order, or in date order where they are dated.
      const ordered = group.every((entry) => entry.date !== undefined) ? [...group].sort((a, b) => a.date! - b.date!) : group;
      this.operations.push({ kind: 'insert', path, index, entries: ordered.map(({ theirsPath: at, value }) => ({ theirsPath: at, value })) });
    }
  }

  result(markerSize: number, lineMerged: string | undefined): MergeResult {
    const conflicts: TextEdit[] = [];
    const conflictPaths: string[] = [];
    const eol = this.ours.source.eol;
    const oursText = this.ours.source.text;
    const edited = editPlan(oursText, (editor) => {
      for (const operation of this.operations) {
        switch (operation.kind) {
          case 'replace':
            if (!this.replaceWithTheirsText(operation.path, operation.theirsPath, conflicts)) editor.update(operation.path, operation.value as PlainValue);
            break;
          case 'remove-key':
            editor.remove(operation.path);
            break;
          case 'remove-item':
            editor.removeEntry([...operation.path, operation.index]);
            break;
          case 'insert':
            editor.insertEntries(
              operation.path,
              operation.index,
              operation.entries.map((entry) => ({ value: entry.value as PlainValue, lines: this.theirsLines(entry.theirsPath, true) })),
            );
            break;
          case 'conflict': {
            const where = operation.path ?? [...operation.insertAt!.path, operation.insertAt!.index];
            conflictPaths.push(displayPath(where));
            const oursSpan = operation.path ? this.oursEditor.span(operation.path) : undefined;
            const point = operation.insertAt ? this.oursEditor.insertionPoint(operation.insertAt.path, operation.insertAt.index) : undefined;
            const column = oursSpan?.column ?? point?.column;
            const theirsLines = operation.theirsPath ? this.theirsLines(operation.theirsPath, false) : [];
            if (column === undefined || !theirsLines) throw new CannotMerge(`both sides changed ${displayPath(where)} differently, and it has no lines of its own to mark`);
            const oursPart = oursSpan ? oursText.slice(oursSpan.start, oursSpan.end) : '';
            const marker = (character: string, label: string) => `${character.repeat(markerSize)}${label}${eol}`;
            const theirsPart = theirsLines.map((line) => (line.trim() === '' ? '' : ' '.repeat(column) + line) + eol).join('');
            const text = marker('<', ' ours') + oursPart + (oursPart && !oursPart.endsWith('\n') ? eol : '') + marker('=', '') + theirsPart + marker('>', ' theirs');
            const offset = oursSpan?.start ?? point!.offset;
            // At the very end of a file without a final line break, the markers start on a line of their own.
            const lead = offset === oursText.length && oursText.length > 0 && !oursText.endsWith('\n') ? eol : '';
            conflicts.push({ offset, length: oursSpan ? oursSpan.end - oursSpan.start : 0, text: lead + text });
            break;
          }
        }
      }
    });
    if (!edited.ok) return { kind: 'fallback', reason: edited.message };
    const text = applyEdits(oursText, [...edited.edits, ...conflicts]);
    if (conflictPaths.length === 0) {
      const expected = this.expectedValue();
      const readsAs = (candidate: string) => {
        const check = parsePlan(candidate);
        return check.syntaxIssues.length === 0 && sameValue(check.value, expected);
      };
      if (lineMerged !== undefined && readsAs(lineMerged)) return { kind: 'merged', text: lineMerged, conflicts: [] };
      // The text must say what the merge decided; anything else (an edit the engine wrote another way) goes to the line merge.
      if (!readsAs(text)) return { kind: 'fallback', reason: 'the merged text did not read back as the merged plan' };
    }
    return { kind: 'merged', text, conflicts: conflictPaths };
  }

  /**
   * THEIRS' own text for a changed scalar (its quotes, its block style), indented as OURS' line.
   * False when either side is no scalar written in block context; the edit engine renders it then.
   */
  private replaceWithTheirsText(path: PlanPath, theirsPath: PlanPath, into: TextEdit[]): boolean {
    const oursNode = scalarNode(this.ours, path);
    const theirsNode = scalarNode(this.theirs, theirsPath);
    if (!oursNode || !theirsNode) return false;
    const lineIndent = (parsed: ParsedPlan, offset: number) => {
      const line = parsed.source.text.slice(parsed.source.lineStarts[parsed.source.positionAt(offset).line]);
      return line.length - line.trimStart().length;
    };
    const shift = lineIndent(this.ours, oursNode.start) - lineIndent(this.theirs, theirsNode.start);
    const lines = this.theirs.source.text.slice(theirsNode.start, theirsNode.end).split(/\r?\n/);
    const moved = lines.map((line, index) => {
      if (index === 0 || line.trim() === '') return line;
      if (shift >= 0) return ' '.repeat(shift) + line;
      return /^ *$/.test(line.slice(0, -shift)) ? line.slice(-shift) : undefined;
    });
    if (moved.some((line) => line === undefined)) return false;
    // A one-line value's comment after it on THEIRS' line ("target: 2027-03-15  # moved") comes along, in place of OURS'.
    const restOfLine = (text: string, from: number) => /^[ \t]*(?:#[^\r\n]*)?(?=\r?\n|$)/.exec(text.slice(from))?.[0];
    const theirsRest = lines.length === 1 ? restOfLine(this.theirs.source.text, theirsNode.end) : undefined;
    const oursRest = restOfLine(this.ours.source.text, oursNode.end);
    const withComment = theirsRest?.includes('#') && oursRest !== undefined && !oursNode.multiLine;
    const end = withComment ? oursNode.end + oursRest.length : oursNode.end;
    into.push({ offset: oursNode.start, length: end - oursNode.start, text: moved.join(this.ours.source.eol) + (withComment ? theirsRest : '') });
    return true;
  }

  /** THEIRS' lines of the entry at `path`, its "- " (or key) moved to column 0; undefined when it has no lines of its own. */
  private theirsLines(path: PlanPath, leadingComments: boolean): string[] | undefined {
    const span = this.theirsEditor.span(path, leadingComments);
    if (!span) return undefined;
    const lines = this.theirs.source.text.slice(span.start, span.end).replace(/\r?\n$/, '').split(/\r?\n/);
    const moved = lines.map((line) => (line.trim() === '' ? '' : /^ *$/.test(line.slice(0, span.column)) ? line.slice(span.column) : undefined));
    return moved.some((line) => line === undefined) ? undefined : (moved as string[]);
  }

  /** The merged plan as a value: OURS with the operations applied (what the merged text must read as). */
  private expectedValue(): unknown {
    const root = structuredClone(this.ours.value) as unknown;
    const listEdits = new Map<string, { path: PlanPath; removed: Set<number>; inserts: Map<number, unknown[]> }>();
    const listOf = (path: PlanPath) => {
      const key = JSON.stringify(path);
      let entry = listEdits.get(key);
      if (!entry) listEdits.set(key, (entry = { path, removed: new Set(), inserts: new Map() }));
      return entry;
    };
    for (const operation of this.operations) {
      if (operation.kind === 'replace') setAt(root, operation.path, structuredClone(operation.value));
      else if (operation.kind === 'remove-key') delete (valueAt(root, operation.path.slice(0, -1)) as Record<string, unknown>)[String(operation.path[operation.path.length - 1])];
      else if (operation.kind === 'remove-item') listOf(operation.path).removed.add(operation.index);
      else if (operation.kind === 'insert') listOf(operation.path).inserts.set(operation.index, operation.entries.map((entry) => structuredClone(entry.value)));
    }
    // Inner lists first, so the indices of the lists holding them still hold.
    for (const { path, removed, inserts } of [...listEdits.values()].sort((a, b) => b.path.length - a.path.length)) {
      const list = valueAt(root, path);
      const items = Array.isArray(list) ? list : [];
      const next: unknown[] = [];
      for (let index = 0; index <= items.length; index++) {
        next.push(...(inserts.get(index) ?? []));
        if (index < items.length && !removed.has(index)) next.push(items[index]);
      }
      setAt(root, path, next);
    }
    return root;
  }
}

/** The range of a scalar written in block context (not inside [ ] or { }), block scalars without their final line break. */
function scalarNode(parsed: ParsedPlan, path: PlanPath): { start: number; end: number; multiLine: boolean } | undefined {
  let node = parsed.document?.contents as unknown;
  for (const segment of path) {
    const collection = node as { flow?: boolean; items?: unknown[] } | null;
    if (!collection?.items || collection.flow) return undefined;
    const item =
      typeof segment === 'number'
        ? collection.items[segment]
        : (collection.items as { key?: { value?: unknown }; value?: unknown }[]).find((pair) => pair?.key && String(pair.key.value) === segment)?.value;
    node = item;
  }
  const scalar = node as { range?: [number, number, number]; value?: unknown; items?: unknown } | null;
  if (!scalar?.range || scalar.items !== undefined || scalar.range[1] <= scalar.range[0]) return undefined;
  let end = scalar.range[1];
  const text = parsed.source.text;
  while (end > scalar.range[0] && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return { start: scalar.range[0], end, multiLine: /[\r\n]/.test(text.slice(scalar.range[0], end)) };
}

function setAt(root: unknown, path: PlanPath, value: unknown): void {
  const parent = valueAt(root, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]] = value;
}

interface KeyedList {
  items: unknown[];
  keys: string[];
  index: Map<string, number>;
}
type KeyedLists = Record<Side, KeyedList>;

/**
 * The lists keyed for matching: entries by id, actions and milestones by text, plain values by
 * value. Undefined when items of the three lists cannot all be keyed one way, or a key repeats.
 */
function listKeys(base: unknown[], ours: unknown[], theirs: unknown[]): KeyedLists | undefined {
  const all = [...base, ...ours, ...theirs];
  const keyOf: ((item: unknown) => string | undefined) | undefined = all.every((item) => isRecord(item) && textOf(item.id) !== undefined)
    ? (item) => textOf((item as Record<string, unknown>).id)
    : all.every((item) => isRecord(item) && textOf(item.text) !== undefined)
      ? (item) => textOf((item as Record<string, unknown>).text)
      : all.every((item) => item === null || typeof item !== 'object')
        ? (item) => JSON.stringify(item)
        : undefined;
  if (!keyOf) return undefined;
  const keyed = (items: unknown[]): KeyedList | undefined => {
    const keys = items.map((item) => keyOf(item)!);
    const index = new Map(keys.map((key, at) => [key, at]));
    return index.size === keys.length ? { items, keys, index } : undefined;
  };
  const [b, o, t] = [keyed(base), keyed(ours), keyed(theirs)];
  return b && o && t ? { base: b, ours: o, theirs: t } : undefined;
}
