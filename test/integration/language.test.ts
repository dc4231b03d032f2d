// Plan files as a language, through the same commands VS Code's UI uses (vscode.execute…Provider):
// outline, workspace symbols, definition, references, highlights, rename (exact text and undo),
// hover, inlay hints and CodeLens on the fixture team.mentoring.yaml.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { planDocumentSelector } from '../../src/extension/config';
import { api, nextAnnouncement, openPlan, undoUntil, waitFor, workspaceUri } from './extension-support';

type Span = [number, number, number, number];
const span = (range: vscode.Range): Span => [range.start.line, range.start.character, range.end.line, range.end.character];
const where = (location: vscode.Location | vscode.LocationLink): Span => span('targetRange' in location ? location.targetRange : location.range);

/** Line and character of the `nth` occurrence of `text` in the document, plus `delta` characters. */
function positionOf(document: vscode.TextDocument, text: string, delta = 0, nth = 0): vscode.Position {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = document.getText().indexOf(text, offset + 1);
  assert.ok(offset >= 0, `no ${JSON.stringify(text)}`);
  return document.positionAt(offset + delta);
}

function hoverText(hovers: vscode.Hover[]): string[] {
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)));
}

/** Days from today (local) to `date`, counted without the extension's code. */
function daysFromToday(date: string): number {
  const now = new Date();
  const [year, month, day] = date.split('-').map(Number);
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())) / 86_400_000);
}

describe('plan language features', () => {
  let document: vscode.TextDocument;
  let original: string;

  before(async () => {
    const mentoring = await api();
    ({ document } = await openPlan('team.mentoring.yaml'));
    original = document.getText();
    await waitFor(() => mentoring.store.get(document.uri)?.version === document.version, 'the check of team.mentoring.yaml');
  });

  it('outlines the mentorship, goals, sessions and feedback with exact ranges', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const rows = (list: vscode.DocumentSymbol[]): unknown[] => list.map((symbol) => [symbol.name, symbol.detail, vscode.SymbolKind[symbol.kind], span(symbol.range), span(symbol.selectionRange), rows(symbol.children)]);
    assert.deepEqual(rows(symbols), [
      ['Ada and Grace', 'Grace Hopper & Ada Lovelace', 'Module', [2, 0, 23, 91], [2, 0, 2, 10], [['agreement', '', 'Struct', [14, 2, 23, 91], [14, 2, 14, 11], []]]],
      [
        'goals',
        '2',
        'Array',
        [24, 0, 41, 20],
        [24, 0, 24, 5],
        [
          ['Give a talk at the team meetup', 'public-speaking · active', 'Object', [25, 4, 37, 19], [25, 8, 25, 23], []],
          ['Review pull requests with confidence', 'code-review · proposed', 'Object', [38, 4, 41, 20], [38, 8, 38, 19], []],
        ],
      ],
      ['sessions', '1', 'Array', [42, 0, 56, 16], [42, 0, 42, 8], [['kickoff 2025-01-06', 'kickoff', 'Event', [43, 4, 56, 16], [43, 8, 43, 15], []]]],
      ['feedback', '1', 'Array', [57, 0, 66, 73], [57, 0, 57, 8], [['feedback from mentor 2025-02-03', 'first-dry-run', 'String', [58, 4, 66, 73], [58, 8, 58, 21], []]]],
    ]);
  });

  it('finds goals and sessions of every plan by title or id, their lines looked up only when one is chosen', async () => {
    const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'public');
    const ours = found.filter((symbol) => symbol.location.uri.toString() === document.uri.toString());
    // No range: VS Code asks the provider for it when the user picks the symbol (the UI test picks one).
    assert.deepEqual(
      ours.map((symbol) => [symbol.name, vscode.SymbolKind[symbol.kind], symbol.containerName, symbol.location.range]),
      [['Give a talk at the team meetup (public-speaking)', 'Object', 'team.mentoring.yaml', undefined]],
    );
    const byTitle = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Review pull');
    assert.ok(byTitle.some((symbol) => symbol.name === 'Review pull requests with confidence (code-review)'));
    // Another plan (closed unless an earlier test opened it): its goals too, named from its value.
    const other = workspaceUri('problems.mentoring.yaml');
    const closed = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'design review');
    const fromClosed = closed.filter((symbol) => symbol.location.uri.toString() === other.toString()).map((symbol) => [symbol.name, symbol.containerName]);
    assert.ok(fromClosed.some(([name, container]) => name === 'Lead a design review (system-design)' && container === 'problems.mentoring.yaml'), JSON.stringify(fromClosed));
  });

  it('goes from a reference to the goal it names', async () => {
    for (const position of [positionOf(document, '[public-speaking]', 5), positionOf(document, 'goal: public-speaking', 8)]) {
      const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, position);
      assert.deepEqual(locations.map(where), [[25, 8, 25, 23]]);
    }
    const none = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', document.uri, positionOf(document, 'title: Give', 2));
    assert.deepEqual(none, []);
  });

  it('finds every use of an id, and highlights them', async () => {
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, positionOf(document, 'id: public-speaking', 6));
    assert.deepEqual(locations.map(where), [[25, 8, 25, 23], [46, 12, 46, 27], [61, 10, 61, 25]]);
    const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', document.uri, positionOf(document, '[public-speaking]', 1));
    assert.deepEqual(highlights.map((highlight) => [...span(highlight.range), highlight.kind]), [
      [25, 8, 25, 23, vscode.DocumentHighlightKind.Write],
      [46, 12, 46, 27, vscode.DocumentHighlightKind.Read],
      [61, 10, 61, 25, vscode.DocumentHighlightKind.Read],
    ]);
  });

  it('renames an id and every use in one undoable edit, and refuses a taken or invalid id', async () => {
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, positionOf(document, 'goal: public-speaking', 9), 'talk');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(document.getText(), original.replace('- id: public-speaking', '- id: talk').replace('goals: [public-speaking]', 'goals: [talk]').replace('goal: public-speaking', 'goal: talk'));
    await undoUntil(document, original, 1);
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, positionOf(document, 'id: public-speaking', 6), 'code-review')),
      /The id "code-review" is already used by another goal; choose another\./,
    );
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, positionOf(document, 'id: public-speaking', 6), 'Public Speaking')), /is not a valid id/);
    const prepared = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>('vscode.prepareRename', document.uri, positionOf(document, '[public-speaking]', 3));
    assert.deepEqual([span(prepared.range), prepared.placeholder], [[46, 12, 46, 27], 'public-speaking']);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('vscode.prepareRename', document.uri, positionOf(document, 'title: Give', 8))), /Only the id of a goal, session or feedback entry/);
    assert.equal(document.getText(), original);
  });

  it('hovers a reference with its goal, a key with its description, a value with its meaning, a date with its distance', async () => {
    const hover = async (position: vscode.Position) => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position));
    const days = daysFromToday('2025-05-15');
    const target = days < 0 ? `${-days} days ago` : `in ${days} days`;
    assert.deepEqual(await hover(positionOf(document, 'goal: public-speaking', 8)), [`**Give a talk at the team meetup** · goal \`public-speaking\`\n\nactive · 1/2 milestones done · 1 session · target 2025-05-15 (${target})`]);
    // Without Red Hat's YAML extension installed, the schema's texts are ours to show.
    assert.deepEqual(await hover(positionOf(document, 'cadence:', 2)), ['How often the pair meets. Used to warn when sessions lapse and to show when the next one is due.']);
    assert.deepEqual(await hover(positionOf(document, 'status: proposed', 10)), ['`proposed`: Suggested, not yet agreed.']);
    const feedbackDays = -daysFromToday('2025-02-03');
    assert.deepEqual(await hover(positionOf(document, 'date: 2025-02-03', 8)), [`2025-02-03: ${feedbackDays} days ago`]);
  });

  it('shows the goal title after each reference as an inlay hint', async () => {
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, new vscode.Range(0, 0, document.lineCount, 0));
    assert.deepEqual(
      hints.map((hint) => [hint.position.line, hint.position.character, typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('')]),
      [
        [46, 27, 'Give a talk at the team meetup'],
        [61, 25, 'Give a talk at the team meetup'],
      ],
    );
  });

  it('shows sessions, open actions and latest feedback above each goal, opening its references', async () => {
    const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10);
    // The feedback editor adds lenses of its own; these are the goals'.
    const lenses = all.filter((lens) => lens.command?.command === 'editor.action.showReferences');
    assert.deepEqual(
      lenses.map((lens) => [span(lens.range), lens.command?.title, lens.command?.command, (lens.command?.arguments?.[2] as vscode.Location[] | undefined)?.map(where)]),
      [
        [[25, 4, 37, 19], '1 session · 0 open actions · feedback 2025-02-03', 'editor.action.showReferences', [[46, 12, 46, 27], [61, 10, 61, 25]]],
        [[38, 4, 41, 20], '0 sessions · 0 open actions', 'editor.action.showReferences', []],
      ],
    );
  });

  it('is asked for CodeLenses once per keystroke and for inlay hints no more often than VS Code asks by itself: the announced check asks no extra round', async () => {
    const { store } = await api();
    const { editor } = await openPlan('team.mentoring.yaml');
    // Probes beside our providers: VS Code asks every provider of a document in one round, when
    // the document changes or when any of them says its answers changed.
    const rounds: string[] = [];
    let startedAt = Date.now();
    const probes = vscode.Disposable.from(
      vscode.languages.registerInlayHintsProvider(planDocumentSelector(), {
        provideInlayHints: () => {
          rounds.push(`hints ${Date.now() - startedAt} ms`);
          return [];
        },
      }),
      vscode.languages.registerCodeLensProvider(planDocumentSelector(), {
        provideCodeLenses: () => {
          rounds.push(`lenses ${Date.now() - startedAt} ms`);
          return [];
        },
      }),
    );
    const count = (kind: string) => rounds.filter((round) => round.startsWith(kind)).length;
    const quiet = async () => {
      // Until nothing has been asked for a second (VS Code waits up to 1.25 s after typing).
      let seen = -1;
      while (seen !== rounds.length) {
        seen = rounds.length;
        await new Promise((resolve) => setTimeout(resolve, 1500));
      }
    };
    try {
      await waitFor(() => count('hints') > 0 && count('lenses') > 0, 'the first rounds of hints and lenses');
      await quiet();
      for (let keystroke = 1; keystroke <= 2; keystroke++) {
        rounds.length = 0;
        startedAt = Date.now();
        const announced = nextAnnouncement(store, editor.document.uri).then(() => rounds.push(`check announced ${Date.now() - startedAt} ms`));
        const line = editor.document.getText().split('\n').findIndex((text) => text.startsWith('    title: Give a talk at the team meetup'));
        assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(line, editor.document.lineAt(line).text.length), 'x')));
        await announced;
        await quiet();
        // VS Code asks for hints twice after an edit by itself (when the edit moves the view, and
        // after its typing delay); a change event from the store's announcement made it three.
        assert.ok(count('lenses') === 1 && count('hints') <= 2, `keystroke ${keystroke}: ${rounds.join(', ')}`);
      }
    } finally {
      probes.dispose();
      await undoUntil(editor.document, original);
      // code-server saved the typed text after a second; the file on disk must be the original again too.
      await editor.document.save();
    }
  });
});
