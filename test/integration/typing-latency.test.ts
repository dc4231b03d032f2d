// How soon a keystroke reaches the Problems panel on the example plan, measured in the extension
// host and printed (a figure, not a timed assertion: the machine's load varies).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { MentoringPlanApi } from '../../src/extension/services';
import { api, ourDiagnostics, printFigure, waitFor, workspaceUri } from './extension-support';
import { findRepoRoot } from './support/paths';

const KEYSTROKES = 12;

/**
 * Resolves with the time our diagnostics on `uri` first satisfy `ready`. Checked on each store
 * change (diagnostics.ts sets the collection in its own listener, registered first): the
 * extension host's onDidChangeDiagnostics is itself debounced by 50 ms, which would hide the figure.
 */
function diagnosticsWhen(mentoring: MentoringPlanApi, uri: vscode.Uri, ready: (codes: string[]) => boolean): Promise<number> {
  return new Promise((resolve) => {
    const subscription = mentoring.store.onDidChange((uris) => {
      if (!uris.some((changed) => changed.toString() === uri.toString())) return;
      if (!ready(ourDiagnostics(uri).map(([code]) => code))) return;
      subscription.dispose();
      resolve(performance.now());
    });
  });
}

/** Resolves with the time the extension host hears of the next change of `document`'s text. */
function nextChange(document: vscode.TextDocument): Promise<number> {
  return new Promise((resolve) => {
    const subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document !== document || event.contentChanges.length === 0) return;
      subscription.dispose();
      resolve(performance.now());
    });
  });
}

describe('typing latency', function () {
  this.timeout(60_000);

  it('shows the diagnostics of a keystroke in the example plan soon after it, and prints how soon', async () => {
    const mentoring = await api();
    const example = readFileSync(join(findRepoRoot(__dirname), 'examples/alex-and-sam.mentoring.yaml'), 'utf8');
    const uri = workspaceUri('latency.mentoring.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(example));
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(document);
      await waitFor(() => mentoring.store.get(uri)?.version === document.version, 'the check of the opened plan', 10_000);
      const schemaErrors = (codes: string[]) => codes.filter((code) => code === 'schema').length;
      const baseline = schemaErrors(ourDiagnostics(uri).map(([code]) => code));
      const line = document.getText().split('\n').findIndex((text) => text.startsWith('  cadence: biweekly'));
      assert.notEqual(line, -1);
      const end = new vscode.Position(line, '  cadence: biweekly'.length);
      const fromChange: number[] = [];
      const fromEdit: number[] = [];
      for (let i = 0; i < KEYSTROKES; i++) {
        // Odd keystrokes break the cadence (a schema error), even ones delete the character again.
        const breaking = i % 2 === 0;
        const shown = diagnosticsWhen(mentoring, uri, (codes) => schemaErrors(codes) === baseline + (breaking ? 1 : 0));
        const heard = nextChange(document);
        const started = performance.now();
        const applied = await editor.edit((edit) => (breaking ? edit.insert(end, 'x') : edit.delete(new vscode.Range(end, end.translate(0, 1)))));
        assert.ok(applied);
        const done = await shown;
        fromChange.push(done - (await heard));
        fromEdit.push(done - started);
        // A pause between keystrokes, as when a user reads what they typed.
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];
      // From the change reaching the extension host: what the extension controls (delay + check + publish).
      printFigure('keystroke to diagnostics, example plan, median', median(fromChange));
      printFigure('keystroke to diagnostics, example plan, slowest', Math.max(...fromChange));
      // Including the editor's round trip to the workbench and back (code-server: over a socket).
      printFigure('editor.edit call to diagnostics, example plan, median', median(fromEdit));
      printFigure('typing delay chosen for the example plan', mentoring.store.typingDelayFor(uri));
      assert.equal(document.getText(), example, 'the keystrokes were undone');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(uri);
      await waitFor(() => !mentoring.store.get(uri), 'the scratch plan to leave the store', 10_000);
    }
  });
});
