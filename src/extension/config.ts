// Reads the `mentoringPlan.*` settings; defaults here match package.json's `contributes.configuration`.
import * as vscode from 'vscode';
import { CONFIG_SECTION, DEFAULT_PLAN_GLOB } from './command-ids';

export interface Settings {
  planGlob: string;
  disabledRules: string[];
  diagnosticsEnabled: boolean;
  /** Whose findings Problems lists: every plan's, or only those open in an editor. */
  diagnosticsScope: 'workspace' | 'openFiles';
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
  const glob = config.get<string>('planGlob', DEFAULT_PLAN_GLOB).trim();
  const disabled = config.get<unknown>('disabledRules', []);
  return {
    planGlob: glob === '' ? DEFAULT_PLAN_GLOB : glob,
    disabledRules: Array.isArray(disabled) ? disabled.filter((code): code is string => typeof code === 'string') : [],
    diagnosticsEnabled: config.get<boolean>('diagnostics.enabled', true),
    diagnosticsScope: config.get<unknown>('diagnostics.scope') === 'openFiles' ? 'openFiles' : 'workspace',
  };
}

export function affectsSettings(event: vscode.ConfigurationChangeEvent, ...keys: string[]): boolean {
  return keys.some((key) => event.affectsConfiguration(`${CONFIG_SECTION}.${key}`));
}

/** Plan documents for language features: the files mentoringPlan.planGlob names, in any language mode. */
export function planDocumentSelector(glob = readSettings().planGlob): vscode.DocumentSelector {
  return [{ pattern: glob }];
}

/**
 * Registers a language feature (completion, CodeLens, code actions) for plan documents, and again
 * whenever mentoringPlan.planGlob changes, so it follows the setting as the plan store does.
 * Providers still ask the store (isPlanDocument/forDocument), which also leaves out virtual copies.
 */
export function registerForPlanDocuments(register: (selector: vscode.DocumentSelector) => vscode.Disposable): vscode.Disposable {
  let registration = register(planDocumentSelector());
  const listener = vscode.workspace.onDidChangeConfiguration((event) => {
    if (!affectsSettings(event, 'planGlob')) return;
    registration.dispose();
    registration = register(planDocumentSelector());
  });
  return {
    dispose: () => {
      listener.dispose();
      registration.dispose();
    },
  };
}
