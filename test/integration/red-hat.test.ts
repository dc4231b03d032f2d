// With Red Hat's YAML extension installed beside ours (the launcher's red-hat phase), each schema
// error, schema hover text and allowed value shows once: `mentoringPlan.schemaDiagnostics: auto`
// leaves the schema to Red Hat's extension, and our own findings still show.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, waitFor, workspaceUri } from './extension-support';

const PLAN = 'three-schema-errors.mentoring.yaml';

/**
 * team.mentoring.yaml with three values the schema refuses, and a date the schema's pattern lets
 * through though no calendar has it (2026-02-30): only our rules can tell.
 */
const TEXT = [
  'schemaVersion: 1',
  'mentorship:',
  '  mentor:',
  '    name: Grace Hopper',
  '  protege:',
  '    name: Ada Lovelace',
  '  started: 2025-01-06',
  '  cadence: daily',
  '  agreement:',
  '    roles:',
  '      mentor: [Ask questions before offering answers]',
  '      protege: [Set the agenda for each session]',
  '    confidentiality: What we discuss stays between us.',
  'goals:',
  '  - id: public-speaking',
  '    title: Give a talk at the team meetup',
  '    kind: stretch',
  '    status: done',
  'sessions:',
  '  - id: kickoff',
  '    date: 2025-01-06',
  '    type: chat',
  '    goals: [public-speaking, nowhere]',
  '  - id: planning',
  '    date: 2026-02-30',
  '',
].join('\n');
const ERROR_LINES = [7, 17, 21];
const IMPOSSIBLE_DATE_LINE = 24;

describe('beside Red Hat YAML (red-hat)', () => {
  let document: vscode.TextDocument;

  before(async function () {
    this.timeout(120_000);
    const redHat = vscode.extensions.getExtension('redhat.vscode-yaml');
    assert.ok(redHat, "Red Hat's YAML extension is not installed in this phase");
    await api();
    await vscode.workspace.fs.writeFile(workspaceUri(PLAN), new TextEncoder().encode(TEXT));
    document = await vscode.workspace.openTextDocument(workspaceUri(PLAN));
    await vscode.window.showTextDocument(document);
    await redHat.activate();
    await waitFor(() => vscode.languages.getDiagnostics(document.uri).filter((d) => d.source !== 'mentoring-plan').length >= 3, "Red Hat's schema diagnostics", 90_000);
    await waitFor(() => vscode.languages.getDiagnostics(document.uri).some((d) => d.source === 'mentoring-plan'), 'our diagnostics', 30_000);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceUri(PLAN));
  });

  it('lists each schema error once in Problems, and our own findings', () => {
    const diagnostics = vscode.languages.getDiagnostics(document.uri);
    const bySource = new Map<string, number>();
    for (const diagnostic of diagnostics) bySource.set(diagnostic.source ?? '', (bySource.get(diagnostic.source ?? '') ?? 0) + 1);
    const atErrors = ERROR_LINES.map((line) => diagnostics.filter((d) => d.range.start.line === line).map((d) => d.source));
    assert.equal(atErrors.every((sources) => sources.length === 1), true, `diagnostics per schema error: ${JSON.stringify(atErrors)}; by source: ${JSON.stringify([...bySource])}`);
    const ours = diagnostics.filter((d) => d.source === 'mentoring-plan').map((d) => [String(d.code), d.range.start.line]);
    // The impossible date has the schema's code, but no schema can report it (next test).
    assert.deepEqual(ours.filter(([code, line]) => code === 'schema' && line !== IMPOSSIBLE_DATE_LINE), [], 'no schema findings of ours while Red Hat reports them');
    assert.deepEqual(ours.filter(([code]) => code === 'unknown-reference'), [['unknown-reference', 22]], 'our rule findings still show');
  });

  it("reports an impossible date (2026-02-30) once, from our rules, beside Red Hat's schema errors", () => {
    const atDate = vscode.languages.getDiagnostics(document.uri).filter((d) => d.range.start.line === IMPOSSIBLE_DATE_LINE);
    assert.deepEqual(
      atDate.map((d) => [d.source, d.message, d.range.start.character, d.range.end.character]),
      [['mentoring-plan', '`sessions[1].date` is not a real date: 2026-02 has 28 days.', 10, 20]],
      JSON.stringify(atDate.map((d) => [d.source, d.message])),
    );
  });

  it("shows the schema's hover text once", async () => {
    const texts = async (position: vscode.Position) =>
      (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)).flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)));
    const cadence = await texts(new vscode.Position(7, 4));
    const description = 'How often the pair meets. Used to warn when sessions lapse and to show when the next one is due.';
    assert.equal(cadence.filter((text) => text.includes(description)).length, 1, JSON.stringify(cadence));
    const reference = await texts(new vscode.Position(22, 14));
    assert.equal(reference.filter((text) => text.includes('**Give a talk at the team meetup**')).length, 1, JSON.stringify(reference));
  });

  it('offers each allowed value once after `status: `', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(17, 12));
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    for (const value of ['proposed', 'active', 'at-risk', 'achieved', 'dropped']) assert.equal(labels.filter((label) => label === value).length, 1, `${value} in ${JSON.stringify(labels)}`);
  });
});
