// Smoke test: opening the fixture workspace's plan file activates the extension.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, waitFor } from './extension-support';

describe('activation', () => {
  it('opens the fixture workspace', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'the launcher opens exactly one folder');
  });

  it(`activates ${EXTENSION_ID} when a plan file is open`, async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder');
    const planUri = vscode.Uri.joinPath(folder.uri, 'team.mentoring.yaml');
    const document = await vscode.workspace.openTextDocument(planUri);
    await vscode.window.showTextDocument(document);
    assert.match(document.getText(), /schemaVersion:\s*1/);

    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded in the extension host`);
    await waitFor(() => extension.isActive, `${EXTENSION_ID} to activate`, 15_000);
  });
});
