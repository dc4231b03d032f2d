// New Mentoring Plan's pure half (src/core/new-plan.ts): the agreement the pair typed, written so it
// reads back exactly, and a kick-off session whose agenda comes from the question bank; the file
// has no findings. And the walkthrough's progress (plan-facts walkthroughProgress), which completes
// its steps. Generated cases print fast-check's seed on failure; replay with FC_SEED=<seed> FC_PATH=<path>.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultAgenda } from '../../src/core/agenda';
import { checkPlan } from '../../src/core/check';
import { addDays } from '../../src/core/dates';
import { defaultAgreement, newPlanText } from '../../src/core/edits';
import { joinCommitments, kickoffSession, newPlanWithKickoffText, splitCommitments } from '../../src/core/new-plan';
import { parsePlan } from '../../src/core/parse';
import type { Agreement, Plan } from '../../src/core/plan';
import { CADENCES } from '../../src/core/plan';
import { WALKTHROUGH_PROGRESS_KEYS, walkthroughProgress } from '../../src/core/plan-facts';
import { stepsByProgressKey } from '../../src/extension/walkthrough-steps';
import manifest from '../../package.json';
import { findQuestion, SESSION_STAGES } from '../../src/core/questions';
import { awkwardString, propertyParameters } from '../support/plan-generator';

const NUM_RUNS = Number(process.env.FC_RUNS ?? 300);

describe('new plan with agreement and kick-off (core)', () => {
  it('writes the default agreement and a kick-off session of bank questions after the skeleton', () => {
    const text = newPlanWithKickoffText({ mentor: 'Grace Hopper', protege: 'Alan Turing', today: '2026-11-29', cadence: 'weekly' });
    const skeleton = newPlanText({ mentor: 'Grace Hopper', protege: 'Alan Turing', today: '2026-11-29', cadence: 'weekly' });
    const agenda = defaultAgenda('kickoff').map((question) => `      - ${question}\n`).join('');
    assert.equal(text, skeleton.replace('sessions: []\n', `sessions:\n  - id: kickoff-2026-11-29\n    date: 2026-11-29\n    type: kickoff\n    agenda:\n${agenda}`));
    assert.match(text, /\n {6}mentor:\n {8}- Come to each session with questions rather than answers\n/);
    assert.deepEqual(checkPlan(text, { today: '2026-11-29' }).issues, []);
  });

  it('takes the kick-off agenda from the bank: one kick-off question per stage, in stage order', () => {
    const session = kickoffSession('2026-12-01');
    assert.equal(session.id, 'kickoff-2026-12-01');
    const found = (session.agenda ?? []).map((question) => findQuestion(question));
    assert.deepEqual(
      found.map((question) => [question?.type, question?.stage]),
      SESSION_STAGES.kickoff.map((stage) => ['kickoff', stage]),
    );
  });

  it('reads back exactly the agreement, names, cadence and kick-off typed, and has no findings (generated)', () => {
    const filled = awkwardString.filter((value) => value.trim() !== '');
    const commitment = filled.map((value) => value.replace(/\s+/g, ' ').trim());
    const agreement: fc.Arbitrary<Agreement> = fc.record({
      roles: fc.record({ mentor: fc.array(commitment, { minLength: 1, maxLength: 4 }), protege: fc.array(commitment, { minLength: 1, maxLength: 4 }) }),
      confidentiality: filled,
      endWhen: fc.option(filled, { nil: undefined }),
    });
    const day = fc.integer({ min: 0, max: 3000 }).map((offset) => addDays('2020-01-01', offset));
    fc.assert(
      fc.property(filled, filled, fc.constantFrom(...CADENCES), agreement, day, fc.integer({ min: 0, max: 60 }), (mentor, protege, cadence, agreed, today, wait) => {
        const kickoffDate = addDays(today, wait);
        const text = newPlanWithKickoffText({ mentor, protege, cadence, today, agreement: agreed, kickoffDate });
        const parsed = parsePlan(text);
        assert.deepEqual(parsed.syntaxIssues, []);
        const plan = parsed.value as Plan;
        // Through JSON: fast-check's records have no prototype, and an absent endWhen is left out of the file.
        assert.deepEqual(plan.mentorship.agreement, JSON.parse(JSON.stringify(agreed)));
        assert.deepEqual([plan.mentorship.mentor.name, plan.mentorship.protege.name, plan.mentorship.cadence, plan.mentorship.started], [mentor, protege, cadence, today]);
        assert.deepEqual(plan.sessions, [kickoffSession(kickoffDate)]);
        assert.deepEqual(
          checkPlan(text, { today }).issues.map((issue) => `${issue.code}: ${issue.message}`),
          [],
          text,
        );
      }),
      propertyParameters(NUM_RUNS),
    );
  });

  it('splits a line of commitments at semicolons and joins them back the same', () => {
    assert.deepEqual(splitCommitments(' Listen first ;;  Ask,  then   suggest;  '), ['Listen first', 'Ask, then suggest']);
    assert.equal(joinCommitments(defaultAgreement().roles.mentor), 'Come to each session with questions rather than answers; Give candid feedback focused on what comes next');
    const item = awkwardString.map((value) => value.replace(/;/g, ',').replace(/\s+/g, ' ').trim()).filter((value) => value !== '');
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 6 }), (items) => assert.deepEqual(splitCommitments(joinCommitments(items)), items)),
      propertyParameters(NUM_RUNS),
    );
  });
});

describe('walkthrough progress (plan facts)', () => {
  it('maps each progress key to the one manifest step it completes, by the id VS Code gives the step (marked done by id when onContext comes too late)', () => {
    const steps = stepsByProgressKey(`${manifest.publisher}.${manifest.name}`, manifest);
    assert.deepEqual(Object.fromEntries(steps), {
      hasPlan: ['mentoring-plan.mentoring-plan#newPair#createPlan'],
      hasAgreement: ['mentoring-plan.mentoring-plan#newPair#agree'],
      hasStretchGoal: ['mentoring-plan.mentoring-plan#newPair#stretchGoal'],
      hasKickoff: ['mentoring-plan.mentoring-plan#newPair#kickoff'],
      hasFeedback: ['mentoring-plan.mentoring-plan#newPair#feedback'],
    });
    assert.deepEqual([...steps.keys()].sort(), [...WALKTHROUGH_PROGRESS_KEYS].sort());
    assert.deepEqual(Object.fromEntries(stepsByProgressKey('x.y', { contributes: { walkthroughs: 'nope' } })), {});
    assert.deepEqual(Object.fromEntries(stepsByProgressKey('x.y', undefined)), {});
  });

  const today = '2026-11-29';
  const fresh = () => parsePlan(newPlanWithKickoffText({ mentor: 'Grace', protege: 'Alan', today })).value as Plan;

  it('counts nothing without plans, and a new plan as a plan with its agreement but no kick-off held yet', () => {
    assert.deepEqual(walkthroughProgress([], today), { hasPlan: false, hasAgreement: false, hasStretchGoal: false, hasKickoff: false, hasFeedback: false });
    assert.deepEqual(walkthroughProgress([fresh(), undefined], today), { hasPlan: true, hasAgreement: true, hasStretchGoal: false, hasKickoff: false, hasFeedback: false });
  });

  it('sees each step in any plan of the workspace: a stretch goal, a held kick-off, feedback with feedforward', () => {
    const plan = fresh();
    plan.goals = [{ id: 'talk', title: 'Talk', kind: 'stretch', status: 'proposed' }];
    plan.sessions![0].notes = 'Agreed to meet on Tuesdays.';
    plan.feedback = [{ id: 'f', date: today, from: 'mentor', feedforward: ['Next time, open with the question.'] }];
    assert.deepEqual(walkthroughProgress([fresh(), plan], today), { hasPlan: true, hasAgreement: true, hasStretchGoal: true, hasKickoff: true, hasFeedback: true });
  });

  it('does not count a dropped stretch goal, a kick-off still to come or with nothing written, feedback without feedforward, or an agreement missing what ends it', () => {
    const plan = fresh();
    plan.goals = [{ id: 'talk', title: 'Talk', kind: 'stretch', status: 'dropped' }, { id: 'ship', title: 'Ship', kind: 'objective', status: 'active' }];
    plan.sessions = [
      { id: 'k1', date: today, type: 'kickoff', agenda: ['Why?'] },
      { id: 'k2', date: addDays(today, 1), type: 'kickoff', notes: 'Planned ahead.' },
      { id: 'c', date: today, type: 'checkin', notes: 'A check-in is not the kick-off.' },
    ];
    plan.feedback = [{ id: 'f', date: today, from: 'mentor', feedforward: ['  '] }];
    delete plan.mentorship.agreement.endWhen;
    assert.deepEqual(walkthroughProgress([plan], today), { hasPlan: true, hasAgreement: false, hasStretchGoal: false, hasKickoff: false, hasFeedback: false });
    plan.sessions[0].actions = [{ text: 'Draft the first goals' }];
    assert.equal(walkthroughProgress([plan], today).hasKickoff, true, 'an action recorded means it was held');
  });

  it('never throws on plans that break the schema', () => {
    const broken = [{ mentorship: 'x', goals: 'y', sessions: [null, 3, { type: 'kickoff', date: 'soon', notes: 'n' }], feedback: {} }, { mentorship: { agreement: { roles: [] } } }] as unknown as Partial<Plan>[];
    assert.deepEqual(walkthroughProgress(broken, today), { hasPlan: true, hasAgreement: false, hasStretchGoal: false, hasKickoff: false, hasFeedback: false });
  });
});
