// Calendar dates as the plan writes them (YYYY-MM-DD). The hosts read the clock and pass dates in.

/** The digit at `index` of `text`, or -1. */
function digitAt(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in `month` (1-12) of `year`, by the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

/**
 * Days since 1970-01-01 for a YYYY-MM-DD date a calendar has, or undefined if it is not one
 * (2026-02-30 is refused, not rolled over to March 2), so no fact or rule counts a day the plan
 * never named. Years before 100 are refused too, as Date.UTC reads them as 19xx. Worked out from
 * the digits, without a Date or a regular expression: a 1,000-plan scan asks this for every date
 * of every plan, and the Date round trip was the largest single cost of the host's scan (issue 15).
 */
export function dayNumber(date: unknown): number | undefined {
  if (typeof date !== 'string' || date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return undefined;
  const digits = [0, 1, 2, 3, 5, 6, 8, 9].map((index) => digitAt(date, index));
  if (digits.includes(-1)) return undefined;
  const [y1, y2, y3, y4, m1, m2, d1, d2] = digits;
  const year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (year < 100 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  // Days from the civil date (the proleptic Gregorian calendar, as Date.UTC counts), with March as
  // the year's first month so the leap day falls at the end.
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
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
