// The "Start a mentorship" walkthrough's progress: a context key per step
// (`mentoringPlan.walkthrough.hasPlan`, …), computed by plan-facts from every plan in the store
// (each plan's planWalkthroughProgress, kept in its digest, combined by mergeWalkthroughProgress) and
// updated when plans change. The manifest's steps complete on `onContext:<key>`, so a step is
// ticked by what the pair's plans show, not by a click.
//
// `onContext` alone misses the usual case of a pair that already has its plan: VS Code creates its
// walkthroughs service lazily (the first time a walkthrough is shown), and a step whose context
// expression already holds when the service registers it is recorded as an event seen this session
// without ticking the step; later changes of the key are then ignored for the whole window. So when
// a key becomes true the step is also marked complete by its id (`welcome.markStepComplete`, the
// command behind a walkthrough's "mark done"), which ticks it however late the service starts.
import * as vscode from 'vscode';
import { WALKTHROUGH_PROGRESS_KEYS, mergeWalkthroughProgress } from '../core/plan-facts';
import type { WalkthroughProgress } from '../core/plan-facts';
import { WALKTHROUGH_CONTEXT_PREFIX } from './command-ids';
import { stepsByProgressKey } from './walkthrough-steps';
import type { Feature } from './services';

export interface WalkthroughTesting {
  /** What was last handed to setContext; undefined before the first update. */
  progress(): WalkthroughProgress | undefined;
}

/** Retries of marking a step done while VS Code has not registered the walkthrough's steps yet (it starts the service on the first call). */
const MARK_RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 16000];

export const registerWalkthrough: Feature<WalkthroughTesting> = (context, { store, log }) => {
  const steps = stepsByProgressKey(context.extension.id, context.extension.packageJSON);
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let disposed = false;
  const markDone = (stepId: string, attempt = 0) => {
    vscode.commands.executeCommand('welcome.markStepComplete', stepId).then(undefined, (error: unknown) => {
      const delay = MARK_RETRY_DELAYS_MS[attempt];
      if (disposed) return;
      if (delay === undefined) {
        log.info(`Walkthrough step ${stepId} could not be marked done; it ticks when its context key changes`, error);
        return;
      }
      const timer = setTimeout(() => {
        timers.delete(timer);
        markDone(stepId, attempt + 1);
      }, delay);
      timers.add(timer);
    });
  };
  let shown: WalkthroughProgress | undefined;
  const update = () => {
    const now = mergeWalkthroughProgress(store.all().map((entry) => entry.digest.walkthrough));
    // Only the keys that changed: setContext is a round trip to the workbench.
    for (const key of WALKTHROUGH_PROGRESS_KEYS) {
      if (shown?.[key] === now[key]) continue;
      void vscode.commands.executeCommand('setContext', `${WALKTHROUGH_CONTEXT_PREFIX}.${key}`, now[key]);
      if (now[key]) for (const stepId of steps.get(key) ?? []) markDone(stepId);
    }
    shown = now;
  };
  context.subscriptions.push(store.onDidChange(update), {
    dispose: () => {
      disposed = true;
      for (const timer of timers) clearTimeout(timer);
    },
  });
  void store.ready().then(update);
  return { progress: () => shown };
};
