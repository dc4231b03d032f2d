// The Mentoring view's data: one node per plan (grouped by folder in large workspaces), children
// built only when a node is expanded, tooltips only on hover. A change to a plan refreshes that
// plan's node alone; the whole tree is refreshed only when the list of plans (or the grouping)
// changes. Plan and folder nodes are kept per plan/folder (the same object across refreshes),
// because VS Code finds the row to refresh by the element object it was given.
//
// Why not refresh the whole tree on any change (as before): a full refresh makes the extension host
// forget every row handle it gave out, while the workbench may still be fetching the children of
// expanded rows by those handles; such a fetch is answered with no children ("No tree item with
// id"), and the workbench shows an expanded plan with nothing under it (issue 15: the UI test that
// waits for a goal under an expanded plan failed about one run in six). A per-plan refresh keeps
// every other handle valid, and the refreshed plan's handle stays the same (stable ids).
import * as vscode from 'vscode';
import { COMMANDS, HAS_PLANS_CONTEXT, PLAN_FILTER_CONTEXT, TREE_VIEW_ID } from '../command-ids';
import { sameTextAndDay } from '../plan-store';
import type { PlanEntry, PlanStore } from '../plan-store';
import type { Feature } from '../services';
import { agreementChildren } from './agreement-rows';
import { NodeBuilder, PLANS_SHOWN_EXPANDED, resolveClick } from './nodes';
import type { PlanNode } from './nodes';
import { planFilter, planFilters } from './plan-filter';
import type { MinePredicate, PlanFilter, PlanFilterId } from './plan-filter';
import { byMentorshipStatus } from './relationship-rows';

const REFRESH_COALESCE_MS = 30;
/** Above this many plans (after the filter), plans are grouped by the folder that holds them. */
export const GROUP_BY_FOLDER_ABOVE = 20;

/** A folder of plans, shown when the workspace holds many. */
export interface FolderNode {
  readonly kind: 'folder';
  /** The folder's path relative to the workspace ('' for plans at a workspace root). */
  readonly key: string;
  readonly uri: vscode.Uri;
  readonly item: vscode.TreeItem;
}

export type TreeElement = PlanNode | FolderNode;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What the tree last handed out: the root's element keys and each folder's plans. */
interface Shown {
  root: string[] | undefined;
  folders: Map<string, string[]>;
}

export class PlanTreeProvider implements vscode.TreeDataProvider<TreeElement>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeElement | TreeElement[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private pending: ReturnType<typeof setTimeout> | undefined;
  /** The plans changed since the last flush, by key. */
  private readonly changedUris = new Map<string, vscode.Uri>();
  private readonly planNodes = new Map<string, Mutable<PlanNode>>();
  private readonly folderNodes = new Map<string, FolderNode>();
  private shown: Shown = { root: undefined, folders: new Map() };
  /** The plans the filter admitted when the root's rows were last worked out, with each one's status rank (its place). */
  private listed = new Map<string, number>();
  /** How many plans the store knew then. */
  private listedOf = 0;
  private filter: PlanFilter = planFilter('all');

  constructor(
    private readonly store: PlanStore,
    /** "Mine" in the filter: plans where the user's side is known (identity.ts). */
    readonly mine?: MinePredicate,
  ) {
    // Several plans can change in one burst (a scan batch, a rename); one refresh covers them all.
    this.subscription = store.onDidChange((uris) => {
      for (const uri of uris) this.changedUris.set(uri.toString(), uri);
      if (this.pending !== undefined) return;
      this.pending = setTimeout(() => this.flush(), REFRESH_COALESCE_MS);
    });
  }

  /** Rebuilds every row (the Refresh command, a new filter). */
  refresh(): void {
    this.changed.fire(undefined);
  }

  get filterId(): PlanFilterId {
    return this.filter.id;
  }

  /** The filter's label while it hides plans, else undefined. */
  get filterLabel(): string | undefined {
    return this.filter.id === 'all' ? undefined : this.filter.label;
  }

  setFilter(id: PlanFilterId): void {
    this.filter = planFilter(id, this.mine);
    this.refresh();
  }

  /** The node of a plan as the view shows it (undefined when the filter hides it or it is unknown). */
  nodeOf(uri: vscode.Uri): PlanNode | undefined {
    const entry = this.store.get(uri);
    if (!entry || !this.filter.matches(entry)) return undefined;
    // An existing node keeps its snapshot: only a refresh moves it on (flush compares against it).
    return this.planNodes.get(uri.toString()) ?? this.planNodeFor(entry, this.visible().length);
  }

  getTreeItem(element: TreeElement): vscode.TreeItem {
    if (element.kind === 'plan') {
      // Built afresh from the plan's latest check: a per-plan refresh calls this with the same node.
      const built = new NodeBuilder(element.snapshot, element.planCount).planNode();
      const node = element as Mutable<PlanNode>;
      node.item = built.item;
      node.tooltip = built.tooltip;
      return built.item;
    }
    return element.item;
  }

  resolveTreeItem(item: vscode.TreeItem, element: TreeElement): vscode.TreeItem {
    if (element.kind !== 'folder' && element.tooltip) item.tooltip = element.tooltip();
    if (element.kind !== 'folder') resolveClick(element);
    return item;
  }

  getParent(element: TreeElement): TreeElement | undefined {
    if (element.kind === 'folder') return undefined;
    if (element.kind === 'plan') return this.grouped() ? this.folderNodes.get(folderKey(element.uri)) : undefined;
    return element.parent;
  }

  async getChildren(element?: TreeElement): Promise<TreeElement[]> {
    if (!element) {
      // Waiting for the scan's first plans keeps the welcome view from flashing up while plans are found.
      await this.store.someReady();
      const plans = this.listRoot();
      if (plans.length > GROUP_BY_FOLDER_ABOVE) {
        const folders = groupByFolder(plans);
        this.shown = { root: [...folders.keys()].map((key) => `folder:${key}`), folders: new Map() };
        return [...folders.keys()].map((key) => this.folderNodeFor(key, folders.get(key)?.length ?? 0));
      }
      this.shown = { root: plans.map((entry) => entry.uri.toString()), folders: new Map() };
      return plans.map((entry) => this.planNodeFor(entry, plans.length));
    }
    if (element.kind === 'folder') {
      const all = this.visible();
      const plans = all.filter((entry) => folderKey(entry.uri) === element.key);
      this.shown.folders.set(element.key, plans.map((entry) => entry.uri.toString()));
      return plans.map((entry) => this.planNodeFor(entry, all.length));
    }
    // Children come from the node's snapshot, not the store: a check that landed in between would
    // shift indices; the refresh it fires rebuilds this plan's rows anyway.
    const builder = new NodeBuilder(element.snapshot, element.planCount);
    switch (element.kind) {
      case 'plan':
        return builder.planChildren(element);
      case 'goals':
        return builder.goalNodes(element);
      case 'sessions':
        return builder.sessionNodes(element);
      case 'goal':
        return builder.milestoneNodes(element);
      case 'session':
        return builder.sessionChildren(element);
      case 'agreement':
        return agreementChildren(element);
      default:
        return [];
    }
  }

  /** Refreshes what the changed plans touch: their own rows, a folder whose plans changed, or the root when the list of plans did. */
  private flush(): void {
    this.pending = undefined;
    const changedUris = [...this.changedUris.values()];
    const changed = [...this.changedUris.keys()];
    this.changedUris.clear();
    if (this.shown.root === undefined) return; // nothing handed out yet: the first getChildren builds from the store
    // A keystroke or a save changes a plan already listed and seldom where it stands: when no plan
    // came or went and each changed one keeps its place (its status) and the filter's verdict, the
    // rows are the same list, and only their own are refreshed. At 1,000 plans, listing, filtering
    // and sorting every plan again cost more than the keystroke's own rows.
    if (this.store.size === this.listedOf && changedUris.every((uri) => this.keepsItsPlace(uri))) {
      this.refreshRows(changed, this.grouped(), new Set());
      return;
    }
    const plans = this.listRoot();
    const grouped = plans.length > GROUP_BY_FOLDER_ABOVE;
    const folders = grouped ? groupByFolder(plans) : undefined;
    const root = folders ? [...folders.keys()].map((key) => `folder:${key}`) : plans.map((entry) => entry.uri.toString());
    if (!sameList(root, this.shown.root) || (!grouped && plans.some((entry) => this.planNodes.get(entry.uri.toString())?.planCount !== plans.length))) {
      this.changed.fire(undefined);
      return;
    }
    const refresh: TreeElement[] = [];
    const refreshedFolders = new Set<string>();
    if (folders) {
      for (const [key, shownPlans] of this.shown.folders) {
        const now = (folders.get(key) ?? []).map((entry) => entry.uri.toString());
        if (sameList(now, shownPlans)) continue;
        const folder = this.folderNodeFor(key, now.length);
        refreshedFolders.add(key);
        refresh.push(folder);
      }
    }
    this.refreshRows(changed, grouped, refreshedFolders, refresh);
  }

  /** Whether a changed plan stays where the last listing put it: listed then and admitted now (or neither), with the same status rank. */
  private keepsItsPlace(uri: vscode.Uri): boolean {
    const entry = this.store.get(uri);
    if (!entry) return false;
    const rank = this.listed.get(uri.toString());
    if (!this.filter.matches(entry)) return rank === undefined;
    return rank === entry.digest.statusRank;
  }

  /** Refreshes the rows of the changed plans that show something new (and the folders already listed for refresh). */
  private refreshRows(changed: readonly string[], grouped: boolean, refreshedFolders: ReadonlySet<string>, refresh: TreeElement[] = []): void {
    for (const key of changed) {
      const node = this.planNodes.get(key);
      const entry = node && this.store.get(node.uri);
      if (!node || !entry || !this.filter.matches(entry)) continue;
      if (grouped && refreshedFolders.has(folderKey(node.uri))) continue;
      if (sameShown(node.snapshot, entry)) continue; // rechecked without a change (opened, rescanned)
      node.snapshot = entry;
      refresh.push(node);
    }
    if (refresh.length > 0) this.changed.fire(refresh);
  }

  private visible(): PlanEntry[] {
    // Active plans first; paused, then closed ones below them.
    return byMentorshipStatus(this.store.all().filter((entry) => this.filter.matches(entry)));
  }

  /** The plans the root's rows are worked out from, remembered for keepsItsPlace. */
  private listRoot(): PlanEntry[] {
    const plans = this.visible();
    this.listed = new Map(plans.map((entry) => [entry.uri.toString(), entry.digest.statusRank]));
    this.listedOf = this.store.size;
    return plans;
  }

  private grouped(): boolean {
    return (this.shown.root?.[0] ?? '').startsWith('folder:');
  }

  /** The plan's one node object, pointed at its latest check. */
  private planNodeFor(entry: PlanEntry, planCount: number): PlanNode {
    const key = entry.uri.toString();
    let node = this.planNodes.get(key);
    if (!node) {
      const built = new NodeBuilder(entry, planCount).planNode();
      node = { ...built };
      this.planNodes.set(key, node);
    }
    node.snapshot = entry;
    node.planCount = planCount;
    // Plans that are gone leave their node behind only until the next full listing.
    if (this.planNodes.size > this.store.size * 2) this.forgetStaleNodes();
    return node;
  }

  private forgetStaleNodes(): void {
    const known = new Set(this.store.all().map((entry) => entry.uri.toString()));
    for (const key of [...this.planNodes.keys()]) if (!known.has(key)) this.planNodes.delete(key);
  }

  private folderNodeFor(key: string, count: number): FolderNode {
    let node = this.folderNodes.get(key);
    if (!node) {
      const item = new vscode.TreeItem(key === '' ? vscode.l10n.t('(workspace root)') : key, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `folder:${key}`;
      item.iconPath = vscode.ThemeIcon.Folder;
      item.contextValue = 'folder';
      node = { kind: 'folder', key, uri: vscode.Uri.parse(`mentoring-folder:/${key}`), item };
      this.folderNodes.set(key, node);
    }
    node.item.description = vscode.l10n.t('{0} plans', count);
    return node;
  }

  dispose(): void {
    if (this.pending !== undefined) clearTimeout(this.pending);
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** Each plan's folder key, asked of every plan on each refresh; forgotten when the workspace folders change. */
const folderKeys = new Map<string, string>();

/** The folder a plan is grouped under: its directory relative to the workspace. */
function folderKey(uri: vscode.Uri): string {
  const cacheKey = uri.toString();
  let key = folderKeys.get(cacheKey);
  if (key === undefined) {
    // The workspace folder's name leads only in a multi-root workspace.
    const relative = vscode.workspace.asRelativePath(uri);
    const slash = relative.lastIndexOf('/');
    key = slash === -1 ? '' : relative.slice(0, slash);
    folderKeys.set(cacheKey, key);
  }
  return key;
}

function groupByFolder(plans: readonly PlanEntry[]): Map<string, PlanEntry[]> {
  const folders = new Map<string, PlanEntry[]>();
  for (const entry of plans) {
    const key = folderKey(entry.uri);
    const list = folders.get(key) ?? [];
    list.push(entry);
    folders.set(key, list);
  }
  return folders;
}

/** Whether a plan's row and children would look the same from either check: same text, date and problem count. */
function sameShown(a: PlanEntry, b: PlanEntry): boolean {
  return sameTextAndDay(a, b) && a.result.issues.length === b.result.issues.length;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

export const registerTree: Feature<PlanTreeProvider> = (context, { store, identity }) => {
  const tree = new PlanTreeProvider(store, (entry) => identity.knownSide(entry.uri, entry.digest.contacts) !== undefined);
  const view = vscode.window.createTreeView(TREE_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  // Menus and the command palette offer plan commands only when there is a plan to act on.
  let hasPlans: boolean | undefined;
  const updateContext = () => {
    const now = store.size > 0;
    if (now !== hasPlans) void vscode.commands.executeCommand('setContext', HAS_PLANS_CONTEXT, (hasPlans = now));
  };
  const showFilter = () => {
    view.description = tree.filterLabel;
    void vscode.commands.executeCommand('setContext', PLAN_FILTER_CONTEXT, tree.filterId);
  };
  // With many plans each starts collapsed: the one in the active editor is opened for the user.
  const revealActive = () => {
    const document = vscode.window.activeTextEditor?.document;
    if (!view.visible || !document || store.size <= PLANS_SHOWN_EXPANDED) return;
    const node = tree.nodeOf(document.uri);
    if (node) void Promise.resolve(view.reveal(node, { expand: true, select: false, focus: false })).catch(() => undefined);
  };
  context.subscriptions.push(
    tree,
    view,
    vscode.workspace.onDidChangeWorkspaceFolders(() => folderKeys.clear()),
    store.onDidChange(updateContext),
    // The view shows the scan's progress (a bar under its title) while plans are found and checked.
    store.onDidStartScan((scan) => void vscode.window.withProgress({ location: { viewId: TREE_VIEW_ID } }, () => scan)),
    vscode.window.onDidChangeActiveTextEditor(revealActive),
    view.onDidChangeVisibility(revealActive),
    vscode.commands.registerCommand(COMMANDS.filterPlans, async () => {
      const picked = await vscode.window.showQuickPick(
        planFilters(tree.mine).map((filter) => ({ label: filter.label, detail: filter.detail, id: filter.id, picked: filter.id === tree.filterId })),
        { placeHolder: vscode.l10n.t('Show which plans?') },
      );
      if (!picked) return;
      tree.setFilter(picked.id);
      showFilter();
    }),
  );
  showFilter();
  void store.someReady().then(updateContext);
  void store.ready().then(() => {
    updateContext();
    revealActive();
  });
  return tree;
};
