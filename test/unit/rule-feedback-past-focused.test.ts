import * as assert from 'node:assert/strict';
import { checkPlan } from '../../src/core/check';
import type { PlanIssue } from '../../src/core/issues';
import { feedbackPastFocused } from '../../src/core/rules/feedback-past-focused';

const HEAD = `schemaVersion: 1
mentorship:
  mentor:
    name: Alex
  protege:
    name: Sam
  started: 2026-01-05
  cadence: weekly
  agreement:
    roles:
      mentor: [Ask questions]
      protege: [Bring the goals]
    confidentiality: Between us.
feedback:
  - id: demo
    date: 2026-01-06
    from: mentor
    feedforward:
`;

function issuesFor(feedforwardLines: string, eol = '\n'): { issues: PlanIssue[]; lines: string[] } {
  const text = (HEAD + feedforwardLines).replace(/\n/g, eol);
  const issues = checkPlan(text, { today: '2026-02-01', rules: [feedbackPastFocused] }).issues.filter((i) => i.code === 'feedback-past-focused');
  return { issues, lines: text.split(/\r?\n/) };
}

/** The source text an issue's range covers (single-line ranges only). */
function covered(lines: string[], issue: PlanIssue): string {
  assert.equal(issue.range.start.line, issue.range.end.line);
  return lines[issue.range.start.line].slice(issue.range.start.character, issue.range.end.character);
}

describe('rule feedback-past-focused', () => {
  it('narrows to the exact words in a plain one-line scalar', () => {
    const { issues, lines } = issuesFor('      - You should have tested it, and you never ask for help.\n');
    assert.deepEqual(
      issues.map((i) => covered(lines, i)),
      ['You should have tested', 'you never ask'],
    );
    assert.ok(issues.every((i) => i.severity === 'warning'));
    assert.deepEqual(issues[0].data?.path, ['feedback', 0, 'feedforward', 0]);
    assert.match(issues[0].message, /past-dwelling.*Try: "Next time, you could test"/);
  });

  it('narrows on CRLF files and after emoji, in UTF-16 columns', () => {
    const { issues, lines } = issuesFor('      - Great demo 🎉 but you didn\'t share the metrics.\n', '\r\n');
    assert.equal(issues.length, 1);
    assert.equal(covered(lines, issues[0]), "you didn't");
  });

  it('reports the whole value of a quoted scalar', () => {
    const { issues, lines } = issuesFor('      - "You are careless with \\"release\\" notes."\n      - \'You are lazy.\'\n');
    assert.equal(issues.length, 2);
    assert.equal(covered(lines, issues[0]), '"You are careless with \\"release\\" notes."');
    assert.equal(covered(lines, issues[1]), "'You are lazy.'");
  });

  it('reports the whole value of a folded or block scalar', () => {
    const { issues } = issuesFor('      - >-\n        Last time you forgot\n        to update the changelog.\n      - |\n        That was a big mistake.\n');
    // Lines 18-20 hold the folded scalar from its ">-" indicator; 21-22 the literal one.
    assert.deepEqual(
      issues.map((i) => i.range),
      [
        { start: { line: 18, character: 8 }, end: { line: 20, character: 32 } },
        { start: { line: 21, character: 8 }, end: { line: 22, character: 31 } },
      ],
    );
  });

  it('is silent on future-focused feedforward and on odd shapes', () => {
    const { issues } = issuesFor('      - Next time, try opening with the user story.\n      - What would help you feel ready?\n      - 42\n      - ""\n      - [nested]\n');
    assert.deepEqual(issues, []);
    const noFeedforward = checkPlan(HEAD.replace('    feedforward:\n', '    feedforward: nope\n'), { today: '2026-02-01', rules: [feedbackPastFocused] }).issues;
    assert.deepEqual(noFeedforward.filter((i) => i.code === 'feedback-past-focused'), []);
  });
});
