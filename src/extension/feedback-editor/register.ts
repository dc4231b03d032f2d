// The feedback editor feature: the two commands, the panel serializer (drafts survive a window
// reload), the "Write feedback" / "Edit feedback" CodeLenses in plan files, and the hooks the
// integration tests use (main.ts exposes them only when VS Code runs the extension's tests).
import * as vscode from 'vscode';
import type { Feedback, Plan } from '../../core/plan';
import { FEEDBACK_EDITOR_VIEW_TYPE, isPanelState } from '../../protocol/feedback-editor';
import type { PanelState } from '../../protocol/feedback-editor';
import { COMMANDS } from '../command-ids';
import { registerForPlanDocuments } from '../config';
import { registerLoggedCommand } from '../log';
import type { PlanStore } from '../plan-store';
import { toUri } from '../plan-target';
import type { PlanResolver, UriLike } from '../plan-target';
import type { Feature } from '../services';
import { todayIso } from '../today';
import { FeedbackCodeLensProvider } from './code-lens';
import { entryById } from '../../core/plan-facts';
import { draftFromFeedback, emptyDraft, entrySnapshot } from './draft';
import { FeedbackEditorPanel, modalPrompts } from './panel';
import type { FeedbackPrompts, PanelDeps } from './panel';
import { localResourceRoots } from './html';
import { escapeIcons } from '../plain-text';
import type { Identity } from '../identity';

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

/** What integration tests reach (they cannot click inside a webview); not part of the public API. */
export interface FeedbackEditorTesting {
  /** Open panels, oldest first. */
  panels(): readonly FeedbackEditorPanel[];
  /** Sends `message` to a panel as if its webview had posted it. */
  simulateMessage(panelId: string, message: unknown): Promise<void>;
  /** Replaces the modal questions (undefined restores them). */
  setPrompts(prompts: FeedbackPrompts | undefined): void;
}

class FeedbackEditors {
  private readonly open: FeedbackEditorPanel[] = [];
  private prompts: FeedbackPrompts = modalPrompts;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly store: PlanStore,
    private readonly resolver: PlanResolver,
    private readonly log: vscode.LogOutputChannel,
    private readonly identity: Pick<Identity, 'knownSide'>,
  ) {}

  readonly testing: FeedbackEditorTesting = {
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
      log: this.log,
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
    const target = await this.resolver.planFor(given.uri);
    if (!target) return undefined;
    const { uri } = target.document;
    const plan = target.entry.result.plan;
    const seed = { goalId: given.goalId, sessionId: given.sessionId, today: todayIso() };
    // "From" starts as the user's side when the identity knows it, never asking and never waiting:
    // this call starts the git/GitHub look-up, and the webview's `ready` (after its page loaded)
    // reads what is known by then. A draft the webview kept of its own wins over this (webview/feedback-editor.ts onInit).
    this.identity.knownSide(uri, target.entry.digest.contacts);
    const panel = new FeedbackEditorPanel(this.createPanel(), this.deps(), { uri }, () => emptyDraft(plan, { ...seed, from: this.identity.knownSide(uri, target.entry.digest.contacts) }));
    this.open.push(panel);
    return panel;
  }

  async edit(args: EditFeedbackArgs | undefined): Promise<FeedbackEditorPanel | undefined> {
    const given = normaliseArgs(args);
    const target = await this.resolver.planFor(given.uri);
    if (!target) return undefined;
    const { uri } = target.document;
    const plan = target.entry.result.plan;
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
    const panel = new FeedbackEditorPanel(this.createPanel(), this.deps(), { uri, feedbackId, baseline: entrySnapshot(entry) }, () => draftFromFeedback(entry, todayIso()));
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
    const uri = toUri(restored.planUri);
    if (!uri) {
      this.log.warn(`A feedback editor was not restored: its plan address ${JSON.stringify(restored.planUri)} is not a URI.`);
      webviewPanel.dispose();
      return;
    }
    const panel = new FeedbackEditorPanel(webviewPanel, this.deps(), { uri, feedbackId: restored.feedbackId, baseline: restored.baseline }, () => restored.draft);
    this.open.push(panel);
  }
}

/** Command arguments come from menus, CodeLenses, tree nodes, keybindings or tests: trust no shape (the resolver checks the uri). */
function normaliseArgs(args: unknown): { uri?: unknown; goalId?: string; sessionId?: string } {
  if (args instanceof vscode.Uri) return { uri: args };
  if (typeof args !== 'object' || args === null) return {};
  const fields = args as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  return { uri: fields.uri, goalId: text(fields.goalId), sessionId: text(fields.sessionId) };
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

export const registerFeedbackEditor: Feature<{ testing: FeedbackEditorTesting }> = (context, { store, resolver, log, identity }) => {
  const editors = new FeedbackEditors(context.extensionUri, store, resolver, log, identity);
  const lenses = new FeedbackCodeLensProvider(store);
  context.subscriptions.push(
    registerLoggedCommand(log, COMMANDS.writeFeedback, (args) => editors.write(args as WriteFeedbackArgs | vscode.Uri | undefined)),
    registerLoggedCommand(log, COMMANDS.editFeedback, (args) => editors.edit(args as EditFeedbackArgs | undefined)),
    vscode.window.registerWebviewPanelSerializer(FEEDBACK_EDITOR_VIEW_TYPE, {
      deserializeWebviewPanel: async (webviewPanel, state: unknown) => editors.revive(webviewPanel, state),
    }),
    registerForPlanDocuments((selector) => vscode.languages.registerCodeLensProvider(selector, lenses)),
  );
  return { testing: editors.testing };
};
