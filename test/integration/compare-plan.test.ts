// "Compare Plan with…" in the real VS Code, with its real Git extension and a real git repository
// (a folder inside the workspace, made here with the git binary). The launcher's settings turn Git
// off (git.enabled: false); the first test uses that, the others turn it on and restore it after.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { DIFF_SCHEME } from '../../src/extension/compare-plan';
import type { CompareResult } from '../../src/extension/compare-plan';
import { COMMANDS } from '../../src/extension/command-ids';
import { api, autoSaveOffInThisSuite, waitFor, workspaceUri } from './extension-support';
import { findRepoRoot } from './support/paths';

const EXAMPLE = readFileSync(join(findRepoRoot(__dirname), 'examples/alex-and-sam.mentoring.yaml'), 'utf8');
const GOAL_ACHIEVED = EXAMPLE.replace('    status: active\n    target: 2026-12-20', '    status: achieved\n    target: 2026-12-20');
const AGREEMENT_CHANGED = GOAL_ACHIEVED.replace('legal\n      obligations.', 'legal\n      obligations, or when Sam agrees to share.');
const CHANGES = [
  '> **The agreement changed: confidentiality. Both of you approve agreement changes.**',
  '',
  '- agreement confidentiality: “What we discuss stays between us. Exceptions: anything about safety or legal obligations. Private notes live outside this repository.” → “What we discuss stays between us. Exceptions: anything about safety or legal obligations, or when Sam agrees to share. Private notes live outside this repository.”',
  '- goal `code-review-voice` status: active → achieved',
].join('\n');

function compare(args: unknown): Thenable<CompareResult> {
  return vscode.commands.executeCommand<CompareResult>(COMMANDS.comparePlan, args);
}

function refusal(result: CompareResult): string {
  assert.ok(result && 'refused' in result, `expected a refusal, got ${JSON.stringify(result)}`);
  return result.refused;
}

function shown(result: CompareResult): { diff: vscode.Uri; markdown: string } {
  assert.ok(result && 'diff' in result, `expected a diff, got ${JSON.stringify(result)}`);
  return result;
}

describe('Compare Plan with…', () => {
  before(api);

  it('says so when Git is turned off in VS Code', async () => {
    assert.equal(vscode.workspace.getConfiguration('git').get('enabled'), false, 'the launcher turns Git off');
    const result = await compare({ uri: workspaceUri('team.mentoring.yaml'), ref: 'HEAD' });
    assert.equal(refusal(result), 'Git is turned off in VS Code (the setting git.enabled); turn it on to compare plans with earlier versions.');
  });

  describe('with Git on', () => {
    // The tests compare unsaved edits, and one saves the plan back.
    autoSaveOffInThisSuite();
    const git = vscode.workspace.getConfiguration('git');
    let savedEnabled: boolean | undefined;
    let folder: string;
    let plan: vscode.Uri;
    const commits: Record<string, string> = {};
    const run = (...args: string[]) => {
      const result = spawnSync('git', args, { cwd: folder, encoding: 'utf8' });
      assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
      return result.stdout.trim();
    };

    // History of compare-repo: base (the example), changed (agreement and a goal), then a commit
    // that leaves the plan alone, so HEAD~1 is not the plan's previous version.
    before(async function () {
      this.timeout(60_000);
      folder = workspaceUri('compare-repo').fsPath;
      mkdirSync(folder, { recursive: true });
      run('init', '-q', '-b', 'main');
      run('config', 'user.email', 'test@example.invalid');
      run('config', 'user.name', 'Test');
      writeFileSync(join(folder, 'sam.mentoring.yaml'), EXAMPLE);
      run('add', '.');
      run('commit', '-qm', 'Start the plan');
      commits.base = run('rev-parse', 'HEAD');
      writeFileSync(join(folder, 'sam.mentoring.yaml'), AGREEMENT_CHANGED);
      run('commit', '-qam', 'Sam may share');
      commits.changed = run('rev-parse', 'HEAD');
      writeFileSync(join(folder, 'notes.md'), 'Not a plan.\n');
      run('add', '.');
      run('commit', '-qm', 'Notes');
      plan = vscode.Uri.file(join(folder, 'sam.mentoring.yaml'));

      savedEnabled = git.inspect<boolean>('enabled')?.globalValue;
      await git.update('enabled', true, vscode.ConfigurationTarget.Global);
      const extension = vscode.extensions.getExtension<{ enabled: boolean }>('vscode.git');
      assert.ok(extension, 'the built-in Git extension is installed');
      const exports = extension.isActive ? extension.exports : await extension.activate();
      await waitFor(() => exports.enabled, 'the Git extension to turn on', 20_000);
    });

    after(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await git.update('enabled', savedEnabled, vscode.ConfigurationTarget.Global);
      rmSync(folder, { recursive: true, force: true });
    });

    it('shows the semantic diff against a ref as a read-only Markdown preview beside the plan', async function () {
      this.timeout(60_000);
      await vscode.window.showTextDocument(plan);
      const { diff, markdown } = shown(await compare({ uri: plan, ref: commits.base }));
      const expected = `# Changes to sam.mentoring.yaml\n\nSince \`${commits.base.slice(0, 7)}\`: Start the plan.\n\n${CHANGES}\n`;
      assert.equal(markdown, expected);
      assert.equal(diff.scheme, DIFF_SCHEME);
      const document = await vscode.workspace.openTextDocument(diff);
      assert.equal(document.getText(), expected, 'the document holds the same Markdown');
      assert.equal(document.languageId, 'markdown');
      const tabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs);
      const preview = await waitFor(() => tabs().find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('markdown.preview')), 'the Markdown preview tab', 30_000).catch((error: Error) => {
        throw new Error(`${error.message}; the tabs: ${tabs().map((tab) => `${tab.label} (${tab.input?.constructor.name})`).join(', ')}`);
      });
      const planTab = vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === plan.toString());
      assert.ok(planTab, 'the plan stays open');
      assert.notEqual(preview.group.viewColumn, planTab.group.viewColumn, 'the preview is beside the plan');
    });

    it('a branch name reads as the branch and its commit; unsaved edits count', async function () {
      this.timeout(60_000);
      const editor = await vscode.window.showTextDocument(plan);
      const original = editor.document.getText();
      assert.equal(editor.document.isDirty, false, 'the plan starts as saved');
      try {
        const at = original.indexOf('    status: achieved\n');
        await editor.edit((builder) => builder.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + '    status: achieved'.length)), '    status: at-risk'));
        const { markdown } = shown(await compare({ uri: plan, ref: 'main' }));
        assert.equal(markdown, `# Changes to sam.mentoring.yaml\n\nSince \`main\` (\`${run('rev-parse', '--short=7', 'main')}\`): Notes.\n\n- goal \`code-review-voice\` status: achieved → at-risk\n`);
      } finally {
        // Put the saved text back and save it (the same bytes), so the plan is clean for the next test.
        const restore = new vscode.WorkspaceEdit();
        restore.replace(editor.document.uri, new vscode.Range(0, 0, editor.document.lineCount, 0), original);
        await vscode.workspace.applyEdit(restore);
        await editor.document.save();
      }
      assert.equal(editor.document.isDirty, false, 'the plan is clean again');
      assert.equal(editor.document.getText(), original, 'the plan is back as saved');
    });

    it('without a ref, offers the plan’s history: the version before its last change comes first', async function () {
      this.timeout(60_000);
      await vscode.window.showTextDocument(plan);
      const pending = compare({ uri: plan });
      let settled = false;
      void pending.then(() => (settled = true));
      // Accept the quick pick's first item as a user pressing Enter would, once it is open.
      await waitFor(
        async () => {
          if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
          return settled;
        },
        'the quick pick to be accepted',
        20_000,
      );
      const { markdown } = shown(await pending);
      assert.equal(markdown.split('\n')[2], `Since \`${commits.base.slice(0, 7)}\`: Start the plan.`);
      assert.ok(markdown.endsWith(`\n\n${CHANGES}\n`));
    });

    it('an unknown ref and a plan outside any git repository each get a clear message', async function () {
      this.timeout(60_000);
      assert.equal(refusal(await compare({ uri: plan, ref: 'no-such-branch' })), `Git does not know “no-such-branch” in ${folder}.`);
      assert.equal(
        refusal(await compare({ uri: workspaceUri('team.mentoring.yaml'), ref: 'HEAD' })),
        'team.mentoring.yaml is not in a git repository (that Git in VS Code has open), so there is no earlier version to compare with.',
      );
      assert.equal(refusal(await compare({ uri: workspaceUri('compare-repo/notes.md'), ref: 'HEAD' })), 'compare-repo/notes.md is not a mentoring plan (plan files match the setting mentoringPlan.planGlob).');
    });
  });
});
