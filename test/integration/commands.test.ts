// Each command's effect on the plan file: the exact text afterwards, and undo restores it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { defaultAgenda } from '../../src/core/agenda';
import { defaultAgreement } from '../../src/core/edits';
import { newPlanWithKickoffText } from '../../src/core/new-plan';
import { todayIso } from '../../src/extension/today';
import { api, lineOf, openPlan, undoUntil, waitFor, workspaceUri } from './extension-support';

const COMMAND_IDS = ['newPlan', 'addGoal', 'addSession', 'setGoalStatus', 'toggleActionDone', 'carryForward', 'reveal', 'refresh'].map((name) => `mentoringPlan.${name}`);

/** Inserts `lines` before the line equal to `before`. */
function insertBefore(text: string, before: string, lines: string): string {
  const at = text.indexOf(`\n${before}\n`);
  assert.notEqual(at, -1, `no line ${before}`);
  return `${text.slice(0, at + 1)}${lines}${text.slice(at + 1)}`;
}

describe('commands', () => {
  before(api);

  it('registers every command of the manifest', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of COMMAND_IDS) assert.ok(registered.has(id), id);
  });

  describe('on team.mentoring.yaml', () => {
    let document: vscode.TextDocument;
    let original: string;

    beforeEach(async () => {
      ({ document } = await openPlan('team.mentoring.yaml'));
      original = document.getText();
      assert.equal(document.isDirty, false);
    });

    afterEach(async () => {
      await undoUntil(document, original);
      assert.equal(document.isDirty, false, 'undo should bring back the saved state');
    });

    it('Set goal status changes one value', async () => {
      assert.equal(await vscode.commands.executeCommand('mentoringPlan.setGoalStatus', { uri: document.uri, goalId: 'code-review', status: 'active' }), true);
      assert.equal(document.getText(), original.replace('    kind: objective\n    status: proposed\n', '    kind: objective\n    status: active\n'));
      assert.equal(document.isDirty, true);
    });

    it('Add goal appends a proposed goal with an id from its title', async () => {
      assert.equal(await vscode.commands.executeCommand('mentoringPlan.addGoal', { uri: document.uri, title: 'Mentor a new joiner', kind: 'objective' }), true);
      const added = '  - id: mentor-a-new-joiner\n    title: Mentor a new joiner\n    kind: objective\n    status: proposed\n';
      assert.equal(document.getText(), insertBefore(original, 'sessions:', added));
    });

    it('Add session writes the default agenda for its type', async () => {
      assert.equal(await vscode.commands.executeCommand('mentoringPlan.addSession', { uri: document.uri, type: 'checkin', date: '2025-01-20' }), true);
      const agenda = defaultAgenda('checkin').map((question) => `      - ${question}\n`).join('');
      const added = `  - id: checkin-2025-01-20\n    date: 2025-01-20\n    type: checkin\n    agenda:\n${agenda}`;
      assert.equal(document.getText(), insertBefore(original, 'feedback:', added));
    });

    it('Add session suffixes a taken <type>-<date> id after the date, as the CLI does', async () => {
      for (const expected of ['checkin-2025-01-20', 'checkin-2025-01-20-2', 'checkin-2025-01-20-3']) {
        assert.equal(await vscode.commands.executeCommand('mentoringPlan.addSession', { uri: document.uri, type: 'checkin', date: '2025-01-20' }), true);
        const ids = [...document.getText().matchAll(/^ {2}- id: (\S+)$/gm)].map((match) => match[1]);
        assert.equal(ids.filter((id) => id.startsWith('checkin-2025-01-')).at(-1), expected);
      }
    });

    it('Toggle action done flips done in place', async () => {
      assert.equal(await vscode.commands.executeCommand('mentoringPlan.toggleActionDone', { uri: document.uri, sessionId: 'kickoff', actionIndex: 0 }), true);
      assert.equal(document.getText(), original.replace('        due: 2025-01-20\n        done: true\n', '        due: 2025-01-20\n        done: false\n'));
    });

    it('Reveal in plan file selects the line', async () => {
      const line = lineOf(original, '  - id: kickoff');
      await vscode.commands.executeCommand('mentoringPlan.reveal', { uri: document.uri, range: new vscode.Range(line, 4, line, 15) });
      assert.equal(vscode.window.activeTextEditor?.document, document);
      assert.equal(vscode.window.activeTextEditor?.selection.active.line, line);
    });

    it('Refresh rescans the workspace', async () => {
      const mentoring = await api();
      await vscode.commands.executeCommand('mentoringPlan.refresh');
      const inWorkspace = mentoring.store.all().filter((entry) => vscode.workspace.getWorkspaceFolder(entry.uri));
      assert.deepEqual(inWorkspace.map((entry) => entry.uri.path.split('/').pop()), ['paused.mentoring.yml', 'problems.mentoring.yaml', 'team.mentoring.yaml']);
    });
  });

  describe('on problems.mentoring.yaml (an open action)', () => {
    let document: vscode.TextDocument;
    let original: string;

    beforeEach(async () => {
      ({ document } = await openPlan('problems.mentoring.yaml'));
      original = document.getText();
    });

    afterEach(async () => {
      await undoUntil(document, original);
    });

    it('Add session turns the previous open actions into follow-up questions', async () => {
      assert.equal(await vscode.commands.executeCommand('mentoringPlan.addSession', { uri: document.uri, type: 'checkin', date: '2025-03-10' }), true);
      const text = document.getText();
      assert.ok(text.startsWith(original), 'the session is appended at the end');
      assert.equal(
        text.slice(original.length),
        [
          '  - id: checkin-2025-03-10',
          '    date: 2025-03-10',
          '    type: checkin',
          '    agenda:',
          ...defaultAgenda('checkin', { previousOpenActions: ['Read the design review guide'] }).map((question) => `      - ${question}`),
          '',
        ].join('\n'),
      );
      assert.match(text, /- How did 'Read the design review guide' go, and what did you learn from it\?\n/);
    });

    it('Carry forward copies open actions into the next session', async () => {
      await vscode.commands.executeCommand('mentoringPlan.addSession', { uri: document.uri, type: 'checkin', date: '2025-03-10' });
      const withSession = document.getText();
      assert.equal(await vscode.commands.executeCommand('mentoringPlan.carryForward', { uri: document.uri }), true);
      assert.equal(document.getText(), `${withSession}    actions:\n      - text: Read the design review guide\n        owner: protege\n        due: 2025-03-10\n`);
    });
  });

  it('keeps CRLF line endings and comments when editing', async () => {
    const uri = workspaceUri('crlf.mentoring.yaml');
    const mentoring = await api();
    const lines = [
      '# Line endings from Windows; comments must survive edits.',
      'schemaVersion: 1',
      'mentorship:',
      '  mentor: { name: Ann }',
      '  protege: { name: Bo }',
      '  started: 2025-01-06',
      '  cadence: monthly',
      '  agreement:',
      '    roles: { mentor: [Listen], protege: [Ask] }',
      '    confidentiality: Between us.',
      'goals:',
      '  - id: speak-up # the first goal',
      '    title: Speak up in design reviews',
      '    status: proposed # agreed at kick-off',
      '',
    ];
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(lines.join('\r\n')));
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const original = document.getText();
      assert.equal(await vscode.commands.executeCommand('mentoringPlan.setGoalStatus', { uri, goalId: 'speak-up', status: 'active' }), true);
      assert.equal(document.getText(), original.replace('status: proposed # agreed', 'status: active # agreed'));
      assert.equal(await vscode.commands.executeCommand('mentoringPlan.addGoal', { uri, title: 'Lead a retro', kind: 'stretch' }), true);
      assert.equal(document.getText(), `${original.replace('status: proposed # agreed', 'status: active # agreed')}  - id: lead-a-retro\r\n    title: Lead a retro\r\n    kind: stretch\r\n    status: proposed\r\n`);
      await undoUntil(document, original);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    // Later suites count the workspace's plans; on a busy machine the deletion reaches the store late.
    await waitFor(() => !mentoring.store.get(uri), 'the deleted CRLF plan to leave the store', 10_000);
  });

  it('New mentoring plan creates the file from the core template and opens it', async () => {
    const uri = workspaceUri('new-pair.mentoring.yaml');
    const mentoring = await api();
    try {
      const { roles, confidentiality, endWhen } = defaultAgreement();
      const agreed = { mentorRoles: roles.mentor, protegeRoles: roles.protege, confidentiality, endWhen, kickoffDate: todayIso() };
      const created = await vscode.commands.executeCommand<vscode.Uri>('mentoringPlan.newPlan', { uri, mentor: 'Grace Hopper', protege: 'Alan Turing', cadence: 'weekly', ...agreed });
      assert.equal(created?.toString(), uri.toString());
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
      const expected = newPlanWithKickoffText({ mentor: 'Grace Hopper', protege: 'Alan Turing', cadence: 'weekly', today: todayIso() });
      assert.equal(vscode.window.activeTextEditor?.document.getText(), expected);
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), expected);
      await waitFor(() => mentoring.store.get(uri), 'the new plan in the store');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await waitFor(() => !mentoring.store.get(uri), 'the deleted plan to leave the store', 10_000);
  });
});
