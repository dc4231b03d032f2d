// Every issue the core finds, as a diagnostic on its plan at its exact range, for open and closed plans.
import * as vscode from 'vscode';
import type { PlanIssue, Severity } from '../core/issues';
import { DIAGNOSTIC_SOURCE } from './command-ids';
import { affectsSettings, readSettings } from './config';
import { ourSchemaFeatures } from './language/schema-mode';
import type { PlanEntry } from './plan-store';
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
  const publish = (entry: PlanEntry) => {
    // Schema findings only where no other extension reports them (language/schema-mode.ts); our own checks always.
    const schema = ourSchemaFeatures();
    const shown = entry.result.issues.filter((issue) => schema || issue.code !== 'schema' || issue.data?.beyondSchema === true);
    if (readSettings(entry.uri).diagnosticsEnabled) collection.set(entry.uri, shown.map(toDiagnostic));
    else collection.delete(entry.uri);
  };
  context.subscriptions.push(
    collection,
    store.onDidChange((uris) => {
      for (const uri of uris) {
        const entry = store.get(uri);
        if (entry) publish(entry);
        else collection.delete(uri);
      }
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsSettings(event, 'diagnostics.enabled', 'schemaDiagnostics')) store.all().forEach(publish);
    }),
    // Red Hat's YAML extension installed, enabled or removed: the schema findings change hands.
    vscode.extensions.onDidChange(() => store.all().forEach(publish)),
  );
  store.all().forEach(publish);
};
