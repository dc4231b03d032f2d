import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  addAction,
  addAgendaQuestion,
  addFeedback,
  addGoal,
  addSession,
  applyEdits,
  carryForwardActions,
  editPlan,
  newPlanText,
  recordHealth,
  setActionDone,
  setGoalStatus,
  setValue,
  updateFeedback,
} from '../../src/core/edits';
import type { EditResult } from '../../src/core/edits';
import { checkPlan } from '../../src/core/check';
import { parsePlan } from '../../src/core/parse';
import { seededRandom } from '../support/random';
import type { Plan } from '../../src/core/plan';

const EXAMPLE = readFileSync(join(__dirname, '../../../examples/alex-and-sam.mentoring.yaml'), 'utf8');

/** Lines removed from and added to `before`, by longest common subsequence: what a pull request shows. */
function lineDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < b.length && (i === a.length || table[i][j + 1] >= table[i + 1][j])) added.push(b[j++]);
    else removed.push(a[i++]);
  }
  return { removed, added };
}

function apply(text: string, result: EditResult): string {
  assert.ok(result.ok, result.ok ? '' : result.message);
  return applyEdits(text, result.edits);
}

function planOf(text: string): Plan {
  const parsed = parsePlan(text);
  assert.deepEqual(parsed.syntaxIssues, [], 'the edited text must parse cleanly');
  return parsed.value as Plan;
}

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

for (const [name, toVariant] of [
  ['LF', (text: string) => text],
  ['CRLF', crlf],
] as const) {
  describe(`edit engine on a commented ${name} plan`, () => {
    const original = toVariant(EXAMPLE);
    const strip = (text: string) => text.replace(/\r\n/g, '\n');

    function assertLineEndingsKept(after: string) {
      if (name === 'CRLF') assert.ok(!/(^|[^\r])\n/.test(after), 'no lone LF in a CRLF file');
      else assert.ok(!after.includes('\r'), 'no CR in an LF file');
    }

    it('setGoalStatus changes exactly the status line', () => {
      const after = apply(original, setGoalStatus(original, 'system-design', 'achieved'));
      assert.deepEqual(lineDiff(strip(original), strip(after)), { removed: ['    status: active'], added: ['    status: achieved'] });
      assertLineEndingsKept(after);
      assert.equal(planOf(after).goals?.[0].status, 'achieved');
      assert.equal(planOf(after).goals?.[1].status, 'active');
    });

    it('setActionDone flips one boolean and nothing else', () => {
      const after = apply(original, setActionDone(original, 'checkin-2026-11-16', 0, true));
      assert.deepEqual(lineDiff(strip(original), strip(after)), { removed: ['        done: false'], added: ['        done: true'] });
      assertLineEndingsKept(after);
    });

    it('addSession appends only new lines, in the file style, after the last session', () => {
      const after = apply(original, addSession(original, { id: 'checkin-2026-12-14', date: '2026-12-14', type: 'checkin', goals: ['system-design'], agenda: ['What changed since we met: anything surprising?'], actions: [] }));
      const diff = lineDiff(strip(original), strip(after));
      assert.deepEqual(diff.removed, []);
      assert.deepEqual(diff.added, [
        '  - id: checkin-2026-12-14',
        '    date: 2026-12-14',
        '    type: checkin',
        '    goals: [system-design]',
        '    agenda:',
        '      - "What changed since we met: anything surprising?"',
        '    actions: []',
      ]);
      assertLineEndingsKept(after);
      const plan = planOf(after);
      assert.equal(plan.sessions?.length, 4);
      assert.equal(plan.sessions?.[3].agenda?.[0], 'What changed since we met: anything surprising?');
      // The new session lands before the feedback section, not at the end of the file.
      assert.ok(strip(after).indexOf('checkin-2026-12-14') < strip(after).indexOf('\nfeedback:'));
    });

    it('addGoal appends a goal with nested lists indented like its siblings', () => {
      const after = apply(original, addGoal(original, { id: 'public-speaking', title: 'Talk at a meetup', kind: 'stretch', status: 'proposed', success: ['Gave the talk'], milestones: [{ text: 'Pick a topic', done: false }] }));
      const diff = lineDiff(strip(original), strip(after));
      assert.deepEqual(diff.removed, []);
      assert.deepEqual(diff.added, ['  - id: public-speaking', '    title: Talk at a meetup', '    kind: stretch', '    status: proposed', '    success:', '      - Gave the talk', '    milestones:', '      - text: Pick a topic', '        done: false']);
      assert.equal(checkPlan(after, { today: '2026-11-27' }).issues.filter((issue) => issue.severity === 'error').length, 0);
    });

    it('addAction creates the actions list on a session that has none', () => {
      const after = apply(original, addAction(original, 'feedback-2026-11-30', { text: 'Send the slides', owner: 'protege', due: '2026-12-01' }));
      assert.deepEqual(lineDiff(strip(original), strip(after)), { removed: [], added: ['    actions:', '      - text: Send the slides', '        owner: protege', '        due: 2026-12-01'] });
      assert.equal(planOf(after).sessions?.[2].actions?.[0].text, 'Send the slides');
    });

    it('carryForwardActions copies open actions only', () => {
      const after = apply(original, carryForwardActions(original, 'checkin-2026-11-16', 'feedback-2026-11-30'));
      const plan = planOf(after);
      assert.deepEqual(
        plan.sessions?.[2].actions?.map((action) => action.text),
        ['Book the design review with the platform team'],
      );
      assert.deepEqual(lineDiff(strip(original), strip(after)).removed, []);
    });

    it('updateFeedback rewrites only the fields that changed and keeps the rest byte for byte', () => {
      const current = planOf(original).feedback![0];
      const after = apply(original, updateFeedback(original, 'review-tone', { ...current, impact: 'The author fixed the race before release', feedforward: ['Keep asking about intent first.'] }));
      assert.deepEqual(lineDiff(strip(original), strip(after)), {
        removed: ['    impact: The author found the race condition themselves and fixed it', '      - Keep opening reviews with a question about intent before suggesting changes.', '      - Next time, try pairing your question with a pointer to a test that would show the problem.'],
        added: ['    impact: The author fixed the race before release', '      - Keep asking about intent first.'],
      });
      assertLineEndingsKept(after);
    });

    it('addFeedback appends an entry that validates', () => {
      const after = apply(original, addFeedback(original, { id: 'next-steps', date: '2026-11-27', from: 'protege', feedforward: ['Keep sharing your own design mistakes.'] }));
      assert.deepEqual(lineDiff(strip(original), strip(after)).removed, []);
      assert.equal(checkPlan(after, { today: '2026-11-27' }).issues.filter((issue) => issue.severity === 'error').length, 0);
    });

    it('keeps every comment line', () => {
      const comments = original.split(/\r?\n/).filter((line) => line.trimStart().startsWith('#'));
      assert.ok(comments.length >= 2);
      const after = apply(original, addSession(original, { id: 'x', date: '2026-12-01' }));
      for (const comment of comments) assert.ok(after.includes(comment), comment);
    });
  });
}

describe('edit engine: styles and refusals', () => {
  it('keeps the quoting style of a replaced value', () => {
    const text = 'schemaVersion: 1\nmentorship:\n  cadence: "weekly" # agreed at kickoff\n';
    assert.equal(apply(text, setValue(text, ['mentorship', 'cadence'], 'monthly')), 'schemaVersion: 1\nmentorship:\n  cadence: "monthly" # agreed at kickoff\n');
  });

  it('writes the first entry of an empty flow list as a block list', () => {
    const text = newPlanText({ mentor: 'Alex', protege: 'Sam', today: '2026-11-27' });
    const after = apply(text, addGoal(text, { id: 'g', title: 'G', status: 'proposed' }));
    assert.deepEqual(lineDiff(text, after), { removed: ['goals: []'], added: ['goals:', '  - id: g', '    title: G', '    status: proposed'] });
  });

  it('follows a file that does not indent its lists, and one without a final line break', () => {
    const text = 'schemaVersion: 1\nsessions:\n- id: a\n  date: 2026-01-01';
    assert.equal(apply(text, addSession(text, { id: 'b', date: '2026-01-02' })), 'schemaVersion: 1\nsessions:\n- id: a\n  date: 2026-01-01\n- id: b\n  date: 2026-01-02');
  });

  it('follows four-space indentation', () => {
    const text = 'schemaVersion: 1\ngoals:\n    -   id: a\n        title: A\n        status: active\n';
    const after = apply(text, setGoalStatus(text, 'a', 'at-risk'));
    assert.equal(after, text.replace('status: active', 'status: at-risk'));
  });

  it('appends to a flow list in place, keeping its quoting and comments', () => {
    const text = "sessions:\n  - id: s\n    date: 2026-01-01\n    actions: [{text: 'a', done: true}, {text: \"b\"}]  # two so far\n";
    const after = apply(text, addAction(text, 's', { text: 'c' }));
    assert.equal(after, "sessions:\n  - id: s\n    date: 2026-01-01\n    actions: [{text: 'a', done: true}, {text: \"b\"}, {text: c}]  # two so far\n");
  });
  it('refuses a file with YAML syntax errors and names the line', () => {
    const text = 'schemaVersion: 1\ngoals: [\n';
    const result = addGoal(text, { id: 'g', title: 'G', status: 'proposed' });
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.message, /syntax errors \(line \d+/);
  });

  it('refuses unknown ids and duplicate new ids with clear messages', () => {
    const missing = setGoalStatus(EXAMPLE, 'nope', 'achieved');
    assert.equal(missing.ok, false);
    assert.match(missing.ok ? '' : missing.message, /no goal with the id "nope"/);
    const duplicate = addGoal(EXAMPLE, { id: 'system-design', title: 'again', status: 'proposed' });
    assert.equal(duplicate.ok, false);
    assert.match(duplicate.ok ? '' : duplicate.message, /already used/);
  });

  it('writes hostile strings as data, quoted where YAML needs it', () => {
    const hostile = ['- not a list item', '#not a comment', 'key: value', '*alias', '&anchor', "it's \"quoted\"", '<img src=x onerror=alert(1)>', 'line one\nline two', '   padded   ', '@at', '`tick`', 'true', '123', 'null', '\u202Eright-to-left'];
    let text = EXAMPLE;
    hostile.forEach((value, index) => {
      text = apply(text, addAction(text, 'kickoff', { text: value, owner: 'both' }));
      const actions = planOf(text).sessions?.[0].actions ?? [];
      assert.equal(actions[actions.length - 1].text, value, `round trip of ${JSON.stringify(value)} (#${index})`);
    });
  });
});

describe('edit engine: generated sequences of edits', () => {
  for (let seed = 1; seed <= 40; seed++) {
    it(`seed ${seed}: every edit changes only its own lines and the plan means what was asked`, () => {
      const next = seededRandom(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
      let text = seed % 2 ? EXAMPLE : crlf(EXAMPLE);
      const comments = EXAMPLE.split('\n').filter((line) => line.trimStart().startsWith('#'));
      for (let step = 0; step < 6; step++) {
        const before = planOf(text);
        const sessions = before.sessions ?? [];
        const goals = before.goals ?? [];
        const operation = pick(['status', 'session', 'goal', 'action', 'done'] as const);
        let result: EditResult;
        let expect: (plan: Plan) => void;
        if (operation === 'status') {
          const goal = pick(goals);
          const status = pick(['proposed', 'active', 'at-risk', 'achieved', 'dropped'] as const);
          result = setGoalStatus(text, goal.id, status);
          expect = (plan) => assert.equal(plan.goals?.find((entry) => entry.id === goal.id)?.status, status);
        } else if (operation === 'session') {
          const id = `s-${seed}-${step}`;
          result = addSession(text, { id, date: '2026-12-01', type: 'checkin', agenda: [`What is next, ${step}?`] });
          expect = (plan) => assert.equal(plan.sessions?.[plan.sessions.length - 1].id, id);
        } else if (operation === 'goal') {
          const id = `g-${seed}-${step}`;
          result = addGoal(text, { id, title: `Goal ${step}`, status: 'proposed', success: ['Done'] });
          expect = (plan) => assert.equal(plan.goals?.[plan.goals.length - 1].id, id);
        } else if (operation === 'action') {
          const session = pick(sessions);
          const actionText = `Action ${seed}.${step}: follow up`;
          result = addAction(text, session.id, { text: actionText, owner: 'both' });
          expect = (plan) => {
            const actions = plan.sessions?.find((entry) => entry.id === session.id)?.actions ?? [];
            assert.equal(actions[actions.length - 1].text, actionText);
          };
        } else {
          const session = sessions.find((entry) => (entry.actions ?? []).length > 0)!;
          const done = next() < 0.5;
          result = setActionDone(text, session.id, 0, done);
          expect = (plan) => assert.equal(plan.sessions?.find((entry) => entry.id === session.id)?.actions?.[0].done, done);
        }
        const after = apply(text, result);
        expect(planOf(after));
        // Everything else in the plan is unchanged in meaning...
        const untouchedKeys = ['schemaVersion', 'mentorship', 'feedback'] as const;
        for (const key of untouchedKeys) assert.deepEqual(planOf(after)[key], before[key]);
        // ...and in bytes: appends remove no line, replacements remove exactly one.
        const diff = lineDiff(text.replace(/\r\n/g, '\n'), after.replace(/\r\n/g, '\n'));
        assert.ok(diff.removed.length <= 1, `removed ${JSON.stringify(diff.removed)}`);
        if (seed % 2 === 0) assert.ok(!/(^|[^\r])\n/.test(after), 'CRLF kept');
        for (const comment of comments) assert.ok(after.includes(comment));
        text = after;
      }
    });
  }
});

describe('edit engine: cases found in review', () => {
  const FEEDBACK_HEAD = 'schemaVersion: 1\nfeedback:\n';

  it('shortening a block scalar keeps the line break before the next key', () => {
    const text = `${FEEDBACK_HEAD}  - id: f1\n    date: 2026-01-01\n    from: mentor\n    situation: |-\n      In the review\n      yesterday\n    behavior: You asked\n    feedforward: [A?]\n`;
    const entry = planOf(text).feedback![0];
    const after = apply(text, updateFeedback(text, 'f1', { ...entry, situation: 'In the review' }));
    assert.deepEqual(lineDiff(text, after), { removed: ['    situation: |-', '      In the review', '      yesterday'], added: ['    situation: In the review'] });
    assert.equal(planOf(after).feedback![0].behavior, 'You asked');
  });

  it('removing the key on the dash line and the key after it keeps the entry valid YAML', () => {
    const text = `${FEEDBACK_HEAD}  - date: 2026-01-01\n    from: mentor  # who wrote it\n    id: f1\n    situation: In the review\n    feedforward: [Try x.]\n`;
    const entry = planOf(text).feedback![0];
    const rest = Object.fromEntries(Object.entries(entry).filter(([key]) => key !== 'date' && key !== 'from'));
    const after = apply(text, updateFeedback(text, 'f1', rest as never));
    assert.equal(after, `${FEEDBACK_HEAD}  - id: f1\n    situation: In the review\n    feedforward: [Try x.]\n`);
    assert.deepEqual(parsePlan(after).syntaxIssues, []);
  });

  it('removing a list item keeps the comment above the next item', () => {
    const text = `${FEEDBACK_HEAD}  - id: f1\n    feedforward:\n      - Try a\n      - Try b\n      # c is the important one\n      - Try c\n`;
    const entry = planOf(text).feedback![0];
    const after = apply(text, updateFeedback(text, 'f1', { ...entry, feedforward: ['Try a', 'Try c'] }));
    assert.equal(after, text.replace('      - Try b\n', ''));
  });

  it('removes a key that YAML reads as a number, as it removes any other', () => {
    const text = `${FEEDBACK_HEAD}  - id: f1\n    2026: an old note\n    situation: In the review\n    feedforward: [Try x.]\n`;
    const entry = planOf(text).feedback![0];
    const rest = Object.fromEntries(Object.entries(entry).filter(([key]) => key !== '2026'));
    const after = apply(text, updateFeedback(text, 'f1', rest as never));
    assert.equal(after, `${FEEDBACK_HEAD}  - id: f1\n    situation: In the review\n    feedforward: [Try x.]\n`);
  });

  it('appends to a flow list whose bracket closes on its own line, or after a trailing comma', () => {
    for (const agenda of ['[\n      Q1?,\n      Q2?\n    ]', '[Q1?, Q2?, ]']) {
      const text = `schemaVersion: 1\nsessions:\n  - id: s1\n    date: 2026-01-01\n    agenda: ${agenda}\n`;
      const after = apply(text, addAgendaQuestion(text, 's1', 'Why now?'));
      assert.deepEqual(planOf(after).sessions![0].agenda, ['Q1?', 'Q2?', 'Why now?']);
    }
  });

  it('keeps a comment after an empty list on the key line, out of the new values', () => {
    const text = `${FEEDBACK_HEAD.replace('feedback:\n', 'feedback: []  # none yet\n')}`;
    const after = apply(text, addFeedback(text, { id: 'f', date: '2026-01-01', from: 'mentor', situation: 'a\nb', feedforward: ['Next time, try x.'] }));
    assert.equal(planOf(after).feedback![0].situation, 'a\nb');
    assert.match(after, /^feedback: {2}# none yet$/m);
  });

  it('writes multi-line strings in flow lists quoted', () => {
    const text = `${FEEDBACK_HEAD}  - id: f1\n    date: 2026-01-01\n    from: mentor\n    feedforward: [A?]\n`;
    const entry = planOf(text).feedback![0];
    const after = apply(text, updateFeedback(text, 'f1', { ...entry, feedforward: ['A?\nB'] }));
    assert.deepEqual(planOf(after).feedback![0].feedforward, ['A?\nB']);
  });

  it('removing the first field of an entry keeps its dash', () => {
    const text = `${FEEDBACK_HEAD}  - situation: old\n    id: f1\n    date: 2026-01-01\n    from: mentor\n    feedforward: [A?]\n`;
    const rest = { ...planOf(text).feedback![0] };
    delete rest.situation;
    const after = apply(text, updateFeedback(text, 'f1', rest));
    assert.deepEqual(planOf(after).feedback, [rest]);
    assert.deepEqual(lineDiff(text, after), { removed: ['  - situation: old', '    id: f1'], added: ['  - id: f1'] });
  });

  it('refuses to change an anchored value that aliases repeat', () => {
    const text = 'schemaVersion: 1\ngoals:\n  - id: a\n    title: A\n    status: &s active\n  - id: b\n    title: B\n    status: *s\n';
    const result = setGoalStatus(text, 'a', 'achieved');
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.message, /anchor \(&s\)/);
  });

  it('refuses to edit by an id that two entries share', () => {
    const text = 'schemaVersion: 1\ngoals:\n  - id: a\n    title: A\n    status: active\n  - id: a\n    title: B\n    status: active\n';
    const result = setGoalStatus(text, 'a', 'achieved');
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.message, /More than one entry in goals has the id "a"/);
  });
});

describe('edit engine: issue 9 defects', () => {
  it('adds a session to a flow list spread over lines as one new line, keeping layout, quoting and comments (defect 1)', () => {
    const text = "schemaVersion: 1\nsessions: [\n  {id: s1, date: 2026-01-01, type: 'checkin'},  # first\n  # between\n  {id: s2, date: \"2026-01-15\"}  # second\n]\n";
    const after = apply(text, addSession(text, { id: 's3', date: '2026-02-01' }));
    assert.equal(after, "schemaVersion: 1\nsessions: [\n  {id: s1, date: 2026-01-01, type: 'checkin'},  # first\n  # between\n  {id: s2, date: \"2026-01-15\"},  # second\n  {id: s3, date: 2026-02-01}\n]\n");
  });

  it('carries actions forward into a flow list without rewriting it (defect 1)', () => {
    const text = "schemaVersion: 1\nsessions:\n  - id: s1\n    date: 2026-01-01\n    actions: [{text: Open one, done: false}]\n  - id: s2\n    date: 2026-01-15\n    actions: [\n      {text: 'Kept', done: true},  # from the kickoff\n    ]\n";
    const after = apply(text, carryForwardActions(text, 's1', 's2'));
    assert.equal(after, text.replace("{text: 'Kept', done: true},  # from the kickoff\n", "{text: 'Kept', done: true},  # from the kickoff\n      {text: Open one, done: false},\n"));
  });

  it('updateFeedback adds one feedforward item without touching the others or their comments (defect 2)', () => {
    const text = "schemaVersion: 1\nfeedback:\n  - id: f1\n    date: 2026-01-01\n    from: mentor\n    feedforward:\n      - Keep asking about intent  # mentor's favourite\n      - 'Try a test first'\n";
    const entry = planOf(text).feedback![0];
    const added = apply(text, updateFeedback(text, 'f1', { ...entry, feedforward: [...entry.feedforward, 'Pair on the next one'] }));
    assert.equal(added, `${text}      - Pair on the next one\n`);
    const removed = apply(text, updateFeedback(text, 'f1', { ...entry, feedforward: ['Keep asking about intent'] }));
    assert.equal(removed, text.replace("      - 'Try a test first'\n", ''));
    const changed = apply(text, updateFeedback(text, 'f1', { ...entry, feedforward: ['Keep asking about intent', 'Try a failing test first'] }));
    assert.equal(changed, text.replace("'Try a test first'", "'Try a failing test first'"));
  });

  it("adds a session after the last session's own trailing comment (defect 3)", () => {
    const text = 'schemaVersion: 1\nsessions:\n  - id: s1\n    date: 2026-01-01\n    # trailing comment in s1\n\n# about feedback\nfeedback: []\n';
    const after = apply(text, addSession(text, { id: 's2', date: '2026-01-15' }));
    assert.equal(after, 'schemaVersion: 1\nsessions:\n  - id: s1\n    date: 2026-01-01\n    # trailing comment in s1\n  - id: s2\n    date: 2026-01-15\n\n# about feedback\nfeedback: []\n');
  });

  it('refuses, and changes nothing, to edit inside an anchored list that an alias repeats (defect 4)', () => {
    const text = 'schemaVersion: 1\nsessions: &all\n  - id: s1\n    date: 2026-01-01\n    actions:\n      - text: A\n        done: false\narchive: *all\n';
    for (const result of [addSession(text, { id: 's2', date: '2026-01-15' }), setActionDone(text, 's1', 0, true), addAgendaQuestion(text, 's1', 'Why?')]) {
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.message, /&all/);
    }
    // An anchor no alias uses ties nothing together: editing under it is safe.
    const unused = text.replace('archive: *all\n', '');
    assert.equal(apply(unused, addAgendaQuestion(unused, 's1', 'Why?')).includes('agenda:'), true);
  });
});

describe('edit engine: cases found by the generated tests (edits-property.test.ts)', () => {
  const HEAD = 'schemaVersion: 1\n';
  const feedbackOf = (text: string) => planOf(text).feedback![0];

  it('adds the first item to an empty flow list in updateFeedback without crashing', () => {
    const text = `${HEAD}feedback:\n  - id: f1\n    date: 2026-01-01\n    from: mentor\n    feedforward: []  # none yet\n`;
    const after = apply(text, updateFeedback(text, 'f1', { ...feedbackOf(text), feedforward: ['Try it'] }));
    assert.equal(after, text.replace('feedforward: []  # none yet\n', 'feedforward:  # none yet\n      - Try it\n'));
  });

  it('writes a list added to a flow-style entry in flow style', () => {
    const text = `${HEAD}sessions: [{id: s1, date: 2026-01-01, actions: null}, {id: s2, date: 2026-01-02, agenda: []}]\n`;
    const withAction = apply(text, addAction(text, 's1', { text: 'A' }));
    assert.equal(withAction, text.replace('actions: null', 'actions: [{text: A}]'));
    const withQuestion = apply(text, addAgendaQuestion(text, 's2', 'Why?'));
    assert.equal(withQuestion, text.replace('agenda: []', 'agenda: [Why?]'));
  });

  it('adds a top-level key at column 0 in a file that starts with a byte order mark', () => {
    const text = `\uFEFF${HEAD}mentorship:\n  cadence: weekly\n`;
    assert.equal(apply(text, addGoal(text, { id: 'g', title: 'G', status: 'proposed' })), `${text}goals:\n  - id: g\n    title: G\n    status: proposed\n`);
  });

  it('adds a key to an entry after its last block list and that list’s comments, not into the next entry', () => {
    const text = `${HEAD}sessions:\n  - id: s0\n    actions:\n      - text: A\n        # about A\n    # end of s0\n  - id: s1\n`;
    const after = apply(text, addAgendaQuestion(text, 's0', 'Why?'));
    assert.equal(after, text.replace('    # end of s0\n', '    # end of s0\n    agenda:\n      - Why?\n'));
  });

  it('removes a field of a flow-style entry instead of refusing', () => {
    const text = `${HEAD}feedback: [{id: f1, date: 2026-01-01, from: mentor, behavior: asked, feedforward: [A]}]\n`;
    const rest = { ...feedbackOf(text) };
    delete rest.behavior;
    assert.equal(apply(text, updateFeedback(text, 'f1', rest)), text.replace(' behavior: asked,', ''));
  });

  it('adds a key inside an empty flow mapping nested in another', () => {
    const text = `${HEAD}sessions: [{id: s1, date: 2026-01-01, health: {}}]\n`;
    assert.equal(apply(text, setValue(text, ['sessions', 0, 'health', 'mentor'], 4)), text.replace('health: {}', 'health: {mentor: 4}'));
  });

  it('writes a flow-style value on the key’s line when lists are not indented', () => {
    const text = `${HEAD}sessions:\n- id: s1\n  agenda:\n  id2: x\n`;
    const after = apply(text, addAgendaQuestion(text, 's1', 'true'));
    assert.deepEqual(planOf(after).sessions![0].agenda, ['true']);
    assert.equal(after, text.replace('agenda:\n', 'agenda: ["true"]\n'));
  });

  it('quotes strings with flow indicators inside flow lists', () => {
    const text = `${HEAD}sessions:\n  - id: s1\n    date: 2026-01-01\n    agenda: [Q1?]\n`;
    for (const question of ['a{b}c', 'x, y', '[z]', 'k: v']) {
      const after = apply(text, addAgendaQuestion(text, 's1', question));
      assert.deepEqual(planOf(after).sessions![0].agenda, ['Q1?', question]);
    }
  });

  it('inserts several items into a flow list with one comma each (updateFeedback and carry forward)', () => {
    const text = `${HEAD}feedback:\n  - id: f1\n    date: 2026-01-01\n    from: mentor\n    feedforward: [\n      B  # kept\n    ]\n`;
    const after = apply(text, updateFeedback(text, 'f1', { ...feedbackOf(text), feedforward: ['A', 'C', 'D'] }));
    assert.deepEqual(feedbackOf(after).feedforward, ['A', 'C', 'D']);
    const sessions = `${HEAD}sessions:\n  - id: s1\n    date: 2026-01-01\n    actions: [{text: A}, {text: B}]\n  - id: s2\n    date: 2026-01-02\n    actions: [\n      {text: C}  # kept\n    ]\n`;
    const carried = apply(sessions, carryForwardActions(sessions, 's1', 's2'));
    assert.equal(carried, sessions.replace('{text: C}  # kept\n', '{text: C},  # kept\n      {text: A},\n      {text: B}\n'));
  });

  it('empties a list that is not indented by writing [] on its key’s line', () => {
    const text = `${HEAD}feedback:\n- id: f1\n  date: 2026-01-01\n  from: mentor\n  feedforward:  # none kept\n  - Old\n`;
    const after = apply(text, updateFeedback(text, 'f1', { ...feedbackOf(text), feedforward: [] }));
    assert.equal(after, text.replace('feedforward:  # none kept\n  - Old\n', 'feedforward: []  # none kept\n'));
  });

  it('records a check-in into an empty flow mapping as one valid value', () => {
    const text = `${HEAD}sessions:\n  - id: s1\n    date: 2026-01-01\n    health: {}  # none yet\n`;
    const after = apply(text, recordHealth(text, 's1', { mentor: 4, note: 'Calmer' }));
    assert.deepEqual(parsePlan(after).syntaxIssues, []);
    assert.deepEqual(planOf(after).sessions?.[0]?.health, { mentor: 4, note: 'Calmer' });
    assert.match(after, /# none yet/);
  });

  it('refuses to remove an entry holding an anchor that an alias repeats, and removes one holding only the alias', () => {
    const text = `${HEAD}feedback:\n- id: f0\n  date: &d 2026-01-01\n- id: f1\n  date: *d\n`;
    const anchored = editPlan(text, (editor) => editor.removeEntry(['feedback', 0]));
    assert.ok(!anchored.ok && /&d/.test(anchored.message), 'refused, naming the anchor');
    assert.equal(apply(text, editPlan(text, (editor) => editor.removeEntry(['feedback', 1]))), `${HEAD}feedback:\n- id: f0\n  date: &d 2026-01-01\n`);
  });

  it('keeps a flow item and its anchor together when removing or inserting before it', () => {
    const text = `${HEAD}feedback: [{id: f0}, &e1 {id: f1}]\narchive: [*e1]\n`;
    assert.equal(apply(text, editPlan(text, (editor) => editor.removeEntry(['feedback', 0]))), `${HEAD}feedback: [&e1 {id: f1}]\narchive: [*e1]\n`);
    assert.equal(apply(text, editPlan(text, (editor) => editor.insertEntries(['feedback'], 1, [{ value: { id: 'new' } }]))), `${HEAD}feedback: [{id: f0}, {id: new}, &e1 {id: f1}]\narchive: [*e1]\n`);
  });
});
