// mentoringPlan.planGlob decides what a plan is for every feature: the store, diagnostics,
// completion, CodeLenses and quick fixes follow a change of the setting without a reload.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { api, children, ourDiagnostics, waitFor, workspaceUri } from './extension-support';
import { findRepoRoot } from './support/paths';

async function sessionTypeCompletions(document: vscode.TextDocument): Promise<string[]> {
  const line = document.getText().split('\n').findIndex((text) => text.startsWith('    type: '));
  assert.notEqual(line, -1);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(line, '    type: '.length));
  return list.items.filter((item) => item.kind === vscode.CompletionItemKind.EnumMember).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

async function lensTitles(document: vscode.TextDocument): Promise<string[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100)) ?? [];
  return lenses.map((lens) => lens.command?.title ?? '');
}

describe('plan glob setting', function () {
  this.timeout(60_000);

  it('makes a file of another name and language a plan for every feature, and stops when set back', async () => {
    const mentoring = await api();
    const example = readFileSync(join(findRepoRoot(__dirname), 'examples/alex-and-sam.mentoring.yaml'), 'utf8');
    // Not YAML by name: VS Code opens it as plain text, so only a selector built from the glob reaches it.
    const uri = workspaceUri('pair.plan');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(example.replace('cadence: biweekly', 'cadence: sometimes')));
    const config = vscode.workspace.getConfiguration('mentoringPlan');
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      assert.notEqual(document.languageId, 'yaml');
      assert.deepEqual(await sessionTypeCompletions(document), [], 'not a plan under the default glob');

      await config.update('planGlob', '**/*.plan', vscode.ConfigurationTarget.Workspace);
      await waitFor(() => mentoring.store.get(uri), 'the store to take pair.plan as a plan', 10_000);
      await waitFor(() => !mentoring.store.get(workspaceUri('team.mentoring.yaml')), 'the old plans to leave the store', 10_000);
      await waitFor(() => ourDiagnostics(uri).some(([code]) => code === 'schema'), 'diagnostics on pair.plan', 10_000);
      const types = await sessionTypeCompletions(document);
      for (const type of ['kickoff', 'checkin']) assert.ok(types.includes(type), `completion offers ${type}: ${types.join(', ')}`);
      assert.ok((await lensTitles(document)).includes('Write feedback'), 'the feedback CodeLens');

      await config.update('planGlob', undefined, vscode.ConfigurationTarget.Workspace);
      await waitFor(() => !mentoring.store.get(uri), 'pair.plan to stop being a plan', 10_000);
      await waitFor(() => mentoring.store.get(workspaceUri('team.mentoring.yaml')), 'the old plans to come back', 10_000);
      assert.deepEqual(await sessionTypeCompletions(document), []);
      assert.deepEqual(await lensTitles(document), []);
    } finally {
      await config.update('planGlob', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });
});

describe('plans in a new folder', function () {
  this.timeout(60_000);

  it('appear in the tree and Problems when a folder is created with a plan written into it at once', async () => {
    const mentoring = await api();
    const example = readFileSync(join(findRepoRoot(__dirname), 'examples/alex-and-sam.mentoring.yaml'), 'utf8');
    const folder = workspaceUri('new-cohort');
    const uri = workspaceUri('new-cohort/later/pair.mentoring.yaml');
    // As a git checkout or a script does it: the folders and the file within a millisecond, so the
    // file watcher may see the folder and not the file in it (it watches a folder once it exists).
    mkdirSync(join(folder.fsPath, 'later'), { recursive: true });
    writeFileSync(uri.fsPath, example.replace('cadence: biweekly', 'cadence: sometimes'));
    try {
      await waitFor(() => mentoring.store.get(uri), 'the store to find the plan in the new folder', 20_000);
      await waitFor(async () => (await children(mentoring.tree)).some((plan) => plan.node.uri.toString() === uri.toString()), 'the plan in the tree', 10_000);
      await waitFor(() => ourDiagnostics(uri).some(([code]) => code === 'schema'), 'its problem (the unknown cadence) in Problems', 10_000);
    } finally {
      rmSync(folder.fsPath, { recursive: true, force: true });
      await waitFor(() => !mentoring.store.get(uri), 'the plan to go with its folder', 20_000);
    }
  });
});
