// The one home for facts about a plan: its entries and ids, lookups by id and by path, open and
// overdue actions, the next session by cadence, the status bar's summary, carry-forward defaults
// and new unique ids. The rules, the CLI, the summary and every extension feature ask here, so two
// features never answer one question two ways. Pure and defensive: plans may break the schema, so
// every field is checked before use, and the host passes `today` in.
import { addDays, dayNumber } from './dates';
import type { PlanPath } from './parse';
import type { Action, Feedback, Goal, Plan, Session } from './plan';

/** An entry of a list that is a mapping, with its index in the list (what paths need). */
export interface Entry<T> {
  item: Partial<T>;
  index: number;
}

/** The mappings of a list, with their indices; anything else (a string, null, a nested list) is skipped. */
export function entries<T>(value: unknown): Entry<T>[] {
  if (!Array.isArray(value)) return [];
  const found: Entry<T>[] = [];
  value.forEach((item, index) => {
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) found.push({ item: item as Partial<T>, index });
  });
  return found;
}

/** A YAML mapping's plain value (not null, not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Deep equality of plain values (what toJS and JSON give): key order ignored, an undefined key counts as absent. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => sameValue(a[key], b[key]));
}

export function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Text a view can show: a string that is not blank, or a number as written. */
export function shownText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** The mentorship's status; a plan that does not say (no status, a blank one, or not a word) is active. */
export function mentorshipStatus(plan: Partial<Plan>): string {
  const status = writtenStatus(plan);
  return typeof status === 'string' && status.trim() !== '' ? status : 'active';
}

/** The mentorship's status as the file writes it, whatever it is. */
function writtenStatus(plan: Partial<Plan>): unknown {
  return plan.mentorship && typeof plan.mentorship === 'object' ? plan.mentorship.status : undefined;
}

/**
 * Whether the plan already says `status` (active: or says nothing): pausing or resuming it would
 * change nothing. A blank or odd status counts as active but is not written as such, so resuming
 * writes `active` over it.
 */
export function saysStatus(plan: Partial<Plan>, status: string): boolean {
  const written = writtenStatus(plan);
  return written === status || (status === 'active' && written === undefined);
}

/** Active plans first, then paused, then closed (anything else counts as active): how lists of plans are ordered. */
export function mentorshipStatusRank(plan: Partial<Plan> | undefined): number {
  const status = plan ? mentorshipStatus(plan) : 'active';
  return status === 'closed' ? 2 : status === 'paused' ? 1 : 0;
}

/** The value at `path` in a plan's plain value (or any part of it), or undefined where the path leaves it. */
export function valueAt(root: unknown, path: PlanPath): unknown {
  let value = root;
  for (const part of path) value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[part] : undefined;
  return value;
}

/** The lists of a plan whose entries have ids. */
export interface EntryKinds {
  goals: Goal;
  sessions: Session;
  feedback: Feedback;
}
export type EntryKind = keyof EntryKinds;

export function isEntryKind(value: unknown): value is EntryKind {
  return value === 'goals' || value === 'sessions' || value === 'feedback';
}

/** The entries of one of the plan's lists. */
export function entriesOf<K extends EntryKind>(plan: Partial<Plan> | undefined, kind: K): Entry<EntryKinds[K]>[] {
  return entries<EntryKinds[K]>(plan?.[kind]);
}

/** The ids used in one of the plan's lists, each once, in file order. */
export function idsOf(plan: Partial<Plan> | undefined, kind: EntryKind): string[] {
  return [...new Set(entriesOf(plan, kind).flatMap(({ item }) => textOf(item.id) ?? []))];
}

/** The first entry of a list with `id` (a duplicate id is the duplicate-id rule's to report). */
export function entryById<K extends EntryKind>(plan: Partial<Plan> | undefined, kind: K, id: string): Entry<EntryKinds[K]> | undefined {
  return entriesOf(plan, kind).find(({ item }) => item.id === id);
}

/** entryById for every id at once, for callers that look up many ids (a diff of two plans): the first entry per id. */
export function entriesById<K extends EntryKind>(plan: Partial<Plan> | undefined, kind: K): Map<string, Entry<EntryKinds[K]>> {
  const found = new Map<string, Entry<EntryKinds[K]>>();
  for (const entry of entriesOf(plan, kind)) {
    const id = textOf(entry.item.id);
    if (id !== undefined && !found.has(id)) found.set(id, entry);
  }
  return found;
}

/** An action still to do: not done, and saying what (a blank action is the schema's to report). */
export function isOpenAction(action: Partial<Action> | undefined): boolean {
  return action !== undefined && action.done !== true && typeof action.text === 'string' && action.text.trim() !== '';
}

/** How many open actions the plan has, in all its sessions. */
export function openActionCount(plan: Partial<Plan> | undefined): number {
  return entriesOf(plan, 'sessions').reduce((sum, { item }) => sum + openActions(item).length, 0);
}

export function openActions(session: Partial<Session> | undefined): Partial<Action>[] {
  return entries<Action>(session?.actions)
    .map(({ item }) => item)
    .filter(isOpenAction);
}

/**
 * Days an open action is past its due date (positive), else undefined: done, no due date, not
 * due yet, or a due date or `today` that is no calendar date (2026-02-30 is never overdue).
 */
export function daysOverdue(action: Partial<Action> | undefined, today: string): number | undefined {
  if (!isOpenAction(action)) return undefined;
  const due = dayNumber(action?.due);
  const todayNumber = dayNumber(today);
  return due === undefined || todayNumber === undefined || due >= todayNumber ? undefined : todayNumber - due;
}

export function isOverdue(action: Partial<Action> | undefined, today: string): boolean {
  return daysOverdue(action, today) !== undefined;
}

export interface OverdueAction {
  session: Partial<Session>;
  sessionIndex: number;
  action: Partial<Action>;
  actionIndex: number;
  days: number;
}

/** Every overdue action of the plan, in file order. */
export function overdueActions(plan: Partial<Plan> | undefined, today: string): OverdueAction[] {
  const found: OverdueAction[] = [];
  for (const { item: session, index: sessionIndex } of entriesOf(plan, 'sessions')) {
    for (const { item: action, index: actionIndex } of entries<Action>(session.actions)) {
      const days = daysOverdue(action, today);
      if (days !== undefined) found.push({ session, sessionIndex, action, actionIndex, days });
    }
  }
  return found;
}

/** An open action and where it stands: its session, and its index in the session's actions. */
export interface PlacedAction {
  session: Partial<Session>;
  sessionIndex: number;
  action: Partial<Action>;
  actionIndex: number;
  /** Days past due (positive) when overdue, else undefined. */
  daysOverdue: number | undefined;
}

/** Every open action of the plan, soonest due first (no due date last), file order among equals. */
export function openActionsByDue(plan: Partial<Plan> | undefined, today: string): PlacedAction[] {
  const found: PlacedAction[] = [];
  for (const { item: session, index: sessionIndex } of entriesOf(plan, 'sessions')) {
    for (const { item: action, index: actionIndex } of entries<Action>(session.actions)) {
      if (isOpenAction(action)) found.push({ session, sessionIndex, action, actionIndex, daysOverdue: daysOverdue(action, today) });
    }
  }
  const due = (placed: PlacedAction) => dayNumber(placed.action.due) ?? Number.POSITIVE_INFINITY;
  return found.map((placed, order) => ({ placed, order })).sort((a, b) => due(a.placed) - due(b.placed) || a.order - b.order).map(({ placed }) => placed);
}

/** The two sides of the pair, in the plan's order (mentor, then protégé). */
export const SIDES = ['mentor', 'protege'] as const;
export type Side = (typeof SIDES)[number];

export function isSide(value: unknown): value is Side {
  return value === 'mentor' || value === 'protege';
}

export function otherSide(side: Side): Side {
  return side === 'mentor' ? 'protege' : 'mentor';
}

/** Open actions in groups by owner: the user's own first, then both of us, then the other side, then those with no owner. */
export function actionsByOwner(actions: readonly PlacedAction[], me: Side | undefined): { owner: string; actions: PlacedAction[] }[] {
  const other = me && otherSide(me);
  const order = me && other ? [me, 'both', other] : ['protege', 'mentor', 'both'];
  const ownerOf = (placed: PlacedAction) => {
    const owner = textOf(placed.action.owner);
    return owner !== undefined && order.includes(owner) ? owner : '';
  };
  return [...order, '']
    .map((owner) => ({ owner, actions: actions.filter((placed) => ownerOf(placed) === owner) }))
    .filter((group) => group.actions.length > 0);
}

/** The agreed cadence in days. */
export const CADENCE_DAYS: Readonly<Record<string, number>> = { weekly: 7, biweekly: 14, monthly: 30 };

/** The days of a cadence named in a plan, or undefined for a name we do not know (`toString` included). */
export function daysOfCadence(cadence: unknown): number | undefined {
  return typeof cadence === 'string' && Object.hasOwn(CADENCE_DAYS, cadence) ? CADENCE_DAYS[cadence] : undefined;
}

/** The cadence in days, biweekly when the plan names none (or one we do not know). */
function cadenceDays(plan: Partial<Plan> | undefined): number {
  return daysOfCadence(plan?.mentorship?.cadence) ?? CADENCE_DAYS.biweekly;
}

/** Sessions with a calendar date, oldest first (file order among equal dates). */
export function datedSessions(plan: Partial<Plan> | undefined): Partial<Session>[] {
  return entriesOf(plan, 'sessions')
    .filter(({ item }) => dayNumber(item.date) !== undefined)
    .sort((a, b) => String(a.item.date).localeCompare(String(b.item.date)) || a.index - b.index)
    .map(({ item }) => item);
}

/** The date of the last session held on or before `todayNumber`, or the start when none was, as a day number. */
export function lastMeeting(plan: Partial<Plan>, todayNumber: number): number | undefined {
  let last = dayNumber(plan.mentorship?.started);
  for (const { item } of entriesOf(plan, 'sessions')) {
    const date = dayNumber(item.date);
    if (date !== undefined && date <= todayNumber && (last === undefined || date > last)) last = date;
  }
  return last;
}

/** Texts of the open actions of the latest session held before `date`; they become follow-up questions. */
export function previousOpenActions(plan: Partial<Plan> | undefined, date: string): string[] {
  const before = datedSessions(plan).filter((session) => String(session.date) < date);
  const previous = before[before.length - 1];
  return openActions(previous).map((action) => String(action.text));
}

/** An open action a new session can follow up on, and the session it stays in. */
export interface CarryForwardCandidate {
  text: string;
  sessionId: string | undefined;
  sessionDate: string;
  due: string | undefined;
  owner: string | undefined;
  /** From the latest session before the new one: offered ticked, as previousOpenActions gives them. */
  fromLatest: boolean;
}

/**
 * The open actions of every session held before `date`, latest session first, each action once:
 * one carried forward into a later session (same text, whitespace and case aside) is offered from
 * the latest session that holds it. The actions stay where they are; the new session only asks
 * about them.
 */
export function carryForwardCandidates(plan: Partial<Plan> | undefined, date: string): CarryForwardCandidate[] {
  const before = datedSessions(plan).filter((session) => String(session.date) < date);
  const latest = before[before.length - 1];
  const seen = new Set<string>();
  const found: CarryForwardCandidate[] = [];
  for (const session of [...before].reverse()) {
    for (const action of openActions(session)) {
      const text = String(action.text);
      const key = text.replace(/\s+/g, ' ').trim().toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ text, sessionId: textOf(session.id), sessionDate: String(session.date), due: textOf(action.due), owner: textOf(action.owner), fromLatest: session === latest });
    }
  }
  return found;
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
  const from = candidates[candidates.length - 1] ?? sessions.filter((session) => openActions(session).length > 0 && typeof session.id === 'string').pop();
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

/** What the status bar shows for one plan. A paused or closed mentorship has nothing due and nothing overdue. */
export function planStatus(plan: Partial<Plan> | undefined, today: string): PlanStatus {
  if (!plan || mentorshipStatus(plan) !== 'active') return { overdueActions: 0, nextSession: undefined, scheduled: false };
  const overdue = overdueActions(plan, today).length;
  const sessions = datedSessions(plan);
  const upcoming = sessions.find((session) => String(session.date) >= today);
  if (upcoming) return { overdueActions: overdue, nextSession: String(upcoming.date), scheduled: true };
  const last = sessions.length ? String(sessions[sessions.length - 1].date) : textOf(plan.mentorship?.started);
  const nextSession = last && dayNumber(last) !== undefined ? addDays(last, cadenceDays(plan)) : undefined;
  return { overdueActions: overdue, nextSession, scheduled: false };
}

/** An id made from free text ("Give a talk!" -> "give-a-talk"), at most five words, unique among `taken`. */
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
  return uniqueId(base, taken);
}

/**
 * `id` itself when no entry uses it, else `id-2`, `id-3`… the first that is free. The suffix goes
 * after the whole id, never counting up a number already in it: the day in `checkin-2026-01-05`
 * or the goal `q-2` in `feedback-2026-11-27-q-2` is data, and counting it up would name another
 * day or goal.
 */
export function uniqueId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  let counter = 2;
  while (taken.has(`${id}-${counter}`)) counter++;
  return `${id}-${counter}`;
}

/** The id a new session gets: `<type>-<date>`, made unique among the plan's sessions. */
export function newSessionId(plan: Partial<Plan> | undefined, type: string, date: string): string {
  return uniqueId(`${type}-${date}`, new Set(idsOf(plan, 'sessions')));
}

/**
 * How far a new pair has come, as the walkthrough's steps count it: each is true when some plan of
 * the workspace shows it. The extension turns these into context keys
 * (`mentoringPlan.walkthrough.<name>`) that complete the steps, so a step is done by what is in the
 * plans, not by a click.
 */
export interface WalkthroughProgress {
  /** A plan exists. */
  hasPlan: boolean;
  /** A plan's agreement names both sides' roles, the confidentiality, what ends it, and the mentorship a cadence. */
  hasAgreement: boolean;
  /** A goal of kind stretch that is not dropped. */
  hasStretchGoal: boolean;
  /** A kick-off session was held: dated today or earlier, with notes, actions or a health check-in recorded. */
  hasKickoff: boolean;
  /** A feedback entry with feedforward written. */
  hasFeedback: boolean;
}

export const WALKTHROUGH_PROGRESS_KEYS = ['hasPlan', 'hasAgreement', 'hasStretchGoal', 'hasKickoff', 'hasFeedback'] as const satisfies readonly (keyof WalkthroughProgress)[];

/** The workspace's progress: each step is done when some plan shows it (planWalkthroughProgress, combined). */
export function walkthroughProgress(plans: readonly (Partial<Plan> | undefined)[], today: string): WalkthroughProgress {
  return mergeWalkthroughProgress(plans.map((plan) => planWalkthroughProgress(plan, today)));
}

/** What one plan shows of the walkthrough's steps; nothing when the file holds no plan. */
export function planWalkthroughProgress(plan: Partial<Plan> | undefined, today: string): WalkthroughProgress {
  if (!isRecord(plan)) return mergeWalkthroughProgress([]);
  return {
    hasPlan: true,
    hasAgreement: hasFullAgreement(plan),
    hasStretchGoal: entriesOf(plan, 'goals').some(({ item }) => item.kind === 'stretch' && item.status !== 'dropped'),
    hasKickoff: entriesOf(plan, 'sessions').some(({ item }) => item.type === 'kickoff' && wasHeld(item, today)),
    hasFeedback: entriesOf(plan, 'feedback').some(({ item }) => Array.isArray(item.feedforward) && item.feedforward.some(isFilled)),
  };
}

/**
 * Plans' own progress combined into the workspace's: a step is done when any of them shows it. A
 * new object: the ones given are left as they are (the extension keeps each plan's in its digest).
 */
export function mergeWalkthroughProgress(progresses: Iterable<WalkthroughProgress>): WalkthroughProgress {
  const total: WalkthroughProgress = { hasPlan: false, hasAgreement: false, hasStretchGoal: false, hasKickoff: false, hasFeedback: false };
  for (const progress of progresses) for (const key of WALKTHROUGH_PROGRESS_KEYS) total[key] ||= progress[key];
  return total;
}

function isFilled(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

function hasFullAgreement(plan: Partial<Plan>): boolean {
  const mentorship = isRecord(plan.mentorship) ? plan.mentorship : undefined;
  const agreement = isRecord(mentorship?.agreement) ? mentorship.agreement : undefined;
  const roles = isRecord(agreement?.roles) ? agreement.roles : undefined;
  const listed = (list: unknown) => Array.isArray(list) && list.some(isFilled);
  return daysOfCadence(mentorship?.cadence) !== undefined && listed(roles?.mentor) && listed(roles?.protege) && isFilled(agreement?.confidentiality) && isFilled(agreement?.endWhen);
}

/** A session that took place: its day has come and something of it was written down. */
function wasHeld(session: Partial<Session>, today: string): boolean {
  if (dayNumber(session.date) === undefined || String(session.date) > today) return false;
  return isFilled(session.notes) || (Array.isArray(session.actions) && session.actions.length > 0) || isRecord(session.health);
}
