import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { checkPlan, PlanChecker } from '../../src/core/check';
import { planCompletions } from '../../src/core/completion';
import { applyEdits, renameId } from '../../src/core/edits';
import { parsePlan } from '../../src/core/parse';
import { closedPlanValue } from '../../src/core/quick-check';
import { idUses, namedEntries, planHover, relativeDay, symbolIndex } from '../../src/core/plan-symbols';
import type { IdKind } from '../../src/core/plan-symbols';
import { largePlan } from '../support/large-plan';
import { planText, propertyParameters } from '../support/plan-generator';

const EXAMPLE = readFileSync(join(__dirname, '../../../examples/alex-and-sam.mentoring.yaml'), 'utf8');
const TODAY = '2026-11-20';

const SMALL = [
  'schemaVersion: 1',
  'goals:',
  '  - id: talk # the big one',
  '    title: Give a talk',
  '    status: active',
  '  - id: "review"',
  '    title: Review well',
  '    status: proposed',
  'sessions:',
  '  - id: s1',
  '    date: 2026-11-23',
  '    goals: [talk, "review"]',
  '  - id: s2',
  '    date: 2026-11-08',
  '    goals:',
  '      - talk # again',
  'feedback:',
  '  - id: f1',
  '    goal: talk',
  "    session: 's1'",
  '',
].join('\n');

/** The text each occurrence's range covers. */
function textsOf(text: string, kind: IdKind, id: string): string[] {
  const parsed = parsePlan(text);
  return symbolIndex(parsed).uses(kind, id).map((use) => text.slice(use.start, use.end) + '@' + `${use.range.start.line}:${use.range.start.character}-${use.range.end.line}:${use.range.end.character}`);
}

describe('plan symbol index', () => {
  it('finds the definition and every reference of an id at its exact text, quotes left out', () => {
    assert.deepEqual(textsOf(SMALL, 'goal', 'talk'), ['talk@2:8-2:12', 'talk@11:12-11:16', 'talk@15:8-15:12', 'talk@18:10-18:14']);
    assert.deepEqual(textsOf(SMALL, 'goal', 'review'), ['review@5:9-5:15', 'review@11:19-11:25']);
    assert.deepEqual(textsOf(SMALL, 'session', 's1'), ['s1@9:8-9:10', 's1@19:14-19:16']);
    const index = symbolIndex(parsePlan(SMALL));
    assert.equal(index.at(SMALL.indexOf('[talk') + 3)?.id, 'talk');
    assert.equal(index.at(SMALL.indexOf('title: Give')), undefined);
    assert.equal(index.definitions('goal', 'talk').length, 1);
    assert.equal(index.references('goal', 'talk').length, 3);
  });

  it('is built once per parse', () => {
    const parsed = parsePlan(SMALL);
    assert.equal(symbolIndex(parsed), symbolIndex(parsed));
  });

  it('outlines the mentorship with its agreement, then goals, sessions and feedback with ids as selection', () => {
    const outline = symbolIndex(parsePlan(EXAMPLE)).symbols();
    assert.deepEqual(
      outline.map((symbol) => [symbol.kind, symbol.name, symbol.children.map((child) => `${child.name} | ${child.detail}`)]),
      [
        ['mentorship', "Sam's path to senior engineer", ['agreement | ']],
        ['list', 'goals', ['Lead the design of a cross-team service | system-design · active', 'Give code reviews that teach | code-review-voice · active']],
        ['list', 'sessions', ['kickoff 2026-09-07 | kickoff', 'checkin 2026-11-16 | checkin-2026-11-16', 'feedback 2026-11-30 | feedback-2026-11-30']],
        ['list', 'feedback', ['feedback from mentor 2026-11-16 | review-tone']],
      ].map(([kind, name, children]) => [kind, name, children]),
    );
    const goal = outline[1].children[0];
    const lines = EXAMPLE.split('\n');
    assert.equal(lines[goal.range.start.line].trim().startsWith('- id: system-design'), true);
    assert.equal(lines[goal.selectionRange.start.line].slice(goal.selectionRange.start.character, goal.selectionRange.end.character), 'system-design');
    assert.equal(lines[goal.range.end.line + 1].trim(), '', 'the goal ends before the blank line');
  });

  it("names an id's entry as the outline does, the first where an id repeats, nothing for an unknown id", () => {
    const duplicate = SMALL.replace('feedback:\n', '  - id: s1\n    type: checkin\nfeedback:\n');
    const index = symbolIndex(parsePlan(duplicate));
    assert.equal(index.nameOf('goal', 'talk'), 'Give a talk');
    assert.equal(index.nameOf('goal', 'review'), 'Review well');
    assert.equal(index.nameOf('session', 's1'), 'session 2026-11-23');
    assert.equal(index.nameOf('session', 's2'), 'session 2026-11-08');
    assert.equal(index.nameOf('feedback', 'f1'), 'feedback from ?');
    assert.equal(index.nameOf('session', 'talk'), undefined, 'a goal id is no session');
    assert.equal(index.nameOf('goal', 'missing'), undefined);
    const names = index.symbols().flatMap((list) => list.children).filter((symbol) => symbol.id === 's1').map((symbol) => symbol.name);
    assert.deepEqual(names, ['session 2026-11-23', 'checkin'], 'both entries are in the outline; the first names the id');
  });

  it('hovers a reference with its target, a key with the schema, an enum value with its meaning, a date with its distance', () => {
    const hover = (marker: string, delta = 0, schemaText = true) => planHover(parsePlan(EXAMPLE), EXAMPLE.indexOf(marker) + delta, { today: TODAY, schemaText })?.contents;
    assert.equal(hover('goal: code-review-voice', 8), '**Give code reviews that teach** · goal `code-review-voice`\n\nactive · 1/1 milestones done · 2 sessions · target 2026-12-20 (in 30 days)');
    assert.match(hover('cadence:', 1) ?? '', /^How often the pair meets/);
    assert.equal(hover('cadence:', 1, false), undefined, 'no schema text when another extension shows it');
    assert.equal(hover('type: feedback', 7), '`feedback`: Exchanging feedback and feedforward.');
    assert.equal(hover('date: 2026-11-30', 7), '2026-11-30: in 10 days');
    assert.equal(hover('date: 2026-11-30', 7, false), '2026-11-30: in 10 days');
    assert.equal(relativeDay('2026-11-08', TODAY), '12 days ago');
    assert.equal(relativeDay('2026-11-21', TODAY), 'tomorrow');
  });

  it('offers session ids after `session:` in feedback, latest first', () => {
    const at = SMALL.indexOf("session: 's1'") + 'session: '.length;
    const text = SMALL.slice(0, at) + SMALL.slice(at + 4);
    const list = planCompletions(parsePlan(text), at);
    assert.deepEqual(list?.items.map((item) => item.label), ['s2', 's1']);
  });
});

describe('renameId', () => {
  it('renames the definition and every reference in place, keeping comments and quotes', () => {
    const result = renameId(SMALL, 'goal', 'talk', 'public-talk');
    assert.ok(result.ok);
    assert.equal(
      applyEdits(SMALL, result.edits),
      SMALL.replace('id: talk #', 'id: public-talk #').replace('[talk,', '[public-talk,').replace('- talk # again', '- public-talk # again').replace('goal: talk', 'goal: public-talk'),
    );
    const quoted = renameId(SMALL, 'session', 's1', 's-one');
    assert.ok(quoted.ok);
    assert.match(applyEdits(SMALL, quoted.edits), /session: 's-one'/);
  });

  it('refuses a taken id, an invalid id and an id two entries share', () => {
    assert.deepEqual(renameId(SMALL, 'goal', 'talk', 'review'), { ok: false, message: 'The id "review" is already used by another goal; choose another.' });
    assert.deepEqual(renameId(SMALL, 'goal', 'talk', 'Public Talk'), { ok: false, message: '`Public Talk` is not a valid id: use lowercase letters, digits and single dashes, like `public-speaking`.' });
    const doubled = SMALL.replace('id: "review"', 'id: talk');
    assert.equal(renameId(doubled, 'goal', 'talk', 'x').ok, false);
  });

  it('renames through the incremental parser of a large plan as through a whole parse', () => {
    const plan = largePlan(EXAMPLE, 200);
    const checker = new PlanChecker();
    checker.check(plan, { today: TODAY });
    const incremental = renameId(plan, 'goal', 'system-design', 'systems-design', { parser: checker.parser });
    const whole = renameId(plan, 'goal', 'system-design', 'systems-design');
    assert.ok(incremental.ok && whole.ok);
    assert.equal(applyEdits(plan, incremental.edits), applyEdits(plan, whole.edits));
    assert.ok(incremental.edits.length > 100);
  });
});

describe('plan symbol index on generated plans', () => {
  it('names goals and sessions from a closed plan’s value read again as the outline of a whole parse does, with their place in the plan', () => {
    fc.assert(
      fc.property(planText({ minEntries: 0, maxEntries: 4 }), ({ text }) => {
        const checked = checkPlan(text, { today: TODAY });
        const outlined = symbolIndex(parsePlan(text))
          .symbols()
          .filter((list) => list.name === 'goals' || list.name === 'sessions')
          .flatMap((list) => list.children)
          .map((symbol) => [symbol.kind, symbol.name, symbol.id, symbol.path]);
        // What the workspace symbol search reads (the line parser's value of a closed plan), against the positioned parse resolve looks in.
        const named = namedEntries(closedPlanValue(text)).map((entry) => [entry.kind, entry.name, entry.id, entry.path]);
        assert.deepEqual(named, outlined);
        assert.deepEqual(namedEntries(checked.plan).map((entry) => [entry.kind, entry.name, entry.id, entry.path]), outlined);
      }),
      propertyParameters(150),
    );
  });
  it('every reference found has the id as its text and resolves to a definition with the same text; renaming keeps references known', () => {
    fc.assert(
      fc.property(planText({ minEntries: 1, maxEntries: 3 }), fc.constantFrom('g0', 'g1'), ({ text }, goal) => {
        const checked = checkPlan(text, { today: TODAY });
        const index = symbolIndex(checked.parsed);
        for (const use of index.occurrences) {
          assert.equal(text.slice(use.start, use.end), use.id);
          if (use.role === 'reference') {
            for (const definition of index.definitions(use.kind, use.id)) assert.equal(text.slice(definition.start, definition.end), use.id);
          }
        }
        // Every reference the value holds is found, unless its text is not the id as written (an alias).
        const references = idUses(checked.plan).filter((use) => use.role === 'reference').length;
        assert.ok(index.references('goal', 'g0').length + index.references('goal', 'g1').length <= references);
        const unknownBefore = checked.issues.filter((issue) => issue.code === 'unknown-reference').length;
        const renamed = renameId(text, 'goal', goal, 'renamed-goal');
        if (!renamed.ok) return; // no such goal, or an alias the engine will not edit
        const after = checkPlan(applyEdits(text, renamed.edits), { today: TODAY });
        assert.equal(after.issues.filter((issue) => issue.code === 'unknown-reference').length, unknownBefore);
        assert.equal(symbolIndex(after.parsed).uses('goal', goal).length, 0);
      }),
      propertyParameters(150),
    );
  });
});
