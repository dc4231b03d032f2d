// The Mentoring view's data: one top node per plan, rebuilt from the plan store's cached check
// results whenever a plan changes (including while typing), with stable ids so expansion holds.
import * as vscode from 'vscode';
import { HAS_PLANS_CONTEXT, TREE_VIEW_ID } from '../command-ids';
import type { PlanEntry, PlanStore } from '../plan-store';
import type { Feature } from '../services';
import { agreementChildren } from './agreement-rows';
import { NodeBuilder } from './nodes';
import type { PlanNode } from './nodes';
import { byMentorshipStatus } from './relationship-rows';

const REFRESH_COALESCE_MS = 30;

export class PlanTreeProvider implements vscode.TreeDataProvider<PlanNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PlanNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private pending: ReturnType<typeof setTimeout> | undefined;
  /** What the rows last handed out were built from; a store change that leaves it equal needs no refresh. */
  private shown: ShownPlan[] | undefined;

  constructor(private readonly store: PlanStore) {
    // Several plans can change in one burst (a scan, a rename); one refresh covers them all.
    // Opening a plan (a click on a row) or the first scan after the rows were built re-checks
    // plans without changing them: refreshing then would only rebuild every row under the cursor.
    this.subscription = store.onDidChange(() => {
      if (this.pending !== undefined) return;
      this.pending = setTimeout(() => {
        this.pending = undefined;
        if (this.shown !== undefined && sameShown(this.shown, shownFrom(this.store.all()))) return;
        this.changed.fire(undefined);
      }, REFRESH_COALESCE_MS);
    });
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: PlanNode): vscode.TreeItem {
    return node.item;
  }

  getParent(node: PlanNode): PlanNode | undefined {
    return node.parent;
  }

  async getChildren(node?: PlanNode): Promise<PlanNode[]> {
    if (!node) {
      // Waiting for the first scan keeps the welcome view from flashing up while plans are found.
      await this.store.ready();
      const plans = this.store.all();
      this.shown = shownFrom(plans);
      return byMentorshipStatus(plans).map((entry) => new NodeBuilder(entry, plans.length).planNode());
    }
    // Children come from the parent's snapshot, not the store: a check that landed in between
    // would shift indices, and the refresh it fires rebuilds the tree from the root anyway.
    const builder = new NodeBuilder(node.snapshot, node.planCount);
    switch (node.kind) {
      case 'plan':
        return builder.planChildren(node);
      case 'goals':
        return builder.goalNodes(node);
      case 'sessions':
        return builder.sessionNodes(node);
      case 'goal':
        return builder.milestoneNodes(node);
      case 'session':
        return builder.sessionChildren(node);
      case 'agreement':
        return agreementChildren(node);
      default:
        return [];
    }
  }

  dispose(): void {
    if (this.pending !== undefined) clearTimeout(this.pending);
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** Everything a plan's rows are built from: its place, text, date and problem count. */
type ShownPlan = readonly [uri: string, today: string, problems: number, text: string];

function shownFrom(plans: readonly PlanEntry[]): ShownPlan[] {
  return plans.map((entry) => [entry.uri.toString(), entry.today, entry.result.issues.length, entry.text]);
}

function sameShown(a: readonly ShownPlan[], b: readonly ShownPlan[]): boolean {
  return a.length === b.length && a.every((plan, index) => plan.every((part, at) => part === b[index][at]));
}

export const registerTree: Feature<PlanTreeProvider> = (context, { store }) => {
  const tree = new PlanTreeProvider(store);
  const view = vscode.window.createTreeView(TREE_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  // Menus and the command palette offer plan commands only when there is a plan to act on.
  let hasPlans: boolean | undefined;
  const updateContext = () => {
    const now = store.all().length > 0;
    if (now !== hasPlans) void vscode.commands.executeCommand('setContext', HAS_PLANS_CONTEXT, (hasPlans = now));
  };
  context.subscriptions.push(tree, view, store.onDidChange(updateContext));
  void store.ready().then(updateContext);
  return tree;
};
