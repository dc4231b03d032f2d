// The Mentoring commands. Each edit goes through the core's edit engine and lands as a
// WorkspaceEdit (apply-edit.ts), so it is undoable and changes only the lines it must. Commands
// that prompt also take their answers as an argument object, so tests and keybindings skip the UI.
import * as vscode from 'vscode';
import { defaultAgenda } from '../core/agenda';
import { achieveGoal, addGoal, addSession, carryForwardActions, defaultAgreement, setActionDone, setGoalStatus } from '../core/edits';
import { COMMITMENT_SEPARATOR, joinCommitments, newPlanWithKickoffText, splitCommitments } from '../core/new-plan';
import { rangeAt } from '../core/parse';
import type { PlanPath } from '../core/parse';
import { CADENCES, GOAL_KINDS, GOAL_STATUSES, SESSION_TYPES } from '../core/plan';
import type { Agreement, Cadence, Goal, GoalKind, GoalStatus, Session, SessionType } from '../core/plan';
import { SESSION_TYPE_LABELS } from '../core/questions';
import { namedEntries } from '../core/plan-symbols';
import { applyPlanEdit } from './apply-edit';
import type { PlanEditCompute } from './apply-edit';
import { escapeIcons } from './plain-text';
import { COMMANDS } from './command-ids';
import { registerLoggedCommand } from './log';
import { isCalendarDate } from '../core/dates';
import { carryForwardCandidates, carryForwardDefaults, entriesOf, entryById, idFrom, idsOf, newSessionId, nextSessionDate, previousOpenActions, sessionAfter } from '../core/plan-facts';
import { planValueOnce } from './plan-store';
import type { PlanStore } from './plan-store';
import { toUri } from './plan-target';
import type { PlanResolver, UriLike } from './plan-target';
import { toVsRange } from './ranges';
import { forEachInSlices } from './slices';
import type { Feature } from './services';
import { todayIso } from './today';
import type { PlanNode, RevealTarget } from './tree/nodes';

/** Registered by private-notes.ts and reminders.ts. */
type PrivateNoteCommandName = 'openPrivateNote' | 'deletePrivateNote' | 'exportCalendar';

export interface NewPlanArgs {
  /** Where to create the file; defaults to `<first folder>/<protégé>.mentoring.yaml`. */
  uri?: UriLike;
  mentor?: string;
  protege?: string;
  cadence?: Cadence;
  title?: string;
  /** The agreement; each part left out is asked for, with the default agreement's part as the answer Enter accepts. */
  mentorRoles?: string[];
  protegeRoles?: string[];
  confidentiality?: string;
  /** What ends the mentorship; '' for nothing agreed yet. */
  endWhen?: string;
  /** The kick-off session's day (YYYY-MM-DD); asked, today by default. */
  kickoffDate?: string;
}
export interface AddGoalArgs {
  uri?: UriLike;
  title?: string;
  id?: string;
  kind?: GoalKind;
  status?: GoalStatus;
  why?: string;
  target?: string;
}
export interface AddSessionArgs {
  uri?: UriLike;
  type?: SessionType;
  date?: string;
  id?: string;
  /** Texts of earlier open actions to ask about as follow-ups; asked for when the type or date was, else the latest session's. */
  carryForward?: string[];
}
export interface SetGoalStatusArgs {
  uri?: UriLike;
  goalId?: string;
  status?: GoalStatus;
  /** With status achieved: where it has shown up in daily work ('' for none); asked when left out. */
  evidence?: string;
}
export interface ToggleActionArgs {
  uri?: UriLike;
  sessionId?: string;
  actionIndex?: number;
  /** The state to set; toggles when left out. */
  done?: boolean;
}
export interface CarryForwardArgs {
  uri?: UriLike;
  from?: string;
  to?: string;
}

class Commands {
  constructor(
    private readonly store: PlanStore,
    private readonly resolver: PlanResolver,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async newPlan(args: NewPlanArgs = {}): Promise<vscode.Uri | undefined> {
    const mentor = args.mentor ?? (await askText(vscode.l10n.t('Mentor’s name'), vscode.l10n.t('Who is the mentor?')));
    if (mentor === undefined) return undefined;
    const protege = args.protege ?? (await askText(vscode.l10n.t('Protégé’s name'), vscode.l10n.t('Who is the protégé?')));
    if (protege === undefined) return undefined;
    const cadence = args.cadence ?? (await askCadence());
    if (cadence === undefined) return undefined;
    const agreement = await askAgreement(args);
    if (agreement === undefined) return undefined;
    const today = todayIso();
    const kickoffDate = args.kickoffDate ?? (await askDate(today, vscode.l10n.t('Kick-off date'), vscode.l10n.t('YYYY-MM-DD; the day you first meet to talk the agreement through (its agenda comes from the question bank).')));
    if (kickoffDate === undefined) return undefined;
    const text = newPlanWithKickoffText({ mentor, protege, cadence, today, title: args.title, agreement, kickoffDate });

    let uri = toUri(args.uri);
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!uri && folder) {
      const suggested = `${idFrom(protege, new Set(), 'mentoring')}.mentoring.yaml`;
      const name = await vscode.window.showInputBox({
        title: vscode.l10n.t('New Mentoring Plan'),
        prompt: vscode.l10n.t('File name, relative to {0}', folder.name),
        value: suggested,
        valueSelection: [0, suggested.indexOf('.mentoring')],
        validateInput: (value) => (/\.mentoring\.ya?ml$/.test(value.trim()) ? undefined : vscode.l10n.t('Plan files end in .mentoring.yaml, so the extension finds them.')),
      });
      if (name === undefined) return undefined;
      uri = vscode.Uri.joinPath(folder.uri, name.trim());
    }
    if (!uri) {
      // No folder open: an untitled YAML document the user can save anywhere.
      const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: text });
      await vscode.window.showTextDocument(document);
      return document.uri;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { ignoreIfExists: false, contents: new TextEncoder().encode(text) });
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Could not create {0}; does it exist already?', vscode.workspace.asRelativePath(uri)));
      return undefined;
    }
    await vscode.window.showTextDocument(uri);
    return uri;
  }

  async addGoal(input?: AddGoalArgs | PlanNode): Promise<boolean> {
    const args = (isNode(input) ? { uri: input.uri } : input) ?? {};
    const target = await this.resolver.planFor(args.uri);
    if (!target) return false;
    const title = args.title ?? (await askText(vscode.l10n.t('Goal'), vscode.l10n.t('What does the protégé want to reach? (a short title)')));
    if (title === undefined) return false;
    const kind =
      args.kind ??
      (args.title !== undefined
        ? undefined
        : await pick(
            GOAL_KINDS.map((value) => ({ label: value, value, detail: value === 'stretch' ? vscode.l10n.t('Beyond the current role; worth it even if only partly reached') : vscode.l10n.t('Within reach with steady effort') })),
            vscode.l10n.t('What kind of goal is it?'),
          ));
    if (args.title === undefined && kind === undefined) return false;
    // The plan as it is now: the user may have typed while the prompts were open.
    const now = this.store.forDocument(target.document)?.result.plan ?? target.entry.result.plan;
    const id = args.id ?? idFrom(title, new Set(idsOf(now, 'goals')));
    const goal: Goal = { id, title, ...(kind ? { kind } : {}), ...(args.why ? { why: args.why } : {}), status: args.status ?? 'proposed', ...(args.target ? { target: args.target } : {}) };
    return this.edit(target.document, (text, options) => addGoal(text, goal, options), ['goals', id]);
  }

  async addSession(input?: AddSessionArgs | PlanNode): Promise<boolean> {
    const args = (isNode(input) ? { uri: input.uri } : input) ?? {};
    const target = await this.resolver.planFor(args.uri);
    if (!target) return false;
    const plan = target.entry.result.plan;
    const type =
      args.type ??
      (await pick(
        SESSION_TYPES.map((value) => ({ label: SESSION_TYPE_LABELS[value], description: value, value })),
        vscode.l10n.t('Which kind of session?'),
      ));
    if (type === undefined) return false;
    const date = args.date ?? (await askDate(nextSessionDate(plan, target.entry.today)));
    if (date === undefined) return false;
    // The plan as it is now: the user may have typed while the prompts were open.
    const now = this.store.forDocument(target.document)?.result.plan ?? plan;
    const id = args.id ?? newSessionId(now, type, date);
    const followUps = args.carryForward ?? (args.type === undefined || args.date === undefined ? await askCarryForward(now, date) : previousOpenActions(now, date));
    if (followUps === undefined) return false;
    const agenda = defaultAgenda(type, { previousOpenActions: followUps });
    const session: Session = { id, date, type, agenda };
    return this.edit(target.document, (text, options) => addSession(text, session, options), ['sessions', id]);
  }

  async setGoalStatus(input?: SetGoalStatusArgs | PlanNode): Promise<boolean> {
    const args: SetGoalStatusArgs = (isNode(input) ? { uri: input.uri, goalId: input.goalId } : input) ?? {};
    const target = await this.resolver.planFor(args.uri);
    if (!target) return false;
    const goals = entriesOf(target.entry.result.plan, 'goals').flatMap(({ item: goal }) => (typeof goal.id === 'string' ? [goal as Goal] : []));
    const goalId =
      args.goalId ??
      (await pick(
        goals.map((goal) => ({ label: escapeIcons(String(goal.title ?? goal.id)), description: escapeIcons(String(goal.status ?? '')), value: goal.id })),
        vscode.l10n.t('Which goal?'),
      ));
    if (goalId === undefined) return false;
    const current = goals.find((goal) => goal.id === goalId)?.status;
    const status =
      args.status ??
      (await pick(
        GOAL_STATUSES.map((value) => ({ label: value, description: value === current ? vscode.l10n.t('current') : undefined, value })),
        vscode.l10n.t('New status of the goal'),
      ));
    if (status === undefined) return false;
    if (status === 'achieved') {
      // Learning transfer: an achieved goal is the moment to say where it shows in daily work.
      const evidence =
        args.evidence ??
        (await vscode.window.showInputBox({
          title: vscode.l10n.t('Goal achieved'),
          prompt: vscode.l10n.t('Where has this shown up in your daily work? (recorded as evidence; leave empty to skip)'),
        }));
      if (evidence === undefined) return false;
      return this.edit(target.document, (text, options) => achieveGoal(text, goalId, evidence, options), ['goals', goalId, 'status']);
    }
    return this.edit(target.document, (text, options) => setGoalStatus(text, goalId, status, options), ['goals', goalId, 'status']);
  }

  async toggleActionDone(input?: ToggleActionArgs | PlanNode): Promise<boolean> {
    const args: ToggleActionArgs = (isNode(input) ? { uri: input.uri, sessionId: input.sessionId, actionIndex: input.actionIndex, done: input.done === undefined ? undefined : !input.done } : input) ?? {};
    const target = await this.resolver.planFor(args.uri);
    if (!target) return false;
    const plan = target.entry.result.plan;
    let { sessionId, actionIndex } = args;
    let shownText: string | undefined;
    if (sessionId === undefined || actionIndex === undefined) {
      const choices = entriesOf(plan, 'sessions').flatMap(({ item: { id, actions } }) =>
        typeof id === 'string' && Array.isArray(actions)
          ? actions.map((action, index) => ({
              label: `${action?.done === true ? '$(pass-filled)' : '$(circle-large-outline)'} ${escapeIcons(String(action?.text ?? ''))}`,
              description: escapeIcons(`${id}${action?.due ? ` · ${String(action.due)}` : ''}`),
              value: { sessionId: id, actionIndex: index, text: action?.text },
            }))
          : [],
      );
      const chosen = await pick(choices, vscode.l10n.t('Which action?'));
      if (!chosen) return false;
      ({ sessionId, actionIndex } = chosen);
      shownText = chosen.text;
    }
    // The plan as it is now: the user may have typed while the pick was open.
    const session = entryById(this.store.forDocument(target.document)?.result.plan ?? plan, 'sessions', sessionId)?.item;
    if (isNode(input)) shownText = entryById(input.snapshot.result.plan, 'sessions', sessionId)?.item.actions?.[actionIndex]?.text;
    if (shownText !== undefined || isNode(input)) {
      // Actions have no ids: make sure the index still names the action the user chose.
      if (shownText !== session?.actions?.[actionIndex]?.text) {
        void vscode.window.showWarningMessage(vscode.l10n.t('The plan changed since the action was shown; try again.'));
        return false;
      }
    }
    const done = args.done ?? !(session?.actions?.[actionIndex]?.done === true);
    const id = sessionId;
    const index = actionIndex;
    return this.edit(target.document, (text, options) => setActionDone(text, id, index, done, options));
  }

  async carryForward(input?: CarryForwardArgs | PlanNode): Promise<boolean> {
    const args: CarryForwardArgs = (isNode(input) ? { uri: input.uri, from: input.sessionId } : input) ?? {};
    const target = await this.resolver.planFor(args.uri);
    if (!target) return false;
    const plan = target.entry.result.plan;
    const defaults = carryForwardDefaults(plan, target.entry.today);
    const from = args.from ?? defaults.from;
    if (!from) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No session has open actions to carry forward.'));
      return false;
    }
    const to = args.to ?? (args.from ? sessionAfter(plan, from)?.id : defaults.to);
    if (!to) {
      const add = vscode.l10n.t('Add Session');
      const answer = await vscode.window.showInformationMessage(vscode.l10n.t('There is no session after "{0}" to carry its open actions to.', from), add);
      if (answer === add) await this.addSession({ uri: target.document.uri });
      return false;
    }
    return this.edit(target.document, (text, options) => carryForwardActions(text, from, to, options), ['sessions', to, 'actions']);
  }

  async reveal(target?: RevealTarget | PlanNode): Promise<void> {
    target ??= await this.pickEntry();
    if (!target) return;
    const range = isNode(target) ? this.rangeAt(target) : target.range;
    const uri = toUri(target.uri);
    if (!uri) return;
    const editor = await vscode.window.showTextDocument(uri, { preserveFocus: false });
    if (range) {
      editor.selection = new vscode.Selection(range.start, range.start);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  }

  /**
   * From the palette: choose a goal or session of any plan to jump to, named as the outline names
   * them. The choices come from the plans' values, read in slices while the picker shows it is busy
   * (a closed plan's value is read again, and no further once the picker is closed); only the chosen
   * one's line is looked up (a closed plan is parsed for it alone).
   */
  private async pickEntry(): Promise<RevealTarget | undefined> {
    await this.store.ready();
    const plans = this.store.all();
    const items: (vscode.QuickPickItem & { value: { uri: vscode.Uri; path: PlanPath } })[] = [];
    let closed = false;
    const listed = forEachInSlices(
      plans,
      (entry) => {
        const where = plans.length > 1 ? vscode.workspace.asRelativePath(entry.uri) : undefined;
        for (const { kind, name, detail, path } of namedEntries(planValueOnce(entry.result))) {
          items.push({
            label: `$(${kind === 'goal' ? 'target' : 'calendar'}) ${escapeIcons(name)}`,
            description: escapeIcons([detail, where].filter(Boolean).join(' · ')),
            value: { uri: entry.uri, path: [...path] },
          });
        }
      },
      () => closed,
    ).then(() => items);
    const chosen = await pick(listed, vscode.l10n.t('Go to a goal or session'));
    closed = true;
    return chosen && { uri: chosen.uri, range: this.rangeAt(chosen) ?? new vscode.Range(0, 0, 0, 0) };
  }

  async refresh(): Promise<void> {
    await this.store.refresh();
  }

  /** The range of the entry at `path` in the plan's current check, asked when it is to be revealed. */
  private rangeAt({ uri, path }: { uri: vscode.Uri; path: PlanPath }): vscode.Range | undefined {
    const entry = this.store.get(uri);
    return entry && toVsRange(rangeAt(entry.result.parsed, path));
  }

  /** Applies one engine edit, then shows the changed entry (found by id after the edit) in the editor. */
  private async edit(document: vscode.TextDocument, compute: PlanEditCompute, show?: [list: 'goals' | 'sessions', id: string, ...rest: string[]]): Promise<boolean> {
    const changed = await applyPlanEdit(document, compute, this.log, this.store);
    if (!changed) return false;
    const editor = await vscode.window.showTextDocument(document, { preserveFocus: true, preview: false });
    const entry = this.store.forDocument(document);
    if (show && entry) {
      const [list, id, ...rest] = show;
      const index = entryById(entry.result.plan, list, id)?.index ?? -1;
      if (index !== -1) {
        const path: PlanPath = [list, index, ...rest];
        const range = toVsRange(rangeAt(entry.result.parsed, path));
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }
    }
    return true;
  }
}

function isNode(value: unknown): value is PlanNode {
  return typeof value === 'object' && value !== null && 'kind' in value && 'item' in value && 'uri' in value;
}

async function askText(title: string, prompt: string): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({ title, prompt, validateInput: (text) => (text.trim() ? undefined : vscode.l10n.t('Please enter a value.')) });
  return value?.trim();
}

async function askDate(suggested: string, title = vscode.l10n.t('Session date'), prompt = vscode.l10n.t('YYYY-MM-DD; the default is one cadence after the last session.')): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title,
    prompt,
    value: suggested,
    validateInput: (text) => (isCalendarDate(text.trim()) ? undefined : vscode.l10n.t('Write a calendar date as YYYY-MM-DD.')),
  }).then((text) => text?.trim());
}

/** How often the pair meets; the default agreement's cadence comes first, so Enter takes it. */
async function askCadence(): Promise<Cadence | undefined> {
  const suggested: Cadence = 'biweekly';
  const ordered = [suggested, ...CADENCES.filter((value) => value !== suggested)];
  return pick(
    ordered.map((value) => ({ label: value, description: value === suggested ? vscode.l10n.t('suggested') : undefined, value })),
    vscode.l10n.t('How often will you meet?'),
  );
}

/**
 * The parts of the agreement the arguments leave out, each asked with the default agreement's part
 * filled in, so Enter accepts the suggestion; undefined when one is cancelled (Escape), so the
 * command writes nothing.
 */
async function askAgreement(args: NewPlanArgs): Promise<Agreement | undefined> {
  const suggested = defaultAgreement();
  const commitments = async (title: string, list: readonly string[]) => {
    const line = await vscode.window.showInputBox({
      title,
      prompt: vscode.l10n.t('Separate commitments with “{0}”. Enter keeps the suggestion; edit it together at the kick-off.', COMMITMENT_SEPARATOR),
      value: joinCommitments(list),
      validateInput: (text) => (splitCommitments(text).length ? undefined : vscode.l10n.t('Write at least one commitment.')),
    });
    return line === undefined ? undefined : splitCommitments(line);
  };
  const mentor = args.mentorRoles ?? (await commitments(vscode.l10n.t('Agreement: what the mentor commits to'), suggested.roles.mentor));
  if (mentor === undefined) return undefined;
  const protege = args.protegeRoles ?? (await commitments(vscode.l10n.t('Agreement: what the protégé commits to'), suggested.roles.protege));
  if (protege === undefined) return undefined;
  const confidentiality =
    args.confidentiality ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Agreement: confidentiality'),
      prompt: vscode.l10n.t('What stays between you, and its exceptions. Private notes never go in the plan file.'),
      value: suggested.confidentiality,
      validateInput: (text) => (text.trim() ? undefined : vscode.l10n.t('Please enter a value.')),
    }))?.trim();
  if (confidentiality === undefined) return undefined;
  const endWhen =
    args.endWhen ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Agreement: what ends the mentorship'),
      prompt: vscode.l10n.t('Goals met, an agreed date, or a no-fault conclusion either of you may ask for; leave empty to agree later.'),
      value: suggested.endWhen,
    }))?.trim();
  if (endWhen === undefined) return undefined;
  return { roles: { mentor, protege }, confidentiality, ...(endWhen ? { endWhen } : {}) };
}

/** Which earlier open actions the new session follows up on (the latest session's ticked); undefined when cancelled. */
async function askCarryForward(plan: Parameters<typeof carryForwardCandidates>[0], date: string): Promise<string[] | undefined> {
  const candidates = carryForwardCandidates(plan, date);
  if (candidates.length === 0) return [];
  const chosen = await vscode.window.showQuickPick(
    candidates.map((candidate) => ({
      label: escapeIcons(candidate.text),
      description: escapeIcons([candidate.owner, candidate.due && vscode.l10n.t('due {0}', candidate.due)].filter(Boolean).join(' · ')),
      detail: escapeIcons(vscode.l10n.t('open since {0} ({1})', candidate.sessionDate, candidate.sessionId ?? '?')),
      picked: candidate.fromLatest,
      text: candidate.text,
    })),
    { canPickMany: true, placeHolder: vscode.l10n.t('Follow up on which open actions? They stay in their sessions; the new one asks about them.') },
  );
  return chosen?.map((item) => item.text);
}

async function pick<T>(items: (vscode.QuickPickItem & { value: T })[] | Thenable<(vscode.QuickPickItem & { value: T })[]>, placeHolder: string): Promise<T | undefined> {
  const chosen = await vscode.window.showQuickPick(items, { placeHolder });
  return chosen?.value;
}

type Handler = (arg?: unknown) => unknown;
type RelationshipCommandName = 'recordHealthCheckin' | 'pauseMentorship' | 'resumeMentorship' | 'closeMentorship' | 'addHealthCheckSession';

export const registerCommands: Feature = (context, { store, resolver, log }) => {
  const commands = new Commands(store, resolver, log);
  // Tree menus pass the clicked node; tests and keybindings pass the argument objects above.
  // writeFeedback and editFeedback are registered by feedback-editor/register.ts, insertAgendaQuestion by agenda-questions.ts, comparePlan by compare-plan.ts, filterPlans by tree/plan-tree.ts.
  // The relationship commands (pause, close, health) are registered by relationship-commands.ts, the private-note commands by private-notes.ts, addAction by action-commands.ts.
  const handlers: Record<Exclude<keyof typeof COMMANDS, 'writeFeedback' | 'editFeedback' | 'insertAgendaQuestion' | 'comparePlan' | 'filterPlans' | 'addAction' | RelationshipCommandName | PrivateNoteCommandName>, Handler> = {
    newPlan: (args) => commands.newPlan(args as NewPlanArgs | undefined),
    addGoal: (args) => commands.addGoal(args as AddGoalArgs | PlanNode | undefined),
    addSession: (args) => commands.addSession(args as AddSessionArgs | PlanNode | undefined),
    setGoalStatus: (args) => commands.setGoalStatus(args as SetGoalStatusArgs | PlanNode | undefined),
    toggleActionDone: (args) => commands.toggleActionDone(args as ToggleActionArgs | PlanNode | undefined),
    carryForward: (args) => commands.carryForward(args as CarryForwardArgs | PlanNode | undefined),
    reveal: (target) => commands.reveal(target as RevealTarget | PlanNode | undefined),
    refresh: () => commands.refresh(),
  };
  for (const [name, handler] of Object.entries(handlers) as [keyof typeof handlers, Handler][]) {
    context.subscriptions.push(registerLoggedCommand(log, COMMANDS[name], handler));
  }
};
