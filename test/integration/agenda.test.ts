// Question-led agendas inside a real VS Code: completion in `agenda:` and "Insert Agenda Question…".
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { yamlString } from '../../src/core/completion';
import { questionsFor } from '../../src/core/questions';
import { api, openPlan, undoUntil } from './extension-support';

const PLAN = 'team.mentoring.yaml';
const EXISTING = '      - What would make this mentorship worthwhile for you?';

describe('agenda questions', () => {
  before(async () => {
    await api();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('completes inside a kickoff agenda with kickoff questions first, each with its stage, skipping one already there', async () => {
    const { document, editor } = await openPlan(PLAN);
    const original = document.getText();
    const line = document.getText().split('\n').indexOf(EXISTING);
    assert.ok(line > 0, 'fixture has the kickoff agenda');
    const kickoff = questionsFor('kickoff').map((question) => question.text);
    // A bank question already in the agenda, then an empty item to complete.
    const present = kickoff[1];
    await editor.edit((builder) => builder.insert(new vscode.Position(line + 1, 0), `      - ${yamlString(present)}\n      - \n`));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(line + 2, 8));
    const ours = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Text && typeof item.detail === 'string' && item.detail.includes('·'));
    const labels = ours.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    const sorted = [...ours].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText))).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    const expectedFirst = kickoff.filter((question) => question !== present);
    assert.equal(expectedFirst.length, kickoff.length - 1, 'the bank has the question once');
    assert.deepEqual(new Set(sorted.slice(0, expectedFirst.length)), new Set(expectedFirst), 'the other kickoff questions come first');
    assert.ok(!labels.includes(present), `"${present}" is already in the agenda but offered again`);
    assert.ok(ours.length > expectedFirst.length, 'the other types follow');
    assert.match(String(ours[0].detail), /Kick-off/);
    await undoUntil(document, original);
  });

  it('completes session types after type:', async () => {
    const { document } = await openPlan(PLAN);
    const line = document.getText().split('\n').indexOf('    type: kickoff');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(line, '    type: '.length));
    const values = list.items.filter((item) => item.kind === vscode.CompletionItemKind.EnumMember).map((item) => item.label);
    for (const type of ['kickoff', 'checkin', 'closure']) assert.ok(values.includes(type), type);
  });

  it('"Insert Agenda Question…" appends the question to the session, undoably, as one new line', async () => {
    const { document } = await openPlan(PLAN);
    const original = document.getText();
    const question = questionsFor('kickoff')[1].text;
    const changed = await vscode.commands.executeCommand<boolean>('mentoringPlan.insertAgendaQuestion', { uri: document.uri, sessionId: 'kickoff', question });
    assert.equal(changed, true);
    const lines = document.getText().split('\n');
    const at = lines.indexOf(EXISTING);
    assert.match(lines[at + 1], /^ {6}- /);
    assert.ok(lines[at + 1].includes(question.slice(0, 20)));
    assert.equal(lines.length, original.split('\n').length + 1);
    assert.ok(document.isDirty);
    await undoUntil(document, original);
  });
});
