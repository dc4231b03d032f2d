// Private notes (issue 11, "Confidentiality"): a note per plan, goal or session, kept in the
// extension's storage for this workspace (ExtensionContext.storageUri; globalStorageUri when no
// folder is open), never in the plan file or any workspace folder. A FileSystemProvider on the
// `mentoring-private:` scheme lets a note open in an ordinary editor tab, so save, undo and the
// dirty state work as for any file. The plan a note belongs to is looked up by its URI in an
// index, so a rename of the plan moves its notes with it (onDidRenameFiles).
import * as vscode from 'vscode';
import { newNoteText, noteFileName, noteTargetLabel, noteTargetOf } from '../core/private-notes';
import type { NoteTarget } from '../core/private-notes';
import { entriesOf, textOf } from '../core/plan-facts';
import { COMMANDS } from './command-ids';
import { registerLoggedCommand } from './log';
import { escapeIcons } from './plain-text';
import type { UriLike } from './plan-target';
import type { Services } from './services';
import type { PlanNode } from './tree/nodes';
import { setPrivateNoteSource } from './tree/private-rows';

export const PRIVATE_SCHEME = 'mentoring-private';

/** The folder of the storage that holds the notes, and the file that maps plans to their folders. */
const NOTES_FOLDER = 'private-notes';
const INDEX_FILE = 'index.json';

interface NoteIndex {
  version: 1;
  /** Plan URI (as a string) → the name of its notes folder. */
  plans: Record<string, string>;
}

/** A note that exists: its plan, what it is attached to, and the URI it opens under. */
export interface PrivateNote {
  planUri: vscode.Uri;
  target: NoteTarget;
  uri: vscode.Uri;
}

/**
 * The notes on disk and the file system the editor sees them through. Which notes exist is kept
 * in memory (read once at start), so the tree asks synchronously.
 */
export class PrivateNoteStore implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly root: vscode.Uri;
  private index: NoteIndex = { version: 1, plans: {} };
  /** Folder name → file names of its notes. */
  private readonly files = new Map<string, Set<string>>();
  private readonly fileChanged = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.fileChanged.event;
  private readonly notesChanged = new vscode.EventEmitter<void>();
  /** Fires when a note is created or deleted, or moves to another plan URI. */
  readonly onDidChangeNotes = this.notesChanged.event;
  private loading: Promise<void> | undefined;

  constructor(storage: vscode.Uri) {
    this.root = vscode.Uri.joinPath(storage, NOTES_FOLDER);
  }

  /** Where the notes are kept (tests check it lies outside every workspace folder). */
  get location(): vscode.Uri {
    return this.root;
  }

  load(): Promise<void> {
    this.loading ??= this.read();
    return this.loading;
  }

  private async read(): Promise<void> {
    try {
      const parsed = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.root, INDEX_FILE)))) as Partial<NoteIndex>;
      if (parsed && typeof parsed.plans === 'object' && parsed.plans !== null) {
        for (const [plan, folder] of Object.entries(parsed.plans)) if (typeof folder === 'string' && isFolderName(folder)) this.index.plans[plan] = folder;
      }
    } catch {
      // No notes yet (or an unreadable index: the notes stay on disk, but cannot be told apart by plan).
    }
    for (const folder of new Set(Object.values(this.index.plans))) {
      try {
        const listed = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(this.root, folder));
        this.files.set(folder, new Set(listed.filter(([name, type]) => type === vscode.FileType.File && noteTargetOf(name)).map(([name]) => name)));
      } catch {
        this.files.set(folder, new Set());
      }
    }
  }

  /** The notes of one plan, plan note first, then goals, then sessions. */
  notesOf(planUri: vscode.Uri): PrivateNote[] {
    const folder = this.index.plans[planUri.toString()];
    if (!folder) return [];
    const rank = { plan: 0, goal: 1, session: 2 };
    return [...(this.files.get(folder) ?? [])]
      .flatMap((name) => {
        const target = noteTargetOf(name);
        return target ? [{ planUri, target, uri: noteUri(folder, name) }] : [];
      })
      .sort((a, b) => rank[a.target.kind] - rank[b.target.kind] || a.uri.path.localeCompare(b.uri.path));
  }

  /** The URI a note opens under, whether it exists or not (creating the plan's folder name if needed). */
  async uriOf(planUri: vscode.Uri, target: NoteTarget): Promise<vscode.Uri> {
    await this.load();
    return noteUri(await this.folderOf(planUri), noteFileName(target));
  }

  exists(planUri: vscode.Uri, target: NoteTarget): boolean {
    const folder = this.index.plans[planUri.toString()];
    return folder !== undefined && (this.files.get(folder)?.has(noteFileName(target)) ?? false);
  }

  /** Moves the notes of plans at or under `from` to `to` (a renamed plan, or a renamed folder of plans). */
  async moved(from: vscode.Uri, to: vscode.Uri): Promise<boolean> {
    await this.load();
    const prefix = from.toString();
    let changed = false;
    for (const [plan, folder] of Object.entries(this.index.plans)) {
      if (plan !== prefix && !plan.startsWith(`${prefix}/`)) continue;
      delete this.index.plans[plan];
      this.index.plans[`${to.toString()}${plan.slice(prefix.length)}`] = folder;
      changed = true;
    }
    if (changed) {
      await this.writeIndex();
      this.notesChanged.fire();
    }
    return changed;
  }

  private async folderOf(planUri: vscode.Uri): Promise<string> {
    const key = planUri.toString();
    const known = this.index.plans[key];
    if (known) return known;
    const taken = new Set(Object.values(this.index.plans));
    let folder: string;
    do folder = `plan-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    while (taken.has(folder));
    this.index.plans[key] = folder;
    this.files.set(folder, new Set());
    await this.writeIndex();
    return folder;
  }

  private async writeIndex(): Promise<void> {
    await vscode.workspace.fs.createDirectory(this.root);
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(this.root, INDEX_FILE), new TextEncoder().encode(`${JSON.stringify(this.index, null, 2)}\n`));
  }

  // The FileSystemProvider: `mentoring-private:/<folder>/<note>.md` is `<storage>/private-notes/<folder>/<note>.md`.

  private storageUri(uri: vscode.Uri): { file: vscode.Uri; folder: string; name: string } {
    const [folder, name, ...rest] = uri.path.split('/').filter(Boolean);
    if (!folder || !name || rest.length || !isFolderName(folder) || !noteTargetOf(name)) throw vscode.FileSystemError.FileNotFound(uri);
    return { file: vscode.Uri.joinPath(this.root, folder, name), folder, name };
  }

  watch(): vscode.Disposable {
    // Every change goes through this provider, which fires onDidChangeFile itself.
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    await this.load();
    if (uri.path === '/' || uri.path === '') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    try {
      return await vscode.workspace.fs.stat(this.storageUri(uri).file);
    } catch {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    await this.load();
    try {
      return await vscode.workspace.fs.readFile(this.storageUri(uri).file);
    } catch {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }): Promise<void> {
    await this.load();
    const { file, folder, name } = this.storageUri(uri);
    if (!Object.values(this.index.plans).includes(folder)) throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('This private note belongs to no plan.'));
    const exists = this.files.get(folder)?.has(name) ?? false;
    if (!exists && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
    if (exists && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(this.root, folder));
    await vscode.workspace.fs.writeFile(file, content);
    const names = this.files.get(folder) ?? new Set<string>();
    names.add(name);
    this.files.set(folder, names);
    // Writes come from the editor's own file service (or create a note no editor shows yet): no event, which would make the editor reload the note mid-save.
    if (!exists) this.notesChanged.fire();
  }

  async delete(uri: vscode.Uri): Promise<void> {
    await this.load();
    const { file, folder, name } = this.storageUri(uri);
    try {
      await vscode.workspace.fs.delete(file);
    } catch {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    this.files.get(folder)?.delete(name);
    this.fireSoon({ type: vscode.FileChangeType.Deleted, uri });
    this.notesChanged.fire();
  }

  private pendingChanges: vscode.FileChangeEvent[] = [];
  private pendingTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * Reports a change after the write or delete has answered: an event that reaches the editor
   * before its own save has finished makes it reload the note and cancel that save.
   */
  private fireSoon(change: vscode.FileChangeEvent): void {
    this.pendingChanges.push(change);
    this.pendingTimer ??= setTimeout(() => {
      this.pendingTimer = undefined;
      const changes = this.pendingChanges;
      this.pendingChanges = [];
      this.fileChanged.fire(changes);
    }, 5);
  }

  rename(uri: vscode.Uri): void {
    // A note is named by what it is attached to; renaming it would detach it.
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  dispose(): void {
    if (this.pendingTimer !== undefined) clearTimeout(this.pendingTimer);
    this.fileChanged.dispose();
    this.notesChanged.dispose();
  }
}

function noteUri(folder: string, name: string): vscode.Uri {
  return vscode.Uri.from({ scheme: PRIVATE_SCHEME, path: `/${folder}/${name}` });
}

function isFolderName(name: string): boolean {
  return /^plan-[a-z0-9-]+$/.test(name);
}

/** The arguments of Open/Delete Private Note when not run from the tree. */
export interface PrivateNoteArgs {
  uri?: UriLike;
  kind?: NoteTarget['kind'];
  id?: string;
  /** Delete without asking (tests, keybindings). */
  confirmed?: boolean;
}

/** A tree row of a note (tree/private-rows.ts) carries its target. */
interface NoteNode extends PlanNode {
  readonly noteTarget?: NoteTarget;
}

function targetOfNode(node: NoteNode): NoteTarget | undefined {
  if (node.noteTarget) return node.noteTarget;
  if (node.kind === 'plan') return { kind: 'plan' };
  if (node.kind === 'goal' && node.goalId) return { kind: 'goal', id: node.goalId };
  if (node.kind === 'session' && node.sessionId) return { kind: 'session', id: node.sessionId };
  return undefined;
}

function isNode(value: unknown): value is NoteNode {
  return typeof value === 'object' && value !== null && 'kind' in value && 'item' in value && 'uri' in value;
}

class PrivateNoteCommands {
  constructor(
    private readonly notes: PrivateNoteStore,
    private readonly services: Services,
  ) {}

  private async resolve(input: PrivateNoteArgs | NoteNode | undefined, ask: boolean): Promise<{ planUri: vscode.Uri; target: NoteTarget } | undefined> {
    if (isNode(input)) {
      const target = targetOfNode(input);
      return target && { planUri: input.uri, target };
    }
    const args = input ?? {};
    const resolved = await this.services.resolver.planFor(args.uri);
    if (!resolved) return undefined;
    const planUri = resolved.document.uri;
    if (args.kind === 'plan') return { planUri, target: { kind: 'plan' } };
    if ((args.kind === 'goal' || args.kind === 'session') && typeof args.id === 'string') return { planUri, target: { kind: args.kind, id: args.id } };
    if (!ask) return undefined;
    const plan = resolved.entry.result.plan;
    const planTarget: NoteTarget = { kind: 'plan' };
    const choices: (vscode.QuickPickItem & { target: NoteTarget })[] = [
      { label: `$(mortar-board) ${escapeIcons(noteTargetLabel(plan, planTarget))}`, target: planTarget },
      ...entriesOf(plan, 'goals').flatMap(({ item }) => (textOf(item.id) ? [{ label: `$(target) ${escapeIcons(noteTargetLabel(plan, { kind: 'goal', id: item.id as string }))}`, target: { kind: 'goal' as const, id: item.id as string } }] : [])),
      ...entriesOf(plan, 'sessions').flatMap(({ item }) => (textOf(item.id) ? [{ label: `$(calendar) ${escapeIcons(noteTargetLabel(plan, { kind: 'session', id: item.id as string }))}`, target: { kind: 'session' as const, id: item.id as string } }] : [])),
    ];
    const items = choices.map((item) => ({ ...item, description: this.notes.exists(planUri, item.target) ? vscode.l10n.t('has a private note') : undefined }));
    const chosen = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('A private note about…') });
    return chosen && { planUri, target: chosen.target };
  }

  /** Opens the note (creating it first, with its header) in an editor tab; resolves to its URI. */
  async open(input?: PrivateNoteArgs | NoteNode): Promise<vscode.Uri | undefined> {
    const resolved = await this.resolve(input, true);
    if (!resolved) return undefined;
    const { planUri, target } = resolved;
    await this.notes.load();
    const uri = await this.notes.uriOf(planUri, target);
    if (!this.notes.exists(planUri, target)) {
      const plan = this.services.store.get(planUri)?.result.plan;
      const first = this.notes.notesOf(planUri).length === 0;
      await this.notes.writeFile(uri, new TextEncoder().encode(newNoteText(plan, target, first)), { create: true, overwrite: false });
    }
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const end = document.lineAt(document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    return uri;
  }

  async delete(input?: PrivateNoteArgs | NoteNode): Promise<boolean> {
    const resolved = await this.resolve(input, true);
    if (!resolved) return false;
    const { planUri, target } = resolved;
    await this.notes.load();
    if (!this.notes.exists(planUri, target)) return false;
    const plan = this.services.store.get(planUri)?.result.plan;
    if (!(isNode(input) ? false : input?.confirmed === true)) {
      const remove = vscode.l10n.t('Delete');
      const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Delete the private note about “{0}”? It is kept nowhere else.', noteTargetLabel(plan, target)), { modal: true }, remove);
      if (answer !== remove) return false;
    }
    const uri = await this.notes.uriOf(planUri, target);
    // An open tab of the note would otherwise offer to save it back.
    for (const group of vscode.window.tabGroups.all) {
      for (const tab of group.tabs) if (tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString()) await vscode.window.tabGroups.close(tab, true);
    }
    await this.notes.delete(uri);
    return true;
  }
}

/** What the tests reach: the store, and a second store on the same storage, as after reloading the window. */
export interface PrivateNotesTesting {
  readonly store: PrivateNoteStore;
  reloaded(): Promise<PrivateNoteStore>;
}

export function registerPrivateNotes(context: vscode.ExtensionContext, services: Services, refreshTree: () => void): PrivateNotesTesting {
  // Without a folder there is no workspace storage; the index then keys notes by the plan's full URI in the global storage.
  const storage = context.storageUri ?? context.globalStorageUri;
  const notes = new PrivateNoteStore(storage);
  const commands = new PrivateNoteCommands(notes, services);
  setPrivateNoteSource(notes);
  context.subscriptions.push(
    notes,
    vscode.workspace.registerFileSystemProvider(PRIVATE_SCHEME, notes, { isCaseSensitive: true }),
    notes.onDidChangeNotes(refreshTree),
    vscode.workspace.onDidRenameFiles(async (event) => {
      for (const { oldUri, newUri } of event.files) {
        try {
          await notes.moved(oldUri, newUri);
        } catch (error) {
          services.log.error(`Could not move the private notes of ${oldUri.toString()} to ${newUri.toString()}`, error);
        }
      }
    }),
    registerLoggedCommand(services.log, COMMANDS.openPrivateNote, (args) => commands.open(args as PrivateNoteArgs | NoteNode | undefined)),
    registerLoggedCommand(services.log, COMMANDS.deletePrivateNote, (args) => commands.delete(args as PrivateNoteArgs | NoteNode | undefined)),
  );
  void notes.load().then(refreshTree);
  return { store: notes, reloaded: async () => {
    const fresh = new PrivateNoteStore(storage);
    await fresh.load();
    return fresh;
  } };
}
