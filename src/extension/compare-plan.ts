// "Compare Plan with…": the semantic diff (core/plan-diff.ts) of a plan against an earlier version
// from git, shown as a read-only Markdown preview beside the plan. Git is reached only through VS
// Code's Git extension (`vscode.git`), never by running git here: where that extension is absent
// (the web), turned off (git.enabled) or not trusted, the command says so.
import * as vscode from 'vscode';
import { diffPlans, renderDiffMarkdown } from '../core/plan-diff';
import { markdownCode, markdownText } from '../core/summary';
import { COMMANDS } from './command-ids';
import { registerLoggedCommand } from './log';
import { escapeIcons } from './plain-text';
import { trackPlanFiles } from './plan-files-context';
import type { PlanFilesContext } from './plan-files-context';
import { toUri } from './plan-target';
import type { UriLike } from './plan-target';
import type { Feature } from './services';

/** The scheme of the diff documents: read-only, their text held by this feature. */
export const DIFF_SCHEME = 'mentoring-diff';

export interface ComparePlanArgs {
  uri?: UriLike;
  /** A commit, branch or tag; skips the quick pick (tests, keybindings). */
  ref?: string;
}

/** What the command did: the diff document it showed, or the message it showed instead. */
export type CompareResult = { diff: vscode.Uri; markdown: string } | { refused: string } | undefined;

// The part of the Git extension's API (extensions/git/src/api/git.d.ts, version 1) used here.
interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}
interface GitApi {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  getRepository(uri: vscode.Uri): GitRepository | null;
  openRepository(root: vscode.Uri): Promise<GitRepository | null>;
}
interface GitCommit {
  readonly hash: string;
  readonly message: string;
  readonly authorName?: string;
  readonly authorDate?: Date;
}
interface GitRef {
  readonly type: number;
  readonly name?: string;
  readonly commit?: string;
}
interface GitRepository {
  readonly rootUri: vscode.Uri;
  show(ref: string, path: string): Promise<string>;
  getCommit(ref: string): Promise<GitCommit>;
  log(options?: { maxEntries?: number; path?: string }): Promise<GitCommit[]>;
  getBranches(query: { remote?: boolean; sort?: 'alphabetically' | 'committerdate'; count?: number }): Promise<GitRef[]>;
}

const GIT_EXTENSION_ID = 'vscode.git';
/** How long to wait for the Git extension's first scan of the workspace. */
const GIT_READY_MS = 10_000;

/** Holds the text of each diff document; one document per plan and ref, updated when compared again. */
class DiffDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  set(uri: vscode.Uri, text: string): void {
    const key = uri.toString();
    const had = this.texts.has(key);
    this.texts.set(key, text);
    if (had) this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export const registerComparePlan: Feature<{ planFiles: PlanFilesContext }> = (context, { store, log }) => {
  const documents = new DiffDocuments();
  // The editor, editor-title and explorer menus offer the command on these files (package.json).
  const planFiles = trackPlanFiles(store);
  context.subscriptions.push(
    documents,
    planFiles,
    vscode.workspace.registerTextDocumentContentProvider(DIFF_SCHEME, documents),
    registerLoggedCommand(log, COMMANDS.comparePlan, (input) => compare(input)),
  );

  async function compare(input: unknown): Promise<CompareResult> {
    const args = argsFrom(input);
    const uri = toUri(args.uri) ?? vscode.window.activeTextEditor?.document.uri;
    if (!uri) return refuse(vscode.l10n.t('Open a plan file to compare it with an earlier version.'));
    const name = vscode.workspace.asRelativePath(uri);
    if (uri.scheme !== 'file') return refuse(vscode.l10n.t('{0} is not a file on disk, so it has no git history here.', name));

    const document = await vscode.workspace.openTextDocument(uri);
    if (!store.isPlanDocument(document)) return refuse(vscode.l10n.t('{0} is not a mentoring plan (plan files match the setting mentoringPlan.planGlob).', name));

    const git = await gitApi();
    if (typeof git === 'string') return refuse(git);
    const repository = git.getRepository(uri) ?? (await git.openRepository(vscode.Uri.joinPath(uri, '..')));
    if (!repository) return refuse(vscode.l10n.t('{0} is not in a git repository (that Git in VS Code has open), so there is no earlier version to compare with.', name));

    const current = document.getText();
    const ref = args.ref ?? (await pickRef(repository, uri, current));
    if (ref === undefined) return undefined;
    let commit: GitCommit;
    try {
      commit = await repository.getCommit(ref);
    } catch {
      return refuse(vscode.l10n.t('Git does not know “{0}” in {1}.', ref, repository.rootUri.fsPath));
    }
    // show() fails alike for every reason; the commit exists, so the file did not exist in it.
    const old = await repository.show(commit.hash, uri.fsPath).catch(() => undefined);
    const result = diffPlans(old, current);
    if (!result.ok) {
      const [first] = result.errors;
      return refuse(vscode.l10n.t('{0} cannot be compared: {1} at line {2}, column {3} of the {4} version.', name, first.message, first.line, first.column, first.side === 'old' ? ref : vscode.l10n.t('current')));
    }
    const markdown = diffMarkdown(repositoryPath(repository, uri), ref, commit, old === undefined, renderDiffMarkdown(result.changes));
    const diff = vscode.Uri.from({ scheme: DIFF_SCHEME, path: `/${repositoryPath(repository, uri)}.${safeRef(ref)}.md` });
    documents.set(diff, markdown);
    await showBeside(diff);
    return { diff, markdown };
  }
  return { planFiles };
};

function argsFrom(input: unknown): ComparePlanArgs {
  // Editor and explorer menus pass the file's Uri, the Mentoring view its node (which has a uri).
  if (input instanceof vscode.Uri || typeof input === 'string') return { uri: input };
  if (typeof input !== 'object' || input === null) return {};
  const { uri, ref } = input as { uri?: unknown; ref?: unknown };
  return { uri: uri instanceof vscode.Uri || typeof uri === 'string' ? uri : undefined, ref: typeof ref === 'string' && ref.trim() ? ref.trim() : undefined };
}

function refuse(message: string): CompareResult {
  void vscode.window.showWarningMessage(message);
  return { refused: message };
}

/** The Git extension's API, or why there is none. */
async function gitApi(): Promise<GitApi | string> {
  const extension = vscode.extensions.getExtension<GitExtension>(GIT_EXTENSION_ID);
  if (!extension) return vscode.l10n.t('Comparing plans needs VS Code’s Git extension, which is not available here.');
  let exports: GitExtension;
  try {
    exports = extension.isActive ? extension.exports : await extension.activate();
  } catch {
    return vscode.l10n.t('Comparing plans needs VS Code’s Git extension, which could not start.');
  }
  if (!exports?.enabled) return vscode.l10n.t('Git is turned off in VS Code (the setting git.enabled); turn it on to compare plans with earlier versions.');
  const api = exports.getAPI(1);
  if (api.state !== 'initialized') {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => finish(), GIT_READY_MS);
      const listener = api.onDidChangeState((state) => state === 'initialized' && finish());
      function finish() {
        clearTimeout(timer);
        listener.dispose();
        resolve();
      }
    });
  }
  return api;
}

/** The file's path in the repository, '/'-separated. */
function repositoryPath(repository: GitRepository, uri: vscode.Uri): string {
  const root = repository.rootUri.path.replace(/\/$/, '');
  return uri.path.startsWith(`${root}/`) ? uri.path.slice(root.length + 1) : uri.path.split('/').pop()!;
}

function safeRef(ref: string): string {
  return ref.replace(/[^\w.-]+/g, '_');
}

/** The diff document: which file, against what, then the changes as the CLI's Markdown renders them. */
export function diffMarkdown(path: string, ref: string, commit: GitCommit, addedSince: boolean, changes: string): string {
  const subject = commit.message.split('\n')[0];
  const against = ref === commit.hash || commit.hash.startsWith(ref) ? markdownCode(commit.hash.slice(0, 7)) : `${markdownCode(ref)} (${markdownCode(commit.hash.slice(0, 7))})`;
  const lines = [`# Changes to ${markdownText(path)}`, '', `Since ${against}${subject ? `: ${markdownText(subject)}` : ''}.`];
  if (addedSince) lines.push('', `The file did not exist then; everything in it is new.`);
  return `${[...lines, '', changes.trimEnd()].join('\n')}\n`;
}

interface RefItem extends vscode.QuickPickItem {
  ref?: string;
}

/**
 * Commits that changed the file (newest first), then branches. The first is picked by default:
 * HEAD when the plan has changes since then, else the commit before its last change.
 */
async function pickRef(repository: GitRepository, uri: vscode.Uri, current: string): Promise<string | undefined> {
  const [commits, branches, head] = await Promise.all([
    repository.log({ maxEntries: 30, path: uri.fsPath }).catch(() => [] as GitCommit[]),
    repository.getBranches({ remote: true, sort: 'committerdate', count: 30 }).catch(() => [] as GitRef[]),
    repository.show('HEAD', uri.fsPath).catch(() => undefined),
  ]);
  const items: RefItem[] = [];
  const changedSinceHead = head !== current;
  if (changedSinceHead && head !== undefined) items.push({ label: '$(git-commit) HEAD', description: vscode.l10n.t('the last commit: compare your uncommitted changes'), ref: 'HEAD' });
  // Unchanged since HEAD: the newest commit of the file holds this very text, so start with the one before it.
  for (const commit of changedSinceHead ? commits : commits.slice(1)) {
    items.push({ label: `$(git-commit) ${commit.hash.slice(0, 7)}`, description: escapeIcons(commit.message.split('\n')[0]), detail: [commit.authorName, commit.authorDate?.toLocaleDateString()].filter(Boolean).join(', '), ref: commit.hash });
  }
  const named = branches.filter((branch) => branch.name);
  if (named.length) items.push({ label: vscode.l10n.t('Branches'), kind: vscode.QuickPickItemKind.Separator });
  for (const branch of named) items.push({ label: `$(git-branch) ${escapeIcons(branch.name!)}`, description: branch.commit?.slice(0, 7), ref: branch.name });
  if (!items.some((item) => item.ref)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no earlier version in git to compare with.', vscode.workspace.asRelativePath(uri)));
    return undefined;
  }
  const chosen = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Compare {0} with…', vscode.workspace.asRelativePath(uri)), placeHolder: vscode.l10n.t('A commit or branch; type to filter'), matchOnDescription: true });
  return chosen?.ref;
}

/** A read-only Markdown preview beside the plan; the plain document where the Markdown extension is missing. */
async function showBeside(diff: vscode.Uri): Promise<void> {
  // The built-in Markdown extension registers its command when it activates, which the call itself triggers.
  if (vscode.extensions.getExtension('vscode.markdown-language-features')) {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', diff);
    return;
  }
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(diff), { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
}
