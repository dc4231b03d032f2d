// Builds the tree's nodes from one checked plan. Pure presentation: every item gets a stable id
// (plan uri + entry id, so expansion survives edits), a Markdown tooltip built only when the
// workbench asks for it (resolveTreeItem: hovering a row), and a click that reveals its line in
// the plan file.
import * as vscode from 'vscode';
import { rangeAt } from '../../core/parse';
import type { PlanPath } from '../../core/parse';
import type { Action, Goal, GoalStatus, HealthCheck, Milestone, Plan, Session } from '../../core/plan';
import { entries, isOpenAction, isOverdue, shownText } from '../../core/plan-facts';
import { SESSION_TYPE_LABELS } from '../../core/questions';
import { isReadable } from '../plan-store';
import type { PlanEntry } from '../plan-store';
import { toVsRange } from '../ranges';
import { agreementRow } from './agreement-rows';
import { privateNoteRows } from './private-rows';
import { appendMissingEvidence, appendPlanRelationship, decoratePlanItem, healthDescription, markMissingEvidence, relationshipRows } from './relationship-rows';

export type NodeKind = 'plan' | 'goals' | 'sessions' | 'goal' | 'milestone' | 'session' | 'agenda' | 'action' | 'health' | 'relationship' | 'privateNote' | 'agreement' | 'agreementItem';

/** Where a node's entry stands in its plan; commands from context menus read it. */
export interface PlanNode {
  readonly kind: NodeKind;
  readonly uri: vscode.Uri;
  readonly path: PlanPath;
  readonly item: vscode.TreeItem;
  readonly parent: PlanNode | undefined;
  /** Builds the row's tooltip; called on hover (resolveTreeItem), never for rows nobody points at. */
  readonly tooltip?: () => vscode.MarkdownString;
  readonly goalId?: string;
  readonly sessionId?: string;
  readonly actionIndex?: number;
  readonly done?: boolean;
  /** The check the node was built from; its children come from the same one, so they always agree with it. */
  readonly snapshot: PlanEntry;
  readonly planCount: number;
}

/** The argument of mentoringPlan.reveal: a plan and a range in it. */
export interface RevealTarget {
  uri: vscode.Uri;
  range: vscode.Range;
}

/** Goals needing attention come first, finished ones last. */
export const GOAL_STATUS_ORDER: readonly GoalStatus[] = ['at-risk', 'active', 'proposed', 'achieved', 'dropped'];

const GOAL_ICONS: Record<GoalStatus, [icon: string, color: string]> = {
  'at-risk': ['warning', 'charts.orange'],
  active: ['target', 'charts.blue'],
  proposed: ['circle-large-outline', 'descriptionForeground'],
  achieved: ['pass-filled', 'charts.green'],
  dropped: ['circle-slash', 'disabledForeground'],
};

/** Up to this many plans, each starts expanded; beyond, plans start collapsed (the active editor's plan is revealed). */
export const PLANS_SHOWN_EXPANDED = 5;

const Collapsed = vscode.TreeItemCollapsibleState.Collapsed;
const Expanded = vscode.TreeItemCollapsibleState.Expanded;
const None = vscode.TreeItemCollapsibleState.None;

export class NodeBuilder {
  constructor(
    private readonly entry: PlanEntry,
    private readonly planCount: number,
  ) {}

  private get plan(): Partial<Plan> | undefined {
    return this.entry.result.plan;
  }

  private node(kind: NodeKind, parent: PlanNode | undefined, path: PlanPath, idSuffix: string, item: vscode.TreeItem, extra: Partial<PlanNode> = {}): PlanNode {
    item.id = `${this.entry.uri.toString()}#${idSuffix}`;
    item.contextValue = kind;
    // A plan's row opens it at the top; other rows get their line only when clicked (resolveClick).
    if (path.length === 0) item.command = openAt(this.entry.uri, new vscode.Position(0, 0));
    return { kind, uri: this.entry.uri, path, item, parent, ...extra, snapshot: this.entry, planCount: this.planCount };
  }

  /** The plan's row, from its digest alone: listing every plan reads no plan's value (the tooltip reads it on hover). */
  planNode(): PlanNode {
    const digest = this.entry.digest;
    const fileName = this.entry.uri.path.split('/').pop() ?? this.entry.uri.path;
    const people = digest.protegeName && digest.mentorName ? vscode.l10n.t('{0} and {1}', digest.protegeName, digest.mentorName) : undefined;
    const title = digest.title ?? people ?? fileName;
    const readable = digest.hasPlan && isReadable(this.entry.result);
    const item = new vscode.TreeItem(title, readable ? (this.planCount <= PLANS_SHOWN_EXPANDED ? Expanded : Collapsed) : None);
    const status = digest.shownStatus;
    const where = this.planCount > 1 ? vscode.workspace.asRelativePath(this.entry.uri) : undefined;
    item.description = [readable ? status : vscode.l10n.t('cannot be read'), readable ? healthDescription(this.entry) : undefined, where].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(readable ? 'mortar-board' : 'error', readable ? undefined : new vscode.ThemeColor('problemsErrorIcon.foreground'));
    item.resourceUri = this.entry.uri;
    const tooltip = () => {
      const mentorship = this.plan?.mentorship;
      const md = markdown(title);
      if (people) md.appendText(`${people}\n\n`);
      line(md, vscode.l10n.t('Status'), status);
      line(md, vscode.l10n.t('Cadence'), shownText(mentorship?.cadence));
      line(md, vscode.l10n.t('Started'), shownText(mentorship?.started));
      line(md, vscode.l10n.t('Expected end'), shownText(mentorship?.expectedEnd));
      line(md, vscode.l10n.t('File'), vscode.workspace.asRelativePath(this.entry.uri));
      const problems = this.entry.result.issues.length;
      if (problems > 0) line(md, vscode.l10n.t('Problems'), String(problems));
      appendPlanRelationship(md, this.entry);
      return md;
    };
    decoratePlanItem(item, this.entry);
    return this.node('plan', undefined, [], 'plan', item, { tooltip });
  }

  planChildren(parent: PlanNode): PlanNode[] {
    if (!this.plan) return [];
    const goals = entries<Goal>(this.plan.goals);
    const sessions = entries<Session>(this.plan.sessions);
    const goalsItem = new vscode.TreeItem(vscode.l10n.t('Goals'), goals.length ? Expanded : None);
    goalsItem.description = String(goals.length);
    goalsItem.iconPath = new vscode.ThemeIcon('target');

    const sessionsItem = new vscode.TreeItem(vscode.l10n.t('Sessions'), sessions.length ? Expanded : None);
    sessionsItem.description = String(sessions.length);
    sessionsItem.iconPath = new vscode.ThemeIcon('calendar');
    const relationship = relationshipRows(this.entry, (kind, path, idSuffix, item) => this.node(kind, parent, path, idSuffix, item));
    return [
      ...relationship,
      ...agreementRow(this.entry, parent),
      this.node('goals', parent, ['goals'], 'goals', goalsItem, {
        tooltip: () => markdown(vscode.l10n.t('Goals'), vscode.l10n.t('{0} goals: what the protégé wants to reach, with success criteria and milestones.', goals.length)),
      }),
      this.node('sessions', parent, ['sessions'], 'sessions', sessionsItem, {
        tooltip: () => markdown(vscode.l10n.t('Sessions'), vscode.l10n.t('{0} sessions, upcoming first, then the past ones, latest first.', sessions.length)),
      }),
      ...privateNoteRows(this.entry, parent),
    ];
  }

  goalNodes(parent: PlanNode): PlanNode[] {
    const ids = new Set<string>();
    const rank = (status: unknown) => {
      const index = GOAL_STATUS_ORDER.indexOf(status as GoalStatus);
      return index === -1 ? GOAL_STATUS_ORDER.length : index;
    };
    return entries<Goal>(this.plan?.goals)
      .sort((a, b) => rank(a.item.status) - rank(b.item.status) || a.index - b.index)
      .map(({ item: goal, index }) => {
        const id = shownText(goal.id);
        const milestones = entries<Milestone>(goal.milestones);
        const item = new vscode.TreeItem(shownText(goal.title) ?? id ?? vscode.l10n.t('Goal {0}', index + 1), milestones.length ? Collapsed : None);
        const status = goal.status as GoalStatus;
        const [icon, color] = GOAL_ICONS[status] ?? ['circle-large-outline', 'descriptionForeground'];
        item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
        const done = milestones.filter(({ item: m }) => m.done === true).length;
        const parts = [shownText(goal.status)];
        if (milestones.length) parts.push(vscode.l10n.t('{0}/{1} milestones', done, milestones.length));
        if (shownText(goal.target)) parts.push(vscode.l10n.t('target {0}', String(goal.target)));
        item.description = parts.filter(Boolean).join(' · ');
        const tooltip = () => {
          const md = markdown(shownText(goal.title) ?? id ?? '');
          line(md, vscode.l10n.t('Id'), id);
          line(md, vscode.l10n.t('Status'), shownText(goal.status));
          line(md, vscode.l10n.t('Kind'), shownText(goal.kind));
          line(md, vscode.l10n.t('Target'), shownText(goal.target));
          line(md, vscode.l10n.t('Why it matters'), shownText(goal.why));
          bullets(md, vscode.l10n.t('Success looks like'), strings(goal.success));
          bullets(md, vscode.l10n.t('Milestones'), milestones.map(({ item: m }) => `${m.done === true ? '☑' : '☐'} ${shownText(m.text) ?? ''}`));
          bullets(md, vscode.l10n.t('Evidence'), strings(goal.evidence));
          appendMissingEvidence(md, goal);
          return md;
        };
        markMissingEvidence(item, goal);
        const key = uniqueKey(ids, `goal:${id ?? ''}`, index);
        return this.node('goal', parent, ['goals', index], key, item, { goalId: id, tooltip });
      });
  }

  milestoneNodes(parent: PlanNode): PlanNode[] {
    const goal = entryAt<Goal>(this.plan?.goals, parent.path[1]);
    return entries<Milestone>(goal?.milestones).map(({ item: milestone, index }) => {
      const done = milestone.done === true;
      const item = new vscode.TreeItem(shownText(milestone.text) ?? '', None);
      item.iconPath = new vscode.ThemeIcon(done ? 'pass-filled' : 'circle-large-outline', done ? new vscode.ThemeColor('charts.green') : undefined);
      item.description = done ? vscode.l10n.t('done') : undefined;
      const tooltip = () => markdown(shownText(milestone.text) ?? '', done ? vscode.l10n.t('Milestone reached.') : vscode.l10n.t('Milestone not reached yet.'));
      return this.node('milestone', parent, [...parent.path, 'milestones', index], `${parent.item.id?.split('#').pop() ?? ''}/milestone:${index}`, item, { tooltip });
    });
  }

  sessionNodes(parent: PlanNode): PlanNode[] {
    const today = this.entry.today;
    const ids = new Set<string>();
    const sessions = entries<Session>(this.plan?.sessions);
    const dateOf = (session: Partial<Session>) => shownText(session.date) ?? '';
    const upcoming = sessions.filter(({ item }) => dateOf(item) >= today).sort((a, b) => dateOf(a.item).localeCompare(dateOf(b.item)) || a.index - b.index);
    const past = sessions.filter(({ item }) => dateOf(item) < today).sort((a, b) => dateOf(b.item).localeCompare(dateOf(a.item)) || a.index - b.index);
    return [...upcoming, ...past].map(({ item: session, index }) => {
      const id = shownText(session.id);
      const isUpcoming = dateOf(session) >= today;
      const type = shownText(session.type);
      const typeLabel = type && type in SESSION_TYPE_LABELS ? SESSION_TYPE_LABELS[type as keyof typeof SESSION_TYPE_LABELS] : (type ?? id ?? vscode.l10n.t('Session'));
      const actions = entries<Action>(session.actions);
      const hasChildren = strings(session.agenda).length > 0 || actions.length > 0 || isObject(session.health);
      const item = new vscode.TreeItem(typeLabel, hasChildren ? Collapsed : None);
      item.description = [dateOf(session), isUpcoming ? vscode.l10n.t('upcoming') : undefined].filter(Boolean).join(' · ');
      item.iconPath = new vscode.ThemeIcon(isUpcoming ? 'calendar' : 'history', isUpcoming ? new vscode.ThemeColor('charts.blue') : undefined);
      const tooltip = () => {
        const open = actions.filter(({ item: action }) => isOpenAction(action)).length;
        const md = markdown(`${typeLabel} · ${dateOf(session)}`);
        line(md, vscode.l10n.t('Id'), id);
        line(md, vscode.l10n.t('Goals'), strings(session.goals).join(', ') || undefined);
        bullets(md, vscode.l10n.t('Agenda'), strings(session.agenda));
        if (actions.length) line(md, vscode.l10n.t('Actions'), vscode.l10n.t('{0} of {1} open', open, actions.length));
        line(md, vscode.l10n.t('Notes'), shownText(session.notes));
        return md;
      };
      const key = uniqueKey(ids, `session:${id ?? ''}`, index);
      return this.node('session', parent, ['sessions', index], key, item, { sessionId: id, tooltip });
    });
  }

  sessionChildren(parent: PlanNode): PlanNode[] {
    const sessionIndex = parent.path[1];
    const session = entryAt<Session>(this.plan?.sessions, sessionIndex);
    if (!session) return [];
    const base = parent.item.id?.split('#').pop() ?? '';
    const nodes: PlanNode[] = [];
    const agenda = Array.isArray(session.agenda) ? session.agenda : [];
    agenda.forEach((question, index) => {
      if (typeof question !== 'string') return;
      const item = new vscode.TreeItem(question, None);
      item.iconPath = new vscode.ThemeIcon('question');
      const tooltip = () => markdown(vscode.l10n.t('Agenda question'), question);
      nodes.push(this.node('agenda', parent, [...parent.path, 'agenda', index], `${base}/agenda:${index}`, item, { tooltip }));
    });
    for (const { item: action, index } of entries<Action>(session.actions)) {
      const done = action.done === true;
      const overdue = isOverdue(action, this.entry.today);
      const item = new vscode.TreeItem(shownText(action.text) ?? '', None);
      item.iconPath = done
        ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('charts.green'))
        : new vscode.ThemeIcon(overdue ? 'warning' : 'circle-large-outline', overdue ? new vscode.ThemeColor('charts.orange') : undefined);
      const parts = [shownText(action.owner), shownText(action.due) && vscode.l10n.t('due {0}', String(action.due)), done ? vscode.l10n.t('done') : overdue ? vscode.l10n.t('overdue') : undefined];
      item.description = parts.filter(Boolean).join(' · ');
      const tooltip = () => {
        const md = markdown(shownText(action.text) ?? '');
        line(md, vscode.l10n.t('Owner'), shownText(action.owner));
        line(md, vscode.l10n.t('Due'), shownText(action.due));
        line(md, vscode.l10n.t('Done'), done ? vscode.l10n.t('yes') : vscode.l10n.t('no'));
        return md;
      };
      const node = this.node('action', parent, [...parent.path, 'actions', index], `${base}/action:${index}`, item, { sessionId: parent.sessionId, actionIndex: index, done, tooltip });
      // Menus show "mark done" or "mark open" by this value.
      item.contextValue = done ? 'action.done' : 'action.open';
      nodes.push(node);
    }
    if (isObject(session.health)) {
      const health = session.health as HealthCheck;
      const item = new vscode.TreeItem(vscode.l10n.t('Health check-in'), None);
      item.iconPath = new vscode.ThemeIcon('heart');
      const ratings = [
        health.mentor !== undefined ? vscode.l10n.t('mentor {0}/5', String(health.mentor)) : undefined,
        health.protege !== undefined ? vscode.l10n.t('protégé {0}/5', String(health.protege)) : undefined,
      ].filter(Boolean);
      item.description = ratings.join(' · ');
      const tooltip = () => {
        const md = markdown(vscode.l10n.t('Health check-in'), vscode.l10n.t('How each of you rates the relationship (1-5), rated separately.'));
        line(md, vscode.l10n.t('Mentor'), health.mentor !== undefined ? String(health.mentor) : undefined);
        line(md, vscode.l10n.t('Protégé'), health.protege !== undefined ? String(health.protege) : undefined);
        line(md, vscode.l10n.t('Note'), shownText(health.note));
        return md;
      };
      nodes.push(this.node('health', parent, [...parent.path, 'health'], `${base}/health`, item, { tooltip }));
    }
    return nodes;
  }
}

/**
 * A row's click: `vscode.open` at the entry's first line. An API command travels with its
 * arguments to the workbench; a command of ours with arguments would be a handle into the
 * extension host's cache, which every refresh of the tree empties while the workbench still shows
 * the old rows: clicking one then failed with "Actual command not found" (issue 9, defect 9).
 */
export function openAt(uri: vscode.Uri, position: vscode.Position): vscode.Command {
  const options: vscode.TextDocumentShowOptions = { selection: new vscode.Range(position, position), preserveFocus: false };
  return { command: 'vscode.open', title: vscode.l10n.t('Reveal in Plan File'), arguments: [uri, options] };
}

/**
 * Gives a row its click (openAt its entry's line, in the check the row was built from) when the
 * workbench asks: resolveTreeItem, on a click or hover of that row. Rows are built without
 * positions, so views never parse a closed plan again for rows nobody points at.
 */
export function resolveClick(node: Pick<PlanNode, 'uri' | 'path' | 'item' | 'snapshot'>): vscode.TreeItem {
  node.item.command ??= openAt(node.uri, node.path.length === 0 ? new vscode.Position(0, 0) : toVsRange(rangeAt(node.snapshot.result.parsed, node.path)).start);
  return node.item;
}

function uniqueKey(seen: Set<string>, key: string, index: number): string {
  // Two entries with one id (a duplicate-id finding) must still get distinct tree ids.
  const unique = seen.has(key) ? `${key}@${index}` : key;
  seen.add(key);
  return unique;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function isObject(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function entryAt<T>(value: unknown, index: string | number | undefined): Partial<T> | undefined {
  return Array.isArray(value) && typeof index === 'number' && isObject(value[index]) ? (value[index] as Partial<T>) : undefined;
}

/** A tooltip with a bold heading; user text goes through appendText so it cannot inject Markdown. */
function markdown(heading: string, body?: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**');
  md.appendText(heading);
  md.appendMarkdown('**\n\n');
  if (body) md.appendText(`${body}\n\n`);
  return md;
}

function line(md: vscode.MarkdownString, label: string, value: string | undefined): void {
  if (value === undefined) return;
  md.appendMarkdown('*');
  md.appendText(label);
  md.appendMarkdown(':* ');
  md.appendText(value);
  md.appendMarkdown('  \n');
}

function bullets(md: vscode.MarkdownString, label: string, items: readonly string[]): void {
  if (items.length === 0) return;
  md.appendMarkdown('\n*');
  md.appendText(label);
  md.appendMarkdown(':*\n');
  for (const entry of items) {
    md.appendMarkdown('- ');
    md.appendText(entry);
    md.appendMarkdown('\n');
  }
  md.appendMarkdown('\n');
}
