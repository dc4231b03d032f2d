// Reminders without a server (issue 11): a plan's coming sessions (scheduled ones, then one per
// cadence after the latest) and its open actions by due date, as all-day events for any calendar.
// The events are computed here from the plan facts; ical-generator turns them into iCalendar
// text (RFC 5545). Pure, so the CLI and the extension (desktop and web) export the same file.
import ical, { ICalCalendarMethod, ICalEventTransparency } from 'ical-generator';
import { addDays, dayNumber, daysInMonth } from './dates';
import type { Plan } from './plan';
import { daysOfCadence, datedSessions, entriesOf, mentorshipStatus, openActions, planStatus, textOf } from './plan-facts';

/** One all-day event. `uid` stays the same for the same session or action, so re-importing updates it. */
export interface CalendarEvent {
  uid: string;
  /** YYYY-MM-DD */
  date: string;
  summary: string;
  description: string;
  kind: 'session' | 'cadence' | 'action';
}

export interface CalendarOptions {
  /** First day covered, YYYY-MM-DD (usually today). */
  from: string;
  /** How many months after `from` are covered (the cadence sessions stop there); default 3. */
  months?: number;
  /** Names the plan in every UID (a file name, say), so two plans' events never share one. */
  planKey: string;
}

const DOMAIN = 'mentoring-plan';

/** The last day covered: the day before the same day `months` calendar months after `from` (Jan 31 + 1 month ends Feb 28/29). */
export function lastDay(from: string, months: number): string {
  const [year, month, day] = from.split('-').map(Number);
  const total = month - 1 + Math.max(0, Math.floor(months));
  const targetYear = year + Math.floor(total / 12);
  const targetMonth = (total % 12) + 1;
  const target = `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(Math.min(day, daysInMonth(targetYear, targetMonth))).padStart(2, '0')}`;
  return addDays(target, -1);
}

/** A short, stable, UID-safe fingerprint of a text (FNV-1a, 32 bits). */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** A UID part from free text: letters, digits and dashes only. */
function uidPart(text: string): string {
  return text.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || fingerprint(text);
}

/** Descriptions carry no links (a calendar makes them clickable; plans are private to the pair). */
function linkFree(text: string): string {
  return text.replace(/\b(?:https?|ftp|file|mailto):\S*/gi, '[link left out]').replace(/\bwww\.\S+/gi, '[link left out]');
}

export function calendarEvents(plan: Partial<Plan> | undefined, options: CalendarOptions): CalendarEvent[] {
  const from = options.from;
  const until = lastDay(from, options.months ?? 3);
  const within = (date: string) => date >= from && date <= until;
  const title = textOf(plan?.mentorship?.title) ?? [textOf(plan?.mentorship?.protege?.name), textOf(plan?.mentorship?.mentor?.name)].filter(Boolean).join(' and ') ?? options.planKey;
  const planTitle = title || options.planKey;
  const key = uidPart(options.planKey);
  const status = plan ? mentorshipStatus(plan) : 'active';
  const events: CalendarEvent[] = [];

  // Sessions: those already scheduled, then (while the mentorship is active) one per cadence after the latest.
  const sessions = datedSessions(plan);
  for (const session of sessions) {
    const date = String(session.date);
    if (!within(date) || status === 'closed') continue;
    const id = textOf(session.id) ?? date;
    const agenda = Array.isArray(session.agenda) ? session.agenda.filter((q): q is string => typeof q === 'string') : [];
    events.push({
      uid: `session-${key}-${uidPart(id)}-${fingerprint(id)}@${DOMAIN}`,
      date,
      summary: `Mentoring session: ${planTitle}`,
      description: linkFree([`${planTitle}: ${textOf(session.type) ?? 'session'} (${id}).`, ...agenda.map((q) => `- ${q}`)].join('\n')),
      kind: 'session',
    });
  }
  const cadence = daysOfCadence(plan?.mentorship?.cadence);
  const latest = sessions.length ? String(sessions[sessions.length - 1].date) : textOf(plan?.mentorship?.started);
  if (status === 'active' && cadence !== undefined && latest !== undefined && dayNumber(latest) !== undefined) {
    for (let date = addDays(latest, cadence); date <= until; date = addDays(date, cadence)) {
      if (date < from) continue;
      events.push({
        uid: `cadence-${key}-${date}@${DOMAIN}`,
        date,
        summary: `Mentoring session due: ${planTitle}`,
        description: linkFree(`${planTitle}: the next session by your ${String(plan?.mentorship?.cadence)} cadence. Add it to the plan when you have set the date.`),
        kind: 'cadence',
      });
    }
  }

  // Open actions with a due date in the window, each under the session it began in.
  if (status !== 'closed') {
    for (const { item: session } of entriesOf(plan, 'sessions')) {
      const sessionId = textOf(session.id) ?? '';
      for (const action of openActions(session)) {
        const due = textOf(action.due);
        if (due === undefined || dayNumber(due) === undefined || !within(due)) continue;
        const text = String(action.text).trim();
        const owner = textOf(action.owner);
        events.push({
          uid: `action-${key}-${uidPart(sessionId)}-${fingerprint(`${sessionId}\n${text}`)}@${DOMAIN}`,
          date: due,
          summary: `Due: ${text}`,
          description: linkFree(`${planTitle}: ${text}${owner ? ` (owner: ${owner})` : ''}, agreed in session ${sessionId || '?'}.`),
          kind: 'action',
        });
      }
    }
  }
  // One event per UID (two identical actions in one session are one reminder), by date.
  const unique = new Map<string, CalendarEvent>();
  for (const event of events) if (!unique.has(event.uid)) unique.set(event.uid, event);
  return [...unique.values()].sort((a, b) => a.date.localeCompare(b.date) || a.uid.localeCompare(b.uid));
}

/** Turns events into calendar text; the default is ical-generator, tests may pass another. */
export type ICalendarWriter = (events: readonly CalendarEvent[], stamp: Date) => string;

/** RFC 5545 allows no control characters in TEXT but tab (line breaks are escaped): others become spaces. */
export function withoutControls(value: string): string {
  return value.replace(/\r\n|\r/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
}

/** Midnight UTC of a YYYY-MM-DD day: ical-generator writes an all-day date from the UTC fields. */
function utcDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

// A library writes the format (escaping, folding at 75 octets, line endings), not our code.
export const writeICalendar: ICalendarWriter = (events, stamp) => {
  const calendar = ical({ prodId: { company: DOMAIN, product: 'Mentoring Plan', language: 'EN' }, method: ICalCalendarMethod.PUBLISH });
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      stamp,
      start: utcDay(event.date),
      end: utcDay(addDays(event.date, 1)),
      allDay: true,
      summary: withoutControls(event.summary),
      description: withoutControls(event.description),
      categories: [{ name: event.kind === 'action' ? 'Mentoring action' : 'Mentoring session' }],
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  // RFC 5545 ends every content line, the last one too, with CRLF; the library leaves the last bare.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
};

/** The plan's calendar as iCalendar text. */
export function planCalendar(plan: Partial<Plan> | undefined, options: CalendarOptions & { stamp: Date }, writer: ICalendarWriter = writeICalendar): string {
  return writer(calendarEvents(plan, options), options.stamp);
}

/** What the daily reminder mentions for one plan: open actions due tomorrow, and whether a session is due by cadence. */
export interface DueSoon {
  actionsDueTomorrow: string[];
  /** The date a session is due by cadence (today or tomorrow) when none is scheduled, else undefined. */
  sessionDue: string | undefined;
}

export function dueSoon(plan: Partial<Plan> | undefined, today: string): DueSoon {
  const tomorrow = addDays(today, 1);
  const status = plan ? mentorshipStatus(plan) : 'active';
  if (status !== 'active') return { actionsDueTomorrow: [], sessionDue: undefined };
  const actionsDueTomorrow = entriesOf(plan, 'sessions').flatMap(({ item }) => openActions(item).filter((action) => action.due === tomorrow).map((action) => String(action.text)));
  const next = planStatus(plan, today);
  const sessionDue = !next.scheduled && next.nextSession !== undefined && next.nextSession <= tomorrow ? next.nextSession : undefined;
  return { actionsDueTomorrow, sessionDue };
}
