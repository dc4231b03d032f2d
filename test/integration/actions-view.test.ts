// The Actions view: open actions across plans by plan and owner, overdue marked in a theme colour;
// toggling a row edits its session (exact text, undo) and the row leaves the view; a click reveals
// its line, which is looked up only then. Every test leaves the fixture plan's document and bytes
// and the setting mentoringPlan.me as it found them (afterEach, which runs even after a timeout):
// a toggle left behind changes what the suites after this one see.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { dayNumber } from '../../src/core/dates';
import { openActionsByDue } from '../../src/core/plan-facts';
import type { ActionGroupNode, ActionsViewNode } from '../../src/extension/actions-view';
import type { MentoringPlanTestApi } from '../../src/extension/services';
import { planFilters } from '../../src/extension/tree/plan-filter';
import { todayIso } from '../../src/extension/today';
import { api, lineOf, undoUntil, waitFor, workspaceUri } from './extension-support';

interface Row {
  node: ActionsViewNode;
  label: string;
  description: string;
  icon: [string | undefined, string | undefined];
}

/** Waits on a loaded machine: the store re-checks an edited plan after a debounce. */
const SETTLE_MS = 30_000;

async function rows(mentoring: MentoringPlanTestApi, node?: ActionsViewNode): Promise<Row[]> {
  const view = mentoring.testing.actionsView;
  const folder = vscode.workspace.workspaceFolders![0].uri.toString();
  const found = (await view.getChildren(node)).filter((child) => node || ('entry' in child && child.entry.uri.toString().startsWith(folder)));
  return found.map((child) => {
    const item = view.getTreeItem(child);
    const icon = item.iconPath as vscode.ThemeIcon | undefined;
    return { node: child, label: String(item.label), description: String(item.description ?? ''), icon: [icon?.id, icon?.color?.id] };
  });
}

/** How often each closed plan was parsed again for positions (open plans are not counted: their parse is kept for editing). */
function parseCounts(mentoring: MentoringPlanTestApi): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of mentoring.store.all()) {
    const parses = (entry.result as { parses?: unknown }).parses;
    if (typeof parses === 'number') counts[entry.uri.toString()] = parses;
  }
  return counts;
}

describe('Actions view', function () {
  this.timeout(60_000);
  let mentoring: MentoringPlanTestApi;
  const uri = workspaceUri('problems.mentoring.yaml');
  let savedBytes: Uint8Array;
  let savedMe: unknown;

  before(async () => {
    mentoring = (await api()) as MentoringPlanTestApi;
    savedBytes = await vscode.workspace.fs.readFile(uri);
    savedMe = vscode.workspace.getConfiguration('mentoringPlan').inspect('me')?.globalValue;
  });

  afterEach(async () => {
    // Whatever a test did or where it stopped: no unsaved edit, the bytes on disk and the setting as before.
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    if (document?.isDirty) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await waitFor(() => !document.isDirty, 'the plan reverted to its saved text', SETTLE_MS);
    }
    if (Buffer.compare(Buffer.from(await vscode.workspace.fs.readFile(uri)), Buffer.from(savedBytes)) !== 0) await vscode.workspace.fs.writeFile(uri, savedBytes);
    const config = vscode.workspace.getConfiguration('mentoringPlan');
    if (JSON.stringify(config.inspect('me')?.globalValue) !== JSON.stringify(savedMe)) await config.update('me', savedMe, vscode.ConfigurationTarget.Global);
    mentoring.tree.setFilter('all');
  });

  /** Sets mentoringPlan.me and waits until `provider` has announced new rows (so no fixed sleep). */
  async function setMe(provider: { onDidChangeTreeData: vscode.Event<unknown> }, value: unknown): Promise<void> {
    let changed = false;
    const subscription = provider.onDidChangeTreeData(() => (changed = true));
    try {
      await vscode.workspace.getConfiguration('mentoringPlan').update('me', value, vscode.ConfigurationTarget.Global);
      await waitFor(() => changed, 'the view to be rebuilt after mentoringPlan.me changed', SETTLE_MS);
    } finally {
      subscription.dispose();
    }
  }

  // First in the suite, while no editor has opened a plan: an open plan is not checked again by a rescan.
  it('a rescan that checks every plan again refreshes no row whose text is unchanged; a changed plan refreshes its row', async () => {
    const view = mentoring.testing.actionsView;
    const isOpen = (candidate: vscode.Uri) => vscode.workspace.textDocuments.some((document) => document.uri.toString() === candidate.toString());
    const closed = (await rows(mentoring)).map((row) => row.node).find((node): node is ActionGroupNode => 'entry' in node && node.kind === 'actionsPlan' && !isOpen(node.entry.uri));
    assert.ok(closed, 'a plan with open actions that no editor shows');
    const planUri = closed.entry.uri;
    const original = await vscode.workspace.fs.readFile(planUri);
    const events: (string | undefined)[][] = [];
    // Each event as the plans of the rows it names; [undefined] for a refresh of the whole view.
    const subscription = view.onDidChangeTreeData((nodes) => {
      const named: ActionsViewNode[] = nodes === undefined ? [] : Array.isArray(nodes) ? nodes : [nodes as ActionsViewNode];
      events.push(nodes === undefined ? [undefined] : named.map((node) => ('entry' in node ? node.entry.uri.toString() : undefined)));
    });
    try {
      // Every plan checked again, as when a rule is turned off: new checks of the same texts.
      const before = mentoring.store.get(planUri);
      await mentoring.store.refresh(true);
      assert.notEqual(mentoring.store.get(planUri), before, 'the rescan checked the plan again');
      // The view refreshes rows when the scan ends; give that its turn (a refresh that never comes cannot be awaited).
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.deepEqual(events, [], 'rows of unchanged plans were refreshed');

      // The plan's file changes on disk: its row, and only it, is refreshed.
      const text = Buffer.from(original).toString('utf8');
      const action = openActionsByDue(closed.entry.result.plan, closed.entry.today)[0]?.action.text;
      assert.ok(typeof action === 'string' && text.includes(action));
      await vscode.workspace.fs.writeFile(planUri, Buffer.from(text.replace(action, `${action} twice`)));
      await waitFor(() => events.length > 0, 'a refresh after the plan changed', SETTLE_MS);
      assert.deepEqual(events, [[planUri.toString()]]);
    } finally {
      subscription.dispose();
      await vscode.workspace.fs.writeFile(planUri, original);
      const originalText = Buffer.from(original).toString('utf8');
      await waitFor(() => mentoring.store.get(planUri)?.text === originalText, 'the plan as it was, back in the store', SETTLE_MS);
    }
  });

  it('builds its rows, and the Plans tree’s, without parsing a closed plan; a click parses it once for the line', async () => {
    const view = mentoring.testing.actionsView;
    // This suite runs first, so nothing has opened the plan yet: it has the closed plans' check (the rescan test before rechecked it as closed).
    assert.equal(parseCounts(mentoring)[uri.toString()], 0, 'problems.mentoring.yaml is expected closed and not yet parsed again');
    const before = parseCounts(mentoring);
    // Every row, as the workbench builds them: children and items, no hover, no click.
    const walkActions = async (node?: ActionsViewNode): Promise<number> => {
      let count = 0;
      for (const child of await view.getChildren(node)) {
        view.getTreeItem(child);
        count += 1 + (await walkActions(child));
      }
      return count;
    };
    type TreeNode = Parameters<typeof mentoring.tree.getChildren>[0];
    const walkTree = async (node?: TreeNode): Promise<string[]> => {
      const labels: string[] = [];
      for (const child of await mentoring.tree.getChildren(node)) labels.push(String(mentoring.tree.getTreeItem(child).label), ...(await walkTree(child)));
      return labels;
    };
    assert.ok((await walkActions()) >= 3, 'the view has a plan, an owner and an action row');
    const treeLabels = await walkTree();
    for (const label of ['Agreement', 'Mentor’s role', 'Read the design review guide']) assert.ok(treeLabels.includes(label), `the Plans tree has a row "${label}"`);
    assert.deepEqual(parseCounts(mentoring), before, 'building rows parsed a closed plan again');

    // A click: the workbench resolves the row's command (it has none yet), then runs it.
    const [plan] = await rows(mentoring);
    const [owner] = await rows(mentoring, plan.node);
    const [action] = await rows(mentoring, owner.node);
    assert.equal(view.getTreeItem(action.node).command, undefined, 'a row is built without its position');
    const click = view.resolveTreeItem(view.getTreeItem(action.node), action.node).command;
    assert.equal(parseCounts(mentoring)[uri.toString()], 1, 'resolving the clicked row parses its plan once');
    assert.ok(click);
    // An API command: its arguments travel with the row, so no refresh can leave it dangling (defect 9).
    assert.equal(click.command, 'vscode.open');
    await vscode.commands.executeCommand(click.command, ...(click.arguments ?? []));
    const editor = await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() && vscode.window.activeTextEditor, 'the plan shown', SETTLE_MS);
    assert.equal(editor.selection.active.line, lineOf(editor.document.getText(), '      - text: Read the design review guide'));
  });

  it('lists open actions by plan and owner, overdue in a theme colour; toggling one edits its session and undo brings it back', async () => {
    const days = dayNumber(todayIso())! - dayNumber('2025-03-10')!;
    const plans = await rows(mentoring);
    assert.deepEqual(plans.map((row) => [row.label, row.description]), [['Lin and Sam', '1 open · 1 overdue · problems.mentoring.yaml']]);
    const owners = await rows(mentoring, plans[0].node);
    assert.deepEqual(owners.map((row) => [row.label, row.description, row.icon[0]]), [['protégé', '1', 'person']]);
    const actions = await rows(mentoring, owners[0].node);
    assert.deepEqual(actions.map((row) => [row.label, row.description, ...row.icon]), [['Read the design review guide', `due 2025-03-10 · overdue ${days} days · first`, 'warning', 'list.warningForeground']]);

    const document = await vscode.workspace.openTextDocument(uri);
    const original = document.getText();
    assert.equal(await vscode.commands.executeCommand('mentoringPlan.toggleActionDone', actions[0].node), true);
    assert.equal(document.getText(), original.replace('        due: 2025-03-10\n', '        due: 2025-03-10\n        done: true\n'));
    await waitFor(async () => (await rows(mentoring)).length === 0, 'the done action to leave the view', SETTLE_MS);
    await undoUntil(document, original);
    await waitFor(async () => (await rows(mentoring)).length === 1, 'the action back in the view after undo', SETTLE_MS);
  });

  it('puts my actions first, as "Mine", once mentoringPlan.me says which side I am; a change of the setting re-sorts the view', async () => {
    const view = mentoring.testing.actionsView;
    const ownerRows = async () => {
      const [plan] = await rows(mentoring);
      return plan ? (await rows(mentoring, plan.node)).map((row) => row.label) : [];
    };
    assert.deepEqual(await ownerRows(), ['protégé'], 'no side known: the owner is named');
    await setMe(view, { 'problems.mentoring.yaml': 'protege' });
    assert.deepEqual(await ownerRows(), ['Mine (protégé)']);
    await setMe(view, 'mentor');
    assert.deepEqual(await ownerRows(), ['protégé'], 'as the mentor, the protégé’s action is not mine');
  });

  it('the Plans view’s "Mine" filter shows the plans where I am known to be one of the pair, and follows mentoringPlan.me', async () => {
    const tree = mentoring.tree;
    const shown = async () => (await tree.getChildren()).map((node) => String(tree.getTreeItem(node).label));
    assert.ok(planFilters(tree.mine).some((filter) => filter.id === 'mine'), 'the filter offers Mine');
    tree.setFilter('mine');
    assert.equal(tree.filterId, 'mine');
    assert.deepEqual(await shown(), [], 'no side known in any plan');
    await setMe(tree, { 'problems.mentoring.yaml': 'protege' });
    assert.deepEqual(await shown(), ['Lin and Sam']);
    await setMe(tree, { 'team.mentoring.yaml': 'mentor' });
    assert.deepEqual(await shown(), ['Ada and Grace']);
  });
});
