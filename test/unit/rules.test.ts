// Every plan rule, firing and not firing, at exact ranges, against an injected `today`. Each case
// starts from one small valid plan and changes only what the case is about.
import * as assert from 'node:assert/strict';
import { checkPlan } from '../../src/core/check';
import type { PlanIssue } from '../../src/core/issues';
import { ALL_RULES } from '../../src/core/rules/all-rules';

// Line numbers (0-based) of BASE, for reading the expected ranges below:
//  7 cadence  8 status  14 goals:  15 - id: speak-up  19 target  22 - id: review-voice  26 target
// 28 sessions:  29 - id: kickoff  32 goals: [...]  34 agenda item  38 due  41/42 health
// 43 - id: checkin-1  44 date  46 goals  48/49 agenda  53 due  55/56 health
// 57 feedback:  58 - id: review-tone  61 goal  62 session
const BASE = `schemaVersion: 1
mentorship:
  mentor:
    name: Alex
  protege:
    name: Sam
  started: 2026-01-05
  cadence: biweekly
  status: active
  agreement:
    roles:
      mentor: [Ask questions]
      protege: [Bring the goals]
    confidentiality: Between us.
goals:
  - id: speak-up
    title: Speak up in design reviews
    kind: stretch
    status: active
    target: 2026-06-30
    success:
      - Raise one concern per review
  - id: review-voice
    title: Give reviews that teach
    kind: objective
    status: active
    target: 2026-05-31
    success: [Two juniors say my reviews helped]
sessions:
  - id: kickoff
    date: 2026-01-05
    type: kickoff
    goals: [speak-up, review-voice]
    agenda:
      - What would make this worth your time?
    actions:
      - text: Draft the goals
        owner: protege
        due: 2026-01-12
        done: true
    health:
      mentor: 4
      protege: 4
  - id: checkin-1
    date: 2026-03-02
    type: checkin
    goals: [speak-up]
    agenda:
      - Which review felt hardest to speak up in?
      - What will you try next time?
    actions:
      - text: Raise one concern in the API review
        owner: protege
        due: 2026-03-16
    health:
      mentor: 4
      protege: 5
feedback:
  - id: review-tone
    date: 2026-03-02
    from: mentor
    goal: review-voice
    session: checkin-1
    feedforward:
      - Keep opening reviews with a question.
`;

/** A day on which BASE is clean: after the last session, before any due date or target. */
const TODAY = '2026-03-10';

/** Replaces text that must occur exactly once, so an edit cannot silently miss or hit twice. */
function edit(text: string, ...replacements: [string, string][]): string {
  let result = text;
  for (const [from, to] of replacements) {
    const count = result.split(from).length - 1;
    assert.equal(count, 1, `"${from}" occurs ${count} times`);
    result = result.replace(from, () => to);
  }
  return result;
}

function issuesOf(code: string, text: string, today = TODAY, disabledRules: string[] = []): PlanIssue[] {
  const { issues } = checkPlan(text, { today, disabledRules });
  // Every case must stay schema-valid, so a rule is tested on the plans it was written for.
  assert.deepEqual(
    issues.filter((issue) => issue.code === 'schema' || issue.code === 'yaml-syntax').map((issue) => issue.message),
    [],
  );
  return issues.filter((issue) => issue.code === code);
}

type Span = [number, number, number, number];
const span = (issue: PlanIssue): Span => [issue.range.start.line, issue.range.start.character, issue.range.end.line, issue.range.end.character];

describe('rules: the base plan', () => {
  it('is clean on TODAY, so every issue below comes from the edit', () => {
    assert.deepEqual(checkPlan(BASE, { today: TODAY }).issues, []);
  });

  it('covers every registered rule in this file (feedback-past-focused has its own file)', () => {
    const tested = ['duplicate-id', 'unknown-reference', 'agenda-not-question', 'no-success-criteria', 'no-stretch-goal', 'overdue-action', 'target-passed', 'cadence-lapse', 'health-declining', 'ready-to-close', 'feedback-past-focused'];
    assert.deepEqual(ALL_RULES.map((rule) => rule.code), tested);
  });
});

describe('rule duplicate-id', () => {
  it('fires on the second goal with an id, at that id, naming the first line', () => {
    const issues = issuesOf('duplicate-id', edit(BASE, ['  - id: review-voice', '  - id: speak-up']));
    assert.equal(issues.length, 1);
    assert.equal(issues[0]!.severity, 'error');
    assert.deepEqual(span(issues[0]!), [22, 8, 22, 16]);
    assert.equal(issues[0]!.message, 'Goal id `speak-up` is already used on line 16; ids must be unique so references stay unambiguous.');
  });

  it('fires for sessions and feedback entries too', () => {
    const text = edit(
      BASE,
      ['  - id: checkin-1', '  - id: kickoff'],
      ['    session: checkin-1', '    session: kickoff'],
      ['      - Keep opening reviews with a question.\n', '      - Keep opening reviews with a question.\n  - id: review-tone\n    date: 2026-03-03\n    from: protege\n    feedforward: [Share the agenda a day ahead.]\n'],
    );
    const issues = issuesOf('duplicate-id', text);
    assert.deepEqual(issues.map(span), [
      [43, 8, 43, 15],
      [65, 8, 65, 19],
    ]);
    assert.match(issues[0]!.message, /^Session id `kickoff` is already used on line 30;/);
    assert.match(issues[1]!.message, /^Feedback id `review-tone` is already used on line 59;/);
  });

  it('does not fire for distinct ids, nor for one id shared by a goal and a session', () => {
    assert.deepEqual(issuesOf('duplicate-id', BASE), []);
    const shared = edit(BASE, ['  - id: checkin-1', '  - id: speak-up']);
    assert.deepEqual(issuesOf('duplicate-id', edit(shared, ['    session: checkin-1', '    session: speak-up'])), []);
  });
});

describe('rule unknown-reference', () => {
  it('fires for a session goal that does not exist, at that list item', () => {
    const issues = issuesOf('unknown-reference', edit(BASE, ['    goals: [speak-up, review-voice]', '    goals: [speak-up, reviews]']));
    assert.equal(issues.length, 1);
    assert.equal(issues[0]!.severity, 'error');
    assert.deepEqual(span(issues[0]!), [32, 22, 32, 29]);
    assert.equal(issues[0]!.message, 'No goal has the id `reviews`. Known goals: speak-up, review-voice.');
    assert.deepEqual(issues[0]!.data?.allowed, ['speak-up', 'review-voice']);
  });

  it("fires for feedback's goal and session", () => {
    const issues = issuesOf('unknown-reference', edit(BASE, ['    goal: review-voice', '    goal: code-review'], ['    session: checkin-1', '    session: checkin-2']));
    assert.deepEqual(issues.map(span), [
      [61, 10, 61, 21],
      [62, 13, 62, 22],
    ]);
    assert.equal(issues[1]!.message, 'No session has the id `checkin-2`. Known sessions: kickoff, checkin-1.');
  });

  it('says so when the plan has no goals at all', () => {
    const noGoals = BASE.slice(0, BASE.indexOf('goals:\n')) + BASE.slice(BASE.indexOf('sessions:'));
    const issues = issuesOf('unknown-reference', noGoals);
    assert.ok(issues.length >= 1);
    assert.match(issues[0]!.message, /The plan has no goals yet\.$/);
  });

  it('does not fire when every reference resolves', () => {
    assert.deepEqual(issuesOf('unknown-reference', BASE), []);
  });
});

describe('rule agenda-not-question', () => {
  it('fires for an agenda item that is a statement, at that item', () => {
    const issues = issuesOf('agenda-not-question', edit(BASE, ['      - What will you try next time?', '      - Review the API design doc']));
    assert.equal(issues.length, 1);
    assert.equal(issues[0]!.severity, 'info');
    assert.deepEqual(span(issues[0]!), [49, 8, 49, 33]);
    assert.match(issues[0]!.message, /not a question/);
  });

  it('does not fire for questions, questions ending in a quote or bracket, or blank items', () => {
    const text = edit(BASE, ['      - What will you try next time?', `      - 'What did they mean by "why?"'\n      - How did it go (the demo?)\n      - ""`]);
    assert.deepEqual(issuesOf('agenda-not-question', text), []);
  });
});

describe('rule no-success-criteria', () => {
  it('fires for an active goal without success criteria, at its id', () => {
    const issues = issuesOf('no-success-criteria', edit(BASE, ['    success: [Two juniors say my reviews helped]\n', '']));
    assert.equal(issues.length, 1);
    assert.equal(issues[0]!.severity, 'warning');
    assert.deepEqual(span(issues[0]!), [22, 8, 22, 20]);
    assert.equal(issues[0]!.message, 'Goal `review-voice` has no success criteria. Add `success:` with how you will both know it is reached.');
  });

  it('fires for an empty list and for blank criteria', () => {
    assert.equal(issuesOf('no-success-criteria', edit(BASE, ['[Two juniors say my reviews helped]', '[]'])).length, 1);
    assert.equal(issuesOf('no-success-criteria', edit(BASE, ['[Two juniors say my reviews helped]', '["  "]'])).length, 1);
  });

  it('does not fire for achieved or dropped goals, nor when criteria exist', () => {
    assert.deepEqual(issuesOf('no-success-criteria', BASE), []);
    const withoutCriteria = edit(BASE, ['    success: [Two juniors say my reviews helped]\n', '']);
    for (const status of ['achieved', 'dropped']) {
      const text = edit(withoutCriteria, ['    kind: objective\n    status: active', `    kind: objective\n    status: ${status}`]);
      assert.deepEqual(issuesOf('no-success-criteria', text), [], status);
    }
  });
});

describe('rule no-stretch-goal', () => {
  const noStretch = edit(BASE, ['    kind: stretch', '    kind: objective']);

  it('fires when no goal is a stretch goal, at the goals key', () => {
    const issues = issuesOf('no-stretch-goal', noStretch);
    assert.equal(issues.length, 1);
    assert.equal(issues[0]!.severity, 'info');
    assert.deepEqual(span(issues[0]!), [14, 0, 14, 5]);
    assert.match(issues[0]!.message, /`kind: stretch`/);
  });

  it('fires when the only stretch goal was dropped', () => {
    const dropped = edit(BASE, ['    kind: stretch\n    status: active', '    kind: stretch\n    status: dropped']);
    assert.equal(issuesOf('no-stretch-goal', dropped).length, 1);
  });

  it('does not fire with a stretch goal, without goals, or once the mentorship is closed', () => {
    assert.deepEqual(issuesOf('no-stretch-goal', BASE), []);
    assert.deepEqual(issuesOf('no-stretch-goal', edit(BASE, [BASE.slice(BASE.indexOf('goals:\n'), BASE.indexOf('sessions:')), 'goals: []\n'], ['goals: [speak-up, review-voice]', 'goals: []'], ['goals: [speak-up]', 'goals: []'], ['    goal: review-voice\n', ''])), []);
    assert.deepEqual(issuesOf('no-stretch-goal', edit(noStretch, ['\n  status: active', '\n  status: closed'])), []);
  });
});

describe('rule overdue-action', () => {
  it('fires the day after an open action was due, at its due date', () => {
    const issues = issuesOf('overdue-action', BASE, '2026-03-17');
    assert.equal(issues.length, 1);
    assert.equal(issues[0]!.severity, 'warning');
    assert.deepEqual(span(issues[0]!), [53, 13, 53, 23]);
    assert.equal(issues[0]!.message, 'Action "Raise one concern in the API review" was due 1 day ago (2026-03-16). Mark it done, give it a new date, or carry it forward.');
  });

  it('counts days in the plural', () => {
    assert.match(issuesOf('overdue-action', BASE, '2026-03-26')[0]!.message, /was due 10 days ago/);
  });

  it('does not fire on the due date itself, nor for a done action', () => {
    assert.deepEqual(issuesOf('overdue-action', BASE, '2026-03-16'), []);
    // The kickoff action was due 2026-01-12 and is done.
    const done = edit(BASE, ['        due: 2026-03-16', '        due: 2026-03-16\n        done: true']);
    assert.deepEqual(issuesOf('overdue-action', done, '2026-04-01'), []);
  });

  it('fires when an old action is reopened', () => {
    const reopened = edit(BASE, ['        done: true', '        done: false']);
    const issues = issuesOf('overdue-action', reopened);
    assert.deepEqual(issues.map(span), [[38, 13, 38, 23]]);
    assert.match(issues[0]!.message, /was due 57 days ago \(2026-01-12\)/);
  });
});

describe('rule target-passed', () => {
  it('fires for an active goal the day after its target, at the target', () => {
    const issues = issuesOf('target-passed', BASE, '2026-06-01');
    assert.equal(issues.length, 1);
    assert.equal(issues[0]!.severity, 'warning');
    assert.deepEqual(span(issues[0]!), [26, 12, 26, 22]);
    assert.equal(issues[0]!.message, 'Goal `review-voice` is still active but its target (2026-05-31) has passed. Agree on a new target, or mark it achieved or dropped.');
  });

  it('fires for an at-risk goal', () => {
    const atRisk = edit(BASE, ['    kind: objective\n    status: active', '    kind: objective\n    status: at-risk']);
    assert.match(issuesOf('target-passed', atRisk, '2026-06-01')[0]!.message, /is still at-risk/);
  });

  it('does not fire on the target day, nor for goals that are achieved, dropped or only proposed', () => {
    assert.deepEqual(issuesOf('target-passed', BASE, '2026-05-31'), []);
    for (const status of ['achieved', 'dropped', 'proposed']) {
      const text = edit(BASE, ['    kind: objective\n    status: active', `    kind: objective\n    status: ${status}`]);
      assert.deepEqual(issuesOf('target-passed', text, '2026-06-01'), [], status);
    }
  });
});

describe('rule cadence-lapse', () => {
  // The last session is 2026-03-02; biweekly allows 1.5 x 14 = 21 days.
  it('does not fire at exactly 1.5 times the cadence', () => {
    assert.deepEqual(issuesOf('cadence-lapse', BASE, '2026-03-23'), []);
  });

  it('fires one day later, at the cadence value', () => {
    const issues = issuesOf('cadence-lapse', BASE, '2026-03-24');
    assert.equal(issues.length, 1);
    assert.equal(issues[0]!.severity, 'warning');
    assert.deepEqual(span(issues[0]!), [7, 11, 7, 19]);
    assert.equal(issues[0]!.message, 'No session for 22 days, though the agreed cadence is biweekly. Schedule the next one, or set the mentorship to paused.');
  });

  it('uses 7 days for weekly and 30 for monthly', () => {
    const weekly = edit(BASE, ['  cadence: biweekly', '  cadence: weekly']);
    assert.deepEqual(issuesOf('cadence-lapse', weekly, '2026-03-12'), []); // 10 days
    assert.equal(issuesOf('cadence-lapse', weekly, '2026-03-13').length, 1); // 11 days
    const monthly = edit(BASE, ['  cadence: biweekly', '  cadence: monthly']);
    assert.deepEqual(issuesOf('cadence-lapse', monthly, '2026-04-16'), []); // 45 days
    assert.equal(issuesOf('cadence-lapse', monthly, '2026-04-17').length, 1); // 46 days
  });

  it('ignores planned sessions after today', () => {
    const planned = edit(BASE, ['    date: 2026-03-02\n    type: checkin', '    date: 2026-04-20\n    type: checkin']);
    // Last held: the kickoff, 2026-01-05; 2026-03-10 is 64 days later.
    const issues = issuesOf('cadence-lapse', planned);
    assert.equal(issues.length, 1);
    assert.match(issues[0]!.message, /^No session for 64 days/);
  });

  it('counts from the start when no session was held', () => {
    const noSessions = BASE.slice(0, BASE.indexOf('sessions:')) + 'sessions: []\n';
    assert.deepEqual(issuesOf('cadence-lapse', noSessions, '2026-01-26'), []); // 21 days after 2026-01-05
    assert.equal(issuesOf('cadence-lapse', noSessions, '2026-01-27').length, 1);
  });

  it('does not fire when the mentorship is paused or closed', () => {
    for (const status of ['paused', 'closed']) {
      assert.deepEqual(issuesOf('cadence-lapse', edit(BASE, ['\n  status: active', `\n  status: ${status}`]), '2026-09-01'), [], status);
    }
  });
});

describe('rule health-declining', () => {
  /** BASE with the health block of both sessions set, plus a third session rated on `date`. */
  function rated(kickoff: [number, number], checkin: [number, number], third?: { date: string; mentor: number; protege: number }): string {
    let text = edit(BASE, ['      mentor: 4\n      protege: 4', `      mentor: ${kickoff[0]}\n      protege: ${kickoff[1]}`], ['      mentor: 4\n      protege: 5', `      mentor: ${checkin[0]}\n      protege: ${checkin[1]}`]);
    if (third) {
      text = edit(text, ['feedback:\n', `  - id: health\n    date: ${third.date}\n    type: health-check\n    health:\n      mentor: ${third.mentor}\n      protege: ${third.protege}\nfeedback:\n`]);
    }
    return text;
  }

  it('fires when the latest score is 2 or less, at that score', () => {
    const issues = issuesOf('health-declining', rated([4, 4], [4, 2]));
    assert.equal(issues.length, 1);
    assert.equal(issues[0]!.severity, 'warning');
    assert.deepEqual(span(issues[0]!), [56, 15, 56, 16]);
    assert.equal(issues[0]!.message, 'The protégé rated the relationship 2 of 5. Talk about what would make it work better; a health-check session is made for this.');
  });

  it('fires for a score of 1 from the mentor', () => {
    const issues = issuesOf('health-declining', rated([4, 4], [1, 4]));
    assert.deepEqual(issues.map(span), [[55, 14, 55, 15]]);
    assert.match(issues[0]!.message, /^The mentor rated the relationship 1 of 5\./);
  });

  it('fires when a rating has fallen two sessions in a row', () => {
    const issues = issuesOf('health-declining', rated([5, 4], [4, 4], { date: '2026-03-09', mentor: 3, protege: 4 }));
    assert.equal(issues.length, 1);
    assert.deepEqual(span(issues[0]!), [61, 14, 61, 15]);
    assert.equal(issues[0]!.message, "The mentor's rating has fallen two sessions in a row (5, 4, 3). Raise it together before it drops further.");
  });

  it('orders sessions by date, not by their place in the file', () => {
    // The third session is listed last but held first: 3 (Jan 1), 5, 4 is no double fall.
    assert.deepEqual(issuesOf('health-declining', rated([5, 4], [4, 4], { date: '2026-01-01', mentor: 3, protege: 4 })), []);
    // And a low score listed first but held last is the latest one.
    const issues = issuesOf('health-declining', rated([4, 4], [4, 4], { date: '2026-03-09', mentor: 2, protege: 4 }));
    assert.deepEqual(issues.map(span), [[61, 14, 61, 15]]);
  });

  it('does not fire when an old low score has recovered', () => {
    assert.deepEqual(issuesOf('health-declining', rated([1, 2], [4, 4])), []);
  });

  it('does not fire for one fall, a level stretch, or a fall to 3 that is not the second', () => {
    assert.deepEqual(issuesOf('health-declining', rated([4, 4], [3, 4])), []);
    assert.deepEqual(issuesOf('health-declining', rated([4, 4], [4, 4], { date: '2026-03-09', mentor: 3, protege: 4 })), []);
    assert.deepEqual(issuesOf('health-declining', rated([3, 4], [5, 4], { date: '2026-03-09', mentor: 4, protege: 4 })), []);
  });
});

describe('rule ready-to-close', () => {
  const settled = edit(BASE, ['    kind: stretch\n    status: active', '    kind: stretch\n    status: achieved'], ['    kind: objective\n    status: active', '    kind: objective\n    status: dropped']);

  it('fires when every goal is achieved or dropped, at the mentorship status', () => {
    const issues = issuesOf('ready-to-close', settled);
    assert.equal(issues.length, 1);
    assert.equal(issues[0]!.severity, 'info');
    assert.deepEqual(span(issues[0]!), [8, 10, 8, 16]);
    assert.match(issues[0]!.message, /^Every goal is achieved or dropped\./);
  });

  it('points at the mentorship key when there is no status', () => {
    const issues = issuesOf('ready-to-close', edit(settled, ['\n  status: active\n', '\n']));
    assert.deepEqual(issues.map(span), [[1, 0, 1, 10]]);
  });

  it('does not fire while a goal is open, without goals, or when closed or paused', () => {
    assert.deepEqual(issuesOf('ready-to-close', BASE), []);
    const oneOpen = edit(BASE, ['    kind: stretch\n    status: active', '    kind: stretch\n    status: achieved']);
    assert.deepEqual(issuesOf('ready-to-close', oneOpen), []);
    for (const status of ['closed', 'paused']) {
      assert.deepEqual(issuesOf('ready-to-close', edit(settled, ['\n  status: active', `\n  status: ${status}`])), [], status);
    }
  });
});

describe('rule options', () => {
  it('disabledRules removes exactly that rule\'s issues', () => {
    const text = edit(BASE, ['      - What will you try next time?', '      - Review the doc']);
    const all = checkPlan(text, { today: '2026-03-24' }).issues.map((issue) => issue.code).sort();
    assert.deepEqual(all, ['agenda-not-question', 'cadence-lapse', 'overdue-action']);
    const some = checkPlan(text, { today: '2026-03-24', disabledRules: ['overdue-action', 'cadence-lapse'] }).issues.map((issue) => issue.code);
    assert.deepEqual(some, ['agenda-not-question']);
  });

  it('turns a rule that throws into one issue, and keeps the other findings', () => {
    const text = edit(BASE, ['      - What will you try next time?', '      - Review the doc']);
    const { issues } = checkPlan(text, {
      today: TODAY,
      rules: [
        {
          code: 'broken',
          severity: 'warning',
          check: () => {
            throw new Error('boom');
          },
        },
        ALL_RULES.find((rule) => rule.code === 'agenda-not-question')!,
      ],
    });
    assert.deepEqual(issues.map((issue) => [issue.code, issue.message]), [
      ['broken', 'Internal error in check broken: boom'],
      ['agenda-not-question', issues[1]!.message],
    ]);
    assert.deepEqual(span(issues[0]!), [0, 0, 0, 16]);
  });

  it('compares dates with the injected today, not the clock', () => {
    const text = edit(BASE, ['        due: 2026-03-16', '        due: 2000-01-01']);
    assert.equal(issuesOf('overdue-action', text, '1999-12-31').length, 0);
    assert.equal(issuesOf('overdue-action', text, '2000-01-02').length, 1);
  });
});
