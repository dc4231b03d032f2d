import * as assert from 'node:assert/strict';
import { analyzeFeedback, analyzeFeedbackUnguarded, baseForm, FEEDBACK_CODES } from '../../src/core/feedback';
import devFixture from '../fixtures/feedback-sentences.json';
import testFixture from '../fixtures/feedback-test-sentences.json';
import independentFixture from '../fixtures/feedback-independent-sentences.json';

interface Labelled {
  text: string;
  flagged: boolean;
  code?: string;
  source: string;
}

/** The development part: the rules are tuned on these. */
const sentences = devFixture.sentences as Labelled[];
/** The test part, written before the lexicon rewrite: only its figures are looked at. */
const testSentences = testFixture.sentences as Labelled[];
/** The independent part: another author, who never saw the rules, wrote it before the rewrite; never tuned on. */
const independentSentences = independentFixture.sentences as Labelled[];

function metrics(set: Labelled[]): { precision: number; recall: number; n: number; codeAgreement: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let codeHits = 0;
  for (const s of set) {
    const findings = analyzeFeedback(s.text).findings;
    const got = findings.length > 0;
    if (got && s.flagged) {
      tp++;
      if (findings.some((f) => f.code === s.code)) codeHits++;
    } else if (got) fp++;
    else if (s.flagged) fn++;
  }
  return { precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn), n: set.length, codeAgreement: tp === 0 ? 1 : codeHits / tp };
}

/** The text with [start, end) replaced by the suggestion. */
function applyFix(text: string, f: { start: number; end: number; suggestion?: string }): string {
  return text.slice(0, f.start) + (f.suggestion ?? '') + text.slice(f.end);
}

describe('analyzeFeedback', () => {
  it('prints precision and recall on the development, test and independent parts', () => {
    const f2 = (x: number): string => x.toFixed(2);
    const line = (name: string, m: ReturnType<typeof metrics>): string =>
      `      feedback analysis, ${name}: precision ${f2(m.precision)} recall ${f2(m.recall)} on ${m.n} sentences (expected code among findings ${f2(m.codeAgreement)})`;
    const dev = metrics(sentences);
    const test = metrics(testSentences);
    console.log(line('development part (tuned on)', dev));
    console.log(line('test part (not tuned on)', test));
    console.log(line('independent part (another author, not tuned on)', metrics(independentSentences)));
    assert.ok(sentences.length + testSentences.length >= 600);
    // Issue 10's targets, asserted on the part the rules were not tuned on only.
    assert.ok(test.precision >= 0.95, `test part precision ${test.precision}`);
    assert.ok(test.recall >= 0.9, `test part recall ${test.recall}`);
  });

  it('uses only the documented codes, in text order, without overlaps', () => {
    for (const s of sentences) {
      let lastEnd = 0;
      for (const f of analyzeFeedback(s.text).findings) {
        assert.ok((FEEDBACK_CODES as readonly string[]).includes(f.code), f.code);
        assert.ok(f.start >= lastEnd && f.end > f.start && f.end <= s.text.length, s.text);
        assert.ok(f.message.length > 10);
        lastEnd = f.end;
      }
    }
  });

  describe('spans cover the offending words exactly', () => {
    const cases: [string, string, string][] = [
      ['You should have tested the migration.', 'past-dwelling', 'You should have tested'],
      ['We shouldn’t have promised that date.', 'past-dwelling', 'We shouldn’t have promised'],
      ['Last time you forgot to update the changelog.', 'past-dwelling', 'Last time you forgot'],
      ['In the demo, you didn’t share the metrics.', 'past-dwelling', 'you didn’t'],
      ['Why did you skip the code review?', 'past-dwelling', 'Why did you skip the code review'],
      ['Your slides weren\'t ready on time.', 'past-dwelling', 'Your slides weren\'t'],
      ['You always interrupt people.', 'absolute-judgement', 'You always'],
      ['You never ask for help.', 'absolute-judgement', 'You never ask'],
      ['Honestly, you\'re a bit arrogant in reviews.', 'person-label', 'you\'re a bit arrogant'],
      ['You come across as unprofessional on calls.', 'person-label', 'You come across as unprofessional'],
      ['That was a big mistake.', 'blame-word', 'a big mistake'],
      ['The plan failed.', 'blame-word', 'failed'],
      ['The sprint board is a total mess!', 'blame-word', 'a total mess'],
    ];
    for (const [text, code, words] of cases) {
      it(`${code}: "${words}"`, () => {
        const findings = analyzeFeedback(text).findings;
        assert.equal(findings.length, 1, JSON.stringify(findings));
        assert.equal(findings[0].code, code);
        assert.equal(text.slice(findings[0].start, findings[0].end), words);
      });
    }

    it('counts offsets in UTF-16 code units after emoji and across CRLF lines', () => {
      const text = '🎉🎉 Great start.\r\nYou never ask for help.\r\n👍';
      const [f] = analyzeFeedback(text).findings;
      assert.equal(text.slice(f.start, f.end), 'You never ask');
      assert.equal(f.start, text.indexOf('You never'));
    });
  });

  describe('suggestions', () => {
    it('rewrite the span into future-focused wording that raises no finding there', () => {
      let withSuggestion = 0;
      let flagged = 0;
      for (const s of sentences.filter((x) => x.flagged)) {
        flagged++;
        const findings = analyzeFeedback(s.text).findings;
        if (findings.some((f) => f.suggestion !== undefined)) withSuggestion++;
        for (const f of findings) {
          if (f.suggestion === undefined) continue;
          assert.match(f.suggestion, /next time|going forward|could|lesson/i, `not future-focused: ${f.suggestion}`);
          const fixed = applyFix(s.text, f);
          const end = f.start + f.suggestion.length;
          const again = analyzeFeedback(fixed).findings.filter((g) => g.start < end && g.end > f.start);
          assert.deepEqual(again, [], `"${fixed}" still flags ${JSON.stringify(again)}`);
        }
      }
      // Most judgements can be rewritten; verdict words without a safe rewrite have none.
      assert.ok(withSuggestion / flagged >= 0.7, `${withSuggestion}/${flagged} with a suggestion`);
    });

    const expected: [string, string][] = [
      ['You should have tested the migration.', 'Next time, you could test the migration.'],
      ['You didn\'t follow up with design.', 'Next time, you could follow up with design.'],
      ['You are careless with the release notes.', 'Going forward, you could be more careful with the release notes.'],
      ['If only you had double-checked the numbers.', 'Next time, you could double-check the numbers.'],
      ['You never take notes.', 'Next time, you could take notes.'],
      ['Let\'s review what went wrong.', 'Let\'s review what could go better next time.'],
    ];
    for (const [text, rewritten] of expected) {
      it(`"${text}" → "${rewritten}"`, () => {
        const [f] = analyzeFeedback(text).findings;
        assert.equal(applyFix(text, f), rewritten);
      });
    }
  });

  describe('future-focused text', () => {
    const clean = [
      'Next time, try opening with the user story.',
      'Going forward, you could share the agenda a day earlier.',
      'What would help you feel ready for the client call?',
      'The demo was clear; keep opening with the user story.',
      'In Tuesday\'s review you presented the rollout plan.',
      'From now on, let\'s agree the scope before estimating.',
      'You interrupted the client once; next time, let them finish first.',
      'What could go wrong, and how will we notice early?',
      'It is fine to make mistakes in the sandbox.',
      'Each time you review a pull request, name one thing you liked.',
      'You are always welcome to ping me between sessions.',
      'We agreed a no-fault conclusion and a fault-tolerant rollout.',
    ];
    for (const text of clean) {
      it(`no findings: "${text}"`, () => {
        assert.deepEqual(analyzeFeedback(text).findings, []);
        assert.equal(analyzeFeedback(text).score, 100);
      });
    }
    it('sentences labelled clean give no findings (at most two slips allowed)', () => {
      const noisy = sentences.filter((s) => !s.flagged && analyzeFeedback(s.text).findings.length > 0).map((s) => s.text);
      assert.ok(noisy.length <= 2, noisy.join('\n'));
    });
  });

  describe('score', () => {
    it('is 100 with no findings for empty or clean text', () => {
      assert.deepEqual(analyzeFeedback(''), { score: 100, findings: [] });
      assert.deepEqual(analyzeFeedback('   \r\n  '), { score: 100, findings: [] });
      assert.equal(analyzeFeedback('Next time, try a dry run.').score, 100);
    });
    it('falls with the share of judging sentences and their weight', () => {
      const one = analyzeFeedback('You are lazy. Next time, try a dry run. Keep asking questions. Consider pairing.').score;
      const two = analyzeFeedback('You are lazy. You never listen. Keep asking questions. Consider pairing.').score;
      const past = analyzeFeedback('You didn\'t test it. Next time, try a dry run. Keep asking questions. Consider pairing.').score;
      assert.equal(one, 75);
      assert.ok(two < one && past > one, `${two} ${one} ${past}`);
      assert.equal(analyzeFeedback('You are lazy.').score, 0);
      for (const s of sentences) {
        const { score } = analyzeFeedback(s.text);
        assert.ok(Number.isInteger(score) && score >= 0 && score <= 100);
      }
    });
  });

  describe('hostile input', () => {
    const inputs: [string, string][] = [
      ['a huge paragraph', 'You should have tested it. You are careless. Next time, try a checklist. '.repeat(20_000)],
      ['one enormous word', 'a'.repeat(500_000)],
      ['many spaces after a trigger', `you ${' '.repeat(200_000)}never`],
      ['lone surrogates and emoji', '\ud83d You never \udc4d listen 😀😀\u0000'],
      ['only punctuation', '?!?!…...!!!'],
      ['CRLF and bare CR', 'You didn\'t test it.\r\n\r\nYou never listen.\rNext time, try.'],
      ['a long run of apostrophes and hyphens', `you${"'".repeat(50_000)}re ${'-'.repeat(50_000)}`],
    ];
    for (const [name, text] of inputs) {
      it(`does not throw on ${name}`, () => {
        const started = Date.now();
        // Unguarded: analyzeFeedback's guard would turn a crash into a clean result.
        const result = analyzeFeedbackUnguarded(text);
        assert.ok(Date.now() - started < 5000);
        for (const f of result.findings) assert.ok(f.start >= 0 && f.end <= text.length && f.start < f.end);
      });
    }
    it('treats a non-string as empty', () => {
      assert.deepEqual(analyzeFeedback(undefined as unknown as string), { score: 100, findings: [] });
    });
  });

  it('baseForm turns common participles into base forms for suggestions', () => {
    const pairs: [string, string][] = [['tested', 'test'], ['shared', 'share'], ['planned', 'plan'], ['tried', 'try'], ['used', 'use'], ['escalated', 'escalate'], ['handled', 'handle'], ['written', 'write'], ['answered', 'answer'], ['double-checked', 'double-check']];
    for (const [from, to] of pairs) assert.equal(baseForm(from), to);
  });
});
