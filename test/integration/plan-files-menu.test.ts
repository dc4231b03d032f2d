// The "Compare Plan with…" menus offer the command on the files mentoringPlan.planGlob names, not on
// a file-name pattern of their own: their when clause asks whether the file's resourcePath is in the
// context key mentoringPlan.planFiles, which the extension keeps equal to the plans it knows.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS, PLAN_FILES_CONTEXT } from '../../src/extension/command-ids';
import type { CompareResult } from '../../src/extension/compare-plan';
import type { MentoringPlanTestApi } from '../../src/extension/services';
import { EXTENSION_ID, api, waitFor, workspaceUri } from './extension-support';
import { findRepoRoot } from './support/paths';

const MENUS_WITH_COMPARE = ['editor/title', 'editor/context', 'explorer/context'];

function compareRefusal(uri: vscode.Uri): Thenable<string | undefined> {
  return vscode.commands.executeCommand<CompareResult>(COMMANDS.comparePlan, { uri, ref: 'HEAD' }).then((result) => (result && 'refused' in result ? result.refused : undefined));
}

describe('plan files context key (Compare menus)', function () {
  this.timeout(60_000);

  it('the menus ask the context key, which follows a custom plan glob both ways', async () => {
    const mentoring = (await api()) as MentoringPlanTestApi;
    const planFiles = mentoring.testing.planFiles;
    // What the workbench evaluates: the installed extension's manifest (code-server rewrites
    // `resourceScheme == file` to its remote scheme and quotes the operands, so match the key part).
    const menus = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.menus as Record<string, { command: string; when?: string }[]>;
    for (const menu of MENUS_WITH_COMPARE) {
      const item = menus[menu].find((entry) => entry.command === COMMANDS.comparePlan);
      assert.match(item?.when ?? '', new RegExp(`&& resourcePath in '?${PLAN_FILES_CONTEXT.replace('.', '\\.')}'?$`), menu);
      assert.doesNotMatch(item?.when ?? '', /resourceFilename/, menu);
    }

    const fixture = workspaceUri('team.mentoring.yaml');
    await waitFor(() => planFiles.sent().includes(fixture.fsPath), 'the fixture plan in the context key');

    const example = readFileSync(join(findRepoRoot(__dirname), 'examples/alex-and-sam.mentoring.yaml'), 'utf8');
    const custom = workspaceUri('menu-check.plan');
    await vscode.workspace.fs.writeFile(custom, new TextEncoder().encode(example));
    const config = vscode.workspace.getConfiguration('mentoringPlan');
    try {
      assert.ok(!planFiles.sent().includes(custom.fsPath), 'not a plan under the default glob');
      assert.match((await compareRefusal(custom)) ?? '', /is not a mentoring plan/);

      await config.update('planGlob', '**/*.plan', vscode.ConfigurationTarget.Workspace);
      await waitFor(() => planFiles.sent().includes(custom.fsPath), 'menu-check.plan in the context key', 10_000);
      await waitFor(() => !planFiles.sent().includes(fixture.fsPath), 'the default-glob plans to leave the context key', 10_000);
      // The command itself takes the file as a plan and goes on to Git: the launcher turns Git off,
      // but once a suite before this one has turned it on, the Git extension stays on until a reload.
      assert.match((await compareRefusal(custom)) ?? '', /^(Git is turned off in VS Code|menu-check\.plan is not in a git repository)/);

      await config.update('planGlob', undefined, vscode.ConfigurationTarget.Workspace);
      await waitFor(() => !planFiles.sent().includes(custom.fsPath), 'menu-check.plan to leave the context key', 10_000);
      await waitFor(() => planFiles.sent().includes(fixture.fsPath), 'the fixture plan to come back', 10_000);
    } finally {
      await config.update('planGlob', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(custom);
    }
  });
});
