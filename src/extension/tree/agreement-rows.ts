// The tree's "Agreement" row under each plan and its children: each side's roles, the cadence,
// confidentiality and what ends the mentorship, each revealing its line. Built here so nodes.ts
// and plan-tree.ts only ask for them (one call each).
import * as vscode from 'vscode';
import type { PlanPath } from '../../core/parse';
import { isRecord, textOf } from '../../core/plan-facts';
import type { PlanEntry } from '../plan-store';
import type { PlanNode } from './nodes';

function row(entry: PlanEntry, parent: PlanNode | undefined, kind: 'agreement' | 'agreementItem', path: PlanPath, key: string, item: vscode.TreeItem): PlanNode {
  item.id = `${entry.uri.toString()}#agreement${key}`;
  item.contextValue = kind;
  // No command here: the click's position is resolved when the row is clicked (resolveClick).
  return { kind, uri: entry.uri, path, item, parent, snapshot: entry, planCount: parent?.planCount ?? 1 };
}

/** The "Agreement" row, or none when the plan has no mentorship to read. */
export function agreementRow(entry: PlanEntry, parent: PlanNode): PlanNode[] {
  const mentorship = entry.result.plan?.mentorship;
  if (!isRecord(mentorship)) return [];
  const agreed = isRecord(mentorship.agreement);
  const item = new vscode.TreeItem(vscode.l10n.t('Agreement'), vscode.TreeItemCollapsibleState.Collapsed);
  item.iconPath = new vscode.ThemeIcon('law');
  item.description = agreed ? undefined : vscode.l10n.t('not written yet');
  item.tooltip = new vscode.MarkdownString().appendText(vscode.l10n.t('What you agreed: roles, cadence, confidentiality and what ends the mentorship.'));
  return [row(entry, parent, 'agreement', ['mentorship', agreed ? 'agreement' : 'cadence'], '', item)];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : typeof value === 'string' ? [value] : [];
}

export function agreementChildren(parent: PlanNode): PlanNode[] {
  const entry = parent.snapshot;
  const mentorship = entry.result.plan?.mentorship;
  if (!isRecord(mentorship)) return [];
  const agreement: Record<string, unknown> = isRecord(mentorship.agreement) ? mentorship.agreement : {};
  const roles = isRecord(agreement.roles) ? agreement.roles : {};
  const rows: PlanNode[] = [];
  const add = (label: string, icon: string, value: string | undefined, path: PlanPath, key: string, full?: string[]) => {
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon(icon);
    item.description = value ?? vscode.l10n.t('not agreed yet');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown('**');
    tooltip.appendText(label);
    tooltip.appendMarkdown('**\n\n');
    for (const line of full ?? [value ?? vscode.l10n.t('not agreed yet')]) {
      tooltip.appendMarkdown(full ? '- ' : '');
      tooltip.appendText(line);
      tooltip.appendMarkdown('\n');
    }
    item.tooltip = tooltip;
    rows.push(row(entry, parent, 'agreementItem', path, `/${key}`, item));
  };
  const mentorRoles = strings(roles.mentor);
  const protegeRoles = strings(roles.protege);
  add(vscode.l10n.t('Mentor’s role'), 'person', mentorRoles.length ? mentorRoles.join('; ') : undefined, ['mentorship', 'agreement', 'roles', 'mentor'], 'roles-mentor', mentorRoles.length ? mentorRoles : undefined);
  add(vscode.l10n.t('Protégé’s role'), 'person', protegeRoles.length ? protegeRoles.join('; ') : undefined, ['mentorship', 'agreement', 'roles', 'protege'], 'roles-protege', protegeRoles.length ? protegeRoles : undefined);
  add(vscode.l10n.t('Cadence'), 'calendar', textOf(mentorship.cadence), ['mentorship', 'cadence'], 'cadence');
  add(vscode.l10n.t('Confidentiality'), 'lock', textOf(agreement.confidentiality), ['mentorship', 'agreement', 'confidentiality'], 'confidentiality');
  add(vscode.l10n.t('Ends when'), 'flag', textOf(agreement.endWhen), ['mentorship', 'agreement', 'endWhen'], 'end');
  return rows;
}
