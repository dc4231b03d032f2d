// The Actions view (issue 11, "learning transfer"): every open action across the workspace's
// plans, grouped by plan and then by owner (the user's own first), soonest due first, overdue ones
// marked in a theme colour. Action rows are the plan tree's action nodes, so Toggle Action Done
// edits their session exactly as it does from the Plans view; a click reveals the action's line,
// found only then. A plan's row is built from its digest (its counts); its actions are read from
// the plan when the row is expanded, so listing the plans reads no closed plan again.
import * as vscode from 'vscode';
import { actionsByOwner, openActionsByDue, textOf } from '../core/plan-facts';
import type { PlacedAction } from '../core/plan-facts';
import { ACTIONS_VIEW_ID } from './command-ids';
import { sameTextAndDay } from './plan-store';
import type { PlanEntry, PlanStore } from './plan-store';
import type { Services } from './services';
import type { PlanNode } from './tree/nodes';
import { PLANS_SHOWN_EXPANDED, resolveClick } from './tree/nodes';
import type { Identity } from './identity';

/**
 * A plan's row: one object for as long as the plan has open actions, so a change of that plan
 * updates it in place and refreshes only it.
 */
export interface ActionPlanNode {
  readonly kind: 'actionsPlan';
  item: vscode.TreeItem;
  readonly parent: undefined;
  entry: PlanEntry;
}
/** An owner's row under a plan's, with that owner's actions. */
export interface ActionOwnerNode {
  readonly kind: 'actionsOwner';
  item: vscode.TreeItem;
  readonly parent: ActionPlanNode;
  entry: PlanEntry;
  actions: readonly PlacedAction[];
}
/** A plan's or an owner's row; action rows are PlanNodes. */
export type ActionGroupNode = ActionPlanNode | ActionOwnerNode;
export type ActionsViewNode = ActionGroupNode | PlanNode;

const OWNER_LABELS: Record<string, string> = { mentor: 'mentor', protege: 'protégé', both: 'both of us', '': 'no owner' };

export class ActionsViewProvider implements vscode.TreeDataProvider<ActionsViewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ActionsViewNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  /**
   * The plan rows the view last listed, by plan URI; undefined until it lists them. A change of
   * one plan at 1,000 plans rebuilt all 1,000 rows (300 ms of the host per keystroke).
   */
  private roots: Map<string, ActionPlanNode> | undefined;
  /** How many plans there were when the rows were built: a row names its folder only when there are several. */
  private rootsPlanCount = 0;

  constructor(
    private readonly store: PlanStore,
    private readonly identity: Pick<Identity, 'knownSide'>,
  ) {
    this.subscription = store.onDidChange((uris) => this.plansChanged(uris));
  }

  /** Plans that changed while a scan runs: their rows are refreshed when it ends, not batch by batch. */
  private readonly changedDuringScan = new Map<string, vscode.Uri>();

  /** Rebuilds the view: who the user is became known or changed, so "Mine" moves. Rows of unchanged plans are kept. */
  refresh(): void {
    this.changed.fire(undefined);
  }

  /**
   * Refreshes the rows of the changed plans only, when each keeps its row (it had open actions and
   * still has); a plan gaining or losing its row, or plans coming or going, rebuilds the list.
   */
  private plansChanged(uris: readonly vscode.Uri[]): void {
    const scan = this.store.lastScan;
    if (scan && scan.endedAt === undefined) {
      // During a scan the rows wait for its end (as the list does: getChildren awaits it).
      const waiting = this.changedDuringScan.size > 0;
      for (const uri of uris) this.changedDuringScan.set(uri.toString(), uri);
      if (!waiting) {
        void this.store.ready().then(() => {
          const changed = [...this.changedDuringScan.values()];
          this.changedDuringScan.clear();
          this.plansChanged(changed);
        });
      }
      return;
    }
    const roots = this.roots;
    if (!roots || this.store.size !== this.rootsPlanCount) {
      this.refresh();
      return;
    }
    const refreshed: ActionPlanNode[] = [];
    for (const uri of uris) {
      const node = roots.get(uri.toString());
      const entry = this.store.get(uri);
      // Checked again with the same text on the same day (a rescan after a rule was turned off):
      // its actions and their lines are as shown. At 1,000 plans, refreshing every row then froze
      // the workbench for ~250 ms.
      if (node && entry && sameTextAndDay(node.entry, entry)) {
        node.entry = entry;
        continue;
      }
      const open = entry?.digest.openActions ?? 0;
      if (!node || !entry || open === 0) {
        if (!node && open === 0) continue;
        this.refresh();
        return;
      }
      this.fillPlanRow(node, entry);
      refreshed.push(node);
    }
    if (refreshed.length > 0) this.changed.fire(refreshed);
  }

  private fillPlanRow(node: ActionPlanNode, entry: PlanEntry): void {
    const { title, openActions, overdueActions } = entry.digest;
    // Expanded, each plan row would have its owners' and actions' rows built too: thousands at 1,000 plans.
    const item = new vscode.TreeItem(title ?? entry.uri.path.split('/').pop() ?? entry.uri.path, this.store.size <= PLANS_SHOWN_EXPANDED ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `actions:${entry.uri.toString()}`;
    item.description = [vscode.l10n.t('{0} open', openActions), overdueActions ? vscode.l10n.t('{0} overdue', overdueActions) : undefined, this.store.size > 1 ? vscode.workspace.asRelativePath(entry.uri) : undefined].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon('mortar-board');
    item.contextValue = 'actionsPlan';
    node.item = item;
    node.entry = entry;
  }

  getTreeItem(node: ActionsViewNode): vscode.TreeItem {
    return node.item;
  }

  /** An action row's click is resolved only when it is clicked (or hovered): rows never ask a plan for positions. */
  resolveTreeItem(item: vscode.TreeItem, node: ActionsViewNode): vscode.TreeItem {
    return node.kind === 'action' ? resolveClick(node) : item;
  }

  getParent(node: ActionsViewNode): ActionsViewNode | undefined {
    return node.parent as ActionsViewNode | undefined;
  }

  async getChildren(node?: ActionsViewNode): Promise<ActionsViewNode[]> {
    if (!node) {
      await this.store.ready();
      const plans = this.store.all();
      // Rows of plans that did not change since the last listing are kept as they are.
      const previous = this.rootsPlanCount === plans.length ? this.roots : undefined;
      const roots = new Map<string, ActionPlanNode>();
      for (const entry of plans) {
        const key = entry.uri.toString();
        const known = previous?.get(key);
        if (known && sameTextAndDay(known.entry, entry)) {
          known.entry = entry;
          roots.set(key, known);
          continue;
        }
        if (entry.digest.openActions === 0) continue;
        const row: ActionPlanNode = { kind: 'actionsPlan', item: new vscode.TreeItem(''), parent: undefined, entry };
        this.fillPlanRow(row, entry);
        roots.set(key, row);
      }
      this.roots = roots;
      this.rootsPlanCount = plans.length;
      return [...roots.values()];
    }
    if (node.kind === 'actionsPlan') {
      const me = this.identity.knownSide(node.entry.uri, node.entry.digest.contacts);
      const open = openActionsByDue(node.entry.result.plan, node.entry.today);
      return actionsByOwner(open, me).map(({ owner, actions }): ActionOwnerNode => {
        const label = OWNER_LABELS[owner] ?? owner;
        const item = new vscode.TreeItem(me && owner === me ? vscode.l10n.t('Mine ({0})', label) : label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `actions:${node.entry.uri.toString()}#owner:${owner}`;
        item.description = String(actions.length);
        item.iconPath = new vscode.ThemeIcon(owner === 'both' ? 'organization' : 'person');
        item.contextValue = 'actionsOwner';
        return { kind: 'actionsOwner', item, parent: node, entry: node.entry, actions };
      });
    }
    if (node.kind === 'actionsOwner') return node.actions.map((placed) => this.actionNode(node, placed));
    return [];
  }

  private actionNode(parent: ActionGroupNode, placed: PlacedAction): PlanNode {
    const { entry } = parent;
    const sessionId = textOf(placed.session.id);
    const path = ['sessions', placed.sessionIndex, 'actions', placed.actionIndex];
    const item = new vscode.TreeItem(String(placed.action.text), vscode.TreeItemCollapsibleState.None);
    item.id = `actions:${entry.uri.toString()}#${sessionId ?? placed.sessionIndex}/action:${placed.actionIndex}`;
    const overdue = placed.daysOverdue !== undefined;
    item.iconPath = overdue ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('circle-large-outline');
    const due = textOf(placed.action.due);
    item.description = [due && vscode.l10n.t('due {0}', due), overdue ? vscode.l10n.t('overdue {0} days', placed.daysOverdue ?? 0) : undefined, sessionId].filter(Boolean).join(' · ');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(String(placed.action.text));
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText(vscode.l10n.t('From session {0} ({1}).', sessionId ?? '?', textOf(placed.session.date) ?? '?'));
    item.tooltip = tooltip;
    // The Plans view's menus and Toggle Action Done read these, so the row toggles like the Plans view's.
    item.contextValue = 'action.open';
    return { kind: 'action', uri: entry.uri, path, item, parent: undefined, sessionId, actionIndex: placed.actionIndex, done: false, snapshot: entry, planCount: this.store.size };
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

export function registerActionsView(context: vscode.ExtensionContext, { store, identity }: Services): ActionsViewProvider {
  const provider = new ActionsViewProvider(store, identity);
  context.subscriptions.push(provider, vscode.window.createTreeView(ACTIONS_VIEW_ID, { treeDataProvider: provider }));
  return provider;
}
