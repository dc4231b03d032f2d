// Calendar dates as the plan writes them (YYYY-MM-DD). The hosts read the clock and pass dates in.

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
