import * as assert from 'node:assert/strict';
import { agendaCompletions, defaultAgenda, followUpQuestion } from '../../src/core/agenda';
import { SESSION_TYPES } from '../../src/core/plan';
import { findQuestion, normalizeQuestion, questionsFor, stagesOf } from '../../src/core/questions';

describe('defaultAgenda', () => {
  it('covers every GROW stage of a check-in', () => {
    const agenda = defaultAgenda('checkin');
    const stages = agenda.map((text) => findQuestion(text)?.stage);
    assert.deepEqual(stages, ['goal', 'reality', 'options', 'will']);
  });

  it('is balanced across stages for every type, with both voices of the pair', () => {
    for (const type of SESSION_TYPES) {
      const agenda = defaultAgenda(type);
      const questions = agenda.map((text) => findQuestion(text));
      assert.ok(questions.every((q) => q?.type === type), type);
      assert.deepEqual(new Set(questions.map((q) => q!.stage)), new Set(stagesOf(type)), type);
      assert.deepEqual(new Set(questions.map((q) => q!.askedBy)), new Set(['mentor', 'protege']), type);
    }
  });

  it('takes more questions round-robin, so stage counts differ by at most one', () => {
    const agenda = defaultAgenda('checkin', { count: 7 });
    assert.equal(agenda.length, 7);
    const perStage = new Map<string, number>();
    for (const text of agenda) perStage.set(findQuestion(text)!.stage, (perStage.get(findQuestion(text)!.stage) ?? 0) + 1);
    const counts = [...perStage.values()];
    assert.equal(perStage.size, 4);
    assert.ok(Math.max(...counts) - Math.min(...counts) <= 1);
  });

  it('is deterministic and stops at the bank size', () => {
    assert.deepEqual(defaultAgenda('feedback', { count: 6 }), defaultAgenda('feedback', { count: 6 }));
    assert.equal(defaultAgenda('closure', { count: 1000 }).length, questionsFor('closure').length);
    assert.deepEqual(defaultAgenda('closure', { count: 0 }), []);
  });

  it('carries open actions forward as open follow-up questions, first', () => {
    const agenda = defaultAgenda('checkin', { previousOpenActions: ['Draft the RFC.', '  ', 'pair with Lee on the  on-call runbook', 'Draft the RFC'] });
    assert.equal(agenda[0], "How did 'Draft the RFC' go, and what did you learn from it?");
    assert.equal(agenda[1], "How did 'pair with Lee on the on-call runbook' go, and what did you learn from it?");
    assert.equal(agenda.length, 2 + 4);
    for (const text of agenda) assert.match(text, /^(How|What|Where|Which|Who|When|If|On|Looking)\b.*\?$/);
  });

  it('phrases follow-ups as open questions', () => {
    assert.equal(followUpQuestion('Ship the migration!'), "How did 'Ship the migration' go, and what did you learn from it?");
  });
});

describe('agendaCompletions', () => {
  it("offers the session type's questions first, then the others", () => {
    const items = agendaCompletions('feedback', []);
    const own = questionsFor('feedback').length;
    assert.ok(items.slice(0, own).every((item) => item.type === 'feedback' && item.ofSessionType));
    assert.ok(items.slice(own).every((item) => item.type !== 'feedback' && !item.ofSessionType));
    const otherTypes = [...new Set(items.slice(own).map((item) => item.type))];
    assert.deepEqual(otherTypes, SESSION_TYPES.filter((t) => t !== 'feedback'));
  });

  it('skips questions already on the agenda, by normalised comparison', () => {
    const first = questionsFor('checkin')[0]!.text;
    const fromOtherType = questionsFor('closure')[0]!.text;
    const items = agendaCompletions('checkin', [`  ${first.toUpperCase().replace('?', '')} `, fromOtherType.replace(/ /g, '  ')]);
    const texts = items.map((item) => normalizeQuestion(item.text));
    assert.ok(!texts.includes(normalizeQuestion(first)));
    assert.ok(!texts.includes(normalizeQuestion(fromOtherType)));
    assert.equal(items.length, agendaCompletions('checkin', []).length - 2);
  });

  it('gives each completion its stage or purpose as detail', () => {
    const item = agendaCompletions('checkin', []).find((c) => c.stage === 'reality')!;
    assert.match(item.detail, /Check-in · GROW: Reality · the (mentor asks|protégé brings)/);
    for (const c of agendaCompletions(undefined, [])) assert.ok(c.detail.length > 0);
  });
});
