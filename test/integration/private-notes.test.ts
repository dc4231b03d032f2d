// Private notes keep their promise: created, edited (save, undo, dirty state) and deleted in an
// ordinary editor tab, shown with a lock in the tree, kept across a reload and a rename of the
// plan, and never a byte in the workspace: every file is byte-identical afterwards and git sees
// no change.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as vscode from 'vscode';
import type { MentoringPlanTestApi } from '../../src/extension/services';
import { api, autoSaveOffInThisSuite, children, planNode, waitFor, workspaceUri } from './extension-support';

/** Every file under `dir` but git's own, with the SHA-256 of its bytes. */
function hashes(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.git') walk(path);
      } else found[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return found;
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=test@example.invalid', '-c', 'user.name=Test', '-c', 'core.autocrlf=false', ...args], { cwd: dir, encoding: 'utf8' });
}

async function noteRows(mentoring: MentoringPlanTestApi, name: string): Promise<[string, string, string][]> {
  const plan = await planNode(mentoring.tree, name);
  return (await children(mentoring.tree, plan.node)).filter((row) => row.node.kind === 'privateNote').map((row) => [row.label, row.description, (row.item.iconPath as vscode.ThemeIcon).id]);
}

describe('private notes', function () {
  // Several editor round trips each; a loaded machine needs more than the default 20 s.
  this.timeout(120_000);
  autoSaveOffInThisSuite();
  let mentoring: MentoringPlanTestApi;
  let folder: string;
  let original: Record<string, string>;

  before(async () => {
    mentoring = (await api()) as MentoringPlanTestApi;
    folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    // The scratch copy of the fixture workspace becomes a repository, so git can say what changed.
    git(folder, 'init', '-q');
    git(folder, 'add', '-A');
    git(folder, 'commit', '-q', '-m', 'fixture');
    assert.equal(git(folder, 'status', '--porcelain'), '');
    original = hashes(folder);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(join(folder, '.git'), { recursive: true, force: true });
  });

  it('are created, edited, kept and deleted outside the workspace, which stays byte-identical with nothing for git', async () => {
    const plan = workspaceUri('team.mentoring.yaml');
    const notes = mentoring.testing.privateNotes.store;
    for (const workspaceFolder of vscode.workspace.workspaceFolders ?? []) {
      assert.ok(!notes.location.toString().startsWith(workspaceFolder.uri.toString()), `notes at ${notes.location.toString()} are inside ${workspaceFolder.uri.toString()}`);
    }

    // The first note of the plan shows the agreed confidentiality.
    const planNote = await vscode.commands.executeCommand<vscode.Uri>('mentoringPlan.openPrivateNote', { uri: plan, kind: 'plan' });
    assert.equal(planNote?.scheme, 'mentoring-private');
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), planNote.toString());
    assert.equal(
      editor.document.getText(),
      '# Private note: Ada and Grace\n\n> Kept in this VS Code’s storage on this machine only: never in the plan file, the repository or any workspace folder.\n> What you agreed about confidentiality: What we discuss stays between us unless there is a safety concern.\n\n',
    );
    await waitFor(async () => (await noteRows(mentoring, 'team.mentoring.yaml')).length === 1, 'the lock row of the plan note');
    assert.deepEqual(await noteRows(mentoring, 'team.mentoring.yaml'), [['Private note: Ada and Grace', 'plan', 'lock']]);

    // Edited in an ordinary tab: dirty, saved, undone, saved again.
    const header = editor.document.getText();
    assert.ok(await editor.edit((edit) => edit.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, 'Ada seemed unsure about the talk.\n')));
    assert.equal(editor.document.isDirty, true);
    assert.ok(await editor.document.save());
    assert.equal(editor.document.isDirty, false);
    const storedFile = (uri: vscode.Uri) => vscode.Uri.joinPath(notes.location, ...uri.path.split('/').filter(Boolean));
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(storedFile(planNote))), `${header}Ada seemed unsure about the talk.\n`);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), header);
    assert.equal(editor.document.isDirty, true);
    assert.ok(await editor.document.save());
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(storedFile(planNote))), header);

    // A second note (a goal's) does not repeat the agreement.
    const goalNote = await vscode.commands.executeCommand<vscode.Uri>('mentoringPlan.openPrivateNote', { uri: plan, kind: 'goal', id: 'public-speaking' });
    assert.equal(vscode.window.activeTextEditor?.document.getText(), '# Private note: Give a talk at the team meetup\n\n');
    await waitFor(async () => (await noteRows(mentoring, 'team.mentoring.yaml')).length === 2, 'the lock row of the goal note');
    assert.deepEqual(await noteRows(mentoring, 'team.mentoring.yaml'), [
      ['Private note: Ada and Grace', 'plan', 'lock'],
      ['Private note: Give a talk at the team meetup', 'goal', 'lock'],
    ]);

    // After a reload (a new store on the same storage) the notes are there.
    const reloaded = await mentoring.testing.privateNotes.reloaded();
    assert.deepEqual(reloaded.notesOf(plan).map((note) => note.uri.toString()), [planNote.toString(), goalNote.toString()]);
    reloaded.dispose();

    // Deleted: the row goes, and so does the stored file.
    assert.equal(await vscode.commands.executeCommand('mentoringPlan.deletePrivateNote', { uri: plan, kind: 'goal', id: 'public-speaking', confirmed: true }), true);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(storedFile(goalNote))));
    await waitFor(async () => (await noteRows(mentoring, 'team.mentoring.yaml')).length === 1, 'the goal note row to go');
    assert.equal(await vscode.commands.executeCommand('mentoringPlan.deletePrivateNote', { uri: plan, kind: 'plan', confirmed: true }), true);
    await waitFor(async () => (await noteRows(mentoring, 'team.mentoring.yaml')).length === 0, 'the plan note row to go');

    assert.deepEqual(hashes(folder), original);
    assert.equal(git(folder, 'status', '--porcelain'), '');
  });

  it('move with their plan when it is renamed', async () => {
    const from = workspaceUri('moving.mentoring.yaml');
    const to = workspaceUri('moved.mentoring.yaml');
    let renamedDocument: vscode.TextDocument | undefined;
    const text = readFileSync(workspaceUri('team.mentoring.yaml').fsPath, 'utf8').replace('title: Ada and Grace', 'title: Moving pair');
    await vscode.workspace.fs.writeFile(from, new TextEncoder().encode(text));
    try {
      await waitFor(() => mentoring.store.get(from), 'the new plan in the store');
      const note = await vscode.commands.executeCommand<vscode.Uri>('mentoringPlan.openPrivateNote', { uri: from, kind: 'session', id: 'kickoff' });
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      const rename = new vscode.WorkspaceEdit();
      rename.renameFile(from, to);
      assert.ok(await vscode.workspace.applyEdit(rename));
      const notes = mentoring.testing.privateNotes.store;
      await waitFor(() => notes.notesOf(to).length === 1, 'the note to move with the plan');
      assert.deepEqual(notes.notesOf(from), []);
      assert.equal(notes.notesOf(to)[0].uri.toString(), note.toString());
      await waitFor(() => mentoring.store.get(to), 'the renamed plan in the store');
      await waitFor(async () => (await noteRows(mentoring, 'moved.mentoring.yaml')).length === 1, 'the note row under the renamed plan', 10_000);
      assert.deepEqual(await noteRows(mentoring, 'moved.mentoring.yaml'), [['Private note: 2025-01-06 kickoff', 'session', 'lock']]);
      assert.equal(await vscode.commands.executeCommand('mentoringPlan.deletePrivateNote', { uri: to, kind: 'session', id: 'kickoff', confirmed: true }), true);
      // Commands open the plan they act on as a document (not in an editor); VS Code keeps it after the file is gone.
      renamedDocument = await vscode.workspace.openTextDocument(to);
    } finally {
      await vscode.workspace.fs.delete(to).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(from).then(undefined, () => undefined);
    }
    await waitFor(() => !mentoring.store.get(to) && !mentoring.store.get(from), 'the test plans to leave the store', 10_000);
    // A feature asked of that document must not bring the deleted plan back to the views.
    assert.ok(renamedDocument);
    assert.equal(mentoring.store.forDocument(renamedDocument)?.text, renamedDocument.getText());
    if (!renamedDocument.isClosed) await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', to);
    assert.equal(mentoring.store.get(to), undefined, "a feature asked of the deleted plan's document brought it back");
    assert.deepEqual(hashes(folder), original);
    assert.equal(git(folder, 'status', '--porcelain'), '');
  });
});
