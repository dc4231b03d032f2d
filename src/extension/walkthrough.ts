// The "Start a mentorship" walkthrough's progress: a context key per step
// (`mentoringPlan.walkthrough.hasPlan`, …), computed by plan-facts walkthroughProgress from every
// plan in the store and updated when plans change. The manifest's steps complete on
// `onContext:<key>`, so a step is ticked by what the pair's plans show, not by a click.
import * as vscode from 'vscode';
import { WALKTHROUGH_PROGRESS_KEYS, walkthroughProgress } from '../core/plan-facts';
import type { WalkthroughProgress } from '../core/plan-facts';
import { WALKTHROUGH_CONTEXT_PREFIX } from './command-ids';
import type { Feature } from './services';
import { todayIso } from './today';

export interface WalkthroughTesting {
  /** What was last handed to setContext; undefined before the first update. */
  progress(): WalkthroughProgress | undefined;
}

export const registerWalkthrough: Feature<WalkthroughTesting> = (context, { store }) => {
  let shown: WalkthroughProgress | undefined;
  const update = () => {
    const now = walkthroughProgress(
      store.all().map((entry) => entry.result.plan),
      todayIso(),
    );
    // Only the keys that changed: setContext is a round trip to the workbench.
    for (const key of WALKTHROUGH_PROGRESS_KEYS) {
      if (shown?.[key] !== now[key]) void vscode.commands.executeCommand('setContext', `${WALKTHROUGH_CONTEXT_PREFIX}.${key}`, now[key]);
    }
    shown = now;
  };
  context.subscriptions.push(store.onDidChange(update));
  void store.ready().then(update);
  return { progress: () => shown };
};
