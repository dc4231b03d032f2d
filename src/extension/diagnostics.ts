// Every issue the core finds, as a diagnostic on its plan at its exact range: for every plan of the
// workspace, or only for plans open in an editor (mentoringPlan.diagnostics.scope).
import * as vscode from 'vscode';
import type { PlanIssue, Severity } from '../core/issues';
import { DIAGNOSTIC_SOURCE } from './command-ids';
import { affectsSettings, readSettings } from './config';
import { ourSchemaFeatures } from './language/schema-mode';
import { sameRange, toVsRange } from './ranges';
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
  // What each plan's diagnostics were last set to: a check that leaves a plan's findings as they
  // were (most keystrokes) sends nothing, so the workbench redraws no squiggle, updates no Problems
  // row and asks no light bulb again.
  const published = new Map<string, readonly PlanIssue[]>();
  const publish = (uris: readonly vscode.Uri[]) => {
    // Schema findings only where no other extension reports them (language/schema-mode.ts); our own checks always.
    const schema = ourSchemaFeatures();
    const enabled = diagnosticsEnabledFor();
    const listed = inScope();
    const batch: [vscode.Uri, vscode.Diagnostic[] | undefined][] = [];
    for (const uri of uris) {
      const key = uri.toString();
      const entry = store.get(uri);
      const shown = entry && enabled(entry.uri) && listed(key) ? entry.result.issues.filter((issue) => schema || issue.code !== 'schema' || issue.data?.beyondSchema === true) : undefined;
      const before = published.get(key);
      if (shown === undefined) {
        // Nothing set before: the collection holds nothing for it already.
        if (before === undefined) continue;
        published.delete(key);
        batch.push([uri, undefined]);
        continue;
      }
      if (before !== undefined && sameFindings(before, shown)) continue;
      published.set(key, shown);
      batch.push([uri, shown.map(toDiagnostic)]);
    }
    if (batch.length > 0) collection.set(batch);
  };
  const publishAll = () => publish(store.all().map((entry) => entry.uri));
  context.subscriptions.push(
    collection,
    store.onDidChange(publish),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsSettings(event, 'diagnostics.enabled', 'diagnostics.scope', 'schemaDiagnostics')) publishAll();
    }),
    // With the openFiles scope a plan's findings come and go with its editor (the store announces
    // an opened plan's new check, but a closed one's text may check the same).
    vscode.workspace.onDidOpenTextDocument((document) => publish([document.uri])),
    vscode.workspace.onDidCloseTextDocument((document) => publish([document.uri])),
    // Red Hat's YAML extension installed, enabled or removed: the schema findings change hands.
    vscode.extensions.onDidChange(publishAll),
  );
  publishAll();
};

/** Whether two lists of findings make the same diagnostics (what toDiagnostic reads of them). */
function sameFindings(a: readonly PlanIssue[], b: readonly PlanIssue[]): boolean {
  return a.length === b.length && a.every((issue, index) => issue.code === b[index].code && issue.severity === b[index].severity && issue.message === b[index].message && sameRange(issue.range, b[index].range));
}

/** Whether a plan's findings are listed by mentoringPlan.diagnostics.scope, read once per batch. */
function inScope(): (key: string) => boolean {
  if (readSettings().diagnosticsScope === 'workspace') return () => true;
  const open = new Set(vscode.workspace.textDocuments.filter((document) => !document.isClosed).map((document) => document.uri.toString()));
  return (key) => open.has(key);
}

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
