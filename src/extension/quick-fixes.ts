// Quick fixes for the findings a plan can fix mechanically. Each fix runs through the core's edit
// engine when chosen (resolveCodeAction), so moving the cursor never costs more than a lookup.
import * as vscode from 'vscode';
import { setActionDone, setValue } from '../core/edits';
import type { PlanIssue } from '../core/issues';
import { rangeAt } from '../core/parse';
import type { ParsedPlan } from '../core/parse';
import type { Plan } from '../core/plan';
import { idsOf, isEntryKind, uniqueId, valueAt } from '../core/plan-facts';
import { toWorkspaceEdit } from './apply-edit';
import type { PlanEditCompute } from './apply-edit';
import { DIAGNOSTIC_SOURCE } from './command-ids';
import { registerForPlanDocuments } from './config';
import type { PlanStore } from './plan-store';
import { sameRange, toVsRange } from './ranges';
import { rephraseAsQuestion } from './rephrase';
import type { Feature } from './services';

type Compute = PlanEditCompute;

class PlanFix extends vscode.CodeAction {
  constructor(
    title: string,
    readonly document: vscode.TextDocument,
    readonly compute: Compute,
  ) {
    super(title, vscode.CodeActionKind.QuickFix);
  }
}

export class PlanQuickFixes implements vscode.CodeActionProvider<PlanFix> {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly store: PlanStore) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): PlanFix[] {
    // The editor asks on every cursor move and keystroke; the cached check (the one the shown
    // diagnostics came from) answers without a parse, which can take a second on a huge plan.
    // Fixes locate their target by path when chosen, so a check a keystroke old is good enough.
    if (!this.store.isPlanDocument(document)) return [];
    const entry = this.store.get(document.uri) ?? this.store.forDocument(document);
    if (!entry) return [];
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    const fixes: PlanFix[] = [];
    for (const issue of entry.result.issues) {
      const issueRange = toVsRange(issue.range);
      // Shown diagnostics move with edits, cached ranges do not; match either way.
      const diagnostic = ours.find((d) => d.code === issue.code && d.message === issue.message && (d.range.isEqual(issueRange) || !!d.range.intersection(range)));
      if (!issueRange.intersection(range) && !diagnostic) continue;
      for (const fix of fixesFor(issue, entry.result.parsed, entry.result.plan, document)) {
        if (diagnostic) fix.diagnostics = [diagnostic];
        fixes.push(fix);
      }
    }
    return fixes;
  }

  resolveCodeAction(fix: PlanFix): PlanFix {
    const result = fix.compute(fix.document.getText(), this.store.editOptions(fix.document));
    if (result.ok) fix.edit = toWorkspaceEdit(fix.document, result);
    else fix.disabled = { reason: result.message };
    return fix;
  }
}

function fixesFor(issue: PlanIssue, parsed: ParsedPlan, plan: Partial<Plan> | undefined, document: vscode.TextDocument): PlanFix[] {
  const path = issue.data?.path;
  if (!path) return [];
  const current = valueAt(plan, path);
  const fix = (title: string, compute: Compute, preferred = false) => {
    const action = new PlanFix(title, document, compute);
    action.isPreferred = preferred;
    return action;
  };
  const replaceWith = (values: readonly string[]) =>
    [...new Set(values)].filter((value) => value !== String(current)).map((value, index, all) => fix(vscode.l10n.t('Change to "{0}"', value), (text, options) => setValue(text, path, typed(value), options), all.length === 1 && index === 0));

  switch (issue.code) {
    case 'schema': {
      // Enum and const findings sit on the value; unknown-property findings sit on the key and are not fixed by a value.
      const onValue = sameRange(issue.range, rangeAt(parsed, path, 'value')) && !sameRange(issue.range, rangeAt(parsed, path, 'key'));
      return onValue && issue.data?.allowed?.length && isScalarValue(current) ? replaceWith(issue.data.allowed) : [];
    }
    case 'unknown-reference':
      return replaceWith(issue.data?.allowed ?? []);
    case 'duplicate-id': {
      const list = path[0];
      if (typeof current !== 'string' || !isEntryKind(list)) return [];
      const taken = new Set(idsOf(plan, list));
      const renamed = uniqueId(current, taken);
      return [fix(vscode.l10n.t('Rename to "{0}"', renamed), (text, options) => setValue(text, path, renamed, options), true)];
    }
    case 'agenda-not-question': {
      if (typeof current !== 'string') return [];
      const question = rephraseAsQuestion(current);
      return [fix(vscode.l10n.t('Rephrase as a question: "{0}"', question), (text, options) => setValue(text, path, question, options), true)];
    }
    case 'overdue-action': {
      const [, sessionIndex, , actionIndex] = path;
      const sessionId = typeof sessionIndex === 'number' ? valueAt(plan, ['sessions', sessionIndex, 'id']) : undefined;
      if (typeof sessionId !== 'string' || typeof actionIndex !== 'number') return [];
      return [fix(vscode.l10n.t('Mark the action done'), (text, options) => setActionDone(text, sessionId, actionIndex, true, options))];
    }
    default:
      return [];
  }
}

function isScalarValue(value: unknown): boolean {
  return value === null || value === undefined || typeof value !== 'object';
}

/** Schema-allowed values come as text; `schemaVersion: 1` must stay a number. */
function typed(value: string): string | number {
  return /^\d+$/.test(value) ? Number(value) : value;
}

export const registerQuickFixes: Feature = (context, { store }) => {
  const fixes = new PlanQuickFixes(store);
  context.subscriptions.push(registerForPlanDocuments((selector) => vscode.languages.registerCodeActionsProvider(selector, fixes, PlanQuickFixes.metadata)));
};
