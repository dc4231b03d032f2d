// Reads the `mentoringPlan.*` settings; defaults here match package.json's `contributes.configuration`.
import * as vscode from 'vscode';
import { CONFIG_SECTION, DEFAULT_PLAN_GLOB } from './command-ids';

export interface Settings {
  planGlob: string;
  disabledRules: string[];
  diagnosticsEnabled: boolean;
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
  const glob = config.get<string>('planGlob', DEFAULT_PLAN_GLOB).trim();
  const disabled = config.get<unknown>('disabledRules', []);
  return {
    planGlob: glob === '' ? DEFAULT_PLAN_GLOB : glob,
    disabledRules: Array.isArray(disabled) ? disabled.filter((code): code is string => typeof code === 'string') : [],
    diagnosticsEnabled: config.get<boolean>('diagnostics.enabled', true),
  };
}

export function affectsSettings(event: vscode.ConfigurationChangeEvent, ...keys: string[]): boolean {
  return keys.some((key) => event.affectsConfiguration(`${CONFIG_SECTION}.${key}`));
}
