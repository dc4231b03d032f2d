// Incremental = full, by generated evidence (issue 9): random sequences of multi-line edits on
// generated plans large enough for the incremental path, each version checked by one long-lived
// PlanChecker and by checkPlan; issues, plan value and ranges must be identical after every step.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { checkPlan, PlanChecker } from '../../src/core/check';
import { INCREMENTAL_MIN_LENGTH } from '../../src/core/incremental';
import { checkClosedPlan, quickRanges } from '../../src/core/quick-check';
import { SourceText } from '../../src/core/source';
import { rangeAt } from '../../src/core/parse';

const EXAMPLE = readFileSync(join(__dirname, '../../../examples/alex-and-sam.mentoring.yaml'), 'utf8');
const HEAD = EXAMPLE.slice(0, EXAMPLE.indexOf('sessions:\n')).replace(/\n$/, '').split('\n');
const FEEDBACK = EXAMPLE.slice(EXAMPLE.indexOf('feedback:\n')).replace(/\n$/, '').split('\n');
const TODAY = '2026-11-27';
const RUNS = 36;

// ---- Generated plans ----------------------------------------------------------------------------

const word = fc.constantFrom('design', 'review', 'pairing', 'on-call', 'roadmap', 'incident', 'testing', 'estimates', 'feedback', 'écoute', 'платформа', '設計');
const sentence = fc.array(word, { minLength: 2, maxLength: 7 }).map((words) => words.join(' '));
const date = fc.record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }), year: fc.constantFrom(2025, 2026, 2027) }).map(({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
const sessionType = fc.constantFrom('checkin', 'checkin', 'kickoff', 'feedback', 'health-check', 'chat');
const scalarStyle = fc.constantFrom<'plain' | 'single' | 'double'>('plain', 'single', 'double');

function quoted(text: string, style: 'plain' | 'single' | 'double'): string {
  if (style === 'single') return `'${text.replace(/'/g, "''")}'`;
  if (style === 'double') return JSON.stringify(text);
  return text;
}

/** One session in one of several styles: flow or block lists, quoted scalars, block scalars, comments. */
const session = fc.record({
    date,
    type: sessionType,
    flowGoals: fc.boolean(),
    agenda: fc.array(sentence, { minLength: 1, maxLength: 3 }),
    style: scalarStyle,
    notes: fc.option(fc.array(sentence, { minLength: 1, maxLength: 3 }), { nil: undefined }),
    flowActions: fc.boolean(),
    action: sentence,
    done: fc.boolean(),
    health: fc.option(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })), { nil: undefined }),
    inlineComment: fc.option(sentence, { nil: undefined }),
    columnZeroComment: fc.option(sentence, { nil: undefined }),
});
type Session = typeof session extends fc.Arbitrary<infer T> ? T : never;

function sessionLines(s: Session, id: string): string[] {
    const lines: string[] = [];
    if (s.columnZeroComment) lines.push(`# ${s.columnZeroComment}`);
    lines.push(`  - id: ${id}`, `    date: ${s.date}`, `    type: ${s.type}${s.inlineComment ? `  # ${s.inlineComment}` : ''}`);
    lines.push(s.flowGoals ? '    goals: [system-design]' : '    goals:\n      - code-review-voice');
    lines.push('    agenda:', ...s.agenda.map((item) => `      - ${quoted(`${item}?`, s.style)}`));
    if (s.notes) lines.push('    notes: |', ...s.notes.map((line) => `      ${line}`));
    if (s.flowActions) lines.push(`    actions: [{ text: ${quoted(s.action, s.style === 'plain' ? 'double' : s.style)}, owner: protege, due: ${s.date}, done: ${s.done} }]`);
    else lines.push('    actions:', `      - text: ${quoted(s.action, s.style)}`, '        owner: protege', `        due: ${s.date}`, `        done: ${s.done}`);
    if (s.health) lines.push('    health:', `      mentor: ${s.health[0]}`, `      protege: ${s.health[1]}`);
    return lines.join('\n').split('\n');
}

const plan = fc.record({
  sessions: fc.array(session, { minLength: 46, maxLength: 56 }),
  crlf: fc.boolean(),
});

// ---- Generated edits ----------------------------------------------------------------------------

/** Pairs of keys that YAML reads as the same value; a whole parse reports the second as a duplicate. */
const SAME_KEY = [
  ['true', 'True'],
  ['TRUE', 'true'],
  ['false', 'False'],
  ['null', 'NULL'],
  ['Null', '~'],
  ['1', '0x1'],
  ['"notes"', 'notes'],
  ["'extra'", 'extra'],
  ['goals', 'goals'],
  ['sessions', '"sessions"'],
];

type Edit =
  | { kind: 'insert-entry'; at: number; entry: Session }
  | { kind: 'delete-entry'; at: number }
  | { kind: 'move-entry'; from: number; to: number }
  | { kind: 'add-top-key'; at: number; lines: string[] }
  | { kind: 'remove-top-key'; at: number }
  | { kind: 'duplicate-key'; pair: number; first: number; second: number }
  | { kind: 'column-zero-comment'; at: number; text: string }
  | { kind: 'change-value'; at: number; to: string }
  | { kind: 'splice-lines'; at: number; remove: number; copyFrom: number; copy: number }
  | { kind: 'crlf-line'; at: number };

const topKey = fc.oneof(
  fc.tuple(fc.nat(99), sentence).map(([n, text]) => [`extra${n}: ${text}`]),
  fc.tuple(fc.nat(99), sentence, sentence).map(([n, a, b]) => [`extra${n}:`, `  first: ${a}`, '  list:', `    - ${b}`, `    - ${a}`]),
  fc.tuple(sentence, sentence).map(([a, b]) => ['notes: |', `  ${a}`, `  ${b}`]),
  fc.constant<string[]>(['archive: []']),
  fc.constant<string[]>(['# a comment block at column 0', 'archived: true  # trailing']),
);

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert-entry' as const), at: fc.nat(), entry: session }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete-entry' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move-entry' as const), from: fc.nat(), to: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('add-top-key' as const), at: fc.nat(), lines: topKey }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove-top-key' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate-key' as const), pair: fc.nat(SAME_KEY.length - 1), first: fc.nat(), second: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('column-zero-comment' as const), at: fc.nat(), text: sentence }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('change-value' as const), at: fc.nat(), to: fc.constantFrom('chat', '9', 'maybe', '2026-02-30', 'biweekly', '"quoted: value"', '[a, b]', '') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('splice-lines' as const), at: fc.nat(), remove: fc.nat(4), copyFrom: fc.nat(), copy: fc.nat(6) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('crlf-line' as const), at: fc.nat() }) },
);

/** Lines where a top-level key starts (column 0, not a comment), plus the end: the boundaries of top-level segments. */
function topLevelStarts(lines: string[]): number[] {
  const starts: number[] = [];
  lines.forEach((line, index) => {
    if (line !== '' && line !== '\r' && !/^[\s#]/.test(line)) starts.push(index);
  });
  return starts;
}

/** Lines where an entry of the sessions list starts, and the line after its last entry. */
function sessionEntries(lines: string[]): { starts: number[]; end: number } | undefined {
  const key = lines.findIndex((line) => /^sessions:\r?$/.test(line));
  if (key === -1) return undefined;
  const next = topLevelStarts(lines).find((start) => start > key) ?? lines.length;
  const starts: number[] = [];
  for (let index = key + 1; index < next; index++) if (/^ {2}- /.test(lines[index])) starts.push(index);
  return { starts, end: next };
}

function apply(lines: string[], change: Edit): string[] {
  const result = [...lines];
  const pick = (n: number, count: number) => (count === 0 ? 0 : n % count);
  switch (change.kind) {
    case 'insert-entry': {
      const entries = sessionEntries(result);
      if (!entries) break;
      const at = [...entries.starts, entries.end][pick(change.at, entries.starts.length + 1)];
      result.splice(at, 0, ...sessionLines(change.entry, `inserted-${result.length}`));
      break;
    }
    case 'delete-entry':
    case 'move-entry': {
      const entries = sessionEntries(result);
      if (!entries || entries.starts.length < 2) break;
      const index = pick(change.kind === 'move-entry' ? change.from : change.at, entries.starts.length);
      const start = entries.starts[index];
      const end = entries.starts[index + 1] ?? entries.end;
      const removed = result.splice(start, end - start);
      if (change.kind === 'move-entry') {
        const after = sessionEntries(result)!;
        const to = [...after.starts, after.end][pick(change.to, after.starts.length + 1)];
        result.splice(to, 0, ...removed);
      }
      break;
    }
    case 'add-top-key': {
      const boundaries = [...topLevelStarts(result), result.length];
      result.splice(boundaries[pick(change.at, boundaries.length)], 0, ...change.lines);
      break;
    }
    case 'remove-top-key': {
      const starts = topLevelStarts(result);
      // Keep the sessions: without them the plan drops below the incremental size and tells nothing.
      const removable = starts.filter((start) => !/^sessions:/.test(result[start]));
      if (removable.length === 0) break;
      const start = removable[pick(change.at, removable.length)];
      const end = starts.find((other) => other > start) ?? result.length;
      result.splice(start, end - start);
      break;
    }
    case 'duplicate-key': {
      const [first, second] = SAME_KEY[change.pair];
      const boundaries = [...topLevelStarts(result), result.length];
      const firstAt = boundaries[pick(change.first, boundaries.length)];
      result.splice(firstAt, 0, `${first}: 1`);
      const later = [...topLevelStarts(result), result.length].filter((boundary) => boundary > firstAt);
      result.splice(later[pick(change.second, later.length)], 0, `${second}:`, '  - 2');
      break;
    }
    case 'column-zero-comment':
      result.splice(pick(change.at, result.length + 1), 0, `# ${change.text}`);
      break;
    case 'change-value': {
      const candidates = result.map((line, index) => (/^\s+[a-z]+: \S/.test(line) ? index : -1)).filter((index) => index !== -1);
      if (candidates.length === 0) break;
      const index = candidates[pick(change.at, candidates.length)];
      result[index] = result[index].replace(/^(\s+[a-z]+: ).*$/, `$1${change.to}`);
      break;
    }
    case 'splice-lines': {
      const at = pick(change.at, result.length + 1);
      const from = pick(change.copyFrom, result.length);
      const copied = result.slice(from, from + change.copy);
      result.splice(at, change.remove, ...copied);
      break;
    }
    case 'crlf-line': {
      const index = pick(change.at, result.length);
      if (!result[index].endsWith('\r')) result[index] += '\r';
      break;
    }
  }
  return result;
}

function render(lines: string[], crlf: boolean): string {
  return `${lines.join(crlf ? '\r\n' : '\n')}${crlf ? '\r\n' : '\n'}`;
}

// ---- The property -------------------------------------------------------------------------------

describe('incremental = full (generated edit sequences)', () => {
  it(`${RUNS} generated plans, each edited 4 to 9 times: identical issues, plan and ranges after every step`, function () {
    this.timeout(300_000);
    const paths = [['mentorship', 'cadence'], ['goals', 1, 'status'], ['sessions', 3, 'date'], ['sessions', 20, 'actions', 0, 'due'], ['sessions', 40], ['feedback', 0, 'feedforward', 1], ['true'], ['extra'], ['notes']];
    const counts = { steps: 0, incremental: 0, fallback: 0, withErrors: 0, small: 0, closedPiecewise: 0 };
    const byKind = new Map<string, { incremental: number; fallback: number }>();
    const started = performance.now();
    fc.assert(
      fc.property(plan, fc.array(edit, { minLength: 4, maxLength: 9 }), ({ sessions, crlf }, edits) => {
        let lines = [...HEAD, 'sessions:', ...sessions.flatMap((entry, index) => sessionLines(entry, `s-${index}`)), '', ...FEEDBACK];
        // After a version with YAML errors the next edit starts from the last version without, as
        // a user undoes a slip: otherwise one error would send every later step down the whole parse.
        let lastReadable = lines;
        const checker = new PlanChecker();
        for (const [step, change] of [{ kind: 'start' } as const, ...edits].entries()) {
          if (change.kind !== 'start') lines = apply(lastReadable, change);
          const text = render(lines, crlf);
          const whole = checkPlan(text, { today: TODAY });
          const incremental = checker.check(text, { today: TODAY });
          const where = `step ${step} (${change.kind})`;
          assert.deepEqual(incremental.issues, whole.issues, where);
          assert.deepEqual(incremental.plan, whole.plan, where);
          // A closed plan's check (the line parser, positions from single entries) must agree exactly too.
          const closed = checkClosedPlan(text, { today: TODAY });
          assert.deepEqual(closed.issues, whole.issues, `${where}: checkClosedPlan`);
          assert.deepEqual(closed.plan, whole.plan, `${where}: checkClosedPlan`);
          if (closed.path.kind === 'quick' && closed.issues.length > 0 && text.length >= INCREMENTAL_MIN_LENGTH) counts.closedPiecewise++;
          if (closed.path.kind === 'quick') {
            // Its ranges (from the lines, or from single entries) at every path, as the whole parse's.
            const quick = { ...whole.parsed, document: undefined, resolveRange: quickRanges(new SourceText(text)).resolveRange };
            for (const path of paths) {
              for (const part of ['key', 'value', 'whole'] as const) assert.deepEqual(rangeAt(quick, path, part), rangeAt(whole.parsed, path, part), `${where}: quickRanges ${path.join('.')} ${part}`);
            }
          }
          for (const path of paths) {
            for (const part of ['key', 'value'] as const) assert.deepEqual(rangeAt(incremental.parsed, path, part), rangeAt(whole.parsed, path, part), `${where}: ${path.join('.')} ${part}`);
          }
          const piecewise = incremental.parsed.document === undefined;
          counts.steps++;
          if (piecewise) counts.incremental++;
          else counts.fallback++;
          if (whole.parsed.syntaxIssues.length > 0) counts.withErrors++;
          else lastReadable = lines;
          if (text.length < INCREMENTAL_MIN_LENGTH) counts.small++;
          const tally = byKind.get(change.kind) ?? { incremental: 0, fallback: 0 };
          tally[piecewise ? 'incremental' : 'fallback']++;
          byKind.set(change.kind, tally);
        }
      }),
      // Each case costs hundreds of whole checks; the seed and path in the failure message replay it (pass them as { seed, path }).
      { numRuns: RUNS, endOnFailure: true },
    );
    console.log(
      `      ${counts.steps} steps in ${((performance.now() - started) / 1000).toFixed(1)} s: ${counts.incremental} on the incremental path, ${counts.fallback} parsed whole (${counts.withErrors} with YAML errors, ${counts.small} under ${INCREMENTAL_MIN_LENGTH} characters); checkClosedPlan took the quick path with findings on ${counts.closedPiecewise}`,
    );
    console.log(`      by edit (incremental/whole): ${[...byKind].map(([kind, tally]) => `${kind} ${tally.incremental}/${tally.fallback}`).join(', ')}`);
    // Most steps must exercise the incremental path, or the property says little about it.
    assert.ok(counts.incremental > counts.steps / 2, `${counts.incremental} of ${counts.steps}`);
    // And checkClosedPlan must have found positions from single entries on many of them (25-60% of
    // the steps, by seed: whether a generated plan has findings varies; 1/4 failed CI's seed at 67 of 272).
    assert.ok(counts.closedPiecewise > counts.steps / 10, `checkClosedPlan quick with findings on ${counts.closedPiecewise} of ${counts.steps}`);
  });
});
