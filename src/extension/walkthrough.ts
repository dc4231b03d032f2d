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

/**
 * Each plan's own progress, per plan value and date: the keys are worked out over every plan on
 * each change, and at 1,000 plans doing each plan again took a second of a workspace scan (issue
 * 15). A plan's value is replaced, never changed, when it is checked again, so it keys the cache.
 */
const progressCache = new WeakMap<object, { today: string; progress: WalkthroughProgress }>();

function progressOf(plans: readonly unknown[], today: string): WalkthroughProgress {
  const total: WalkthroughProgress = { hasPlan: false, hasAgreement: false, hasStretchGoal: false, hasKickoff: false, hasFeedback: false };
  for (const plan of plans) {
    if (plan === null || typeof plan !== 'object') continue;
    let cached = progressCache.get(plan);
    if (cached?.today !== today) {
      cached = { today, progress: walkthroughProgress([plan as Parameters<typeof walkthroughProgress>[0][number]], today) };
      progressCache.set(plan, cached);
    }
    for (const key of WALKTHROUGH_PROGRESS_KEYS) total[key] ||= cached.progress[key];
  }
  return total;
}

export const registerWalkthrough: Feature<WalkthroughTesting> = (context, { store }) => {
  let shown: WalkthroughProgress | undefined;
  const update = () => {
    const now = progressOf(
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
