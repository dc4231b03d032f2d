// The one bridge from the core's edit engine to the editor: EditResult -> WorkspaceEdit, applied
// to the document so it is undoable, marks the file dirty and touches only the edited lines.
import * as vscode from 'vscode';
import type { EditOptions, EditResult } from '../core/edits';

/** Converts edits computed on `document`'s current text. */
export function toWorkspaceEdit(document: vscode.TextDocument, result: Extract<EditResult, { ok: true }>): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const change of result.edits) {
    const range = new vscode.Range(document.positionAt(change.offset), document.positionAt(change.offset + change.length));
    edit.replace(document.uri, range, change.text);
  }
  return edit;
}

/** A document that keeps changing under the edit (typing, a sync tool) gets this many tries. */
const MAX_ATTEMPTS = 3;

/**
 * Runs `compute` on the document's text and applies the result. Shows the engine's message when it
 * refuses. Resolves to true when the document changed.
 *
 * Nothing awaits between reading the text and applyEdit, and VS Code refuses a workspace edit made
 * for an older version of the document; then the edit is computed again on the current text, so
 * it never lands on (or overwrites) text it was not computed on.
 */
/** An edit of the plan's text; `options` lets it reuse the store's parse of that text. */
export type PlanEditCompute = (text: string, options: EditOptions) => EditResult;

/** Where the edit options of a document come from (the plan store). */
export interface EditOptionSource {
  editOptions(document: vscode.TextDocument): EditOptions;
}

export async function applyPlanEdit(document: vscode.TextDocument, compute: PlanEditCompute, log: vscode.LogOutputChannel, source?: EditOptionSource): Promise<boolean> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const version = document.version;
    const result = compute(document.getText(), source?.editOptions(document) ?? {});
    if (!result.ok) {
      log.info(`Edit of ${document.uri.toString()} refused: ${result.message}`);
      void vscode.window.showWarningMessage(result.message);
      return false;
    }
    if (result.edits.length === 0) return false;
    if (await vscode.workspace.applyEdit(toWorkspaceEdit(document, result))) return true;
    if (document.version === version) break;
    log.info(`The document moved on while an edit of ${document.uri.toString()} was applied; computing it again on version ${document.version}`);
  }
  log.warn(`VS Code did not apply an edit of ${document.uri.toString()} (version ${document.version})`);
  void vscode.window.showWarningMessage(vscode.l10n.t('The plan could not be changed; was it modified elsewhere at the same time?'));
  return false;
}
