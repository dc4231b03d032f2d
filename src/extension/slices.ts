// Work over every plan that reads plans' values again (a closed plan keeps none: plan-store.ts),
// done in slices so the extension host answers typing, completion and commands in between: at
// 1,000 plans the values take ~1.5 s to read (`npm run bench`: 1.5 ms a plan of 50 sessions).

/** How long one slice works before it lets other work run. */
export const SLICE_MS = 10;

/**
 * Calls `each` for every item, yielding to the host after each SLICE_MS of work. Returns false,
 * having stopped, when `cancelled()` says the answer is no longer wanted.
 */
export async function forEachInSlices<T>(items: Iterable<T>, each: (item: T) => void, cancelled: () => boolean = () => false): Promise<boolean> {
  let sliceStart = Date.now();
  for (const item of items) {
    if (Date.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = Date.now();
    }
    if (cancelled()) return false;
    each(item);
  }
  return true;
}
