// Plan text in the surfaces VS Code renders (issue 9, "Injection"): tree labels and Markdown
// tooltips, CodeLens titles. Payloads: HTML, <script>, Markdown links and images, command: URIs,
// $(codicon) syntax and a bidi override. Tree labels are not icon-rendered by VS Code 1.100
// (treeView.ts creates its labels without supportIcons), so they must keep the text as written.
import * as assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { MentoringPlanApi } from '../../src/extension/services';
import { api, children, waitFor } from './extension-support';

const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '[click me](command:workbench.action.quit)',
  '![pixel](https://example.invalid/p.png)',
  '$(zap) $(bug~spin)',
  'Review \u202Egnp.exe',
];

const quoted = (text: string) => JSON.stringify(text);
const PLAN = `schemaVersion: 1
mentorship:
  title: ${quoted(PAYLOADS[2])}
  mentor: { name: ${quoted(PAYLOADS[0])} }
  protege: { name: ${quoted(PAYLOADS[1])} }
  started: 2026-01-05
  cadence: weekly
  agreement: { roles: { mentor: [Ask questions], protege: [Bring the goals] }, confidentiality: Between us. }
goals:
${PAYLOADS.map((payload, index) => `  - id: g${index}\n    title: ${quoted(payload)}\n    kind: stretch\n    status: active\n    why: ${quoted(payload)}\n    success: [${quoted(payload)}]\n`).join('')}sessions:
  - id: s1
    date: 2026-01-05
    type: kickoff
    agenda: [${PAYLOADS.map(quoted).join(', ')}]
    actions:
${PAYLOADS.map((payload) => `      - { text: ${quoted(payload)}, owner: protege }\n`).join('')}feedback:
  - id: f1
    date: 2026-01-06
    from: mentor
    feedforward: [${quoted(PAYLOADS[3])}]
`;

describe('plan text stays text in VS Code (injection)', function () {
  this.timeout(60_000);
  let mentoring: MentoringPlanApi;
  let uri: vscode.Uri;

  before(async () => {
    mentoring = await api();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const path = join(folder.uri.fsPath, 'injection.mentoring.yaml');
    writeFileSync(path, PLAN);
    uri = vscode.Uri.file(path);
    await waitFor(() => mentoring.store.get(uri)?.result.plan?.goals?.length === PAYLOADS.length, 'the hostile plan in the store', 15_000);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(uri.fsPath, { force: true });
    await waitFor(() => mentoring.store.get(uri) === undefined, 'the hostile plan to leave the store', 15_000);
  });

  it('tree labels are the plan text as written; tooltips are untrusted Markdown with the text escaped', async () => {
    const plan = (await children(mentoring.tree)).find((item) => item.node.uri.toString() === uri.toString());
    assert.ok(plan, 'the plan is in the tree');
    assert.equal(plan.label, PAYLOADS[2]);
    const rows = [plan];
    const walk = async (node: (typeof rows)[number]['node']) => {
      for (const child of await children(mentoring.tree, node)) {
        rows.push(child);
        await walk(child.node);
      }
    };
    await walk(plan.node);
    const labels = rows.map((row) => row.label);
    for (const payload of PAYLOADS) assert.ok(labels.filter((label) => label === payload).length >= 3, `${payload} is shown as written (goal, agenda, action)`);
    for (const { item, label } of rows) {
      const tooltip = item.tooltip;
      assert.ok(tooltip instanceof vscode.MarkdownString, label);
      assert.ok(!tooltip.isTrusted, `${label}: trusted tooltip`);
      assert.ok(!tooltip.supportHtml, `${label}: tooltip renders HTML`);
      assert.ok(!tooltip.supportThemeIcons, `${label}: tooltip renders $(icons)`);
      // appendText escapes `>` (not `<`), so no HTML tag can close, and `[`, `]`, `(`: no link or image.
      assert.doesNotMatch(tooltip.value, /(^|[^\\])>/m, `${label}: an unescaped > in ${tooltip.value}`);
      assert.doesNotMatch(tooltip.value, /(^|[^\\])\]\(/, `${label}: a link in ${tooltip.value}`);
      assert.ok(item.command === undefined || item.command.command === 'vscode.open', `${label}: runs ${item.command?.command}`);
    }
    const goalTooltip = rows.find((row) => row.label === PAYLOADS[5] && row.node.kind === 'goal')?.item.tooltip as vscode.MarkdownString;
    assert.ok(goalTooltip.value.includes('\u202E'), 'the bidi override stays in the text');
  });

  it('CodeLens titles are ours, and run only our commands', async () => {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const lenses = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      return found.length > 0 ? found : undefined;
    }, 'code lenses', 10_000);
    for (const lens of lenses) {
      assert.ok(lens.command, 'resolved');
      // Feedback lenses, and a goal's counts (no plan text in either title).
      assert.match(lens.command.title, /^((Write|Edit) feedback|\d+ sessions? · \d+ open actions?( · feedback \d{4}-\d\d-\d\d)?)$/);
      assert.match(lens.command.command, /^(mentoringPlan\.|editor\.action\.showReferences$)/);
    }
  });
});
