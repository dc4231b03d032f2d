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

/** An edit of the plan's text; `options` lets it reuse the store's parse of that text. */
export type PlanEditCompute = (text: string, options: EditOptions) => EditResult;

/**
 * What a compute step of runPlanEdit may answer instead of an edit: a question for the user first
 * (overwrite a changed entry?). `ask` resolves to a refusal, or undefined to compute again on the
 * text as it is after the answer, since it may have changed while the question was open.
 */
export interface AskFirst {
  readonly ask: () => Promise<string | undefined>;
}

/** How an edit ended: applied (or nothing to change), refused (by the engine or the user), or not applied by VS Code. */
export type PlanEditOutcome = { applied: boolean } | { refused: string } | { failed: 'rejected' | 'kept-changing' };

/** Where the edit options of a document come from (the plan store). */
export interface EditOptionSource {
  editOptions(document: vscode.TextDocument): EditOptions;
}

/**
 * The one way an edit reaches a plan document: `compute` runs on the document's text, its edits are
 * applied as one undoable workspace edit. Reports nothing to the user; callers say what they need.
 *
 * Nothing awaits between reading the text and applyEdit, and VS Code refuses a workspace edit made
 * for an older version of the document; then the edit is computed again on the current text, so
 * it never lands on (or overwrites) text it was not computed on.
 */
export async function runPlanEdit(document: vscode.TextDocument, compute: (text: string, options: EditOptions) => EditResult | AskFirst, log: vscode.LogOutputChannel, source?: EditOptionSource): Promise<PlanEditOutcome> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const version = document.version;
    const result = compute(document.getText(), source?.editOptions(document) ?? {});
    if ('ask' in result) {
      const refusal = await result.ask();
      if (refusal !== undefined) return { refused: refusal };
      // An answered question is not a failed attempt: the edit has not been tried yet.
      attempt--;
      continue;
    }
    if (!result.ok) {
      log.info(`Edit of ${document.uri.toString()} refused: ${result.message}`);
      return { refused: result.message };
    }
    if (result.edits.length === 0) return { applied: false };
    if (await vscode.workspace.applyEdit(toWorkspaceEdit(document, result))) return { applied: true };
    if (document.version === version) {
      log.warn(`VS Code did not apply an edit of ${document.uri.toString()} (version ${document.version})`);
      return { failed: 'rejected' };
    }
    log.info(`The document moved on while an edit of ${document.uri.toString()} was applied; computing it again on version ${document.version}`);
  }
  log.warn(`An edit of ${document.uri.toString()} was not applied: the document kept changing (version ${document.version})`);
  return { failed: 'kept-changing' };
}

/**
 * Runs `compute` on the document's text and applies the result (runPlanEdit). Shows the engine's
 * message when it refuses. Resolves to true when the document changed.
 */
export async function applyPlanEdit(document: vscode.TextDocument, compute: PlanEditCompute, log: vscode.LogOutputChannel, source?: EditOptionSource): Promise<boolean> {
  const outcome = await runPlanEdit(document, compute, log, source);
  if ('applied' in outcome) return outcome.applied;
  if ('refused' in outcome) void vscode.window.showWarningMessage(outcome.refused);
  else void vscode.window.showWarningMessage(vscode.l10n.t('The plan could not be changed; was it modified elsewhere at the same time?'));
  return false;
}
