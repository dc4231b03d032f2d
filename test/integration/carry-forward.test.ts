// Add Session follows up on earlier open actions the user picks (the latest session's ticked):
// the actions stay in their session, the new session's agenda asks about them. Exact text and undo.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { defaultAgenda } from '../../src/core/agenda';
import { api, openPlan, undoUntil } from './extension-support';

function sessionText(id: string, date: string, agenda: readonly string[]): string {
  return [`  - id: ${id}`, `    date: ${date}`, '    type: checkin', '    agenda:', ...agenda.map((question) => `      - ${question}`), ''].join('\n');
}

describe('Add Session carries open actions forward as follow-up questions', function () {
  this.timeout(90_000);
  let document: vscode.TextDocument;
  let original: string;

  before(api);

  beforeEach(async () => {
    ({ document } = await openPlan('problems.mentoring.yaml'));
    original = document.getText();
  });

  afterEach(async () => {
    await undoUntil(document, original);
  });

  it('asks about none when none is picked, and leaves the action where it began', async () => {
    assert.equal(await vscode.commands.executeCommand('mentoringPlan.addSession', { uri: document.uri, type: 'checkin', date: '2025-03-10', carryForward: [] }), true);
    assert.equal(document.getText(), `${original}${sessionText('checkin-2025-03-10', '2025-03-10', defaultAgenda('checkin'))}`);
  });

  it('asks about the picked actions, first, without copying them', async () => {
    assert.equal(await vscode.commands.executeCommand('mentoringPlan.addSession', { uri: document.uri, type: 'checkin', date: '2025-03-10', carryForward: ['Read the design review guide'] }), true);
    assert.equal(document.getText(), `${original}${sessionText('checkin-2025-03-10', '2025-03-10', defaultAgenda('checkin', { previousOpenActions: ['Read the design review guide'] }))}`);
    assert.ok(document.getText().includes("      - How did 'Read the design review guide' go, and what did you learn from it?\n"));
    assert.equal(document.getText().match(/- text: /g)?.length, 1, 'the action was copied');
  });
});
