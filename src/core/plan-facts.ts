// Facts about a plan that the CLI and the extension both need. Pure, like the rest of the core.
import type { Action, Plan, Session } from './plan';
import { dayNumber } from './dates';
import { entries } from './rules/plan-access';

/** Sessions with a valid date, oldest first (file order among equal dates). */
export function datedSessions(plan: Partial<Plan> | undefined): Partial<Session>[] {
  return entries<Session>(plan?.sessions)
    .filter(({ item }) => dayNumber(item.date) !== undefined)
    .sort((a, b) => String(a.item.date).localeCompare(String(b.item.date)) || a.index - b.index)
    .map(({ item }) => item);
}

/** Texts of the open actions of the latest session held before `date`; they become follow-up questions. */
export function previousOpenActions(plan: Partial<Plan> | undefined, date: string): string[] {
  const before = datedSessions(plan).filter((session) => String(session.date) < date);
  const previous = before[before.length - 1];
  return openActions(previous).map((action) => String(action.text));
}

export function openActions(session: Partial<Session> | undefined): Partial<Action>[] {
  return entries<Action>(session?.actions)
    .map(({ item }) => item)
    .filter((action) => action.done !== true && typeof action.text === 'string' && action.text.trim() !== '');
}

