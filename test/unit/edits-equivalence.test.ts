// The fast path of the edit engine (issue 8): given the incremental parser that already parsed the
// text, an edit reuses its pieces. Its edits must equal the whole-parse edits byte for byte, for
// every operation, on seeded generated plans large enough to be cut into pieces, and on the
// 1,000-session benchmark plan.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { PlanChecker } from '../../src/core/check';
import * as edits from '../../src/core/edits';
import type { EditOptions, EditResult } from '../../src/core/edits';
import { IncrementalPlanParser } from '../../src/core/incremental';
import { parsePlan } from '../../src/core/parse';
import type { Plan } from '../../src/core/plan';
import { largePlan } from '../support/large-plan';
import { awkwardString, newAction, newFeedback, newGoal, newSession, planText } from '../support/plan-generator';

const SEEDS = Number(process.env.EQUIVALENCE_SEEDS ?? 12);

type Operation = (text: string, options?: EditOptions) => EditResult;

/** Every exported edit operation, aimed at entries picked by `pick` from the plan. */
function operations(plan: Partial<Plan>, seed: number): Record<string, Operation> {
  const sample = <T>(arbitrary: fc.Arbitrary<T>, offset: number): T => fc.sample(arbitrary, { numRuns: 1, seed: seed * 31 + offset })[0];
  const ids = (list: { id?: unknown }[] | undefined | null) => (Array.isArray(list) ? list.map((entry) => String(entry?.id)) : []);
  const pick = (values: string[], offset: number) => values[(seed * 7 + offset) % Math.max(1, values.length)] ?? 'none';
  const sessions = ids(plan.sessions);
  const withActions = (plan.sessions ?? []).filter((session) => Array.isArray(session?.actions) && session.actions.length > 0).map((session) => session.id);
  const feedbackId = pick(ids(plan.feedback), 1);
  const currentFeedback = (plan.feedback ?? []).find((entry) => entry?.id === feedbackId);
  const question = sample(awkwardString, 2);
  return {
    addGoal: (text, options) => edits.addGoal(text, sample(newGoal('g-new'), 3), options),
    addSession: (text, options) => edits.addSession(text, sample(newSession('s-new'), 4), options),
    addFeedback: (text, options) => edits.addFeedback(text, sample(newFeedback('f-new'), 5), options),
    updateFeedback: (text, options) => edits.updateFeedback(text, feedbackId, currentFeedback ? { ...currentFeedback, situation: question, feedforward: [...(currentFeedback.feedforward ?? []), question] } : sample(newFeedback(feedbackId), 6), options),
    setGoalStatus: (text, options) => edits.setGoalStatus(text, pick(ids(plan.goals), 2), 'achieved', options),
    setActionDone: (text, options) => edits.setActionDone(text, pick(withActions, 3), 0, seed % 2 === 0, options),
    addAction: (text, options) => edits.addAction(text, pick(sessions, 4), sample(newAction, 7), options),
    addAgendaQuestion: (text, options) => edits.addAgendaQuestion(text, pick(sessions, 5), question, options),
    carryForwardActions: (text, options) => edits.carryForwardActions(text, pick(withActions, 6), pick(sessions, 8), options),
    setValue: (text, options) => edits.setValue(text, seed % 2 ? ['mentorship', 'cadence'] : ['sessions', 0, 'notes'], question, options),
    achieveGoal: (text, options) => edits.achieveGoal(text, pick(ids(plan.goals), 9), seed % 3 ? question : undefined, options),
    recordHealth: (text, options) => edits.recordHealth(text, pick(sessions, 10), { [seed % 2 ? 'mentor' : 'protege']: 1 + (seed % 5), ...(seed % 3 ? { note: question } : {}) }, options),
    setMentorshipStatus: (text, options) => edits.setMentorshipStatus(text, seed % 2 ? 'paused' : 'active', options),
    // A goal most sessions of a large plan name, or a session: every use is one scalar edit.
    renameId: (text, options) => (seed % 2 ? edits.renameId(text, 'goal', pick(ids(plan.goals), 12), `renamed-${seed}`, options) : edits.renameId(text, 'session', pick(sessions, 12), `renamed-${seed}`, options)),
    closeMentorship: (text, options) => edits.closeMentorship(text, { date: '2026-11-27', outcome: 'no-fault', retrospective: [question] }, seed % 2 ? sample(newSession('s-closure'), 11) : undefined, options),
  };
}

let edited = 0;
const OPERATION_COUNT = Object.keys(operations({}, 1)).length;

function assertSameEdits(text: string, seed: number, label: string): number {
  const parser = new IncrementalPlanParser();
  // As in an editor: the checker parsed an earlier version, then the current one.
  parser.parse(text.replace(/id: s1\b/, 'id: s1x'));
  parser.parse(text);
  const plan = parsePlan(text).value as Partial<Plan>;
  let cut = 0;
  for (const [name, run] of Object.entries(operations(plan, seed))) {
    const reference = run(text);
    const fast = run(text, { parser });
    assert.deepEqual(fast, reference, `${label}: ${name} differs from the whole-parse edit`);
    if (fast.ok) edited++;
    if (parser.layoutOf(text)) cut++;
  }
  return cut;
}

describe('edit engine: the fast path equals the whole parse (equivalence)', function () {
  this.timeout(300_000);

  it(`gives the same edits for every operation on ${SEEDS} seeded large generated plans`, () => {
    let cutCases = 0;
    edited = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const generated = fc.sample(planText({ minEntries: 25, maxEntries: 40, anchors: seed % 4 === 0, cuttable: seed % 6 !== 0 }), { numRuns: 1, seed })[0];
      cutCases += assertSameEdits(generated.text, seed, `seed ${seed}`);
    }
    // Most of them must take the fast path, or this would compare the whole parse with itself.
    assert.ok(cutCases >= SEEDS * OPERATION_COUNT * 0.3, `only ${cutCases} cases used the pieces`);
    // ...and two refusals that agree say little: most cases must be edits.
    assert.ok(edited >= SEEDS * OPERATION_COUNT * 0.5, `only ${edited} of ${SEEDS * OPERATION_COUNT} cases were edits`);
    console.log(`      ${SEEDS * OPERATION_COUNT} cases, ${cutCases} on cut plans, ${edited} edits`);
  });

  it("uses a PlanChecker's parser as it is after a check", () => {
    const example = readFileSync(join(__dirname, '../../../examples/alex-and-sam.mentoring.yaml'), 'utf8');
    const plan = largePlan(example, 200);
    const checker = new PlanChecker();
    checker.check(plan, { today: '2026-11-27' });
    const session = { id: 'new-session', date: '2026-12-01' };
    assert.deepEqual(edits.addSession(plan, session, { parser: checker.parser }), edits.addSession(plan, session));
    assert.ok(checker.parser.layoutOf(plan), 'the check cut the plan into pieces');
  });

  it('gives the same edits on the 1,000-session plan, through the pieces', () => {
    const example = readFileSync(join(__dirname, '../../../examples/alex-and-sam.mentoring.yaml'), 'utf8');
    for (const seed of [1, 2]) assert.equal(assertSameEdits(largePlan(example, 1000), seed, '1,000 sessions'), OPERATION_COUNT);
  });
});
