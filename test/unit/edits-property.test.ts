// Generated evidence for the edit engine (issue 9): for every exported edit operation, over plans
// generated as text in many styles, the result parses, means exactly what was asked (the parsed
// plan before and after differ only at the intended path), keeps the file's line endings and BOM,
// touches no byte outside the edited entry or list and drops no comment — or the operation refuses
// with a message and no edits. Each generated plan goes through every operation, so each
// operation sees NUM_RUNS cases. A failure prints fast-check's seed and path; replay with
// FC_SEED=<seed> FC_PATH=<path> npm run test:unit.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { Node } from 'yaml';
import { isSeq } from 'yaml';
import {
  addAction,
  addAgendaQuestion,
  addFeedback,
  addGoal,
  addSession,
  applyEdits,
  carryForwardActions,
  setActionDone,
  setGoalStatus,
  setValue,
  updateFeedback,
} from '../../src/core/edits';
import type { EditResult, TextEdit } from '../../src/core/edits';
import { locate, parsePlan } from '../../src/core/parse';
import type { PlanPath } from '../../src/core/parse';
import type { Action, Feedback, Goal, Session } from '../../src/core/plan';
import { GOAL_STATUSES } from '../../src/core/plan';
import { isOpenAction } from '../../src/core/plan-facts';
import { awkwardString, newAction, newFeedback, newGoal, newSession, planText, propertyParameters } from '../support/plan-generator';
import type { GeneratedPlan } from '../support/plan-generator';

const NUM_RUNS = Number(process.env.FC_RUNS ?? 1000);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type PlanValue = Record<string, Json>;

interface Arguments {
  picks: number[];
  /** 0: aim at an id that does not exist; 1: add an entry with an id that does. */
  twist: number;
  goal: Goal;
  session: Session;
  feedback: Feedback;
  action: Action;
  question: string;
  status: (typeof GOAL_STATUSES)[number];
  done: boolean;
  feedbackChanges: number[];
  scalar: string | number | boolean;
}

/** What one operation is asked to do, and what the plan must mean afterwards. */
interface Prepared {
  run: (text: string) => EditResult;
  /** The plan value after the edit, or undefined when the operation must refuse. */
  expected: Json | undefined;
  /** Paths the operation changes; an anchor an alias repeats at or above one of them means a refusal. */
  targets: PlanPath[];
  /** The entry or list the edits must stay inside (undefined: no such node yet). */
  region?: PlanPath;
  /** Whether the operation removes items or keys, so comments on them may go with them. */
  removes?: boolean;
  /** Whether it only adds: it may remove nothing but an empty "[]" or "null" it replaces. */
  addsOnly?: boolean;
}

const plain = <T>(value: T): Json => JSON.parse(JSON.stringify(value)) as Json;
const clone = <T>(value: T): T => structuredClone(value);
const asList = (value: Json | undefined): Json[] => (Array.isArray(value) ? value : []);
const idsOf = (plan: PlanValue, list: string) => asList(plan[list]).map((entry) => (entry as { id?: Json } | null)?.id);

function pickId(plan: PlanValue, list: string, args: Arguments, pick: number): string {
  const ids = idsOf(plan, list).filter((id): id is string => typeof id === 'string');
  return args.twist === 0 || ids.length === 0 ? 'no-such-id' : ids[pick % ids.length];
}

function newId(plan: PlanValue, list: string, args: Arguments, fresh: string): string {
  const ids = idsOf(plan, list).filter((id): id is string => typeof id === 'string');
  return args.twist === 1 && ids.length > 0 ? ids[0] : fresh;
}

function appendTo(plan: PlanValue, list: string, item: Json, id: string): Prepared['expected'] {
  if (idsOf(plan, list).includes(id)) return undefined;
  const expected = clone(plan);
  expected[list] = [...asList(plan[list]), item];
  return expected;
}

const OPERATIONS: Record<string, (plan: PlanValue, args: Arguments) => Prepared> = {
  setGoalStatus(plan, args) {
    const id = pickId(plan, 'goals', args, args.picks[0]);
    const index = idsOf(plan, 'goals').indexOf(id);
    const expected = clone(plan);
    if (index >= 0) ((expected.goals as Json[])[index] as PlanValue).status = args.status;
    return { run: (text) => setGoalStatus(text, id, args.status), expected: index >= 0 ? expected : undefined, targets: [['goals', index, 'status']], region: ['goals', index] };
  },
  addGoal(plan, args) {
    const goal = { ...args.goal, id: newId(plan, 'goals', args, 'g-new') };
    return { run: (text) => addGoal(text, goal), expected: appendTo(plan, 'goals', plain(goal), goal.id), targets: [['goals']], region: ['goals'], addsOnly: true };
  },
  addSession(plan, args) {
    const session = { ...args.session, id: newId(plan, 'sessions', args, 's-new') };
    return { run: (text) => addSession(text, session), expected: appendTo(plan, 'sessions', plain(session), session.id), targets: [['sessions']], region: ['sessions'], addsOnly: true };
  },
  addFeedback(plan, args) {
    const feedback = { ...args.feedback, id: newId(plan, 'feedback', args, 'f-new') };
    return { run: (text) => addFeedback(text, feedback), expected: appendTo(plan, 'feedback', plain(feedback), feedback.id), targets: [['feedback']], region: ['feedback'], addsOnly: true };
  },
  updateFeedback(plan, args) {
    const id = pickId(plan, 'feedback', args, args.picks[0]);
    const index = idsOf(plan, 'feedback').indexOf(id);
    if (index < 0) return { run: (text) => updateFeedback(text, id, args.feedback), expected: undefined, targets: [] };
    const current = asList(plan.feedback)[index] as PlanValue;
    const next = clone(current);
    let removes = false;
    const feedforward = Array.isArray(next.feedforward) ? next.feedforward : [];
    next.feedforward = feedforward;
    args.feedbackChanges.forEach((change, step) => {
      const at = args.picks[1 + step] % Math.max(1, feedforward.length);
      const field = (['situation', 'behavior', 'impact'] as const)[args.picks[3 + step] % 3];
      if (change === 0) next[field] = args.question;
      else if (change === 1 && field in next) {
        delete next[field];
        removes = true;
      } else if (change === 2) feedforward.push(args.question);
      else if (change === 3 && feedforward.length > 0) {
        feedforward.splice(at, 1);
        removes = true;
      } else if (change === 4 && feedforward.length > 0) feedforward[at] = args.question;
      else if (change === 5) feedforward.unshift(`${args.question} first`);
    });
    const expected = clone(plan);
    (expected.feedback as Json[])[index] = next;
    const targets = [...new Set([...Object.keys(current), ...Object.keys(next)])].filter((key) => JSON.stringify(current[key]) !== JSON.stringify(next[key])).map((key) => ['feedback', index, key]);
    return { run: (text) => updateFeedback(text, id, next as unknown as Feedback), expected, targets, region: ['feedback', index], removes };
  },
  addAction(plan, args) {
    const id = pickId(plan, 'sessions', args, args.picks[0]);
    const index = idsOf(plan, 'sessions').indexOf(id);
    const expected = clone(plan);
    if (index >= 0) {
      const session = (expected.sessions as Json[])[index] as PlanValue;
      session.actions = [...asList(session.actions), plain(args.action)];
    }
    return { run: (text) => addAction(text, id, args.action), expected: index >= 0 ? expected : undefined, targets: [['sessions', index, 'actions']], region: ['sessions', index], addsOnly: true };
  },
  addAgendaQuestion(plan, args) {
    const id = pickId(plan, 'sessions', args, args.picks[0]);
    const index = idsOf(plan, 'sessions').indexOf(id);
    const expected = clone(plan);
    if (index >= 0) {
      const session = (expected.sessions as Json[])[index] as PlanValue;
      session.agenda = [...asList(session.agenda), args.question];
    }
    return { run: (text) => addAgendaQuestion(text, id, args.question), expected: index >= 0 ? expected : undefined, targets: [['sessions', index, 'agenda']], region: ['sessions', index], addsOnly: true };
  },
  setActionDone(plan, args) {
    // Mostly a session that has actions, so most cases edit one; sometimes any session, or an index past the end.
    const withActions = asList(plan.sessions).filter((session) => asList((session as PlanValue | null)?.actions ?? null).length > 0);
    const id = withActions.length > 0 && args.twist % 4 !== 3 ? String((withActions[args.picks[0] % withActions.length] as PlanValue).id) : pickId(plan, 'sessions', args, args.picks[0]);
    const index = idsOf(plan, 'sessions').indexOf(id);
    const actions = index >= 0 ? asList((asList(plan.sessions)[index] as PlanValue).actions) : [];
    const actionIndex = args.picks[1] % (actions.length + (args.picks[2] % 5 === 0 ? 1 : 0) || 1);
    const expected = clone(plan);
    const possible = index >= 0 && actionIndex < actions.length;
    if (possible) (asList(((expected.sessions as Json[])[index] as PlanValue).actions)[actionIndex] as PlanValue).done = args.done;
    return { run: (text) => setActionDone(text, id, actionIndex, args.done), expected: possible ? expected : undefined, targets: [['sessions', index, 'actions', actionIndex, 'done']], region: ['sessions', index] };
  },
  carryForwardActions(plan, args) {
    // The one definition of an open action (not done, with text), as carry forward uses it.
    const isOpen = (action: Json) => action !== null && typeof action === 'object' && !Array.isArray(action) && isOpenAction(action as Partial<Action>);
    const withOpen = asList(plan.sessions).filter((session) => asList((session as PlanValue | null)?.actions ?? null).some(isOpen));
    const from = withOpen.length > 0 && args.twist % 4 !== 3 ? String((withOpen[args.picks[0] % withOpen.length] as PlanValue).id) : pickId(plan, 'sessions', args, args.picks[0]);
    const others = idsOf(plan, 'sessions').filter((id): id is string => typeof id === 'string' && id !== from);
    const to = others.length > 0 && args.twist % 5 !== 4 ? others[args.picks[1] % others.length] : pickId(plan, 'sessions', args, args.picks[1]);
    const ids = idsOf(plan, 'sessions');
    const [fromIndex, toIndex] = [ids.indexOf(from), ids.indexOf(to)];
    const run = (text: string) => carryForwardActions(text, from, to);
    if (fromIndex < 0 || toIndex < 0) return { run, expected: undefined, targets: [] };
    const sessionAt = (value: PlanValue, at: number) => asList(value.sessions)[at] as PlanValue;
    const open = asList(sessionAt(plan, fromIndex).actions).filter(isOpen);
    const existing = asList(sessionAt(plan, toIndex).actions);
    const already = new Set(existing.map((action) => (action as PlanValue | null)?.text));
    const toCarry = open.filter((action) => !already.has((action as PlanValue).text));
    if (toCarry.length === 0) return { run, expected: undefined, targets: [] };
    const expected = clone(plan);
    sessionAt(expected, toIndex).actions = [...existing, ...clone(toCarry)];
    return { run, expected, targets: [['sessions', toIndex, 'actions']], region: ['sessions', toIndex], addsOnly: true };
  },
  setValue(plan, args) {
    const choices: PlanPath[] = [['mentorship', 'cadence'], ['mentorship', 'title']];
    for (const [list, key] of [['goals', 'title'], ['sessions', 'notes'], ['feedback', 'situation'], ['sessions', 'health']] as const) {
      const count = asList(plan[list]).length;
      if (count > 0) choices.push(key === 'health' ? [list, args.picks[1] % count, 'health', 'mentor'] : [list, args.picks[1] % count, key]);
    }
    const path = choices[args.picks[0] % choices.length];
    let parent: Json | undefined = plan;
    for (const part of path.slice(0, -1)) parent = (parent as Record<string, Json> | Json[] | null)?.[part as never];
    const possible = parent !== null && typeof parent === 'object' && !Array.isArray(parent);
    const expected = clone(plan);
    if (possible) {
      let target: Json = expected;
      for (const part of path.slice(0, -1)) target = (target as Record<string, Json>)[part as string];
      (target as Record<string, Json>)[path[path.length - 1] as string] = args.scalar;
    }
    return { run: (text) => setValue(text, path, args.scalar), expected: possible ? expected : undefined, targets: [path], region: path.slice(0, 2) };
  },
};

const argumentsArbitrary: fc.Arbitrary<Arguments> = fc.record({
  picks: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
  twist: fc.integer({ min: 0, max: 19 }),
  goal: newGoal('g-new'),
  session: newSession('s-new'),
  feedback: newFeedback('f-new'),
  action: newAction,
  question: awkwardString,
  status: fc.constantFrom(...GOAL_STATUSES),
  done: fc.boolean(),
  feedbackChanges: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 2 }),
  scalar: fc.oneof(awkwardString, fc.integer({ min: -5, max: 500 }), fc.boolean()),
});

const COMMENT = /#c\d+ note/g;
const EMPTY_REPLACED = /^\s*(\[\s*\]|\{\s*\}|null|~)?\s*$/;

/** The end of the line holding the character before `offset` (line break included). */
function toLineEnd(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const next = text.indexOf('\n', offset);
  return next === -1 ? text.length : next + 1;
}

function offsetsOf(text: string, region: PlanPath | undefined): [number, number] | undefined {
  const document = parsePlan(text).document;
  if (!region || !document) return undefined;
  if (region.length === 1 || region[0] === 'mentorship') {
    const { node, key, depth } = locate(document, region.slice(0, 1));
    if (depth < 1 || !node?.range || !key?.range || (isSeq(node) && node.items.length === 0)) return undefined;
    return [key.range[0], toLineEnd(text, node.range[2])];
  }
  const list = locate(document, region.slice(0, 1)).node;
  if (!isSeq(list) || typeof region[1] !== 'number' || !list.range) return undefined;
  const items = list.items as Node[];
  const entry = items[region[1]];
  if (!entry?.range) return undefined;
  return [entry.range[0], items[region[1] + 1]?.range?.[0] ?? toLineEnd(text, list.range[2])];
}

function checkOperation(name: string, generated: GeneratedPlan, prepared: Prepared, tally: Map<string, number>): void {
  const { text } = generated;
  const result = prepared.run(text);
  const guarded = generated.guardedPaths.some((guard) => prepared.targets.some((target) => guard.length <= target.length && guard.every((part, index) => target[index] === part)));
  if (prepared.expected === undefined || guarded) {
    assert.equal(result.ok, false, `${name} must refuse (${guarded ? 'an alias repeats what it would change' : 'nothing to do that way'})`);
    assert.ok(!result.ok && result.message.length > 10, 'a refusal says why');
    return;
  }
  assert.ok(result.ok, `${name} refused: ${result.ok ? '' : result.message}`);
  tally.set(name, (tally.get(name) ?? 0) + 1);
  const after = applyEdits(text, result.edits);
  const parsedAfter = parsePlan(after);
  // The re-check's syntax findings come from this very parse (checkPlan starts with it).
  assert.deepEqual(parsedAfter.syntaxIssues, [], `${name} left YAML errors:\n${after}`);
  assert.deepEqual(parsedAfter.value, prepared.expected, `${name} changed something it was not asked to:\n${after}`);

  assert.equal(after.startsWith('\uFEFF'), text.startsWith('\uFEFF'), 'BOM kept');
  if (generated.style.eol === '\r\n') assert.ok(!/(^|[^\r])\n/.test(after), 'CRLF kept');
  else assert.ok(!after.includes('\r'), 'no CR in an LF file');

  const bounds = offsetsOf(text, prepared.region);
  const dropped = (edit: TextEdit) => edit.text === '' || EMPTY_REPLACED.test(edit.text);
  for (const edit of result.edits) {
    if (bounds) assert.ok(edit.offset >= bounds[0] && edit.offset + edit.length <= bounds[1], `${name} edited outside ${JSON.stringify(prepared.region)} [${bounds}]: ${JSON.stringify(edit)}`);
    const removed = text.slice(edit.offset, edit.offset + edit.length);
    if (prepared.addsOnly) assert.match(removed, EMPTY_REPLACED, `${name} only adds, yet removed ${JSON.stringify(removed)}`);
    if (!(prepared.removes && dropped(edit))) assert.doesNotMatch(removed, COMMENT, `${name} removed a comment: ${JSON.stringify(removed)}`);
  }
  for (const comment of text.match(COMMENT) ?? []) {
    const count = after.split(comment).length - 1;
    if (count !== 1) assert.ok(prepared.removes && count === 0, `${name}: comment "${comment}" appears ${count} times after the edit:\n${after}`);
  }
}

describe('edit engine: generated plans, every operation (property)', function () {
  this.timeout(300_000);

  it(`each of ${Object.keys(OPERATIONS).length} operations on ${NUM_RUNS} generated plans: exact meaning, bytes and comments kept, or a refusal`, () => {
    const tally = new Map<string, number>();
    fc.assert(
      fc.property(planText(), argumentsArbitrary, (generated, args) => {
        const parsed = parsePlan(generated.text);
        assert.deepEqual(parsed.syntaxIssues, [], `the generator wrote invalid YAML:\n${generated.text}`);
        const before = parsed.value as PlanValue;
        for (const [name, prepare] of Object.entries(OPERATIONS)) checkOperation(name, generated, prepare(before, args), tally);
      }),
      propertyParameters(NUM_RUNS),
    );
    // A property that refuses everything would pass vacuously: each operation must succeed often.
    if (process.env.FC_SEED === undefined) for (const name of Object.keys(OPERATIONS)) assert.ok((tally.get(name) ?? 0) >= NUM_RUNS * 0.15, `${name} succeeded only ${tally.get(name) ?? 0} times of ${NUM_RUNS}`);
    console.log(`      successful edits per operation: ${[...tally].map(([name, count]) => `${name} ${count}`).join(', ')}`);
  });
});
