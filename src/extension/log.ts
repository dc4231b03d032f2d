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
