// Pure helpers between the panel's draft and the plan's `feedback` entries. No vscode import, so
// test/unit checks them directly.
import type { Feedback, Goal, Plan, Session } from '../../core/plan';
import { entriesOf, entryById, uniqueId } from '../../core/plan-facts';
import type { FeedbackDraft, FeedbackFrom, PlanContext, PlanOption } from '../../protocol/feedback-editor';

export interface DraftSeed {
  goalId?: string;
  sessionId?: string;
  today: string;
  /** The user's side of the pair when the identity knows it; the mentor's otherwise (the field stays editable). */
  from?: FeedbackFrom;
}

/** A new, empty draft, linked to the goal or session it was opened from. */
export function emptyDraft(plan: Partial<Plan> | undefined, seed: DraftSeed): FeedbackDraft {
  let goal = seed.goalId ?? '';
  if (!goal && seed.sessionId) {
    // A session that works on one goal links the feedback to it as well.
    const session = entryById(plan, 'sessions', seed.sessionId)?.item;
    if (Array.isArray(session?.goals) && session.goals.length === 1 && typeof session.goals[0] === 'string') goal = session.goals[0];
  }
  return { from: seed.from ?? 'mentor', date: seed.today, goal, session: seed.sessionId ?? '', situation: '', behavior: '', impact: '', feedforward: [''] };
}

/** The draft for an existing entry; unknown shapes become empty fields rather than errors. */
export function draftFromFeedback(entry: Partial<Feedback>, today: string): FeedbackDraft {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const feedforward = Array.isArray(entry.feedforward) ? entry.feedforward.filter((item): item is string => typeof item === 'string') : [];
  return {
    from: entry.from === 'protege' ? 'protege' : 'mentor',
    date: typeof entry.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(entry.date) ? entry.date : today,
    goal: text(entry.goal),
    session: text(entry.session),
    situation: text(entry.situation),
    behavior: text(entry.behavior),
    impact: text(entry.impact),
    feedforward: feedforward.length > 0 ? feedforward : [''],
  };
}

export type DraftCheck = { ok: true; feedback: Feedback } | { ok: false; problem: 'feedforward' | 'date' };

/**
 * The entry a draft saves as: trimmed, empty optional fields left out, empty suggestions dropped.
 * Key order follows the schema, so a new entry reads like the ones written by hand.
 */
export function feedbackFromDraft(draft: FeedbackDraft, id: string): DraftCheck {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) return { ok: false, problem: 'date' };
  const feedforward = draft.feedforward.map((item) => item.trim()).filter((item) => item !== '');
  if (feedforward.length === 0) return { ok: false, problem: 'feedforward' };
  const optional = (value: string) => value.trim() || undefined;
  const feedback: Feedback = {
    id,
    date: draft.date,
    from: draft.from,
    goal: optional(draft.goal),
    session: optional(draft.session),
    situation: optional(draft.situation),
    behavior: optional(draft.behavior),
    impact: optional(draft.impact),
    feedforward,
  };
  for (const key of Object.keys(feedback) as (keyof Feedback)[]) if (feedback[key] === undefined) delete feedback[key];
  return { ok: true, feedback };
}

/** `feedback-<date>` (or `feedback-<date>-<goal>`), with `-2`, `-3`… until no entry uses it. */
export function newFeedbackId(date: string, goal: string, taken: Iterable<string>): string {
  const slug = (value: string) =>
    value
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const parts = ['feedback', slug(date), slug(goal)].filter((part) => part !== '');
  return uniqueId(parts.join('-').slice(0, 120).replace(/-+$/, ''), new Set(taken));
}

/** A stable serialisation of an entry, to tell whether it changed since the panel opened. */
export function entrySnapshot(entry: unknown): string {
  return JSON.stringify(entry ?? null, (_key, value: unknown) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) sorted[key] = (value as Record<string, unknown>)[key];
    return sorted;
  });
}

const MAX_LABEL = 300;

function clip(text: string): string {
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}

/** What the panel's selects and labels show for a plan; every string is plain text. */
export function planContext(plan: Partial<Plan> | undefined, fileName: string): PlanContext {
  const goals: PlanOption[] = entriesOf(plan, 'goals')
    .map(({ item }) => item)
    .filter((goal): goal is Goal => typeof goal.id === 'string')
    .map((goal) => ({ id: goal.id, label: clip(typeof goal.title === 'string' && goal.title.trim() ? goal.title : goal.id) }));
  const sessions: PlanOption[] = entriesOf(plan, 'sessions')
    .map(({ item }) => item)
    .filter((session): session is Session => typeof session.id === 'string')
    .map((session) => {
      const details = [typeof session.date === 'string' ? session.date : '', typeof session.type === 'string' ? session.type : ''].filter(Boolean).join(' · ');
      return { id: session.id, label: clip(details ? `${details} — ${session.id}` : session.id) };
    });
  const mentorship = plan?.mentorship;
  const name = (value: unknown) => (typeof value === 'string' ? clip(value) : '');
  return {
    planName: name(mentorship?.title) || clip(fileName),
    mentorName: name(mentorship?.mentor?.name),
    protegeName: name(mentorship?.protege?.name),
    goals: goals.slice(0, 2000),
    sessions: sessions.slice(0, 2000),
  };
}
