// Who shows what the schema says (errors, key and value descriptions, allowed values) in plan
// files: us, or Red Hat's YAML extension, which reads our `yamlValidation` contribution and
// validates the same schema. Two would show every schema error, hover and enum value twice.
import * as vscode from 'vscode';
import { CONFIG_SECTION } from '../command-ids';

export const RED_HAT_YAML = 'redhat.vscode-yaml';

export type SchemaDiagnosticsMode = 'auto' | 'always' | 'never';

export function schemaDiagnosticsMode(): SchemaDiagnosticsMode {
  const mode = vscode.workspace.getConfiguration(CONFIG_SECTION).get<string>('schemaDiagnostics', 'auto');
  return mode === 'always' || mode === 'never' ? mode : 'auto';
}

/**
 * Whether this extension shows schema findings, schema hovers and allowed-value completions.
 * `auto`: only while Red Hat's YAML extension is not installed and enabled (getExtension leaves
 * out disabled ones); it activates on any YAML file, so installed means it will validate plans.
 */
export function ourSchemaFeatures(): boolean {
  const mode = schemaDiagnosticsMode();
  if (mode !== 'auto') return mode === 'always';
  return vscode.extensions.getExtension(RED_HAT_YAML) === undefined;
}
