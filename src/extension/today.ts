// Where commands and views read the clock: the local calendar date, as the core expects it. (The
// plan store reads the clock through its host, plan-host.ts, so its tests can fake it.)

import { localIsoDate } from '../core/dates';

export function todayIso(now: Date = new Date()): string {
  return localIsoDate(now);
}
