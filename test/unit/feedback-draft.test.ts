// The feedback editor's pure helpers: drafts to entries, ids, snapshots and what the selects list.
import * as assert from 'node:assert/strict';
import { addFeedback, applyEdits } from '../../src/core/edits';
import type { Plan } from '../../src/core/plan';
import { draftFromFeedback, emptyDraft, entrySnapshot, feedbackFromDraft, newFeedbackId, planContext } from '../../src/extension/feedback-editor/draft';
import type { FeedbackDraft } from '../../src/protocol/feedback-editor';

const plan: Partial<Plan> = {
  mentorship: { title: 'Ada and Grace', mentor: { name: 'Grace' }, protege: { name: 'Ada' }, started: '2025-01-06', cadence: 'weekly', agreement: { roles: { mentor: [], protege: [] }, confidentiality: 'x' } },
  goals: [
    { id: 'talk', title: 'Give a talk', status: 'active' },
    { id: 'hostile', title: '<img src=x onerror=alert(1)>', status: 'proposed' },
  ],
  sessions: [
    { id: 'kickoff', date: '2025-01-06', type: 'kickoff', goals: ['talk'] },
    { id: 'two-goals', date: '2025-01-20', goals: ['talk', 'hostile'] },
  ],
};

const draft: FeedbackDraft = { from: 'protege', date: '2026-11-27', goal: 'talk', session: '', situation: '  In the review ', behavior: 'You asked first', impact: '', feedforward: [' Keep asking first. ', '', '  '] };

describe('feedback editor drafts', () => {
  it('pre-fills the goal or session it was opened from (a one-goal session brings its goal)', () => {
    assert.deepEqual(emptyDraft(plan, { goalId: 'talk', today: '2026-11-27' }), { from: 'mentor', date: '2026-11-27', goal: 'talk', session: '', situation: '', behavior: '', impact: '', feedforward: [''] });
    assert.equal(emptyDraft(plan, { sessionId: 'kickoff', today: '2026-11-27' }).goal, 'talk');
    assert.equal(emptyDraft(plan, { sessionId: 'two-goals', today: '2026-11-27' }).goal, '');
    assert.equal(emptyDraft(undefined, { today: '2026-11-27' }).goal, '');
    assert.equal(emptyDraft(plan, { today: '2026-11-27', from: 'protege' }).from, 'protege', 'the side the identity knows');
  });

  it('builds a trimmed entry in schema order, leaving empty fields and suggestions out', () => {
    const built = feedbackFromDraft(draft, 'feedback-2026-11-27-talk');
    assert.ok(built.ok);
    assert.deepEqual(Object.keys(built.feedback), ['id', 'date', 'from', 'goal', 'situation', 'behavior', 'feedforward']);
    assert.deepEqual(built.feedback, { id: 'feedback-2026-11-27-talk', date: '2026-11-27', from: 'protege', goal: 'talk', situation: 'In the review', behavior: 'You asked first', feedforward: ['Keep asking first.'] });
  });

  it('refuses a draft without feedforward or with a bad date', () => {
    assert.deepEqual(feedbackFromDraft({ ...draft, feedforward: ['', ' '] }, 'x'), { ok: false, problem: 'feedforward' });
    assert.deepEqual(feedbackFromDraft({ ...draft, date: '' }, 'x'), { ok: false, problem: 'date' });
  });

  it('round-trips an existing entry, tolerating odd shapes', () => {
    const entry = { id: 'a', date: '2025-02-03', from: 'mentor' as const, goal: 'talk', behavior: 'Opened with a question', feedforward: ['Pause.'] };
    assert.deepEqual(draftFromFeedback(entry, '2026-11-27'), { from: 'mentor', date: '2025-02-03', goal: 'talk', session: '', situation: '', behavior: 'Opened with a question', impact: '', feedforward: ['Pause.'] });
    const odd = draftFromFeedback({ from: 'boss', date: 5, feedforward: 'x' } as never, '2026-11-27');
    assert.deepEqual(odd, { from: 'mentor', date: '2026-11-27', goal: '', session: '', situation: '', behavior: '', impact: '', feedforward: [''] });
  });

  it('derives new ids from date and goal, unique in the plan', () => {
    assert.equal(newFeedbackId('2026-11-27', '', []), 'feedback-2026-11-27');
    assert.equal(newFeedbackId('2026-11-27', '', ['feedback-2026-11-27']), 'feedback-2026-11-27-2');
    assert.equal(newFeedbackId('2026-11-27', '', ['feedback-2026-11-27', 'feedback-2026-11-27-2']), 'feedback-2026-11-27-3');
    assert.equal(newFeedbackId('2026-11-27', 'talk', ['feedback-2026-11-27']), 'feedback-2026-11-27-talk');
    assert.match(newFeedbackId('2026-11-27', 'x'.repeat(300), []), /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('writes an entry the edit engine accepts and that validates as an id', () => {
    const text = 'schemaVersion: 1\nfeedback:\n  - id: feedback-2026-11-27-talk\n    date: 2026-11-27\n    from: mentor\n    feedforward:\n      - x\n';
    const id = newFeedbackId('2026-11-27', 'talk', ['feedback-2026-11-27-talk']);
    const built = feedbackFromDraft(draft, id);
    assert.ok(built.ok);
    const result = addFeedback(text, built.feedback);
    assert.ok(result.ok, result.ok ? '' : result.message);
    assert.match(applyEdits(text, result.edits), /- id: feedback-2026-11-27-talk-2\n {4}date: 2026-11-27\n {4}from: protege\n/);
  });

  it('snapshots entries independently of key order', () => {
    assert.equal(entrySnapshot({ a: 1, b: [{ d: 1, c: 2 }] }), entrySnapshot({ b: [{ c: 2, d: 1 }], a: 1 }));
    assert.notEqual(entrySnapshot({ a: 1 }), entrySnapshot({ a: 2 }));
    assert.equal(entrySnapshot(undefined), 'null');
  });

  it('lists goals and sessions as plain labels, markup included as text', () => {
    const context = planContext(plan, 'pair.mentoring.yaml');
    assert.equal(context.planName, 'Ada and Grace');
    assert.deepEqual(context.goals, [
      { id: 'talk', label: 'Give a talk' },
      { id: 'hostile', label: '<img src=x onerror=alert(1)>' },
    ]);
    assert.deepEqual(context.sessions, [
      { id: 'kickoff', label: '2025-01-06 · kickoff — kickoff' },
      { id: 'two-goals', label: '2025-01-20 — two-goals' },
    ]);
    assert.equal(planContext({ goals: [null, { id: 3 }] as never }, 'f.mentoring.yaml').goals.length, 0);
    assert.equal(planContext(undefined, 'f.mentoring.yaml').planName, 'f.mentoring.yaml');
  });
});
