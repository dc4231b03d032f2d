// quickCheckPlan against checkPlan: the same plan value and the same findings (code, severity and
// count) on every fixture plan, the hostile corpus, generated plans in many YAML styles and
// randomly damaged plans; and proof that the quick path is really taken on ordinary plans.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import * as fc from 'fast-check';
import { checkPlan } from '../../src/core/check';
import type { PlanIssue } from '../../src/core/issues';
import { parseYaml } from '../../src/core/parse';
import { quickCheckPlan, quickParseValue } from '../../src/core/quick-check';
import { generatedHostileFiles, hostileCorpus } from '../support/hostile-corpus';
import { largePlan } from '../support/large-plan';
import { planFiles, ROOT } from '../support/fixture-plans';
import { planText, propertyParameters } from '../support/plan-generator';

const EXAMPLE = readFileSync(join(ROOT, 'examples/alex-and-sam.mentoring.yaml'), 'utf8');
const TODAYS = ['2026-11-27', '2025-01-01', '2027-06-30'];

/** Findings as a sorted list of "severity code", the part of an issue a report counts. */
function counted(issues: readonly PlanIssue[]): string[] {
  return issues.map((issue) => `${issue.severity} ${issue.code}`).sort();
}

/** Asserts the quick check agrees with checkPlan; returns whether it took the quick path. */
function assertSameFindings(text: string, label: string, today = TODAYS[0]): boolean {
  const quick = quickCheckPlan(text, { today });
  const full = checkPlan(text, { today });
  assert.deepEqual(counted(quick.issues), counted(full.issues), `${label} (${today}): findings differ`);
  assert.ok(isDeepStrictEqual(quick.plan, full.plan), `${label}: plan values differ`);
  if (quick.exactPositions) assert.deepEqual(quick.issues, full.issues, `${label}: the fallback must be checkPlan itself`);
  return !quick.exactPositions;
}

/** The value yaml builds with checkPlan's options, or undefined when it reports an error. */
function yamlValue(text: string): { ok: boolean; value?: unknown } {
  const document = parseYaml(text);
  if (document.errors.length > 0) return { ok: false };
  try {
    return { ok: true, value: document.toJS({ maxAliasCount: 200 }) };
  } catch {
    return { ok: false };
  }
}

describe('quickCheckPlan: the same findings as checkPlan, by code and count', () => {
  it('agrees on every plan in examples/ and test/fixtures/ (plans, workspace, hostile), on several days', () => {
    const files = [...planFiles('examples'), ...planFiles('test/fixtures')];
    assert.ok(files.length >= 30, `only ${files.length} fixture plans found`);
    let quick = 0;
    for (const { name, text } of files) {
      for (const today of TODAYS) if (assertSameFindings(text, name, today)) quick++;
    }
    // Ordinary plans must take the quick path, or this test would only compare checkPlan with itself.
    assert.ok(quick >= 15 * TODAYS.length, `only ${quick} checks took the quick path`);
  });

  it('takes the quick path on the example and the bench plans, with issues to count', () => {
    assert.equal(assertSameFindings(EXAMPLE, 'example'), true);
    const big = largePlan(EXAMPLE, 50);
    assert.equal(assertSameFindings(big, 'largePlan(50)'), true);
    assert.ok(checkPlan(big, { today: '2026-11-27' }).issues.length > 0, 'the bench plan should have findings to compare');
  });

  it('agrees on the hostile corpus, the generated megabyte files included', () => {
    for (const file of [...hostileCorpus(EXAMPLE), ...generatedHostileFiles(EXAMPLE)]) assertSameFindings(file.bytes.toString('utf8'), file.name);
  });

  it('agrees on generated plans in many YAML styles (anchors, flow lists, block scalars, CRLF, BOM, comments)', () => {
    let quick = 0;
    let runs = 0;
    fc.assert(
      fc.property(planText(), fc.constantFrom(...TODAYS), (generated, today) => {
        runs++;
        if (assertSameFindings(generated.text, 'generated plan', today)) quick++;
      }),
      propertyParameters(300),
    );
    // Most generated styles (a BOM, anchors, tabs, block scalars in odd places) send the plan to
    // checkPlan; about one in ten takes the quick path, and those must be compared too.
    assert.ok(quick >= runs / 30, `only ${quick} of ${runs} generated plans took the quick path`);
  });
});

describe('quickParseValue: yaml’s value or nothing', () => {
  /** Characters that change what YAML means, inserted into an ordinary plan. */
  const SIGNIFICANT = [' ', '  ', '-', '- ', ':', ': ', '#', ' #', "'", '"', '[', ']', '{', '}', ',', '|', '>', '&a', '*a', '!', '!!str ', '%', '?', '~', '\n', '\n  ', '\t', '\r', '\\', 'null', 'true', '0x1', '1e3', '.5', '---', '\u2028'];

  it('on randomly damaged plans, gives exactly what yaml gives, or gives up; never a different value', () => {
    let kept = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: EXAMPLE.length }), fc.constantFrom(...SIGNIFICANT), fc.nat({ max: 3 })), { minLength: 1, maxLength: 4 }), (edits) => {
        let text = EXAMPLE;
        for (const [at, insert, remove] of edits) text = text.slice(0, at) + insert + text.slice(at + remove);
        const quick = quickParseValue(text);
        if (quick === undefined) return;
        kept++;
        const yaml = yamlValue(text);
        assert.ok(yaml.ok, `the line parser accepted text yaml rejects:\n${text}`);
        assert.ok(isDeepStrictEqual(quick, yaml.value), `values differ for:\n${text}\nquick: ${JSON.stringify(quick)}\nyaml:  ${JSON.stringify(yaml.value)}`);
      }),
      propertyParameters(2000),
    );
    assert.ok(kept > 100, `only ${kept} damaged plans were read by the line parser`);
  });

  it('reads scalars as yaml’s core schema does, and hands the rarer forms to yaml', () => {
    const cases = ['a: ~', 'a: null', 'a: Null', 'a: true', 'a: FALSE', 'a: 12', 'a: 0', 'a: 007', 'a: -3', 'a: 0x1F', 'a: 1.5', 'a: .inf', 'a: 2026-01-05', "a: 'it''s'", 'a: "x # y"', 'a: x # y', 'a: [b, c]', 'a: []', 'a: [b, "c"]', 'a: |\n  one\n  two\n', 'a: >-\n  one\n  two\n', 'a: "esc\\tape"', 'a:\n- b\n- c\n', 'a:\n  - b: 1\n    c: 2\n  -\n    d: 3\n', 'a: multi\n  line\n'];
    for (const text of cases) {
      const quick = quickParseValue(`${text}\n`);
      assert.ok(quick !== undefined, `gave up on ${JSON.stringify(text)}`);
      assert.deepEqual(quick, yamlValue(`${text}\n`).value, text);
    }
  });

  it('reads what it hands to yaml the same with CRLF line ends: no CR left in a value', () => {
    // The snippet yaml reads ends with its last line's CR when the file's lines end in CRLF; yaml
    // kept that CR in the value (`id: g1` read as "g1\r", a generated CRLF plan with an anchored entry).
    const cases = ['a: |\n  one\n  two\n', 'a: >-\n  one\n  two\n', 'a: multi\n  line\n', 'a: "esc\\tape"\n', 'a:\n- &e1\n  id: g1\n', 'a:\n- &e1\n  id: g1\n  title: x\nb: 1\n', 'a:\n  - b: 1\n    c: "two\n      lines"\n'];
    let read = 0;
    for (const text of cases) {
      for (const final of ['', '\n']) {
        const crlf = `${text.trimEnd()}${final}`.replace(/\n/g, '\r\n');
        const quick = quickParseValue(crlf);
        if (quick === undefined) continue;
        read++;
        assert.deepEqual(quick, yamlValue(crlf).value, JSON.stringify(crlf));
      }
    }
    assert.equal(read, cases.length * 2, 'the line parser gave up on some of these');
  });

  it('gives up on what only a whole parse can judge', () => {
    for (const text of ['a: 1\na: 2\n', 'a: &x 1\nb: *x\n', '%YAML 1.2\n---\na: 1\n', 'a: 1\n---\nb: 2\n', '\ta: 1\n', '- a\n', 'just text\n', '', '# only a comment\n', 'a:\n  b: 1\n c: 2\n', '? a\n: 1\n', '__proto__: 1\n', 'true: 1\n']) {
      assert.equal(quickParseValue(text), undefined, JSON.stringify(text));
    }
  });
});
