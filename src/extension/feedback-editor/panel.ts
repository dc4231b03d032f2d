// One feedback editor panel: it answers the webview's messages (checked against the protocol
// first) and saves the draft into the plan through the core's edit engine and runPlanEdit
// (apply-edit.ts), the path every edit of a plan takes (undoable, computed again when the text moved on).
//
// Saving always computes the edit on the document's text at that moment, by id, so other changes
// to the plan are kept. When the entry being edited was changed elsewhere since the panel opened
// (its value then and now differ), the user is asked before it is overwritten.
import * as vscode from 'vscode';
import { addFeedback, updateFeedback } from '../../core/edits';
import type { EditResult } from '../../core/edits';
import { rangeAt } from '../../core/parse';
import type { Plan } from '../../core/plan';
import { DEFAULT_STRINGS, isWebviewMessage } from '../../protocol/feedback-editor';
import type { ExtensionToWebview, FeedbackDraft, PlanContext, StringKey, UiStrings } from '../../protocol/feedback-editor';
import { runPlanEdit } from '../apply-edit';
import type { AskFirst } from '../apply-edit';
import type { PlanStore } from '../plan-store';
import { toVsRange } from '../ranges';
import { entryById, idsOf } from '../../core/plan-facts';
import { entrySnapshot, feedbackFromDraft, newFeedbackId, planContext } from './draft';
import { feedbackEditorHtml, webviewOptions } from './html';

/** The questions a save may need to ask; tests replace them (modal dialogs cannot be answered there). */
export interface FeedbackPrompts {
  /** The entry changed elsewhere since the panel opened: overwrite those changes? */
  confirmOverwrite(feedbackId: string): Thenable<boolean>;
  /** The entry is gone from the plan: save the draft as a new entry? */
  confirmRecreate(feedbackId: string): Thenable<boolean>;
}

/** A modal warning with one action besides Cancel; true when the user chose the action. */
async function confirmModal(message: string, detail: string, action: string): Promise<boolean> {
  return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
}

export const modalPrompts: FeedbackPrompts = {
  confirmOverwrite: (feedbackId) =>
    confirmModal(
      vscode.l10n.t('The feedback entry “{0}” was changed in the plan since you opened it.', feedbackId),
      vscode.l10n.t('Overwrite replaces those changes with what you wrote here. Cancel keeps the plan as it is and your draft open.'),
      vscode.l10n.t('Overwrite'),
    ),
  confirmRecreate: (feedbackId) =>
    confirmModal(
      vscode.l10n.t('The feedback entry “{0}” is no longer in the plan.', feedbackId),
      vscode.l10n.t('It was removed or renamed since you opened it. Save your draft as a new entry?'),
      vscode.l10n.t('Save as New Entry'),
    ),
};

export interface PanelDeps {
  readonly extensionUri: vscode.Uri;
  readonly store: PlanStore;
  readonly log: vscode.LogOutputChannel;
  prompts(): FeedbackPrompts;
  onDidDispose(panel: FeedbackEditorPanel): void;
}

/** Which entry a panel writes. */
export interface PanelTarget {
  uri: vscode.Uri;
  feedbackId?: string;
  baseline?: string;
}

const MAX_POSTED = 50;
let panelCounter = 0;

function localisedStrings(): UiStrings {
  const strings = {} as UiStrings;
  for (const key of Object.keys(DEFAULT_STRINGS) as StringKey[]) strings[key] = vscode.l10n.t(DEFAULT_STRINGS[key]);
  return strings;
}

function fileName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.path;
}

export class FeedbackEditorPanel {
  readonly id = `feedback-editor-${++panelCounter}`;
  /** What the extension sent to the webview, newest last (integration tests read it). */
  readonly posted: ExtensionToWebview[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private saving = false;
  private disposed = false;

  constructor(
    readonly webviewPanel: vscode.WebviewPanel,
    private readonly deps: PanelDeps,
    private target: PanelTarget,
    /** The draft `init` offers; read at each `ready`, so a new draft takes the user's side as known by then. */
    private readonly initialDraft: () => FeedbackDraft,
  ) {
    webviewPanel.webview.options = webviewOptions(deps.extensionUri);
    webviewPanel.webview.html = feedbackEditorHtml(webviewPanel.webview, deps.extensionUri, vscode.env.language);
    this.updateTitle();
    this.disposables.push(
      webviewPanel.webview.onDidReceiveMessage((message: unknown) => void this.handleMessage(message)),
      webviewPanel.onDidDispose(() => this.dispose()),
      deps.store.onDidChange((uris) => {
        if (uris.some((uri) => uri.toString() === this.target.uri.toString())) this.postOptions();
      }),
    );
  }

  get uri(): vscode.Uri {
    return this.target.uri;
  }

  get feedbackId(): string | undefined {
    return this.target.feedbackId;
  }

  /** Acts on one message from the webview, after checking it against the protocol. */
  async handleMessage(message: unknown): Promise<void> {
    if (this.disposed) return;
    if (!isWebviewMessage(message)) {
      this.deps.log.warn('Feedback editor: ignored a message from the webview that does not match the protocol', message);
      return;
    }
    switch (message.type) {
      case 'ready':
        await this.sendInit();
        break;
      case 'save':
        await this.save(message.draft);
        break;
      case 'cancel':
        this.webviewPanel.dispose();
        break;
    }
  }

  reveal(): void {
    this.webviewPanel.reveal();
  }

  private post(message: ExtensionToWebview): void {
    this.posted.push(message);
    if (this.posted.length > MAX_POSTED) this.posted.shift();
    void this.webviewPanel.webview.postMessage(message);
  }

  private updateTitle(): void {
    this.webviewPanel.title = this.target.feedbackId ? vscode.l10n.t('Feedback: {0}', this.target.feedbackId) : vscode.l10n.t('Write Feedback');
  }

  /** The plan as it is now, as the store checked it (undefined when it is no longer a plan). */
  private async planNow(): Promise<Partial<Plan> | undefined> {
    const cached = this.deps.store.get(this.target.uri);
    if (cached) return cached.result.plan;
    try {
      const document = await vscode.workspace.openTextDocument(this.target.uri);
      return this.deps.store.forDocument(document)?.result.plan;
    } catch (error) {
      this.deps.log.warn(`Feedback editor: could not open ${this.target.uri.toString()}`, error);
      return undefined;
    }
  }

  private contextOf(plan: Partial<Plan> | undefined): PlanContext {
    return planContext(plan, fileName(this.target.uri));
  }

  private async sendInit(): Promise<void> {
    const plan = await this.planNow();
    const { uri, feedbackId, baseline } = this.target;
    this.post({ type: 'init', planUri: uri.toString(), feedbackId, baseline, draft: this.initialDraft(), strings: localisedStrings(), ...this.contextOf(plan) });
  }

  private postOptions(): void {
    const entry = this.deps.store.get(this.target.uri);
    if (entry) this.post({ type: 'options', ...this.contextOf(entry.result.plan) });
  }

  private async save(draft: FeedbackDraft): Promise<void> {
    if (this.saving) return;
    this.saving = true;
    try {
      const message = await this.trySave(draft);
      if (message !== undefined) this.post({ type: 'error', message });
    } catch (error) {
      this.deps.log.error(`Feedback editor: saving into ${this.target.uri.toString()} failed`, error);
      this.post({ type: 'error', message: vscode.l10n.t('Saving failed: {0}', error instanceof Error ? error.message : String(error)) });
    } finally {
      this.saving = false;
    }
  }

  /** Saves the draft; resolves to an error message for the panel, or undefined when it was saved. */
  private async trySave(draft: FeedbackDraft): Promise<string | undefined> {
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(this.target.uri);
    } catch (error) {
      this.deps.log.warn(`Feedback editor: could not open ${this.target.uri.toString()}`, error);
      return vscode.l10n.t('The plan {0} could not be opened.', fileName(this.target.uri));
    }
    if (!this.deps.store.isPlanDocument(document)) {
      this.deps.log.info(`Feedback editor: refused to save into ${this.target.uri.toString()}, which is not a plan (mentoringPlan.planGlob is ${this.deps.store.planGlob()}).`);
      return vscode.l10n.t('{0} is not a mentoring plan file; nothing was written.', fileName(this.target.uri));
    }

    /** The entry's value the user agreed to overwrite (after the dialog, the text is read again). */
    let acceptedSnapshot: string | undefined;
    let saveAsNew = false;
    let savedId: string | undefined;
    const outcome = await runPlanEdit(
      document,
      (text, options): EditResult | AskFirst => {
        // The store's check of the document's current version (a pure read, cached for everyone else).
        const checked = this.deps.store.forDocument(document);
        if (!checked) return { ok: false, message: vscode.l10n.t('{0} is not a mentoring plan file; nothing was written.', fileName(this.target.uri)) };
        const plan = checked.result.plan;
        const editingId = saveAsNew ? undefined : this.target.feedbackId;
        if (editingId !== undefined) {
          const current = entryById(plan, 'feedback', editingId)?.item;
          if (current === undefined) {
            return {
              ask: async () => {
                if (!(await this.deps.prompts().confirmRecreate(editingId))) return vscode.l10n.t('Not saved: “{0}” is no longer in the plan.', editingId);
                saveAsNew = true;
                return undefined;
              },
            };
          }
          const snapshot = entrySnapshot(current);
          if (this.target.baseline !== undefined && snapshot !== this.target.baseline && snapshot !== acceptedSnapshot) {
            return {
              ask: async () => {
                if (!(await this.deps.prompts().confirmOverwrite(editingId))) return vscode.l10n.t('Not saved: “{0}” was changed in the plan; your draft is still here.', editingId);
                acceptedSnapshot = snapshot;
                return undefined;
              },
            };
          }
        }
        const id = editingId ?? newFeedbackId(draft.date, draft.goal, idsOf(plan, 'feedback'));
        const built = feedbackFromDraft(draft, id);
        if (!built.ok) return { ok: false, message: built.problem === 'date' ? vscode.l10n.t(DEFAULT_STRINGS.badDate) : vscode.l10n.t(DEFAULT_STRINGS.needFeedforward) };
        savedId = id;
        return editingId !== undefined ? updateFeedback(text, editingId, built.feedback, options) : addFeedback(text, built.feedback, options);
      },
      this.deps.log,
      this.deps.store,
    );
    if ('refused' in outcome) return outcome.refused;
    if ('failed' in outcome) return outcome.failed === 'rejected' ? vscode.l10n.t('The plan could not be changed; is the file read-only?') : vscode.l10n.t('The plan kept changing while saving; try again.');
    await this.afterSave(document, savedId!);
    return undefined;
  }

  private async afterSave(document: vscode.TextDocument, id: string): Promise<void> {
    // The saved version, checked once by the store; diagnostics and the tree reuse this check.
    const checked = this.deps.store.forDocument(document);
    if (!checked) return;
    const { parsed, plan } = checked.result;
    const baseline = entrySnapshot(entryById(plan, 'feedback', id)?.item);
    this.target = { uri: document.uri, feedbackId: id, baseline };
    this.updateTitle();
    this.post({ type: 'saved', planUri: document.uri.toString(), feedbackId: id, baseline });
    const index = entryById(plan, 'feedback', id)?.index ?? -1;
    if (index === -1) return;
    const range = toVsRange(rangeAt(parsed, ['feedback', index]));
    const shown = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === document.uri.toString());
    const column = shown?.viewColumn ?? (this.webviewPanel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: true, preview: false, selection: new vscode.Range(range.start, range.start) });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const disposable of this.disposables) disposable.dispose();
    this.deps.onDidDispose(this);
  }
}
