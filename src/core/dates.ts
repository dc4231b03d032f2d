// Calendar dates as the plan writes them (YYYY-MM-DD). The hosts read the clock and pass dates in.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days since 1970-01-01 for a YYYY-MM-DD date a calendar has, or undefined if it is not one.
 * Date.UTC rolls 2026-02-30 over to March 2; a date that does not read back the same is refused,
 * so no fact or rule counts a day the plan never named.
 */
export function dayNumber(date: unknown): number | undefined {
  if (typeof date !== 'string') return undefined;
  const match = ISO_DATE.exec(date);
  if (!match) return undefined;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== date) return undefined;
  return Math.round(time / 86_400_000);
}

/** True for a YYYY-MM-DD date that a calendar has (2026-02-28, not 2026-02-30). */
export function isCalendarDate(value: unknown): value is string {
  return dayNumber(value) !== undefined;
}

/** The local calendar day of `now`: the day the user is living in, not UTC's. */
export function localIsoDate(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Adds days to a YYYY-MM-DD date (calendar arithmetic in UTC, so DST never shifts the day). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
