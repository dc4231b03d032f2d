// Every issue the core finds, as a diagnostic on its plan at its exact range, for open and closed plans.
import * as vscode from 'vscode';
import type { PlanIssue, Severity } from '../core/issues';
import { DIAGNOSTIC_SOURCE } from './command-ids';
import { affectsSettings, readSettings } from './config';
import { ourSchemaFeatures } from './language/schema-mode';
import { toVsRange } from './ranges';
import type { Feature } from './services';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toDiagnostic(issue: PlanIssue): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toVsRange(issue.range), issue.message, SEVERITY[issue.severity]);
  diagnostic.code = issue.code;
  diagnostic.source = DIAGNOSTIC_SOURCE;
  return diagnostic;
}

export const registerDiagnostics: Feature = (context, { store }) => {
  const collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  // One collection.set call per batch of plans: each call is one message to the workbench, and the
  // Problems view redraws per message; a scan's batch of hundreds of plans is one message, not hundreds.
  const publish = (uris: readonly vscode.Uri[]) => {
    // Schema findings only where no other extension reports them (language/schema-mode.ts); our own checks always.
    const schema = ourSchemaFeatures();
    const enabled = diagnosticsEnabledFor();
    const batch: [vscode.Uri, vscode.Diagnostic[] | undefined][] = uris.map((uri) => {
      const entry = store.get(uri);
      if (!entry || !enabled(entry.uri)) return [uri, undefined];
      const shown = entry.result.issues.filter((issue) => schema || issue.code !== 'schema' || issue.data?.beyondSchema === true);
      return [uri, shown.map(toDiagnostic)];
    });
    if (batch.length > 0) collection.set(batch);
  };
  const publishAll = () => publish(store.all().map((entry) => entry.uri));
  context.subscriptions.push(
    collection,
    store.onDidChange(publish),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsSettings(event, 'diagnostics.enabled', 'schemaDiagnostics')) publishAll();
    }),
    // Red Hat's YAML extension installed, enabled or removed: the schema findings change hands.
    vscode.extensions.onDidChange(publishAll),
  );
  publishAll();
};

/**
 * mentoringPlan.diagnostics.enabled per plan (a folder may override it), read once per workspace
 * folder and batch rather than once per plan: reading a setting walks the configuration model.
 */
function diagnosticsEnabledFor(): (uri: vscode.Uri) => boolean {
  const byFolder = new Map<string, boolean>();
  return (uri) => {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const key = folder?.uri.toString() ?? uri.toString();
    let enabled = byFolder.get(key);
    if (enabled === undefined) {
      enabled = readSettings(folder?.uri ?? uri).diagnosticsEnabled;
      byFolder.set(key, enabled);
    }
    return enabled;
  };
}
