// The figures of `npm run bench:vscode` (issue 15), measured inside the extension host of a real
// VS Code opened on a generated workspace of many plans (test/integration/bench/vscode-scale.ts
// makes it and prints what this writes). Runs only when that command sets MENTORING_BENCH_OUT; an
// ordinary integration run lists it as pending. Figures, not pass/fail: nothing here is timed.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { constants as performanceConstants, monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { planDocumentSelector } from '../../src/extension/config';
import type { MentoringPlanApi } from '../../src/extension/services';
import { EXTENSION_ID } from './extension-support';

const output = process.env.MENTORING_BENCH_OUT;
/** With MENTORING_BENCH_PROFILE=<dir>, CPU profiles of the extension host (scan, rescan, keystroke) are written there. */
const profileDir = process.env.MENTORING_BENCH_PROFILE;

/**
 * A CPU profile of this extension host (the thread the extension runs on), through the inspector
 * in this process; nothing when MENTORING_BENCH_PROFILE is unset. Open the .cpuprofile files in
 * Chrome DevTools, or summarise them with `node out/test/integration/bench/profile-summary.js`.
 */
class Profiler {
  private readonly session = new Session();

  constructor() {
    if (profileDir) mkdirSync(profileDir, { recursive: true });
    this.session.connect();
  }

  /** The heap this host holds on to: used heap after a full garbage collection, in bytes. */
  async retainedHeap(): Promise<number> {
    await new Promise((resolve, reject) => this.session.post('HeapProfiler.collectGarbage', (error) => (error ? reject(error) : resolve(undefined))));
    return process.memoryUsage().heapUsed;
  }

  private post(method: string, params: object = {}): Promise<unknown> {
    const session = this.session;
    if (!profileDir) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  }

  async start(): Promise<void> {
    await this.post('Profiler.enable');
    // 0.5 ms between samples: keystroke work is tens of ms.
    await this.post('Profiler.setSamplingInterval', { interval: 500 });
    await this.post('Profiler.start');
  }

  async stop(name: string): Promise<void> {
    const result = (await this.post('Profiler.stop')) as { profile: unknown } | undefined;
    if (result && profileDir) writeFileSync(join(profileDir, `${name}.cpuprofile`), JSON.stringify(result.profile));
  }

  dispose(): void {
    this.session.disconnect();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.floor(sorted.length / 2)];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU time (ms) of the extension host: the whole process, and split into its main thread (where all JavaScript runs) and its other threads. */
interface CpuUse {
  total: number;
  /** Undefined where Linux's per-thread counters are not there. */
  main: number | undefined;
  others: number | undefined;
}

/** CPU time so far of this process's main thread and of its other threads together (ms), from Linux's per-thread schedstat (ns). */
function threadCpu(): { main: number; others: number } | undefined {
  if (!existsSync('/proc/self/task')) return undefined;
  let main = 0;
  let others = 0;
  for (const thread of readdirSync('/proc/self/task')) {
    let ns: number;
    try {
      ns = Number(readFileSync(`/proc/self/task/${thread}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      continue; // the thread ended meanwhile
    }
    if (Number(thread) === process.pid) main += ns / 1e6;
    else others += ns / 1e6;
  }
  return { main, others };
}

/**
 * The CPU the extension host used during `ms` after `start()`. CPU time, not the event loop's busy
 * wall time: on a loaded machine a host descheduled mid-task counts as busy for as long as it waits
 * for a core, which measured the machine's load rather than the work (a keystroke "busy 7.3 s"
 * whose profile showed 0.8 s of work, at load 22). The other threads are V8's (the garbage
 * collector's parallel and concurrent work, the optimising compiler) and Node's (file I/O).
 */
async function cpuDuring(ms: number, start: () => unknown = () => undefined): Promise<CpuUse> {
  const before = process.cpuUsage();
  const threadsBefore = threadCpu();
  await start();
  await sleep(ms);
  const used = process.cpuUsage(before);
  const threadsAfter = threadCpu();
  const split = threadsBefore && threadsAfter;
  return {
    total: (used.user + used.system) / 1000,
    main: split ? threadsAfter.main - threadsBefore.main : undefined,
    others: split ? threadsAfter.others - threadsBefore.others : undefined,
  };
}

/** The garbage collections of this host from now on, as `kind` (minor: the young generation; major: the whole heap; incremental marking: steps of a major one) at `at` (performance time). */
type CollectionKind = 'minor' | 'major' | 'incremental marking' | 'other';

function watchCollections(): { collections: { at: number; kind: CollectionKind }[]; dispose(): void } {
  const collections: { at: number; kind: CollectionKind }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as unknown as { detail?: { kind?: number } }).detail?.kind;
      const named: Record<number, CollectionKind> = {
        [performanceConstants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
        [performanceConstants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
        [performanceConstants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental marking',
      };
      collections.push({ at: entry.startTime, kind: (kind !== undefined && named[kind]) || 'other' });
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return { collections, dispose: () => observer.disconnect() };
}

/**
 * When the workbench last asked this host for completion: a provider beside the extension's, on
 * the same selector (so in the same group, asked in the same round), that offers nothing. It splits
 * a completion's latency into the way there (the request through the workbench until this host
 * runs the providers) and the way back.
 */
let providersAskedAt = 0;
function watchCompletionProviders(): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(planDocumentSelector(), {
    provideCompletionItems: () => {
      providersAskedAt = performance.now();
      return [];
    },
  });
}

interface CompletionTiming {
  /** When it was asked (epoch ms). */
  at: number;
  ms: number;
  /** From the request until this host's providers were asked. */
  toProviders: number;
}

/** Completion at a session's `type:` value, as a user typing there would ask for it; its latency in ms. */
async function completionMs(document: vscode.TextDocument, line: number): Promise<CompletionTiming> {
  const started = performance.now();
  providersAskedAt = 0;
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(line, '    type: '.length));
  if (!list.items.some((item) => (typeof item.label === 'string' ? item.label : item.label.label) === 'checkin')) throw new Error('completion did not offer session types');
  if (providersAskedAt === 0) throw new Error('the completion probe was not asked');
  return { at: epoch(started), ms: performance.now() - started, toProviders: providersAskedAt - started };
}

/** Epoch milliseconds of the bench's phases, for matching the workbench page's long tasks (launch-offline.ts). */
type Phases = Record<string, [number, number]>;
const epoch = (performanceTime: number) => Math.round(performance.timeOrigin + performanceTime);

(output ? describe : describe.skip)('VS Code at scale (bench)', function () {
  this.timeout(30 * 60_000);

  it('prints the figures of issue 15', async () => {
    const figures: Record<string, string | number> = {};
    const phases: Phases = {};
    const completionProbe = watchCompletionProviders();
    const profiler = new Profiler();
    // The activation scan may be under way already: profiled from here to its end.
    await profiler.start();
    const extension = vscode.extensions.getExtension<MentoringPlanApi>(EXTENSION_ID);
    if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
    const mentoring = await extension.activate();
    const store = mentoring.store;
    const hostStarted = Date.now() - process.uptime() * 1000;

    // 1. The scan at activation (the Mentoring view not open: what every window pays).
    await store.ready();
    await profiler.stop('activation-scan');
    const first = store.lastScan;
    if (!first?.endedAt || first.firstPlansAt === undefined) throw new Error('no scan was recorded');
    figures.plans = store.all().length;
    figures['activation (ms)'] = mentoring.activationMs;
    figures['first plans after activation (ms)'] = Math.round(first.firstPlansAt - first.startedAt);
    figures['all problems after activation (ms)'] = Math.round(first.endedAt - first.startedAt);
    figures['all problems after extension host start (ms)'] = Math.round(first.endedAt - hostStarted);
    phases['activation scan'] = [first.startedAt, first.endedAt];
    figures.problems = vscode.languages.getDiagnostics().reduce((sum, [, diagnostics]) => sum + diagnostics.filter((d) => d.source === 'mentoring-plan').length, 0);

    // 2. Idle memory of the extension host, after the scan settled.
    await sleep(5000);
    const idle = process.memoryUsage();
    figures['extension host RSS idle (MB)'] = Math.round(idle.rss / 1024 / 1024);
    figures['extension host heap used idle (MB)'] = Math.round(idle.heapUsed / 1024 / 1024);
    // What is held, not garbage not yet collected: the heap after a full collection (the RSS above is before it).
    figures['extension host heap held after a full GC (MB)'] = Math.round((await profiler.retainedHeap()) / 1024 / 1024);
    figures['extension host RSS after that GC (MB)'] = Math.round(process.memoryUsage().rss / 1024 / 1024);

    // 3. The view open and a plan in the editor; then a full recheck scan while the user asks for completion.
    await vscode.commands.executeCommand('workbench.view.extension.mentoring');
    const plan = store.all()[Math.floor(store.all().length / 2)].uri;
    const document = await vscode.workspace.openTextDocument(plan);
    // Not a preview tab: showing the other file later must not close this one.
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const typeLine = document.getText().split('\n').findIndex((text) => text.startsWith('    type: '));
    await sleep(2000);
    const idleCompletion: CompletionTiming[] = [];
    await profiler.start();
    const idleStarted = Date.now();
    for (let i = 0; i < 5; i++) idleCompletion.push(await completionMs(document, typeLine));
    phases['completions after opening the view and a plan'] = [idleStarted, Date.now()];
    await profiler.stop('completion-idle');
    figures['completion idle, median (ms)'] = Math.round(median(idleCompletion.map((timing) => timing.ms)));
    figures['completion idle: until the providers are asked, median (ms)'] = Math.round(median(idleCompletion.map((timing) => timing.toProviders)));

    await profiler.start();
    // How long the host's main thread kept anything waiting (a completion request, a command) during the scan.
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const scanStarted = performance.now();
    let scanEnded = false;
    const scan = store.refresh(true).then(() => (scanEnded = true));
    await store.someReady();
    figures['rescan with view open: first plans (ms)'] = Math.round(performance.now() - scanStarted);
    const duringScan: CompletionTiming[] = [];
    while (!scanEnded) {
      duringScan.push(await completionMs(document, typeLine));
      await sleep(100);
    }
    await scan;
    loopDelay.disable();
    await profiler.stop('rescan-view-open');
    figures['extension host event loop delay during the rescan: median / p99 / max (ms)'] = [loopDelay.percentile(50), loopDelay.percentile(99), loopDelay.max].map((ns) => Math.round(ns / 1e6)).join(' / ');
    figures['rescan with view open while completing: all problems (ms)'] = Math.round(performance.now() - scanStarted);
    phases.rescan = [epoch(scanStarted), epoch(performance.now())];
    figures['completion during the scan: answers'] = duringScan.length;
    figures['completion during the scan: median (ms)'] = Math.round(median(duringScan.map((timing) => timing.ms)));
    figures['completion during the scan: max (ms)'] = Math.round(Math.max(...duringScan.map((timing) => timing.ms)));
    const slowest = duringScan.reduce<CompletionTiming | undefined>((worst, timing) => (!worst || timing.ms > worst.ms ? timing : worst), undefined);
    if (slowest) {
      figures['completion during the scan, the slowest: until the providers are asked (ms)'] = Math.round(slowest.toProviders);
      phases['slowest completion during the rescan'] = [slowest.at, slowest.at + Math.round(slowest.ms)];
    }
    figures['completion during the scan: until the providers are asked, median / max (ms)'] = `${Math.round(median(duringScan.map((timing) => timing.toProviders)))} / ${Math.round(Math.max(...duringScan.map((timing) => timing.toProviders)))}`;

    // 4. A keystroke in one plan after the scan: the host's CPU time beyond the plan's own check
    //    and beyond what it uses idle in the same time. process.cpuUsage() counts every thread of
    //    the extension host process (V8's garbage collector and compiler threads too), all the
    //    JavaScript of the host (this extension, VS Code's own machinery, other extensions in the
    //    same host), for 2 s from the keystroke: the edit's round trip, the typing delay's
    //    announcement, every view and provider it wakes, and what VS Code does later by itself
    //    (it asks inlay hints again 1.25 s after typing; code-server saves after 1 s). Each
    //    keystroke waits until the host has settled (under 10% of a core for half a second, or 30 s
    //    passed): after a scan, VS Code's own work on its results (views, Problems) and the
    //    collection of its garbage go on for a while; that is the scan's cost, not the keystroke's.
    //    The same keystroke in the same text saved as a YAML file that is not a plan, in turn with
    //    the plan's (so that the host's drifts, such as a collection of the whole heap, fall on both
    //    alike), is what VS Code and its host cost for any keystroke: the difference is what the
    //    extension adds. The split into the main thread and the others, and the garbage
    //    collections in each keystroke's window, say where a costly keystroke's time went. With
    //    MENTORING_BENCH_PROFILE one more plan keystroke is profiled, and not counted: the
    //    profiler's own sampling costs the host CPU.
    await sleep(3000);
    const plainUri = vscode.Uri.joinPath(plan, '..', 'keystroke-reference.yaml');
    await vscode.workspace.fs.writeFile(plainUri, new TextEncoder().encode(document.getText()));
    const plainDocument = await vscode.workspace.openTextDocument(plainUri);
    const windowMs = 2000;
    const counted = 10;
    interface Keystrokes {
      editor: vscode.TextEditor;
      line: number;
      ownChecks: number[];
      baselines: CpuUse[];
      busy: CpuUse[];
      collected: string[];
    }
    const inFile = (shown: vscode.TextEditor): Keystrokes => ({
      editor: shown,
      line: shown.document.getText().split('\n').findIndex((text) => text.includes('Follow up on item')),
      ownChecks: [],
      baselines: [],
      busy: [],
      collected: [],
    });
    const inPlan = inFile(editor);
    const gc = watchCollections();
    let settling = 0;
    const keystroke = async (into: Keystrokes, profiled: boolean): Promise<void> => {
      const shown = await vscode.window.showTextDocument(into.editor.document, { preview: false });
      const settleStarted = performance.now();
      while ((await cpuDuring(500)).total > 50 && performance.now() - settleStarted < 30_000);
      settling = Math.max(settling, performance.now() - settleStarted);
      const baseline = await cpuDuring(windowMs);
      let ownCheck = 0;
      if (profiled) await profiler.start();
      const keystrokeAt = Date.now();
      const windowStart = performance.now();
      const busy = await cpuDuring(windowMs, async () => {
        await shown.edit((edit) => edit.insert(new vscode.Position(into.line, shown.document.lineAt(into.line).text.length), 'x'));
        // The plan's own check of the new version (the typing delay then finds it cached and only
        // announces it); nothing for the file that is not a plan.
        const started = performance.now();
        const checked = store.forDocument(shown.document);
        if (checked) ownCheck = performance.now() - started;
      });
      if (profiled) {
        await profiler.stop('keystroke');
        return;
      }
      if (into === inPlan) phases[`keystroke ${into.busy.length + 1}`] = [keystrokeAt, Date.now()];
      into.ownChecks.push(ownCheck);
      into.baselines.push(baseline);
      into.busy.push(busy);
      const windowEnd = performance.now();
      // The observer hears of a collection a little later.
      await new Promise((resolve) => setImmediate(resolve));
      const kinds = gc.collections.filter((collection) => collection.at >= windowStart && collection.at < windowEnd).map((collection) => collection.kind);
      if (kinds.length > 0) into.collected.push(`${into.busy.length}: ${kinds.join(' + ')}`);
    };
    const plainEditor = await vscode.window.showTextDocument(plainDocument, { preview: false });
    const inPlain = inFile(plainEditor);
    for (let round = 0; round < counted; round++) {
      await keystroke(inPlan, false);
      await keystroke(inPlain, false);
    }
    if (profileDir) await keystroke(inPlan, true);
    gc.dispose();
    // Idle is the median of all the idle windows: the host's own bursts (a collection, a timer of
    // VS Code's) land in an idle window as often as in a keystroke's, and subtracting the window
    // just before a keystroke made single keystrokes come out at −150 ms.
    const total = (use: CpuUse) => use.total;
    const mainThread = (use: CpuUse) => use.main;
    const otherThreads = (use: CpuUse) => use.others;
    const idleCpu = (pick: (use: CpuUse) => number | undefined) => median([...inPlan.baselines, ...inPlain.baselines].map((use) => pick(use) ?? Number.NaN));
    // The plan's own check runs on the main thread: taken off the whole process's and the main thread's figures, not the other threads'.
    const beyond = (into: Keystrokes, pick: (use: CpuUse) => number | undefined) => into.busy.map((use, index) => (pick(use) ?? Number.NaN) - idleCpu(pick) - (pick === otherThreads ? 0 : into.ownChecks[index]));
    const medianAndMax = (values: readonly number[]) => (values.length === 0 || values.some(Number.isNaN) ? 'not measured' : `${Math.round(median(values))} / ${Math.round(Math.max(...values))}`);
    figures['keystroke: longest wait for the host to settle (ms)'] = Math.round(settling);
    figures[`keystroke: extension host CPU idle in ${windowMs / 1000} s, median: all threads / main thread (ms)`] = `${Math.round(idleCpu(total))} / ${Math.round(idleCpu(mainThread))}`;
    figures["keystroke: the plan's own check, median (ms)"] = Math.round(median(inPlan.ownChecks));
    figures[`keystroke in the plan: extension host CPU beyond the check and idle, median / max of ${counted} (ms)`] = medianAndMax(beyond(inPlan, total));
    figures['keystroke in the plan: each (ms)'] = beyond(inPlan, total).map(Math.round).join(', ');
    figures['keystroke in the plan: the main thread, median / max (ms)'] = medianAndMax(beyond(inPlan, mainThread));
    figures["keystroke in the plan: the other threads (V8's collector and compiler, I/O), median / max (ms)"] = medianAndMax(beyond(inPlan, otherThreads));
    figures['keystroke in the plan: garbage collections in its window (keystroke: kind)'] = inPlan.collected.join('; ') || 'none';
    figures[`the same keystroke in a YAML file that is not a plan: CPU beyond idle, median / max of ${counted} (ms)`] = medianAndMax(beyond(inPlain, total));
    figures['the same keystroke in a YAML file that is not a plan: each (ms)'] = beyond(inPlain, total).map(Math.round).join(', ');
    figures['the same keystroke in a YAML file that is not a plan: the main thread, median / max (ms)'] = medianAndMax(beyond(inPlain, mainThread));
    figures['the same keystroke in a YAML file that is not a plan: garbage collections (keystroke: kind)'] = inPlain.collected.join('; ') || 'none';
    figures['keystroke: what the extension adds (plan minus not a plan, medians), all threads / main thread (ms)'] = `${Math.round(median(beyond(inPlan, total)) - median(beyond(inPlain, total)))} / ${Math.round(median(beyond(inPlan, mainThread)) - median(beyond(inPlain, mainThread)))}`;
    for (const into of [inPlan, inPlain]) {
      await vscode.window.showTextDocument(into.editor.document, { preview: false });
      for (let undo = 0; undo < into.busy.length + (into === inPlan && profileDir ? 1 : 0); undo++) await vscode.commands.executeCommand('undo');
    }
    await vscode.commands.executeCommand('workbench.action.files.save');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(plainUri);
    await sleep(1000);
    const after = process.memoryUsage();
    figures['extension host RSS at the end (MB)'] = Math.round(after.rss / 1024 / 1024);
    profiler.dispose();
    completionProbe.dispose();
    writeFileSync(output ?? '', JSON.stringify(figures, null, 2));
    writeFileSync(`${output}.phases.json`, JSON.stringify(phases));
  });
});
