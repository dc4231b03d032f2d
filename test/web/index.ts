// Entry point of the web extension tests. The offline launcher (test/integration/launch-offline.ts,
// web phase) opens the workbench with a copy of the extension whose manifest has no `main`, so VS
// Code can only run its `browser` entry, in the web worker extension host; extensionTestsPath
// points at this bundle (out/test/web/index.js, built for the browser by esbuild.mjs --tests) inside
// that copy, so VS Code runs it in the same host as the extension. No Node built-ins here: there is
// no `process`, no file system and no console relay the launcher can rely on, so options come from
// and results go to files next to this bundle, through vscode.workspace.fs.
import { mocha, reporterBase } from './mocha-bdd';
import * as vscode from 'vscode';
import { EXTENSION_ID, workerFacts } from './web-host';
import './web-extension.test';

/** Written by the launcher before the run. */
interface WebTestOptions {
  grep?: string;
}

/** Read by the launcher after the run: the reporter's lines, the counts, and where the tests ran. */
export interface WebTestResults {
  lines: string[];
  passed: number;
  failed: number;
  facts: ReturnType<typeof workerFacts>;
}

function testFolder(): vscode.Uri {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded in this extension host`);
  return vscode.Uri.joinPath(extension.extensionUri, 'test');
}

async function readOptions(): Promise<WebTestOptions> {
  try {
    return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(testFolder(), 'options.json')))) as WebTestOptions;
  } catch {
    return {};
  }
}

export async function run(): Promise<void> {
  const lines: string[] = [];
  reporterBase.useColors = false;
  reporterBase.consoleLog = (...args: unknown[]) => {
    // The spec reporter passes printf-style arguments; only %s and %d occur in its lines.
    const [first, ...rest] = args.map(String);
    const line = (first ?? '').replace(/%[sd]/g, () => rest.shift() ?? '') + (rest.length ? ` ${rest.join(' ')}` : '');
    lines.push(line);
    console.log(line);
  };
  const options = await readOptions();
  if (options.grep) mocha.grep(new RegExp(options.grep));
  const { passed, failed } = await new Promise<{ passed: number; failed: number }>((resolve) => {
    const runner = mocha.run((failures) => resolve({ passed: runner.stats?.passes ?? 0, failed: Math.max(failures, runner.stats?.failures ?? 0) }));
  });
  lines.push(`${passed} passed, ${failed} failed`);
  const results: WebTestResults = { lines, passed, failed, facts: workerFacts() };
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(testFolder(), 'results.json'), new TextEncoder().encode(JSON.stringify(results, null, 2)));
  if (failed > 0) throw new Error(`${failed} web test(s) failed`);
}
