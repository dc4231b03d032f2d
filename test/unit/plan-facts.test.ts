// The one home of plan facts (src/core/plan-facts.ts): every question the rules, the CLI, the
// summary and the extension ask about a plan, answered once.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, dayNumber, isCalendarDate } from '../../src/core/dates';
import type { Plan } from '../../src/core/plan';
import {
  carryForwardDefaults,
  daysOfCadence,
  datedSessions,
  daysOverdue,
  entries,
  entriesById,
  entriesOf,
  entryById,
  idFrom,
  idsOf,
  isOpenAction,
  isOverdue,
  lastMeeting,
  newSessionId,
  nextSessionDate,
  openActions,
  overdueActions,
  planStatus,
  previousOpenActions,
  sessionAfter,
  uniqueId,
  valueAt,
} from '../../src/core/plan-facts';
import { overdueAction } from '../../src/core/rules/overdue-action';
import { summarizePlan } from '../../src/core/summary';

const plan = (sessions: unknown[], cadence = 'biweekly', extra: Record<string, unknown> = {}): Partial<Plan> =>
  ({
    mentorship: { mentor: { name: 'M' }, protege: { name: 'P' }, started: '2025-01-06', cadence, agreement: { roles: { mentor: [], protege: [] }, confidentiality: 'x' }, ...extra },
    sessions,
  }) as Partial<Plan>;

const noRange = () => ({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });

describe('plan facts: entries, ids and lookups', () => {
  const messy = {
    goals: [{ id: 'talk' }, 'not a goal', null, ['nested'], { id: 'talk' }, { id: 3 }, { title: 'no id' }, { id: 'review' }],
    sessions: 'not a list',
  } as unknown as Partial<Plan>;

  it('lists the mappings of a list with their indices, skipping everything else', () => {
    assert.deepEqual(
      entries(messy.goals).map(({ index }) => index),
      [0, 4, 5, 6, 7],
    );
    assert.deepEqual(entries('x'), []);
    assert.deepEqual(entries(undefined), []);
    assert.deepEqual(entriesOf(messy, 'sessions'), []);
    assert.deepEqual(entriesOf(undefined, 'feedback'), []);
  });

  it('collects the ids of a list once each, in file order, text ids only', () => {
    assert.deepEqual(idsOf(messy, 'goals'), ['talk', 'review']);
    assert.deepEqual(idsOf(messy, 'sessions'), []);
    assert.deepEqual(idsOf(undefined, 'goals'), []);
  });

  it('finds the first entry with an id, and its index', () => {
    assert.deepEqual(entryById(messy, 'goals', 'talk'), { item: { id: 'talk' }, index: 0 });
    assert.deepEqual(entryById(messy, 'goals', 'review')?.index, 7);
    assert.equal(entryById(messy, 'goals', 'missing'), undefined);
    assert.equal(entryById(messy, 'sessions', 'talk'), undefined);
  });

  it('entriesById answers as entryById does for every id at once', () => {
    const index = entriesById(messy, 'goals');
    assert.deepEqual([...index.keys()], idsOf(messy, 'goals'));
    for (const id of index.keys()) assert.deepEqual(index.get(id), entryById(messy, 'goals', id));
    assert.equal(entriesById(undefined, 'sessions').size, 0);
  });

  it('takes a cadence named like a built-in property (toString, __proto__) for an unknown one, never crashing', () => {
    for (const cadence of ['toString', '__proto__', 'constructor']) {
      const plan = { mentorship: { cadence, started: '2026-01-05' }, sessions: [{ id: 's1', date: '2026-01-05', type: 'kickoff' }] } as unknown as Partial<Plan>;
      assert.equal(daysOfCadence(cadence), undefined);
      assert.equal(nextSessionDate(plan, '2026-01-06'), '2026-01-19', cadence);
      assert.doesNotThrow(() => planStatus(plan, '2026-01-06'));
    }
  });

  it('reads the value at a path, and undefined wherever the path leaves the plan', () => {
    const value = { sessions: [{ id: 'a', actions: [{ text: 'x' }] }], n: null, s: 'text' };
    assert.equal(valueAt(value, ['sessions', 0, 'actions', 0, 'text']), 'x');
    assert.deepEqual(valueAt(value, []), value);
    assert.equal(valueAt(value, ['sessions', 1, 'id']), undefined);
    assert.equal(valueAt(value, ['n', 'x']), undefined);
    assert.equal(valueAt(value, ['s', 0]), undefined, 'a string has no entries');
    assert.equal(valueAt(undefined, ['goals']), undefined);
  });
});

describe('plan facts: open and overdue actions', () => {
  it('counts an action as open when it is not done and says what', () => {
    assert.equal(isOpenAction({ text: 'Read' }), true);
    assert.equal(isOpenAction({ text: 'Read', done: false }), true);
    assert.equal(isOpenAction({ text: 'Read', done: true }), false);
    assert.equal(isOpenAction({ text: '  ' }), false);
    assert.equal(isOpenAction({}), false);
    assert.equal(isOpenAction(undefined), false);
    assert.deepEqual(openActions({ actions: [{ text: 'a' }, { text: 'b', done: true }, 'c', { text: 'd' }] as never }), [{ text: 'a' }, { text: 'd' }]);
  });

  it('says how many days an open action is past due, and nothing when it is not', () => {
    assert.equal(daysOverdue({ text: 'x', due: '2026-03-01' }, '2026-03-02'), 1);
    assert.equal(daysOverdue({ text: 'x', due: '2026-02-28' }, '2026-03-10'), 10);
    assert.equal(daysOverdue({ text: 'x', due: '2026-03-02' }, '2026-03-02'), undefined, 'due today is not late');
    assert.equal(daysOverdue({ text: 'x', due: '2026-03-03' }, '2026-03-02'), undefined);
    assert.equal(daysOverdue({ text: 'x', due: '2026-03-01', done: true }, '2026-03-02'), undefined);
    assert.equal(daysOverdue({ text: 'x' }, '2026-03-02'), undefined);
  });

  it('never counts a due date or a today that no calendar has', () => {
    for (const due of ['2026-02-30', '2026-02-29', '2025-04-31', '2026-13-01', '2026-00-10', '26-01-01', '2026-1-5', 20260101]) {
      assert.equal(isOverdue({ text: 'x', due } as never, '2026-12-31'), false, String(due));
    }
    assert.equal(isOverdue({ text: 'x', due: '2024-02-29' }, '2026-12-31'), true, 'a leap day is a day');
    assert.equal(isOverdue({ text: 'x', due: '2026-01-01' }, '2026-02-30'), false);
    assert.equal(isOverdue({ text: 'x', due: '2026-01-01' }, 'today'), false);
  });

  it('lists every overdue action with where it stands in the plan', () => {
    const sessions = [
      { id: 'a', date: '2025-01-06', actions: [{ text: 'late', due: '2025-01-10' }, { text: 'done', due: '2025-01-10', done: true }, { text: 'impossible', due: '2025-02-30' }] },
      'junk',
      { id: 'b', date: '2025-01-20', actions: [{ text: 'later', due: '2025-02-01' }, { text: 'late too', due: '2025-01-12' }] },
    ];
    assert.deepEqual(
      overdueActions(plan(sessions), '2025-01-15').map(({ session, sessionIndex, action, actionIndex, days }) => [session.id, sessionIndex, action.text, actionIndex, days]),
      [
        ['a', 0, 'late', 0, 5],
        ['b', 2, 'late too', 1, 3],
      ],
    );
  });

  it('gives the rule, the status bar and the summary one answer on generated plans', () => {
    const day = fc.integer({ min: dayNumber('2025-01-01')!, max: dayNumber('2025-12-31')! }).map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
    // Calendar days, impossible days, other shapes and non-strings: every way a due date can be written.
    const due = fc.oneof(day, fc.constantFrom('2025-02-29', '2025-02-30', '2025-04-31', '2025-13-01', 'soon', ''), fc.constant(undefined), fc.integer());
    const action = fc.record({ text: fc.constantFrom('Read', '', '  ', undefined), due, done: fc.constantFrom(true, false, undefined, 'yes') }, { requiredKeys: [] });
    const session = fc.record({ id: fc.constantFrom('a', 'b', 'c'), date: day, actions: fc.array(fc.oneof(action, fc.constant(null)), { maxLength: 4 }) });
    fc.assert(
      fc.property(fc.array(session, { maxLength: 5 }), day, (sessions, today) => {
        const subject = plan(sessions);
        const overdue = overdueActions(subject, today);
        const ruleIssues = overdueAction.check({ plan: subject, today, rangeOf: noRange });
        assert.deepEqual(
          ruleIssues.map((issue) => issue.data?.path),
          overdue.map(({ sessionIndex, actionIndex }) => ['sessions', sessionIndex, 'actions', actionIndex, 'due']),
        );
        assert.equal(planStatus(subject, today).overdueActions, overdue.length);
        const summary = summarizePlan(subject, { today });
        assert.equal(summary.split('**overdue**').length - 1, overdue.length);
        for (const { action: late } of overdue) assert.ok(isCalendarDate(late.due) && late.due < today && isOpenAction(late));
      }),
      { numRuns: 300 },
    );
  });
});

describe('plan facts: sessions by date and cadence', () => {
  it('orders dated sessions oldest first, file order among equals, leaving out impossible dates', () => {
    const sessions = [
      { id: 'c', date: '2025-02-01' },
      { id: 'x', date: '2025-02-30' },
      { id: 'a', date: '2025-01-06' },
      { id: 'none' },
      { id: 'b1', date: '2025-01-20' },
      { id: 'b2', date: '2025-01-20' },
    ];
    assert.deepEqual(
      datedSessions(plan(sessions)).map((session) => session.id),
      ['a', 'b1', 'b2', 'c'],
    );
  });

  it('finds the last meeting held by today, or the start', () => {
    const sessions = [{ date: '2025-01-20' }, { date: '2025-03-01' }, { date: '2025-02-30' }];
    assert.equal(lastMeeting(plan(sessions), dayNumber('2025-02-15')!), dayNumber('2025-01-20'));
    assert.equal(lastMeeting(plan([]), dayNumber('2025-02-15')!), dayNumber('2025-01-06'));
    assert.equal(lastMeeting({}, dayNumber('2025-02-15')!), undefined);
  });

  it('proposes the next session one cadence after the last, never in the past', () => {
    const sessions = [
      { id: 'a', date: '2025-01-06' },
      { id: 'b', date: '2025-01-20' },
    ];
    assert.equal(nextSessionDate(plan(sessions), '2025-01-21'), '2025-02-03');
    assert.equal(nextSessionDate(plan(sessions, 'weekly'), '2025-01-21'), '2025-01-27');
    assert.equal(nextSessionDate(plan(sessions, 'monthly'), '2025-01-21'), '2025-02-19');
    assert.equal(nextSessionDate(plan(sessions, 'fortnightly'), '2025-01-21'), '2025-02-03', 'an unknown cadence counts as biweekly');
    assert.equal(nextSessionDate(plan(sessions), '2025-03-01'), '2025-03-01');
    assert.equal(nextSessionDate(plan([]), '2025-01-01'), '2025-01-06');
    assert.equal(nextSessionDate(plan([], 'biweekly', { started: '2025-02-30' }), '2025-01-01'), '2025-01-01', 'an impossible start is no start');
  });

  it('finds the open actions of the previous session, the next session and the carry-forward pair', () => {
    const sessions = [
      { id: 'a', date: '2025-01-06', actions: [{ text: 'Read', done: true }, { text: 'Write' }] },
      { id: 'b', date: '2025-01-20' },
      { id: 'c', date: '2025-02-03', actions: [{ text: 'Present' }] },
    ];
    assert.deepEqual(previousOpenActions(plan(sessions), '2025-01-20'), ['Write']);
    assert.deepEqual(previousOpenActions(plan(sessions), '2025-01-06'), []);
    assert.equal(sessionAfter(plan(sessions), 'a')?.id, 'b');
    assert.equal(sessionAfter(plan(sessions), 'c'), undefined);
    assert.equal(sessionAfter(plan(sessions), 'missing'), undefined);
    assert.deepEqual(carryForwardDefaults(plan(sessions), '2025-01-10'), { from: 'a', to: 'b' });
    assert.deepEqual(carryForwardDefaults(plan(sessions), '2025-02-10'), { from: 'c', to: undefined });
    assert.deepEqual(carryForwardDefaults(plan(sessions), '2025-01-01'), { from: 'c', to: undefined }, 'before any session: the latest with open actions');
    assert.deepEqual(carryForwardDefaults(plan([{ id: 'a', date: '2025-01-06' }]), '2025-01-10'), {});
  });

  it('counts overdue actions and the next session for the status bar', () => {
    const sessions = [{ id: 'a', date: '2025-01-06', actions: [{ text: 'x', due: '2025-01-10' }, { text: 'y', due: '2025-01-10', done: true }] }];
    assert.deepEqual(planStatus(plan(sessions), '2025-01-11'), { overdueActions: 1, nextSession: '2025-01-20', scheduled: false });
    assert.deepEqual(planStatus(plan([...sessions, { id: 'b', date: '2025-01-30' }]), '2025-01-11'), { overdueActions: 1, nextSession: '2025-01-30', scheduled: true });
    // Paused or closed: nothing is due and nothing is overdue (issue 11: the warnings go quiet).
    assert.deepEqual(planStatus(plan(sessions, 'biweekly', { status: 'paused' }), '2025-01-11'), { overdueActions: 0, nextSession: undefined, scheduled: false });
    assert.deepEqual(planStatus(plan(sessions, 'biweekly', { status: 'closed' }), '2025-01-11'), { overdueActions: 0, nextSession: undefined, scheduled: false });
    assert.deepEqual(planStatus(plan([]), '2025-01-01'), { overdueActions: 0, nextSession: '2025-01-20', scheduled: false });
    assert.deepEqual(planStatus(undefined, '2025-01-01'), { overdueActions: 0, nextSession: undefined, scheduled: false });
  });
});

describe('plan facts: new ids', () => {
  it('makes ids from text, unique among the taken ones', () => {
    assert.equal(idFrom('Give a talk at the Team Meetup!', new Set()), 'give-a-talk-at-the');
    assert.equal(idFrom('Café', new Set(['cafe'])), 'cafe-2');
    assert.equal(idFrom('Café', new Set(['cafe', 'cafe-2'])), 'cafe-3');
    assert.equal(idFrom('!!!', new Set()), 'goal');
    assert.equal(idFrom('!!!', new Set(), 'mentoring'), 'mentoring');
  });

  it('keeps a free id and suffixes a taken one after the whole id', () => {
    assert.equal(uniqueId('kickoff', new Set()), 'kickoff');
    assert.equal(uniqueId('kickoff', new Set(['kickoff'])), 'kickoff-2');
    assert.equal(uniqueId('kickoff', new Set(['kickoff', 'kickoff-2', 'kickoff-3'])), 'kickoff-4');
    // A number in the id is data (a day, a goal), never a counter to raise.
    assert.equal(uniqueId('checkin-2026-01-05', new Set(['checkin-2026-01-05'])), 'checkin-2026-01-05-2');
    assert.equal(uniqueId('kickoff-2', new Set(['kickoff-2', 'kickoff-3'])), 'kickoff-2-2');
  });

  it('names a new session <type>-<date>, with the first free suffix when a session has it', () => {
    const sessions = [{ id: 'checkin-2026-01-05' }, { id: 'checkin-2026-01-05-2' }, { id: 'checkin-2026-01-06' }];
    assert.equal(newSessionId(plan(sessions), 'checkin', '2026-01-05'), 'checkin-2026-01-05-3');
    assert.equal(newSessionId(plan(sessions), 'checkin', '2026-01-07'), 'checkin-2026-01-07');
    assert.equal(newSessionId(plan(sessions), 'feedback', '2026-01-05'), 'feedback-2026-01-05');
    assert.equal(newSessionId(undefined, 'kickoff', '2026-01-05'), 'kickoff-2026-01-05');
  });

  it('never returns a taken id (generated)', () => {
    const id = fc.stringMatching(/^[a-z0-9]{1,4}(-[a-z0-9]{1,4}){0,3}$/);
    fc.assert(
      fc.property(id, fc.uniqueArray(id, { maxLength: 30 }), (wanted, takenList) => {
        const taken = new Set(takenList);
        const made = uniqueId(wanted, taken);
        assert.ok(!taken.has(made), made);
        assert.ok(made === wanted || made.startsWith(`${wanted}-`), made);
        assert.match(made, /^[a-z0-9]+(-[a-z0-9]+)*$/, 'still a schema id');
      }),
      { numRuns: 300 },
    );
  });
});

describe('dates', () => {
  it('knows which YYYY-MM-DD strings a calendar has', () => {
    assert.equal(dayNumber('1970-01-02'), 1);
    assert.equal(dayNumber('2024-02-29'), dayNumber('2024-02-28')! + 1);
    for (const bad of ['2026-02-30', '2025-02-29', '2025-04-31', '2025-13-01', '2025-00-01', '2025-01-00', '0050-01-01', '2025-1-1', 'x', 20250101, undefined]) {
      assert.equal(dayNumber(bad), undefined, String(bad));
      assert.equal(isCalendarDate(bad), false, String(bad));
    }
    assert.equal(addDays('2025-01-25', 14), '2025-02-08');
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  });

  // What a calendar date is, by Date's own calendar: a string that reads back the same through
  // Date.UTC (which rolls 02-30 over to March and reads years before 100 as 19xx).
  const byDateRoundTrip = (text: string): number | undefined => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) return undefined;
    const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    return new Date(time).toISOString().slice(0, 10) === text ? time / 86_400_000 : undefined;
  };

  it('counts days as Date does, for every YYYY-MM-DD shape and near misses', () => {
    const pad = (value: number, width: number) => String(value).padStart(width, '0');
    const shaped = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 39 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    // Leap days of century years, where the Gregorian rule differs from every fourth year.
    const centuryFebruary = fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 27, max: 31 })).map(([century, d]) => `${pad(century * 100, 4)}-02-${pad(d, 2)}`);
    const nearMiss = fc.string({ unit: fc.constantFrom('0', '1', '2', '9', '-', ' ', '/', 'x', '\u0660'), minLength: 9, maxLength: 11 });
    fc.assert(
      fc.property(fc.oneof(shaped, centuryFebruary, nearMiss), (text) => {
        assert.equal(dayNumber(text), byDateRoundTrip(text), text);
      }),
      { numRuns: 20_000 },
    );
  });
});
