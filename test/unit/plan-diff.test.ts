// The semantic diff: pairs of plans (the example, and the example with one kind of edit) and the
// changes reported, in order and wording; comments, formatting and reordering report nothing.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { CHANGE_KINDS, diffPlans, NO_CHANGE, renderDiffMarkdown, renderDiffText } from '../../src/core/plan-diff';
import type { PlanChange } from '../../src/core/plan-diff';

const EXAMPLE = readFileSync(join(__dirname, '../../../examples/alex-and-sam.mentoring.yaml'), 'utf8');

/** The example with each `[from, to]` replacement applied; each `from` must occur exactly once, so a stale fixture fails loudly. */
function edited(...replacements: [string, string][]): string {
  let text = EXAMPLE;
  for (const [from, to] of replacements) {
    assert.equal(text.split(from).length, 2, `exactly one occurrence of ${JSON.stringify(from)}`);
    text = text.replace(from, () => to);
  }
  return text;
}

function changes(oldText: string | undefined, newText: string | undefined): PlanChange[] {
  const result = diffPlans(oldText, newText);
  assert.ok(result.ok, JSON.stringify(result));
  return result.changes;
}

function lines(oldText: string, newText: string): string[] {
  return renderDiffText(changes(oldText, newText)).trimEnd().split('\n');
}

const OPEN_ACTION = `      - text: Book the design review with the platform team
        owner: protege
        due: 2026-11-30
        done: false`;

describe('plan diff: no change in substance', () => {
  it('the same text, and an empty old and new side, report no change', () => {
    assert.deepEqual(changes(EXAMPLE, EXAMPLE), []);
    assert.deepEqual(changes('', ''), []);
    assert.equal(renderDiffText([]), `${NO_CHANGE}\n`);
    assert.equal(renderDiffMarkdown([]), `${NO_CHANGE}\n`);
  });

  it('comment-only changes: added, edited and removed comments', () => {
    const commented = edited(
      ['# Reviewed in pull requests: both approve changes to the agreement.\n', ''],
      ['# Mentoring plan for Sam', '# The mentoring plan for Sam'],
      ['  - id: kickoff\n', '  # where it all began\n  - id: kickoff # first meeting\n'],
    );
    assert.deepEqual(changes(EXAMPLE, commented), []);
  });

  it('formatting-only changes: flow vs block lists, quoting, folded vs plain text, CRLF', () => {
    const reformatted = edited(
      ['    goals: [system-design, code-review-voice]', '    goals:\n      - system-design\n      - "code-review-voice"'],
      ['    title: Lead the design of a cross-team service', "    title: 'Lead the design of a cross-team service'"],
      [
        '    confidentiality: >-\n      What we discuss stays between us. Exceptions: anything about safety or legal\n      obligations. Private notes live outside this repository.',
        '    confidentiality: "What we discuss stays between us. Exceptions: anything about safety or legal obligations. Private notes live outside this repository."',
      ],
    ).replace(/\n/g, '\r\n');
    assert.deepEqual(changes(EXAMPLE, reformatted), []);
  });

  it('moved entries are no change: reordered goals, sessions and keys', () => {
    const plan = parse(EXAMPLE) as { goals: unknown[]; sessions: unknown[] };
    plan.goals.reverse();
    plan.sessions.reverse();
    const reordered = stringify({ feedback: (plan as Record<string, unknown>).feedback, ...plan });
    assert.deepEqual(changes(EXAMPLE, reordered), []);
  });

  it('any permutation of the entry lists, re-serialized, reports no change (fast-check)', () => {
    const plan = parse(EXAMPLE) as Record<string, unknown[]>;
    const permutation = (list: unknown[]) => fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length });
    fc.assert(
      fc.property(permutation(plan.goals!), permutation(plan.sessions!), fc.boolean(), (goals, sessions, flow) => {
        const text = stringify({ ...plan, goals, sessions }, { collectionStyle: flow ? 'flow' : 'block' });
        assert.deepEqual(changes(EXAMPLE, text), []);
        assert.deepEqual(changes(text, EXAMPLE), []);
      }),
      { seed: 12, numRuns: 60 },
    );
  });
});

describe('plan diff: goals', () => {
  it('added, removed, renamed (title changed, same id), status changed, target moved, other fields edited', () => {
    const newer = edited(
      ['  - id: code-review-voice\n    title: Give code reviews that teach', '  - id: code-review-voice\n    title: Give code reviews that teach juniors'],
      ['    status: active\n    target: 2026-12-20', '    status: achieved\n    target: 2027-01-10'],
      ['    why: Senior engineers shape', '    why: Staff engineers shape'],
    ).concat('');
    assert.deepEqual(lines(EXAMPLE, newer), [
      '- goal system-design edited: why',
      '- goal code-review-voice renamed: "Give code reviews that teach" → "Give code reviews that teach juniors"',
      '- goal code-review-voice status: active → achieved',
      '- goal code-review-voice target moved: 2026-12-20 → 2027-01-10',
    ]);
  });

  it('a new id is a removed goal and an added one, not a rename', () => {
    const newer = edited(['  - id: code-review-voice\n', '  - id: review-voice\n'], ['goal: code-review-voice\n', 'goal: review-voice\n'], ['goals: [code-review-voice]', 'goals: [review-voice]'], ['goals: [system-design, code-review-voice]', 'goals: [system-design, review-voice]']);
    const found = changes(EXAMPLE, newer);
    assert.deepEqual(
      found.filter((change) => change.kind.startsWith('goal-')),
      [
        { kind: 'goal-added', id: 'review-voice', title: 'Give code reviews that teach', status: 'active' },
        { kind: 'goal-removed', id: 'code-review-voice', title: 'Give code reviews that teach' },
      ],
    );
    assert.ok(!found.some((change) => change.kind === 'goal-renamed'));
  });

  it('a goal added at the top, with its milestones', () => {
    const newer = edited(['goals:\n', 'goals:\n  - id: lead-incident\n    title: Lead an incident review\n    status: proposed\n    milestones:\n      - text: Shadow one review\n        done: true\n      - text: Lead one\n\n']);
    assert.deepEqual(lines(EXAMPLE, newer), ['- goal lead-incident added: "Lead an incident review" (proposed)', '- goal lead-incident: milestone done: "Shadow one review"', '- goal lead-incident: milestone added: "Lead one"']);
  });

  it('milestones: done, reopened, added, removed (matched by text)', () => {
    const newer = edited(
      ['      - text: Run a design review with the platform team\n        done: false', '      - text: Run a design review with the platform team\n        done: true\n      - text: Present it at the architecture forum'],
      ['      - text: Write a one-page problem statement\n        done: true\n', ''],
      ['      - text: Review ten pull requests outside my area\n        done: true', '      - text: Review ten pull requests outside my area\n        done: false'],
    );
    assert.deepEqual(lines(EXAMPLE, newer), [
      '- goal system-design: milestone done: "Run a design review with the platform team"',
      '- goal system-design: milestone added: "Present it at the architecture forum"',
      '- goal system-design: milestone removed: "Write a one-page problem statement"',
      '- goal code-review-voice: milestone reopened: "Review ten pull requests outside my area"',
    ]);
  });
});

describe('plan diff: sessions, actions, health', () => {
  it('a session added with its type, date, actions and health (trend against the previous rated session)', () => {
    const newer = `${EXAMPLE.replace(/\nfeedback:\n[\s\S]*$/, '\n')}  - id: checkin-2026-12-14
    date: 2026-12-14
    type: checkin
    actions:
      - text: Send the design document to the two teams
        owner: protege
        due: 2026-12-21
    health:
      mentor: 5
      protege: 5
      note: a good one
${EXAMPLE.slice(EXAMPLE.indexOf('\nfeedback:\n') + 1)}`;
    assert.deepEqual(lines(EXAMPLE, newer), [
      '- session checkin-2026-12-14 added: checkin on 2026-12-14',
      '- session checkin-2026-12-14: action added: "Send the design document to the two teams" (protege, due 2026-12-21)',
      '- session checkin-2026-12-14: health recorded: mentor 5 (up from 4), protégé 5 (same as 5)',
    ]);
  });

  it('health recorded where the previous rated session is earlier by date, not by file order; a first record has no trend', () => {
    const newer = edited(['      - What two suggestions for your next reviews would you like from me?\n', '      - What two suggestions for your next reviews would you like from me?\n    health:\n      mentor: 3\n      protege: 5\n']);
    assert.deepEqual(lines(EXAMPLE, newer), ['- session feedback-2026-11-30: health recorded: mentor 3 (down from 4), protégé 5 (same as 5)']);
    const onlyOne = changes('', 'sessions:\n  - id: a\n    date: 2026-01-05\n    health:\n      mentor: 4\n');
    assert.deepEqual(onlyOne[1], { kind: 'health-recorded', session: 'a', date: '2026-01-05', scores: { mentor: { score: 4 } } });
  });

  it('health scores changed compare with the old scores', () => {
    const newer = edited(['    health:\n      mentor: 4\n      protege: 5', '    health:\n      mentor: 4\n      protege: 3']);
    assert.deepEqual(lines(EXAMPLE, newer), ['- session checkin-2026-11-16: health changed: mentor 4 (same as 4), protégé 3 (down from 5)']);
  });

  it('a session removed, rescheduled and edited', () => {
    const newer = edited(
      ['  - id: feedback-2026-11-30\n    date: 2026-11-30\n    type: feedback\n    goals: [code-review-voice]\n    agenda:\n      - Which review comment of yours this month are you proudest of, and why?\n      - What two suggestions for your next reviews would you like from me?\n', ''],
      ['    date: 2026-11-16\n    type: checkin', '    date: 2026-11-17\n    type: checkin'],
      ['    notes: Sam will ask', '    notes: Sam asks'],
    );
    assert.deepEqual(lines(EXAMPLE, newer), ['- session checkin-2026-11-16 moved: 2026-11-16 → 2026-11-17', '- session checkin-2026-11-16 edited: notes', '- session feedback-2026-11-30 removed: feedback on 2026-11-30']);
  });

  it('actions: completed, reassigned, re-dated, reopened, removed, added already done', () => {
    const newer = edited(
      [OPEN_ACTION, '      - text: Book the design review with the platform team\n        owner: both\n        due: 2026-12-04\n        done: true'],
      ['      - text: Introduce Sam to the notification team\'s tech lead\n        owner: mentor\n        due: 2026-11-23\n        done: true', '      - text: Introduce Sam to the notification team\'s tech lead\n        owner: mentor\n        due: 2026-11-23'],
      ['      - text: Draft the two goals with success criteria\n        owner: protege\n        due: 2026-09-14\n        done: true', '      - text: Agree how we give feedback\n        done: true'],
    );
    assert.deepEqual(lines(EXAMPLE, newer), [
      '- session kickoff: action added: "Agree how we give feedback" (already done)',
      '- session kickoff: action removed: "Draft the two goals with success criteria"',
      '- session checkin-2026-11-16: action completed: "Book the design review with the platform team"',
      '- session checkin-2026-11-16: action reassigned: "Book the design review with the platform team", protege → both',
      '- session checkin-2026-11-16: action redated: "Book the design review with the platform team", 2026-11-30 → 2026-12-04',
      '- session checkin-2026-11-16: action reopened: "Introduce Sam to the notification team\'s tech lead"',
    ]);
  });
});

describe('plan diff: feedback, the agreement, the mentorship', () => {
  it('feedback added, edited and removed', () => {
    const added = `${EXAMPLE}\n  - id: design-doc\n    date: 2026-11-30\n    from: protege\n    goal: system-design\n    feedforward:\n      - Keep asking who the reader is.\n`;
    assert.deepEqual(lines(EXAMPLE, added), ['- feedback design-doc added: from the protege on 2026-11-30, about goal system-design']);
    const editedFeedback = edited(['      - Keep opening reviews with a question', '      - Keep starting reviews with a question'], ['    impact: The author found', '    impact: The author spotted']);
    assert.deepEqual(lines(EXAMPLE, editedFeedback), ['- feedback review-tone edited: impact, feedforward']);
    assert.deepEqual(lines(added, EXAMPLE), ['- feedback design-doc removed: from the protege on 2026-11-30']);
  });

  it('an agreement written as plain text is compared too: a changed sentence is an agreement change', () => {
    const before = 'schemaVersion: 1\nmentorship:\n  agreement: We meet weekly.\n';
    const result = diffPlans(before, before.replace('weekly', 'monthly'));
    assert.ok(result.ok);
    assert.equal(result.agreementChanged, true);
    assert.notDeepEqual(result.changes, []);
  });

  it('agreement changes come first, with a headline, even when other changes precede them in the file', () => {
    const newer = edited(
      ['        - Share my own mistakes and what I learned from them\n', '        - Share my mistakes and what I learned\n        - Introduce Sam to people worth knowing\n'],
      ['legal\n      obligations.', 'legal\n      obligations, or when Sam agrees to share.'],
      ['    status: active\n    target: 2027-02-15', '    status: at-risk\n    target: 2027-02-15'],
    );
    const text = lines(EXAMPLE, newer);
    assert.deepEqual(text, [
      "The agreement changed: the mentor's role, confidentiality. Both of you approve agreement changes.",
      '- agreement the mentor\'s role: added "Share my mistakes and what I learned"; added "Introduce Sam to people worth knowing"; removed "Share my own mistakes and what I learned from them"',
      '- agreement confidentiality: "What we discuss stays between us. Exceptions: anything about safety or legal obligations. Private notes live outside this repository." → "What we discuss stays between us. Exceptions: anything about safety or legal obligations, or when Sam agrees to share. Private notes live outside this repository."',
      '- goal system-design status: active → at-risk',
    ]);
    const result = diffPlans(EXAMPLE, newer);
    assert.ok(result.ok && result.agreementChanged);
    const withoutAgreement = diffPlans(EXAMPLE, edited(['    status: active\n    target: 2027-02-15', '    status: at-risk\n    target: 2027-02-15']));
    assert.ok(withoutAgreement.ok && !withoutAgreement.agreementChanged);
  });

  it('an agreement field added, and a reordered role list, are agreement changes', () => {
    const withoutEnd = edited(['    endWhen: Both goals are met, at the expected end date, or when either of us asks for a no-fault conclusion.\n', '']);
    assert.deepEqual(lines(withoutEnd, EXAMPLE), ['The agreement changed: endWhen. Both of you approve agreement changes.', '- agreement endWhen: none → "Both goals are met, at the expected end date, or when either of us asks for a no-fault conclusion."']);
    const reordered = edited(['        - Come to each session prepared with questions, not answers\n', ''], ['        - Give candid feedback focused on what comes next\n', '        - Give candid feedback focused on what comes next\n        - Come to each session prepared with questions, not answers\n']);
    assert.deepEqual(lines(EXAMPLE, reordered).slice(1), ["- agreement the mentor's role: reordered"]);
  });

  it('mentorship fields, nested ones by their path', () => {
    const newer = edited(['  cadence: biweekly', '  cadence: weekly'], ['    github: samchen', '    github: sam-chen']);
    assert.deepEqual(lines(EXAMPLE, newer), ['- mentorship protege.github: samchen → sam-chen', '- mentorship cadence: biweekly → weekly']);
  });

  it('what no id reaches is still reported: an entry without an id, an unknown top-level key', () => {
    const newer = `${EXAMPLE.replace('schemaVersion: 1', 'schemaVersion: 2')}  - date: 2026-12-01\n    from: mentor\n    feedforward: [x]\n`;
    assert.deepEqual(changes(EXAMPLE, newer), [
      { kind: 'other-changed', field: 'schemaVersion' },
      { kind: 'other-changed', field: 'feedback' },
    ]);
  });
});

describe('plan diff: what the named kinds cannot say is still reported', () => {
  it('health removed, an action that is not a mapping, an unknown action key, a milestone written as a string', () => {
    const newer = edited(
      ['    health:\n      mentor: 4\n      protege: 5\n', ''],
      ['        due: 2026-09-14\n        done: true', '        due: 2026-09-14\n        done: true\n      - Just a string'],
      ['        owner: mentor\n        due: 2026-11-23', '        owner: mentor\n        estimate: 2h\n        due: 2026-11-23'],
      ['      - text: Review ten pull requests outside my area\n        done: true', '      - Review ten pull requests outside my area'],
    );
    assert.deepEqual(lines(EXAMPLE, newer), [
      '- goal code-review-voice edited: milestones',
      '- goal code-review-voice: milestone removed: "Review ten pull requests outside my area"',
      '- session kickoff edited: actions',
      '- session checkin-2026-11-16 edited: actions, health',
    ]);
  });

  it('reordered actions and milestones, and reordered keys inside them, are no change', () => {
    const newer = edited(
      [
        "      - text: Book the design review with the platform team\n        owner: protege\n        due: 2026-11-30\n        done: false\n      - text: Introduce Sam to the notification team's tech lead\n        owner: mentor\n        due: 2026-11-23\n        done: true",
        "      - text: Introduce Sam to the notification team's tech lead\n        done: true\n        owner: mentor\n        due: 2026-11-23\n      - text: Book the design review with the platform team\n        owner: protege\n        due: 2026-11-30\n        done: false",
      ],
      ['      - text: Write a one-page problem statement\n        done: true\n      - text: Run a design review with the platform team\n        done: false', '      - done: false\n        text: Run a design review with the platform team\n      - text: Write a one-page problem statement\n        done: true'],
    );
    assert.deepEqual(changes(EXAMPLE, newer), []);
  });
});

describe('plan diff: unreadable sides and rendering', () => {
  it('a side with a YAML error gives that side and the position, and nothing is compared', () => {
    const broken = edited(['    title: Give code reviews that teach', '    title: [Give code reviews that teach']);
    const result = diffPlans(EXAMPLE, broken);
    assert.ok(!result.ok);
    assert.equal(result.errors.length, 1);
    assert.equal(result.errors[0]!.side, 'new');
    assert.ok(result.errors[0]!.line >= 52 && result.errors[0]!.line <= 54, JSON.stringify(result.errors));
    const both = diffPlans('a: [', '- just a list');
    assert.deepEqual(
      !both.ok && both.errors.map(({ side, line }) => [side, line]),
      [
        ['old', 1],
        ['new', 1],
      ],
    );
  });

  it('hostile sides are refused with a position, never a crash: binary data, deep nesting, an alias bomb, too much structure', () => {
    // Billion laughs: each level repeats the one before nine times.
    const bomb = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    const cases: [string, RegExp, number][] = [
      [`${EXAMPLE}\n\u0000\u0001`, /control character U\+0000/, EXAMPLE.split('\n').length + 1],
      [`${'['.repeat(100)}\n`, /Nesting is deeper/, 1],
      [bomb, /expands aliases/, 2],
      [`${'a: 1\n'.repeat(80_000)}`, /more than a plan can be checked at quickly/, 1],
    ];
    for (const [text, message, line] of cases) {
      const result = diffPlans(EXAMPLE, text);
      assert.ok(!result.ok, message.source);
      assert.equal(result.errors[0]!.side, 'new');
      assert.match(result.errors[0]!.message, message);
      assert.equal(result.errors[0]!.line, line, message.source);
    }
  });

  it('a missing side (a file added or deleted) compares with an empty plan', () => {
    const added = changes(undefined, EXAMPLE);
    assert.equal(added[0]!.kind, 'agreement-changed');
    assert.ok(added.some((change) => change.kind === 'goal-added' && change.id === 'system-design'));
    assert.deepEqual(
      added.filter((change) => change.kind === 'other-changed'),
      [{ kind: 'other-changed', field: 'schemaVersion' }],
      'a missing list is the same as an empty one',
    );
    const deleted = changes(EXAMPLE, undefined);
    assert.ok(deleted.some((change) => change.kind === 'session-removed' && change.id === 'kickoff'));
  });

  it('Markdown escapes plan text as text and puts ids in code spans', () => {
    const hostile = edited(['    title: Give code reviews that teach', '    title: "**bold** <img src=x onerror=alert(1)> [link](http://x) | cell"'], ['  - id: code-review-voice\n', '  - id: "code`review"\n']);
    const markdown = renderDiffMarkdown(changes(EXAMPLE, hostile));
    assert.match(markdown, /- goal `code'review` added: “\\\*\\\*bold\\\*\\\* \\<img src=x onerror=alert\(1\)\\> \\\[link\\\]\(http:\/\/x\) \\\| cell” \(active\)/);
    assert.doesNotMatch(markdown, /[^\\]<img/, 'no unescaped HTML');
  });

  it('text output keeps each change on one line, even with line breaks in plan text', () => {
    const newer = edited(['    title: Give code reviews that teach', '    title: "Give code reviews\\nthat teach"']);
    assert.deepEqual(lines(EXAMPLE, newer), ['- goal code-review-voice renamed: "Give code reviews that teach" → "Give code reviews\\nthat teach"']);
  });
});

describe('plan diff: README', () => {
  it('shows the diff of the example and its later version exactly as the tool prints it', () => {
    const later = readFileSync(join(__dirname, '../../../test/fixtures/diff/alex-and-sam.later.mentoring.yaml'), 'utf8');
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    assert.ok(readme.includes(`\`\`\`text\n${renderDiffText(changes(EXAMPLE, later))}\`\`\``), 'README sample is out of date');
  });

  it('documents every change kind the diff produces in the JSON table', () => {
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('| `kind` | fields |'));
    for (const kind of CHANGE_KINDS) assert.ok(table.includes(`\`${kind}\``), kind);
  });
});
