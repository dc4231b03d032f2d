// What the views that list every plan read of each one, worked out once per check: the title and
// the pair, the status, the counts of open and overdue actions, the health trend, when the next
// session is due. A closed plan keeps this instead of its value (issue 15): at 1,000 plans the
// values were 50 MB of small objects, and each full garbage collection of the extension host
// marked them all (~0.5 s of a keystroke in ten). Each fact is the answer of the one function that
// answers it (plan-facts, health, calendar, identity); this file gathers them.
import { dueSoon } from './calendar';
import type { DueSoon } from './calendar';
import { healthTrend } from './health';
import type { SideTrend } from './health';
import { pairContacts } from './identity';
import type { PairContacts } from './identity';
import type { Plan } from './plan';
import { isRecord, mentorshipStatus, mentorshipStatusRank, openActionCount, overdueActions, planStatus, planWalkthroughProgress, shownText } from './plan-facts';
import type { PlanStatus, WalkthroughProgress } from './plan-facts';

export interface PlanDigest {
  /** The file holds a plan (a mapping at its root). */
  readonly hasPlan: boolean;
  /** The mentorship's title, when it has one that is not blank. */
  readonly title: string | undefined;
  readonly mentorName: string | undefined;
  readonly protegeName: string | undefined;
  /** active, paused, closed or whatever word the plan says; a plan that does not say is active (mentorshipStatus). */
  readonly status: string;
  /** The status as a list shows it: `status`, or none when the file has no mentorship to read. */
  readonly shownStatus: string | undefined;
  /** Active first, then paused, then closed (mentorshipStatusRank). */
  readonly statusRank: number;
  /** Who the mentor and the protégé are, as far as telling which one the user is needs. */
  readonly contacts: PairContacts;
  /** Each side's ratings up to the day of the check. */
  readonly health: readonly SideTrend[];
  /** Overdue actions and the next session, as the status bar counts them (nothing is due unless active). */
  readonly planStatus: PlanStatus;
  /** Open actions, whatever the status. */
  readonly openActions: number;
  /** Open actions past their due date, whatever the status. */
  readonly overdueActions: number;
  readonly walkthrough: WalkthroughProgress;
  /** What the day's reminder names. */
  readonly dueSoon: DueSoon;
}

export function planDigest(plan: Partial<Plan> | undefined, today: string): PlanDigest {
  const mentorship = isRecord(plan?.mentorship) ? plan.mentorship : undefined;
  const nameOf = (person: unknown) => (isRecord(person) ? shownText(person.name) : undefined);
  const status = plan ? mentorshipStatus(plan) : 'active';
  return {
    hasPlan: plan !== undefined,
    title: shownText(mentorship?.title),
    mentorName: nameOf(mentorship?.mentor),
    protegeName: nameOf(mentorship?.protege),
    status,
    shownStatus: mentorship ? status : undefined,
    statusRank: mentorshipStatusRank(plan),
    contacts: pairContacts(plan),
    health: healthTrend(plan, today),
    planStatus: planStatus(plan, today),
    openActions: openActionCount(plan),
    overdueActions: overdueActions(plan, today).length,
    walkthrough: planWalkthroughProgress(plan, today),
    dueSoon: dueSoon(plan, today),
  };
}
