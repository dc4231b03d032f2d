// Issue 11, the relationship over time: health trend, identity match, and the edits for health
// check-ins, pause/resume, closing and achieved goals with their evidence of transfer.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { checkPlan } from '../../src/core/check';
import { achieveGoal, applyEdits, closeMentorship, recordHealth, setMentorshipStatus } from '../../src/core/edits';
import type { EditResult } from '../../src/core/edits';
import { healthChart, healthPoints, healthText, healthTrend, latestSessionId, sparkline } from '../../src/core/health';
import { matchSide, pairContacts, resolveSide, sideFromSetting } from '../../src/core/identity';
import { parsePlan } from '../../src/core/parse';
import type { Plan } from '../../src/core/plan';
import { summarizePlan } from '../../src/core/summary';

const EXAMPLE = readFileSync(join(__dirname, '../../../examples/alex-and-sam.mentoring.yaml'), 'utf8');
const examplePlan = parsePlan(EXAMPLE).value as Plan;

function apply(text: string, result: EditResult): string {
  assert.ok(result.ok, result.ok ? '' : result.message);
  return applyEdits(text, result.edits);
}

function refused(result: EditResult): string {
  assert.ok(!result.ok, 'the edit should have been refused');
  return result.message;
}

const rated = (ratings: [string, number | undefined, number | undefined][]): Partial<Plan> => ({
  sessions: ratings.map(([date, mentor, protege], index) => ({ id: `s${index}`, date, health: { ...(mentor !== undefined ? { mentor } : {}), ...(protege !== undefined ? { protege } : {}) } })),
});

describe('health trend', () => {
  it('reads ratings in date order, leaving out invalid scores and sessions after `until`', () => {
    const plan: Partial<Plan> = {
      sessions: [
        { id: 'late', date: '2026-03-01', health: { mentor: 2 } },
        { id: 'early', date: '2026-01-01', health: { mentor: 5, protege: 4 } },
        { id: 'bad', date: '2026-02-01', health: { mentor: 7 as number, protege: 3.5 as number } },
        { id: 'none', date: '2026-02-02' },
        { id: 'future', date: '2026-12-01', health: { protege: 1 } },
      ],
    };
    assert.deepEqual(
      healthPoints(plan, '2026-06-01').map((point) => [point.sessionId, point.mentor, point.protege]),
      [
        ['early', 5, 4],
        ['late', 2, undefined],
      ],
    );
    assert.deepEqual(healthTrend(plan, '2026-06-01'), [
      { side: 'mentor', spark: '█▂', latest: 2 },
      { side: 'protege', spark: '▆', latest: 4 },
    ]);
    assert.equal(healthTrend(plan).find((trend) => trend.side === 'protege')?.latest, 1);
  });

  it('draws one bar per rating, higher for better, at most the last five', () => {
    assert.equal(sparkline([1, 2, 3, 4, 5]), '▁▂▄▆█');
    assert.equal(sparkline([5, 5, 1, 2, 3, 4, 5]), '▁▂▄▆█');
    assert.equal(sparkline([]), '');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 20 }), (scores) => {
        const bars = [...sparkline(scores)];
        assert.equal(bars.length, Math.min(5, scores.length));
        // Same order of heights as the scores.
        const tail = scores.slice(-5);
        for (let i = 1; i < tail.length; i++) assert.equal(Math.sign(bars[i].codePointAt(0)! - bars[i - 1].codePointAt(0)!), Math.sign(tail[i] - tail[i - 1]));
      }),
    );
  });

  it('charts both sides as Mermaid xychart lines, repeating a side’s last rating where it did not rate', () => {
    const points = healthPoints(rated([
      ['2026-01-01', undefined, 4],
      ['2026-01-15', 3, undefined],
      ['2026-02-01', 2, 5],
    ]));
    assert.equal(
      healthChart(points),
      [
        '```mermaid',
        'xychart-beta',
        '  title "Relationship health (1-5)"',
        '  x-axis ["2026-01-01", "2026-01-15", "2026-02-01"]',
        '  y-axis "Rating" 1 --> 5',
        '  line "Mentor" [3, 3, 2]',
        '  line "Protégé" [4, 4, 5]',
        '```',
      ].join('\n'),
    );
    assert.deepEqual(healthText(points), ['Mentor: 3 → 2 (2026-01-15 to 2026-02-01)', 'Protégé: 4 → 5 (2026-01-01 to 2026-02-01)']);
    assert.equal(healthChart([]), undefined);
  });

  it('every chart line has one value per x-axis label, each a rating 1-5 (generated plans)', () => {
    const rating = fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 28 }), rating, rating), { maxLength: 12 }), (rows) => {
        const points = healthPoints(rated(rows.map(([day, mentor, protege]) => [`2026-02-${String(day).padStart(2, '0')}`, mentor, protege])));
        const chart = healthChart(points);
        if (points.length === 0) return assert.equal(chart, undefined);
        const labels = /x-axis \[(.*)\]/.exec(chart!)![1].split(', ');
        assert.equal(labels.length, points.length);
        for (const [, values] of chart!.matchAll(/line "[^"]+" \[(.*)\]/g)) {
          const numbers = values.split(', ').map(Number);
          assert.equal(numbers.length, labels.length);
          assert.ok(numbers.every((value) => Number.isInteger(value) && value >= 1 && value <= 5), values);
        }
      }),
    );
  });

  it('the summary shows the chart and the plain-text trend', () => {
    const summary = summarizePlan(examplePlan, { today: '2026-11-27' });
    assert.match(summary, /^ {2}x-axis \["2026-09-07", "2026-11-16"\]$/m);
    assert.match(summary, /^ {2}line "Mentor" \[4, 4\]$/m);
    assert.match(summary, /^ {2}line "Protégé" \[4, 5\]$/m);
    assert.match(summary, /^- Protégé: 4 → 5 \(2026-09-07 to 2026-11-16\)$/m);
  });

  it('the latest session held by today takes a new check-in; before any was held, the first planned one', () => {
    assert.equal(latestSessionId(examplePlan, '2026-11-27'), 'checkin-2026-11-16');
    assert.equal(latestSessionId(examplePlan, '2026-12-01'), 'feedback-2026-11-30');
    assert.equal(latestSessionId(examplePlan, '2026-01-01'), 'feedback-2026-11-30');
    assert.equal(latestSessionId({}, '2026-01-01'), undefined);
  });
});

describe('identity: which side of the pair the user is', () => {
  const plan: Partial<Plan> = {
    mentorship: { mentor: { name: 'Alex', email: 'Alex@Example.com', github: 'arivera' }, protege: { name: 'Sam', github: '@SamChen' } } as Plan['mentorship'],
  };

  it('matches the git e-mail or the GitHub handle, case-blind, with or without @', () => {
    assert.equal(matchSide(pairContacts(plan), { email: ' alex@example.COM ' }), 'mentor');
    assert.equal(matchSide(pairContacts(plan), { github: 'samchen' }), 'protege');
    assert.equal(matchSide(pairContacts(plan), { github: '@ARIVERA' }), 'mentor');
    assert.equal(matchSide(pairContacts(plan), { email: 'sam@example.com', github: 'someone' }), undefined);
    assert.equal(matchSide(pairContacts(plan), {}), undefined);
    assert.equal(matchSide(pairContacts({}), { email: 'alex@example.com' }), undefined);
  });

  it('refuses to guess when the user matches both sides', () => {
    assert.equal(matchSide(pairContacts(plan), { email: 'alex@example.com', github: 'samchen' }), undefined);
  });

  it('an empty handle or address matches nobody', () => {
    const blank: Partial<Plan> = { mentorship: { mentor: { name: 'A', email: '', github: '' }, protege: { name: 'B' } } as Plan['mentorship'] };
    assert.equal(matchSide(pairContacts(blank), { email: '', github: '' }), undefined);
  });

  it('reads the setting as one side for every plan, or per plan path', () => {
    assert.equal(sideFromSetting('protege', 'a/b.mentoring.yaml'), 'protege');
    assert.equal(sideFromSetting({ 'pairs/sam.mentoring.yaml': 'mentor' }, './pairs/sam.mentoring.yaml'), 'mentor');
    assert.equal(sideFromSetting({ 'pairs\\sam.mentoring.yaml': 'mentor' }, 'pairs/sam.mentoring.yaml'), 'mentor');
    assert.equal(sideFromSetting({ 'pairs/sam.mentoring.yaml': 'boss' }, 'pairs/sam.mentoring.yaml'), undefined);
    assert.equal(sideFromSetting({ 'other.mentoring.yaml': 'mentor' }, 'pairs/sam.mentoring.yaml'), undefined);
    assert.equal(sideFromSetting(42, 'x'), undefined);
  });

  it('a match wins over the setting, the setting over a remembered answer', () => {
    assert.deepEqual(resolveSide(pairContacts(plan), { github: 'samchen' }, 'mentor', 'x', 'mentor'), { side: 'protege', source: 'match' });
    assert.deepEqual(resolveSide(pairContacts(plan), {}, 'mentor', 'x', 'protege'), { side: 'mentor', source: 'setting' });
    assert.deepEqual(resolveSide(pairContacts(plan), {}, undefined, 'x', 'protege'), { side: 'protege', source: 'remembered' });
    assert.equal(resolveSide(pairContacts(plan), {}, undefined, 'x', 'nobody'), undefined);
  });
});

describe('edits: health check-ins', () => {
  it('adds the rating to an existing health mapping, keeping the other side’s', () => {
    const after = apply(EXAMPLE, recordHealth(EXAMPLE, 'checkin-2026-11-16', { mentor: 2, note: 'We skipped the agenda twice' }));
    assert.equal(after, EXAMPLE.replace('    health:\n      mentor: 4\n      protege: 5\n', '    health:\n      mentor: 2\n      protege: 5\n      note: We skipped the agenda twice\n'));
  });

  it('creates the health mapping on a session without one', () => {
    const after = apply(EXAMPLE, recordHealth(EXAMPLE, 'feedback-2026-11-30', { protege: 3 }));
    assert.equal(
      after,
      EXAMPLE.replace(
        '      - What two suggestions for your next reviews would you like from me?\n',
        '      - What two suggestions for your next reviews would you like from me?\n    health:\n      protege: 3\n',
      ),
    );
    // The rule then reads the new rating: the protégé went 4, 5, 3 (not two falls in a row).
    assert.deepEqual(checkPlan(after, { today: '2026-12-01' }).issues.filter((issue) => issue.code === 'health-declining'), []);
  });

  it('refuses a rating outside 1-5, an empty check-in and an unknown session', () => {
    assert.match(refused(recordHealth(EXAMPLE, 'kickoff', { mentor: 6 })), /whole number from 1 to 5, not 6/);
    assert.match(refused(recordHealth(EXAMPLE, 'kickoff', { protege: 0 })), /protégé's rating/);
    assert.match(refused(recordHealth(EXAMPLE, 'kickoff', { note: '  ' })), /needs a rating/);
    assert.match(refused(recordHealth(EXAMPLE, 'nope', { mentor: 3 })), /no session with the id "nope"/);
    assert.match(refused(recordHealth(EXAMPLE.replace('    health:\n      mentor: 4\n      protege: 4\n', '    health: fine\n'), 'kickoff', { mentor: 3 })), /sessions\[0\]\.health` is not a mapping/);
  });
});

describe('edits: pause, resume, close', () => {
  it('pause and resume change only the status line', () => {
    const paused = apply(EXAMPLE, setMentorshipStatus(EXAMPLE, 'paused'));
    assert.equal(paused, EXAMPLE.replace('  status: active\n', '  status: paused\n'));
    assert.equal(apply(paused, setMentorshipStatus(paused, 'active')), EXAMPLE);
    assert.match(refused(setMentorshipStatus(EXAMPLE, 'active')), /already active/);
    assert.match(refused(setMentorshipStatus(paused, 'paused')), /already paused/);
    // A blank status counts as active (for the rules and views) but resuming writes the word, in the scalar's own quotes.
    const blank = EXAMPLE.replace('  status: active\n', "  status: ''\n");
    assert.equal(apply(blank, setMentorshipStatus(blank, 'active')), EXAMPLE.replace('  status: active\n', "  status: 'active'\n"));
  });

  it('adds a status line when the plan has none', () => {
    const without = EXAMPLE.replace('  status: active\n', '');
    const paused = apply(without, setMentorshipStatus(without, 'paused'));
    assert.equal((parsePlan(paused).value as Plan).mentorship.status, 'paused');
    assert.equal(paused.split('\n').length, without.split('\n').length + 1);
  });

  it('pausing quiets the overdue and cadence warnings', () => {
    const today = '2027-01-20';
    const codes = (text: string) => checkPlan(text, { today }).issues.map((issue) => issue.code);
    assert.ok(codes(EXAMPLE).includes('overdue-action'));
    assert.ok(codes(EXAMPLE).includes('cadence-lapse'));
    const paused = apply(EXAMPLE, setMentorshipStatus(EXAMPLE, 'paused'));
    assert.ok(!codes(paused).includes('overdue-action'));
    assert.ok(!codes(paused).includes('cadence-lapse'));
  });

  it('closing adds the closure session, the closure and the closed status', () => {
    const session = { id: 'closure-2027-03-01', date: '2027-03-01', type: 'closure' as const, agenda: ['Looking at where you started, what are you proudest of?'] };
    const after = apply(EXAMPLE, closeMentorship(EXAMPLE, { date: '2027-03-01', outcome: 'goals-met', retrospective: ['Questions before answers worked', 'Meet weekly near deadlines'] }, session));
    const plan = parsePlan(after).value as Plan;
    assert.equal(plan.mentorship.status, 'closed');
    assert.deepEqual(plan.mentorship.closure, { date: '2027-03-01', outcome: 'goals-met', retrospective: ['Questions before answers worked', 'Meet weekly near deadlines'] });
    assert.deepEqual(plan.sessions?.at(-1), session);
    assert.ok(
      after.includes(
        "    endWhen: Both goals are met, at the expected end date, or when either of us asks for a no-fault conclusion.\n  closure:\n    date: 2027-03-01\n    outcome: goals-met\n    retrospective:\n      - Questions before answers worked\n      - Meet weekly near deadlines\n",
      ),
      after,
    );
    assert.ok(after.includes('  status: closed\n'));
    assert.equal(checkPlan(after, { today: '2027-03-02' }).issues.filter((issue) => issue.severity === 'error').length, 0);
    assert.match(refused(closeMentorship(after, { outcome: 'other' })), /already closed/);
    assert.match(refused(setMentorshipStatus(after, 'active')), /closed; reopen it/);
    assert.match(refused(closeMentorship(EXAMPLE, { outcome: 'no-fault' }, { ...session, id: 'kickoff' })), /"kickoff" is already used/);
  });
});

describe('edits: an achieved goal with its evidence of transfer', () => {
  it('sets achieved and appends the evidence to the existing list', () => {
    const before = parsePlan(EXAMPLE).value as Plan;
    const after = apply(EXAMPLE, achieveGoal(EXAMPLE, 'code-review-voice', 'My reviews now open with a question; two juniors said so'));
    const goal = (parsePlan(after).value as Plan).goals?.find((entry) => entry.id === 'code-review-voice');
    assert.equal(goal?.status, 'achieved');
    const previous = before.goals?.find((entry) => entry.id === 'code-review-voice')?.evidence ?? [];
    assert.deepEqual(goal?.evidence, [...previous, 'My reviews now open with a question; two juniors said so']);
  });

  it('without evidence only the status changes; a non-list evidence is refused', () => {
    assert.equal(apply(EXAMPLE, achieveGoal(EXAMPLE, 'system-design', '  ')), EXAMPLE.replace("why: Senior engineers shape systems beyond their own team's code.\n    status: active", "why: Senior engineers shape systems beyond their own team's code.\n    status: achieved"));
    const broken = EXAMPLE.replace('    status: active\n    target: 2026-12-20\n', '    status: active\n    target: 2026-12-20\n    evidence: a talk\n');
    assert.match(refused(achieveGoal(broken, 'code-review-voice', 'x')), /evidence` is not a list/);
  });
});
