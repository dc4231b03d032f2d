// The relationship over time (issue 11): Record Health Check-in, Pause / Resume / Close Mentorship
// and Add Health-Check Session. Each is one core edit op (the same the CLI runs), applied through
// applyPlanEdit so it is undoable; prompts are skipped by passing their answers as arguments.
import * as vscode from 'vscode';
import { sessionWithAgenda } from '../core/agenda';
import { closeMentorship, recordHealth, setMentorshipStatus } from '../core/edits';
import { HEALTH_SCORE_MEANINGS, latestSessionId } from '../core/health';
import { mentorshipStatus, nextSessionDate, otherSide } from '../core/plan-facts';
import type { Side } from '../core/plan-facts';
import { CLOSURE_OUTCOMES } from '../core/plan';
import type { ClosureOutcome } from '../core/plan';
import { isCalendarDate } from '../core/dates';
import { applyPlanEdit } from './apply-edit';
import type { PlanEditCompute } from './apply-edit';
import { COMMANDS } from './command-ids';
import type { Identity } from './identity';
import { registerLoggedCommand } from './log';
import type { ResolvedPlan, UriLike } from './plan-target';
import type { Feature, Services } from './services';
import type { PlanNode } from './tree/nodes';

export interface RecordHealthArgs {
  uri?: UriLike;
  /** The session; defaults to the latest one held by today. */
  sessionId?: string;
  /** Whose rating `score` is; defaults to the user's side (identity.ts). */
  side?: Side;
  score?: number;
  /** The other side's rating, only when they said it; leave out to record only mine. */
  otherScore?: number;
  /** '' for none. */
  note?: string;
}
export interface StatusArgs {
  uri?: UriLike;
}
export interface CloseArgs {
  uri?: UriLike;
  outcome?: ClosureOutcome;
  /** '' entries are dropped; an empty list records none. */
  retrospective?: string[];
  date?: string;
  /** False to close without adding a closure session. */
  addSession?: boolean;
}

const SIDE_NAMES: Record<Side, string> = { mentor: 'mentor', protege: 'protégé' };

class RelationshipCommands {
  constructor(
    private readonly services: Services,
    private readonly identity: Identity,
  ) {}

  async recordHealth(input?: RecordHealthArgs | PlanNode): Promise<boolean> {
    const args: RecordHealthArgs = (isNode(input) ? { uri: input.uri, sessionId: input.kind === 'session' ? input.sessionId : undefined } : input) ?? {};
    const target = await this.services.resolver.planFor(args.uri);
    if (!target) return false;
    const plan = target.entry.result.plan;
    const sessionId = args.sessionId ?? latestSessionId(plan, target.entry.today);
    if (!sessionId) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The plan has no session to record a check-in on; add one first.'));
      return false;
    }
    const side = args.side ?? (await this.identity.sideFor(target.document.uri, plan));
    if (!side) return false;
    const score = args.score ?? (await pickScore(vscode.l10n.t('How is the relationship going for you, the {0}? ({1})', SIDE_NAMES[side], sessionId)));
    if (score === undefined) return false;
    let otherScore = args.otherScore;
    const other = otherSide(side);
    if (args.score === undefined && otherScore === undefined) {
      // The other person's rating is theirs to give: recorded only when the user says they gave it.
      const yes = vscode.l10n.t('Yes, they told me their rating');
      const answer = await vscode.window.showQuickPick([vscode.l10n.t('No, only mine'), yes], { placeHolder: vscode.l10n.t('Record the {0}’s rating too?', SIDE_NAMES[other]) });
      if (answer === undefined) return false;
      if (answer === yes) {
        otherScore = await pickScore(vscode.l10n.t('The {0}’s rating of the relationship', SIDE_NAMES[other]));
        if (otherScore === undefined) return false;
      }
    }
    const note =
      args.note ??
      (await vscode.window.showInputBox({ title: vscode.l10n.t('Health check-in'), prompt: vscode.l10n.t('A note on how it is going (optional; it goes in the shared plan, so nothing private)') }));
    if (note === undefined) return false;
    const check = { [side]: score, ...(otherScore !== undefined ? { [other]: otherScore } : {}), note };
    return this.edit(target, (text, options) => recordHealth(text, sessionId, check, options));
  }

  async setStatus(status: 'paused' | 'active', input?: StatusArgs | PlanNode): Promise<boolean> {
    const args: StatusArgs = (isNode(input) ? { uri: input.uri } : input) ?? {};
    const target = await this.services.resolver.planFor(args.uri);
    if (!target) return false;
    return this.edit(target, (text, options) => setMentorshipStatus(text, status, options));
  }

  async close(input?: CloseArgs | PlanNode): Promise<boolean> {
    const args: CloseArgs = (isNode(input) ? { uri: input.uri } : input) ?? {};
    const target = await this.services.resolver.planFor(args.uri);
    if (!target) return false;
    if (target.entry.result.plan && mentorshipStatus(target.entry.result.plan) === 'closed') {
      void vscode.window.showInformationMessage(vscode.l10n.t('This mentorship is already closed.'));
      return false;
    }
    const outcomeDetails: Record<ClosureOutcome, string> = {
      'goals-met': vscode.l10n.t('The goals were reached.'),
      'no-fault': vscode.l10n.t('Either of you chose to end it, with no blame.'),
      other: vscode.l10n.t('Another reason; say which in the retrospective.'),
    };
    const outcome = args.outcome ?? (await pick(CLOSURE_OUTCOMES.map((value) => ({ label: value, detail: outcomeDetails[value], value })), vscode.l10n.t('How did the mentorship end?')));
    if (outcome === undefined) return false;
    const date =
      args.date ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('Close Mentorship'),
        prompt: vscode.l10n.t('The day it concluded (YYYY-MM-DD); the closure session is held on it.'),
        value: target.entry.today,
        validateInput: (text) => (isCalendarDate(text.trim()) ? undefined : vscode.l10n.t('Write a calendar date as YYYY-MM-DD.')),
      }))?.trim();
    if (date === undefined) return false;
    let retrospective = args.retrospective;
    if (retrospective === undefined) {
      retrospective = [];
      // One lesson per box; an empty box ends the list (Escape keeps what was written).
      for (;;) {
        const lesson = await vscode.window.showInputBox({
          title: vscode.l10n.t('Retrospective ({0} so far)', retrospective.length),
          prompt: vscode.l10n.t('What did the two of you learn from this mentorship as a whole? Leave empty to finish.'),
        });
        if (!lesson?.trim()) break;
        retrospective.push(lesson.trim());
      }
    }
    const lessons = retrospective.map((line) => line.trim()).filter(Boolean);
    const now = this.services.store.forDocument(target.document)?.result.plan ?? target.entry.result.plan;
    const session = args.addSession === false ? undefined : sessionWithAgenda(now, 'closure', date);
    return this.edit(target, (text, options) => closeMentorship(text, { date, outcome, ...(lessons.length ? { retrospective: lessons } : {}) }, session, options));
  }

  /** A relationship health-check session on the next date by cadence, its agenda from the bank. */
  async addHealthCheckSession(input?: StatusArgs | PlanNode): Promise<boolean> {
    const args: StatusArgs = (isNode(input) ? { uri: input.uri } : input) ?? {};
    const target = await this.services.resolver.planFor(args.uri);
    if (!target) return false;
    const date = nextSessionDate(target.entry.result.plan, target.entry.today);
    return (await vscode.commands.executeCommand<boolean>(COMMANDS.addSession, { uri: target.document.uri, type: 'health-check', date })) === true;
  }

  private async edit(target: ResolvedPlan, compute: PlanEditCompute): Promise<boolean> {
    const changed = await applyPlanEdit(target.document, compute, this.services.log, this.services.store);
    if (changed) await vscode.window.showTextDocument(target.document, { preserveFocus: true, preview: false });
    return changed;
  }
}

async function pickScore(placeHolder: string): Promise<number | undefined> {
  const items = ([5, 4, 3, 2, 1] as const).map((score) => ({ label: `${score}`, description: HEALTH_SCORE_MEANINGS[score], value: score as number }));
  return pick(items, placeHolder);
}

async function pick<T>(items: (vscode.QuickPickItem & { value: T })[], placeHolder: string): Promise<T | undefined> {
  return (await vscode.window.showQuickPick(items, { placeHolder }))?.value;
}

function isNode(value: unknown): value is PlanNode {
  return typeof value === 'object' && value !== null && 'kind' in value && 'item' in value && 'uri' in value;
}

export const registerRelationshipCommands: Feature = (context, services) => {
  const commands = new RelationshipCommands(services, services.identity);
  const handlers: [string, (arg?: unknown) => unknown][] = [
    [COMMANDS.recordHealthCheckin, (args) => commands.recordHealth(args as RecordHealthArgs | PlanNode | undefined)],
    [COMMANDS.pauseMentorship, (args) => commands.setStatus('paused', args as StatusArgs | PlanNode | undefined)],
    [COMMANDS.resumeMentorship, (args) => commands.setStatus('active', args as StatusArgs | PlanNode | undefined)],
    [COMMANDS.closeMentorship, (args) => commands.close(args as CloseArgs | PlanNode | undefined)],
    [COMMANDS.addHealthCheckSession, (args) => commands.addHealthCheckSession(args as StatusArgs | PlanNode | undefined)],
  ];
  for (const [id, handler] of handlers) context.subscriptions.push(registerLoggedCommand(services.log, id, handler));
};
