// The Actions view: open actions across plans by plan and owner, overdue marked in a theme colour;
// toggling a row edits its session (exact text, undo) and the row leaves the view; a click reveals its line.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { dayNumber } from '../../src/core/dates';
import type { ActionsViewNode } from '../../src/extension/actions-view';
import type { MentoringPlanTestApi } from '../../src/extension/services';
import { todayIso } from '../../src/extension/today';
import { api, lineOf, undoUntil, waitFor, workspaceUri } from './extension-support';

interface Row {
  node: ActionsViewNode;
  label: string;
  description: string;
  icon: [string | undefined, string | undefined];
}

async function rows(mentoring: MentoringPlanTestApi, node?: ActionsViewNode): Promise<Row[]> {
  const view = mentoring.testing.actionsView;
  const folder = vscode.workspace.workspaceFolders![0].uri.toString();
  const found = (await view.getChildren(node)).filter((child) => node || ('entry' in child && child.entry.uri.toString().startsWith(folder)));
  return found.map((child) => {
    const item = view.getTreeItem(child);
    const icon = item.iconPath as vscode.ThemeIcon | undefined;
    return { node: child, label: String(item.label), description: String(item.description ?? ''), icon: [icon?.id, icon?.color?.id] };
  });
}

describe('Actions view', function () {
  this.timeout(60_000);
  let mentoring: MentoringPlanTestApi;
  before(async () => {
    mentoring = (await api()) as MentoringPlanTestApi;
  });

  it('lists open actions by plan and owner, overdue in a theme colour; toggling one edits its session and undo brings it back', async () => {
    const uri = workspaceUri('problems.mentoring.yaml');
    const days = dayNumber(todayIso())! - dayNumber('2025-03-10')!;
    const plans = await rows(mentoring);
    assert.deepEqual(plans.map((row) => [row.label, row.description]), [['Lin and Sam', '1 open · 1 overdue · problems.mentoring.yaml']]);
    const owners = await rows(mentoring, plans[0].node);
    assert.deepEqual(owners.map((row) => [row.label, row.description, row.icon[0]]), [['protégé', '1', 'person']]);
    const actions = await rows(mentoring, owners[0].node);
    assert.deepEqual(actions.map((row) => [row.label, row.description, ...row.icon]), [['Read the design review guide', `due 2025-03-10 · overdue ${days} days · first`, 'warning', 'list.warningForeground']]);

    const document = await vscode.workspace.openTextDocument(uri);
    const original = document.getText();
    // A click reveals the action's line.
    const click = mentoring.testing.actionsView.getTreeItem(actions[0].node).command!;
    assert.equal(click.command, 'vscode.open');
    assert.equal((click.arguments![1] as vscode.TextDocumentShowOptions).selection!.start.line, lineOf(original, '      - text: Read the design review guide'));

    assert.equal(await vscode.commands.executeCommand('mentoringPlan.toggleActionDone', actions[0].node), true);
    assert.equal(document.getText(), original.replace('        due: 2025-03-10\n', '        due: 2025-03-10\n        done: true\n'));
    await waitFor(async () => (await rows(mentoring)).length === 0, 'the done action to leave the view');
    await undoUntil(document, original);
    await waitFor(async () => (await rows(mentoring)).length === 1, 'the action back in the view after undo');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
