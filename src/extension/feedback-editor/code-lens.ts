// CodeLenses in plan files: "Write feedback" above the `feedback:` key and "Edit feedback" above
// each entry of the list. Positions come from the plan store's cached parse of the document.
import * as vscode from 'vscode';
import { rangeAt } from '../../core/parse';
import { COMMANDS } from '../command-ids';
import type { PlanStore } from '../plan-store';
import { toVsRange } from '../ranges';
import type { EditFeedbackArgs, WriteFeedbackArgs } from './register';

/** More entries than this get no lenses; a plan that large is read, not edited lens by lens. */
const MAX_LENSES = 500;

export class FeedbackCodeLensProvider implements vscode.CodeLensProvider {
  // No change event: the lenses depend on the document's text alone, which VS Code asks about again
  // after every edit (one fired on every store change asked again per keystroke and per scan batch).
  constructor(private readonly store: PlanStore) {}

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const entry = this.store.forDocument(document);
    if (!entry) return [];
    const { parsed, plan } = entry.result;
    const lenses: vscode.CodeLens[] = [];
    const list = plan?.feedback;
    if (list !== undefined && plan !== undefined && 'feedback' in plan) {
      const write: WriteFeedbackArgs = { uri: document.uri };
      lenses.push(new vscode.CodeLens(toVsRange(rangeAt(parsed, ['feedback'], 'key')), { title: vscode.l10n.t('Write feedback'), command: COMMANDS.writeFeedback, arguments: [write] }));
    }
    if (!Array.isArray(list)) return lenses;
    list.slice(0, MAX_LENSES).forEach((item, index) => {
      const id = (item as { id?: unknown } | null)?.id;
      if (typeof id !== 'string') return;
      const edit: EditFeedbackArgs = { uri: document.uri, feedbackId: id };
      lenses.push(new vscode.CodeLens(toVsRange(rangeAt(parsed, ['feedback', index])), { title: vscode.l10n.t('Edit feedback'), tooltip: vscode.l10n.t('Edit “{0}” in the feedback editor', id), command: COMMANDS.editFeedback, arguments: [edit] }));
    });
    return lenses;
  }
}
