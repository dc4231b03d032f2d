// Defensive readers: rules run on plans that may break the schema, so every field is checked before use.
import type { Plan } from '../plan';

export function entries<T>(value: T[] | undefined | unknown): { item: Partial<T>; index: number }[] {
  if (!Array.isArray(value)) return [];
  const found: { item: Partial<T>; index: number }[] = [];
  value.forEach((item, index) => {
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) found.push({ item: item as Partial<T>, index });
  });
  return found;
}

export function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a YYYY-MM-DD date, or undefined if it is not one. */
export function dayNumber(date: unknown): number | undefined {
  if (typeof date !== 'string') return undefined;
  const match = ISO_DATE.exec(date);
  if (!match) return undefined;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(time) ? undefined : Math.round(time / 86_400_000);
}

/** True for a YYYY-MM-DD date that a calendar has (2026-02-28, not 2026-02-30). */
export function isCalendarDate(value: unknown): value is string {
  const day = dayNumber(value);
  return day !== undefined && new Date(day * 86_400_000).toISOString().slice(0, 10) === value;
}

export function mentorshipStatus(plan: Partial<Plan>): string {
  const status = plan.mentorship && typeof plan.mentorship === 'object' ? plan.mentorship.status : undefined;
  return typeof status === 'string' ? status : 'active';
}
