// The quality bar of the question bank: open, non-leading questions, no duplicates, every stage of
// every session type covered, and both sides of the pair represented.
import * as assert from 'node:assert/strict';
import { SESSION_TYPES } from '../../src/core/plan';
import {
  QUESTION_BANK,
  SESSION_STAGES,
  STAGE_LABELS,
  SESSION_TYPE_LABELS,
  exampleQuestion,
  findQuestion,
  normalizeQuestion,
  questionsFor,
  stagesOf,
} from '../../src/core/questions';

// First words that make a question closed (answerable with yes or no).
const CLOSED_STARTS = [
  'do', 'does', 'did', 'is', 'are', 'am', 'was', 'were', 'can', 'could', 'will', 'would', 'should', 'shall',
  'may', 'might', 'must', 'have', 'has', 'had', 'isn\'t', 'aren\'t', 'don\'t', 'doesn\'t', 'didn\'t', 'won\'t',
  'wouldn\'t', 'shouldn\'t', 'couldn\'t', 'can\'t', 'haven\'t', 'hasn\'t', 'wasn\'t', 'weren\'t', 'any', 'anything',
];

// Phrases that push the listener towards an answer the asker already holds.
const LEADING = [/\bdon'?t you\b/i, /\bwouldn'?t you\b/i, /\bisn'?t it\b/i, /\bshouldn'?t you\b/i, /\bsurely\b/i, /\bagree that\b/i, /, right\?$/i, /\bobviously\b/i];

describe('question bank', () => {
  it('has at least 12 questions for every session type', () => {
    for (const type of SESSION_TYPES) assert.ok(questionsFor(type).length >= 12, `${type}: ${questionsFor(type).length}`);
  });

  it('ends every entry with a question mark', () => {
    for (const q of QUESTION_BANK) assert.match(q.text, /\?$/, q.text);
  });

  it('asks only open questions (no closed first word)', () => {
    for (const q of QUESTION_BANK) {
      const first = q.text.trim().split(/[\s,]+/)[0]!.toLowerCase().replace(/\u2019/g, "'");
      assert.ok(!CLOSED_STARTS.includes(first), `closed question: ${q.text}`);
    }
  });

  it('asks no leading questions', () => {
    for (const q of QUESTION_BANK) for (const pattern of LEADING) assert.doesNotMatch(q.text, pattern, q.text);
  });

  it('has no duplicates across the bank, ignoring case and spacing', () => {
    const seen = new Map<string, string>();
    for (const q of QUESTION_BANK) {
      const key = q.text.toLowerCase().replace(/\s+/g, ' ').trim();
      assert.ok(!seen.has(key), `duplicate: ${q.text} (${seen.get(key)} and ${q.type})`);
      seen.set(key, q.type);
      assert.equal(findQuestion(q.text), q);
    }
  });

  it('has clean text: single spaces, no leading or trailing blanks, one sentence-case start', () => {
    for (const q of QUESTION_BANK) {
      assert.equal(q.text, q.text.trim().replace(/\s+/g, ' '), q.text);
      assert.match(q.text, /^[A-Z]/, q.text);
    }
  });

  it('defines stages per type as data, with questions for each stage and a label for each', () => {
    for (const type of SESSION_TYPES) {
      const stages = stagesOf(type);
      assert.ok(stages.length >= 3, type);
      assert.deepEqual([...stages], [...SESSION_STAGES[type]]);
      for (const stage of stages) {
        assert.ok(questionsFor(type, stage).length >= 2, `${type}/${stage} needs questions`);
        assert.ok(STAGE_LABELS[stage], `${stage} needs a label`);
      }
      for (const q of questionsFor(type)) assert.ok(stages.includes(q.stage), `${q.text} has a stage outside ${type}`);
    }
  });

  it('walks check-ins through GROW', () => {
    assert.deepEqual([...stagesOf('checkin')], ['goal', 'reality', 'options', 'will']);
  });

  it('has questions for both sides of the pair in every type', () => {
    for (const type of SESSION_TYPES) {
      const askers = new Set(questionsFor(type).map((q) => q.askedBy));
      assert.deepEqual([...askers].sort(), ['mentor', 'protege'], type);
    }
  });

  it('gives the README one example question per type, from the bank', () => {
    for (const type of SESSION_TYPES) {
      assert.ok(SESSION_TYPE_LABELS[type]);
      assert.equal(exampleQuestion(type), questionsFor(type)[0]!.text);
    }
  });

  it('normalises questions for comparison', () => {
    assert.equal(normalizeQuestion('  What would make this hour   worth your time TODAY ? '), 'what would make this hour worth your time today');
    assert.equal(normalizeQuestion('What\u2019s next?'), normalizeQuestion("what's next"));
    assert.equal(findQuestion('what would make this hour worth your time today')?.type, 'checkin');
  });
});
