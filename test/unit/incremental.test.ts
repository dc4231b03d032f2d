import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkParsed, checkPlan, PlanChecker } from '../../src/core/check';
import { IncrementalPlanParser, INCREMENTAL_MIN_LENGTH } from '../../src/core/incremental';
import { rangeAt } from '../../src/core/parse';
import { largePlan } from '../support/large-plan';

const EXAMPLE = readFileSync(join(__dirname, '../../../examples/alex-and-sam.mentoring.yaml'), 'utf8');
const TODAY = '2026-11-27';
const BIG = largePlan(EXAMPLE, 120);

describe('incremental re-check', () => {
  it('works on a plan large enough to be cut into pieces', () => {
    assert.ok(BIG.length > INCREMENTAL_MIN_LENGTH);
    const parser = new IncrementalPlanParser();
    parser.parse(BIG);
    assert.ok(parser.lastParsedPieces > 100, `parsed ${parser.lastParsedPieces} pieces`);
  });

  it('re-parses only the entry an edit touched', () => {
    const parser = new IncrementalPlanParser();
    parser.parse(BIG);
    const edited = BIG.replace('Follow up on item 57\n', 'Follow up on item 57, with notes\n');
    assert.notEqual(edited, BIG);
    parser.parse(edited);
    assert.equal(parser.lastParsedPieces, 1);
    parser.parse(edited);
    assert.equal(parser.lastParsedPieces, 0);
  });

  // Regression (issue 9, defect 5): keys were compared as written, so `true:` and `True:` (the same
  // YAML value) passed as two keys and the incremental check missed "Map keys must be unique".
  it('reports top-level keys that are the same YAML value spelled differently, as the whole check does', () => {
    const spellings = [
      ['true', 'True'],
      ['true', 'TRUE'],
      ['False', 'false'],
      ['null', 'NULL'],
      ['Null', '~'],
      ['null', '""'],
      ['1', '0x1'],
      ['"a"', 'a'],
      ["'notes'", 'notes'],
    ];
    for (const [first, second] of spellings) {
      const text = `${BIG}${first}: 1\n${second}: 2\n`;
      const whole = checkPlan(text, { today: TODAY });
      const incremental = new PlanChecker().check(text, { today: TODAY });
      const label = `${first} / ${second}`;
      if (first !== 'null' || second !== '""') assert.ok(whole.issues.some((issue) => /Map keys must be unique/.test(issue.message)), label);
      assert.deepEqual(incremental.issues, whole.issues, label);
      assert.deepEqual(incremental.plan, whole.plan, label);
    }
  });

  it('finds a key spelled in another form than the rules ask for it (True: at the top level)', () => {
    const text = `${BIG}True: 1\nNULL: 2\n`;
    const parser = new IncrementalPlanParser();
    const parsed = parser.parse(text);
    assert.equal(parsed.document, undefined, 'checked piece by piece');
    const whole = checkPlan(text, { today: TODAY });
    assert.deepEqual(checkParsed(parsed, { today: TODAY }).issues, whole.issues);
    for (const path of [['true'], ['null'], ['True']]) assert.deepEqual(rangeAt(parsed, path, 'key'), rangeAt(whole.parsed, path, 'key'), path.join('.'));
  });

  it('falls back to a whole parse for anchors, tabs, repeated top-level keys and __proto__', () => {
    const parser = new IncrementalPlanParser();
    for (const text of [`${BIG}extra: &a 1\nmore: *a\n`, BIG.replace('    notes: Session 3;', '\tnotes: Session 3;'), `${BIG}goals: []\n`, `${BIG}__proto__:\n  mentorship: 1\n`]) {
      const parsed = parser.parse(text);
      assert.ok(parsed.document, 'parsed whole');
      assert.deepEqual(checkParsed(parsed, { today: TODAY }).issues, checkPlan(text, { today: TODAY }).issues);
    }
  });
});
