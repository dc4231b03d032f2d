// Add Action (issue 11) in the real VS Code: the exact plan text afterwards, one undo back to the
// saved bytes, the new action in the tree under its session and in the Actions view; a bad due
// date, an unknown session and Escape write nothing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ActionsViewNode } from '../../src/extension/actions-view';
import type { MentoringPlanTestApi } from '../../src/extension/services';
import { api, children, descend, openPlan, planNode, undoUntil, waitFor } from './extension-support';

const KICKOFF_ACTIONS_END = '        due: 2025-01-20\n        done: true\n';

/** Every row of the Actions view under `node`, depth first, as "label · description". */
async function actionsViewRows(mentoring: MentoringPlanTestApi, node?: ActionsViewNode): Promise<string[]> {
  const view = mentoring.testing.actionsView;
  const rows: string[] = [];
  for (const child of await view.getChildren(node)) {
    const item = view.getTreeItem(child);
    rows.push(`${String(typeof item.label === 'string' ? item.label : item.label?.label)} · ${String(item.description ?? '')}`);
    rows.push(...(await actionsViewRows(mentoring, child)));
  }
  return rows;
}

describe('Add Action (issue 11)', function () {
  this.timeout(60_000);
  let mentoring: MentoringPlanTestApi;
  let team: vscode.TextDocument;
  let teamText: string;

  before(async () => {
    mentoring = (await api()) as MentoringPlanTestApi;
  });

  beforeEach(async () => {
    ({ document: team } = await openPlan('team.mentoring.yaml'));
    teamText = team.getText();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await undoUntil(team, teamText);
    await waitFor(() => !team.isDirty, 'undo to bring back the saved state');
  });

  it('appends the action to the session with owner and due date; one undo restores the bytes; tree and Actions view show it', async () => {
    const args = { uri: team.uri, sessionId: 'kickoff', text: '  Rehearse the opening question with a colleague ', owner: 'protege', due: '2025-04-30' };
    assert.equal(await vscode.commands.executeCommand('mentoringPlan.addAction', args), true);
    const added = '      - text: Rehearse the opening question with a colleague\n        owner: protege\n        due: 2025-04-30\n        done: false\n';
    assert.equal(team.getText(), teamText.replace(KICKOFF_ACTIONS_END, KICKOFF_ACTIONS_END + added));

    // The tree: the session row's children now end their actions with the new one.
    const kickoff = await waitFor(async () => {
      const session = await descend(mentoring.tree, await planNode(mentoring.tree, 'team.mentoring.yaml'), ['Sessions', 'Kick-off']);
      const rows = await children(mentoring.tree, session.node);
      return rows.some((row) => row.label === 'Rehearse the opening question with a colleague') && rows;
    }, 'the new action under the Kick-off session in the tree');
    const action = kickoff.find((row) => row.label === 'Rehearse the opening question with a colleague')!;
    assert.equal(action.item.contextValue, 'action.open');
    assert.match(action.description, /^protege · due 2025-04-30 · overdue$/);
    assert.equal(action.node.actionIndex, 1);

    // The Actions view lists it under its plan (open, so it shows; the earlier one is done, so it does not).
    const shown = await waitFor(async () => {
      const rows = await actionsViewRows(mentoring);
      return rows.some((row) => row.startsWith('Rehearse the opening question with a colleague · due 2025-04-30')) && rows;
    }, 'the new action in the Actions view');
    assert.ok(shown.some((row) => row.startsWith('Ada and Grace · 1 open')), `the plan row counts it: ${shown.join(' | ')}`);
    assert.ok(!shown.some((row) => row.startsWith('Draft three talk topics')), 'a done action stays out of the view');

    await vscode.commands.executeCommand('undo');
    assert.equal(team.getText(), teamText);
    await waitFor(async () => !(await actionsViewRows(mentoring)).some((row) => row.startsWith('Rehearse the opening question')), 'the action to leave the Actions view after undo');
  });

  it('writes no due date when it is left empty', async () => {
    assert.equal(await vscode.commands.executeCommand('mentoringPlan.addAction', { uri: team.uri, sessionId: 'kickoff', text: 'Send Ada the meetup slot', owner: 'mentor', due: '' }), true);
    assert.equal(team.getText(), teamText.replace(KICKOFF_ACTIONS_END, `${KICKOFF_ACTIONS_END}      - text: Send Ada the meetup slot\n        owner: mentor\n        done: false\n`));
  });

  it('refuses a due date that is not a calendar day, an unknown session and an empty text, writing nothing', async () => {
    for (const bad of [
      { sessionId: 'kickoff', text: 'Rehearse', owner: 'protege', due: '2025-02-30' },
      { sessionId: 'kickoff', text: 'Rehearse', owner: 'protege', due: '30/04/2025' },
      { sessionId: 'no-such-session', text: 'Rehearse', owner: 'protege', due: '' },
      { sessionId: 'kickoff', text: '   ', owner: 'protege', due: '' },
      { sessionId: 'kickoff', text: 'Rehearse', owner: 'someone', due: '' },
    ]) {
      assert.equal(await vscode.commands.executeCommand('mentoringPlan.addAction', { uri: team.uri, ...bad }), false, JSON.stringify(bad));
      assert.equal(team.getText(), teamText, `nothing written for ${JSON.stringify(bad)}`);
      assert.equal(team.isDirty, false);
    }
  });

  it('Escape on a prompt cancels without writing', async () => {
    // The due date is asked for; Escape (closing the quick input) ends the command with nothing written.
    let settled = false;
    const running = Promise.resolve(vscode.commands.executeCommand('mentoringPlan.addAction', { uri: team.uri, sessionId: 'kickoff', text: 'Rehearse', owner: 'protege' })).finally(() => (settled = true));
    // Closing before the box is up does nothing, so close until the command has ended.
    const deadline = Date.now() + 10_000;
    while (!settled && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    }
    assert.equal(await running, false);
    assert.equal(team.getText(), teamText);
    assert.equal(team.isDirty, false);
  });
});
