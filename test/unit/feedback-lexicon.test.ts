// The lexicon side of the feedback analysis (issue 10): judgement slots, word shapes, the
// engineering-neutral list, idioms and sarcasm. Generated cases use fast-check; a failure
// prints the seed and the shrunk counterexample, and `fc.assert(..., { seed })` replays it.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { checkFeedbackCommand } from '../../src/cli/check-feedback';
import type { CliIo } from '../../src/cli/io';
import { EXIT_FINDINGS } from '../../src/cli/io';
import { checkPlan } from '../../src/core/check';
import { analyzeFeedback } from '../../src/core/feedback';
import { feedbackPastFocused } from '../../src/core/rules/feedback-past-focused';

/** The text with the finding's span replaced by its suggestion. */
function applyFix(text: string, f: { start: number; end: number; suggestion?: string }): string {
  return text.slice(0, f.start) + (f.suggestion ?? '') + text.slice(f.end);
}

describe('analyzeFeedback: lexicon slots', () => {
  const cases: [string, string, string, string | undefined][] = [
    ['Your emails sound dismissive.', 'blame-word', 'Your emails sound dismissive', 'Next time, try making your emails curious.'],
    ['You were overly cautious in the review.', 'person-label', 'You were overly cautious', 'Next time, you could be a little less cautious in the review.'],
    ['That proposal was shoddy.', 'blame-word', 'That proposal was shoddy', 'Next time, try making that proposal thorough.'],
    ['Your status updates read as vague.', 'blame-word', 'Your status updates read as vague', 'Next time, try making your status updates specific.'],
    ['The migration script you wrote was unreadable.', 'blame-word', 'The migration script you wrote was unreadable', undefined],
    ['You overengineered the config loader.', 'past-dwelling', 'You overengineered', 'Next time, you could avoid overengineering the config loader.'],
    ['Your plan was ridiculous.', 'blame-word', 'Your plan was ridiculous', undefined],
    ['You threw the team under the bus.', 'blame-word', 'threw the team under the bus', undefined],
    ['The doc was a little rough around the edges.', 'blame-word', 'rough around the edges', undefined],
    ['Great job breaking production again.', 'blame-word', 'Great job breaking production again', undefined],
    ['Your reply to the customer seemed cold.', 'blame-word', 'Your reply to the customer seemed cold', 'Next time, try making your reply to the customer warm.'],
  ];
  for (const [text, code, words, rewritten] of cases) {
    it(`${code}: "${words}"`, () => {
      const findings = analyzeFeedback(text).findings;
      assert.equal(findings.length, 1, JSON.stringify(findings));
      assert.equal(findings[0].code, code);
      assert.equal(text.slice(findings[0].start, findings[0].end), words);
      if (rewritten !== undefined) assert.equal(applyFix(text, findings[0]), rewritten);
    });
  }

  const clean = [
    'The customer was upset about the outage, and you called them within the hour.',
    'The build failed on the ARM runners, so you added a retry.',
    'You killed the runaway process before it filled the disk.',
    'The legacy code is hard to read, so you added comments.',
    'It was a rough week for the on-call team.',
    'You fixed the problem without blaming anyone.',
    'The problem was harder than any of us expected.',
    'You broke the monolith into three services.',
  ];
  for (const text of clean) {
    it(`no findings: "${text}"`, () => assert.deepEqual(analyzeFeedback(text).findings, []));
  }
});

describe('analyzeFeedback: generated sentences', () => {
  const works = ['your summary', 'the design doc', 'that proposal', 'your pull request', 'the release notes you wrote', 'this plan'];
  const links = ['was', 'is', 'felt', 'seemed', 'looked', 'sounded', 'reads as', 'came across as'];
  const hedges = ['', 'a bit ', 'somewhat ', 'really ', 'kind of ', 'honestly '];
  // Judging words from each source: AFINN-165 only (ridiculous, pathetic, inept), the curated list (shoddy,
  // slapdash, clumsy, half-baked), and the un-/in- shape (unreadable, inaccurate).
  const judging = ['ridiculous', 'inept', 'foolish', 'shoddy', 'slapdash', 'clumsy', 'half-baked', 'unreadable', 'inaccurate', 'confusing', 'sloppy'];
  const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

  it('a judging word after a linking verb about the work is one blame-word finding from the subject to the word', () => {
    fc.assert(
      fc.property(fc.constantFrom(...works), fc.constantFrom(...links), fc.constantFrom(...hedges), fc.constantFrom(...judging), (work, link, hedge, word) => {
        const text = `${capital(work)} ${link} ${hedge}${word}.`;
        const findings = analyzeFeedback(text).findings;
        assert.equal(findings.length, 1, `${text} → ${JSON.stringify(findings)}`);
        assert.equal(findings[0].code, 'blame-word', text);
        assert.equal(findings[0].start, 0, text);
        assert.equal(findings[0].end, text.length - 1, text);
      }),
      { numRuns: 300 },
    );
  });

  it('the same words said of the person are a person-label', () => {
    const traits = ['careless', 'clumsy', 'dismissive', 'inept', 'foolish', 'unprofessional', 'condescending'];
    fc.assert(
      fc.property(fc.constantFrom('You were', 'You are', "You're", 'You seemed', 'You came across as', 'You sounded'), fc.constantFrom(...hedges), fc.constantFrom(...traits), (lead, hedge, word) => {
        const text = `${lead} ${hedge}${word} in the meeting.`;
        const findings = analyzeFeedback(text).findings;
        assert.ok(findings.some((f) => f.code === 'person-label' && f.start === 0), `${text} → ${JSON.stringify(findings)}`);
      }),
      { numRuns: 200 },
    );
  });

  it('feelings of other people and engineering events are description, not findings', () => {
    const others = ['The customer', 'The team', 'Our client', 'The VP', 'Everyone'];
    const feelings = ['upset', 'frustrated', 'confused', 'nervous', 'worried', 'disappointed by the delay'];
    const systems = ['The build', 'The nightly job', 'The canary', 'The cache', 'The migration script', 'The health check'];
    const events = ['failed twice', 'crashed under load', 'was killed by the scheduler', 'hit a timeout', 'leaked memory'];
    const actions = ['You killed the process', 'You aborted the deploy', 'You stopped the rollout', 'You blocked the merge', 'You cut the build time'];
    const tails = ['.', ', and you fixed it within the hour.', ', so you added a retry.', ' on Monday.'];
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(fc.constantFrom(...others), fc.constantFrom(...feelings)).map(([who, how]) => `${who} was ${how}`),
          fc.tuple(fc.constantFrom(...systems), fc.constantFrom(...events)).map(([what, event]) => `${what} ${event}`),
          fc.constantFrom(...actions),
        ),
        fc.constantFrom(...tails),
        (clause, tail) => {
          const text = `${clause}${tail}`;
          assert.deepEqual(analyzeFeedback(text).findings, [], text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('every suggestion of a generated finding rewrites it into text without a finding there', () => {
    fc.assert(
      fc.property(fc.constantFrom(...works), fc.constantFrom(...links), fc.constantFrom('shoddy', 'confusing', 'sloppy', 'clumsy', 'vague'), (work, link, word) => {
        const text = `${capital(work)} ${link} ${word}.`;
        const [f] = analyzeFeedback(text).findings;
        assert.ok(f.suggestion !== undefined, text);
        assert.match(f.suggestion, /next time/i);
        const fixed = applyFix(text, f);
        assert.deepEqual(analyzeFeedback(fixed).findings, [], fixed);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the lexicon analysis reaches every caller', () => {
  const PLAN = `schemaVersion: 1
mentorship:
  mentor: { name: Alex }
  protege: { name: Sam }
  started: 2026-01-05
  cadence: weekly
  agreement:
    roles: { mentor: [Ask questions], protege: [Bring the goals] }
    confidentiality: Between us.
feedback:
  - id: demo
    date: 2026-01-06
    from: mentor
    feedforward:
      - Your emails sound dismissive.
`;

  it('the feedback-past-focused rule flags a judgement only the lexicon finds, at its words', () => {
    const issues = checkPlan(PLAN, { today: '2026-02-01', rules: [feedbackPastFocused] }).issues.filter((i) => i.code === 'feedback-past-focused');
    assert.equal(issues.length, 1, JSON.stringify(issues));
    const line = PLAN.split('\n')[issues[0].range.start.line];
    assert.equal(line.slice(issues[0].range.start.character, issues[0].range.end.character), 'Your emails sound dismissive');
    assert.match(issues[0].message, /blame-word/);
  });

  it('check-feedback reports it and exits with the findings code', async () => {
    const out: string[] = [];
    const io = {
      out: (text: string) => out.push(text),
      err: () => undefined,
      readFile: async () => 'That proposal was shoddy.',
      writeFile: async () => {
        throw new Error('must not write');
      },
      readStdin: async () => '',
      readDir: async () => [],
      isDirectory: async () => false,
      exists: async () => true,
      cwd: '/work',
    } as unknown as CliIo;
    assert.equal(await checkFeedbackCommand(['draft.txt'], io), EXIT_FINDINGS);
    assert.match(out[0], /^1:1 blame-word .+ \(suggestion: "Next time, try making that proposal thorough"\)$/);
  });
});
