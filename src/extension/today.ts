// The one place the extension reads the clock: the local calendar date, as the core expects it.

import { localIsoDate } from '../core/dates';

export function todayIso(now: Date = new Date()): string {
  return localIsoDate(now);
}
