// The vscode-free helpers behind the extension's commands, quick fixes and status bar.
import * as assert from 'node:assert/strict';
import type { Plan } from '../../src/core/plan';
import { previousOpenActions } from '../../src/core/plan-facts';
import { carryForwardDefaults, idFrom, nextSessionDate, planStatus, uniqueId } from '../../src/extension/plan-facts';
import { rephraseAsQuestion } from '../../src/extension/rephrase';
import { addDays } from '../../src/core/dates';
import { todayIso } from '../../src/extension/today';

const plan = (sessions: Plan['sessions'], cadence: Plan['mentorship']['cadence'] = 'biweekly'): Partial<Plan> => ({
  mentorship: { mentor: { name: 'M' }, protege: { name: 'P' }, started: '2025-01-06', cadence, agreement: { roles: { mentor: [], protege: [] }, confidentiality: 'x' } },
  sessions,
});

describe('extension helpers', () => {
  it('rephrases statements as open questions, deterministically', () => {
    assert.equal(rephraseAsQuestion('Talk about career plans'), 'What would you like to explore about career plans?');
    assert.equal(rephraseAsQuestion('Discuss the API design.'), 'What would you like to explore about the API design?');
    assert.equal(rephraseAsQuestion("Let's go over the roadmap"), 'What would you like to explore about the roadmap?');
    assert.equal(rephraseAsQuestion('API migration'), 'What would you like to explore about API migration?');
    assert.equal(rephraseAsQuestion('  '), 'What would you like to explore today?');
  });

  it('makes unique ids', () => {
    assert.equal(uniqueId('kickoff', new Set(['kickoff'])), 'kickoff-2');
    assert.equal(uniqueId('kickoff-2', new Set(['kickoff-2', 'kickoff-3'])), 'kickoff-4');
    assert.equal(idFrom('Give a talk at the Team Meetup!', new Set()), 'give-a-talk-at-the');
    assert.equal(idFrom('Café', new Set(['cafe'])), 'cafe-2');
    assert.equal(idFrom('!!!', new Set()), 'goal');
  });

  it('reads dates in local time and adds days across month ends', () => {
    assert.equal(todayIso(new Date(2025, 0, 31, 23, 59)), '2025-01-31');
    assert.equal(addDays('2025-01-25', 14), '2025-02-08');
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  });

  it('proposes the next session one cadence after the last, never in the past', () => {
    const sessions = [{ id: 'a', date: '2025-01-06' }, { id: 'b', date: '2025-01-20' }];
    assert.equal(nextSessionDate(plan(sessions), '2025-01-21'), '2025-02-03');
    assert.equal(nextSessionDate(plan(sessions, 'weekly'), '2025-01-21'), '2025-01-27');
    assert.equal(nextSessionDate(plan(sessions), '2025-03-01'), '2025-03-01');
    assert.equal(nextSessionDate(plan([]), '2025-01-01'), '2025-01-06');
  });

  it('finds the open actions of the previous session and the carry-forward pair', () => {
    const sessions = [
      { id: 'a', date: '2025-01-06', actions: [{ text: 'Read', done: true }, { text: 'Write' }] },
      { id: 'b', date: '2025-01-20' },
    ];
    assert.deepEqual(previousOpenActions(plan(sessions), '2025-01-20'), ['Write']);
    assert.deepEqual(previousOpenActions(plan(sessions), '2025-01-06'), []);
    assert.deepEqual(carryForwardDefaults(plan(sessions), '2025-01-10'), { from: 'a', to: 'b' });
  });

  it('counts overdue actions and the next session for the status bar', () => {
    const sessions = [{ id: 'a', date: '2025-01-06', actions: [{ text: 'x', due: '2025-01-10' }, { text: 'y', due: '2025-01-10', done: true }] }];
    assert.deepEqual(planStatus(plan(sessions), '2025-01-11'), { overdueActions: 1, nextSession: '2025-01-20', scheduled: false });
    assert.deepEqual(planStatus(plan([...sessions, { id: 'b', date: '2025-01-30' }]), '2025-01-11'), { overdueActions: 1, nextSession: '2025-01-30', scheduled: true });
  });
});
