// Keeps the context key mentoringPlan.planFiles equal to the plan files the store knows, so a menu's
// `resourcePath in mentoringPlan.planFiles` follows mentoringPlan.planGlob instead of a file-name
// pattern of its own. The workbench sets resourcePath to a file's fsPath, or its path where it sees
// the file through a remote scheme (code-server, Remote SSH); the two differ only on Windows, so
// both are listed there. Only files on disk are listed, since the menus using it are for files.
import * as vscode from 'vscode';
import { PLAN_FILES_CONTEXT } from './command-ids';
import type { PlanStore } from './plan-store';

/** A scan announces plans in batches; one update of the key per burst keeps the window's IPC quiet. */
const COALESCE_MS = 50;

export interface PlanFilesContext extends vscode.Disposable {
  /** The paths last sent to the workbench as the key's value (for tests). */
  sent(): readonly string[];
}

export function trackPlanFiles(store: PlanStore): PlanFilesContext {
  const paths = new Set<string>();
  let sent: readonly string[] | undefined;
  let pending: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    pending = undefined;
    const now = [...paths].sort();
    if (sent && now.length === sent.length && now.every((path, index) => path === sent![index])) return;
    sent = now;
    // An object answers `in` by key lookup, not by a search through a list of every plan.
    const value = Object.fromEntries(now.map((path) => [path, true]));
    void vscode.commands.executeCommand('setContext', PLAN_FILES_CONTEXT, value);
  };
  const schedule = () => {
    pending ??= setTimeout(flush, COALESCE_MS);
  };
  const update = (uris: readonly vscode.Uri[]) => {
    for (const uri of uris) {
      if (uri.scheme !== 'file') continue;
      const known = store.get(uri) !== undefined;
      const forms = uri.fsPath === uri.path ? [uri.fsPath] : [uri.fsPath, uri.path];
      for (const path of forms) {
        if (known) paths.add(path);
        else paths.delete(path);
      }
    }
    schedule();
  };

  const listener = store.onDidChange(update);
  // Plans found before this listener was added (none today: registration precedes store.start()).
  update(store.all().map((entry) => entry.uri));
  return {
    sent: () => sent ?? [],
    dispose: () => {
      listener.dispose();
      if (pending) clearTimeout(pending);
    },
  };
}
