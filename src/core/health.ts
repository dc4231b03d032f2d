// The relationship's health over time: the ratings each side gave after sessions, in date order,
// drawn as a sparkline for the tree and as a Mermaid chart (plus plain text) for the summary.
// One reading of `sessions[].health` for every view, so the tree, the summary and the CLI agree.
import type { Plan, Session } from './plan';
import { entriesOf, isRecord, SIDES, textOf } from './plan-facts';
import type { Side } from './plan-facts';
import { dayNumber } from './dates';

/** What each rating means, shown where people choose one (the quick pick, the CLI's help). */
export const HEALTH_SCORE_MEANINGS: Readonly<Record<1 | 2 | 3 | 4 | 5, string>> = {
  1: 'Not working: I dread our sessions or get nothing from them',
  2: 'Struggling: something important is off and we should talk about it',
  3: 'Okay: useful, but it could be better',
  4: 'Good: I get real value and feel at ease',
  5: 'Great: it is one of the most valuable hours of my month',
};

/** A rating the schema allows: a whole number from 1 to 5. */
export function isHealthScore(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

/** One session's ratings; a side that did not rate (or wrote something else) is undefined. */
export interface HealthPoint {
  sessionId: string | undefined;
  date: string;
  /** Index of the session in the plan's list, for paths. */
  index: number;
  mentor: number | undefined;
  protege: number | undefined;
}

/**
 * Every session with at least one valid rating, by date (file order among equal dates). Sessions
 * after `until` (a YYYY-MM-DD day) are left out when it is given: a planned session has no rating yet.
 */
export function healthPoints(plan: Partial<Plan> | undefined, until?: string): HealthPoint[] {
  return entriesOf(plan, 'sessions')
    .filter(({ item }) => dayNumber(item.date) !== undefined && (until === undefined || String(item.date) <= until) && isRecord(item.health))
    .map(({ item, index }) => pointOf(item, index))
    .filter((point) => point.mentor !== undefined || point.protege !== undefined)
    .sort((a, b) => a.date.localeCompare(b.date) || a.index - b.index);
}

function pointOf(session: Partial<Session>, index: number): HealthPoint {
  const health = session.health as Record<string, unknown>;
  return {
    sessionId: textOf(session.id),
    date: String(session.date),
    index,
    mentor: isHealthScore(health.mentor) ? health.mentor : undefined,
    protege: isHealthScore(health.protege) ? health.protege : undefined,
  };
}

/** One side's ratings in date order, oldest first. */
export function scoresOf(points: readonly HealthPoint[], side: Side): number[] {
  return points.flatMap((point) => point[side] ?? []);
}

/** Bars for 1..5: the sparkline reads the same height for the same rating everywhere. */
const BARS = ['▁', '▂', '▄', '▆', '█'];

/** The last `count` ratings as bars, oldest first ("▂▄▆"); empty for none. */
export function sparkline(scores: readonly number[], count = 5): string {
  return scores
    .slice(-count)
    .map((score) => BARS[Math.min(5, Math.max(1, Math.round(score))) - 1])
    .join('');
}

export interface SideTrend {
  side: Side;
  /** Up to the last five ratings as bars. */
  spark: string;
  latest: number;
}

/** The trend of each side that has rated at least once, mentor first. */
export function healthTrend(plan: Partial<Plan> | undefined, until?: string): SideTrend[] {
  const points = healthPoints(plan, until);
  return SIDES.flatMap((side) => {
    const scores = scoresOf(points, side);
    return scores.length ? [{ side, spark: sparkline(scores), latest: scores[scores.length - 1] }] : [];
  });
}

/** The latest session up to `today` (else the latest of all), where a new check-in is recorded by default. */
export function latestSessionId(plan: Partial<Plan> | undefined, today: string): string | undefined {
  const dated = entriesOf(plan, 'sessions')
    .filter(({ item }) => dayNumber(item.date) !== undefined && textOf(item.id) !== undefined)
    .sort((a, b) => String(a.item.date).localeCompare(String(b.item.date)) || a.index - b.index);
  const held = dated.filter(({ item }) => String(item.date) <= today);
  return textOf((held[held.length - 1] ?? dated[dated.length - 1])?.item.id);
}

const SIDE_NAMES: Readonly<Record<Side, string>> = { mentor: 'Mentor', protege: 'Protégé' };

/**
 * The trend as a Mermaid `xychart-beta` (GitHub renders it in comments and Markdown files), one
 * line per side. A chart line needs a value at every session: where a side did not rate, its
 * previous rating is repeated (its first one before it had rated); the plain-text lines say
 * exactly who rated what. Undefined when nobody has rated yet.
 */
export function healthChart(points: readonly HealthPoint[]): string | undefined {
  if (points.length === 0) return undefined;
  const lines = ['```mermaid', 'xychart-beta', '  title "Relationship health (1-5)"'];
  // Dates are YYYY-MM-DD: nothing in them needs quoting beyond the quotes themselves.
  lines.push(`  x-axis [${points.map((point) => `"${point.date}"`).join(', ')}]`);
  lines.push('  y-axis "Rating" 1 --> 5');
  for (const side of SIDES) {
    const filled = filledScores(points, side);
    if (filled) lines.push(`  line "${SIDE_NAMES[side]}" [${filled.join(', ')}]`);
  }
  lines.push('```');
  return lines.join('\n');
}

function filledScores(points: readonly HealthPoint[], side: Side): number[] | undefined {
  const first = points.find((point) => point[side] !== undefined)?.[side];
  if (first === undefined) return undefined;
  let last = first;
  return points.map((point) => (last = point[side] ?? last));
}

/** The same trend in words, for readers without Mermaid: "Mentor: 4 → 4 → 3 (2026-09-07 to 2026-11-16)". */
export function healthText(points: readonly HealthPoint[]): string[] {
  return SIDES.flatMap((side) => {
    const rated = points.filter((point) => point[side] !== undefined);
    if (rated.length === 0) return [];
    const span = rated.length === 1 ? rated[0].date : `${rated[0].date} to ${rated[rated.length - 1].date}`;
    return [`${SIDE_NAMES[side]}: ${rated.map((point) => point[side]).join(' → ')} (${span})`];
  });
}

