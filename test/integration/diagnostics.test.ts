// Problems: every core finding is a diagnostic at its exact range, for open and unopened plans,
// following typing and file changes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, lineOf, nextAnnouncement, openPlan, ourDiagnostics, recordTiming, undoUntil, waitFor, waitForEqual, workspaceUri } from './extension-support';

/** [line, start, line, end] of `token` on the line equal to `line`. */
function at(text: string, line: string, token: string, after = -1): [number, number, number, number] {
  const index = lineOf(text, line, after);
  const start = line.indexOf(token);
  assert.notEqual(start, -1, `${token} not on ${line}`);
  return [index, start, index, start + token.length];
}

describe('diagnostics', () => {
  let mentoring: Awaited<ReturnType<typeof api>>;
  const mentoringStore = () => mentoring.store;
  before(async () => {
    mentoring = await api();
  });

  it('reports every finding of a plan at its exact range, with code and source', async () => {
    const { document } = await openPlan('problems.mentoring.yaml');
    const text = document.getText();
    const firstId = lineOf(text, '  - id: system-design');
    // Waiting for exactly these: an earlier suite's undo may still be on its way through the debounce.
    await waitForEqual(() => ourDiagnostics(document.uri), [
      ['cadence-lapse', ...at(text, '  cadence: weekly', 'weekly')],
      ['schema', ...at(text, '    status: done # not a goal status', 'done')],
      ['duplicate-id', ...at(text, '  - id: system-design', 'system-design', firstId)],
      ['unknown-reference', ...at(text, '    goals: [system-desing]', 'system-desing')],
      ['agenda-not-question', ...at(text, '      - Talk about career plans', 'Talk about career plans')],
      ['overdue-action', ...at(text, '        due: 2025-03-10', '2025-03-10')],
    ], 'the findings of problems.mentoring.yaml');
    const severities = vscode.languages.getDiagnostics(document.uri).map((d) => d.severity);
    const S = vscode.DiagnosticSeverity;
    assert.deepEqual(severities, [S.Warning, S.Error, S.Error, S.Error, S.Information, S.Warning]);
    const schema = vscode.languages.getDiagnostics(document.uri)[1];
    assert.match(schema.message, /cannot be `done`; use one of: proposed, active, at-risk, achieved, dropped/);
  });

  it('reports problems of plans that are not open, found by the workspace scan', async () => {
    const uri = workspaceUri('paused.mentoring.yml');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the test expects paused.mentoring.yml to be closed');
    const found = await waitFor(() => ourDiagnostics(uri).length > 0 && ourDiagnostics(uri), 'diagnostics on the unopened plan');
    assert.deepEqual(found, [['schema', 8, 11, 8, 22]]);
  });

  it('follows typing within a fraction of a second, and undo clears the finding again', async () => {
    let mark = Date.now();
    const { document } = await openPlan('team.mentoring.yaml');
    const original = document.getText();
    recordTiming('open team plan ms', Date.now() - mark);
    mark = Date.now();
    await waitFor(() => ourDiagnostics(document.uri).length > 0, 'first diagnostics on team.mentoring.yaml');
    recordTiming('diagnostics on team plan ms', Date.now() - mark);
    const before = ourDiagnostics(document.uri);
    const line = lineOf(original, '    status: proposed');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(line, 12, line, 20), 'maybe');
    // Measured from the change event the extension host sees, as the user's keystroke arrives there.
    let changedAt = 0;
    const listener = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === document && changedAt === 0) changedAt = Date.now();
    });
    const started = Date.now();
    try {
      assert.ok(await vscode.workspace.applyEdit(edit));
      const applied = Date.now();
      const found = await waitFor(() => ourDiagnostics(document.uri).find(([code, l]) => code === 'schema' && l === line), 'a schema diagnostic for the typed value', 3000);
      const elapsed = Date.now() - changedAt;
      assert.deepEqual(found, ['schema', line, 12, line, 17]);
      recordTiming('applyEdit ms', applied - started);
      recordTiming('change event to diagnostic ms', elapsed);
    } finally {
      listener.dispose();
    }
    mark = Date.now();
    await undoUntil(document, original);
    recordTiming('undo ms', Date.now() - mark);
    mark = Date.now();
    await waitFor(() => JSON.stringify(ourDiagnostics(document.uri)) === JSON.stringify(before), 'the diagnostics from before the edit');
    recordTiming('diagnostics after undo ms', Date.now() - mark);
  });

  it('sends Problems nothing for a keystroke that leaves the findings as they were, and sends the change of one that does not', async () => {
    const { store } = await api();
    const { document } = await openPlan('team.mentoring.yaml');
    const original = document.getText();
    await waitFor(() => ourDiagnostics(document.uri).length > 0, 'first diagnostics on team.mentoring.yaml');
    const before = ourDiagnostics(document.uri);
    const key = document.uri.toString();
    // The extension host fires this 50 ms after a collection is set (it gathers the changes of a burst).
    let changes = 0;
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((uri) => uri.toString() === key)) changes++;
    });
    try {
      const title = lineOf(original, '    title: Give a talk at the team meetup');
      let next = nextAnnouncement(store, document.uri);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, new vscode.Position(title, document.lineAt(title).text.length), ' soon');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await next;
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(changes, 0, 'a new title changes no finding');
      assert.deepEqual(ourDiagnostics(document.uri), before);
      const status = lineOf(original, '    status: proposed');
      next = nextAnnouncement(store, document.uri);
      const breaking = new vscode.WorkspaceEdit();
      breaking.replace(document.uri, new vscode.Range(status, 12, status, 20), 'maybe');
      assert.ok(await vscode.workspace.applyEdit(breaking));
      await next;
      await waitFor(() => changes > 0, 'the new finding sent to Problems');
      assert.ok(ourDiagnostics(document.uri).some(([code, line]) => code === 'schema' && line === status));
    } finally {
      listener.dispose();
      await undoUntil(document, original);
      // code-server may have saved the edited text meanwhile; the file on disk must be the original again too.
      await document.save();
    }
    await waitFor(() => JSON.stringify(ourDiagnostics(document.uri)) === JSON.stringify(before), 'the diagnostics from before the edits');
  });

  it('picks up plan files created and deleted on disk', async () => {
    const uri = workspaceUri('created-on-disk.mentoring.yaml');
    const text = 'schemaVersion: 1\r\nmentorship:\r\n  cadence: daily\r\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      const found = await waitFor(() => ourDiagnostics(uri).length > 0 && ourDiagnostics(uri), 'diagnostics on a plan created on disk', 10_000);
      assert.ok(found.some(([code, line, start, , end]) => code === 'schema' && line === 2 && start === 11 && end === 16), JSON.stringify(found));
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await waitFor(() => ourDiagnostics(uri).length === 0, 'diagnostics to go with the deleted file', 10_000);
  });

  it('lists only the plans open in an editor with mentoringPlan.diagnostics.scope openFiles, a plan’s findings coming with its editor', async () => {
    const open = workspaceUri('problems.mentoring.yaml');
    await openPlan('problems.mentoring.yaml');
    const uri = workspaceUri('scope-test.mentoring.yaml');
    const config = vscode.workspace.getConfiguration('mentoringPlan');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('schemaVersion: 1\nmentorship:\n  cadence: daily\n'));
    try {
      await waitFor(() => ourDiagnostics(uri).length > 0, 'the new plan’s findings while every plan is listed', 10_000);
      const openFindings = ourDiagnostics(open).length;
      assert.ok(openFindings > 0);
      await config.update('diagnostics.scope', 'openFiles', vscode.ConfigurationTarget.Workspace);
      await waitFor(() => ourDiagnostics(uri).length === 0, 'the closed plan’s findings to leave Problems');
      assert.equal(ourDiagnostics(open).length, openFindings, 'the open plan keeps its findings');
      assert.ok(mentoringStore().get(uri)?.result.issues.length, 'the plan is still checked (the tree counts its findings)');
      await vscode.workspace.openTextDocument(uri);
      const found = await waitFor(() => ourDiagnostics(uri).length > 0 && ourDiagnostics(uri), 'the findings back with the plan open');
      assert.ok(found.some(([code]) => code === 'schema'), JSON.stringify(found));
    } finally {
      await config.update('diagnostics.scope', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(uri);
    }
    await waitFor(() => ourDiagnostics(uri).length === 0, 'diagnostics to go with the deleted file', 10_000);
  });

  it('leaves out the rules named in mentoringPlan.disabledRules, and shows nothing when diagnostics are off', async () => {
    const uri = workspaceUri('problems.mentoring.yaml');
    const config = vscode.workspace.getConfiguration('mentoringPlan');
    try {
      await config.update('disabledRules', ['agenda-not-question', 'overdue-action'], vscode.ConfigurationTarget.Workspace);
      await waitFor(() => !ourDiagnostics(uri).some(([code]) => code === 'agenda-not-question' || code === 'overdue-action'), 'disabled rules to disappear');
      assert.equal(ourDiagnostics(uri).length, 4);
      await config.update('diagnostics.enabled', false, vscode.ConfigurationTarget.Workspace);
      await waitFor(() => ourDiagnostics(uri).length === 0, 'diagnostics to be cleared');
    } finally {
      await config.update('disabledRules', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('diagnostics.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(() => ourDiagnostics(uri).length === 6, 'all six findings to come back');
  });
});
