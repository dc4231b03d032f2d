// An in-memory PlanHost with fake timers: the plan store's tests drive files, editors, settings
// and the clock by hand, in plain mocha (no VS Code).
import type { Settings } from '../../../src/extension/config';
import { Emitter } from '../../../src/extension/plan-host';
import type { Clock, Disposable, FileEvents, HostDocument, HostUri, PlanHost, SettingKey } from '../../../src/extension/plan-host';

export const DEFAULT_GLOB = '**/*.mentoring.{yaml,yml}';

export class MemoryUri implements HostUri {
  constructor(
    readonly path: string,
    readonly scheme = 'file',
  ) {}

  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

export class MemoryDocument implements HostDocument<MemoryUri> {
  version = 1;
  isDirty = false;
  isClosed = false;
  readonly isUntitled = false;

  constructor(
    readonly uri: MemoryUri,
    public text: string,
  ) {}

  getText(): string {
    return this.text;
  }
}

interface Timer {
  id: number;
  at: number;
  callback: () => void;
}

/** Time moves only when a test calls advance(); due timers then run in order. */
export class FakeClock implements Clock {
  private timers: Timer[] = [];
  private nextId = 0;

  constructor(private time: number) {}

  now(): number {
    return this.time;
  }

  setTimer(callback: () => void, ms: number): Disposable {
    const timer = { id: this.nextId++, at: this.time + Math.max(0, ms), callback };
    this.timers.push(timer);
    return { dispose: () => (this.timers = this.timers.filter((candidate) => candidate !== timer)) };
  }

  /** Moves time forward by `ms`, running every timer that falls due on the way. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.time = due.at;
      due.callback();
    }
    this.time = end;
  }

  /**
   * A machine woken from sleep: the date jumps to `time`, and timers that fell due meanwhile have
   * not run yet; they run at the next advance(), at the time of waking (not at their own).
   */
  wakeAt(time: number): void {
    this.time = time;
    for (const timer of this.timers) timer.at = Math.max(timer.at, time);
  }

  /** Milliseconds until the next timer falls due, or undefined when none is pending. */
  nextDueIn(): number | undefined {
    const next = Math.min(...this.timers.map((timer) => timer.at));
    return Number.isFinite(next) ? next - this.time : undefined;
  }

  pendingTimers(): number {
    return this.timers.length;
  }
}

/** VS Code's glob forms the plan glob uses: `**`, `*`, `?` and `{a,b}`; matched against the whole path. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (glob.startsWith('**/', i)) {
      source += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      source += '.*';
      i += 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') source += '(?:';
    else if (char === '}') source += ')';
    else if (char === ',') source += '|';
    else source += char.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^(?:.*/)?${source}$`);
}

export class MemoryHost implements PlanHost<MemoryUri, MemoryDocument> {
  readonly clock: FakeClock;
  readonly files = new Map<string, string>();
  readonly folders: string[];
  readonly openDocs: MemoryDocument[] = [];
  readonly errors: string[] = [];
  /** How many checks ran: the store reads the plan's settings once per check. */
  checks = 0;
  private current: Settings = { planGlob: DEFAULT_GLOB, disabledRules: [], diagnosticsEnabled: true, diagnosticsScope: 'workspace' };
  private watchers: { pattern: RegExp; events: FileEvents<MemoryUri> }[] = [];
  private readonly folderChanges = new Emitter<void>();
  private readonly opened = new Emitter<MemoryDocument>();
  private readonly changedDocs = new Emitter<MemoryDocument>();
  private readonly closed = new Emitter<MemoryDocument>();
  private readonly settingChanges = new Emitter<(key: SettingKey) => boolean>();

  constructor(options: { now?: Date; folders?: string[] } = {}) {
    this.clock = new FakeClock((options.now ?? new Date(2026, 10, 27, 10, 0)).getTime());
    this.folders = options.folders ?? ['/ws'];
  }

  // ---- PlanHost ----

  async readFile(uri: MemoryUri): Promise<string> {
    const text = this.files.get(uri.path);
    if (text === undefined) throw new Error(`ENOENT: ${uri.path}`);
    return text;
  }

  async findFiles(glob: string): Promise<readonly MemoryUri[]> {
    const pattern = globToRegExp(glob);
    return [...this.files.keys()].filter((path) => this.folderIndex(new MemoryUri(path)) !== undefined && pattern.test(path)).map((path) => new MemoryUri(path));
  }

  watchFiles(glob: string, events: FileEvents<MemoryUri>): Disposable {
    const watcher = { pattern: globToRegExp(glob), events };
    this.watchers.push(watcher);
    return { dispose: () => (this.watchers = this.watchers.filter((candidate) => candidate !== watcher)) };
  }

  hasFolders(): boolean {
    return this.folders.length > 0;
  }

  folderIndex(uri: MemoryUri): number | undefined {
    const index = this.folders.findIndex((folder) => uri.path.startsWith(`${folder}/`));
    return index === -1 ? undefined : index;
  }

  readonly onDidChangeFolders = this.folderChanges.event;
  readonly onDidOpenDocument = this.opened.event;
  readonly onDidChangeDocument = this.changedDocs.event;
  readonly onDidCloseDocument = this.closed.event;
  readonly onDidChangeSettings = this.settingChanges.event;

  documents(): readonly MemoryDocument[] {
    return this.openDocs;
  }

  matches(document: MemoryDocument, glob: string): boolean {
    return globToRegExp(glob).test(document.uri.path);
  }

  settings(scope?: MemoryUri): Settings {
    if (scope) this.checks++;
    return { ...this.current, disabledRules: [...this.current.disabledRules] };
  }

  /** How often the store let other work run; `onYield` stands for that work (or time passing). */
  yields = 0;
  onYield: (() => void) | undefined;

  /** Every scanState call, in order. */
  readonly scanStates: boolean[] = [];
  /** When set, the workbench's answer to scanState (a test holds it back to play a busy workbench). */
  scanStateAnswer?: () => Promise<void>;

  async scanState(scanning: boolean): Promise<void> {
    this.scanStates.push(scanning);
    await (this.scanStateAnswer?.() ?? settle());
  }

  /** The rests the store asked for when it yielded, in ms. */
  readonly rests: number[] = [];

  async yieldToOthers(restMs = 0): Promise<void> {
    this.yields++;
    this.rests.push(restMs);
    this.onYield?.();
    await settle();
  }

  reportError(message: string): void {
    this.errors.push(message);
  }

  // ---- what a test does ----

  /** Creates or changes a file on disk, telling the watchers. */
  writeFile(path: string, text: string): MemoryUri {
    const existed = this.files.has(path);
    this.files.set(path, text);
    const uri = new MemoryUri(path);
    for (const watcher of this.watchersFor(path)) (existed ? watcher.events.onChange : watcher.events.onCreate)(uri);
    return uri;
  }

  deleteFile(path: string): void {
    if (!this.files.delete(path)) throw new Error(`no file ${path}`);
    for (const watcher of this.watchersFor(path)) watcher.events.onDelete(new MemoryUri(path));
  }

  /** Creates a folder with files in it, as a watcher that misses files in new folders reports it: the folder only. */
  createFolderWith(folder: string, files: Record<string, string>): void {
    for (const [name, text] of Object.entries(files)) this.files.set(`${folder}/${name}`, text);
    for (const watcher of this.watchers) watcher.events.onCreateFolder(new MemoryUri(folder));
  }

  /** Deletes a folder and the files in it, as a watcher that reports only the folder does. */
  deleteFolder(folder: string): void {
    for (const path of [...this.files.keys()]) if (path.startsWith(`${folder}/`)) this.files.delete(path);
    for (const watcher of this.watchers) watcher.events.onDeleteAny(new MemoryUri(folder));
  }

  /** A rename as file watchers report it: the old name deleted, the new one created. */
  renameFile(from: string, to: string): void {
    const text = this.files.get(from);
    if (text === undefined) throw new Error(`no file ${from}`);
    this.deleteFile(from);
    this.writeFile(to, text);
  }

  open(path: string): MemoryDocument {
    const text = this.files.get(path);
    if (text === undefined) throw new Error(`no file ${path}`);
    const document = new MemoryDocument(new MemoryUri(path), text);
    this.openDocs.push(document);
    this.opened.fire(document);
    return document;
  }

  /** One keystroke (or any edit): the document gets the new text and a new version. */
  edit(document: MemoryDocument, text: string): void {
    document.text = text;
    document.version++;
    document.isDirty = true;
    this.changedDocs.fire(document);
  }

  close(document: MemoryDocument): void {
    document.isClosed = true;
    this.openDocs.splice(this.openDocs.indexOf(document), 1);
    this.closed.fire(document);
  }

  setSettings(change: Partial<Settings>): void {
    this.current = { ...this.current, ...change };
    this.settingChanges.fire((key) => key in change);
  }

  private watchersFor(path: string) {
    return this.watchers.filter((watcher) => watcher.pattern.test(path));
  }
}

/** Lets pending promise callbacks (file reads, scans) run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
