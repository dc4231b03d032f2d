// Quick fixes: what the light bulb offers on each finding, and the exact text after applying it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, lineOf, openPlan, ourDiagnostics, undoUntil, waitFor, waitForEqual } from './extension-support';

async function fixesAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  // The resolve count makes VS Code resolve the edits, as it does when the user picks a fix.
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value, 50);
  // The command's result does not carry `diagnostics` back to the caller, so the kind is what we can filter on.
  return actions.filter((action) => action.kind?.value === vscode.CodeActionKind.QuickFix.value);
}

async function applyFix(document: vscode.TextDocument, range: vscode.Range, title: string): Promise<void> {
  const fixes = await fixesAt(document.uri, range);
  const fix = fixes.find((candidate) => candidate.title === title);
  assert.ok(fix, `no fix "${title}"; offered: ${fixes.map((f) => f.title).join(' | ')}`);
  assert.ok(fix.edit, `fix "${title}" has no edit`);
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
}

describe('quick fixes', () => {
  let document: vscode.TextDocument;
  let original: string;

  before(async () => {
    await api();
    ({ document } = await openPlan('problems.mentoring.yaml'));
    original = document.getText();
    const codes = ['cadence-lapse', 'schema', 'duplicate-id', 'unknown-reference', 'agenda-not-question', 'overdue-action'];
    await waitForEqual(() => ourDiagnostics(document.uri).map(([code]) => code), codes, 'the six findings of problems.mentoring.yaml');
  });

  afterEach(async () => {
    await undoUntil(document, original);
    // Quick fixes answer from the last check; let it catch up with the undo.
    const mentoring = await api();
    await waitFor(() => mentoring.store.get(document.uri)?.version === document.version, 'the check of the restored text');
  });

  it('offers the allowed values for a wrong enum value and writes the chosen one, comment kept', async () => {
    const line = lineOf(original, '    status: done # not a goal status');
    const range = new vscode.Range(line, 12, line, 16);
    const titles = (await fixesAt(document.uri, range)).map((fix) => fix.title);
    assert.deepEqual(titles, ['Change to "proposed"', 'Change to "active"', 'Change to "at-risk"', 'Change to "achieved"', 'Change to "dropped"']);
    await applyFix(document, range, 'Change to "achieved"');
    assert.equal(document.getText(), original.replace('    status: done # not a goal status\n', '    status: achieved # not a goal status\n'));
  });

  it('renames a duplicate id with the first free suffix', async () => {
    const line = lineOf(original, '  - id: system-design', lineOf(original, '  - id: system-design'));
    const range = new vscode.Range(line, 8, line, 21);
    const fixes = await fixesAt(document.uri, range);
    assert.deepEqual(fixes.map((fix) => [fix.title, fix.isPreferred]), [['Rename to "system-design-2"', true]]);
    await applyFix(document, range, 'Rename to "system-design-2"');
    const lines = original.split('\n');
    lines[line] = '  - id: system-design-2';
    assert.equal(document.getText(), lines.join('\n'));
  });

  it('offers the existing goal ids for an unknown goal reference, once each', async () => {
    const line = lineOf(original, '    goals: [system-desing]');
    const range = new vscode.Range(line, 12, line, 25);
    const fixes = await fixesAt(document.uri, range);
    assert.deepEqual(fixes.map((fix) => fix.title), ['Change to "system-design"']);
    await applyFix(document, range, 'Change to "system-design"');
    assert.equal(document.getText(), original.replace('    goals: [system-desing]\n', '    goals: [system-design]\n'));
  });

  it('rephrases an agenda statement as an open question', async () => {
    const line = lineOf(original, '      - Talk about career plans');
    const range = new vscode.Range(line, 8, line, 8);
    const title = 'Rephrase as a question: "What would you like to explore about career plans?"';
    await applyFix(document, range, title);
    assert.equal(document.getText(), original.replace('      - Talk about career plans\n', '      - What would you like to explore about career plans?\n'));
    await waitFor(() => !ourDiagnostics(document.uri).some(([code]) => code === 'agenda-not-question'), 'the agenda finding to go');
  });

  it('marks an overdue action done', async () => {
    const line = lineOf(original, '        due: 2025-03-10');
    const range = new vscode.Range(line, 13, line, 23);
    await applyFix(document, range, 'Mark the action done');
    assert.equal(document.getText(), original.replace('        due: 2025-03-10\n', '        due: 2025-03-10\n        done: true\n'));
  });

  it('offers nothing where there is no finding', async () => {
    const line = lineOf(original, '  title: Lin and Sam');
    assert.deepEqual(await fixesAt(document.uri, new vscode.Range(line, 3, line, 3)), []);
  });
});
