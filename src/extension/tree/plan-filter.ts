// Which plans the Mentoring view lists: all, or only those a programme lead is looking for (the
// active ones, those with problems, those with overdue actions) or those where the user is one of
// the pair ("Mine", offered when the tree is given the identity's predicate).
import * as vscode from 'vscode';
import type { PlanEntry } from '../plan-store';

export type PlanFilterId = 'all' | 'active' | 'problems' | 'overdue' | 'mine';

export interface PlanFilter {
  readonly id: PlanFilterId;
  /** Shown in the quick pick and, while the filter is on, as the view's description. */
  readonly label: string;
  readonly detail: string;
  matches(entry: PlanEntry): boolean;
}

/** Whether the user is known to be the mentor or the protégé of a plan (without asking: identity.ts knownSide). */
export type MinePredicate = (entry: PlanEntry) => boolean;

/** The filters on offer now, "all" first. */
export function planFilters(mine?: MinePredicate): PlanFilter[] {
  const filters: PlanFilter[] = [
    { id: 'all', label: vscode.l10n.t('All plans'), detail: vscode.l10n.t('Every plan of the workspace'), matches: () => true },
    { id: 'active', label: vscode.l10n.t('Active'), detail: vscode.l10n.t('Mentorships with status active'), matches: (entry) => entry.digest.shownStatus === 'active' },
    { id: 'problems', label: vscode.l10n.t('With problems'), detail: vscode.l10n.t('Plans with at least one finding in Problems'), matches: (entry) => entry.result.issues.length > 0 },
    { id: 'overdue', label: vscode.l10n.t('Overdue'), detail: vscode.l10n.t('Plans with an open action past its due date'), matches: (entry) => entry.digest.overdueActions > 0 },
  ];
  if (mine) filters.push({ id: 'mine', label: vscode.l10n.t('Mine'), detail: vscode.l10n.t('Plans where you are mentor or protégé'), matches: mine });
  return filters;
}

export function planFilter(id: PlanFilterId, mine?: MinePredicate): PlanFilter {
  const filters = planFilters(mine);
  return filters.find((filter) => filter.id === id) ?? filters[0];
}
