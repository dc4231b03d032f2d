// The tree's rows for private notes: one row with a lock per note, under its plan's node. The
// notes live in the extension's storage (private-notes.ts), which tells this file which exist; the
// rows are built here so nodes.ts only asks for them.
import * as vscode from 'vscode';
import type { PlanPath } from '../../core/parse';
import { entryById } from '../../core/plan-facts';
import { noteTargetLabel } from '../../core/private-notes';
import type { NoteTarget } from '../../core/private-notes';
import type { PlanEntry } from '../plan-store';
import type { PlanNode } from './nodes';

/** Which notes a plan has (PrivateNoteStore). */
export interface PrivateNoteSource {
  notesOf(planUri: vscode.Uri): { target: NoteTarget; uri: vscode.Uri }[];
}

let source: PrivateNoteSource | undefined;

/** Set once by registerPrivateNotes; until then (and in tests without it) there are no rows. */
export function setPrivateNoteSource(notes: PrivateNoteSource | undefined): void {
  source = notes;
}

/** A note's row: the lock, what it is about; a click opens the note, the context menu deletes it. */
export function privateNoteRows(entry: PlanEntry, parent: PlanNode): PlanNode[] {
  const plan = entry.result.plan;
  return (source?.notesOf(entry.uri) ?? []).map(({ target, uri }) => {
    const item = new vscode.TreeItem(vscode.l10n.t('Private note: {0}', noteTargetLabel(plan, target)), vscode.TreeItemCollapsibleState.None);
    item.id = `${entry.uri.toString()}#private:${target.kind}:${target.kind === 'plan' ? '' : target.id}`;
    item.iconPath = new vscode.ThemeIcon('lock');
    item.description = target.kind === 'plan' ? vscode.l10n.t('plan') : target.kind === 'goal' ? vscode.l10n.t('goal') : vscode.l10n.t('session');
    item.tooltip = new vscode.MarkdownString().appendText(vscode.l10n.t('Kept only in this VS Code’s storage, never in the plan file or the repository.'));
    item.contextValue = 'privateNote';
    // vscode.open (an API command) travels with its arguments, so the click still works after a refresh.
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Private Note'), arguments: [uri] };
    const path: PlanPath = target.kind === 'plan' ? [] : [target.kind === 'goal' ? 'goals' : 'sessions', entryById(plan, target.kind === 'goal' ? 'goals' : 'sessions', target.id)?.index ?? -1];
    const node: PlanNode & { noteTarget: NoteTarget } = {
      kind: 'privateNote',
      uri: entry.uri,
      path: path.includes(-1) ? [] : path,
      item,
      parent,
      snapshot: entry,
      planCount: parent.planCount,
      noteTarget: target,
    };
    return node;
  });
}
