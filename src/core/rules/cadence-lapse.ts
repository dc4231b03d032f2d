import type { Session } from '../plan';
import { dayNumber } from '../dates';
import { entries, mentorshipStatus } from './plan-access';
import type { Rule } from './rule';

export const CADENCE_DAYS: Record<string, number> = { weekly: 7, biweekly: 14, monthly: 30 };

/** The date of the last session held on or before today, or the start when none was. */
export function lastMeeting(sessions: unknown, started: unknown, todayNumber: number): number | undefined {
  let last = dayNumber(started);
  for (const { item } of entries<Session>(sessions)) {
    const date = dayNumber(item.date);
    if (date !== undefined && date <= todayNumber && (last === undefined || date > last)) last = date;
  }
  return last;
}

/** A relationship that stops meeting fades; flag a gap of more than 1.5 times the agreed cadence. */
export const cadenceLapse: Rule = {
  code: 'cadence-lapse',
  severity: 'warning',
  check({ plan, today, rangeOf }) {
    const todayNumber = dayNumber(today);
    const mentorship = plan.mentorship;
    if (todayNumber === undefined || !mentorship || typeof mentorship !== 'object' || mentorshipStatus(plan) !== 'active') return [];
    const interval = CADENCE_DAYS[String(mentorship.cadence)];
    const last = lastMeeting(plan.sessions, mentorship.started, todayNumber);
    if (interval === undefined || last === undefined) return [];
    const gap = todayNumber - last;
    if (gap <= interval * 1.5) return [];
    return [
      {
        severity: 'warning',
        code: 'cadence-lapse',
        message: `No session for ${gap} days, though the agreed cadence is ${String(mentorship.cadence)}. Schedule the next one, or set the mentorship to paused.`,
        range: rangeOf(['mentorship', 'cadence']),
        data: { path: ['mentorship', 'cadence'] },
      },
    ];
  },
};
