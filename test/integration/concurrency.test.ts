// Edits while the plan changes under them (issue 9, "Concurrency"): a command or a feedback save on
// a document with unsaved changes, or after the file changed on disk, applies to the current text
// or refuses with a message; it never overwrites newer content. The plan is a scratch file in the
// workspace folder (so VS Code watches it on disk), removed afterwards.
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { applyPlanEdit } from '../../src/extension/apply-edit';
import type { MentoringPlanTestApi } from '../../src/extension/services';
import type { FeedbackDraft } from '../../src/protocol/feedback-editor';
import { setGoalStatus } from '../../src/core/edits';
import { api, autoSaveOffInThisSuite, waitFor } from './extension-support';

const PLAN = `schemaVersion: 1
mentorship:
  mentor: { name: Alex }
  protege: { name: Sam }
  started: 2026-01-05
  cadence: weekly
  agreement:
    roles: { mentor: [Ask questions], protege: [Bring the goals] }
    confidentiality: Between us.
goals:
  - id: speak
    title: Give a talk
    kind: stretch
    status: active
  - id: review
    title: Review with confidence
    kind: objective
    status: proposed
sessions:
  - id: kickoff
    date: 2026-01-05
    type: kickoff
`;

const DRAFT: FeedbackDraft = {
  from: 'mentor',
  date: '2026-01-12',
  goal: 'speak',
  session: '',
  situation: '',
  behavior: '',
  impact: '',
  feedforward: ['Next time, try a dry run with a friend.'],
};

describe('edits while the plan changes (concurrency)', function () {
  this.timeout(60_000);
  // These tests need changes to stay unsaved.
  autoSaveOffInThisSuite();
  let mentoring: MentoringPlanTestApi;
  // applyPlanEdit logs its refusals and retries; a channel of the test's own keeps them apart.
  const log = vscode.window.createOutputChannel('Mentoring Plan (concurrency tests)', { log: true });
  after(() => log.dispose());
  let path: string;
  let uri: vscode.Uri;

  let folder: string;
  let count = 0;

  before(async () => {
    mentoring = (await api()) as MentoringPlanTestApi;
    const workspaceFolder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspaceFolder, 'a workspace folder');
    folder = workspaceFolder.uri.fsPath;
  });


  // A fresh file per test: VS Code keeps a closed file's model, which a later test would inherit.
  beforeEach(async () => {
    path = join(folder, `concurrency-${++count}.mentoring.yaml`);
    writeFileSync(path, PLAN);
    uri = vscode.Uri.file(path);
    await waitFor(() => mentoring.store.get(uri), 'the new plan in the store', 15_000);
  });

  afterEach(async () => {
    for (const panel of mentoring.testing.feedbackEditor.panels()) panel.webviewPanel.dispose();
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.isDirty) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Let the store's check of the last change (debounced) run first: run after the file is gone,
    // it would add the still-open document back as a plan.
    await waitFor(() => mentoring.store.get(uri)?.version === document.version, 'the store to check the last change', 10_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    rmSync(path, { force: true });
    // Later suites count the workspace's plans.
    await waitFor(() => mentoring.store.get(uri) === undefined, 'the scratch plan to leave the store', 15_000);
  });

  /** Makes an unsaved change in an editor, as the user typing would. */
  async function typeInto(document: vscode.TextDocument, before: string, insert: string): Promise<string> {
    const editor = await vscode.window.showTextDocument(document);
    const at = document.getText().indexOf(before);
    assert.ok(at >= 0, before);
    assert.ok(await editor.edit((builder) => builder.insert(document.positionAt(at), insert)));
    assert.ok(document.isDirty);
    return document.getText();
  }

  it('Set Goal Status on a document with unsaved changes edits that text and keeps the changes', async () => {
    const document = await vscode.workspace.openTextDocument(uri);
    const typed = await typeInto(document, '  - id: review', '  # typed, not saved\n');
    const changed = await vscode.commands.executeCommand<boolean>('mentoringPlan.setGoalStatus', { uri, goalId: 'review', status: 'active' });
    assert.equal(changed, true);
    assert.equal(document.getText(), typed.replace('    status: proposed', '    status: active'));
    assert.equal(readFileSync(path, 'utf8'), PLAN, 'the command saved over the file');
  });

  it('Add Session after the file changed on disk adds to the new text', async () => {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const onDisk = PLAN.replace('goals:\n', 'goals:\n  - id: pulled\n    title: Added by a git pull\n    kind: objective\n    status: active\n');
    writeFileSync(path, onDisk);
    await waitFor(() => document.getText() === onDisk, 'the editor to show the file as changed on disk', 10_000);
    const changed = await vscode.commands.executeCommand<boolean>('mentoringPlan.addSession', { uri, type: 'checkin', date: '2026-01-12' });
    assert.equal(changed, true);
    const text = document.getText();
    assert.ok(text.startsWith(onDisk), 'the change from disk is kept, in front of the new session');
    assert.match(text.slice(onDisk.length), /^ {2}- id: checkin-2026-01-12\n {4}date: 2026-01-12\n {4}type: checkin\n/);
  });

  it('a command on unsaved changes never writes over a file that changed on disk', async () => {
    const document = await vscode.workspace.openTextDocument(uri);
    const typed = await typeInto(document, '  - id: review', '  # typed, not saved\n');
    const external = `${PLAN}# written by another program\n`;
    writeFileSync(path, external);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const changed = await vscode.commands.executeCommand<boolean>('mentoringPlan.setGoalStatus', { uri, goalId: 'speak', status: 'at-risk' });
    assert.equal(changed, true);
    // The user's unsaved text is what the command changed; the other program's file is untouched.
    assert.equal(document.getText(), typed.replace('    status: active', '    status: at-risk'));
    assert.equal(readFileSync(path, 'utf8'), external);
  });

  it('an edit computed on text that changes before it lands is computed again on the current text', async () => {
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    let computed = 0;
    let concurrent: Thenable<boolean> | undefined;
    const changed = await applyPlanEdit(document, (text) => {
      computed++;
      // Someone types while the edit is on its way: that change reaches VS Code first.
      if (computed === 1) concurrent = editor.edit((builder) => builder.insert(new vscode.Position(0, 0), '# typed meanwhile\n'));
      return setGoalStatus(text, 'review', 'achieved');
    }, log);
    assert.ok(concurrent && (await concurrent), 'the concurrent typing was applied');
    assert.equal(changed, true);
    assert.equal(document.getText(), `# typed meanwhile\n${PLAN.replace('    status: proposed', '    status: achieved')}`);
    assert.equal(computed, 2, 'computed once on the old text, once on the current one');
  });

  it('a feedback save applies to a file changed on disk, and to text with unsaved changes', async () => {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const onDisk = PLAN.replace('sessions:\n', '# pulled from git\nsessions:\n');
    writeFileSync(path, onDisk);
    await waitFor(() => document.getText() === onDisk, 'the editor to show the file as changed on disk', 10_000);
    const panel = await vscode.commands.executeCommand<{ id: string }>('mentoringPlan.writeFeedback', { uri });
    assert.ok(panel);
    await mentoring.testing.feedbackEditor.simulateMessage(panel.id, { type: 'ready' });
    await mentoring.testing.feedbackEditor.simulateMessage(panel.id, { type: 'save', draft: DRAFT });
    assert.ok(document.getText().startsWith(onDisk), 'the change from disk is kept');
    assert.match(document.getText().slice(onDisk.length), /^feedback:\n {2}- id: feedback-2026-01-12-speak\n/);

    // Typed but not saved, then saved again from the panel: the entry changes in the typed text.
    const typed = await typeInto(document, '  - id: review', '  # typed, not saved\n');
    await mentoring.testing.feedbackEditor.simulateMessage(panel.id, { type: 'save', draft: { ...DRAFT, feedforward: ['Next time, try two dry runs.'] } });
    assert.equal(document.getText(), typed.replace('Next time, try a dry run with a friend.', 'Next time, try two dry runs.'));
    assert.equal(readFileSync(path, 'utf8'), onDisk, 'nothing was written to disk behind the editor');
  });
});
