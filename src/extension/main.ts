// The composition root: build the shared services, let each feature register itself. Nothing
// here waits on the workspace; the plan store scans after activation returns.
import type * as vscode from 'vscode';
import { registerAgendaQuestions } from './agenda-questions';
import { registerCommands } from './commands';
import { registerDiagnostics } from './diagnostics';
import { registerFeedbackEditor } from './feedback-editor/register';
import { createLog } from './log';
import { PlanStore } from './plan-store';
import { VsCodePlanHost } from './vscode-host';
import { registerQuickFixes } from './quick-fixes';
import type { Feature, MentoringPlanApi, MutableApi, Services } from './services';
import { registerStatusBar } from './status-bar';
import { registerTree } from './tree/plan-tree';

const FEATURES: readonly Feature[] = [registerDiagnostics, registerQuickFixes, registerTree, registerCommands, registerStatusBar, registerFeedbackEditor, registerAgendaQuestions];

export function activate(context: vscode.ExtensionContext): MentoringPlanApi {
  const started = Date.now();
  const log = createLog();
  const store = new PlanStore(new VsCodePlanHost(log));
  context.subscriptions.push(log, store);
  const services: Services = { store };
  const api: MutableApi = { store };
  for (const feature of FEATURES) feature(context, services, api);
  store.start();
  api.activationMs = Date.now() - started;
  return api as MentoringPlanApi;
}

export function deactivate(): void {}
