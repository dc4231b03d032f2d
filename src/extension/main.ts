// The composition root: build the shared services, let each feature register itself, assemble the
// API from what the features return. Nothing here waits on the workspace; the store scans after
// activation returns.
import * as vscode from 'vscode';
import { registerActionCommands } from './action-commands';
import { registerActionsView } from './actions-view';
import { registerAgendaQuestions } from './agenda-questions';
import { registerCommands } from './commands';
import { registerComparePlan } from './compare-plan';
import { registerDiagnostics } from './diagnostics';
import { registerFeedbackEditor } from './feedback-editor/register';
import { registerLanguageFeatures } from './language/language-features';
import { createLog } from './log';
import { PlanStore } from './plan-store';
import { PlanResolver } from './plan-target';
import { registerPrivateNotes } from './private-notes';
import { registerQuickFixes } from './quick-fixes';
import { Identity } from './identity';
import { registerRelationshipCommands } from './relationship-commands';
import { registerReminders } from './reminders';
import type { MentoringPlanApi, MentoringPlanTestApi, Services } from './services';
import { registerStatusBar } from './status-bar';
import { registerTree } from './tree/plan-tree';
import { VsCodePlanHost } from './vscode-host';
import { registerWalkthrough } from './walkthrough';

export function activate(context: vscode.ExtensionContext): MentoringPlanApi | MentoringPlanTestApi {
  const started = Date.now();
  const log = createLog();
  const store = new PlanStore(new VsCodePlanHost(log));
  const identity = new Identity(context.workspaceState, log);
  context.subscriptions.push(log, store, identity);
  const services: Services = { store, log, resolver: new PlanResolver(store, log), identity };

  registerDiagnostics(context, services);
  registerQuickFixes(context, services);
  const tree = registerTree(context, services);
  registerCommands(context, services);
  registerRelationshipCommands(context, services);
  registerActionCommands(context, services);
  const statusBar = registerStatusBar(context, services);
  const feedbackEditor = registerFeedbackEditor(context, services);
  registerAgendaQuestions(context, services);
  const comparePlan = registerComparePlan(context, services);
  const privateNotes = registerPrivateNotes(context, services, () => tree.refresh());
  const actionsView = registerActionsView(context, services);
  // "Mine" moves when the identity learns a side or mentoringPlan.me changes.
  context.subscriptions.push(
    identity.onDidLearn(() => {
      actionsView.refresh();
      if (tree.filterId === 'mine') tree.refresh();
    }),
  );
  const reminders = registerReminders(context, services);
  registerLanguageFeatures(context, services);
  const walkthrough = registerWalkthrough(context, services);
  store.start();

  const api: MentoringPlanApi = { store, tree, statusBarText: statusBar.text, activationMs: Date.now() - started };
  // The one place that decides whether test hooks are exposed: only when VS Code runs the extension's tests.
  if (context.extensionMode !== vscode.ExtensionMode.Test) return api;
  const testApi: MentoringPlanTestApi = { ...api, testing: { feedbackEditor: feedbackEditor.testing, privateNotes, actionsView, reminders, planFiles: comparePlan.planFiles, walkthrough } };
  return testApi;
}

export function deactivate(): void {}
