// What the Mentoring view shows of the relationship over time (issue 11): the health trend on the
// plan's row, paused/closed plans marked (and sorted below active ones), a row offering a
// health-check session when ratings decline or a closure when every goal is settled, and achieved
// goals that have no evidence of transfer yet. nodes.ts calls these; the rows' logic lives here.
import * as vscode from 'vscode';
import type { PlanIssue } from '../../core/issues';
import type { PlanPath } from '../../core/parse';
import type { Goal } from '../../core/plan';
import { isReadable } from '../plan-store';
import type { PlanEntry } from '../plan-store';
import type { NodeKind, PlanNode } from './nodes';

const SIDE_LABELS = { mentor: 'mentor', protege: 'protégé' } as const;

/** "health mentor ▂▄▆ 4/5, protégé ▄▄ 3/5" from the ratings up to today; undefined before any. */
export function healthDescription(entry: PlanEntry): string | undefined {
  const trend = entry.digest.health;
  if (trend.length === 0) return undefined;
  return `${vscode.l10n.t('health')} ${trend.map(({ side, spark, latest }) => `${SIDE_LABELS[side]} ${spark} ${latest}/5`).join(', ')}`;
}

function issuesOf(entry: PlanEntry, code: string): PlanIssue[] {
  return entry.result.issues.filter((issue) => issue.code === code);
}

/** Marks the plan's row: paused or closed by its icon, declining health by a warning icon and the rule's words. */
/** The plan row's icon: a warning while health declines, else paused or closed. */
export function decoratePlanItem(item: vscode.TreeItem, entry: PlanEntry): void {
  if (!entry.digest.hasPlan || !isReadable(entry.result)) return;
  const status = entry.digest.status;
  if (issuesOf(entry, 'health-declining').length) item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('charts.orange'));
  else if (status === 'paused') item.iconPath = new vscode.ThemeIcon('debug-pause', new vscode.ThemeColor('disabledForeground'));
  else if (status === 'closed') item.iconPath = new vscode.ThemeIcon('archive', new vscode.ThemeColor('disabledForeground'));
}

/** The plan row's tooltip lines about the relationship (built on hover, like the rest of the tooltip). */
export function appendPlanRelationship(tooltip: vscode.MarkdownString, entry: PlanEntry): void {
  if (!entry.digest.hasPlan || !isReadable(entry.result)) return;
  const status = entry.digest.status;
  const health = healthDescription(entry);
  if (health) appendLine(tooltip, vscode.l10n.t('Relationship'), health);
  if (status === 'paused') appendLine(tooltip, vscode.l10n.t('Paused'), vscode.l10n.t('no cadence or overdue warnings until you resume'));
  if (status === 'closed') appendLine(tooltip, vscode.l10n.t('Closed'), vscode.l10n.t('kept for browsing; nothing is due'));
  for (const issue of issuesOf(entry, 'health-declining')) appendLine(tooltip, vscode.l10n.t('Health declining'), issue.message);
}

type MakeNode = (kind: NodeKind, path: PlanPath, idSuffix: string, item: vscode.TreeItem) => PlanNode;

/**
 * Rows under the plan offering the next step of the relationship: a health-check session when the
 * ratings decline, Close Mentorship when every goal is settled. Their inline buttons run the
 * commands (see package.json menus on the context values).
 */
export function relationshipRows(entry: PlanEntry, makeNode: MakeNode): PlanNode[] {
  const rows: PlanNode[] = [];
  const declining = issuesOf(entry, 'health-declining');
  if (declining.length) {
    const item = new vscode.TreeItem(vscode.l10n.t('Relationship health is declining'), vscode.TreeItemCollapsibleState.None);
    item.description = vscode.l10n.t('add a health-check session');
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('charts.orange'));
    item.tooltip = tooltipOf(vscode.l10n.t('Relationship health is declining'), declining.map((issue) => issue.message));
    rows.push(withContext(makeNode('relationship', pathOf(declining[0]), 'relationship:health', item), 'relationship.healthDeclining'));
  }
  const ready = issuesOf(entry, 'ready-to-close');
  if (ready.length) {
    const item = new vscode.TreeItem(vscode.l10n.t('Ready to close'), vscode.TreeItemCollapsibleState.None);
    item.description = vscode.l10n.t('every goal is achieved or dropped');
    item.iconPath = new vscode.ThemeIcon('archive', new vscode.ThemeColor('charts.green'));
    item.tooltip = tooltipOf(vscode.l10n.t('Ready to close'), ready.map((issue) => issue.message));
    rows.push(withContext(makeNode('relationship', pathOf(ready[0]), 'relationship:close', item), 'relationship.readyToClose'));
  }
  return rows;
}

/** An achieved goal without evidence of transfer says so: where has it shown up in daily work? */
/** An achieved goal without evidence of transfer says so in its row. */
export function markMissingEvidence(item: vscode.TreeItem, goal: Partial<Goal>): void {
  if (!lacksEvidence(goal)) return;
  item.description = [typeof item.description === 'string' ? item.description : undefined, vscode.l10n.t('no evidence yet')].filter(Boolean).join(' · ');
}

/** ...and in its tooltip, with the question that asks for it. */
export function appendMissingEvidence(tooltip: vscode.MarkdownString, goal: Partial<Goal>): void {
  if (lacksEvidence(goal)) appendLine(tooltip, vscode.l10n.t('Evidence'), vscode.l10n.t('none yet: where has this shown up in your daily work?'));
}

function lacksEvidence(goal: Partial<Goal>): boolean {
  if (goal.status !== 'achieved') return false;
  const evidence = Array.isArray(goal.evidence) ? goal.evidence.filter((line) => typeof line === 'string' && line.trim() !== '') : [];
  return evidence.length === 0;
}

/** Active plans first, then paused, then closed; the store's order within each. */
export function byMentorshipStatus(plans: readonly PlanEntry[]): PlanEntry[] {
  return plans
    .map((entry, index) => ({ entry, index, rank: entry.digest.statusRank }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ entry }) => entry);
}

function pathOf(issue: PlanIssue): PlanPath {
  const path = (issue.data as { path?: unknown } | undefined)?.path;
  return Array.isArray(path) ? (path as PlanPath) : [];
}

function withContext(node: PlanNode, contextValue: string): PlanNode {
  node.item.contextValue = contextValue;
  return node;
}

function tooltipOf(heading: string, lines: readonly string[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**');
  md.appendText(heading);
  md.appendMarkdown('**\n\n');
  for (const line of lines) md.appendText(`${line}\n\n`);
  return md;
}

function appendLine(md: vscode.MarkdownString, label: string, value: string): void {
  md.appendMarkdown('*');
  md.appendText(label);
  md.appendMarkdown(':* ');
  md.appendText(value);
  md.appendMarkdown('  \n');
}
