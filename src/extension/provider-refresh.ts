// When a provider that VS Code asks per editor (inlay hints, CodeLens) should be asked again. VS Code
// asks it again by itself after every edit (and after a file changed on disk is reloaded); the
// provider reads the store's check of that very version (forDocument), so the store's announcement
// of an edit's check needs no second round. Only a new check of a version already answered — a new
// day, a setting — does: the workbench would otherwise keep showing the old answer. A second
// round per keystroke cost the host and the workbench a request, its answer and a redraw each
// (issue 15), and a change event on every scan batch asked every visible editor again.
import * as vscode from 'vscode';
import type { PlanEntry, PlanStore } from './plan-store';

export class ProviderRefresh implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** The provider's onDidChange… event. */
  readonly event = this.changed.event;
  /** The check each document's last answer came from. */
  private readonly answered = new WeakMap<vscode.TextDocument, PlanEntry>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: PlanStore) {
    this.subscription = store.onDidChange((uris) => this.plansChanged(uris));
  }

  /** The provider answered for this document from this check. */
  answeredFrom(document: vscode.TextDocument, entry: PlanEntry): void {
    this.answered.set(document, entry);
  }

  /** Asks every editor again, whatever it showed (a setting that changes the answers). */
  refresh(): void {
    this.changed.fire();
  }

  private plansChanged(uris: readonly vscode.Uri[]): void {
    const changed = new Set(uris.map((uri) => uri.toString()));
    for (const editor of vscode.window.visibleTextEditors) {
      const document = editor.document;
      if (!changed.has(document.uri.toString())) continue;
      const answered = this.answered.get(document);
      const current = this.store.get(document.uri);
      // A check of a newer version is the edit's, which VS Code asks about by itself (the typing
      // delay may announce it before VS Code asks); one never answered will be asked for when shown.
      // A new check of the very version answered is what VS Code cannot know about.
      if (answered !== undefined && current !== undefined && answered !== current && answered.version === current.version) {
        this.changed.fire();
        return;
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
