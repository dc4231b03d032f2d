// The Actions view's facts: open actions across a plan, soonest due first, grouped by owner with the
// user's own first (src/core/plan-facts.ts openActionsByDue, actionsByOwner).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Plan } from '../../src/core/plan';
import { actionsByOwner, isOpenAction, openActionsByDue } from '../../src/core/plan-facts';

const plan = {
  sessions: [
    {
      id: 'a',
      date: '2025-01-06',
      actions: [
        { text: 'No due date', owner: 'mentor' },
        { text: 'Done already', owner: 'protege', due: '2025-01-01', done: true },
        { text: 'Late', owner: 'protege', due: '2025-01-10' },
      ],
    },
    'not a session',
    { id: 'b', date: '2025-01-20', actions: [{ text: 'Soon', owner: 'both', due: '2025-02-01' }, { text: 'Shared late', due: '2025-01-10' }, { text: '  ' }] },
  ],
} as unknown as Partial<Plan>;

describe('open actions across a plan (Actions view)', () => {
  it('lists open actions soonest due first, undated last, file order among equals, with their place and days overdue', () => {
    const found = openActionsByDue(plan, '2025-01-15');
    assert.deepEqual(
      found.map((placed) => [placed.action.text, placed.session.id, placed.sessionIndex, placed.actionIndex, placed.daysOverdue]),
      [
        ['Late', 'a', 0, 2, 5],
        ['Shared late', 'b', 2, 1, 5],
        ['Soon', 'b', 2, 0, undefined],
        ['No due date', 'a', 0, 0, undefined],
      ],
    );
  });

  it('groups by owner: mine first, then both of us, then the other side, then no owner', () => {
    const found = openActionsByDue(plan, '2025-01-15');
    const shape = (me: 'mentor' | 'protege' | undefined) => actionsByOwner(found, me).map((group) => [group.owner, group.actions.map((placed) => placed.action.text)]);
    assert.deepEqual(shape('mentor'), [
      ['mentor', ['No due date']],
      ['both', ['Soon']],
      ['protege', ['Late']],
      ['', ['Shared late']],
    ]);
    assert.deepEqual(shape('protege')[0], ['protege', ['Late']]);
    assert.deepEqual(shape(undefined).map(([owner]) => owner), ['protege', 'mentor', 'both', '']);
  });

  it('keeps every open action exactly once, whatever the plan holds', () => {
    const action = fc.record({ text: fc.oneof(fc.string(), fc.constant(undefined)), owner: fc.constantFrom('mentor', 'protege', 'both', 'nobody', undefined), due: fc.constantFrom('2025-01-01', '2025-02-30', 'soon', undefined), done: fc.boolean() }, { requiredKeys: [] });
    const sessions = fc.array(fc.record({ id: fc.string(), actions: fc.array(fc.oneof(action, fc.constant(null))) }), { maxLength: 6 });
    fc.assert(
      fc.property(sessions, fc.constantFrom('mentor' as const, 'protege' as const, undefined), (list, me) => {
        const p = { sessions: list } as unknown as Partial<Plan>;
        const open = list.flatMap((session) => session.actions.filter((a) => isOpenAction((a ?? undefined) as Parameters<typeof isOpenAction>[0])));
        const found = openActionsByDue(p, '2025-01-15');
        assert.equal(found.length, open.length);
        assert.equal(actionsByOwner(found, me).reduce((sum, group) => sum + group.actions.length, 0), open.length);
      }),
    );
  });
});
