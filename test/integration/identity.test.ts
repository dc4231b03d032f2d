// "Which side of the pair am I?" (src/extension/identity.ts) in the real VS Code, through the command
// that needs it: Record Health Check-in writes the rating under the user's side. The setting
// mentoringPlan.me is covered in relationship.test.ts; here the git e-mail from the built-in Git
// extension (a real repository with a local user.email) and the question asked once per plan.
// Not covered: the GitHub handle, which needs a signed-in GitHub session (no sign-in offline, and the
// built-in github-authentication extension owns the provider id `github`).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/extension/command-ids';
import { api, undoUntil, waitFor, workspaceUri } from './extension-support';
import { findRepoRoot } from './support/paths';

const EXAMPLE = readFileSync(join(findRepoRoot(__dirname), 'examples/alex-and-sam.mentoring.yaml'), 'utf8');
const KICKOFF_HEALTH = '    health:\n      mentor: 4\n      protege: 4\n';
/** Longer than identity.ts's lookups (1.5 s each, in parallel) and the edit: past it, the command waits on the user. */
const ANSWER_WITHOUT_ASKING_MS = 8000;

interface HealthArgs {
  uri: vscode.Uri;
  sessionId: string;
  score: number;
  note: string;
}

function recordHealth(args: HealthArgs): Promise<unknown> {
  return Promise.resolve(vscode.commands.executeCommand(COMMANDS.recordHealthCheckin, args));
}

/** Records a check-in that must not ask which side the user is; a question left open fails the test (and is closed). */
async function recordWithoutAsking(args: HealthArgs): Promise<unknown> {
  const pending = recordHealth(args);
  const waited = new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), ANSWER_WITHOUT_ASKING_MS));
  const first = await Promise.race([pending, waited]);
  if (first === 'still waiting') {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await pending;
    assert.fail(`Record Health Check-in was still waiting after ${ANSWER_WITHOUT_ASKING_MS} ms: it asked which side the user is`);
  }
  return first;
}

/** Undoes the test's edits (nothing is left unsaved), closes the plan and deletes it, so no later suite sees it. */
async function removePlan(uri: vscode.Uri, original: string): Promise<void> {
  const document = vscode.workspace.textDocuments.find((open) => open.uri.toString() === uri.toString());
  if (document) {
    await undoUntil(document, original);
    await waitFor(() => !document.isDirty, 'undo to bring back the saved plan');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
}

describe('identity: which side of the pair am I', function () {
  this.timeout(90_000);
  before(api);

  it('asks once per plan when nothing tells, and remembers the answer for the workspace', async () => {
    const setting = vscode.workspace.getConfiguration('mentoringPlan').get<unknown>('me');
    assert.ok(setting !== 'mentor' && setting !== 'protege' && (typeof setting !== 'object' || setting === null), `no side in the setting: ${JSON.stringify(setting)}`);
    const mentoring = await api();
    const uri = workspaceUri('identity-ask.mentoring.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(EXAMPLE));
    try {
      await waitFor(() => mentoring.store.get(uri), 'the store to find identity-ask.mentoring.yaml', 10_000);
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);

      const pending = recordHealth({ uri, sessionId: 'kickoff', score: 2, note: '' });
      let settled = false;
      void pending.then(() => (settled = true));
      // Longer than every lookup: still unsettled, so it waits on the user's answer.
      await new Promise((resolve) => setTimeout(resolve, ANSWER_WITHOUT_ASKING_MS));
      assert.equal(settled, false, 'the command waits for the question to be answered');
      // The first item, "I am the mentor", as a user pressing Enter would.
      await waitFor(
        async () => {
          if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
          return settled;
        },
        'the question to be answered',
        20_000,
      );
      assert.equal(await pending, true);
      assert.equal(document.getText(), EXAMPLE.replace(KICKOFF_HEALTH, '    health:\n      mentor: 2\n      protege: 4\n'));

      // The second time the answer is remembered: no question.
      assert.equal(await recordWithoutAsking({ uri, sessionId: 'kickoff', score: 3, note: '' }), true);
      assert.equal(document.getText(), EXAMPLE.replace(KICKOFF_HEALTH, '    health:\n      mentor: 3\n      protege: 4\n'));
    } finally {
      await removePlan(uri, EXAMPLE);
    }
  });

  describe('with Git on', () => {
    const git = vscode.workspace.getConfiguration('git');
    let savedEnabled: boolean | undefined;
    let folder: string;
    let plan: vscode.Uri;
    const run = (...args: string[]) => {
      const result = spawnSync('git', args, { cwd: folder, encoding: 'utf8' });
      assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
      return result.stdout.trim();
    };

    before(async function () {
      this.timeout(60_000);
      folder = workspaceUri('identity-repo').fsPath;
      mkdirSync(folder, { recursive: true });
      run('init', '-q', '-b', 'main');
      // Only this repository's own config says who the user is: the protégé of the plan below.
      run('config', 'user.email', 'sam.chen@example.invalid');
      writeFileSync(join(folder, 'pair.mentoring.yaml'), EXAMPLE.replace('    github: samchen\n', '    github: samchen\n    email: sam.chen@example.invalid\n'));
      plan = vscode.Uri.file(join(folder, 'pair.mentoring.yaml'));

      savedEnabled = git.inspect<boolean>('enabled')?.globalValue;
      await git.update('enabled', true, vscode.ConfigurationTarget.Global);
      const extension = vscode.extensions.getExtension<{ enabled: boolean; getAPI(version: 1): { openRepository(root: vscode.Uri): Promise<unknown>; getRepository(uri: vscode.Uri): unknown } }>('vscode.git');
      assert.ok(extension, 'the built-in Git extension is installed');
      const exports = extension.isActive ? extension.exports : await extension.activate();
      await waitFor(() => exports.enabled, 'the Git extension to turn on', 20_000);
      const gitApi = exports.getAPI(1);
      // As "Git: Open Repository" would: a repository made after Git scanned the workspace.
      await gitApi.openRepository(vscode.Uri.file(folder));
      await waitFor(() => gitApi.getRepository(plan), 'Git to have the repository open', 20_000);
      await waitFor(async () => (await api()).store.get(plan), 'the store to find the plan', 10_000);
    });

    after(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await git.update('enabled', savedEnabled, vscode.ConfigurationTarget.Global);
      rmSync(folder, { recursive: true, force: true });
    });

    it('takes my side from git config user.email matched against the plan, without asking', async () => {
      const document = await vscode.workspace.openTextDocument(plan);
      await vscode.window.showTextDocument(document);
      const before = document.getText();
      try {
        assert.equal(await recordWithoutAsking({ uri: plan, sessionId: 'kickoff', score: 1, note: '' }), true);
        // The protégé's rating: the matched side, not the question's first answer (the mentor).
        assert.equal(document.getText(), before.replace(KICKOFF_HEALTH, '    health:\n      mentor: 4\n      protege: 1\n'));
      } finally {
        await removePlan(plan, before);
      }
    });
  });
});
