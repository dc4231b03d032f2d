import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkParsed, checkPlan, PlanChecker } from '../../src/core/check';
import { IncrementalPlanParser, INCREMENTAL_MIN_LENGTH } from '../../src/core/incremental';
import { rangeAt } from '../../src/core/parse';
import { largePlan } from '../support/large-plan';
import { seededRandom } from '../support/random';

const EXAMPLE = readFileSync(join(__dirname, '../../../examples/alex-and-sam.mentoring.yaml'), 'utf8');
const TODAY = '2026-11-27';
const BIG = largePlan(EXAMPLE, 120);

function mutate(text: string, seed: number): string {
  const next = seededRandom(seed);
  const lines = text.split('\n');
  const at = Math.floor(next() * lines.length);
  switch (Math.floor(next() * 8)) {
    case 0:
      lines.splice(at, 1);
      break;
    case 1:
      lines.splice(at, 0, lines[at]);
      break;
    case 2:
      lines[at] = lines[at].replace(/: /, ':');
      break;
    case 3:
      lines[at] = ` ${lines[at]}`;
      break;
    case 4:
      lines[at] = lines[at].replace(/checkin/, 'chat').replace(/4$/, '9');
      break;
    case 5:
      lines[at] = `${lines[at]} # note`;
      break;
    case 6:
      lines[at] = lines[at].replace(/^ {2}- /, '  ').replace(/^ {4}/, '  - ');
      break;
    default:
      lines[at] = lines[at].slice(0, Math.floor(lines[at].length / 2));
  }
  return lines.join('\n');
}

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

  it('gives the same issues, values and ranges as a whole parse, on 150 edited versions', function () {
    this.timeout(180_000); // 300 whole checks of a 50 KB plan on a busy 2-core machine
    const checker = new PlanChecker();
    let pieces = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const text = mutate(mutate(BIG, seed), seed * 7919);
      const whole = checkPlan(text, { today: TODAY });
      const incremental = checker.check(text, { today: TODAY });
      assert.deepEqual(incremental.issues, whole.issues, `seed ${seed}`);
      assert.deepEqual(incremental.plan, whole.plan, `seed ${seed}`);
      for (const path of [['sessions', 3, 'actions', 0, 'due'], ['goals', 1, 'status'], ['mentorship', 'cadence'], ['sessions', 50], ['feedback', 0, 'feedforward', 1]]) {
        assert.deepEqual(rangeAt(incremental.parsed, path), rangeAt(whole.parsed, path), `seed ${seed} ${path.join('.')}`);
      }
      pieces += incremental.parsed.document === undefined ? 1 : 0;
    }
    // Versions with syntax errors are parsed whole by design; the rest must have gone piece by piece.
    assert.ok(pieces > 30, `${pieces} of 150 versions were checked piece by piece`);
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
