// Plan files as a language: outline and breadcrumbs, workspace symbols, go to definition, find
// references, highlights, rename, hover, inlay hints and CodeLens. Every provider of an open
// document reads the plan store's check of its current version and the symbol index cached on its
// parse (src/core/plan-symbols.ts), and parses nothing itself. The workspace symbol search reads
// closed plans' values again (names only) and parses the one plan whose symbol is chosen.
import * as vscode from 'vscode';
import { renameId } from '../../core/edits';
import { goalActivity, namedEntries, planHover, plural, symbolIndex } from '../../core/plan-symbols';
import type { IdOccurrence, NamedEntry, PlanSymbol, PlanSymbolKind } from '../../core/plan-symbols';
import { toWorkspaceEdit } from '../apply-edit';
import { CONFIG_SECTION } from '../command-ids';
import { affectsSettings, registerForPlanDocuments } from '../config';
import { planValueOnce } from '../plan-store';
import type { PlanEntry, PlanStore } from '../plan-store';
import { toVsRange } from '../ranges';
import { forEachInSlices } from '../slices';
import type { Feature } from '../services';
import { ourSchemaFeatures } from './schema-mode';

const SYMBOL_KINDS: Record<PlanSymbolKind, vscode.SymbolKind> = {
  mentorship: vscode.SymbolKind.Module,
  agreement: vscode.SymbolKind.Struct,
  list: vscode.SymbolKind.Array,
  goal: vscode.SymbolKind.Object,
  session: vscode.SymbolKind.Event,
  feedback: vscode.SymbolKind.String,
};

function toDocumentSymbol(symbol: PlanSymbol): vscode.DocumentSymbol {
  const result = new vscode.DocumentSymbol(symbol.name, symbol.detail, SYMBOL_KINDS[symbol.kind], toVsRange(symbol.range), toVsRange(symbol.selectionRange));
  result.children = symbol.children.map(toDocumentSymbol);
  return result;
}

/** The id under the cursor in the current version of a plan document, with that version's check. */
function occurrenceAt(store: PlanStore, document: vscode.TextDocument, position: vscode.Position): { entry: PlanEntry; occurrence: IdOccurrence } | undefined {
  const entry = store.forDocument(document);
  const occurrence = entry && symbolIndex(entry.result.parsed).at(document.offsetAt(position));
  return entry && occurrence ? { entry, occurrence } : undefined;
}

/**
 * A goal or session as the workspace symbol search lists it: named from the plan's value, with no
 * range yet. VS Code asks resolveWorkspaceSymbol for the range of the one the user picks, so a
 * search over 1,000 plans parses none of them (a parse with positions took ~14 s at 1,000 plans).
 */
class PlanWorkspaceSymbol extends vscode.SymbolInformation {
  constructor(
    readonly searched: SearchName,
    kind: vscode.SymbolKind,
    container: string,
    readonly uri: vscode.Uri,
  ) {
    // A location without a range is how the API marks a symbol to be resolved when chosen.
    super(searched.shown, kind, container, new vscode.Location(uri, undefined as unknown as vscode.Range));
  }
}

/**
 * Each check's goals and sessions as the search names them, kept per check: a query after the
 * first reads no plan again, and only these names stay in memory, not the plans' values.
 */
const workspaceNames = new WeakMap<PlanEntry['result'], readonly SearchName[]>();

/** An entry as the search lists it: `name` is the outline's, with the id; `shown` adds a count to a name the plan repeats. */
interface SearchName {
  readonly name: string;
  readonly shown: string;
  readonly kind: NamedEntry['kind'];
  readonly path: NamedEntry['path'];
}

/** Titles and ids are both what people remember; the name carries both so the quick open matches either. */
function searchName(name: string, id: string | undefined): string {
  return id && id !== name ? `${name} (${id})` : name;
}

function workspaceNamesOf(entry: PlanEntry): readonly SearchName[] {
  let names = workspaceNames.get(entry.result);
  if (!names) {
    const seen = new Map<string, number>();
    names = namedEntries(planValueOnce(entry.result)).map(({ name, id, kind, path }) => {
      const searched = searchName(name, id);
      // VS Code shows symbols without a range once per name, kind and file: a repeat gets its count.
      const count = (seen.get(searched) ?? 0) + 1;
      seen.set(searched, count);
      return { name: searched, shown: count === 1 ? searched : `${searched} #${count}`, kind, path };
    });
    workspaceNames.set(entry.result, names);
  }
  return names;
}

export class PlanLanguageFeatures
  implements
    vscode.DocumentSymbolProvider,
    vscode.WorkspaceSymbolProvider,
    vscode.DefinitionProvider,
    vscode.ReferenceProvider,
    vscode.DocumentHighlightProvider,
    vscode.RenameProvider,
    vscode.HoverProvider,
    vscode.InlayHintsProvider,
    vscode.CodeLensProvider
{
  // Hints and lenses depend on the document's text alone, which VS Code asks about again after
  // every edit; a change event when the store announced the same check asked them a second time per
  // keystroke (issue 15). Only the setting that turns hints off asks again.
  private readonly hintsChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.hintsChanged.event;

  constructor(private readonly store: PlanStore) {}

  /** The inlay hints setting changed: every editor's hints are asked again. */
  refreshHints(): void {
    this.hintsChanged.fire();
  }

  dispose(): void {
    this.hintsChanged.dispose();
  }

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    const entry = this.store.forDocument(document);
    return entry ? symbolIndex(entry.result.parsed).symbols().map(toDocumentSymbol) : [];
  }

  async provideWorkspaceSymbols(query: string, token?: vscode.CancellationToken): Promise<vscode.SymbolInformation[]> {
    const wanted = query.toLowerCase();
    const found: vscode.SymbolInformation[] = [];
    // The first search reads every closed plan's value (~1.5 ms each): in slices, and no further once the
    // user typed on (VS Code asks again).
    const complete = await forEachInSlices(
      this.store.all(),
      (entry) => {
        const container = vscode.workspace.asRelativePath(entry.uri);
        for (const symbol of workspaceNamesOf(entry)) {
          if (matchesQuery(symbol.shown, wanted)) found.push(new PlanWorkspaceSymbol(symbol, SYMBOL_KINDS[symbol.kind], container, entry.uri));
        }
      },
      () => token?.isCancellationRequested === true,
    );
    return complete ? found : [];
  }

  /**
   * The chosen symbol's range: its entry's selection in the outline of the plan as it is now (the
   * editor's text when open; one plan parsed, if closed). Unchanged when the plan is gone.
   */
  resolveWorkspaceSymbol(symbol: vscode.SymbolInformation): vscode.SymbolInformation {
    if (!(symbol instanceof PlanWorkspaceSymbol)) return symbol;
    const key = symbol.uri.toString();
    const document = vscode.workspace.textDocuments.find((open) => open.uri.toString() === key);
    const entry = (document && this.store.forDocument(document)) ?? this.store.get(symbol.uri);
    if (!entry) return symbol;
    const { name, path } = symbol.searched;
    const [list, index] = path;
    const listed = symbolIndex(entry.result.parsed)
      .symbols()
      .flatMap((parent) => parent.children)
      .filter((child) => child.path?.[0] === list);
    const named = (child: PlanSymbol) => searchName(child.name, child.id) === name;
    // Where the search found it; if the plan changed since, the entry of that name in its list, else the one now at that place.
    const outlined = listed.find((child) => child.path?.[1] === index && named(child)) ?? listed.find(named) ?? listed.find((child) => child.path?.[1] === index);
    symbol.location = new vscode.Location(symbol.uri, outlined ? toVsRange(outlined.selectionRange) : new vscode.Range(0, 0, 0, 0));
    return symbol;
  }

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.Location[] {
    const at = occurrenceAt(this.store, document, position);
    if (!at) return [];
    return symbolIndex(at.entry.result.parsed)
      .definitions(at.occurrence.kind, at.occurrence.id)
      .map((use) => new vscode.Location(document.uri, toVsRange(use.range)));
  }

  provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): vscode.Location[] {
    const at = occurrenceAt(this.store, document, position);
    if (!at) return [];
    return symbolIndex(at.entry.result.parsed)
      .uses(at.occurrence.kind, at.occurrence.id)
      .filter((use) => context.includeDeclaration || use.role === 'reference')
      .map((use) => new vscode.Location(document.uri, toVsRange(use.range)));
  }

  provideDocumentHighlights(document: vscode.TextDocument, position: vscode.Position): vscode.DocumentHighlight[] {
    const at = occurrenceAt(this.store, document, position);
    if (!at) return [];
    return symbolIndex(at.entry.result.parsed)
      .uses(at.occurrence.kind, at.occurrence.id)
      .map((use) => new vscode.DocumentHighlight(toVsRange(use.range), use.role === 'definition' ? vscode.DocumentHighlightKind.Write : vscode.DocumentHighlightKind.Read));
  }

  prepareRename(document: vscode.TextDocument, position: vscode.Position): { range: vscode.Range; placeholder: string } {
    const at = occurrenceAt(this.store, document, position);
    // VS Code shows the message of what prepareRename throws.
    if (!at) throw new Error(vscode.l10n.t('Only the id of a goal, session or feedback entry, or a use of one, can be renamed.'));
    return { range: toVsRange(at.occurrence.range), placeholder: at.occurrence.id };
  }

  provideRenameEdits(document: vscode.TextDocument, position: vscode.Position, newName: string): vscode.WorkspaceEdit {
    const at = occurrenceAt(this.store, document, position);
    if (!at) throw new Error(vscode.l10n.t('Only the id of a goal, session or feedback entry, or a use of one, can be renamed.'));
    const result = renameId(document.getText(), at.occurrence.kind, at.occurrence.id, newName.trim(), this.store.editOptions(document));
    if (!result.ok) throw new Error(result.message);
    return toWorkspaceEdit(document, result);
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const entry = this.store.forDocument(document);
    if (!entry) return undefined;
    const hover = planHover(entry.result.parsed, document.offsetAt(position), { today: entry.today, schemaText: ourSchemaFeatures() });
    return hover && new vscode.Hover(new vscode.MarkdownString(hover.contents), toVsRange(hover.range));
  }

  provideInlayHints(document: vscode.TextDocument, range: vscode.Range): vscode.InlayHint[] {
    if (!vscode.workspace.getConfiguration(CONFIG_SECTION, document.uri).get<boolean>('inlayHints.enabled', true)) return [];
    const entry = this.store.forDocument(document);
    if (!entry) return [];
    const hints: vscode.InlayHint[] = [];
    const index = symbolIndex(entry.result.parsed);
    for (const use of index.occurrences) {
      if (use.role !== 'reference' || use.range.end.line < range.start.line || use.range.start.line > range.end.line) continue;
      // The name the outline gives the entry: looked up from the parse's index, not worked out per reference on each keystroke.
      const label = index.nameOf(use.kind, use.id);
      if (!label) continue;
      const hint = new vscode.InlayHint(toVsRange(use.range).end, label, vscode.InlayHintKind.Type);
      hint.paddingLeft = true;
      hints.push(hint);
    }
    return hints;
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const entry = this.store.forDocument(document);
    if (!entry) return [];
    const index = symbolIndex(entry.result.parsed);
    const lenses: vscode.CodeLens[] = [];
    for (const goals of index.symbols().filter((symbol) => symbol.kind === 'list' && symbol.name === 'goals')) {
      for (const goal of goals.children) {
        if (!goal.id) continue;
        const activity = goalActivity(entry.result.plan, goal.id);
        const parts = [plural(activity.sessions, 'session'), plural(activity.openActions, 'open action')];
        if (activity.latestFeedback) parts.push(`feedback ${activity.latestFeedback}`);
        const locations = index.references('goal', goal.id).map((use) => new vscode.Location(document.uri, toVsRange(use.range)));
        const at = toVsRange(goal.selectionRange).start;
        lenses.push(new vscode.CodeLens(toVsRange(goal.range), { title: parts.join(' · '), command: 'editor.action.showReferences', arguments: [document.uri, at, locations] }));
      }
    }
    return lenses;
  }
}

/** The letters of the query in order (what VS Code's own quick open accepts); empty matches all. */
function matchesQuery(name: string, query: string): boolean {
  const text = name.toLowerCase();
  let from = 0;
  for (const char of query) {
    if (char === ' ') continue;
    const found = text.indexOf(char, from);
    if (found === -1) return false;
    from = found + 1;
  }
  return true;
}

export const registerLanguageFeatures: Feature = (context, { store }) => {
  const features = new PlanLanguageFeatures(store);
  context.subscriptions.push(
    features,
    registerForPlanDocuments((selector) =>
      vscode.Disposable.from(
        vscode.languages.registerDocumentSymbolProvider(selector, features, { label: 'Mentoring Plan' }),
        vscode.languages.registerDefinitionProvider(selector, features),
        vscode.languages.registerReferenceProvider(selector, features),
        vscode.languages.registerDocumentHighlightProvider(selector, features),
        vscode.languages.registerRenameProvider(selector, features),
        vscode.languages.registerHoverProvider(selector, features),
        vscode.languages.registerInlayHintsProvider(selector, features),
        vscode.languages.registerCodeLensProvider(selector, features),
      ),
    ),
    vscode.languages.registerWorkspaceSymbolProvider(features),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsSettings(event, 'inlayHints.enabled')) features.refreshHints();
    }),
  );
};
