// The "Mentoring Plan" output channel: every unexpected error, and refusals worth a trace, go here
// (console output lands where users never look). Failures a user should know about are also shown
// as a notification with a "Show Log" button.
import * as vscode from 'vscode';

export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Mentoring Plan', { log: true });
}

/** Logs `error` and tells the user `message`, offering the log. */
export function reportFailure(log: vscode.LogOutputChannel, message: string, error: unknown): void {
  log.error(message, error);
  const showLog = vscode.l10n.t('Show Log');
  void vscode.window.showErrorMessage(message, showLog).then((answer) => {
    if (answer === showLog) log.show(true);
  });
}

/**
 * Registers a command whose unexpected errors reach the log and the user (with "Show Log"),
 * rather than VS Code's generic "command resulted in an error". Resolves to undefined then.
 */
export function registerLoggedCommand(log: vscode.LogOutputChannel, id: string, handler: (arg?: unknown) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (arg?: unknown) => {
    try {
      return await handler(arg);
    } catch (error) {
      reportFailure(log, vscode.l10n.t('Mentoring: {0} failed: {1}', id, error instanceof Error ? error.message : String(error)), error);
      return undefined;
    }
  });
}
