// Runs the integration suite in a real VS Code without internet: code-server (VS Code 1.100.3,
// installed on demand by scripts/install-offline-vscode.sh into .vscode-test/code-server/) driven
// by playwright-core and Debian's /usr/bin/chromium. @vscode/test-electron (launch-electron.ts) cannot
// work offline: it downloads VS Code from Microsoft. code-server has no --extensionTestsPath flag,
// but its workbench reads the same settings from the `payload` of the page URL (step 1).
//
// 1. Extension-host phase: the workbench URL carries extensionDevelopmentPath + extensionTestsPath,
//    so VS Code loads out/test/integration/index.js and awaits its run(); the page then calls
//    window.codeAutomationExit(code). The extension host's console (mocha's output) is relayed.
// 2. UI phase: a fresh page with the extension under development (no tests path); mocha runs
//    out/test/integration/ui/*.ui.js here in Node with the page (see ui/helpers.ts).
// 3. Web phase: a copy of the extension whose manifest has no `main`, so VS Code can run only its
//    `browser` entry, in the browser's web worker extension host (as on github.dev / vscode.dev);
//    extensionTestsPath points at out/test/web/index.js inside that copy, so the tests run in the
//    same worker. They write their results next to themselves (the worker has no console relay),
//    and the phase fails unless those results show a web worker (no `process`, a WorkerGlobalScope).
//
//   npm run test:integration          (builds, then: node out/test/integration/launch-offline.js)
// Knobs (environment):
//   MENTORING_TEST_WORKSPACE=<dir>  open this folder instead of a scratch copy of test/fixtures/workspace
//   MENTORING_TEST_GREP=<pattern>   only run matching tests (both phases)
//   MENTORING_TEST_TIMEOUT_MS=<ms>  overall limit, default 1200000 (a hang still ends well inside CI's budget)
//   MENTORING_SKIP_UI=1             skip the UI phase
//   MENTORING_SKIP_WEB=1            skip the web phase;  MENTORING_WEB_ONLY=1  run only the web phase
//   MENTORING_KEEP_OPEN=1           leave code-server running afterwards (prints the URL; Ctrl+C ends)
//   MENTORING_VERBOSE=1             also print the workbench's own console and code-server's log
//   MENTORING_CHROMIUM=<path>       browser binary, default /usr/bin/chromium
//   MENTORING_CODE_SERVER_DIR=<dir> where code-server is installed, default .vscode-test/code-server
//   MENTORING_BENCH_OUT=<file>      (npm run bench:vscode) also record the workbench page's long tasks
//                                   into <file>.page.json; with MENTORING_BENCH_PROFILE=<dir>, a CPU
//                                   profile of the page too (<dir>/workbench.cpuprofile)
import Mocha from 'mocha';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import type { WebTestResults } from '../web/index';
import { findRepoRoot, prepareMultiRootWorkspace, prepareWorkspace } from './support/paths';
import { setUiContext, waitForWorkbench } from './ui/helpers';

const env = process.env;
const repoRoot = findRepoRoot(__dirname);
const testsIndex = join(__dirname, 'index.js');
/** Runs only the suites tagged (multi-root), in the two-folder workspace. */
const multiRootTestsIndex = join(__dirname, 'multi-root-index.js');
/** Runs only the suites tagged (red-hat), after Red Hat's YAML extension is installed beside ours. */
const redHatTestsIndex = join(__dirname, 'red-hat-index.js');
const redHatVsix = join(repoRoot, 'test/fixtures/third-party/redhat.vscode-yaml-1.24.0.vsix');
const uiTestsDir = join(__dirname, 'ui');
/** The web tests, bundled for the browser (esbuild.mjs --tests). */
const webTestsBundle = join(__dirname, '../web/index.js');
const codeServerDir = env.MENTORING_CODE_SERVER_DIR ?? join(repoRoot, '.vscode-test/code-server');
const codeServerEntry = join(codeServerDir, 'node_modules/code-server/out/node/entry.js');
const installScript = join(repoRoot, 'scripts/install-offline-vscode.sh');
const browserPath = env.MENTORING_CHROMIUM ?? '/usr/bin/chromium';
const overallTimeoutMs = Number(env.MENTORING_TEST_TIMEOUT_MS ?? 1_200_000);
const keepOpen = env.MENTORING_KEEP_OPEN === '1';
const verbose = env.MENTORING_VERBOSE === '1';
const webOnly = env.MENTORING_WEB_ONLY === '1';
const skipUi = env.MENTORING_SKIP_UI === '1' || webOnly;
const skipWeb = env.MENTORING_SKIP_WEB === '1';
const screenshotDir = join(repoRoot, 'test-results/screenshots');
const browserArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];
/** Generous: on a loaded machine the workbench page has taken over Playwright's default 30 s to load. */
const pageLoadTimeoutMs = 120_000;
const SUMMARY = /^(\d+) passed, (\d+) failed$/;

interface Counts { passed: number; failed: number }

/** Everything started here, so that every exit path can end it. */
const state: { scratch?: string; server?: ChildProcess; browser?: Browser; phase: string; workbenchLog: string[] } = { phase: 'starting', workbenchLog: [] };

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
}

// ---------------------------------------------------------------------------------------------
// code-server

function ensureCodeServer(): void {
  // The script is a fast no-op when everything is in place; it also installs missing apt packages.
  const complete = existsSync(codeServerDir) && readdirSync(codeServerDir).some((name) => name.startsWith('.installed-'));
  if (complete && existsSync(codeServerEntry) && existsSync(browserPath)) return;
  say('code-server or chromium missing; running scripts/install-offline-vscode.sh');
  const result = spawnSync('bash', [installScript], { stdio: ['ignore', 'inherit', 'inherit'], env });
  if (result.status !== 0) throw new Error(`${installScript} failed (exit ${result.status ?? result.signal})`);
  if (!existsSync(codeServerEntry)) throw new Error(`code-server is still missing at ${codeServerEntry}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function writeUserSettings(userDataDir: string, extra: Record<string, unknown> = {}): void {
  // Keep the workbench quiet and offline: no gallery checks, no welcome page, no trust prompt.
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': false,
    'git.enabled': false,
    'chat.disableAIFeatures': true,
    // A remote extension host (code-server's) looks for ports to forward by running `ps` every 2 s
    // or so; nothing here serves a port, and those runs landed in the bench's keystroke figures.
    // Turning forwarding off does not stop the polling; looking in terminal output instead does.
    'remote.autoForwardPorts': false,
    'remote.autoForwardPortsSource': 'output',
    ...extra,
  };
  writeFileSync(join(userDataDir, 'User/settings.json'), JSON.stringify(settings, null, 2));
}

async function startCodeServer(scratch: string, port: number, extraSettings: Record<string, unknown> = {}): Promise<void> {
  const home = join(scratch, 'home');
  const userDataDir = join(scratch, 'user-data');
  const extensionsDir = join(scratch, 'extensions');
  for (const dir of [home, userDataDir, extensionsDir]) mkdirSync(dir, { recursive: true });
  writeUserSettings(userDataDir, extraSettings);
  const logPath = join(scratch, 'code-server.log');
  const log = createWriteStream(logPath);
  const args = [
    codeServerEntry, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
  ];
  const server = spawn(process.execPath, args, {
    // Own process group, so cleanup ends code-server and its extension hosts together.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...env,
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      XDG_DATA_HOME: join(home, '.local/share'),
      XDG_CACHE_HOME: join(home, '.cache'),
      // No extension gallery: nothing may be fetched from the internet during the tests.
      EXTENSIONS_GALLERY: '{}',
      // The extension host inherits this environment: index.ts reads the tag and MENTORING_TEST_GREP.
      MENTORING_CONSOLE_TAG: CONSOLE_TAG,
    },
  });
  state.server = server;
  for (const stream of [server.stdout, server.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      log.write(chunk);
      if (verbose) process.stdout.write(`[code-server] ${chunk.toString()}`);
    });
  }
  let exited: string | undefined;
  server.once('exit', (code, signal) => { exited = `code-server exited early (${code ?? signal}); log: ${logPath}`; });

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`${exited}\n${tail(logPath, 30)}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz within 60 s\n${tail(logPath, 30)}`);
    await sleep(200);
  }
}

function tail(path: string, lines: number): string {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------------------------------------
// Workbench pages

function workbenchUrl(port: number, workspace: string, tests: string | undefined, extension = repoRoot): string {
  const remote = (path: string) => `vscode-remote://127.0.0.1:${port}${path}`;
  const payload: [string, string][] = [['extensionDevelopmentPath', remote(extension)]];
  if (tests) payload.push(['extensionTestsPath', remote(tests)]);
  payload.push(['skipWelcome', 'true']);
  const target = workspace.endsWith('.code-workspace') ? 'workspace' : 'folder';
  return `http://127.0.0.1:${port}/?${target}=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** index.ts prefixes each line of mocha's reporter (and its summary) with this tag. */
const CONSOLE_TAG = '@@mentoring-test@@ ';

/**
 * Turns a page console message into text. The workbench's log service writes
 * console.log('%c INFO', css, message, ...args); during a test run the extension host's console
 * arrives that way too. util.format applies printf-style specifiers as the browser would.
 */
function consoleText(message: ConsoleMessage): { text: string; severity: string; fromTests: boolean } {
  const args = message.args().map((arg) => arg.toString());
  if (env.MENTORING_DEBUG_CONSOLE) say(`RAW ${message.type()} ${JSON.stringify(args)}`);
  let severity: string = message.type();
  const logService = /^%c\s*(TRACE|DEBUG|INFO|WARN|ERR)$/.exec(args[0] ?? '');
  if (logService && args.length >= 3) {
    severity = logService[1].toLowerCase();
    args.splice(0, 2);
  }
  const text = stripAnsi(args.length ? format(...(args as [string, ...string[]])) : message.text());
  if (!text.startsWith(CONSOLE_TAG)) return { text, severity, fromTests: false };
  return { text: text.slice(CONSOLE_TAG.length), severity, fromTests: true };
}

function rememberWorkbenchLine(line: string): void {
  state.workbenchLog.push(line);
  if (state.workbenchLog.length > 200) state.workbenchLog.shift();
  if (verbose) say(`[workbench] ${line}`);
}

async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => rememberWorkbenchLine(`pageerror: ${error.message}`));
  page.on('crash', () => rememberWorkbenchLine('page crashed'));
  return { context, page };
}

/** The page's long tasks as epoch milliseconds (start, duration): what froze the workbench, and when. */
interface PageLongTasks { tasks: [number, number][]; /** The page's time origin (epoch ms), when profiled. */ pageOrigin?: number }

/**
 * For `npm run bench:vscode`: records every long task of the workbench page (the Long Tasks API:
 * a task of 50 ms or more on the page's main thread, the UI's freezes) from its first script on,
 * and with MENTORING_BENCH_PROFILE a CPU profile of the page. The returned function writes them
 * beside the bench's figures (MENTORING_BENCH_OUT.page.json), where the bench matches them with the
 * times of its phases.
 */
async function watchPageForBench(context: BrowserContext, page: Page): Promise<() => Promise<void>> {
  await context.addInitScript(() => {
    const tasks: [number, number][] = [];
    (window as unknown as { mentoringLongTasks: [number, number][] }).mentoringLongTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push([Math.round(performance.timeOrigin + entry.startTime), Math.round(entry.duration)]);
    }).observe({ type: 'longtask', buffered: true });
  });
  const profileDir = env.MENTORING_BENCH_PROFILE;
  const cdp = profileDir ? await context.newCDPSession(page) : undefined;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  // The page's clock when its profile began, to match the profile's times with the bench's phases.
  let profileStartedAt: number | undefined;
  if (cdp) page.once('load', () => void page.evaluate(() => Date.now() - performance.now()).then((origin) => (profileStartedAt = origin), () => undefined));
  return async () => {
    try {
      const tasks = await page.evaluate(() => (window as unknown as { mentoringLongTasks?: [number, number][] }).mentoringLongTasks ?? []);
      writeFileSync(`${env.MENTORING_BENCH_OUT}.page.json`, JSON.stringify({ tasks, pageOrigin: profileStartedAt } satisfies PageLongTasks));
      if (cdp && profileDir) {
        const { profile } = await cdp.send('Profiler.stop');
        mkdirSync(profileDir, { recursive: true });
        writeFileSync(join(profileDir, 'workbench.cpuprofile'), JSON.stringify(profile));
      }
    } catch (error) {
      say(`(the workbench page's long tasks could not be read: ${String(error)})`);
    }
  };
}

/** Phase 1: the extension host runs index.js; resolves with its counts and exit code. */
async function runExtensionHostTests(browser: Browser, port: number, workspace: string, tests = testsIndex): Promise<Counts & { code: number }> {
  state.phase = 'extension-host tests';
  const { context, page } = await newPage(browser);
  let counts: Counts | undefined;
  let running = false;
  page.on('console', (message) => {
    const { text, severity, fromTests } = consoleText(message);
    if (!fromTests) {
      rememberWorkbenchLine(`${severity}: ${text}`);
      // While mocha runs, other log lines are most likely the tests' or the extension's console.
      if (running && !verbose) say(`[console ${severity}] ${text}`);
      return;
    }
    running = true;
    for (const line of text.split('\n')) {
      say(line);
      const summary = SUMMARY.exec(line.trim());
      if (summary) {
        counts = { passed: Number(summary[1]), failed: Number(summary[2]) };
        running = false;
      }
    }
  });
  let exit: ((code: number) => void) | undefined;
  const exited = new Promise<number>((resolve) => { exit = resolve; });
  await page.exposeFunction('codeAutomationExit', (code: unknown) => exit?.(typeof code === 'number' ? code : 1));
  page.on('crash', () => exit?.(1));
  const benchPage = env.MENTORING_BENCH_OUT && tests === testsIndex ? await watchPageForBench(context, page) : undefined;
  await page.goto(workbenchUrl(port, workspace, tests), { timeout: pageLoadTimeoutMs });
  const code = await exited;
  await benchPage?.();
  // The exit call and the last console lines travel separately; give the summary a moment.
  for (let waited = 0; !counts && waited < 3_000; waited += 100) await sleep(100);
  if (!keepOpen) await context.close();
  if (!counts) say(`(no "N passed, N failed" line from the extension host; exit code ${code})`);
  return { ...(counts ?? { passed: 0, failed: code === 0 ? 0 : 1 }), code };
}

/**
 * The extension as a web extension only: the manifest without `main` (VS Code then gives it the
 * extension kind `web` and runs `browser` in the web worker host, whichever side it is installed
 * on), the files the manifest names, and the web tests inside it, so they run in the same host.
 */
function prepareWebExtension(scratch: string): string {
  const dir = join(scratch, 'web-extension');
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
  delete manifest.main;
  mkdirSync(join(dir, 'test'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const name of readdirSync(repoRoot).filter((file) => /^package\.nls(\..+)?\.json$/.test(file))) cpSync(join(repoRoot, name), join(dir, name));
  for (const folder of ['dist/web', 'dist/webview', 'dist/snippets', 'media', 'schemas']) cpSync(join(repoRoot, folder), join(dir, folder), { recursive: true });
  cpSync(webTestsBundle, join(dir, 'test/index.js'));
  writeFileSync(join(dir, 'test/options.json'), JSON.stringify({ grep: env.MENTORING_TEST_GREP }));
  return dir;
}

/** Phase 3: the web tests in the web worker extension host; resolves with their counts. */
async function runWebTests(browser: Browser, port: number, scratch: string): Promise<Counts> {
  state.phase = 'web extension tests';
  const started = Date.now();
  const extension = prepareWebExtension(scratch);
  const workspace = join(scratch, 'web-workspace');
  cpSync(join(repoRoot, 'test/fixtures/workspace'), workspace, { recursive: true });
  const { context, page } = await newPage(browser);
  page.on('console', (message) => {
    const { text, severity } = consoleText(message);
    rememberWorkbenchLine(`${severity}: ${text}`);
  });
  let exit: ((code: number) => void) | undefined;
  const exited = new Promise<number>((resolve) => { exit = resolve; });
  await page.exposeFunction('codeAutomationExit', (code: unknown) => exit?.(typeof code === 'number' ? code : 1));
  page.on('crash', () => exit?.(1));
  await page.goto(workbenchUrl(port, workspace, join(extension, 'test/index.js'), extension), { timeout: pageLoadTimeoutMs });
  const code = await exited;
  if (!keepOpen) await context.close();
  const resultsPath = join(extension, 'test/results.json');
  if (!existsSync(resultsPath)) {
    say(`(the web tests wrote no results; exit code ${code}: the extension or its tests did not load in the web worker host)`);
    return { passed: 0, failed: 1 };
  }
  const results = JSON.parse(readFileSync(resultsPath, 'utf8')) as WebTestResults;
  for (const line of results.lines) say(line);
  const { facts } = results;
  say(`ran in: WorkerGlobalScope ${facts.workerGlobalScope}, typeof process ${facts.process}, typeof document ${facts.document}; web phase ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // The proof the brief asks for, checked here too: results from any other host do not count.
  if (!facts.workerGlobalScope || facts.process !== 'undefined') {
    say('the web tests did not run in a web worker: failing the web phase');
    return { passed: results.passed, failed: results.failed + 1 };
  }
  return { passed: results.passed, failed: results.failed + (code !== 0 && results.failed === 0 ? 1 : 0) };
}

/** Phase 2: mocha in this process over ui/*.ui.js, with a fresh workbench page. */
async function runUiTests(browser: Browser, port: number, workspace: string): Promise<Counts> {
  state.phase = 'UI tests';
  const files = existsSync(uiTestsDir) ? readdirSync(uiTestsDir).filter((name) => name.endsWith('.ui.js')).sort() : [];
  if (files.length === 0) return { passed: 0, failed: 0 };
  const { context, page } = await newPage(browser);
  page.on('console', (message) => {
    const { text, severity } = consoleText(message);
    rememberWorkbenchLine(`${severity}: ${text}`);
  });
  await page.goto(workbenchUrl(port, workspace, undefined), { timeout: pageLoadTimeoutMs });
  await waitForWorkbench(page);
  setUiContext({ page, repoRoot, workspace, screenshotDir });

  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    timeout: 60_000,
    color: Boolean(process.stdout.isTTY),
    rootHooks: {
      async afterEach(this: Mocha.Context) {
        const test = this.currentTest;
        if (test?.state !== 'failed') return;
        mkdirSync(screenshotDir, { recursive: true });
        const path = join(screenshotDir, `failed-${test.fullTitle().replace(/[^\w.-]+/g, '-').slice(0, 120)}.png`);
        await page.screenshot({ path }).then(() => say(`    screenshot of the failure: ${path}`), () => undefined);
      },
    },
  });
  if (env.MENTORING_TEST_GREP) mocha.grep(env.MENTORING_TEST_GREP);
  for (const name of files) mocha.addFile(join(uiTestsDir, name));
  const counts = await new Promise<Counts>((resolve) => {
    const runner = mocha.run((failures) => resolve({ passed: runner.stats?.passes ?? 0, failed: Math.max(failures, runner.stats?.failures ?? 0) }));
  });
  say(`${counts.passed} passed, ${counts.failed} failed`);
  setUiContext(undefined);
  if (!keepOpen) await context.close();
  return counts;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  // A first install takes minutes (npm); the overall limit covers the test run, not the install.
  ensureCodeServer();
  armTimeout();
  const started = Date.now();
  state.scratch = mkdtempSync(join(tmpdir(), 'mentoring-vscode-'));
  const workspace = prepareWorkspace(repoRoot, state.scratch);
  const port = await freePort();
  state.phase = 'starting code-server';
  await startCodeServer(state.scratch, port);
  state.phase = 'starting chromium';
  // Signals are ours to handle (cleanup, then exit), not Playwright's.
  state.browser = await chromium.launch({ executablePath: browserPath, headless: true, args: browserArgs, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  state.browser.on('disconnected', () => { if (state.browser) rememberWorkbenchLine('browser disconnected'); });
  say(`VS Code (code-server) on http://127.0.0.1:${port}, workspace ${workspace}`);

  let host: Counts & { code: number } = { passed: 0, failed: 0, code: 0 };
  if (!webOnly) {
    say('\n== extension host tests ==');
    host = await runExtensionHostTests(state.browser, port, workspace);
  }
  let uiCounts: Counts = { passed: 0, failed: 0 };
  if (!skipUi) {
    say('\n== UI tests ==');
    uiCounts = await runUiTests(state.browser, port, workspace);
  }
  let multi: Counts & { code: number } = { passed: 0, failed: 0, code: 0 };
  if (!env.MENTORING_TEST_GREP && !webOnly) {
    say('\n== extension host tests, multi-root workspace ==');
    multi = await runExtensionHostTests(state.browser, port, prepareMultiRootWorkspace(repoRoot, state.scratch), multiRootTestsIndex);
  }
  let web: Counts = { passed: 0, failed: 0 };
  if (!skipWeb) {
    say('\n== web extension tests (web worker extension host) ==');
    web = await runWebTests(state.browser, port, state.scratch);
  }
  let redHat: Counts & { code: number } = { passed: 0, failed: 0, code: 0 };
  // Last, since it restarts code-server with another extension installed.
  if (!env.MENTORING_SKIP_RED_HAT && (!env.MENTORING_TEST_GREP || /red-hat/i.test(env.MENTORING_TEST_GREP))) {
    say("\n== extension host tests, beside Red Hat's YAML extension ==");
    const redHatPort = await restartWithRedHat(state.scratch);
    redHat = await runExtensionHostTests(state.browser, redHatPort, workspace, redHatTestsIndex);
  }
  const passed = host.passed + uiCounts.passed + multi.passed + web.passed + redHat.passed;
  const failed = host.failed + uiCounts.failed + multi.failed + web.failed + redHat.failed + (host.code !== 0 && host.failed === 0 ? 1 : 0) + (multi.code !== 0 && multi.failed === 0 ? 1 : 0) + (redHat.code !== 0 && redHat.failed === 0 ? 1 : 0);
  say(`\nintegration total: ${passed} passed, ${failed} failed (extension host ${host.passed}/${host.failed}, UI ${skipUi ? 'skipped' : `${uiCounts.passed}/${uiCounts.failed}`}, multi-root ${multi.passed}/${multi.failed}, web ${skipWeb ? 'skipped' : `${web.passed}/${web.failed}`}, beside Red Hat YAML ${redHat.passed}/${redHat.failed}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (failed > 0) printWorkbenchLog();
  if (keepOpen) {
    state.phase = 'kept open';
    clearTimeout(timer); // the limit covers the tests, not the kept-open session
    say(`MENTORING_KEEP_OPEN: code-server stays on http://127.0.0.1:${port} (scratch ${state.scratch}); Ctrl+C ends it.`);
    await new Promise(() => undefined);
  }
  return failed > 0 ? 1 : 0;
}

/**
 * Stops code-server, installs Red Hat's YAML extension (a copy in test/fixtures/third-party/) into
 * its extensions folder, and starts it again; a running server does not see an extension installed
 * by another process. Returns the new port.
 */
async function restartWithRedHat(scratch: string): Promise<number> {
  state.phase = "installing Red Hat's YAML extension";
  const server = state.server;
  killServer('SIGTERM');
  for (let waited = 0; server && server.exitCode === null && server.signalCode === null && waited < 5_000; waited += 100) await sleep(100);
  killServer('SIGKILL');
  const home = join(scratch, 'home');
  const install = spawnSync(process.execPath, [codeServerEntry, '--user-data-dir', join(scratch, 'user-data'), '--extensions-dir', join(scratch, 'extensions'), '--install-extension', redHatVsix], {
    encoding: 'utf8',
    env: { ...env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local/share'), XDG_CACHE_HOME: join(home, '.cache'), EXTENSIONS_GALLERY: '{}' },
  });
  if (install.status !== 0) throw new Error(`installing ${redHatVsix} failed (exit ${install.status ?? install.signal}): ${install.stderr}${install.stdout}`);
  const port = await freePort();
  state.phase = 'restarting code-server';
  // Red Hat's extension asks for telemetry consent on first start; answered here, offline.
  await startCodeServer(scratch, port, { 'redhat.telemetry.enabled': false });
  return port;
}

/** Workbench messages seen on every run, offline or not; never the cause of a failure. */
const KNOWN_NOISE = [
  /Failed to load resource: the server responded with a status of 404/,
  /web worker extension host is started in a same-origin iframe/,
  /allow-scripts and allow-same-origin/,
  /Overwriting extension <</,
  /Long running operations during shutdown/,
  /\(Canceled: Canceled\)/,
  /took \d+ms\.$/,
];

function printWorkbenchLog(): void {
  const interesting = state.workbenchLog
    .filter((line) => /^(err|error|warn|warning|pageerror|page crashed|browser)/.test(line))
    .map((line) => line.split('\n')[0])
    .filter((line) => !KNOWN_NOISE.some((noise) => noise.test(line)))
    .slice(-20);
  if (interesting.length && !verbose) say(`last workbench errors and warnings (MENTORING_VERBOSE=1 shows all):\n  ${interesting.join('\n  ')}`);
}

async function cleanup(): Promise<void> {
  const { browser, server, scratch } = state;
  state.browser = undefined;
  await browser?.close().catch(() => undefined);
  killServer('SIGTERM');
  for (let waited = 0; server && server.exitCode === null && server.signalCode === null && waited < 3_000; waited += 100) await sleep(100);
  killServer('SIGKILL');
  if (scratch && !env.MENTORING_KEEP_SCRATCH) rmSync(scratch, { recursive: true, force: true });
}

function killServer(signal: NodeJS.Signals): void {
  const pid = state.server?.pid;
  if (!pid) return;
  try {
    process.kill(-pid, signal); // the whole process group: code-server, its extension hosts, ptys
  } catch {
    // already gone
  }
}

/** Ends the run once: the first caller's exit code wins (a timeout, then the errors it causes). */
let finishing: Promise<never> | undefined;
function finish(code: number): Promise<never> {
  finishing ??= cleanup().then(() => process.exit(code));
  return finishing;
}

// Last resort if something calls process.exit directly: no code-server may outlive us.
process.on('exit', () => killServer('SIGKILL'));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    say(`\nintegration tests interrupted by ${signal} during ${state.phase}`);
    void finish(130);
  });
}

let timer: NodeJS.Timeout | undefined;
function armTimeout(): void {
  timer = setTimeout(() => {
    say(`\nintegration tests timed out after ${overallTimeoutMs / 1000} s during ${state.phase} (MENTORING_TEST_TIMEOUT_MS changes the limit)`);
    printWorkbenchLog();
    void finish(124);
  }, overallTimeoutMs);
}

main().then(
  (code) => finish(code),
  (error: unknown) => {
    if (finishing) return finishing; // already timed out or interrupted; this error is the consequence
    say(`\nintegration tests could not run (${state.phase}): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    printWorkbenchLog();
    return finish(1);
  },
);
