import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { planCompletions as completionsOf, yamlString } from '../../src/core/completion';
import { parsePlan } from '../../src/core/parse';
import { questionsFor } from '../../src/core/questions';
import { GOAL_STATUSES, SESSION_TYPES } from '../../src/core/plan';

const planCompletions = (text: string, offset: number) => completionsOf(parsePlan(text), offset);

const EXAMPLE = readFileSync(join(__dirname, '../../../examples/alex-and-sam.mentoring.yaml'), 'utf8');

/** Puts the cursor after `marker`'s first occurrence once `insert` is typed there. */
function at(text: string, marker: string, insert: string) {
  const index = text.indexOf(marker);
  assert.ok(index >= 0, marker);
  const cursor = index + marker.length;
  const typed = text.slice(0, cursor) + insert + text.slice(cursor);
  return { text: typed, offset: cursor + insert.length };
}

describe('plan completion', () => {
  it('offers the session type\'s bank questions first inside agenda:, skipping those already there', () => {
    const { text, offset } = at(EXAMPLE, '      - What will you do before we meet again, and when?\n', '      - ');
    const list = planCompletions(text, offset)!;
    assert.ok(list, 'a list inside the agenda');
    const checkin = new Set(questionsFor('checkin').map((question) => question.text));
    const firstKinds = list.items.slice(0, checkin.size - 3).map((item) => checkin.has(item.label));
    assert.ok(firstKinds.every(Boolean), 'check-in questions come first');
    assert.ok(!list.items.some((item) => item.label === 'What will you do before we meet again, and when?'), 'skips an existing question');
    assert.ok(list.items.every((item) => item.kind === 'question' && item.detail));
    assert.equal(list.replaceFrom, offset);
  });

  it('replaces what was typed after the dash', () => {
    const { text, offset } = at(EXAMPLE, '      - What will you do before we meet again, and when?\n', '      - Wha');
    assert.equal(planCompletions(text, offset)!.replaceFrom, offset - 3);
  });

  it('inserts every offered question so that it reads back as the question', () => {
    const { text, offset } = at(EXAMPLE, '      - What will you do before we meet again, and when?\n', '      - ');
    const items = planCompletions(text, offset)!.items;
    assert.ok(items.length > 10, `${items.length} questions offered`);
    for (const item of items) assert.deepEqual(parse(`- ${item.insertText}`), [item.label], item.insertText);
  });

  it('quotes any text that YAML would misread as a list value, and leaves the rest plain (generated)', () => {
    // Bank questions are all plain today, so the quoting is checked on generated text, YAML's
    // troublemakers included (": ", " #", leading indicators, numbers, booleans, dates, spaces).
    const tricky = fc.constantFrom(': ', ' #', '#', '-', '? ', '[', '{', '*', '&', '!', '|', '>', "'", '"', '%', '@', '`', ',', ' ', '\t', 'true', 'null', '~', '12', '0x1F', '2026-01-05', '.inf', '---', '...', '\\', '\n');
    const word = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 8 }), tricky);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }).map((parts) => parts.join('')), (question) => {
        const inserted = yamlString(question);
        assert.deepEqual(parse(`- ${inserted}`), [question], `inserted as ${inserted}`);
      }),
      { numRuns: 2_000 },
    );
    assert.equal(yamlString('What went well this week?'), 'What went well this week?', 'a plain question stays plain');
    assert.equal(yamlString('Scope: what is in?'), '"Scope: what is in?"');
  });

  it('offers session types after type: in a session, and goal statuses after status: in a goal', () => {
    const session = at(EXAMPLE, '    type: checkin', '');
    const typeLine = EXAMPLE.indexOf('    type: checkin');
    const types = planCompletions(EXAMPLE, typeLine + '    type: '.length)!;
    assert.deepEqual(types.items.map((item) => item.label), [...SESSION_TYPES]);
    assert.ok(session);
    const statusLine = EXAMPLE.indexOf('    status: active');
    const statuses = planCompletions(EXAMPLE, statusLine + '    status: '.length)!;
    assert.deepEqual(statuses.items.map((item) => item.label), [...GOAL_STATUSES]);
  });

  it('offers the goal ids not yet listed in a session\'s goals', () => {
    const line = '    goals: [system-design';
    const index = EXAMPLE.indexOf(`${line}]\n    agenda:\n      - Which part`);
    const text = `${EXAMPLE.slice(0, index + line.length)}, ${EXAMPLE.slice(index + line.length)}`;
    const list = planCompletions(text, index + line.length + 2)!;
    assert.deepEqual(list.items.map((item) => item.label), ['code-review-voice']);
  });

  it('offers nothing in free text such as notes', () => {
    const index = EXAMPLE.indexOf('    notes: Sam will');
    assert.equal(planCompletions(EXAMPLE, index + '    notes: Sam'.length), undefined);
  });
});
