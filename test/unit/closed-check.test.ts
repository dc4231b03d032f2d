// checkClosedPlan against checkPlan: exactly the same result (plan value, and every issue with its
// code, severity, message, data and range) on every fixture plan, the hostile corpus, generated
// plans in many YAML styles and randomly damaged plans; and proof that the quick path (the line
// parser, positions from a few entries) is really taken on ordinary plans.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import * as fc from 'fast-check';
import { checkPlan } from '../../src/core/check';
import { rangeAt } from '../../src/core/parse';
import { checkClosedPlan, closedPlanValue, quickRanges } from '../../src/core/quick-check';
import { SourceText } from '../../src/core/source';
import { generatedHostileFiles, hostileCorpus } from '../support/hostile-corpus';
import { largePlan, SESSION_DAMAGE } from '../support/large-plan';
import { planFiles, ROOT } from '../support/fixture-plans';
import { planText, propertyParameters } from '../support/plan-generator';

const EXAMPLE = readFileSync(join(ROOT, 'examples/alex-and-sam.mentoring.yaml'), 'utf8');
const TODAYS = ['2026-11-27', '2025-01-01', '2027-06-30'];

/** Asserts checkClosedPlan gives checkPlan's result exactly; returns whether it took the quick path. */
function assertSameResult(text: string, label: string, today = TODAYS[0]): boolean {
  const closed = checkClosedPlan(text, { today });
  const full = checkPlan(text, { today });
  assert.deepEqual(closed.issues, full.issues, `${label} (${today}): issues differ`);
  assert.ok(isDeepStrictEqual(closed.plan, full.plan), `${label}: plan values differ`);
  assert.ok(isDeepStrictEqual(closedPlanValue(text), full.plan), `${label}: the value read again differs`);
  assert.equal(closed.readable, full.parsed.readable, `${label}: readable differs`);
  return closed.path.kind === 'quick';
}

/** Every path in a plan's value, plus a missing key and a missing index below each collection. */
function pathsOf(value: unknown, prefix: (string | number)[] = [], into: (string | number)[][] = []): (string | number)[][] {
  into.push(prefix);
  if (Array.isArray(value)) {
    value.forEach((item, index) => pathsOf(item, [...prefix, index], into));
    into.push([...prefix, value.length], [...prefix, 'missing']);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...prefix, key], into);
    into.push([...prefix, 'missing'], [...prefix, 0]);
  }
  return into;
}

/** Asserts quickRanges gives the whole parse's range at every path of the plan, for every part; returns how many came from the lines. */
function assertSameRanges(text: string, label: string): number {
  const full = checkPlan(text, { today: TODAYS[0] });
  if (checkClosedPlan(text, { today: TODAYS[0] }).path.kind !== 'quick') return 0;
  const ranges = quickRanges(new SourceText(text));
  const quick = { ...full.parsed, document: undefined, resolveRange: ranges.resolveRange };
  for (const path of pathsOf(full.plan)) {
    for (const part of ['key', 'value', 'whole'] as const) assert.deepEqual(rangeAt(quick, path, part), rangeAt(full.parsed, path, part), `${label}: range of ${JSON.stringify(path)} (${part})`);
  }
  assert.equal(ranges.failed(), false, label);
  return ranges.fromLines();
}

describe('quickRanges: the whole parse’s range at every path of a plan', () => {
  it('on every fixture plan and the bench plan, mostly from the lines', () => {
    let fromLines = 0;
    for (const { name, text } of [...planFiles('examples'), ...planFiles('test/fixtures'), { name: 'largePlan(20)', text: largePlan(EXAMPLE, 20) }]) fromLines += assertSameRanges(text, name);
    assert.ok(fromLines > 1000, `only ${fromLines} ranges came from the lines`);
  });

  it('on entries whose first key is not a bare key (quoted, spaced, explicit, non-ASCII), generated', () => {
    // The line finder reads `- key:` only; an entry that starts otherwise is still a mapping, which
    // yaml must place (a review found ranges on the entry's first line instead of the finding's).
    const FIRST_KEY_FORMS = ['"id": ', "'id': ", 'id : ', '? id\n    : ', 'naïve: 1\n    id: '];
    fc.assert(
      fc.property(fc.constantFrom('goals', 'sessions'), fc.constantFrom(...FIRST_KEY_FORMS), fc.constantFrom(0, 1, 3), (list, form, which) => {
        // The first or second entry of the list (or all of them, for 3) starts with `id` in the chosen form.
        const at = EXAMPLE.indexOf(`\n${list}:\n`);
        const end = EXAMPLE.slice(at + 2).search(/\n\S/) + at + 2;
        let seen = 0;
        const block = EXAMPLE.slice(at, end).replace(/\n {2}- id: /g, (entry) => (which === 3 || seen++ === which ? `\n  - ${form}` : entry));
        const text = EXAMPLE.slice(0, at) + block + EXAMPLE.slice(end);
        assert.notEqual(text, EXAMPLE);
        assertSameRanges(text, `${list}, entry ${which}, ${JSON.stringify(form)}:\n${text}`);
        assertSameResult(text, `${list}, entry ${which}, ${JSON.stringify(form)}`);
      }),
      propertyParameters(80),
    );
  });

  it('on generated plans in many YAML styles', () => {
    let fromLines = 0;
    fc.assert(
      fc.property(planText(), (generated) => {
        fromLines += assertSameRanges(generated.text, `generated plan:\n${generated.text}`);
      }),
      propertyParameters(200),
    );
    assert.ok(fromLines > 500, `only ${fromLines} ranges came from the lines`);
  });
});

describe('checkClosedPlan: checkPlan’s exact result, positions included', () => {
  it('agrees on every plan in examples/ and test/fixtures/, on several days', () => {
    const files = [...planFiles('examples'), ...planFiles('test/fixtures')];
    assert.ok(files.length >= 30, `only ${files.length} fixture plans found`);
    let quick = 0;
    for (const { name, text } of files) for (const today of TODAYS) if (assertSameResult(text, name, today)) quick++;
    // Ordinary plans must take the quick path, or this would only compare checkPlan with itself.
    assert.ok(quick >= 15 * TODAYS.length, `only ${quick} checks took the quick path`);
  });

  it('finds the positions of a large plan’s findings from its lines, parsing none of it (the bench plan)', () => {
    const big = largePlan(EXAMPLE, 50);
    for (const today of TODAYS) assert.equal(assertSameResult(big, 'largePlan(50)', today), true);
    const closed = checkClosedPlan(big, { today: TODAYS[0] });
    assert.ok(closed.issues.length > 0, 'the bench plan should have findings with positions');
    assert.equal(closed.path.kind, 'quick');
    // Their positions come from the lines: no entry of the file is parsed.
    assert.ok(closed.path.kind === 'quick' && closed.path.pieces === 0 && closed.path.fromLines >= closed.issues.length, `${JSON.stringify(closed.path)} for ${closed.issues.length} findings`);
  });

  it('places a finding in every session of a large plan from its lines, flow lists included, parsing none of it (generated damage)', () => {
    // Each session damaged one way: a finding in its block or at an item of its one-line `goals` list.
    const SESSIONS = 300;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: SESSION_DAMAGE.length - 1 }), { minLength: SESSIONS, maxLength: SESSIONS }), (kinds) => {
        const text = largePlan(EXAMPLE, SESSIONS, (session, index) => SESSION_DAMAGE[kinds[index]].damage(session));
        const label = `damage ${kinds.map((kind) => SESSION_DAMAGE[kind].name).join(', ')}`;
        assert.equal(assertSameResult(text, label), true, `${label}: not the quick path`);
        const closed = checkClosedPlan(text, { today: TODAYS[0] });
        assert.ok(closed.issues.length >= SESSIONS, `${label}: only ${closed.issues.length} findings for ${SESSIONS} damaged sessions`);
        assert.ok(closed.path.kind === 'quick' && closed.path.pieces === 0 && closed.path.fromLines >= closed.issues.length, `${label}: ${JSON.stringify(closed.path)} for ${closed.issues.length} findings`);
      }),
      propertyParameters(6),
    );
  });

  it('agrees on the hostile corpus, the generated megabyte files included', () => {
    for (const file of [...hostileCorpus(EXAMPLE), ...generatedHostileFiles(EXAMPLE)]) assertSameResult(file.bytes.toString('utf8'), file.name);
  });

  it('agrees on generated plans in many YAML styles, small and large (cut into entries)', () => {
    let quick = 0;
    let runs = 0;
    fc.assert(
      fc.property(planText(), fc.constantFrom(...TODAYS), fc.boolean(), (generated, today, grow) => {
        runs++;
        // Past INCREMENTAL_MIN_LENGTH the positions come from single entries, below it from one whole parse.
        const text = grow && generated.text.includes('\nsessions:\n') ? largePlan(generated.text, 40) : generated.text;
        if (assertSameResult(text, `generated plan:\n${text}`, today)) quick++;
      }),
      propertyParameters(300),
    );
    assert.ok(quick >= runs / 30, `only ${quick} of ${runs} generated plans took the quick path`);
  });

  it('agrees on randomly damaged plans, small and large', () => {
    const SIGNIFICANT = [' ', '  ', '-', '- ', ':', ': ', '#', ' #', "'", '"', '[', ']', '{', '}', ',', '|', '>', '&a', '*a', '!', '%', '?', '~', '\n', '\n  ', '\t', '\r', '\\', 'null', 'true', '0x1', '---', 'x'];
    const bases = [EXAMPLE, largePlan(EXAMPLE, 30)];
    let quick = 0;
    fc.assert(
      fc.property(fc.constantFrom(...bases), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...SIGNIFICANT), fc.nat({ max: 3 })), { minLength: 1, maxLength: 3 }), (base, edits) => {
        let text = base;
        for (const [where, insert, remove] of edits) {
          const at = Math.floor(where * text.length);
          text = text.slice(0, at) + insert + text.slice(at + remove);
        }
        if (assertSameResult(text, `damaged plan:\n${text}`)) quick++;
      }),
      propertyParameters(300),
    );
    assert.ok(quick >= 5, `only ${quick} damaged plans took the quick path`);
  });
});
