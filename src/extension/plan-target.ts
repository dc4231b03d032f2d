// "Which plan is this command about?", answered once for every command (commands.ts, the feedback
// editor, Insert Agenda Question): the plan a tree node or argument names, else the active
// editor's plan, else the only plan, else the one the user picks.
import * as vscode from 'vscode';
import { COMMANDS } from './command-ids';
import type { PlanEntry, PlanStore } from './plan-store';
import { escapeIcons } from './plain-text';

/** How commands take a plan's address: a Uri, or its string form (keybindings, other extensions). */
export type UriLike = vscode.Uri | string;

/**
 * A Uri, or a string that parses strictly as one (with a scheme); anything else is undefined.
 * Command arguments come from menus, CodeLenses, tree nodes, keybindings or tests: trust no shape.
 */
export function toUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  try {
    return vscode.Uri.parse(value.trim(), true);
  } catch {
    return undefined;
  }
}

export interface ResolvedPlan {
  document: vscode.TextDocument;
  /** The store's check of the document's current version. */
  entry: PlanEntry;
}

export class PlanResolver {
  constructor(
    private readonly store: PlanStore,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /**
   * The plan `uri` names (a Uri or URI string; empty means none), else the active editor's plan,
   * else the only plan, else the one the user picks. Undefined when there is none, `uri` is not a
   * URI, or the user cancelled; the user has been told why where it was not their choice.
   */
  async uriFor(uri: unknown): Promise<vscode.Uri | undefined> {
    if (uri !== undefined && uri !== null && uri !== '') {
      const given = toUri(uri);
      if (!given) {
        this.log.warn(`A command was given ${JSON.stringify(String(uri))} as the plan, which is not a URI.`);
        void vscode.window.showWarningMessage(vscode.l10n.t('“{0}” is not the address of a plan file.', String(uri)));
      }
      return given;
    }
    const active = vscode.window.activeTextEditor?.document;
    if (active && this.store.isPlanDocument(active)) return active.uri;
    await this.store.ready();
    const plans = this.store.all();
    if (plans.length === 0) {
      const create = vscode.l10n.t('Create Mentoring Plan');
      const answer = await vscode.window.showInformationMessage(vscode.l10n.t('There is no mentoring plan in this workspace yet.'), create);
      if (answer === create) await vscode.commands.executeCommand(COMMANDS.newPlan);
      return undefined;
    }
    if (plans.length === 1) return plans[0].uri;
    const chosen = await vscode.window.showQuickPick(
      plans.map((entry) => ({ label: escapeIcons(entry.digest.title ?? vscode.workspace.asRelativePath(entry.uri)), description: escapeIcons(vscode.workspace.asRelativePath(entry.uri)), uri: entry.uri })),
      { placeHolder: vscode.l10n.t('Which plan?') },
    );
    return chosen?.uri;
  }

  /** As uriFor, then opens the plan's document (edits go through the editor) and reads its check. */
  async planFor(uri: unknown): Promise<ResolvedPlan | undefined> {
    const target = await this.uriFor(uri);
    if (!target) return undefined;
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(target);
    } catch (error) {
      this.log.warn(`Could not open ${target.toString()}`, error);
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} could not be opened.', vscode.workspace.asRelativePath(target)));
      return undefined;
    }
    const entry = this.store.forDocument(document);
    if (!entry) {
      this.log.info(`Refused ${target.toString()}: not a plan (mentoringPlan.planGlob is ${this.store.planGlob()}).`);
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not a mentoring plan (plan files match the setting mentoringPlan.planGlob).', vscode.workspace.asRelativePath(target)));
      return undefined;
    }
    return { document, entry };
  }
}
