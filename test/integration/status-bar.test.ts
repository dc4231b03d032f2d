// The status bar item: overdue actions first, else the next session due by cadence.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, openPlan, undoUntil, waitFor } from './extension-support';

describe('status bar', () => {
  it('counts overdue actions across plans, then shows when the next session is due', async () => {
    const mentoring = await api();
    // problems.mentoring.yaml has one open action due 2025-03-10.
    assert.equal(await waitFor(() => mentoring.statusBarText(), 'the status bar item'), '$(warning) 1 overdue action');
    const { document } = await openPlan('problems.mentoring.yaml');
    const original = document.getText();
    await vscode.commands.executeCommand('mentoringPlan.toggleActionDone', { uri: document.uri, sessionId: 'first', actionIndex: 0 });
    // Then the earliest next session by cadence: team.mentoring.yaml met 2025-01-06, biweekly.
    await waitFor(() => mentoring.statusBarText() === '$(calendar) Session due since 2025-01-20', `the next session (now "${mentoring.statusBarText()}")`, 3000);
    await undoUntil(document, original);
    await waitFor(() => mentoring.statusBarText() === '$(warning) 1 overdue action', 'the overdue count to come back');
  });

  it('reports how long activation took', async () => {
    const mentoring = await api();
    assert.ok(mentoring.activationMs >= 0 && mentoring.activationMs < 500, `activation took ${mentoring.activationMs} ms`);
  });
});
