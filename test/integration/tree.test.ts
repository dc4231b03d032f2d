// The Mentoring view as the user sees it: labels, descriptions, icons, order, children, tooltips,
// clicks that reveal the line, stable ids, and following edits while typing.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { MentoringPlanApi, MentoringPlanTestApi } from '../../src/extension/services';
import type { PlanNode } from '../../src/extension/tree/nodes';
import type { FolderNode, TreeElement } from '../../src/extension/tree/plan-tree';
import { api, children, descend, lineOf, openPlan, plainTooltip, planNode, recordTiming, undoUntil, waitFor, workspacePlans, workspaceUri } from './extension-support';
import { findRepoRoot } from './support/paths';

function icon(item: vscode.TreeItem): [string, string | undefined] {
  const themeIcon = item.iconPath as vscode.ThemeIcon;
  return [themeIcon.id, themeIcon.color?.id];
}

const tooltipText = plainTooltip;

describe('Mentoring tree', () => {
  let mentoring: MentoringPlanApi;
  before(async () => {
    mentoring = await api();
  });

  it('has one top node per plan in the workspace, with title and status', async () => {
    const plans = await workspacePlans(mentoring.tree);
    assert.deepEqual(
      plans.map((plan) => [plan.label, plan.description]),
      [
        // Active plans first, paused and closed ones below (issue 11); the health trend after the status.
        ['Lin and Sam', 'active · problems.mentoring.yaml'],
        ['Ada and Grace', 'active · health mentor ▆ 4/5, protégé █ 5/5 · team.mentoring.yaml'],
        ['Noor Ali and Kim Park', 'paused · paused.mentoring.yml'],
      ],
    );
    const team = plans[1];
    assert.equal(team.item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    assert.match(tooltipText(team.item), /\*\*Ada and Grace\*\*/);
    assert.match(tooltipText(team.item), /biweekly/);
  });

  it('shows goals ordered by status, with status icon, colour and progress', async () => {
    const team = await planNode(mentoring.tree, 'team.mentoring.yaml');
    assert.deepEqual((await children(mentoring.tree, team.node)).map((c) => [c.label, c.description]), [
      ['Agreement', ''],
      ['Goals', '2'],
      ['Sessions', '1'],
    ]);
    const goals = await children(mentoring.tree, (await descend(mentoring.tree, team, ['Goals'])).node);
    assert.deepEqual(goals.map((goal) => [goal.label, goal.description, ...icon(goal.item)]), [
      ['Give a talk at the team meetup', 'active · 1/2 milestones · target 2025-05-15', 'target', 'charts.blue'],
      ['Review pull requests with confidence', 'proposed', 'circle-large-outline', 'descriptionForeground'],
    ]);
    assert.match(tooltipText(goals[0].item), /Sharing work widely builds confidence and visibility/);
    const milestones = await children(mentoring.tree, goals[0].node);
    assert.deepEqual(milestones.map((m) => [m.label, m.description ?? '', icon(m.item)[0]]), [
      ['Pick a topic', 'done', 'pass-filled'],
      ['Dry run with the mentor', '', 'circle-large-outline'],
    ]);
  });

  it('shows sessions with type and date, and their agenda, actions and health check-in', async () => {
    const team = await planNode(mentoring.tree, 'team.mentoring.yaml');
    const session = await descend(mentoring.tree, team, ['Sessions', 'Kick-off']);
    assert.equal(session.description, '2025-01-06');
    const items = await children(mentoring.tree, session.node);
    assert.deepEqual(items.map((c) => [c.label, c.description, icon(c.item)[0], c.item.contextValue]), [
      ['What would make this mentorship worthwhile for you?', '', 'question', 'agenda'],
      ['Draft three talk topics', 'protege · due 2025-01-20 · done', 'pass-filled', 'action.done'],
      ['Health check-in', 'mentor 4/5 · protégé 5/5', 'heart', 'health'],
    ]);
  });

  it('reveals the line of an item when it is clicked', async () => {
    const { document } = await openPlan('team.mentoring.yaml');
    const team = await planNode(mentoring.tree, 'team.mentoring.yaml');
    const goal = await descend(mentoring.tree, team, ['Goals', 'Review pull requests with confidence']);
    const command = goal.item.command;
    assert.ok(command);
    // An API command: its arguments travel with the row, so no refresh can leave it dangling (defect 9).
    assert.equal(command.command, 'vscode.open');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), document.uri.toString());
    assert.equal(editor?.selection.active.line, lineOf(document.getText(), '  - id: code-review'));
  });

  it('rebuilds its rows only when what they show changed: not when a click opens a plan', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await workspacePlans(mentoring.tree);
    let refreshes = 0;
    const subscription = mentoring.tree.onDidChangeTreeData(() => refreshes++);
    try {
      // Opening re-checks the plan (now from the editor) without changing it, as a row's click does.
      const { document, editor } = await openPlan('paused.mentoring.yml');
      await waitFor(() => mentoring.store.get(document.uri)?.version === document.version, 'the opened plan to be checked');
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(refreshes, 0, 'opening an unchanged plan refreshed the tree');
      const original = document.getText();
      await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), '# a change\n'));
      await waitFor(() => refreshes > 0, 'a refresh after a real change', 5_000);
      await undoUntil(document, original);
    } finally {
      subscription.dispose();
    }
  });

  it('gives every item a unique, stable id and a Markdown tooltip', async () => {
    const seen = new Set<string>();
    const walk = async (node?: PlanNode) => {
      for (const child of await children(mentoring.tree, node)) {
        assert.ok(child.item.id && !seen.has(child.item.id), `duplicate or missing id ${child.item.id}`);
        seen.add(child.item.id);
        tooltipText(child.item);
        await walk(child.node);
      }
    };
    await walk();
    assert.ok(seen.has(`${(await planNode(mentoring.tree, 'team.mentoring.yaml')).node.uri.toString()}#goal:public-speaking`));
    // The three workspace plans have 24 items; plans other suites left open outside it add more.
    assert.ok(seen.size >= 24, `only ${seen.size} items`);
  });

  it('follows edits while typing, keeps ids, and reorders goals by status', async () => {
    const { document } = await openPlan('team.mentoring.yaml');
    const original = document.getText();
    const team = await planNode(mentoring.tree, 'team.mentoring.yaml');
    const goalsNode = (await descend(mentoring.tree, team, ['Goals'])).node;
    const idsBefore = (await children(mentoring.tree, goalsNode)).map((g) => g.item.id).sort();

    let changedAt = 0;
    const listener = mentoring.tree.onDidChangeTreeData(() => {
      changedAt ||= Date.now();
    });
    try {
      const line = lineOf(original, '    status: proposed');
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(line, 12, line, 20), 'at-risk');
      const started = Date.now();
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitFor(() => changedAt > 0, 'the tree to change', 2000);
      recordTiming('edit to tree change ms', changedAt - started);
      const goals = await waitFor(async () => {
        // After a refresh the view asks from the root again; nodes hold the check they were built from.
        const fresh = await descend(mentoring.tree, await planNode(mentoring.tree, 'team.mentoring.yaml'), ['Goals']);
        const now = await children(mentoring.tree, fresh.node);
        return now[0]?.label === 'Review pull requests with confidence' && now;
      }, 'the at-risk goal to move first', 2000);
      assert.deepEqual(goals.map((g) => [g.label, g.description, ...icon(g.item)]), [
        ['Review pull requests with confidence', 'at-risk', 'warning', 'charts.orange'],
        ['Give a talk at the team meetup', 'active · 1/2 milestones · target 2025-05-15', 'target', 'charts.blue'],
      ]);
      assert.deepEqual(goals.map((g) => g.item.id).sort(), idsBefore, 'ids changed, so the view would lose its expansion state');
    } finally {
      listener.dispose();
    }
    await undoUntil(document, original);
  });

  it('brings back a plan the filter hid once it matches again', async () => {
    const { document } = await openPlan('team.mentoring.yaml');
    const original = document.getText();
    // What the tree tells the view: VS Code lists the rows again only when told the list changed.
    const events: string[] = [];
    const listener = mentoring.tree.onDidChangeTreeData((changed) => events.push(changed === undefined ? 'the list' : 'rows'));
    const names = async () => (await workspacePlans(mentoring.tree)).map((plan) => plan.node.uri.path.split('/').pop());
    mentoring.tree.setFilter('active');
    try {
      assert.ok((await names()).includes('team.mentoring.yaml'), 'the active plan is listed');
      events.length = 0;
      const line = lineOf(original, '  status: active');
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(line, 10, line, 16), 'paused');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitFor(() => events.includes('the list'), 'the list worked out again without the paused plan');
      assert.ok(!(await names()).includes('team.mentoring.yaml'), 'the paused plan is hidden');
      events.length = 0;
      await undoUntil(document, original);
      await waitFor(() => events.includes('the list'), 'the list worked out again with the plan active again');
      assert.ok((await names()).includes('team.mentoring.yaml'), 'the plan is listed again');
    } finally {
      listener.dispose();
      mentoring.tree.setFilter('all');
      await undoUntil(document, original);
    }
  });

  it('lists upcoming sessions first', async () => {
    const { document } = await openPlan('team.mentoring.yaml');
    const original = document.getText();
    assert.ok(await vscode.commands.executeCommand('mentoringPlan.addSession', { uri: document.uri, type: 'checkin', date: '2099-01-02' }));
    const team = await planNode(mentoring.tree, 'team.mentoring.yaml');
    const sessions = await waitFor(async () => {
      const now = await children(mentoring.tree, (await descend(mentoring.tree, team, ['Sessions'])).node);
      return now.length === 2 && now;
    }, 'two sessions');
    assert.deepEqual(sessions.map((s) => [s.label, s.description, icon(s.item)[0]]), [
      ['Check-in', '2099-01-02 · upcoming', 'calendar'],
      ['Kick-off', '2025-01-06', 'history'],
    ]);
    await undoUntil(document, original);
  });
});

describe('Mentoring tree with many plans (issue 15)', function () {
  this.timeout(180_000);
  const COUNT = 200;
  const FOLDER = 'scale-200';
  let mentoring: MentoringPlanApi;
  let root: string;
  const paths: string[] = [];
  const generated = () => mentoring.store.all().filter((entry) => entry.uri.path.includes(`/${FOLDER}/`)).length;

  before(async () => {
    mentoring = await api();
    root = workspaceUri(FOLDER).fsPath;
    const example = readFileSync(join(findRepoRoot(__dirname), 'examples/alex-and-sam.mentoring.yaml'), 'utf8');
    for (let i = 0; i < COUNT; i++) {
      const dir = join(root, `group-${i % 10}`);
      mkdirSync(dir, { recursive: true });
      const path = join(dir, `pair-${String(i).padStart(3, '0')}.mentoring.yaml`);
      writeFileSync(path, example.replace('Alex Rivera', `Mentor ${i}`));
      paths.push(path);
    }
    // A scan finds them all: file watchers may report a new folder without the files written into it.
    await mentoring.store.refresh();
    await waitFor(() => generated() === COUNT, `the ${COUNT} generated plans in the store`, 90_000);
    // Let the watcher's events for these files pass before anything is measured.
    await new Promise((resolve) => setTimeout(resolve, 3000));
  });

  after(async () => {
    rmSync(root, { recursive: true, force: true });
    await mentoring.store.refresh();
    await waitFor(() => generated() === 0, 'the generated plans to be gone', 60_000);
  });

  it('lists every plan in the tree, the Actions view, the status bar and the walkthrough without reading a closed plan’s value; expanding one reads that one', async () => {
    // Checked again, every closed plan has a new check whose value nobody has read yet.
    await mentoring.store.refresh(true);
    // The status bar and the walkthrough follow the scan's announcements within 100 ms; the tree within its coalescing.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    // A closed plan's check counts how often its value was read again (ClosedPlanCheck.valueReads; another bundle's class, so by shape).
    const valueReads = () => new Map(mentoring.store.all().flatMap((entry) => (typeof (entry.result as { valueReads?: unknown }).valueReads === 'number' ? [[entry.uri.toString(), (entry.result as unknown as { valueReads: number }).valueReads]] : [])));
    assert.ok(valueReads().size >= COUNT, `${valueReads().size} closed plans`);
    // Every row as the workbench lists them with many plans: folders, their (collapsed) plans, the Actions view's plans.
    const planRows: PlanNode[] = [];
    for (const node of await mentoring.tree.getChildren()) {
      mentoring.tree.getTreeItem(node);
      if (node.kind !== 'folder') continue;
      for (const plan of await mentoring.tree.getChildren(node)) {
        mentoring.tree.getTreeItem(plan);
        if (plan.kind !== 'folder') planRows.push(plan);
      }
    }
    const actionsView = (mentoring as MentoringPlanTestApi).testing.actionsView;
    for (const row of await actionsView.getChildren()) actionsView.getTreeItem(row);
    assert.ok(planRows.length >= COUNT, `${planRows.length} plan rows`);
    const read = [...valueReads()].filter(([, count]) => count > 0);
    assert.deepEqual(read, [], 'listing the plans read these closed plans’ values again');

    // Expanding a plan reads its value, once, and no other plan's.
    const expanded = planRows.find((row) => valueReads().has(row.uri.toString()));
    assert.ok(expanded, 'a closed plan among the rows');
    const children = await mentoring.tree.getChildren(expanded);
    assert.ok(children.some((child) => child.kind === 'goals'), 'its children are its goals, sessions and the rest');
    assert.deepEqual([...valueReads()].filter(([, count]) => count > 0), [[expanded.uri.toString(), 1]]);
  });

  it('groups plans by folder, and a change to one plan refreshes only that plan\'s node', async () => {
    const top = await mentoring.tree.getChildren();
    const folder = top.find((node): node is FolderNode => node.kind === 'folder' && node.key === `${FOLDER}/group-3`);
    assert.ok(folder, `no folder row for ${FOLDER}/group-3; rows: ${top.map((node) => (node.kind === 'folder' ? node.key : node.uri.path)).join(', ')}`);
    assert.equal(folder.item.description, '20 plans');
    const plans = (await mentoring.tree.getChildren(folder)) as PlanNode[];
    assert.equal(plans.length, 20);
    const target = plans[4];
    const before = mentoring.tree.getTreeItem(target);
    assert.equal(before.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, 'with many plans, plans start collapsed');
    assert.equal(before.tooltip, undefined, 'tooltips are built on hover, not for every row');

    const fired: string[][] = [];
    const nameOf = (element: TreeElement) => (element.kind === 'folder' ? `folder ${element.key}` : element.uri.path);
    const listener = mentoring.tree.onDidChangeTreeData((changed) => fired.push(changed === undefined ? ['(whole tree)'] : (Array.isArray(changed) ? changed : [changed]).map(nameOf)));
    const firedObjects: unknown[] = [];
    const sameObject = mentoring.tree.onDidChangeTreeData((changed) => firedObjects.push(...(Array.isArray(changed) ? changed : [changed])));
    // The Actions view too: listed once (as the workbench does when it is shown), a change of one
    // plan refreshes that plan's row only, not the 200 others.
    const actionsView = (mentoring as MentoringPlanTestApi).testing.actionsView;
    const actionRows = await actionsView.getChildren();
    const targetRow = actionRows.find((row) => 'entry' in row && row.entry.uri.toString() === target.uri.toString());
    assert.ok(targetRow, 'the generated plan has open actions, so a row in the Actions view');
    assert.ok(actionRows.length >= COUNT, `${actionRows.length} rows in the Actions view`);
    assert.equal(actionsView.getTreeItem(targetRow).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, 'with many plans, plan rows start collapsed');
    const firedActions: unknown[] = [];
    const actionsListener = actionsView.onDidChangeTreeData((changed) => firedActions.push(changed === undefined ? '(whole list)' : changed));
    try {
      const text = readFileSync(target.uri.fsPath, 'utf8');
      writeFileSync(target.uri.fsPath, text.replace('cadence: biweekly', 'cadence: weekly'));
      // Through a rescan of every plan (the watcher may be slow to report files in new folders):
      // all 203 are read again, one has changed, and only its row may be refreshed.
      await mentoring.store.refresh();
      await waitFor(() => fired.length > 0, 'the tree to refresh', 20_000);
      // Anything else the change caused would come within the store's and the tree's coalescing.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.deepEqual(fired, [[target.uri.path]]);
      assert.equal(firedObjects[0], target, 'the refresh names the node the view holds, so VS Code finds its row');
      await waitFor(() => firedActions.length > 0, 'the Actions view to refresh', 20_000);
      assert.deepEqual(firedActions, [[targetRow]], 'the Actions view refreshed only the changed plan’s row');
      assert.match(String(actionsView.getTreeItem(targetRow).label), /./);

      // A change that moves the plan (closed plans go below the others) refreshes its folder's list, not its row alone.
      fired.length = 0;
      writeFileSync(target.uri.fsPath, readFileSync(target.uri.fsPath, 'utf8').replace('  status: active', '  status: closed'));
      await mentoring.store.refresh();
      await waitFor(() => fired.length > 0, 'the tree to refresh after the status change', 20_000);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.deepEqual(fired, [[`folder ${FOLDER}/group-3`]]);
      const reordered = (await mentoring.tree.getChildren(folder)) as PlanNode[];
      assert.equal(reordered.at(-1)?.uri.toString(), target.uri.toString(), 'the closed plan is listed last in its folder');
    } finally {
      listener.dispose();
      sameObject.dispose();
      actionsListener.dispose();
      const text = readFileSync(target.uri.fsPath, 'utf8');
      if (text.includes('  status: closed')) {
        writeFileSync(target.uri.fsPath, text.replace('  status: closed', '  status: active'));
        await mentoring.store.refresh();
      }
    }
    const after = mentoring.tree.resolveTreeItem(mentoring.tree.getTreeItem(target), target);
    assert.equal(after.id, before.id, 'the row keeps its id (and its expansion)');
    assert.match(plainTooltip(after), /Cadence:\* weekly/);
  });

  it('answers completion while a scan of every plan is under way', async () => {
    const { document } = await openPlan('team.mentoring.yaml');
    const line = document.getText().split('\n').findIndex((text) => text.startsWith('    type: '));
    assert.notEqual(line, -1);
    let scanEnded = false;
    const scan = mentoring.store.refresh(true).then(() => (scanEnded = true));
    assert.equal(scanEnded, false, 'the scan ended before completion was asked; the test proves nothing');
    const started = Date.now();
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(line, '    type: '.length));
    const answeredMs = Date.now() - started;
    const answeredDuringScan = !scanEnded;
    const scanStarted = Date.now();
    await scan;
    recordTiming(`completion during a scan of ${COUNT + 3} plans`, answeredMs);
    recordTiming(`rest of the scan of ${COUNT + 3} plans after completion answered`, Date.now() - scanStarted);
    assert.ok(list.items.some((item) => item.label === 'checkin' || (typeof item.label !== 'string' && item.label.label === 'checkin')), 'completion offers session types');
    assert.ok(answeredDuringScan, `completion answered only after the scan ended (${answeredMs} ms)`);
  });
});
