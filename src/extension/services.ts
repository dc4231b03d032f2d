// What every feature gets from the composition root (src/extension/main.ts).
import type * as vscode from 'vscode';
import type { PlanStore } from './plan-store';
import type { PlanTreeProvider } from './tree/plan-tree';

export interface Services {
  readonly store: PlanStore;
}

/** Registers one feature: everything it creates goes into context.subscriptions. */
export type Feature = (context: vscode.ExtensionContext, services: Services, api: MutableApi) => void;

/**
 * What activate() returns. Integration tests read the tree and the status bar through it, the way
 * a user sees them, without scraping the UI.
 */
export interface MentoringPlanApi {
  readonly store: PlanStore;
  readonly tree: PlanTreeProvider;
  /** The status bar item's text, or undefined while it is hidden. */
  statusBarText(): string | undefined;
  /** How long activate() took, in milliseconds (measured inside the extension host). */
  readonly activationMs: number;
}

export type MutableApi = { -readonly [K in keyof MentoringPlanApi]?: MentoringPlanApi[K] };
