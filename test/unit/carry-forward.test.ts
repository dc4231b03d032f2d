// Add Session's follow-ups: which earlier open actions are offered (each once, latest session first)
// and which are ticked (the latest session's, as before) — src/core/plan-facts.ts carryForwardCandidates.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Plan } from '../../src/core/plan';
import { carryForwardCandidates, previousOpenActions } from '../../src/core/plan-facts';

const plan = {
  sessions: [
    { id: 'kickoff', date: '2025-01-06', actions: [{ text: 'Draft the RFC', owner: 'protege', due: '2025-01-20' }, { text: 'Read the guide', done: true }, { text: 'Ask Lee about on-call' }] },
    { id: 'later', date: '2025-03-03', actions: [{ text: 'Not yet held' }] },
    { id: 'second', date: '2025-01-20', actions: [{ text: 'draft  the RFC', owner: 'protege' }, { text: 'Pair on a review', owner: 'mentor', due: '2025-02-01' }] },
  ],
} as unknown as Partial<Plan>;

describe('Add Session: open actions to carry forward', () => {
  it('offers every earlier open action once, latest session first, the latest session’s ticked', () => {
    assert.deepEqual(
      carryForwardCandidates(plan, '2025-02-03').map((c) => [c.text, c.sessionId, c.due, c.owner, c.fromLatest]),
      [
        ['draft  the RFC', 'second', undefined, 'protege', true],
        ['Pair on a review', 'second', '2025-02-01', 'mentor', true],
        ['Ask Lee about on-call', 'kickoff', undefined, undefined, false],
      ],
    );
    assert.deepEqual(carryForwardCandidates(plan, '2025-01-06'), []);
  });

  it('ticks exactly what Add Session followed up on before (previousOpenActions), and offers nothing twice', () => {
    const action = fc.record({ text: fc.oneof(fc.constantFrom('Write', 'write ', 'Read', ' '), fc.string()), done: fc.boolean() }, { requiredKeys: ['text'] });
    const session = fc.record({ id: fc.string({ minLength: 1 }), date: fc.constantFrom('2025-01-06', '2025-01-20', '2025-02-03', '2025-02-30'), actions: fc.array(action, { maxLength: 4 }) });
    fc.assert(
      fc.property(fc.array(session, { maxLength: 5 }), fc.constantFrom('2025-01-20', '2025-02-03', '2025-03-01'), (sessions, date) => {
        const p = { sessions } as unknown as Partial<Plan>;
        const candidates = carryForwardCandidates(p, date);
        const keys = candidates.map((c) => c.text.replace(/\s+/g, ' ').trim().toLowerCase());
        assert.equal(new Set(keys).size, keys.length, 'an action offered twice');
        const latest = previousOpenActions(p, date);
        const ticked = candidates.filter((c) => c.fromLatest).map((c) => c.text);
        // previousOpenActions may repeat a text within one session; the offer names it once.
        const once = latest.filter((text, index) => latest.findIndex((other) => other.replace(/\s+/g, ' ').trim().toLowerCase() === text.replace(/\s+/g, ' ').trim().toLowerCase()) === index);
        assert.deepEqual(ticked, once);
      }),
    );
  });
});
