// "Which plan?": commands take a plan as a Uri or its string form, and refuse anything else
// without touching a file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, undoUntil, workspaceUri } from './extension-support';

describe('plan resolver', function () {
  this.timeout(30_000);
  before(api);
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('takes a plan by URI string, and refuses a string that is not a URI', async () => {
    const uri = workspaceUri('team.mentoring.yaml');
    const document = await vscode.workspace.openTextDocument(uri);
    const original = document.getText();
    // A file path is not a URI (no scheme): refused, though a lenient parse would find the file.
    for (const notUri of ['team.mentoring.yaml', uri.fsPath]) {
      assert.equal(await vscode.commands.executeCommand('mentoringPlan.addGoal', { uri: notUri, title: 'Not added', kind: 'objective' }), false, notUri);
      assert.equal(document.getText(), original);
    }
    assert.equal(await vscode.commands.executeCommand('mentoringPlan.addGoal', { uri: uri.toString(), title: 'Pair on a review', kind: 'objective' }), true);
    assert.ok(document.getText().includes('title: Pair on a review'));
    await undoUntil(document, original);
  });

  it('refuses a file that is not a plan', async () => {
    const uri = workspaceUri('notes.yaml');
    const text = 'goals: []\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      assert.equal(await vscode.commands.executeCommand('mentoringPlan.addGoal', { uri, title: 'Not added', kind: 'objective' }), false);
      const document = await vscode.workspace.openTextDocument(uri);
      assert.equal(document.getText(), text);
      assert.equal(document.isDirty, false);
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });
});
