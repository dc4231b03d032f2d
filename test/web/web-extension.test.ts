// The web build in the web worker extension host, on the path a reviewer on github.dev or
// vscode.dev takes: diagnostics, quick fixes, completion, the Mentoring tree, an edit command and
// the feedback editor.
// The first test proves where all of this runs; the fixtures are test/fixtures/workspace.
import * as vscode from 'vscode';
import type { FeedbackEditorPanel } from '../../src/extension/feedback-editor/panel';
import type { MentoringPlanApi, MentoringPlanTestApi } from '../../src/extension/services';
import type { PlanNode } from '../../src/extension/tree/nodes';
import { deepEqual, equal, ok, waitFor } from './expect';
import { EXTENSION_ID, workerFacts } from './web-host';

let api: MentoringPlanTestApi;

function workspaceUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  ok(folder, 'no workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function openPlan(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(name));
  await vscode.window.showTextDocument(document);
  return document;
}

/** Our diagnostics as [code, line, startCharacter, endCharacter] (each finding is on one line). */
function ourDiagnostics(uri: vscode.Uri): [string, number, number, number][] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'mentoring-plan')
    .map((d) => [String(d.code), d.range.start.line, d.range.start.character, d.range.end.character]);
}

/** Where `word` is on the first line equal to `line` (after line `after`), as [line, start, end]. */
function at(text: string, line: string, word: string, after = -1): [number, number, number] {
  const index = text.split('\n').findIndex((candidate, i) => i > after && candidate === line);
  ok(index !== -1, `no line ${JSON.stringify(line)}`);
  const start = line.indexOf(word);
  return [index, start, start + word.length];
}

async function shown(node?: PlanNode): Promise<{ node: PlanNode; label: string; description: string }[]> {
  return ((await api.tree.getChildren(node)) as PlanNode[]).map((child) => {
    const item = api.tree.getTreeItem(child) as vscode.TreeItem;
    return { node: child, label: typeof item.label === 'string' ? item.label : (item.label?.label ?? ''), description: String(item.description ?? '') };
  });
}

/**
 * Puts the plan back as it was, saved. Not by reverting: VS Code for the web saves files by itself
 * (files.autoSave defaults to afterDelay there), so an edit may be on disk before the test ends.
 */
async function restore(document: vscode.TextDocument, original: string): Promise<void> {
  if (document.getText() !== original) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
    ok(await vscode.workspace.applyEdit(edit), `could not restore ${document.uri.path}`);
  }
  await document.save();
  equal(document.getText(), original, `${document.uri.path} after restoring it`);
}

describe('web extension (web worker extension host)', function () {
  this.timeout(30_000);

  before(async () => {
    const extension = vscode.extensions.getExtension<MentoringPlanApi | MentoringPlanTestApi>(EXTENSION_ID);
    ok(extension, `${EXTENSION_ID} is not loaded`);
    const exports = await extension.activate();
    // activate() hands over the exports only in the host that runs the extension: this one.
    ok(exports && 'testing' in exports, 'no test hooks: the extension did not activate here in test mode');
    api = exports;
    await api.store.ready();
  });

  it('runs in a web worker, from the browser entry of a manifest without main', () => {
    deepEqual(workerFacts(), { workerGlobalScope: true, process: 'undefined', document: 'undefined', importScripts: 'function' }, 'globals of this host');
    equal(vscode.env.uiKind, vscode.UIKind.Web, 'vscode.env.uiKind');
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { main?: string; browser?: string };
    equal(manifest.main, undefined, 'main of the loaded manifest');
    equal(manifest.browser, './dist/web/extension.js', 'browser of the loaded manifest');
  });

  it('reports the problems of a plan with their positions', async () => {
    const document = await openPlan('problems.mentoring.yaml');
    const text = document.getText();
    const expected: [string, number, number, number][] = [
      ['cadence-lapse', ...at(text, '  cadence: weekly', 'weekly')],
      ['schema', ...at(text, '    status: done # not a goal status', 'done')],
      // The second of the two goals with this id is the duplicate.
      ['duplicate-id', ...at(text, '  - id: system-design', 'system-design', at(text, '  - id: system-design', 'system-design')[0])],
      ['unknown-reference', ...at(text, '    goals: [system-desing]', 'system-desing')],
      ['agenda-not-question', ...at(text, '      - Talk about career plans', 'Talk about career plans')],
      ['overdue-action', ...at(text, '        due: 2025-03-10', '2025-03-10')],
    ];
    await waitFor(() => JSON.stringify(ourDiagnostics(document.uri)) === JSON.stringify(expected) || undefined, 'the six findings', 10_000).catch(() => undefined);
    deepEqual(ourDiagnostics(document.uri), expected, 'diagnostics of problems.mentoring.yaml');
    // The schema message comes from the validator generated at build time (no ajv compile, no new Function).
    const schema = vscode.languages.getDiagnostics(document.uri).find((d) => d.code === 'schema');
    ok(schema && /cannot be `done`; use one of: proposed, active, at-risk, achieved, dropped/.test(schema.message), `schema message: ${schema?.message}`);
  });

  it('offers the allowed values as quick fixes for a wrong enum value', async () => {
    const document = await openPlan('problems.mentoring.yaml');
    const [line, start, end] = at(document.getText(), '    status: done # not a goal status', 'done');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(line, start, line, end), vscode.CodeActionKind.QuickFix.value);
    deepEqual(
      actions.filter((action) => action.kind?.value === vscode.CodeActionKind.QuickFix.value).map((action) => action.title),
      ['Change to "proposed"', 'Change to "active"', 'Change to "at-risk"', 'Change to "achieved"', 'Change to "dropped"'],
      'quick fixes on `done`',
    );
  });

  it('completes session types after type:', async () => {
    const document = await openPlan('team.mentoring.yaml');
    const line = document.getText().split('\n').indexOf('    type: kickoff');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(line, '    type: '.length));
    const types = list.items.filter((item) => item.kind === vscode.CompletionItemKind.EnumMember).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    for (const type of ['kickoff', 'checkin', 'feedback', 'closure']) ok(types.includes(type), `${type} not offered; got ${types.join(', ')}`);
  });

  it('shows each plan of the workspace in the Mentoring tree, with its goals', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const plans = (await shown()).filter((plan) => folder && vscode.workspace.getWorkspaceFolder(plan.node.uri)?.uri.toString() === folder.uri.toString());
    deepEqual(
      plans.map((plan) => [plan.label, plan.description]),
      [
        // Active plans first, paused ones below them; the team plan shows its health trend.
        ['Lin and Sam', 'active · problems.mentoring.yaml'],
        ['Ada and Grace', 'active · health mentor ▆ 4/5, protégé █ 5/5 · team.mentoring.yaml'],
        ['Noor Ali and Kim Park', 'paused · paused.mentoring.yml'],
      ],
      'top nodes',
    );
    const goalsGroup = (await shown(plans[1].node)).find((child) => child.label === 'Goals');
    ok(goalsGroup, 'no Goals group under Ada and Grace');
    deepEqual(
      (await shown(goalsGroup.node)).map((goal) => [goal.label, goal.description]),
      [
        ['Give a talk at the team meetup', 'active · 1/2 milestones · target 2025-05-15'],
        ['Review pull requests with confidence', 'proposed'],
      ],
      'goals of team.mentoring.yaml',
    );
  });

  it('Set goal status changes exactly one value, and the tree follows', async () => {
    const document = await openPlan('team.mentoring.yaml');
    const original = document.getText();
    try {
      equal(await vscode.commands.executeCommand('mentoringPlan.setGoalStatus', { uri: document.uri, goalId: 'code-review', status: 'at-risk' }), true, 'command result');
      equal(document.getText(), original.replace('    kind: objective\n    status: proposed\n', '    kind: objective\n    status: at-risk\n'), 'plan text');
      await waitFor(async () => {
        const plan = (await shown()).find((node) => node.label === 'Ada and Grace');
        const goals = plan && (await shown(plan.node)).find((child) => child.label === 'Goals');
        return goals && (await shown(goals.node)).some((goal) => goal.label === 'Review pull requests with confidence' && goal.description === 'at-risk');
      }, 'the tree to show the goal at risk');
    } finally {
      await restore(document, original);
    }
  });

  it('opens the feedback editor: its page loads, asks for the plan, and a save writes the entry', async () => {
    const document = await openPlan('team.mentoring.yaml');
    const original = document.getText();
    try {
      await vscode.commands.executeCommand('mentoringPlan.writeFeedback', { uri: document.uri, goalId: 'public-speaking' });
      const panel = await waitFor(() => api.testing.feedbackEditor.panels().at(-1), 'a feedback editor panel');
      equal(panel.webviewPanel.viewType, 'mentoringPlan.feedbackEditor', 'view type');
      // `init` is only sent in answer to the `ready` the page's script posts once it runs under its CSP.
      const init = await waitFor(() => panel.posted.find((message) => message.type === 'init'), 'the webview to post ready and receive init', 20_000);
      ok(init.type === 'init', 'init message');
      equal(init.draft.goal, 'public-speaking', 'goal of the draft');
      deepEqual(init.goals.map((goal) => goal.id), ['public-speaking', 'code-review'], 'goals offered');
      await api.testing.feedbackEditor.simulateMessage(panel.id, {
        type: 'save',
        draft: { ...init.draft, from: 'protege', date: '2025-03-01', situation: 'In the kickoff', behavior: 'You asked first', impact: 'I found my goal', feedforward: ['Keep asking first.'] },
      });
      ok(lastReply(panel)?.type === 'saved', `reply to save: ${JSON.stringify(lastReply(panel))}`);
      ok(document.getText().startsWith(original.trimEnd()), 'the lines before the new entry changed');
      ok(document.getText().includes('  - id: feedback-2025-03-01-public-speaking\n    date: 2025-03-01\n    from: protege\n    goal: public-speaking\n'), `new entry missing:\n${document.getText().slice(original.length - 200)}`);
    } finally {
      for (const panel of api.testing.feedbackEditor.panels()) panel.webviewPanel.dispose();
      await restore(document, original);
    }
  });
});

function lastReply(panel: FeedbackEditorPanel): { type: string } | undefined {
  return [...panel.posted].reverse().find((message) => message.type === 'saved' || message.type === 'error');
}
