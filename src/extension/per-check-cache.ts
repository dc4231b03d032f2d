// One plan's fact for one day, kept for as long as the plan's check lives. Views that sum a fact
// over every plan on each change (the status bar, the walkthrough's keys) ask this instead of
// working it out again: at 1,000 plans doing every plan again took most of a workspace scan
// (issue 15). A check's result is replaced, never changed, when its plan is checked again, so it
// keys the cache, and a plan whose check goes is forgotten with it.
import type { CheckResult } from '../core/check';

export function cachedPerCheck<T>(compute: (result: CheckResult, today: string) => T): (result: CheckResult, today: string) => T {
  const cache = new WeakMap<CheckResult, { today: string; value: T }>();
  return (result, today) => {
    const cached = cache.get(result);
    if (cached?.today === today) return cached.value;
    const value = compute(result, today);
    cache.set(result, { today, value });
    return value;
  };
}
