// Reminders without a server (issue 11): "Export Calendar (.ics)" writes a plan's coming sessions
// and due actions for any calendar app, and once a day a notification names the actions due
// tomorrow and a session due by cadence (setting mentoringPlan.reminders turns it off).
import * as vscode from 'vscode';
import { planCalendar } from '../core/calendar';
import { ACTIONS_VIEW_ID, COMMANDS, CONFIG_SECTION } from './command-ids';
import { registerLoggedCommand } from './log';
import type { UriLike } from './plan-target';
import type { Services } from './services';
import { todayIso } from './today';

export interface ExportCalendarArgs {
  uri?: UriLike;
  /** Where to write; asked with a save dialog when left out. */
  out?: vscode.Uri;
  from?: string;
  months?: number;
}

const LAST_REMINDER_KEY = 'mentoringPlan.lastReminderDay';
const HOUR_MS = 60 * 60 * 1000;

export function registerReminders(context: vscode.ExtensionContext, { store, resolver, log }: Services): { remindNow(): Promise<string | undefined> } {
  const exportCalendar = async (args: ExportCalendarArgs = {}): Promise<vscode.Uri | undefined> => {
    const target = await resolver.planFor(args.uri);
    if (!target) return undefined;
    const planKey = target.document.uri.path.split('/').pop()?.replace(/\.mentoring\.ya?ml$/, '') ?? 'plan';
    const out =
      args.out ??
      (await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(target.document.uri, '..', `${planKey}.ics`),
        filters: { [vscode.l10n.t('iCalendar')]: ['ics'] },
        title: vscode.l10n.t('Export Calendar (.ics)'),
      }));
    if (!out) return undefined;
    const text = planCalendar(target.entry.result.plan, { from: args.from ?? todayIso(), months: args.months ?? 3, planKey, stamp: new Date() });
    await vscode.workspace.fs.writeFile(out, new TextEncoder().encode(text));
    return out;
  };

  /** Shows the day's reminder unless it was shown today or is turned off; resolves to its text. */
  const remindNow = async (): Promise<string | undefined> => {
    if (!vscode.workspace.getConfiguration(CONFIG_SECTION).get<boolean>('reminders', true)) return undefined;
    const today = todayIso();
    if (context.globalState.get<string>(LAST_REMINDER_KEY) === today) return undefined;
    await store.ready();
    const plans = store.all();
    // Just after midnight closed plans wait for the day's rescan; their digests still count yesterday's "tomorrow". The next hour's turn has them.
    if (plans.some((entry) => entry.today !== today)) return undefined;
    const parts = plans.flatMap((entry) => {
      const due = entry.digest.dueSoon;
      const title = entry.digest.title ?? vscode.workspace.asRelativePath(entry.uri);
      const found: string[] = [];
      if (due.actionsDueTomorrow.length) found.push(vscode.l10n.t('{0}: due tomorrow: {1}', title, due.actionsDueTomorrow.join('; ')));
      if (due.sessionDue) found.push(vscode.l10n.t('{0}: a session is due by your cadence ({1})', title, due.sessionDue));
      return found;
    });
    if (parts.length === 0) return undefined;
    await context.globalState.update(LAST_REMINDER_KEY, today);
    const message = vscode.l10n.t('Mentoring reminder. {0}', parts.join(' · '));
    const show = vscode.l10n.t('Show Actions');
    void vscode.window.showInformationMessage(message, show).then((answer) => {
      if (answer === show) void vscode.commands.executeCommand(`${ACTIONS_VIEW_ID}.focus`);
    });
    return message;
  };

  const timer = setInterval(() => void remindNow().catch((error: unknown) => log.error('The daily reminder failed', error)), HOUR_MS);
  context.subscriptions.push(
    registerLoggedCommand(log, COMMANDS.exportCalendar, (args) => exportCalendar(args as ExportCalendarArgs | undefined)),
    { dispose: () => clearInterval(timer) },
  );
  // Not in tests: a notification there would cover the UI the tests drive.
  if (context.extensionMode !== vscode.ExtensionMode.Test) void remindNow().catch((error: unknown) => log.error('The daily reminder failed', error));
  return { remindNow };
}
