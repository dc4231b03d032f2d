// The agreement under each plan node: roles per side, cadence, confidentiality and the end, each
// revealing its line.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type * as vscode from 'vscode';
import { api, children, descend, lineOf, planNode, workspaceUri } from './extension-support';

describe('Agreement in the tree', function () {
  this.timeout(60_000);

  it('shows roles, cadence, confidentiality and the end under the plan, each revealing its line', async () => {
    const mentoring = await api();
    const team = await planNode(mentoring.tree, 'team.mentoring.yaml');
    const agreement = await descend(mentoring.tree, team, ['Agreement']);
    const rows = await children(mentoring.tree, agreement.node);
    assert.deepEqual(
      rows.map((row) => [row.label, row.description, (row.item.iconPath as vscode.ThemeIcon).id]),
      [
        ['Mentor’s role', 'Ask questions before offering answers; Share stories of own mistakes', 'person'],
        ['Protégé’s role', 'Set the agenda for each session; Follow up on agreed actions', 'person'],
        ['Cadence', 'biweekly', 'calendar'],
        ['Confidentiality', 'What we discuss stays between us unless there is a safety concern.', 'lock'],
        ['Ends when', 'Goals met, on 2025-07-04, or when either of us asks for a no-fault conclusion.', 'flag'],
      ],
    );
    const text = readFileSync(workspaceUri('team.mentoring.yaml').fsPath, 'utf8');
    const lines = rows.map((row) => ((row.item.command?.arguments?.[1] as vscode.TextDocumentShowOptions).selection as vscode.Range).start.line);
    assert.deepEqual(lines, [
      lineOf(text, '      mentor:'),
      lineOf(text, '      protege:'),
      lineOf(text, '  cadence: biweekly'),
      lineOf(text, '    confidentiality: What we discuss stays between us unless there is a safety concern.'),
      lineOf(text, '    endWhen: Goals met, on 2025-07-04, or when either of us asks for a no-fault conclusion.'),
    ]);
  });
});
