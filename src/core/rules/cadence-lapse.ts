import { dayNumber } from '../dates';
import { daysOfCadence, lastMeeting, mentorshipStatus } from '../plan-facts';
import type { Rule } from './rule';

/** A relationship that stops meeting fades; flag a gap of more than 1.5 times the agreed cadence. */
export const cadenceLapse: Rule = {
  code: 'cadence-lapse',
  severity: 'warning',
  check({ plan, today, rangeOf }) {
    const todayNumber = dayNumber(today);
    const mentorship = plan.mentorship;
    if (todayNumber === undefined || !mentorship || typeof mentorship !== 'object' || mentorshipStatus(plan) !== 'active') return [];
    const interval = daysOfCadence(mentorship.cadence);
    const last = lastMeeting(plan, todayNumber);
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
