// A status bar item while any plan is known: overdue actions first (they need doing), else when
// the next session is due by cadence, else that the mentorships are paused or closed. Clicking it opens the Mentoring view.
import * as vscode from 'vscode';
import { TREE_VIEW_ID } from './command-ids';
import type { PlanStore } from './plan-store';
import type { Feature } from './services';
import { todayIso } from './today';
import { escapeIcons } from './plain-text';

export interface StatusText {
  text: string;
  tooltip: string;
}

/**
 * The item's text for every plan's check, or `stale` while a scan is checking plans whose check is
 * of an earlier day: just after midnight closed plans wait for the day's rescan, and their counts
 * would say yesterday's "Session due today" was missed. A scan that ended (or failed) leaves the
 * counts as they are.
 */
export function statusText(store: PlanStore): StatusText | 'stale' | undefined {
  const plans = store.all();
  if (plans.length === 0) return undefined;
  const today = todayIso();
  const scanning = store.lastScan !== undefined && store.lastScan.endedAt === undefined;
  if (scanning && plans.some((entry) => entry.today !== today)) return 'stale';
  let overdue = 0;
  let next: { date: string; scheduled: boolean } | undefined;
  for (const entry of plans) {
    const status = entry.digest.planStatus;
    overdue += status.overdueActions;
    if (status.nextSession && (!next || status.nextSession < next.date)) next = { date: status.nextSession, scheduled: status.scheduled };
  }
  if (overdue > 0) {
    const text = overdue === 1 ? vscode.l10n.t('1 overdue action') : vscode.l10n.t('{0} overdue actions', overdue);
    return { text: `$(warning) ${text}`, tooltip: vscode.l10n.t('Mentoring: open actions past their due date. Click to open the plan view.') };
  }
  if (!next) {
    // Every plan paused or closed: say so, rather than "nothing due" as if the pair were meeting.
    const statuses = plans.map((entry) => entry.digest.status);
    if (statuses.every((status) => status === 'closed')) return { text: `$(archive) ${vscode.l10n.t('Mentoring closed')}`, tooltip: vscode.l10n.t('Mentoring: every mentorship here is closed. Click to open the plan view.') };
    if (statuses.every((status) => status === 'paused' || status === 'closed')) return { text: `$(debug-pause) ${vscode.l10n.t('Mentoring paused')}`, tooltip: vscode.l10n.t('Mentoring: paused; no session is due and no action counts as overdue until you resume. Click to open the plan view.') };
    return { text: `$(mortar-board) ${vscode.l10n.t('Mentoring')}`, tooltip: vscode.l10n.t('Mentoring: no session is due. Click to open the plan view.') };
  }
  const text =
    next.date === today
      ? vscode.l10n.t('Session due today')
      : next.date < today
        ? vscode.l10n.t('Session due since {0}', escapeIcons(next.date))
        : next.scheduled
          ? vscode.l10n.t('Next session {0}', escapeIcons(next.date))
          : vscode.l10n.t('Next session due {0}', escapeIcons(next.date));
  return { text: `$(calendar) ${text}`, tooltip: vscode.l10n.t('Mentoring: the next session by the agreed cadence. Click to open the plan view.') };
}

const UPDATE_EVERY_MS = 100;

export const registerStatusBar: Feature<{ text(): string | undefined }> = (context, { store }) => {
  const item = vscode.window.createStatusBarItem('mentoringPlan.status', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('Mentoring Plan');
  item.command = `${TREE_VIEW_ID}.focus`;
  let current: StatusText | undefined;
  const update = () => {
    const before = current;
    const now = statusText(store);
    // The day's rescan announces every plan it checks again; the item follows when it ends.
    if (now === 'stale') {
      void store.ready().then(scheduleUpdate);
      return;
    }
    current = now;
    if (!current) {
      item.hide();
      return;
    }
    // Each assignment is a message to the workbench and a redraw; most changes (a keystroke) leave the text as it was.
    if (current.text === before?.text && current.tooltip === before.tooltip) return;
    item.text = current.text;
    item.tooltip = current.tooltip;
    item.show();
  };
  // A scan announces plans in batches; the item follows at most every UPDATE_EVERY_MS.
  let pending: ReturnType<typeof setTimeout> | undefined;
  const scheduleUpdate = () => {
    pending ??= setTimeout(() => {
      pending = undefined;
      update();
    }, UPDATE_EVERY_MS);
  };
  context.subscriptions.push(item, store.onDidChange(scheduleUpdate), { dispose: () => clearTimeout(pending) });
  update();
  return { text: () => current?.text };
};
