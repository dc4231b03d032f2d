// Entry point of the integration suite inside VS Code's extension host. Both launchers
// (launch-offline.ts via code-server, launch-electron.ts via @vscode/test-electron) point
// `extensionTestsPath` at the bundled out/test/integration/index.js, whose `run()` VS Code awaits.
// Every `*.test.js` next to this file is added (UI tests live in ./ui and run in the launcher).
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import * as vscode from 'vscode';

/** The title tag of suites that run only in a multi-root workspace. */
export const MULTI_ROOT_TAG = '(multi-root)';
/** The title tag of suites that run only with Red Hat's YAML extension installed beside ours. */
export const RED_HAT_TAG = '(red-hat)';

/**
 * launch-offline.ts sets MENTORING_CONSOLE_TAG: in a test run VS Code sends the extension host's
 * console to the page through its log service, mixed with the workbench's own log lines (and the
 * extension host's console methods cannot be replaced). The reporter's lines are formatted here
 * and prefixed with the tag, so the launcher can pick out exactly these lines.
 */
const tag = process.env.MENTORING_CONSOLE_TAG ?? '';

function report(...args: unknown[]): void {
  console.log(`${tag}${format(...args)}`);
}

/** The single-folder suites: everything but the (multi-root) ones. */
export function run(): Promise<void> {
  return runSuites(false);
}

/**
 * Which suites run is decided by the launcher's choice of index file, not by looking at the
 * workspace: in a multi-root window the folders can still be empty when run() starts.
 */
export function runSuites(multiRoot: boolean, tag = multiRoot ? MULTI_ROOT_TAG : undefined): Promise<void> {
  // No colours: the output reaches the browser console (offline launcher) or a log file, where
  // ANSI escapes only garble it.
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 20_000, color: false });
  Mocha.reporters.Base.useColors = false;
  Mocha.reporters.Base.consoleLog = report;
  // Suites tagged "(multi-root)" need a workspace of several folders; the launcher opens one for
  // them in a run of their own (multi-root-index.ts), and every other suite runs in the single-folder workspace.
  const grep = process.env.MENTORING_TEST_GREP;
  if (tag) mocha.grep(tag);
  else if (grep) mocha.grep(new RegExp(`^(?!.*\\((?:multi-root|red-hat)\\))(?=.*(?:${grep}))`));
  else mocha.grep(/\((?:multi-root|red-hat)\)/).invert();

  const files = readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort();
  for (const name of files) mocha.addFile(join(__dirname, name));
  isolateSuites(mocha.suite);

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passed = runner.stats?.passes ?? 0;
        const failed = Math.max(failures, runner.stats?.failures ?? 0);
        report(`${passed} passed, ${failed} failed`);
        if (failed > 0) reject(new Error(`${failed} integration test(s) failed`));
        else if (files.length === 0) reject(new Error(`no *.test.js files in ${__dirname}`));
        else resolve();
      });
    } catch (error) {
      report(error instanceof Error ? (error.stack ?? error.message) : String(error));
      report('0 passed, 1 failed');
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/**
 * A test that fails half-way (a timeout on a loaded machine) can leave a fixture plan edited, in
 * its editor or on disk, and then every suite after it fails for that reason alone. After each
 * suite file, unsaved fixture documents are reverted and fixture files restored to the bytes they
 * had when the run began, and what was put back is reported: the failing test still fails, but the
 * suites after it see the workspace as they expect and the report names the suite that left it.
 */
function isolateSuites(root: Mocha.Suite): void {
  let pristine: Map<string, Uint8Array> | undefined;
  root.beforeAll('snapshot the workspace fixtures', async () => {
    pristine = new Map();
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!folder) return;
    for (const [name, type] of await vscode.workspace.fs.readDirectory(folder)) {
      if (type !== vscode.FileType.File) continue;
      const uri = vscode.Uri.joinPath(folder, name);
      pristine.set(uri.toString(), await vscode.workspace.fs.readFile(uri));
    }
  });
  // Each suite file's top-level suites get the hook as the file is loaded by run().
  const hooked = new Set<Mocha.Suite>();
  root.on('post-require', () => {
    for (const suite of root.suites) {
      if (hooked.has(suite)) continue;
      hooked.add(suite);
      putBackAfter(suite);
    }
  });
  function putBackAfter(suite: Mocha.Suite): void {
    suite.afterAll('put the workspace fixtures back', async function () {
      this.timeout(60_000);
      const restored: string[] = [];
      for (const [key, bytes] of pristine ?? []) {
        const uri = vscode.Uri.parse(key);
        const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === key);
        if (document?.isDirty) {
          await vscode.window.showTextDocument(document);
          await vscode.commands.executeCommand('workbench.action.files.revert');
          restored.push(`${uri.path.split('/').pop()} (unsaved edits)`);
        }
        const now = await vscode.workspace.fs.readFile(uri).then(
          (current) => current,
          () => undefined,
        );
        if (!now || Buffer.compare(Buffer.from(now), Buffer.from(bytes)) !== 0) {
          await vscode.workspace.fs.writeFile(uri, bytes);
          restored.push(`${uri.path.split('/').pop()} (${now ? firstDifference(Buffer.from(bytes).toString('utf8'), Buffer.from(now).toString('utf8')) : 'file missing'})`);
        }
      }
      if (restored.length > 0) report(`  !! suite "${suite.title}" left the fixtures changed; put back: ${restored.join(', ')}`);
    });
  }
}

/** Where a fixture's text was changed, for the report: the first line that differs, before and after. */
function firstDifference(before: string, after: string): string {
  const was = before.split('\n');
  const now = after.split('\n');
  const line = was.findIndex((text, index) => text !== now[index]);
  const at = line === -1 ? was.length : line;
  return `on disk, line ${at + 1}: ${JSON.stringify(was[at] ?? '')} became ${JSON.stringify(now[at] ?? '')}`;
}
