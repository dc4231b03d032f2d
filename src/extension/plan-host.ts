// What the plan store needs from its host, and nothing more: read a file, list and watch plan
// files, the open documents, settings, a clock and timers. Modelled on the Markdown language
// service's IWorkspace. vscode-host.ts implements it on the VS Code API; test/unit/support/
// memory-host.ts implements it in memory with fake timers, so the store runs in plain mocha.
// No `vscode` import here at run time: the store and its tests load without VS Code.
import type { Settings } from './config';

export interface Disposable {
  dispose(): void;
}

/** Subscribes a listener; compatible with vscode.Event for the one-argument form. */
export type Event<T> = (listener: (value: T) => unknown) => Disposable;

/** A minimal event emitter (vscode.EventEmitter needs VS Code loaded). */
export class Emitter<T> implements Disposable {
  private listeners: ((value: T) => unknown)[] = [];

  constructor(private readonly onListenerError: (error: unknown) => void = () => undefined) {}

  readonly event: Event<T> = (listener) => {
    this.listeners.push(listener);
    return {
      dispose: () => {
        this.listeners = this.listeners.filter((candidate) => candidate !== listener);
      },
    };
  };

  /** Delivers to every listener; one that throws is reported and does not stop the others (as vscode.EventEmitter does). */
  fire(value: T): void {
    // A copy: a listener may unsubscribe (or subscribe) while the event is delivered.
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  dispose(): void {
    this.listeners = [];
  }
}

/** What the store needs of a URI; vscode.Uri has it. */
export interface HostUri {
  readonly scheme: string;
  readonly path: string;
  toString(): string;
}

/** What the store needs of an open document; vscode.TextDocument has it. */
export interface HostDocument<U extends HostUri> {
  readonly uri: U;
  readonly version: number;
  readonly isDirty: boolean;
  readonly isClosed: boolean;
  readonly isUntitled: boolean;
  getText(): string;
}

export interface Clock {
  /** Milliseconds since the epoch: the date for date-based findings, and the cost of a check. */
  now(): number;
  /** Runs `callback` once after `ms`; disposing the result cancels it. */
  setTimer(callback: () => void, ms: number): Disposable;
}

export interface FileEvents<U> {
  onCreate(uri: U): void;
  onChange(uri: U): void;
  onDelete(uri: U): void;
  /**
   * A folder was created in the workspace. File watchers may not report files written into a new
   * folder at once (the folder is watched only after it exists), so the store looks inside it.
   */
  onCreateFolder(uri: U): void;
  /**
   * Something was deleted, perhaps a folder (which no longer says which): watchers may report a
   * deleted folder without the files that were in it, so the store forgets the plans under it.
   */
  onDeleteAny(uri: U): void;
}

export type SettingKey = keyof Settings;

export interface PlanHost<U extends HostUri, D extends HostDocument<U>> {
  readonly clock: Clock;

  /** The file's text (UTF-8); rejects when it cannot be read. */
  readFile(uri: U): Promise<string>;
  /** Files in the workspace folders matching `glob` (dependency folders left out). */
  findFiles(glob: string): Promise<readonly U[]>;
  /** Reports creation, change and deletion of files matching `glob` until disposed. */
  watchFiles(glob: string, events: FileEvents<U>): Disposable;

  /** Whether any workspace folder is open. */
  hasFolders(): boolean;
  /** The index of the workspace folder holding `uri`, or undefined outside every folder. */
  folderIndex(uri: U): number | undefined;
  readonly onDidChangeFolders: Event<void>;

  /** The documents open in the editor. */
  documents(): readonly D[];
  /** Whether the document's path matches `glob` (VS Code's glob rules). */
  matches(document: D, glob: string): boolean;
  readonly onDidOpenDocument: Event<D>;
  /** Fires only for changes of the text (not for a save or a dirty-state change alone). */
  readonly onDidChangeDocument: Event<D>;
  readonly onDidCloseDocument: Event<D>;

  /** The mentoringPlan.* settings, for `scope` when given (a folder may override them). */
  settings(scope?: U): Settings;
  /** Fires with a test telling which settings the change affects. */
  readonly onDidChangeSettings: Event<(key: SettingKey) => boolean>;

  /**
   * Resolves after other pending work of the host (messages, timers) has had its turn, and then
   * `restMs` more (VS Code: a timer): a long scan awaits it between plans so completion, typing and
   * commands do not wait behind it, and rests so it leaves a share of the machine to the workbench.
   */
  yieldToOthers(restMs?: number): Promise<void>;

  /**
   * Tells the workbench whether a scan is under way (VS Code: the context key
   * `mentoringPlan.scanning`, which the Plans view's welcome reads), and resolves when it has taken
   * in everything announced before the call: VS Code answers the round trip after the messages
   * queued ahead of it (the problems of the batches announced before; tree rows follow on their own,
   * as the workbench asks for them). A scan awaits the last batch's answer before it announces the
   * next, so its problems do not pile up in the workbench's queue ahead of what the user asks for
   * (completion, a click): at 1,000 plans they held completion up for 0.5-1 s (issue 15).
   */
  scanState(scanning: boolean): Promise<void>;

  /** Something unexpected went wrong that the user should know of (VS Code: the log, and a notification with "Show Log"). */
  reportError(message: string, error: unknown): void;
}
