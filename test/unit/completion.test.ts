import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planCompletions as completionsOf } from '../../src/core/completion';
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

  it('quotes a question that YAML would misread', () => {
    const { text, offset } = at(EXAMPLE, '      - What will you do before we meet again, and when?\n', '      - ');
    for (const item of planCompletions(text, offset)!.items) {
      if (item.label.includes(': ')) assert.equal(item.insertText, JSON.stringify(item.label));
    }
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
