// Facts about a plan that commands and the status bar need (next date by cadence, open actions).
// No vscode import: pure functions over the parsed plan, unit-tested in test/unit.
import { datedSessions, openActions } from '../core/plan-facts';
import type { Action, Plan, Session } from '../core/plan';
import { CADENCE_DAYS } from '../core/rules/cadence-lapse';
import { addDays, dayNumber } from '../core/dates';
import { entries, mentorshipStatus, textOf } from '../core/rules/plan-access';

function cadenceDays(plan: Partial<Plan> | undefined): number {
  return CADENCE_DAYS[String(plan?.mentorship?.cadence)] ?? CADENCE_DAYS.biweekly;
}

/**
 * The date a new session defaults to: one cadence after the latest session (or the start date
 * when there is none), but never in the past, since a new session is usually being scheduled.
 */
export function nextSessionDate(plan: Partial<Plan> | undefined, today: string): string {
  const sessions = datedSessions(plan);
  const last = sessions.length ? String(sessions[sessions.length - 1].date) : undefined;
  const started = textOf(plan?.mentorship?.started);
  const candidate = last ? addDays(last, cadenceDays(plan)) : started && dayNumber(started) !== undefined ? started : today;
  return candidate < today ? today : candidate;
}

/** The session after `sessionId` by date, the natural place to carry its open actions to. */
export function sessionAfter(plan: Partial<Plan> | undefined, sessionId: string): Partial<Session> | undefined {
  const sessions = datedSessions(plan);
  const index = sessions.findIndex((session) => session.id === sessionId);
  return index === -1 ? undefined : sessions.slice(index + 1).find((session) => typeof session.id === 'string');
}

/**
 * The default pair for "carry forward": the latest session up to today with open actions, and the
 * first session after it.
 */
export function carryForwardDefaults(plan: Partial<Plan> | undefined, today: string): { from?: string; to?: string } {
  const sessions = datedSessions(plan);
  const candidates = sessions.filter((session) => String(session.date) <= today && openActions(session).length > 0 && typeof session.id === 'string');
  const from = candidates[candidates.length - 1] ?? sessions.filter((session) => openActions(session).length > 0).pop();
  if (!from?.id) return {};
  return { from: from.id, to: sessionAfter(plan, from.id)?.id };
}

export interface PlanStatus {
  /** Open actions whose due date has passed. */
  overdueActions: number;
  /** The next session: the earliest one scheduled from today on, else one cadence after the last meeting. */
  nextSession: string | undefined;
  /** True when nextSession is an actual entry, false when it is only due by cadence. */
  scheduled: boolean;
}

export function planStatus(plan: Partial<Plan> | undefined, today: string): PlanStatus {
  let overdueActions = 0;
  for (const { item: session } of entries<Session>(plan?.sessions)) {
    for (const { item: action } of entries<Action>(session.actions)) {
      if (action.done !== true && typeof action.due === 'string' && dayNumber(action.due) !== undefined && action.due < today) overdueActions++;
    }
  }
  if (!plan || mentorshipStatus(plan) !== 'active') return { overdueActions, nextSession: undefined, scheduled: false };
  const sessions = datedSessions(plan);
  const upcoming = sessions.find((session) => String(session.date) >= today);
  if (upcoming) return { overdueActions, nextSession: String(upcoming.date), scheduled: true };
  const last = sessions.length ? String(sessions[sessions.length - 1].date) : textOf(plan.mentorship?.started);
  const nextSession = last && dayNumber(last) !== undefined ? addDays(last, cadenceDays(plan)) : undefined;
  return { overdueActions, nextSession, scheduled: false };
}

/** A kebab-case id from free text ("Give a talk!" -> "give-a-talk"), unique among `taken`. */
export function idFrom(textValue: string, taken: ReadonlySet<string>, fallback = 'goal'): string {
  const base =
    textValue
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .split('-')
      .slice(0, 5)
      .join('-') || fallback;
  if (!taken.has(base)) return base;
  let counter = 2;
  while (taken.has(`${base}-${counter}`)) counter++;
  return `${base}-${counter}`;
}

export function idsIn(list: unknown): Set<string> {
  return new Set(entries<{ id: string }>(list).flatMap(({ item }) => (typeof item.id === 'string' ? [item.id] : [])));
}

/** `id` with the first free numeric suffix: `kickoff` -> `kickoff-2`, `kickoff-2` -> `kickoff-3`. */
export function uniqueId(id: string, taken: ReadonlySet<string>): string {
  const match = /^(.*?)-(\d+)$/.exec(id);
  const base = match ? match[1] : id;
  let counter = match ? Number(match[2]) + 1 : 2;
  while (taken.has(`${base}-${counter}`)) counter++;
  return `${base}-${counter}`;
}
