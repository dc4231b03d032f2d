// What every feature gets from the composition root (src/extension/main.ts), and the API it returns.
import type * as vscode from 'vscode';
import type { ActionsViewProvider } from './actions-view';
import type { FeedbackEditorTesting } from './feedback-editor/register';
import type { PlanFilesContext } from './plan-files-context';
import type { Identity } from './identity';
import type { PlanStore } from './plan-store';
import type { PlanResolver } from './plan-target';
import type { PrivateNotesTesting } from './private-notes';
import type { PlanTreeProvider } from './tree/plan-tree';
import type { WalkthroughTesting } from './walkthrough';

export interface Services {
  readonly store: PlanStore;
  /** "Which plan is this command about?" (plan-target.ts). */
  readonly resolver: PlanResolver;
  /** The "Mentoring Plan" output channel (log.ts). */
  readonly log: vscode.LogOutputChannel;
  /** Which side of the pair the user is (identity.ts): one per window, so every view and command agrees. */
  readonly identity: Identity;
}

/** Registers one feature: everything it creates goes into context.subscriptions; it returns what the API exposes of it. */
export type Feature<Exposed = void> = (context: vscode.ExtensionContext, services: Services) => Exposed;

/**
 * What activate() returns to other extensions. Integration tests read the tree and the status bar
 * through it, the way a user sees them, without scraping the UI.
 */
export interface MentoringPlanApi {
  readonly store: PlanStore;
  readonly tree: PlanTreeProvider;
  /** The status bar item's text, or undefined while it is hidden. */
  statusBarText(): string | undefined;
  /** How long activate() took, in milliseconds (measured inside the extension host). */
  readonly activationMs: number;
}

/** Hooks only for the integration tests; present only when the extension runs under test (see main.ts). */
export interface TestingHooks {
  readonly feedbackEditor: FeedbackEditorTesting;
  readonly privateNotes: PrivateNotesTesting;
  readonly actionsView: ActionsViewProvider;
  readonly reminders: { remindNow(): Promise<string | undefined> };
  /** The value of the context key mentoringPlan.planFiles as last set. */
  readonly planFiles: PlanFilesContext;
  readonly walkthrough: WalkthroughTesting;
}

/** The API as activate() returns it when VS Code runs the extension's tests. */
export interface MentoringPlanTestApi extends MentoringPlanApi {
  readonly testing: TestingHooks;
}
