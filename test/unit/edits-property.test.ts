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
import { isSeq, parse } from 'yaml';
import {
  achieveGoal,
  addAction,
  addAgendaQuestion,
  addFeedback,
  addGoal,
  addSession,
  applyEdits,
  carryForwardActions,
  closeMentorship,
  editPlan,
  recordHealth,
  renameId,
  setActionDone,
  setGoalStatus,
  setMentorshipStatus,
  setValue,
  updateFeedback,
} from '../../src/core/edits';
import type { EditResult, PlainValue, TextEdit } from '../../src/core/edits';
import { locate, parsePlan } from '../../src/core/parse';
import type { PlanPath } from '../../src/core/parse';
import type { Action, Closure, Feedback, Goal, HealthCheck, Session } from '../../src/core/plan';
import { CLOSURE_OUTCOMES, GOAL_STATUSES } from '../../src/core/plan';
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
  /** Achievement evidence; blank or absent sets the status alone. */
  evidence: string | undefined;
  /** Ratings outside 1-5 (0, 6) must be refused. */
  health: HealthCheck;
  /** The mentorship status written into the generated plan before the operations run (undefined: none, so active). */
  writtenStatus: 'active' | 'paused' | 'closed' | undefined;
  nextStatus: 'active' | 'paused';
  closure: Closure;
  closureSession: Session | undefined;
  rename: { kind: 'goal' | 'session' | 'feedback'; to: 'fresh' | 'taken' | 'invalid' | 'same' };
  /** Which of the merge driver's changes one editPlan pass makes: goal status, goal title, session insert, feedback removal. */
  planChanges: boolean[];
}

/** What one operation is asked to do, and what the plan must mean afterwards. */
interface Prepared {
  run: (text: string) => EditResult;
  /** The plan value after the edit, or undefined when the operation must refuse. */
  expected: Json | undefined;
  /** Paths the operation changes; an anchor an alias repeats at or above one of them means a refusal. */
  targets: PlanPath[];
  /**
   * The entries or lists the edits must stay inside. Where one does not exist yet (no such node),
   * an edit outside the others may only add: it can replace nothing but an empty "[]" or "null".
   */
  regions?: PlanPath[];
  /** Whether the operation removes items or keys, so comments on them may go with them. */
  removes?: boolean;
  /** Whether it only adds: it may remove nothing but an empty "[]" or "null" it replaces. */
  addsOnly?: boolean;
  /**
   * Lists whose items it inserts or removes whole: an entry written as "- &anchor" alone on its
   * line is not one entry per line, so a refusal saying so is right there.
   */
  entryLists?: string[];
  /** Entries it removes whole. */
  removedEntries?: PlanPath[];
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
    return { run: (text) => setGoalStatus(text, id, args.status), expected: index >= 0 ? expected : undefined, targets: [['goals', index, 'status']], regions: [['goals', index]] };
  },
  addGoal(plan, args) {
    const goal = { ...args.goal, id: newId(plan, 'goals', args, 'g-new') };
    return { run: (text) => addGoal(text, goal), expected: appendTo(plan, 'goals', plain(goal), goal.id), targets: [['goals']], regions: [['goals']], addsOnly: true };
  },
  addSession(plan, args) {
    const session = { ...args.session, id: newId(plan, 'sessions', args, 's-new') };
    return { run: (text) => addSession(text, session), expected: appendTo(plan, 'sessions', plain(session), session.id), targets: [['sessions']], regions: [['sessions']], addsOnly: true };
  },
  addFeedback(plan, args) {
    const feedback = { ...args.feedback, id: newId(plan, 'feedback', args, 'f-new') };
    return { run: (text) => addFeedback(text, feedback), expected: appendTo(plan, 'feedback', plain(feedback), feedback.id), targets: [['feedback']], regions: [['feedback']], addsOnly: true };
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
    return { run: (text) => updateFeedback(text, id, next as unknown as Feedback), expected, targets, regions: [['feedback', index]], removes };
  },
  addAction(plan, args) {
    const id = pickId(plan, 'sessions', args, args.picks[0]);
    const index = idsOf(plan, 'sessions').indexOf(id);
    const expected = clone(plan);
    if (index >= 0) {
      const session = (expected.sessions as Json[])[index] as PlanValue;
      session.actions = [...asList(session.actions), plain(args.action)];
    }
    return { run: (text) => addAction(text, id, args.action), expected: index >= 0 ? expected : undefined, targets: [['sessions', index, 'actions']], regions: [['sessions', index]], addsOnly: true };
  },
  addAgendaQuestion(plan, args) {
    const id = pickId(plan, 'sessions', args, args.picks[0]);
    const index = idsOf(plan, 'sessions').indexOf(id);
    const expected = clone(plan);
    if (index >= 0) {
      const session = (expected.sessions as Json[])[index] as PlanValue;
      session.agenda = [...asList(session.agenda), args.question];
    }
    return { run: (text) => addAgendaQuestion(text, id, args.question), expected: index >= 0 ? expected : undefined, targets: [['sessions', index, 'agenda']], regions: [['sessions', index]], addsOnly: true };
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
    return { run: (text) => setActionDone(text, id, actionIndex, args.done), expected: possible ? expected : undefined, targets: [['sessions', index, 'actions', actionIndex, 'done']], regions: [['sessions', index]] };
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
    return { run, expected, targets: [['sessions', toIndex, 'actions']], regions: [['sessions', toIndex]], addsOnly: true };
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
    return { run: (text) => setValue(text, path, args.scalar), expected: possible ? expected : undefined, targets: [path], regions: [path.slice(0, 2)] };
  },
  achieveGoal(plan, args) {
    const id = pickId(plan, 'goals', args, args.picks[0]);
    const index = idsOf(plan, 'goals').indexOf(id);
    const run = (text: string) => achieveGoal(text, id, args.evidence);
    if (index < 0) return { run, expected: undefined, targets: [] };
    const expected = clone(plan);
    const goal = (expected.goals as Json[])[index] as PlanValue;
    goal.status = 'achieved';
    const evidence = args.evidence?.trim();
    // The generator writes no evidence: a present one is appended to, a missing one created.
    if (evidence) goal.evidence = [...asList(goal.evidence), evidence];
    return { run, expected, targets: [['goals', index, 'status'], ...(evidence ? [['goals', index, 'evidence']] : [])], regions: [['goals', index]] };
  },
  recordHealth(plan, args) {
    const id = pickId(plan, 'sessions', args, args.picks[0]);
    const index = idsOf(plan, 'sessions').indexOf(id);
    const run = (text: string) => recordHealth(text, id, args.health);
    const { mentor, protege, note } = args.health;
    const validRating = (rating: number | undefined) => rating === undefined || (rating >= 1 && rating <= 5);
    if (index < 0 || !validRating(mentor) || !validRating(protege) || (mentor === undefined && protege === undefined && !note?.trim())) return { run, expected: undefined, targets: [] };
    const expected = clone(plan);
    const session = (expected.sessions as Json[])[index] as PlanValue;
    const current = session.health;
    if (current !== undefined && current !== null && (typeof current !== 'object' || Array.isArray(current))) return { run, expected: undefined, targets: [] };
    // Only the keys given change: the other side's rating stays.
    session.health = { ...((current ?? {}) as PlanValue), ...(plain({ mentor, protege, note: note?.trim() || undefined }) as PlanValue) };
    return { run, expected, targets: [['sessions', index, 'health']], regions: [['sessions', index]] };
  },
  setMentorshipStatus(plan, args) {
    const run = (text: string) => setMentorshipStatus(text, args.nextStatus);
    const current = (plan.mentorship as PlanValue).status ?? 'active';
    if (current === args.nextStatus || current === 'closed') return { run, expected: undefined, targets: [] };
    const expected = clone(plan);
    (expected.mentorship as PlanValue).status = args.nextStatus;
    return { run, expected, targets: [['mentorship', 'status']], regions: [['mentorship']] };
  },
  closeMentorship(plan, args) {
    const session = args.closureSession && { ...args.closureSession, id: newId(plan, 'sessions', args, 's-closure') };
    const run = (text: string) => closeMentorship(text, args.closure, session);
    const mentorship = plan.mentorship as PlanValue;
    if (mentorship.status === 'closed' || (session && idsOf(plan, 'sessions').includes(session.id))) return { run, expected: undefined, targets: [] };
    const expected = clone(plan);
    const closing = expected.mentorship as PlanValue;
    closing.status = 'closed';
    closing.closure = { ...((mentorship.closure ?? {}) as PlanValue), ...(plain(args.closure) as PlanValue) };
    if (session) expected.sessions = [...asList(plan.sessions), plain(session)];
    const targets: PlanPath[] = [['mentorship', 'status'], ['mentorship', 'closure'], ...(session ? [['sessions']] : [])];
    return { run, expected, targets, regions: [['mentorship'], ...(session ? [['sessions']] : [])], addsOnly: false };
  },
  renameId(plan, args) {
    const { kind } = args.rename;
    const list = { goal: 'goals', session: 'sessions', feedback: 'feedback' }[kind];
    const from = pickId(plan, list, args, args.picks[0]);
    const ids = idsOf(plan, list).filter((id): id is string => typeof id === 'string');
    const taken = ids.find((id) => id !== from);
    const to = { fresh: `${kind}-renamed-2`, taken: taken ?? 'also-fresh', invalid: args.picks[2] % 2 ? 'Not Valid' : '', same: from }[args.rename.to];
    const run = (text: string) => renameId(text, kind, from, to);
    const index = idsOf(plan, list).indexOf(from);
    if (index < 0 || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(to) || (to !== from && ids.includes(to))) return { run, expected: undefined, targets: [] };
    // Every use, found here by walking the plan (not through the index renameId uses): the definition, a session's goals, a feedback entry's goal and session.
    const expected = clone(plan);
    const targets: PlanPath[] = [[list, index, 'id']];
    (asList(expected[list])[index] as PlanValue).id = to;
    asList(expected.sessions).forEach((entry, at) => {
      const goals = (entry as PlanValue | null)?.goals;
      if (kind === 'goal' && Array.isArray(goals)) goals.forEach((goal, goalAt) => goal === from && (goals[goalAt] = to) && targets.push(['sessions', at, 'goals', goalAt]));
    });
    asList(expected.feedback).forEach((entry, at) => {
      const key = { goal: 'goal', session: 'session', feedback: undefined }[kind];
      if (key && entry && (entry as PlanValue)[key] === from) {
        (entry as PlanValue)[key] = to;
        targets.push(['feedback', at, key]);
      }
    });
    return { run, expected: from === to ? plan : expected, targets: from === to ? [] : targets, regions: targets.map((target) => target.slice(0, 2)) };
  },
  editPlan(plan, args) {
    // The merge driver's way: several changes to different places, computed in one pass.
    const [status, title, insert, remove] = args.planChanges;
    const goals = asList(plan.goals);
    const sessions = asList(plan.sessions);
    const feedback = asList(plan.feedback);
    const statusAt = goals.length && status ? args.picks[0] % goals.length : -1;
    const titleAt = goals.length && title ? args.picks[1] % goals.length : -1;
    const insertAt = insert && plan.sessions !== undefined ? args.picks[2] % (sessions.length + 1) : -1;
    const removeAt = feedback.length && remove ? args.picks[3] % feedback.length : -1;
    const inserted = { ...args.session, id: 's-merged' };
    const expected = clone(plan);
    const targets: PlanPath[] = [];
    const regions: PlanPath[] = [];
    if (statusAt >= 0) {
      ((expected.goals as Json[])[statusAt] as PlanValue).status = args.status;
      targets.push(['goals', statusAt, 'status']);
      regions.push(['goals', statusAt]);
    }
    if (titleAt >= 0) {
      ((expected.goals as Json[])[titleAt] as PlanValue).title = args.question;
      targets.push(['goals', titleAt, 'title']);
      regions.push(['goals', titleAt]);
    }
    if (insertAt >= 0) {
      expected.sessions = [...sessions.slice(0, insertAt), plain(inserted), ...sessions.slice(insertAt)];
      targets.push(['sessions']);
      regions.push(['sessions']);
    }
    if (removeAt >= 0) {
      expected.feedback = feedback.filter((_, at) => at !== removeAt);
      targets.push(['feedback', removeAt]);
      regions.push(['feedback']);
    }
    const run = (text: string) =>
      editPlan(text, (editor) => {
        if (statusAt >= 0) editor.set(['goals', statusAt, 'status'], args.status);
        if (titleAt >= 0) editor.update(['goals', titleAt], { ...(goals[titleAt] as Record<string, PlainValue>), title: args.question });
        if (insertAt >= 0) editor.insertEntries(['sessions'], insertAt, [{ value: plain(inserted) as PlainValue }]);
        if (removeAt >= 0) editor.removeEntry(['feedback', removeAt]);
      });
    return { run, expected, targets, regions, removes: removeAt >= 0, removedEntries: removeAt >= 0 ? [['feedback', removeAt]] : [], entryLists: [...(insertAt >= 0 ? ['sessions'] : []), ...(removeAt >= 0 ? ['feedback'] : [])] };
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
  evidence: fc.option(awkwardString, { nil: undefined }),
  health: fc.record({ mentor: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }), protege: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }), note: fc.option(awkwardString, { nil: undefined }) }, { requiredKeys: [] }),
  writtenStatus: fc.constantFrom(undefined, 'active' as const, 'paused' as const, 'closed' as const),
  nextStatus: fc.constantFrom('active' as const, 'paused' as const),
  closure: fc.record({ date: fc.option(fc.constantFrom('2026-11-27', '2027-01-04'), { nil: undefined }), outcome: fc.option(fc.constantFrom(...CLOSURE_OUTCOMES), { nil: undefined }), retrospective: fc.option(fc.array(awkwardString, { maxLength: 2 }), { nil: undefined }) }, { requiredKeys: [] }),
  closureSession: fc.option(newSession('s-closure'), { nil: undefined }),
  rename: fc.record({ kind: fc.constantFrom('goal' as const, 'goal' as const, 'session' as const, 'feedback' as const), to: fc.constantFrom('fresh' as const, 'fresh' as const, 'fresh' as const, 'taken' as const, 'invalid' as const, 'same' as const) }),
  planChanges: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }).filter((changes) => changes.some(Boolean)),
});

/**
 * The generator writes no mentorship status: write one (`written`) after the cadence line, so
 * pausing, resuming and closing meet plans that are active, paused or closed.
 */
function withMentorshipStatus(generated: GeneratedPlan, written: Arguments['writtenStatus']): GeneratedPlan {
  if (written === undefined) return generated;
  const text = generated.text.replace(/^( +)cadence: biweekly {2}#c\d+ note/m, (line, indent: string) => `${line}${generated.style.eol}${indent}status: ${written === 'paused' ? "'paused'" : written}`);
  assert.notEqual(text, generated.text, 'the mentorship status was written');
  return { ...generated, text };
}

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

/**
 * Whether the top-level `list` holds an entry written with an anchor before it ("- &e1" alone on
 * its line, or "- &e1 {…}"): its "- " is not right before the entry's content, so the engine does
 * not take the list as one entry per line.
 */
function anchoredEntryLine(text: string, list: string): boolean {
  return [...text.matchAll(/^[ ]*- &\w+/gm)].some((anchored) => {
    const keys = [...text.slice(0, anchored.index).matchAll(/^(\w+):/gm)];
    return keys[keys.length - 1]?.[1] === list;
  });
}

/** The value at `path` in a plain value (undefined where the path leads nowhere). */
function pathValue(value: unknown, path: PlanPath): unknown {
  let here = value;
  for (const segment of path) here = here !== null && typeof here === 'object' ? (here as Record<string | number, unknown>)[segment] : undefined;
  return here;
}

function checkOperation(name: string, generated: GeneratedPlan, prepared: Prepared, tally: Map<string, number>): void {
  const { text } = generated;
  const result = prepared.run(text);
  // A target the operation leaves as it was (a title set to the value it already has) changes nothing an alias repeats.
  const before: unknown = prepared.expected === undefined ? undefined : parse(text);
  const changes = (target: PlanPath) => prepared.expected === undefined || JSON.stringify(pathValue(before, target)) !== JSON.stringify(pathValue(prepared.expected, target));
  const guardedTargets = prepared.targets.filter((target) => generated.guardedPaths.some((guard) => guard.length <= target.length && guard.every((part, index) => target[index] === part)));
  const guarded = guardedTargets.some(changes);
  // Only unchanged guarded targets: refusing (the engine guards before it compares) and doing nothing are both right.
  if (!guarded && guardedTargets.length > 0 && !result.ok) {
    assert.ok(result.message.length > 10, 'a refusal says why');
    return;
  }
  if (prepared.expected === undefined || guarded) {
    assert.equal(result.ok, false, `${name} must refuse (${guarded ? 'an alias repeats what it would change' : 'nothing to do that way'})`);
    assert.ok(!result.ok && result.message.length > 10, 'a refusal says why');
    return;
  }
  // An entry removed whole may hold an anchor (refused: its alias would break) or an alias (either answer is right).
  const holdsGuarded = prepared.removedEntries?.some((entry) => generated.guardedPaths.some((guard) => guard.length >= entry.length && entry.every((part, index) => guard[index] === part)));
  if (!result.ok && holdsGuarded) return;
  if (!result.ok && prepared.entryLists?.some((list) => anchoredEntryLine(text, list))) {
    assert.match(result.message, /not written one entry per line|cannot be removed here/, `${name} refused for another reason than the anchored entry`);
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

  const regions = prepared.regions ?? [];
  const bounds = regions.map((region) => offsetsOf(text, region));
  const dropped = (edit: TextEdit) => edit.text === '' || EMPTY_REPLACED.test(edit.text);
  for (const edit of result.edits) {
    const removed = text.slice(edit.offset, edit.offset + edit.length);
    const inside = bounds.some((bound) => bound && edit.offset >= bound[0] && edit.offset + edit.length <= bound[1]);
    // Outside every existing region, only what creates a missing list or key: nothing but an empty value replaced.
    const creating = bounds.some((bound) => !bound) && EMPTY_REPLACED.test(removed);
    if (regions.length > 0) assert.ok(inside || creating, `${name} edited outside ${JSON.stringify(regions)} ${JSON.stringify(bounds)}: ${JSON.stringify(edit)}`);
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
      fc.property(planText(), argumentsArbitrary, (written, args) => {
        const generated = withMentorshipStatus(written, args.writtenStatus);
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
