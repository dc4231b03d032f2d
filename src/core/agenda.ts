// Agenda drafting from the question bank: the default agenda for a new session, follow-ups for
// last session's open actions, and the ordered list an editor offers as completions. Pure and
// deterministic, so "add session" gives the same draft in the CLI, the desktop and the browser.

import type { Plan, Session, SessionType } from './plan';
import { newSessionId } from './plan-facts';
import { SESSION_TYPES } from './plan';
import type { AskedBy, BankQuestion, Stage } from './questions';
import { SESSION_TYPE_LABELS, STAGE_LABELS, normalizeQuestion, questionsFor, stagesOf } from './questions';

export interface DefaultAgendaOptions {
  /** Texts of the previous session's actions that are not done; each becomes a follow-up question. */
  previousOpenActions?: readonly string[];
  /** How many bank questions to take (follow-ups come on top). Defaults to one per stage. */
  count?: number;
}

/**
 * Turns an unfinished action into an open follow-up question. Asking what was learned, not just
 * whether it got done, keeps the follow-up about transfer of learning rather than a status check.
 */
export function followUpQuestion(actionText: string): string {
  const action = actionText.replace(/\s+/g, ' ').trim().replace(/[.!?;:,\s]+$/, '');
  return `How did '${action}' go, and what did you learn from it?`;
}

/**
 * A balanced draft agenda: follow-ups for open actions first (unfinished work is the natural
 * opening), then bank questions taken round-robin across the type's stages, best first, so any
 * count of at least the number of stages covers every stage (for a check-in: all of GROW).
 */
export function defaultAgenda(type: SessionType, options: DefaultAgendaOptions = {}): string[] {
  const agenda: string[] = [];
  const seen = new Set<string>();
  const add = (text: string) => {
    const key = normalizeQuestion(text);
    if (key === '' || seen.has(key)) return;
    seen.add(key);
    agenda.push(text);
  };

  for (const action of options.previousOpenActions ?? []) {
    if (action.trim() !== '') add(followUpQuestion(action));
  }

  const stages = stagesOf(type);
  const count = Math.max(0, Math.floor(options.count ?? stages.length));
  const queues = stages.map((stage) => questionsFor(type, stage));
  let taken = 0;
  for (let round = 0; taken < count && queues.some((queue) => queue.length > round); round++) {
    for (const queue of queues) {
      if (taken >= count) break;
      const question = queue[round];
      if (question === undefined) continue;
      add(question.text);
      taken++;
    }
  }
  return agenda;
}

export interface AgendaCompletion {
  readonly text: string;
  readonly type: SessionType;
  readonly stage: Stage;
  readonly askedBy: AskedBy;
  /** True when the question belongs to the session's own type (these come first). */
  readonly ofSessionType: boolean;
  /** One line for the completion item, e.g. "Check-in · GROW: Reality · the mentor asks". */
  readonly detail: string;
}

function detailOf(question: BankQuestion): string {
  const who = question.askedBy === 'mentor' ? 'the mentor asks' : 'the protégé brings';
  return `${SESSION_TYPE_LABELS[question.type]} · ${STAGE_LABELS[question.stage]} · ${who}`;
}

/**
 * Bank questions to offer while writing an agenda: the session type's own first (by stage, best
 * first), then every other type's in SESSION_TYPES order, leaving out those already on the agenda.
 * With no type (a session without `type:`), the whole bank in its own order.
 */
export function agendaCompletions(type: SessionType | undefined, existing: readonly string[]): AgendaCompletion[] {
  const present = new Set(existing.map(normalizeQuestion));
  const order = type === undefined ? [...SESSION_TYPES] : [type, ...SESSION_TYPES.filter((t) => t !== type)];
  const result: AgendaCompletion[] = [];
  for (const t of order) {
    for (const question of questionsFor(t)) {
      if (present.has(normalizeQuestion(question.text))) continue;
      result.push({
        text: question.text,
        type: question.type,
        stage: question.stage,
        askedBy: question.askedBy,
        ofSessionType: question.type === type,
        detail: detailOf(question),
      });
    }
  }
  return result;
}

/**
 * A new session of `type` on `date` with its default agenda and an id unique in the plan: what
 * Close Mentorship (CLI and extension) adds as the closure session.
 */
export function sessionWithAgenda(plan: Partial<Plan> | undefined, type: SessionType, date: string): Session {
  return { id: newSessionId(plan, type, date), date, type, agenda: defaultAgenda(type) };
}
