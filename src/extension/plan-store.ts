// The one place that reads and checks plan files. Open documents are read from the editor (so
// views follow typing), others from disk through vscode.workspace.fs (so the web extension works
// too). Each text is checked once per document version; diagnostics, the tree, the status bar,
// quick fixes and commands all read the cached CheckResult.
import * as vscode from 'vscode';
import { PlanChecker } from '../core/check';
import type { CheckResult } from '../core/check';
import { affectsSettings, readSettings } from './config';
import { todayIso } from './today';

export interface PlanEntry {
  readonly uri: vscode.Uri;
  /** The document version the text came from; undefined when it was read from disk. */
  readonly version: number | undefined;
  readonly text: string;
  /** The date the checks ran for; date-based findings (overdue, lapse) go stale after midnight. */
  readonly today: string;
  readonly result: CheckResult;
}

/** Edits within this long of each other are checked once, after the last one. */
export const TYPING_DEBOUNCE_MS = 250;
const EXCLUDE = '**/node_modules/**';
const DAY_CHECK_INTERVAL_MS = 10 * 60 * 1000;
const MAX_PLANS = 2000;
const decoder = new TextDecoder('utf-8');

export class PlanStore implements vscode.Disposable {
  private readonly entries = new Map<string, PlanEntry>();
  private readonly checkers = new Map<string, PlanChecker>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<readonly vscode.Uri[]>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private watcher: vscode.FileSystemWatcher | undefined;
  private glob = readSettings().planGlob;
  private scanning: Promise<void> = Promise.resolve();
  private scanGeneration = 0;

  /** Fires with the plans whose result changed, appeared or disappeared. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly debounceMs = TYPING_DEBOUNCE_MS) {}

  /** Starts listening and scanning. Returns at once: the scan runs off the activation path. */
  start(): void {
    const workspace = vscode.workspace;
    this.disposables.push(
      workspace.onDidOpenTextDocument((document) => this.isPlanDocument(document) && this.schedule(document, 0)),
      workspace.onDidChangeTextDocument((event) => event.contentChanges.length > 0 && this.isPlanDocument(event.document) && this.schedule(event.document, this.debounceMs)),
      workspace.onDidCloseTextDocument((document) => this.isPlanDocument(document) && void this.documentClosed(document)),
      workspace.onDidChangeWorkspaceFolders(() => void this.refresh()),
      workspace.onDidChangeConfiguration((event) => {
        if (affectsSettings(event, 'planGlob')) {
          this.glob = readSettings().planGlob;
          void this.refresh();
        } else if (affectsSettings(event, 'disabledRules')) {
          this.recheckAll();
        }
      }),
    );
    // Overdue actions and cadence lapses depend on the date; recheck once it has changed.
    const dayWatch = setInterval(() => {
      if ([...this.entries.values()].some((entry) => entry.today !== todayIso())) this.recheckAll();
    }, DAY_CHECK_INTERVAL_MS);
    this.disposables.push({ dispose: () => clearInterval(dayWatch) });
    // The plans the user is looking at come first, before the workspace scan.
    for (const document of workspace.textDocuments) if (this.isPlanDocument(document)) this.schedule(document, 0);
    void this.refresh();
  }

  /** Resolves when the current workspace scan has finished. */
  ready(): Promise<void> {
    return this.scanning;
  }

  /** Every known plan, ordered by workspace folder, then path. */
  all(): PlanEntry[] {
    return [...this.entries.values()].map((entry) => this.current(entry)).sort(comparePlans);
  }

  get(uri: vscode.Uri): PlanEntry | undefined {
    const entry = this.entries.get(uri.toString());
    return entry && this.current(entry);
  }

  /**
   * The entry for an open plan document, checked now if the cached one is older than the
   * document (commands and quick fixes must not act on text from before the last keystroke).
   */
  forDocument(document: vscode.TextDocument): PlanEntry | undefined {
    if (!this.isPlanDocument(document)) return undefined;
    const key = document.uri.toString();
    const entry = this.entries.get(key);
    if (entry && entry.version === document.version && entry.today === todayIso()) return entry;
    this.cancel(key);
    const fresh = this.check(document.uri, document.getText(), document.version);
    this.changed.fire([document.uri]);
    return fresh;
  }

  isPlanDocument(document: vscode.TextDocument): boolean {
    return this.isPlanUri(document.uri) && vscode.languages.match({ pattern: this.glob }, document) > 0;
  }

  /** Plans live in the workspace or on disk; `git:` and other virtual copies of a plan are not plans. */
  private isPlanUri(uri: vscode.Uri): boolean {
    return uri.scheme === 'file' || vscode.workspace.getWorkspaceFolder(uri) !== undefined;
  }

  /** Rescans the workspace for plan files and rereads those not open in an editor. */
  refresh(): Promise<void> {
    const generation = ++this.scanGeneration;
    this.watch();
    this.scanning = this.scan(generation).catch((error: unknown) => {
      console.error('[mentoring-plan] scanning for plans failed', error);
    });
    return this.scanning;
  }

  private watch(): void {
    this.watcher?.dispose();
    const watcher = vscode.workspace.createFileSystemWatcher(this.glob);
    const reread = (uri: vscode.Uri) => {
      if (!this.openDocument(uri)) void this.readFromDisk(uri).then((entry) => entry && this.changed.fire([uri]));
    };
    watcher.onDidCreate(reread);
    watcher.onDidChange(reread);
    watcher.onDidDelete((uri) => {
      // An editor may still show a deleted file; unless it holds unsaved edits, the plan is gone.
      if (!this.openDocument(uri)?.isDirty && this.entries.delete(uri.toString())) this.changed.fire([uri]);
    });
    this.watcher = watcher;
  }

  private async scan(generation: number): Promise<void> {
    if (!vscode.workspace.workspaceFolders?.length) {
      this.removeExcept(new Set(this.openPlanKeys()));
      return;
    }
    const found = await vscode.workspace.findFiles(this.glob, EXCLUDE, MAX_PLANS);
    if (generation !== this.scanGeneration) return;
    const keep = new Set([...found.map((uri) => uri.toString()), ...this.openPlanKeys()]);
    this.removeExcept(keep);
    const updated: vscode.Uri[] = [];
    for (const uri of found) {
      if (generation !== this.scanGeneration) return;
      const document = this.openDocument(uri);
      if (document) {
        this.forDocument(document);
        continue;
      }
      if (await this.readFromDisk(uri)) updated.push(uri);
    }
    if (updated.length > 0) this.changed.fire(updated);
  }

  private removeExcept(keep: Set<string>): void {
    const removed: vscode.Uri[] = [];
    for (const [key, entry] of this.entries) {
      if (!keep.has(key)) {
        this.entries.delete(key);
        removed.push(entry.uri);
      }
    }
    if (removed.length > 0) this.changed.fire(removed);
  }

  /** Reads and checks a plan that is not open. Returns the entry, or undefined when it could not be read. */
  private async readFromDisk(uri: vscode.Uri): Promise<PlanEntry | undefined> {
    let text: string;
    try {
      text = decoder.decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      if (this.entries.delete(uri.toString())) this.changed.fire([uri]);
      return undefined;
    }
    // The user may have opened it while we read; the editor's text wins then.
    if (this.openDocument(uri)) return undefined;
    return this.check(uri, text, undefined);
  }

  private async documentClosed(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    this.cancel(key);
    this.checkers.delete(key);
    // A closed plan keeps its problems listed, as saved on disk; unsaved edits are gone with the editor.
    const inWorkspace = vscode.workspace.getWorkspaceFolder(document.uri) !== undefined && !document.isUntitled;
    if (inWorkspace && (await this.readFromDisk(document.uri))) {
      this.changed.fire([document.uri]);
    } else if (!inWorkspace && this.entries.delete(key)) {
      this.changed.fire([document.uri]);
    }
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    const key = document.uri.toString();
    this.cancel(key);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!document.isClosed) this.forDocument(document);
      }, delay),
    );
  }

  private cancel(key: string): void {
    const timer = this.timers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(key);
  }

  private recheckAll(): void {
    for (const entry of this.entries.values()) this.check(entry.uri, entry.text, entry.version);
    this.changed.fire([...this.entries.values()].map((entry) => entry.uri));
  }

  /** Returns the entry, rechecked when the date has moved on since it was checked. */
  private current(entry: PlanEntry): PlanEntry {
    return entry.today === todayIso() ? entry : this.check(entry.uri, entry.text, entry.version);
  }

  private check(uri: vscode.Uri, text: string, version: number | undefined): PlanEntry {
    const today = todayIso();
    // One checker per open plan: a keystroke re-parses only the entry it touched.
    const key = uri.toString();
    const checker = this.checkers.get(key) ?? new PlanChecker();
    if (version !== undefined) this.checkers.set(key, checker);
    else this.checkers.delete(key);
    const result = checker.check(text, { today, disabledRules: readSettings(uri).disabledRules });
    const entry: PlanEntry = { uri, version, text, today, result };
    this.entries.set(uri.toString(), entry);
    return entry;
  }

  private openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    const key = uri.toString();
    return vscode.workspace.textDocuments.find((document) => !document.isClosed && document.uri.toString() === key);
  }

  /** Open plans the scan cannot see: unsaved edits (perhaps of a deleted file) and plans outside the workspace folders. */
  private openPlanKeys(): string[] {
    return vscode.workspace.textDocuments
      .filter((document) => !document.isClosed && this.isPlanDocument(document) && (document.isDirty || !vscode.workspace.getWorkspaceFolder(document.uri)))
      .map((document) => document.uri.toString());
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.watcher?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function comparePlans(a: PlanEntry, b: PlanEntry): number {
  const folderA = vscode.workspace.getWorkspaceFolder(a.uri)?.index ?? Number.MAX_SAFE_INTEGER;
  const folderB = vscode.workspace.getWorkspaceFolder(b.uri)?.index ?? Number.MAX_SAFE_INTEGER;
  return folderA - folderB || a.uri.path.localeCompare(b.uri.path);
}
