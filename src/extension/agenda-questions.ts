// Agenda help in the editor: completion from the question bank (and allowed values, goal ids) in
// plan files, and "Insert Agenda Question…", a quick pick of the bank filtered by type and stage.
import * as vscode from 'vscode';
import { planCompletions, sessionIndexAt } from '../core/completion';
import type { ParsedPlan } from '../core/parse';
import { addAgendaQuestion } from '../core/edits';
import { SESSION_TYPES } from '../core/plan';
import type { Plan, Session, SessionType } from '../core/plan';
import { QUESTION_BANK, SESSION_TYPE_LABELS, STAGE_LABELS } from '../core/questions';
import { applyPlanEdit } from './apply-edit';
import { COMMANDS } from './command-ids';
import { registerForPlanDocuments } from './config';
import { registerLoggedCommand } from './log';
import type { UriLike } from './plan-target';
import { ourSchemaFeatures } from './language/schema-mode';
import type { Feature } from './services';

const KINDS = { question: vscode.CompletionItemKind.Text, value: vscode.CompletionItemKind.EnumMember, goal: vscode.CompletionItemKind.Reference, session: vscode.CompletionItemKind.Reference } as const;

export interface InsertQuestionArgs {
  uri?: UriLike;
  sessionId?: string;
  /** Skips the quick pick (tests, keybindings with arguments). */
  question?: string;
}

export const registerAgendaQuestions: Feature = (context, { store, resolver, log }) => {
  const provider: vscode.CompletionItemProvider = {
    provideCompletionItems(document, position) {
      // The store's check of this version (incremental, shared with diagnostics, and a pure read) rather than a fresh parse per keystroke.
      const entry = store.forDocument(document);
      if (!entry) return undefined;
      store.noteUserActivity();
      const offset = document.offsetAt(position);
      const list = planCompletions(entry.result.parsed, offset);
      if (!list) return undefined;
      const range = new vscode.Range(document.positionAt(list.replaceFrom), position);
      // Allowed values come from the schema: left to Red Hat's YAML extension when it completes them (language/schema-mode.ts).
      const schemaValues = ourSchemaFeatures();
      return list.items.filter((entry) => schemaValues || entry.kind !== 'value').map((entry) => {
        const item = new vscode.CompletionItem(entry.label, KINDS[entry.kind]);
        item.insertText = entry.insertText;
        item.detail = entry.detail;
        item.sortText = entry.sortText;
        item.range = range;
        // Questions are long: match on any word of them, not only the first letters.
        item.filterText = entry.label;
        return item;
      });
    },
  };
  context.subscriptions.push(
    registerForPlanDocuments((selector) => vscode.languages.registerCompletionItemProvider(selector, provider, ' ', '-', '[')),
    registerLoggedCommand(log, COMMANDS.insertAgendaQuestion, (input) => insertQuestion((input as InsertQuestionArgs | undefined) ?? {})),
  );

  async function insertQuestion(args: InsertQuestionArgs): Promise<boolean> {
    const target = await resolver.planFor(args.uri);
    if (!target) return false;
    const { document, entry } = target;
    const plan = entry.result.plan;
    const sessions = (Array.isArray(plan?.sessions) ? plan.sessions : []).filter((session): session is Session => typeof session?.id === 'string');
    const session = sessions.find((candidate) => candidate.id === args.sessionId) ?? sessionAtCursor(document, plan, entry.result.parsed);
    if (!session) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor in a session (or pick one in the Mentoring view) to add a question to its agenda.'));
      return false;
    }
    const question = args.question ?? (await pickQuestion(session));
    if (!question) return false;
    return applyPlanEdit(document, (text, options) => addAgendaQuestion(text, session.id, question, options), log, store);
  }
};

/** The session whose lines hold the cursor of the active editor on `document`. */
function sessionAtCursor(document: vscode.TextDocument, plan: Partial<Plan> | undefined, parsed: ParsedPlan | undefined): Session | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document !== document || !parsed) return undefined;
  const index = sessionIndexAt(parsed, document.offsetAt(editor.selection.active));
  const session = index === undefined || !Array.isArray(plan?.sessions) ? undefined : plan.sessions[index];
  return typeof session?.id === 'string' ? session : undefined;
}

async function pickQuestion(session: Session): Promise<string | undefined> {
  const type = (SESSION_TYPES as readonly string[]).includes(String(session.type)) ? (session.type as SessionType) : undefined;
  const existing = new Set(session.agenda ?? []);
  // The session's own type first, then the rest of the bank, each under a separator.
  const order = type ? [type, ...SESSION_TYPES.filter((other) => other !== type)] : [...SESSION_TYPES];
  const items: (vscode.QuickPickItem & { question?: string })[] = [];
  for (const group of order) {
    items.push({ label: SESSION_TYPE_LABELS[group], kind: vscode.QuickPickItemKind.Separator });
    for (const question of QUESTION_BANK.filter((entry) => entry.type === group && !existing.has(entry.text))) {
      items.push({ label: question.text, description: STAGE_LABELS[question.stage], detail: question.askedBy === 'protege' ? vscode.l10n.t('for the protégé to ask') : undefined, question: question.text });
    }
  }
  const chosen = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Insert agenda question into {0}', session.id),
    placeHolder: vscode.l10n.t('Type to filter by words, session type or stage'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return chosen?.question;
}
