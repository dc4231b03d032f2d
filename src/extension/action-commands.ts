// Add Action (issue 11): appends an action to a session, the same core edit as the CLI's
// `add-action`, applied through applyPlanEdit so it is one undoable, minimal edit. From a session
// row it knows the session; from the palette it asks for the plan and the session (the latest held
// one first). Prompts are skipped by passing their answers as arguments (tests, keybindings).
import * as vscode from 'vscode';
import { isCalendarDate } from '../core/dates';
import { addAction, openAction } from '../core/edits';
import { latestSessionId } from '../core/health';
import type { Side } from '../core/plan-facts';
import { ACTION_OWNERS } from '../core/plan';
import type { ActionOwner } from '../core/plan';
import { entriesOf, nextSessionDate, textOf } from '../core/plan-facts';
import { SESSION_TYPE_LABELS } from '../core/questions';
import { applyPlanEdit } from './apply-edit';
import { COMMANDS } from './command-ids';
import type { Identity } from './identity';
import { registerLoggedCommand } from './log';
import { escapeIcons } from './plain-text';
import type { ResolvedPlan, UriLike } from './plan-target';
import type { Feature, Services } from './services';
import type { PlanNode } from './tree/nodes';

export interface AddActionArgs {
  uri?: UriLike;
  /** The session; asked for (latest held one first) when left out. */
  sessionId?: string;
  text?: string;
  owner?: ActionOwner;
  /** YYYY-MM-DD, or '' for none. */
  due?: string;
}

const OWNER_LABELS: Record<ActionOwner, string> = { mentor: 'mentor', protege: 'protégé', both: 'both' };

/** Empty when `value` is an acceptable due date (none, or a calendar day), else what is wrong with it. */
export function dueDateProblem(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '' || isCalendarDate(trimmed)) return undefined;
  return vscode.l10n.t('“{0}” is not a date: write it as YYYY-MM-DD (a day the calendar has, such as 2026-12-14), or leave it empty for none.', trimmed);
}

class ActionCommands {
  constructor(
    private readonly services: Services,
    private readonly identity: Identity,
  ) {}

  async addAction(input?: AddActionArgs | PlanNode): Promise<boolean> {
    const args: AddActionArgs = (isNode(input) ? { uri: input.uri, sessionId: input.sessionId } : input) ?? {};
    // Arguments come from menus, keybindings and other extensions: a text or date that is not a string is asked for.
    const given = (value: unknown) => (typeof value === 'string' ? value : undefined);
    const target = await this.services.resolver.planFor(args.uri);
    if (!target) return false;
    const sessionId = args.sessionId ?? (await this.pickSession(target));
    if (sessionId === undefined) return false;

    const text = (
      given(args.text) ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('Add Action to {0}', sessionId),
        prompt: vscode.l10n.t('What will be done before you meet again? One concrete step.'),
        validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Write what the action is.')),
      }))
    )?.trim();
    if (text === undefined) return false;
    if (text === '') {
      void vscode.window.showWarningMessage(vscode.l10n.t('An action needs a text; nothing was added.'));
      return false;
    }

    const owner = args.owner ?? (await this.pickOwner(target));
    if (owner === undefined) return false;
    if (!(ACTION_OWNERS as readonly string[]).includes(owner)) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The owner of an action is one of {0}, not “{1}”; nothing was added.', ACTION_OWNERS.join(', '), String(owner)));
      return false;
    }

    const due = (
      given(args.due) ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('Add Action to {0}', sessionId),
        prompt: vscode.l10n.t('Due date (YYYY-MM-DD), optional: leave empty for none. Escape cancels.'),
        placeHolder: vscode.l10n.t('for example {0}, the next session by cadence', nextSessionDate(target.entry.result.plan, target.entry.today)),
        validateInput: dueDateProblem,
      }))
    )?.trim();
    if (due === undefined) return false;
    const problem = dueDateProblem(due);
    if (problem) {
      void vscode.window.showWarningMessage(problem);
      return false;
    }

    const action = openAction(text, owner, due || undefined);
    const changed = await applyPlanEdit(target.document, (current, options) => addAction(current, sessionId, action, options), this.services.log, this.services.store);
    if (changed) await vscode.window.showTextDocument(target.document, { preserveFocus: true, preview: false });
    return changed;
  }

  /** The plan's sessions, the latest held by today first (and picked by Enter); undefined when cancelled or none. */
  private async pickSession(target: ResolvedPlan): Promise<string | undefined> {
    const plan = target.entry.result.plan;
    const sessions = entriesOf(plan, 'sessions').filter(({ item }) => textOf(item.id) !== undefined);
    if (sessions.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The plan has no session to add an action to; add one first.'));
      return undefined;
    }
    const latest = latestSessionId(plan, target.entry.today);
    const items = sessions
      .map(({ item }) => {
        const id = textOf(item.id)!;
        const type = textOf(item.type);
        const typeLabel = type && type in SESSION_TYPE_LABELS ? SESSION_TYPE_LABELS[type as keyof typeof SESSION_TYPE_LABELS] : (type ?? id);
        return { label: `$(calendar) ${escapeIcons(`${textOf(item.date) ?? ''} ${typeLabel}`.trim())}`, description: escapeIcons(id), id, date: textOf(item.date) ?? '' };
      })
      .sort((a, b) => Number(b.id === latest) - Number(a.id === latest) || b.date.localeCompare(a.date));
    return (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Add an action to which session?') }))?.id;
  }

  /** Who owns the action: the user's own side first when the identity knows it (no question asked to find out). */
  private async pickOwner(target: ResolvedPlan): Promise<ActionOwner | undefined> {
    const me: Side | undefined = await this.identity.sideFor(target.document.uri, target.entry.result.plan, false);
    const mentorship = target.entry.result.plan?.mentorship;
    const nameOf = (owner: ActionOwner) => (owner === 'both' ? undefined : textOf(mentorship?.[owner]?.name));
    const owners: ActionOwner[] = me ? [me, ...ACTION_OWNERS.filter((owner) => owner !== me)] : [...ACTION_OWNERS];
    const items = owners.map((owner) => ({
      label: OWNER_LABELS[owner],
      description: [owner === me ? vscode.l10n.t('you') : undefined, nameOf(owner)].filter(Boolean).map((part) => escapeIcons(String(part))).join(' · ') || undefined,
      owner,
    }));
    return (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Who owns this action?') }))?.owner;
  }
}

function isNode(value: unknown): value is PlanNode {
  return typeof value === 'object' && value !== null && 'kind' in value && 'item' in value && 'uri' in value;
}

export const registerActionCommands: Feature = (context, services) => {
  const commands = new ActionCommands(services, services.identity);
  context.subscriptions.push(registerLoggedCommand(services.log, COMMANDS.addAction, (args) => commands.addAction(args as AddActionArgs | PlanNode | undefined)));
};
