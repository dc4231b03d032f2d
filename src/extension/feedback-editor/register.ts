// The feedback editor feature: the two commands, the panel serializer (drafts survive a window
// reload), the "Write feedback" / "Edit feedback" CodeLenses in plan files, and a test hook on the
// extension's API.
import * as vscode from 'vscode';
import { parsePlan } from '../../core/parse';
import type { Feedback, Plan } from '../../core/plan';
import { FEEDBACK_EDITOR_VIEW_TYPE, isPanelState } from '../../protocol/feedback-editor';
import type { PanelState } from '../../protocol/feedback-editor';
import { COMMANDS } from '../command-ids';
import type { PlanStore } from '../plan-store';
import type { Feature } from '../services';
import { todayIso } from '../today';
import { FeedbackCodeLensProvider } from './code-lens';
import { entryById } from '../../core/plan-facts';
import { draftFromFeedback, emptyDraft, entrySnapshot } from './draft';
import { asPlan, FeedbackEditorPanel, modalPrompts } from './panel';
import type { FeedbackPrompts, PanelDeps } from './panel';
import { localResourceRoots } from './html';
import { escapeIcons } from '../plain-text';

type UriLike = vscode.Uri | string;

/** Arguments of mentoringPlan.writeFeedback; a tree node (goal or session) carries the same fields. */
export interface WriteFeedbackArgs {
  uri?: UriLike;
  goalId?: string;
  sessionId?: string;
}

/** Arguments of mentoringPlan.editFeedback. */
export interface EditFeedbackArgs {
  uri?: UriLike;
  feedbackId?: string;
}

/** What integration tests reach through the extension's API (they cannot click inside a webview). */
export interface FeedbackEditorApi {
  /** Open panels, oldest first. */
  panels(): readonly FeedbackEditorPanel[];
  /** Sends `message` to a panel as if its webview had posted it. */
  simulateMessage(panelId: string, message: unknown): Promise<void>;
  /** Replaces the modal questions (undefined restores them). */
  setPrompts(prompts: FeedbackPrompts | undefined): void;
}

declare module '../services' {
  interface MentoringPlanApi {
    readonly feedbackEditor: FeedbackEditorApi;
  }
}

class FeedbackEditors {
  private readonly open: FeedbackEditorPanel[] = [];
  private prompts: FeedbackPrompts = modalPrompts;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly store: PlanStore,
  ) {}

  readonly api: FeedbackEditorApi = {
    panels: () => [...this.open],
    simulateMessage: async (panelId, message) => {
      const panel = this.open.find((candidate) => candidate.id === panelId);
      if (!panel) throw new Error(`no feedback editor panel ${panelId}`);
      await panel.handleMessage(message);
    },
    setPrompts: (prompts) => {
      this.prompts = prompts ?? modalPrompts;
    },
  };

  private deps(): PanelDeps {
    return {
      extensionUri: this.extensionUri,
      store: this.store,
      prompts: () => this.prompts,
      onDidDispose: (panel) => {
        const index = this.open.indexOf(panel);
        if (index !== -1) this.open.splice(index, 1);
      },
    };
  }

  private createPanel(): vscode.WebviewPanel {
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    return vscode.window.createWebviewPanel(FEEDBACK_EDITOR_VIEW_TYPE, vscode.l10n.t('Write Feedback'), { viewColumn: column, preserveFocus: false }, {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: localResourceRoots(this.extensionUri),
    });
  }

  async write(args: WriteFeedbackArgs | vscode.Uri | undefined): Promise<FeedbackEditorPanel | undefined> {
    const given = normaliseArgs(args);
    const uri = await this.choosePlan(given.uri);
    if (!uri) return undefined;
    const plan = await this.planOf(uri);
    const draft = emptyDraft(plan, { goalId: given.goalId, sessionId: given.sessionId, today: todayIso() });
    const panel = new FeedbackEditorPanel(this.createPanel(), this.deps(), { uri }, draft);
    this.open.push(panel);
    return panel;
  }

  async edit(args: EditFeedbackArgs | undefined): Promise<FeedbackEditorPanel | undefined> {
    const given = normaliseArgs(args);
    const uri = await this.choosePlan(given.uri);
    if (!uri) return undefined;
    const plan = await this.planOf(uri);
    const feedbackId = typeof args?.feedbackId === 'string' ? args.feedbackId : await pickFeedback(plan);
    if (!feedbackId) return undefined;
    const existing = this.open.find((panel) => panel.uri.toString() === uri.toString() && panel.feedbackId === feedbackId);
    if (existing) {
      existing.reveal();
      return existing;
    }
    const entry = entryById(plan, 'feedback', feedbackId)?.item;
    if (!entry) {
      void vscode.window.showWarningMessage(vscode.l10n.t('There is no feedback entry “{0}” in {1}.', feedbackId, vscode.workspace.asRelativePath(uri)));
      return undefined;
    }
    const panel = new FeedbackEditorPanel(this.createPanel(), this.deps(), { uri, feedbackId, baseline: entrySnapshot(entry) }, draftFromFeedback(entry, todayIso()));
    this.open.push(panel);
    return panel;
  }

  /** Revives a panel after a window reload from the state its webview saved. */
  revive(webviewPanel: vscode.WebviewPanel, state: unknown): void {
    if (!isPanelState(state)) {
      // Nothing (or nothing we understand) was saved: there is no draft to bring back.
      webviewPanel.dispose();
      return;
    }
    const restored: PanelState = state;
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(restored.planUri, true);
    } catch {
      webviewPanel.dispose();
      return;
    }
    const panel = new FeedbackEditorPanel(webviewPanel, this.deps(), { uri, feedbackId: restored.feedbackId, baseline: restored.baseline }, restored.draft);
    this.open.push(panel);
  }

  private async planOf(uri: vscode.Uri): Promise<Partial<Plan> | undefined> {
    const document = await vscode.workspace.openTextDocument(uri);
    return this.store.forDocument(document)?.result.plan ?? asPlan(parsePlan(document.getText()).value);
  }

  /** The plan given, else the active editor's, else the only one, else the one the user picks. */
  private async choosePlan(given: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
    if (given) return given;
    const active = vscode.window.activeTextEditor?.document;
    if (active && this.store.isPlanDocument(active)) return active.uri;
    await this.store.ready();
    const plans = this.store.all();
    if (plans.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is no mentoring plan in this workspace yet.'));
      return undefined;
    }
    if (plans.length === 1) return plans[0].uri;
    const chosen = await vscode.window.showQuickPick(
      plans.map((entry) => ({ label: escapeIcons(String(entry.result.plan?.mentorship?.title ?? vscode.workspace.asRelativePath(entry.uri))), description: escapeIcons(vscode.workspace.asRelativePath(entry.uri)), uri: entry.uri })),
      { placeHolder: vscode.l10n.t('Which plan?') },
    );
    return chosen?.uri;
  }
}

function toUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value.length > 0) {
    try {
      return vscode.Uri.parse(value, true);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Command arguments come from menus, CodeLenses, tree nodes, keybindings or tests: trust no shape. */
function normaliseArgs(args: unknown): { uri?: vscode.Uri; goalId?: string; sessionId?: string } {
  if (args instanceof vscode.Uri) return { uri: args };
  if (typeof args !== 'object' || args === null) return {};
  const fields = args as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  return { uri: toUri(fields.uri), goalId: text(fields.goalId), sessionId: text(fields.sessionId) };
}

async function pickFeedback(plan: Partial<Plan> | undefined): Promise<string | undefined> {
  const entries = (Array.isArray(plan?.feedback) ? plan.feedback : []).filter((entry): entry is Feedback => typeof entry?.id === 'string');
  if (entries.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This plan has no feedback yet; use “Write Feedback” to add some.'));
    return undefined;
  }
  const chosen = await vscode.window.showQuickPick(
    entries.map((entry) => ({
      label: escapeIcons(entry.id),
      description: escapeIcons([entry.date, entry.from, entry.goal].filter((part) => typeof part === 'string').join(' · ')),
      detail: Array.isArray(entry.feedforward) && typeof entry.feedforward[0] === 'string' ? escapeIcons(entry.feedforward[0]) : undefined,
      id: entry.id,
    })),
    { placeHolder: vscode.l10n.t('Which feedback entry?') },
  );
  return chosen?.id;
}

export const registerFeedbackEditor: Feature = (context, { store }, api) => {
  const editors = new FeedbackEditors(context.extensionUri, store);
  api.feedbackEditor = editors.api;
  const lenses = new FeedbackCodeLensProvider(store);
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.writeFeedback, (args?: WriteFeedbackArgs | vscode.Uri) => editors.write(args)),
    vscode.commands.registerCommand(COMMANDS.editFeedback, (args?: EditFeedbackArgs) => editors.edit(args)),
    vscode.window.registerWebviewPanelSerializer(FEEDBACK_EDITOR_VIEW_TYPE, {
      deserializeWebviewPanel: async (webviewPanel, state: unknown) => editors.revive(webviewPanel, state),
    }),
    lenses,
    vscode.languages.registerCodeLensProvider([{ language: 'yaml' }, { pattern: '**/*.mentoring.{yaml,yml}' }], lenses),
  );
};
