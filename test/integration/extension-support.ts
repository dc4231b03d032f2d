// Shared steps for the extension's integration tests: the API, the fixture plans, waiting.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { MentoringPlanApi } from '../../src/extension/services';
import type { PlanNode } from '../../src/extension/tree/nodes';

export const EXTENSION_ID = 'mentoring-plan.mentoring-plan';

export async function api(): Promise<MentoringPlanApi> {
  const extension = vscode.extensions.getExtension<MentoringPlanApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  const exports = await extension.activate();
  await exports.store.ready();
  return exports;
}

/**
 * Turns VS Code's auto save off for the suite that calls this (from its describe). code-server
 * saves after a second by default: that save can write a test's unsaved edit to disk, or come while
 * the test's own save waits on the extension host's save participants (seconds on a loaded machine),
 * cancel it, and make save() return false.
 */
export function autoSaveOffInThisSuite(): void {
  before(() => vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global));
  after(() => vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global));
}

export function workspaceUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openPlan(name: string): Promise<{ document: vscode.TextDocument; editor: vscode.TextEditor }> {
  const started = Date.now();
  const document = await vscode.workspace.openTextDocument(workspaceUri(name));
  recordTiming(`openTextDocument ${name}`, Date.now() - started);
  const editor = await vscode.window.showTextDocument(document);
  recordTiming(`showTextDocument ${name}`, Date.now() - started);
  return { document, editor };
}

export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Undoes edits in the document's editor until it is back to `original` (at most `steps` times). */
export async function undoUntil(document: vscode.TextDocument, original: string, steps = 5): Promise<void> {
  await vscode.window.showTextDocument(document);
  for (let i = 0; i < steps && document.getText() !== original; i++) await vscode.commands.executeCommand('undo');
  assert.equal(document.getText(), original, 'undo did not restore the original text');
}

/** The diagnostics of ours on a file, as [code, startLine, startChar, endLine, endChar]. */
export function ourDiagnostics(uri: vscode.Uri): [string, number, number, number, number][] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'mentoring-plan')
    .map((d) => [String(d.code), d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]);
}

/** The 0-based line of the first line of `text` that equals `line` (after `after`, when given). */
export function lineOf(text: string, line: string, after = -1): number {
  const lines = text.split(/\r?\n/);
  const index = lines.findIndex((candidate, i) => i > after && candidate === line);
  assert.notEqual(index, -1, `no line ${JSON.stringify(line)}`);
  return index;
}

export interface ShownItem {
  node: PlanNode;
  label: string;
  description: string;
  item: vscode.TreeItem;
}

export async function children(tree: MentoringPlanApi['tree'], node?: PlanNode): Promise<ShownItem[]> {
  const nodes = (await tree.getChildren(node)) as PlanNode[];
  return nodes.map((child) => {
    // Tooltips are built on hover (resolveTreeItem), as the workbench asks for them.
    const item = tree.resolveTreeItem(tree.getTreeItem(child), child);
    const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    return { node: child, label, description: typeof item.description === 'string' ? item.description : '', item };
  });
}

/** Top nodes of plans in the workspace folder (other suites may open plans elsewhere). */
export async function workspacePlans(tree: MentoringPlanApi['tree']): Promise<ShownItem[]> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return (await children(tree)).filter((plan) => folder && vscode.workspace.getWorkspaceFolder(plan.node.uri)?.uri.toString() === folder.uri.toString());
}

/** What a Markdown tooltip says, without the escapes appendText adds. */
export function plainTooltip(item: vscode.TreeItem): string {
  assert.ok(item.tooltip instanceof vscode.MarkdownString, `tooltip of ${String(item.label)} is not Markdown`);
  return item.tooltip.value.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1');
}

/** Waits until `probe()` deep-equals `expected`; fails showing the last value. */
export async function waitForEqual<T>(probe: () => T, expected: T, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (JSON.stringify(value) === JSON.stringify(expected)) return;
    if (Date.now() > deadline) assert.deepEqual(value, expected, `timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function planNode(tree: MentoringPlanApi['tree'], name: string): Promise<ShownItem> {
  const plans = await children(tree);
  const found = plans.find((plan) => plan.node.uri.path.endsWith(`/${name}`));
  assert.ok(found, `no tree node for ${name}; have ${plans.map((p) => p.node.uri.path).join(', ')}`);
  return found;
}

/** Children of a node found by label path from a plan's node, e.g. ['Sessions', 'Kick-off']. */
export async function descend(tree: MentoringPlanApi['tree'], from: ShownItem, labels: readonly string[]): Promise<ShownItem> {
  let current = from;
  for (const label of labels) {
    const next = (await children(tree, current.node)).find((child) => child.label === label);
    assert.ok(next, `no child "${label}" under "${current.label}"`);
    current = next;
  }
  return current;
}

/**
 * Records a measurement in $TMPDIR/mentoring-plan-timings.json (the extension host's console does
 * not always reach the launcher), so a run can report how fast things were.
 */
export function recordTiming(name: string, ms: number): void {
  const file = join(tmpdir(), 'mentoring-plan-timings.json');
  let timings: Record<string, number[]> = {};
  try {
    timings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number[]>;
  } catch {
    // first measurement of this run
  }
  (timings[name] ??= []).push(ms);
  writeFileSync(file, JSON.stringify(timings, null, 2));
}

/** Records a figure (recordTiming) and prints it in the test run's output. */
export function printFigure(name: string, ms: number): void {
  recordTiming(name, ms);
  // index.ts's reporter lines carry this tag; the offline launcher prints exactly those lines.
  console.log(`${process.env.MENTORING_CONSOLE_TAG ?? ''}      figure: ${name} = ${ms.toFixed(1)} ms`);
}

/** Resolves when the store next announces a check of the plan at `uri` (its listeners have run by then). */
export function nextAnnouncement(store: MentoringPlanApi['store'], uri: vscode.Uri): Promise<void> {
  const key = uri.toString();
  return new Promise((resolve) => {
    const subscription = store.onDidChange((uris) => {
      if (!uris.some((changed) => changed.toString() === key)) return;
      subscription.dispose();
      resolve();
    });
  });
}
