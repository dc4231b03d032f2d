// The one place that reads and checks plan files. Open documents are read from the editor (so
// views follow typing), others from disk through the host. Each text is checked once per document
// version and date; diagnostics, the tree, the status bar, quick fixes, completion, CodeLenses,
// commands and the feedback editor all read the cached CheckResult.
//
// Reads are pure: get/all/forDocument return the cached check of the current version, or check it
// now and cache it, but never fire onDidChange. Only a change (an edit after its typing delay, a
// file created, changed or deleted, a scan, a setting, midnight) fires it, once per change.
//
// Everything outside the store comes through PlanHost (plan-host.ts), so this file runs in plain
// mocha with an in-memory host and fake timers (test/unit/plan-store.test.ts).
import type * as vscode from 'vscode';
import { localIsoDate } from '../core/dates';
import { PlanChecker, planOf } from '../core/check';
import { checkClosedPlan, closedPlanValue } from '../core/quick-check';
import { planDigest } from '../core/plan-digest';
import type { PlanDigest } from '../core/plan-digest';
import type { Plan } from '../core/plan';
import type { ClosedCheckResult } from '../core/quick-check';
import type { EditOptions } from '../core/edits';
import type { CheckResult } from '../core/check';
import { parsePlan } from '../core/parse';
import type { ParsedPlan } from '../core/parse';
import { Emitter } from './plan-host';
import type { Disposable, Event, HostDocument, HostUri, PlanHost } from './plan-host';

export interface PlanEntry<U extends HostUri = vscode.Uri> {
  readonly uri: U;
  /** The document version the text came from; undefined when it was read from disk. */
  readonly version: number | undefined;
  readonly text: string;
  /** The date the checks ran for; date-based findings (overdue, lapse) go stale after midnight. */
  readonly today: string;
  readonly result: CheckResult;
  /**
   * What the views listing every plan read of this one (title, status, counts), worked out once
   * per check. A closed plan keeps this and lets its value go (ClosedPlanCheck).
   */
  readonly digest: PlanDigest;
}

/** An entry whose digest is worked out when first read (an open plan's keystrokes need not pay for it) unless given. */
function planEntry<U extends HostUri>(uri: U, version: number | undefined, text: string, today: string, result: CheckResult, digest?: PlanDigest): PlanEntry<U> {
  let known = digest;
  return {
    uri,
    version,
    text,
    today,
    result,
    get digest() {
      return (known ??= planDigest(result.plan, today));
    },
  };
}

/** Whether two checks of a plan are of the same text on the same day: what they show is the same, positions included. */
export function sameTextAndDay(a: PlanEntry<HostUri>, b: PlanEntry<HostUri>): boolean {
  return a === b || (a.text === b.text && a.today === b.today);
}

/**
 * How long to wait after a keystroke before checking, from what a check of this plan costs: a
 * typical plan checks in a few milliseconds, so its problems follow typing almost at once; a large
 * one waits until the user pauses, so it is checked once per pause rather than per keystroke.
 */
export const TYPING_DELAY = {
  minMs: 30,
  maxMs: 400,
  /** Times the last check's duration: the host spends at most a fifth of its time checking. */
  costFactor: 5,
  /**
   * Milliseconds per 1,000 characters of plan: a floor that does not depend on how busy the
   * machine is, so a 1,000-session plan (~430,000 characters, > 200 ms) waits longer than the
   * gap between keystrokes (~100-200 ms) even where its check is fast.
   */
  msPerThousandChars: 0.5,
} as const;

/** The wait after a keystroke for a plan of `length` characters whose last check took `lastCheckMs`. */
export function typingDelay(lastCheckMs: number, length: number): number {
  const wanted = Math.max(lastCheckMs * TYPING_DELAY.costFactor, (length / 1000) * TYPING_DELAY.msPerThousandChars);
  return Math.round(Math.min(TYPING_DELAY.maxMs, Math.max(TYPING_DELAY.minMs, wanted)));
}

/**
 * How a workspace scan hands out what it found: the open plans at once, then the others in
 * batches, so the tree and Problems fill while the scan goes on without one event per plan.
 */
export const SCAN = {
  /** Milliseconds of scanning between two announcements of newly checked plans. */
  announceEveryMs: 100,
  /** Milliseconds of checking before the scan lets other work (completion, typing, commands) run. */
  yieldEveryMs: 8,
  /**
   * Milliseconds the scan then rests, so it takes at most half a core: on a 2-core machine
   * a scan at full speed left the workbench and the messages to it waiting for a core, and
   * completion during a 1,000-plan scan for up to 0.5-0.7 s (issue 15).
   */
  restMs: 8,
  /**
   * The rest instead while the user works in a plan (typed in one, or asked for completion, in the
   * last userActiveMs): the scan then takes a quarter of a core, so what the user waits for comes
   * first. It still goes on, so a scan ends however long the user types.
   */
  restWhileUserActiveMs: 24,
  /** How long after a keystroke or a completion request the user counts as working. */
  userActiveMs: 1000,
  /** Plans whose file is being read while the scan checks the one before them. */
  readsAhead: 8,
  /** Milliseconds after a folder is created (and the last one of a burst) before plans are looked for in it. */
  newFolderSettleMs: 300,
} as const;

/** localeCompare's order, without looking the locale up in every comparison. */
const PATH_ORDER = new Intl.Collator();

/** Checks for a new date at least this often (a sleeping machine or a changed clock can miss midnight). */
const MAX_DAY_WAIT_MS = 60 * 60 * 1000;

/** A file read under way, and when it began (the store's file sequence). */
interface DiskRead {
  readonly text: Promise<string>;
  readonly startedAt: number;
}

/** When the latest workspace scan started, first announced plans and ended (host clock, ms); the benchmark reads it. */
export interface ScanTimes {
  readonly startedAt: number;
  firstPlansAt: number | undefined;
  endedAt: number | undefined;
}

export class PlanStore<U extends HostUri = vscode.Uri, D extends HostDocument<U> = vscode.TextDocument & HostDocument<U>> implements Disposable {
  private readonly entries = new Map<string, PlanEntry<U>>();
  /**
   * The keys of `entries` in all()'s order, kept until a plan appears or goes (or the folders
   * change): views ask for every plan on each change, and sorting 1,000 paths each time cost more
   * than the change.
   */
  private order: string[] | undefined;
  /** The entry each listener last heard about: a change is announced once, however often it is read. */
  private readonly announced = new Map<string, PlanEntry<U>>();
  private readonly checkers = new Map<string, PlanChecker>();
  private readonly checkCosts = new Map<string, number>();
  private readonly timers = new Map<string, Disposable>();
  // A failing reader (a view, a provider) is reported and does not keep the others from the change.
  private readonly changed = new Emitter<readonly U[]>((error) => this.host.reportError('A reader of plan changes failed', error));
  private readonly disposables: Disposable[] = [this.changed];
  private watcher: Disposable | undefined;
  /** Folders created since the last look inside new folders (paths ending in '/'). */
  private readonly newFolders = new Set<string>();
  private newFolderTimer: Disposable | undefined;
  private dayTimer: Disposable | undefined;
  /** The day every plan was last checked for, or is being rechecked for (see noticeDay). */
  private checkedDay: string;
  /** When the user last typed in a plan or asked for completion in one (the host's clock). */
  private userActiveAt = Number.NEGATIVE_INFINITY;
  /** The day's rescan a read asked for, until it starts. */
  private readonly dayTimers = new Set<Disposable>();
  private glob: string;
  private scanning: Promise<void> = Promise.resolve();
  private firstPlans: Promise<void> = Promise.resolve();
  /** Timing of the latest scan (undefined before the first). */
  lastScan: ScanTimes | undefined;
  private scanGeneration = 0;
  private readonly scanStarted = new Emitter<Promise<void>>();
  /** Fires when a workspace scan starts, with a promise that settles when it ends (the view shows progress). */
  readonly onDidStartScan: Event<Promise<void>> = this.scanStarted.event;

  private disposed = false;
  /** Counts reads and deletions, so a read can tell whether the file was deleted after it began. */
  private fileSequence = 0;
  /**
   * Plans deleted on disk, with the sequence number of the deletion. A read that began before it
   * is stale, and an editor still showing the file without unsaved edits does not bring it back.
   */
  private readonly deletedAt = new Map<string, number>();
  /** Deleted folders (`scheme:path/`), with the sequence number of the deletion: reads begun before it of plans inside are stale. */
  private readonly folderDeletedAt = new Map<string, number>();
  /** When the read whose text a closed plan shows began: an older read that ends later is stale. */
  private readonly readAppliedAt = new Map<string, number>();

  /** Fires with the plans whose result changed, appeared or disappeared; never from a read. */
  readonly onDidChange: Event<readonly U[]> = this.changed.event;

  constructor(private readonly host: PlanHost<U, D>) {
    this.glob = host.settings().planGlob;
    this.checkedDay = this.today();
    this.disposables.push(this.scanStarted);
  }

  /** Starts listening and scanning. Returns at once: the scan runs off the activation path. */
  start(): void {
    const host = this.host;
    this.disposables.push(
      host.onDidOpenDocument((document) => this.isPlanDocument(document) && this.schedule(document, 0)),
      host.onDidChangeDocument((document) => {
        if (!this.isPlanDocument(document)) return;
        // Unsaved edits of a deleted file make it a plan again (saving writes it back).
        if (document.isDirty) this.deletedAt.delete(document.uri.toString());
        this.noteUserActivity();
        this.schedule(document, this.delayFor(document));
      }),
      host.onDidCloseDocument((document) => this.isPlanDocument(document) && void this.documentClosed(document)),
      host.onDidChangeFolders(() => {
        this.order = undefined; // plans sort by workspace folder first
        void this.refresh();
      }),
      host.onDidChangeSettings((affects) => {
        // Both may change in one event (a settings file edited by hand): apply each.
        if (affects('disabledRules')) this.recheckAll();
        if (affects('planGlob')) {
          this.glob = host.settings().planGlob;
          void this.refresh();
        }
      }),
    );
    this.scheduleDayCheck();
    // The plans the user is looking at come first, before the workspace scan.
    for (const document of host.documents()) if (this.isPlanDocument(document)) this.schedule(document, 0);
    void this.refresh();
  }

  /** The user typed in a plan or asked for completion in one: a scan under way steps further aside for a while (SCAN.restWhileUserActiveMs). */
  noteUserActivity(): void {
    this.userActiveAt = this.host.clock.now();
  }

  /** Resolves when the current workspace scan has finished. */
  ready(): Promise<void> {
    return this.scanning;
  }

  /** Resolves once the current scan has announced its first plans (or ended): views can show something. */
  someReady(): Promise<void> {
    return this.firstPlans;
  }

  /** Every known plan, ordered by workspace folder, then path. Pure: fires nothing. */
  all(): PlanEntry<U>[] {
    // Each plan's folder looked up once, not in every comparison (a scan sorts 1,000 plans many times).
    this.order ??= [...this.entries.values()]
      .map((entry) => ({ key: entry.uri.toString(), folder: this.host.folderIndex(entry.uri) ?? Number.MAX_SAFE_INTEGER, path: entry.uri.path }))
      .sort((a, b) => a.folder - b.folder || PATH_ORDER.compare(a.path, b.path))
      .map((plan) => plan.key);
    const plans: PlanEntry<U>[] = [];
    // The date once, not per plan: views call all() on every change, and 1,000 dates were most of it.
    const today = this.today();
    for (const key of this.order) {
      const entry = this.entries.get(key);
      if (entry) plans.push(this.current(entry, today));
    }
    return plans;
  }

  /** How many plans are known (cheaper than all().length). */
  get size(): number {
    return this.entries.size;
  }

  /** The plan's last check (an open plan's rechecked if the date moved on; see current()). Pure: fires nothing. */
  get(uri: U): PlanEntry<U> | undefined {
    const entry = this.entries.get(uri.toString());
    return entry && this.current(entry);
  }

  /**
   * The check of an open plan document's current version: the cached one, or checked now (and
   * cached) when the cache is older than the document, since commands and quick fixes must not act
   * on text from before the last keystroke. Pure: fires nothing; the pending typing delay still
   * announces the change once.
   */
  forDocument(document: D): PlanEntry<U> | undefined {
    if (!this.isPlanDocument(document)) return undefined;
    const entry = this.entries.get(document.uri.toString());
    if (entry && entry.version === document.version && entry.today === this.today()) return entry;
    return this.check(document.uri, document.getText(), document.version);
  }

  /**
   * What an edit of this document reuses: the incremental parser that checked its current version,
   * so an edit of a large plan parses only the entry it changes. Pure, like forDocument.
   */
  editOptions(document: D): EditOptions {
    if (!this.forDocument(document)) return {};
    const checker = this.checkers.get(document.uri.toString());
    return checker ? { parser: checker.parser } : {};
  }

  /** Whether the document is a plan: its path matches mentoringPlan.planGlob, and it is a file or in the workspace. */
  isPlanDocument(document: D): boolean {
    return this.isPlanUri(document.uri) && this.host.matches(document, this.glob);
  }

  /** The current value of mentoringPlan.planGlob, as the store applies it. */
  planGlob(): string {
    return this.glob;
  }

  /** How long an edit of this plan waits before it is checked (see typingDelay). */
  typingDelayFor(uri: U): number {
    const key = uri.toString();
    return typingDelay(this.checkCosts.get(key) ?? 0, this.entries.get(key)?.text.length ?? 0);
  }

  /** Plans live in the workspace or on disk; `git:` and other virtual copies of a plan are not plans. */
  private isPlanUri(uri: U): boolean {
    return uri.scheme === 'file' || this.host.folderIndex(uri) !== undefined;
  }

  /**
   * Rescans the workspace for plan files and rereads those not open in an editor; with `recheck`,
   * checks every plan again even where its text did not change (a rule turned off).
   */
  refresh(recheck = false): Promise<void> {
    const generation = ++this.scanGeneration;
    this.watch();
    const times: ScanTimes = { startedAt: this.host.clock.now(), firstPlansAt: undefined, endedAt: undefined };
    this.lastScan = times;
    let resolveFirst = () => {};
    this.firstPlans = new Promise<void>((resolve) => (resolveFirst = resolve));
    const firstAnnounced = () => {
      times.firstPlansAt ??= this.host.clock.now();
      resolveFirst();
    };
    void this.host.scanState(true);
    this.scanning = this.scan(generation, firstAnnounced, recheck)
      .catch((error: unknown) => this.host.reportError('Mentoring: looking for plan files failed; the Mentoring view may miss some plans.', error))
      .finally(() => {
        firstAnnounced();
        times.endedAt = this.host.clock.now();
        // A newer scan has said it runs; this one's end must not say otherwise.
        if (generation === this.scanGeneration) void this.host.scanState(false);
      });
    this.scanStarted.fire(this.scanning);
    return this.scanning;
  }

  private watch(): void {
    this.watcher?.dispose();
    const reread = (uri: U) => {
      const document = this.openDocument(uri);
      if (!document) void this.readFromDisk(uri).then(() => this.announce([uri]));
      else if (this.deletedAt.delete(uri.toString())) {
        // Written again while an editor still showed it: the plan is back, with the editor's text.
        this.forDocument(document);
        this.announce([uri]);
      }
    };
    this.watcher = this.host.watchFiles(this.glob, {
      onCreate: reread,
      onChange: reread,
      onDelete: (uri) => {
        // An editor may still show a deleted file; unless it holds unsaved edits, the plan is gone.
        if (this.openDocument(uri)?.isDirty) return;
        this.deleted(uri.toString());
        this.announce([uri]);
      },
      onCreateFolder: (uri) => this.folderCreated(uri),
      onDeleteAny: (uri) => {
        const under = `${uri.path.replace(/\/$/, '')}/`;
        const gone = [...this.entries.values()].filter((entry) => entry.uri.scheme === uri.scheme && entry.uri.path.startsWith(under) && !this.openDocument(entry.uri)?.isDirty);
        this.folderDeletedAt.set(`${uri.scheme}:${under}`, ++this.fileSequence);
        for (const entry of gone) this.deleted(entry.uri.toString());
        this.announce(gone.map((entry) => entry.uri));
      },
    });
  }

  /**
   * Looks for plans in folders created since the last look, SCAN.newFolderSettleMs after the last
   * folder of a burst (a folder and the files written into it are looked at once): the watcher can
   * miss files written into a folder it does not watch yet.
   */
  private folderCreated(uri: U): void {
    this.newFolders.add(uri.path.endsWith('/') ? uri.path : `${uri.path}/`);
    this.newFolderTimer?.dispose();
    this.newFolderTimer = this.host.clock.setTimer(() => {
      this.newFolderTimer = undefined;
      const folders = [...this.newFolders];
      this.newFolders.clear();
      void this.readNewPlansIn(folders).catch((error: unknown) => this.host.reportError('Mentoring: looking for plans in a new folder failed.', error));
    }, SCAN.newFolderSettleMs);
  }

  private async readNewPlansIn(folders: readonly string[]): Promise<void> {
    const found = await this.host.findFiles(this.glob);
    const fresh = found.filter((uri) => folders.some((folder) => uri.path.startsWith(folder)) && !this.entries.has(uri.toString()) && !this.openDocument(uri));
    for (const uri of fresh) {
      if (this.disposed) return;
      await this.readFromDisk(uri);
    }
    this.announce(fresh);
  }

  /**
   * Finds the plans and checks them one by one: open plans first (announced at once), then the
   * others, announced in batches every SCAN.announceEveryMs. Between plans it yields to the host
   * whenever it has checked for SCAN.yieldEveryMs, so completion and typing never wait for it.
   */
  private async scan(generation: number, firstAnnounced: () => void, recheck: boolean): Promise<void> {
    if (!this.host.hasFolders()) {
      this.announce(this.removeExcept(new Set(this.openPlanKeys())));
      return;
    }
    const listedAt = ++this.fileSequence;
    const found = await this.host.findFiles(this.glob);
    if (generation !== this.scanGeneration || this.disposed) return;
    // Listed, so written again since it was deleted (unless deleted again after the listing began).
    for (const uri of found) if ((this.deletedAt.get(uri.toString()) ?? Infinity) < listedAt) this.deletedAt.delete(uri.toString());
    const keep = new Set([...found.map((uri) => uri.toString()), ...this.openPlanKeys()]);
    const removed = this.removeExcept(keep);
    const open = found.filter((uri) => this.openDocument(uri));
    const closed = found.filter((uri) => !this.openDocument(uri));
    for (const uri of open) this.forDocument(this.openDocument(uri)!);
    let batch: U[] = [...removed, ...open];
    // The workbench's answer after the last batch: the next waits for it (see PlanHost.scanState).
    let workbenchTookLast = Promise.resolve();
    const flush = async () => {
      if (batch.length === 0) return;
      await workbenchTookLast;
      // A newer scan may have begun (and even ended, telling the workbench so) while this one waited.
      if (generation !== this.scanGeneration || this.disposed) return;
      this.announce(batch);
      batch = [];
      firstAnnounced();
      workbenchTookLast = this.host.scanState(true);
    };
    // The plans the user is looking at appear at once; forgotten plans go with the next batch.
    if (open.length > 0) await flush();
    let lastAnnounce = this.host.clock.now();
    let lastYield = lastAnnounce;
    // The next plans are read while one is checked: a read waits on the disk, a check on the CPU.
    const reads: (DiskRead | undefined)[] = [];
    const startRead = (index: number) => {
      const uri = closed[index];
      if (uri === undefined || reads[index]) return;
      const read = this.startRead(uri);
      read.text.catch(() => undefined); // a scan that ends early leaves its reads unawaited; readFromDisk handles the failure
      reads[index] = read;
    };
    for (let index = 0; index < SCAN.readsAhead; index++) startRead(index);
    for (const [index, uri] of closed.entries()) {
      if (generation !== this.scanGeneration || this.disposed) return;
      startRead(index + SCAN.readsAhead);
      const document = this.openDocument(uri);
      if (document) this.forDocument(document);
      else await this.readFromDisk(uri, recheck, reads[index]);
      reads[index] = undefined;
      batch.push(uri);
      const now = this.host.clock.now();
      if (now - lastAnnounce >= SCAN.announceEveryMs) {
        await flush();
        if (generation !== this.scanGeneration || this.disposed) return;
        lastAnnounce = this.host.clock.now();
        lastYield = lastAnnounce;
      }
      if (now - lastYield >= SCAN.yieldEveryMs) {
        const userActive = now - this.userActiveAt < SCAN.userActiveMs;
        await this.host.yieldToOthers(userActive ? SCAN.restWhileUserActiveMs : SCAN.restMs);
        lastYield = this.host.clock.now();
      }
    }
    if (generation !== this.scanGeneration || this.disposed) return;
    // The rest in one event, naming only the plans whose check changed; the scan ends when the workbench has them.
    await flush();
    await workbenchTookLast;
  }

  /** Forgets every plan not in `keep`; returns their URIs. */
  private removeExcept(keep: Set<string>): U[] {
    const removed: U[] = [];
    for (const [key, entry] of this.entries) {
      if (!keep.has(key)) {
        this.forget(key);
        removed.push(entry.uri);
      }
    }
    return removed;
  }

  private startRead(uri: U): DiskRead {
    return { text: this.host.readFile(uri), startedAt: ++this.fileSequence };
  }

  /** The plan's file was deleted: it is forgotten, and reads begun before now are stale. */
  private deleted(key: string): void {
    this.forget(key);
    this.deletedAt.set(key, ++this.fileSequence);
  }

  /** Whether something newer is known of the file than a read begun at `startedAt`: its deletion, its folder's, or a newer read. */
  private isStale(uri: U, startedAt: number): boolean {
    const key = uri.toString();
    if ((this.deletedAt.get(key) ?? 0) > startedAt || (this.readAppliedAt.get(key) ?? 0) > startedAt) return true;
    const path = `${uri.scheme}:${uri.path}`;
    for (const [folder, at] of this.folderDeletedAt) if (at > startedAt && path.startsWith(folder)) return true;
    return false;
  }

  /** Reads and checks a plan that is not open; forgets it when it cannot be read. */
  private async readFromDisk(uri: U, recheck = false, read: DiskRead = this.startRead(uri)): Promise<void> {
    const key = uri.toString();
    let text: string;
    try {
      text = await read.text;
    } catch {
      // Deleted or unreadable (a watcher event can come after the file is gone again).
      this.forget(key);
      return;
    }
    // Deleted while we read (the text is of a file that is gone), or a newer read got there first.
    if (this.isStale(uri, read.startedAt)) return;
    this.deletedAt.delete(key);
    this.readAppliedAt.set(key, read.startedAt);
    // The user may have opened it while we read; the editor's text wins then.
    if (this.disposed || this.openDocument(uri)) return;
    const known = this.entries.get(key);
    // A save or a touch that left the text as it was is not a change.
    if (!recheck && known && known.version === undefined && known.text === text && known.today === this.today()) return;
    this.check(uri, text, undefined);
  }

  private async documentClosed(document: D): Promise<void> {
    const key = document.uri.toString();
    this.cancel(key);
    this.checkers.delete(key);
    // A closed plan keeps its problems listed, as saved on disk; unsaved edits are gone with the editor.
    const inWorkspace = this.host.folderIndex(document.uri) !== undefined && !document.isUntitled;
    if (inWorkspace) await this.readFromDisk(document.uri);
    else this.forget(key);
    this.announce([document.uri]);
  }

  private schedule(document: D, delay: number): void {
    const key = document.uri.toString();
    this.cancel(key);
    this.timers.set(
      key,
      this.host.clock.setTimer(() => {
        this.timers.delete(key);
        if (document.isClosed) return;
        this.forDocument(document);
        this.announce([document.uri]);
      }, delay),
    );
  }

  private delayFor(document: D): number {
    return this.typingDelayFor(document.uri);
  }

  private cancel(key: string): void {
    this.timers.get(key)?.dispose();
    this.timers.delete(key);
  }

  /** Date-based findings (overdue actions, cadence lapses) change at midnight: recheck then. */
  private scheduleDayCheck(): void {
    const now = this.host.clock.now();
    const date = new Date(now);
    const midnight = new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).getTime();
    this.dayTimer = this.host.clock.setTimer(
      () => {
        if (this.disposed) return;
        this.noticeDay(this.today());
        this.scheduleDayCheck();
      },
      Math.min(MAX_DAY_WAIT_MS, midnight - now),
    );
  }

  /**
   * A new day, noticed by the day timer or by a read: the open plans are checked again at once and
   * the others by a rescan that yields between them, started on a timer so that a read which
   * noticed the day fires nothing.
   */
  private noticeDay(today: string): void {
    if (today === this.checkedDay) return;
    this.checkedDay = today;
    const timer = this.host.clock.setTimer(() => {
      this.dayTimers.delete(timer);
      if (!this.disposed) this.recheckAll();
    }, 0);
    this.dayTimers.add(timer);
  }

  /** Open plans at once; the others through a scan, which yields between plans and streams its results. */
  private recheckAll(): void {
    const open = [...this.entries.values()].filter((entry) => entry.version !== undefined);
    for (const entry of open) this.check(entry.uri, entry.text, entry.version);
    this.announce(open.map((entry) => entry.uri));
    void this.refresh(true);
  }

  /** Fires onDidChange for the plans whose entry differs from the one last announced (once each). */
  private announce(uris: readonly U[]): void {
    const changed = new Map<string, U>();
    for (const uri of uris) {
      const key = uri.toString();
      const entry = this.entries.get(key);
      if (this.announced.get(key) === entry) continue;
      if (entry) this.announced.set(key, entry);
      else this.announced.delete(key);
      changed.set(key, uri);
    }
    if (changed.size > 0 && !this.disposed) this.changed.fire([...changed.values()]);
  }

  private forget(key: string): void {
    if (this.entries.delete(key)) this.order = undefined;
    this.checkers.delete(key);
    this.checkCosts.delete(key);
  }

  /**
   * The entry for today: an open plan from an earlier day is checked again now; a closed one keeps
   * its check until the day's rescan reaches it (rechecking every closed plan as views read them
   * froze the host for seconds at 1,000 plans).
   */
  private current(entry: PlanEntry<U>, today = this.today()): PlanEntry<U> {
    if (entry.today === today) return entry;
    if (entry.version !== undefined) return this.check(entry.uri, entry.text, entry.version);
    this.noticeDay(today);
    return entry;
  }

  private today(): string {
    return localIsoDate(new Date(this.host.clock.now()));
  }

  private check(uri: U, text: string, version: number | undefined): PlanEntry<U> {
    const started = this.host.clock.now();
    const today = localIsoDate(new Date(started));
    const key = uri.toString();
    const options = { today, disabledRules: this.host.settings(uri).disabledRules };
    let result: CheckResult;
    let digest: PlanDigest | undefined;
    if (version !== undefined) {
      // One checker per open plan: a keystroke re-parses only the entry it touched.
      const checker = this.checkers.get(key) ?? new PlanChecker();
      this.checkers.set(key, checker);
      result = checker.check(text, options);
    } else {
      // A closed plan takes the line parser's check (positions from only the entries its findings
      // lie in; the same result as checkPlan's) and keeps no parser, parsed document or value:
      // its digest is worked out now, while the value is at hand.
      this.checkers.delete(key);
      const closed = checkClosedPlan(text, options);
      digest = planDigest(closed.plan, today);
      result = new ClosedPlanCheck(closed, text);
    }
    this.checkCosts.set(key, this.host.clock.now() - started);
    const entry = planEntry(uri, version, text, today, result, digest);
    // An editor still showing a deleted file: its features get the check, the views do not get the plan back.
    if (this.deletedAt.has(key)) {
      this.checkers.delete(key);
      return entry;
    }
    if (!this.entries.has(key)) this.order = undefined;
    this.entries.set(key, entry);
    return entry;
  }

  private openDocument(uri: U): D | undefined {
    const key = uri.toString();
    return this.host.documents().find((document) => !document.isClosed && document.uri.toString() === key);
  }

  /** Open plans the scan cannot see: unsaved edits (perhaps of a deleted file) and plans outside the workspace folders. */
  private openPlanKeys(): string[] {
    return this.host
      .documents()
      .filter((document) => !document.isClosed && this.isPlanDocument(document) && (document.isDirty || this.host.folderIndex(document.uri) === undefined))
      .map((document) => document.uri.toString());
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers.values()) timer.dispose();
    this.timers.clear();
    this.dayTimer?.dispose();
    for (const timer of this.dayTimers) timer.dispose();
    this.newFolderTimer?.dispose();
    this.watcher?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/**
 * A closed plan's check as views need it: its findings (with their ranges), without the parsed
 * document or the plan's value, which were most of a check's memory (1,000 plans held ~1 GB of
 * documents, then 50 MB of values whose full garbage collections cost a keystroke in ten ~0.5 s);
 * views that list every plan read the entry's digest. Something that asks for the value or
 * positions later (an expanded row, a hover, a click, a command on the plan) gets the text read
 * again then; the REREADS_KEPT plans asked most recently keep what was read, so a view that asks of
 * many plans holds a few, not one per plan.
 */
export class ClosedPlanCheck implements CheckResult {
  readonly issues: CheckResult['issues'];
  /** Whether the text could be read at all; views need it without a parse. */
  readonly readable: boolean;
  /** How many times the text was parsed again for positions: tests check that views ask only on a click. */
  parses = 0;
  /** How many times the value was read again: tests check that views listing every plan never ask. */
  valueReads = 0;
  private reparsed: ParsedPlan | undefined;
  private readonly hasValue: boolean;
  private value: Partial<Plan> | undefined;

  constructor(
    result: Pick<ClosedCheckResult, 'plan' | 'issues' | 'readable'>,
    private readonly text: string,
  ) {
    this.issues = result.issues;
    this.readable = result.readable;
    this.hasValue = result.plan !== undefined;
  }

  /** The plan's value (checkClosedPlan's), read again from the text when it is not kept; then kept among the last REREADS_KEPT. */
  get plan(): Partial<Plan> | undefined {
    const value = this.valueOnce();
    if (this.hasValue) {
      this.value = value;
      keepReread(this);
    }
    return value;
  }

  /**
   * The value without keeping it: for a pass over every plan (a search, a picker), which would
   * otherwise push out the plans the user is working with and keep REREADS_KEPT it will not ask for again.
   */
  valueOnce(): Partial<Plan> | undefined {
    if (!this.hasValue) return undefined;
    if (this.value) return this.value;
    // A parse kept for positions has the same value (closedPlanValue's is yaml's, by its tests).
    if (this.reparsed) return planOf(this.reparsed.value);
    this.valueReads++;
    return closedPlanValue(this.text);
  }

  get parsed(): ParsedPlan {
    if (!this.reparsed) {
      this.parses++;
      this.reparsed = parsePlan(this.text);
    }
    const parsed = this.reparsed;
    keepReread(this);
    return parsed;
  }

  /** Whether a parsed document or the value is held (only after something asked for one). */
  get holdsReread(): boolean {
    return this.reparsed !== undefined || this.value !== undefined;
  }

  /** Lets what was read again go (the oldest of those kept, when another plan is read again). */
  dropReread(): void {
    this.reparsed = undefined;
    this.value = undefined;
  }
}

/** How many closed plans keep their parse or value after it was asked for. */
export const REREADS_KEPT = 16;
/** Closed plans holding a parse or a value, least recently asked first. */
const keptRereads = new Set<ClosedPlanCheck>();

function keepReread(check: ClosedPlanCheck): void {
  keptRereads.delete(check);
  keptRereads.add(check);
  if (keptRereads.size <= REREADS_KEPT) return;
  const oldest = keptRereads.values().next().value;
  if (!oldest) return;
  keptRereads.delete(oldest);
  oldest.dropReread();
}

/** A plan's value for a pass over every plan: a closed plan's is read again and not kept (ClosedPlanCheck.valueOnce). */
export function planValueOnce(result: CheckResult): Partial<Plan> | undefined {
  return result instanceof ClosedPlanCheck ? result.valueOnce() : result.plan;
}

/** Whether the plan could be read at all (not refused as too large or too deep), without parsing a closed plan again. */
export function isReadable(result: CheckResult): boolean {
  return result instanceof ClosedPlanCheck ? result.readable : result.parsed.readable;
}
