// The plan store's host on the VS Code API (the only file that wires the store to vscode.workspace).
import * as vscode from 'vscode';
import { affectsSettings, readSettings } from './config';
import { SCANNING_CONTEXT } from './command-ids';
import { reportFailure } from './log';
import type { Settings } from './config';
import type { Clock, Disposable, Event, FileEvents, PlanHost, SettingKey } from './plan-host';

const EXCLUDE = '**/node_modules/**';
/** Folders whose creation never brings plans: dependencies and git's own files. */
const IGNORED_FOLDER = /\/(?:node_modules|\.git)(?:\/|$)/;
const MAX_PLANS = 2000;
const decoder = new TextDecoder('utf-8');

/** The setting name (under mentoringPlan.) of each field of Settings. */
const SETTING_NAMES: Record<keyof Settings, string> = { planGlob: 'planGlob', disabledRules: 'disabledRules', diagnosticsEnabled: 'diagnostics.enabled', diagnosticsScope: 'diagnostics.scope' };

/** The longest a scan waits for the workbench to take a batch in (see PlanHost.scanState). */
const SCAN_STATE_WAIT_MS = 5000;

const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(callback, ms) {
    const timer = setTimeout(callback, ms);
    return { dispose: () => clearTimeout(timer) };
  },
};

export class VsCodePlanHost implements PlanHost<vscode.Uri, vscode.TextDocument> {
  readonly clock = systemClock;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  async readFile(uri: vscode.Uri): Promise<string> {
    // workspace.fs rather than node:fs, so the web extension reads plans too.
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  }

  async findFiles(glob: string): Promise<readonly vscode.Uri[]> {
    if (!this.hasFolders()) return [];
    return vscode.workspace.findFiles(glob, EXCLUDE, MAX_PLANS);
  }

  watchFiles(glob: string, events: FileEvents<vscode.Uri>): Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher(glob);
    // Creations and deletions of anything: which created ones are folders is asked of the file system.
    const created = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    const onCreateAny = async (uri: vscode.Uri) => {
      if (IGNORED_FOLDER.test(uri.path)) return;
      try {
        if ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) events.onCreateFolder(uri);
      } catch {
        // gone again already
      }
    };
    const subscriptions = [
      watcher,
      watcher.onDidCreate(events.onCreate),
      watcher.onDidChange(events.onChange),
      watcher.onDidDelete(events.onDelete),
      created,
      created.onDidCreate((uri) => void onCreateAny(uri)),
      created.onDidDelete((uri) => IGNORED_FOLDER.test(uri.path) || events.onDeleteAny(uri)),
    ];
    return { dispose: () => subscriptions.forEach((subscription) => subscription.dispose()) };
  }

  hasFolders(): boolean {
    return (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  }

  folderIndex(uri: vscode.Uri): number | undefined {
    return vscode.workspace.getWorkspaceFolder(uri)?.index;
  }

  readonly onDidChangeFolders: Event<void> = (listener) => vscode.workspace.onDidChangeWorkspaceFolders(() => listener());

  documents(): readonly vscode.TextDocument[] {
    return vscode.workspace.textDocuments;
  }

  matches(document: vscode.TextDocument, glob: string): boolean {
    return vscode.languages.match({ pattern: glob }, document) > 0;
  }

  readonly onDidOpenDocument: Event<vscode.TextDocument> = (listener) => vscode.workspace.onDidOpenTextDocument(listener);
  readonly onDidChangeDocument: Event<vscode.TextDocument> = (listener) =>
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) listener(event.document);
    });
  readonly onDidCloseDocument: Event<vscode.TextDocument> = (listener) => vscode.workspace.onDidCloseTextDocument(listener);

  settings(scope?: vscode.Uri): Settings {
    return readSettings(scope);
  }

  readonly onDidChangeSettings: Event<(key: SettingKey) => boolean> = (listener) =>
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsSettings(event, ...Object.values(SETTING_NAMES))) listener((key) => affectsSettings(event, SETTING_NAMES[key]));
    });

  yieldToOthers(restMs = 0): Promise<void> {
    // setImmediate runs after pending I/O (the messages from the workbench); the web worker has only setTimeout.
    if (restMs > 0) return new Promise((resolve) => setTimeout(resolve, restMs));
    return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
  }

  scanState(scanning: boolean): Promise<void> {
    // setContext runs in the workbench; its answer comes after every message sent before it. A
    // workbench that never answers (shutting down) must not stop the scan for good: it goes on
    // after SCAN_STATE_WAIT_MS.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const answered = Promise.resolve(vscode.commands.executeCommand('setContext', SCANNING_CONTEXT, scanning)).then(
      () => undefined,
      () => undefined,
    );
    const gaveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, SCAN_STATE_WAIT_MS)));
    return Promise.race([answered, gaveUp]).finally(() => clearTimeout(timer));
  }

  reportError(message: string, error: unknown): void {
    reportFailure(this.log, message, error);
  }
}
