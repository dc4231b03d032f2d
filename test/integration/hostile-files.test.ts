// Hostile files from test/fixtures/hostile/ opened in the real VS Code: each gets diagnostics with
// positions inside the document, within a few seconds, and the extension keeps working after them.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { api, ourDiagnostics, recordTiming, waitFor, workspaceUri } from './extension-support';

const CORPUS = join(__dirname, '../../../test/fixtures/hostile');
const SAMPLE: [string, string][] = [
  ['empty.mentoring.yaml', 'schema'],
  ['tabs.mentoring.yaml', 'yaml-syntax'],
  ['alias-bomb.mentoring.yaml', 'yaml-syntax'],
  ['deep-flow-5000.mentoring.yaml', 'yaml-syntax'],
  ['binary-nul.mentoring.yaml', 'yaml-syntax'],
  ['duplicate-keys.mentoring.yaml', 'yaml-syntax'],
  ['html-every-field.mentoring.yaml', 'schema'],
];

describe('hostile files in the editor', () => {
  const written: vscode.Uri[] = [];
  before(api);

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of written) await vscode.workspace.fs.delete(uri);
    // Later suites count the workspace's plans: wait until these are gone from Problems.
    await waitFor(() => written.every((uri) => ourDiagnostics(uri).length === 0), 'hostile plans dropped after deletion', 10_000);
  });

  for (const [name, code] of SAMPLE) {
    it(`${name}: diagnostics with positions inside the document, including ${code}`, async () => {
      const uri = workspaceUri(`hostile-${name}`);
      await vscode.workspace.fs.writeFile(uri, readFileSync(join(CORPUS, name)));
      written.push(uri);
      const started = Date.now();
      // VS Code refuses to open a binary file as text; the workspace scan still checks it.
      const binary = name.startsWith('binary');
      const document = binary ? undefined : await vscode.workspace.openTextDocument(uri);
      if (document) await vscode.window.showTextDocument(document);
      const found = await waitFor(() => ourDiagnostics(uri).some(([found]) => found === code) && ourDiagnostics(uri), `a ${code} diagnostic on ${name}`, 20_000);
      recordTiming(`diagnostics on hostile ${name} ms`, Date.now() - started);
      const lines = (document?.getText() ?? readFileSync(join(CORPUS, name), 'utf8')).split('\n');
      for (const [, startLine, startCharacter, endLine, endCharacter] of found) {
        assert.ok(startLine < lines.length && endLine < lines.length, `${name}: line past the end: ${JSON.stringify(found)}`);
        assert.ok(startCharacter <= lines[startLine].replace(/\r$/, '').length && endCharacter <= lines[endLine].replace(/\r$/, '').length, `${name}: character past the line: ${JSON.stringify(found)}`);
      }
      if (!document) return;
      for (const [, startLine, startCharacter, endLine, endCharacter] of found) {
        assert.ok(startLine < document.lineCount && endLine < document.lineCount, `${name}: line past the end: ${JSON.stringify(found)}`);
        assert.ok(startCharacter <= document.lineAt(startLine).text.length && endCharacter <= document.lineAt(endLine).text.length, `${name}: character past the line: ${JSON.stringify(found)}`);
      }
    });
  }
});
