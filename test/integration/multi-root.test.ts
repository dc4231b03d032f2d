// A programme lead's repository: several folders, each with a pair's plan. Runs only in the
// multi-root workspace the offline launcher opens for suites tagged "(multi-root)".
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, children, waitFor } from './extension-support';

describe('Mentoring view in a multi-root workspace (multi-root)', () => {
  it('gives each folder\'s plan its own top node, ordered by folder, with its findings', async () => {
    const mentoring = await api();
    const folders = await waitFor(() => (vscode.workspace.workspaceFolders?.length === 2 ? vscode.workspace.workspaceFolders : undefined), 'the two workspace folders');
    assert.deepEqual(folders.map((folder) => folder.name), ['pair-ada', 'pair-lin']);
    const plans = await waitFor(async () => {
      const shown = await children(mentoring.tree);
      return shown.length === 2 && shown;
    }, 'two plan nodes');
    assert.deepEqual(
      plans.map((plan) => [plan.label, vscode.workspace.getWorkspaceFolder(plan.node.uri)?.name]),
      [
        ['Ada and Grace', 'pair-ada'],
        ['Lin and Sam', 'pair-lin'],
      ],
    );
    const lin = plans[1].node.uri;
    const codes = await waitFor(() => {
      const found = vscode.languages.getDiagnostics(lin).map((diagnostic) => String(diagnostic.code));
      return found.includes('duplicate-id') && found;
    }, 'diagnostics for the second folder\'s plan');
    assert.ok(codes.includes('unknown-reference'));
  });
});
