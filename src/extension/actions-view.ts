// The Actions view (issue 11, "learning transfer"): every open action across the workspace's
// plans, grouped by plan and then by owner (the user's own first), soonest due first, overdue ones
// marked in a theme colour. Action rows are the plan tree's action nodes, so Toggle Action Done
// edits their session exactly as it does from the Plans view; a click reveals the action's line,
// found only then (rows are built from the plan's values, so no closed plan is parsed for them).
import * as vscode from 'vscode';
import { actionsByOwner, openActionsByDue, textOf } from '../core/plan-facts';
import type { PlacedAction } from '../core/plan-facts';
import { ACTIONS_VIEW_ID } from './command-ids';
import type { PlanEntry, PlanStore } from './plan-store';
import type { Services } from './services';
import type { PlanNode } from './tree/nodes';
import { resolveClick } from './tree/nodes';
import type { Identity } from './identity';

/** A plan's or an owner's row; action rows are PlanNodes. */
export interface ActionGroupNode {
  readonly kind: 'actionsPlan' | 'actionsOwner';
  readonly item: vscode.TreeItem;
  readonly parent: ActionGroupNode | undefined;
  readonly entry: PlanEntry;
  readonly actions: readonly PlacedAction[];
}
export type ActionsViewNode = ActionGroupNode | PlanNode;

const OWNER_LABELS: Record<string, string> = { mentor: 'mentor', protege: 'protégé', both: 'both of us', '': 'no owner' };

export class ActionsViewProvider implements vscode.TreeDataProvider<ActionsViewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly store: PlanStore,
    private readonly identity: Pick<Identity, 'knownSide'>,
  ) {
    this.subscription = store.onDidChange(() => this.changed.fire(undefined));
  }

  /** Rebuilds the view: who the user is became known or changed, so "Mine" moves. */
  refresh(): void {
    this.changed.fire(undefined);
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
      return plans.flatMap((entry) => {
        const actions = openActionsByDue(entry.result.plan, entry.today);
        if (actions.length === 0) return [];
        const title = textOf(entry.result.plan?.mentorship?.title) ?? entry.uri.path.split('/').pop() ?? entry.uri.path;
        const item = new vscode.TreeItem(title, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `actions:${entry.uri.toString()}`;
        const overdue = actions.filter((placed) => placed.daysOverdue !== undefined).length;
        item.description = [vscode.l10n.t('{0} open', actions.length), overdue ? vscode.l10n.t('{0} overdue', overdue) : undefined, plans.length > 1 ? vscode.workspace.asRelativePath(entry.uri) : undefined].filter(Boolean).join(' · ');
        item.iconPath = new vscode.ThemeIcon('mortar-board');
        item.contextValue = 'actionsPlan';
        return [{ kind: 'actionsPlan' as const, item, parent: undefined, entry, actions }];
      });
    }
    if (node.kind === 'actionsPlan') {
      const me = this.identity.knownSide(node.entry.uri, node.entry.result.plan);
      return actionsByOwner(node.actions, me).map(({ owner, actions }) => {
        const label = OWNER_LABELS[owner] ?? owner;
        const item = new vscode.TreeItem(me && owner === me ? vscode.l10n.t('Mine ({0})', label) : label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `actions:${node.entry.uri.toString()}#owner:${owner}`;
        item.description = String(actions.length);
        item.iconPath = new vscode.ThemeIcon(owner === 'both' ? 'organization' : 'person');
        item.contextValue = 'actionsOwner';
        return { kind: 'actionsOwner' as const, item, parent: node, entry: node.entry, actions };
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
    return { kind: 'action', uri: entry.uri, path, item, parent: undefined, sessionId, actionIndex: placed.actionIndex, done: false, snapshot: entry, planCount: this.store.all().length };
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
