// The plan store in plain mocha: an in-memory host (files, editors, settings) and fake timers.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPlan } from '../../src/core/check';
import { addSession } from '../../src/core/edits';
import { rangeAt } from '../../src/core/parse';
import { planDigest } from '../../src/core/plan-digest';
import { ClosedPlanCheck, isReadable, PlanStore, REREADS_KEPT, SCAN, TYPING_DELAY, typingDelay } from '../../src/extension/plan-store';
import { largePlan } from '../support/large-plan';
import { MemoryHost, MemoryUri, settle } from './support/memory-host';
import type { MemoryDocument } from './support/memory-host';

const EXAMPLE = readFileSync(join(__dirname, '../../../examples/alex-and-sam.mentoring.yaml'), 'utf8');
const PLAN = '/ws/alex.mentoring.yaml';

interface Harness {
  host: MemoryHost;
  store: PlanStore<MemoryUri, MemoryDocument>;
  /** Every onDidChange, as the paths it named. */
  events: string[][];
}

async function started(host: MemoryHost): Promise<Harness> {
  const store = new PlanStore(host);
  const events: string[][] = [];
  store.onDidChange((uris) => events.push(uris.map((uri) => uri.path)));
  store.start();
  await store.ready();
  await settle();
  return { host, store, events };
}

function codes(store: Harness['store'], uri: MemoryUri): string[] {
  return store.get(uri)?.result.issues.map((issue) => issue.code) ?? [];
}

/** The example plan with one more character in the mentor's name: a keystroke. */
function typed(text: string, n: number): string {
  return text.replace('Alex Rivera', `Alex Rivera${'x'.repeat(n)}`);
}

describe('plan store (in-memory host)', () => {
  let harness: Harness | undefined;
  afterEach(() => harness?.store.dispose());

  it('scans the workspace once and announces the plans found in one event', async () => {
    const host = new MemoryHost();
    host.files.set(PLAN, EXAMPLE);
    host.files.set('/ws/sub/team.mentoring.yml', EXAMPLE);
    host.files.set('/ws/notes.yaml', 'not: a plan\n');
    host.files.set('/elsewhere/other.mentoring.yaml', EXAMPLE);
    harness = await started(host);
    assert.deepEqual(
      harness.store.all().map((entry) => entry.uri.path),
      [PLAN, '/ws/sub/team.mentoring.yml'],
    );
    assert.deepEqual(harness.events, [[PLAN, '/ws/sub/team.mentoring.yml']]);
    // A rescan that finds nothing new announces nothing.
    await harness.store.refresh();
    assert.equal(harness.events.length, 1);
  });

  it('reads fire nothing, and check a newer version without waiting for the typing delay', async () => {
    const host = new MemoryHost();
    host.files.set(PLAN, EXAMPLE);
    harness = await started(host);
    const document = host.open(PLAN);
    host.clock.advance(0);
    const before = harness.events.length;
    const checksBefore = host.checks;
    host.edit(document, EXAMPLE.replace('cadence: biweekly', 'cadence: sometimes'));
    // Completion, CodeLenses and commands read before the typing delay is over:
    const read = harness.store.forDocument(document);
    assert.equal(read?.version, document.version);
    assert.ok(read.result.issues.some((issue) => issue.message.includes('sometimes') || issue.code.startsWith('schema')), 'the read checks the new text');
    harness.store.get(document.uri);
    harness.store.all();
    harness.store.forDocument(document);
    assert.equal(harness.events.length, before, 'a read fired onDidChange');
    // The change itself is still announced, once, when its typing delay is over.
    host.clock.advance(TYPING_DELAY.maxMs);
    assert.deepEqual(harness.events.slice(before), [[PLAN]]);
    assert.equal(host.checks - checksBefore, 1, 'the timer reused the check the read made');
  });

  it('debounces typing: a typical plan is checked within 100 ms of the last keystroke, once', async () => {
    const host = new MemoryHost();
    host.files.set(PLAN, EXAMPLE);
    harness = await started(host);
    const document = host.open(PLAN);
    host.clock.advance(0);
    const before = harness.events.length;
    const checksBefore: number = host.checks;
    for (let i = 1; i <= 5; i++) {
      host.edit(document, typed(EXAMPLE, i));
      host.clock.advance(10);
    }
    assert.equal(harness.events.length, before, 'checked while keys came 10 ms apart');
    const delay = harness.store.typingDelayFor(document.uri);
    assert.ok(delay < 100, `typing delay ${delay} ms on the example plan`);
    host.clock.advance(delay);
    assert.deepEqual(harness.events.slice(before), [[PLAN]]);
    assert.equal(host.checks - checksBefore, 1);
    assert.equal(harness.store.get(document.uri)?.version, document.version);
  });

  it('checks a 1,000-session plan at most once per pause in typing', async function () {
    this.timeout(60_000);
    const host = new MemoryHost();
    const big = largePlan(EXAMPLE, 1000);
    host.files.set(PLAN, big);
    harness = await started(host);
    const document = host.open(PLAN);
    host.clock.advance(0);
    const delay = harness.store.typingDelayFor(document.uri);
    assert.ok(delay >= 200, `a 1,000-session plan waits ${delay} ms after a keystroke`);
    for (let burst = 0; burst < 3; burst++) {
      const checksBefore: number = host.checks;
      const eventsBefore: number = harness.events.length;
      // A fast typist: a key every 150 ms (80 words a minute), twelve keys.
      for (let i = 1; i <= 12; i++) {
        host.edit(document, big.replace('Follow up on item 500\n', `Follow up on item 500${'!'.repeat(burst * 12 + i)}\n`));
        host.clock.advance(150);
      }
      assert.equal(host.checks - checksBefore, 0, `burst ${burst}: checked while typing`);
      host.clock.advance(TYPING_DELAY.maxMs);
      assert.equal(host.checks - checksBefore, 1, `burst ${burst}: checks after the pause`);
      assert.equal(harness.events.length - eventsBefore, 1);
    }
  });

  it("gives edits of an open plan the parser that checked its current version, and they match a whole-parse edit", async function () {
    this.timeout(60_000);
    const host = new MemoryHost();
    const big = largePlan(EXAMPLE, 1000);
    host.files.set(PLAN, big);
    harness = await started(host);
    const document = host.open(PLAN);
    const edited = big.replace('Follow up on item 500\n', 'Follow up on item 500!\n');
    host.edit(document, edited);
    const eventsBefore = harness.events.length;
    const options = harness.store.editOptions(document);
    assert.ok(options.parser, 'an open plan has a parser to reuse');
    assert.ok(options.parser.layoutOf(edited), 'the parser last parsed the current text, cut into pieces');
    assert.equal(harness.events.length, eventsBefore, 'asking for edit options fires nothing');
    const session = { id: 'checkin-2030-01-01', date: '2030-01-01', type: 'checkin' as const, agenda: ['What went well?'] };
    assert.deepEqual(addSession(edited, session, options), addSession(edited, session));
    host.files.set('/ws/notes.yaml', 'not: a plan\n');
    assert.deepEqual(harness.store.editOptions(host.open('/ws/notes.yaml')), {}, 'a file that is not a plan gets no parser');
  });

  it('derives the typing delay from the cost of the last check, within bounds', () => {
    assert.equal(typingDelay(0, 4_000), TYPING_DELAY.minMs);
    assert.equal(typingDelay(2, 4_000), TYPING_DELAY.minMs);
    assert.equal(typingDelay(15, 4_000), 75);
    assert.equal(typingDelay(20, 433_000), 217);
    assert.equal(typingDelay(1500, 433_000), TYPING_DELAY.maxMs);
  });

  it('rechecks date-based findings at midnight and announces them once', async () => {
    // The example plan has an open action due 2026-11-30.
    const host = new MemoryHost({ now: new Date(2026, 10, 30, 23, 59, 30) });
    host.files.set(PLAN, EXAMPLE);
    harness = await started(host);
    const uri = harness.store.all()[0].uri;
    assert.ok(!codes(harness.store, uri).includes('overdue-action'));
    const before = harness.events.length;
    host.clock.advance(29_000);
    assert.equal(harness.events.length, before, 'nothing changes before midnight');
    host.clock.advance(2_000);
    await harness.store.ready();
    assert.deepEqual(harness.events.slice(before), [[PLAN]]);
    assert.equal(harness.store.get(uri)?.today, '2026-12-01');
    assert.ok(codes(harness.store, uri).includes('overdue-action'));
    // And the next midnight is watched too.
    host.clock.advance(24 * 60 * 60 * 1000);
    await harness.store.ready();
    assert.equal(harness.events.length, before + 2);
    assert.equal(harness.store.get(uri)?.today, '2026-12-02');
  });

  it('a new day noticed by a view asking for every plan rechecks the closed plans by a rescan, not all at once', async () => {
    const host = new MemoryHost({ now: new Date(2026, 10, 30, 12, 0) });
    for (let i = 0; i < 20; i++) host.files.set(`/ws/p${String(i).padStart(2, '0')}.mentoring.yaml`, EXAMPLE);
    harness = await started(host);
    const open = host.open('/ws/p00.mentoring.yaml');
    await settle();
    host.clock.advance(1);
    const before = harness.events.length;
    // The next morning, before the day timer has run (a machine woken from sleep).
    host.clock.wakeAt(new Date(2026, 11, 1, 8, 0).getTime());
    const scansBefore = harness.store.lastScan;
    const days = harness.store.all().map((entry) => entry.today);
    assert.equal(days[0], '2026-12-01', 'the open plan is checked for the new day at once');
    assert.deepEqual(new Set(days.slice(1)), new Set(['2026-11-30']), 'closed plans keep their check until the rescan reaches them');
    const closedPlan = harness.store.all()[1].uri;
    assert.equal(harness.store.get(closedPlan)?.today, '2026-11-30', 'get() too leaves a closed plan to the rescan');
    assert.equal(harness.events.length, before, 'a read fires nothing');
    assert.equal(harness.store.lastScan, scansBefore, 'the rescan starts after the read, not inside it');
    host.clock.advance(0);
    assert.notEqual(harness.store.lastScan, scansBefore, "the day's rescan started");
    await harness.store.ready();
    assert.deepEqual(new Set(harness.store.all().map((entry) => entry.today)), new Set(['2026-12-01']));
    const announced = harness.events.slice(before).flat();
    const closedAnnounced = announced.filter((path) => path !== '/ws/p00.mentoring.yaml');
    assert.deepEqual(closedAnnounced, [...new Set(closedAnnounced)], 'each closed plan announced once');
    assert.equal(closedAnnounced.length, 19);
    host.close(open);
  });

  it('follows files created, changed, renamed and deleted, one event each', async () => {
    const host = new MemoryHost();
    harness = await started(host);
    const { store, events } = harness;
    assert.deepEqual(events, []);

    const uri = host.writeFile(PLAN, EXAMPLE);
    await settle();
    assert.deepEqual(events, [[PLAN]]);
    assert.ok(store.get(uri));

    host.writeFile(PLAN, EXAMPLE.replace('cadence: biweekly', 'cadence: sometimes'));
    await settle();
    assert.deepEqual(events, [[PLAN], [PLAN]]);
    assert.ok(store.get(uri)?.text.includes('sometimes'));

    host.writeFile(PLAN, host.files.get(PLAN) ?? '');
    await settle();
    assert.equal(events.length, 2, 'a touch that left the text as it was is not a change');

    host.renameFile(PLAN, '/ws/renamed.mentoring.yaml');
    await settle();
    assert.deepEqual(events.slice(2), [[PLAN], ['/ws/renamed.mentoring.yaml']]);
    assert.equal(store.get(uri), undefined);
    assert.deepEqual(store.all().map((entry) => entry.uri.path), ['/ws/renamed.mentoring.yaml']);

    host.deleteFile('/ws/renamed.mentoring.yaml');
    await settle();
    assert.deepEqual(events.slice(4), [['/ws/renamed.mentoring.yaml']]);
    assert.deepEqual(store.all(), []);

    host.writeFile('/ws/readme.md', '# not a plan');
    await settle();
    assert.equal(events.length, 5);
  });

  it('finds plans written into a new folder when the watcher reports only the folder', async () => {
    const host = new MemoryHost();
    host.files.set(PLAN, EXAMPLE);
    harness = await started(host);
    const { store, events } = harness;
    host.createFolderWith('/ws/cohort-7', { 'pair-1.mentoring.yaml': EXAMPLE, 'notes.md': '# not a plan' });
    host.createFolderWith('/ws/cohort-7/sub', { 'pair-2.mentoring.yml': EXAMPLE });
    await settle();
    assert.equal(events.length, 1, 'nothing before the folders settle');
    host.clock.advance(SCAN.newFolderSettleMs);
    await settle();
    assert.deepEqual(events.slice(1), [['/ws/cohort-7/pair-1.mentoring.yaml', '/ws/cohort-7/sub/pair-2.mentoring.yml']], 'both new plans in one event; the known plan not again');
    assert.deepEqual(store.all().map((entry) => entry.uri.path), [PLAN, '/ws/cohort-7/pair-1.mentoring.yaml', '/ws/cohort-7/sub/pair-2.mentoring.yml']);

    // Deleted, the folder goes with its plans, though the watcher names only the folder.
    host.deleteFolder('/ws/cohort-7');
    await settle();
    assert.deepEqual(events.slice(2), [['/ws/cohort-7/pair-1.mentoring.yaml', '/ws/cohort-7/sub/pair-2.mentoring.yml']]);
    assert.deepEqual(store.all().map((entry) => entry.uri.path), [PLAN]);
    // A deleted file whose name starts like a plan's folder is not that folder.
    host.deleteFolder('/ws/alex');
    await settle();
    assert.deepEqual(store.all().map((entry) => entry.uri.path), [PLAN]);
  });

  it('does not bring back a plan deleted while it was being read', async () => {
    const host = new MemoryHost();
    harness = await started(host);
    const { store } = harness;
    // The watcher's create event starts a read; the file is gone before the read's result is used.
    const uri = host.writeFile(PLAN, EXAMPLE);
    host.deleteFile(PLAN);
    await settle();
    assert.equal(store.get(uri), undefined);
    assert.deepEqual(store.all(), []);
    // Written again, it is back.
    host.writeFile(PLAN, EXAMPLE);
    await settle();
    assert.equal(store.get(uri)?.text, EXAMPLE);
  });

  it('does not bring back a plan whose folder was deleted while it was being read', async () => {
    const host = new MemoryHost();
    harness = await started(host);
    const { store } = harness;
    const uri = host.writeFile('/ws/team/a.mentoring.yaml', EXAMPLE);
    host.deleteFolder('/ws/team');
    await settle();
    assert.equal(store.get(uri), undefined);
    assert.deepEqual(store.all(), []);
    // A plan written into a folder of the same name afterwards is a plan.
    host.writeFile('/ws/team/a.mentoring.yaml', EXAMPLE);
    await settle();
    assert.equal(store.get(uri)?.text, EXAMPLE);
  });

  it('keeps the newest text when an older read of the same plan ends last', async () => {
    const host = new MemoryHost();
    harness = await started(host);
    const { store } = harness;
    // Two changes in a row: the first read is slow and ends after the second.
    let releaseFirst: () => void = () => undefined;
    const firstRead = new Promise<void>((resolve) => (releaseFirst = resolve));
    const read = host.readFile.bind(host);
    let reads = 0;
    host.readFile = async (uri) => {
      const text = await read(uri);
      if (reads++ === 0) await firstRead;
      return text;
    };
    const uri = host.writeFile(PLAN, EXAMPLE);
    host.writeFile(PLAN, typed(EXAMPLE, 1));
    await settle();
    releaseFirst();
    await settle();
    assert.equal(store.get(uri)?.text, typed(EXAMPLE, 1));
  });

  it('drops a deleted plan whose document is still open without edits, until it is edited or written again', async () => {
    const host = new MemoryHost();
    host.files.set(PLAN, EXAMPLE);
    harness = await started(host);
    const { store } = harness;
    // Opened (as a command opens a plan it acts on) and deleted before the open is handled.
    const document = host.open(PLAN);
    host.deleteFile(PLAN);
    host.clock.advance(0);
    await settle();
    assert.equal(store.get(document.uri), undefined, 'the open event brought the deleted plan back');
    // A hover or a lens still gets the document's check, without the plan coming back.
    assert.equal(store.forDocument(document)?.text, EXAMPLE);
    assert.deepEqual(store.all(), []);
    await store.refresh();
    assert.deepEqual(store.all(), [], 'a rescan brought the deleted plan back');
    // Written again while the editor shows it: back; deleted again: gone.
    host.writeFile(PLAN, EXAMPLE);
    await settle();
    assert.equal(store.get(document.uri)?.text, EXAMPLE);
    host.deleteFile(PLAN);
    await settle();
    assert.equal(store.get(document.uri), undefined);
    // Typing into it keeps it (unsaved edits of a deleted file), as VS Code does.
    host.edit(document, typed(EXAMPLE, 1));
    host.clock.advance(TYPING_DELAY.maxMs);
    assert.equal(store.get(document.uri)?.text, typed(EXAMPLE, 1));
    host.close(document);
    await settle();
    assert.equal(store.get(document.uri), undefined);
    // Written again on disk, it is a plan again.
    host.writeFile(PLAN, EXAMPLE);
    await settle();
    assert.equal(store.get(document.uri)?.text, EXAMPLE);
  });

  it('keeps a deleted plan that has unsaved edits, also through a rescan', async () => {
    const host = new MemoryHost();
    host.files.set(PLAN, EXAMPLE);
    harness = await started(host);
    const document = host.open(PLAN);
    host.edit(document, typed(EXAMPLE, 1));
    host.clock.advance(TYPING_DELAY.maxMs);
    const before = harness.events.length;
    host.deleteFile(PLAN);
    await harness.store.refresh();
    await settle();
    assert.equal(harness.store.get(document.uri)?.text, typed(EXAMPLE, 1));
    assert.equal(harness.events.length, before);
  });

  it('shows a closed plan as saved on disk again', async () => {
    const host = new MemoryHost();
    host.files.set(PLAN, EXAMPLE);
    harness = await started(host);
    const document = host.open(PLAN);
    host.edit(document, EXAMPLE.replace('cadence: biweekly', 'cadence: sometimes'));
    host.clock.advance(TYPING_DELAY.maxMs);
    const before = harness.events.length;
    host.close(document);
    await settle();
    assert.deepEqual(harness.events.slice(before), [[PLAN]]);
    assert.equal(harness.store.get(document.uri)?.text, EXAMPLE);
    assert.equal(harness.store.get(document.uri)?.version, undefined);
  });

  it('rechecks every plan once when rules are turned off, and rescans when the glob changes', async () => {
    const host = new MemoryHost({ now: new Date(2026, 11, 5) });
    host.files.set(PLAN, EXAMPLE);
    host.files.set('/ws/other.plan.yaml', EXAMPLE);
    harness = await started(host);
    const uri = harness.store.all()[0].uri;
    assert.ok(codes(harness.store, uri).includes('overdue-action'));
    const before = harness.events.length;
    host.setSettings({ disabledRules: ['overdue-action'] });
    // Closed plans are checked again by a scan (it yields between plans), not all at once.
    await harness.store.ready();
    await settle();
    assert.deepEqual(harness.events.slice(before), [[PLAN]]);
    assert.ok(!codes(harness.store, uri).includes('overdue-action'));

    host.setSettings({ planGlob: '**/*.plan.yaml' });
    await harness.store.ready();
    await settle();
    assert.deepEqual(harness.store.all().map((entry) => entry.uri.path), ['/ws/other.plan.yaml']);
    assert.deepEqual(harness.events.slice(before + 1), [[PLAN, '/ws/other.plan.yaml']]);
  });

  it('leaves no timer and fires nothing once disposed', async () => {
    const host = new MemoryHost();
    host.files.set(PLAN, EXAMPLE);
    const { store, events } = await started(host);
    const document = host.open(PLAN);
    host.edit(document, typed(EXAMPLE, 1));
    assert.ok(host.clock.pendingTimers() > 0);
    store.dispose();
    assert.equal(host.clock.pendingTimers(), 0);
    const before = events.length;
    host.edit(document, typed(EXAMPLE, 2));
    host.writeFile('/ws/new.mentoring.yaml', EXAMPLE);
    await settle();
    host.clock.advance(24 * 60 * 60 * 1000);
    assert.equal(events.length, before);
    assert.equal(host.clock.pendingTimers(), 0);
  });
});

describe('plan store failures', () => {
  it('reports a reader of plan changes that throws, and still tells the readers after it', async () => {
    const host = new MemoryHost();
    host.files.set(PLAN, EXAMPLE);
    const store = new PlanStore(host);
    const told: string[] = [];
    store.onDidChange(() => {
      throw new Error('a broken view');
    });
    store.onDidChange((uris) => told.push(...uris.map((uri) => uri.path)));
    store.start();
    await store.ready();
    await settle();
    assert.deepEqual(told, [PLAN]);
    assert.deepEqual(host.errors, ['A reader of plan changes failed']);
    store.dispose();
  });

  it('reports a failed scan to the user and stays usable', async () => {
    const host = new MemoryHost();
    host.findFiles = async () => {
      throw new Error('the file search is unavailable');
    };
    const { store } = await started(host);
    assert.equal(host.errors.length, 1);
    assert.match(host.errors[0], /looking for plan files failed/);
    store.dispose();
  });
});

describe('plan store scan of many plans (issue 15)', () => {
  /** `count` closed plans (and `open` of them opened), each read costing `readMs` of the fake clock. */
  function workspace(count: number, readMs: number): { host: MemoryHost; paths: string[] } {
    const host = new MemoryHost();
    const paths = Array.from({ length: count }, (_, i) => `/ws/pairs/p${String(i).padStart(3, '0')}.mentoring.yaml`);
    for (const path of paths) host.files.set(path, EXAMPLE.replace('Alex Rivera', `Mentor ${path}`));
    const read = host.readFile.bind(host);
    // A read and check of a real plan takes time; the store measures it with the host's clock.
    host.readFile = async (uri) => {
      host.clock.advance(readMs);
      return read(uri);
    };
    return { host, paths };
  }

  it('announces the open plan first, then the others in batches as they are checked, each once', async () => {
    const { host, paths } = workspace(40, 20);
    const open = paths[25];
    host.open(open);
    const store = new PlanStore(host);
    const events: string[][] = [];
    store.onDidChange((uris) => events.push(uris.map((uri) => uri.path)));
    store.start();
    await store.ready();
    store.dispose();
    assert.deepEqual(events[0], [open], 'the plan in the editor comes first, on its own');
    const batches = events.slice(1);
    // 20 ms per plan, a batch every SCAN.announceEveryMs of scanning: at most that many ms of plans per
    // batch, and several batches. The fake clock moves when a read starts, and the last reads start
    // SCAN.readsAhead plans early, so the last batch may hold that many more.
    const mostPerBatch = Math.ceil(SCAN.announceEveryMs / 20) + SCAN.readsAhead;
    assert.ok(batches.length >= 3, `expected the scan to stream in several batches, got ${batches.length}: ${batches.map((b) => b.length).join(', ')}`);
    assert.ok(batches.every((batch) => batch.length <= mostPerBatch), `a batch is larger than ${SCAN.announceEveryMs} ms of checks: ${batches.map((b) => b.length).join(', ')}`);
    assert.deepEqual(batches.flat(), paths.filter((path) => path !== open), 'every closed plan once, in path order');
  });

  it('announces a batch only when the workbench has taken the one before, and ends when it has the last', async () => {
    const { host } = workspace(40, 20);
    const answers: (() => void)[] = [];
    host.scanStateAnswer = () => new Promise<void>((resolve) => answers.push(resolve));
    const store = new PlanStore(host);
    const events: number[] = [];
    store.onDidChange((uris) => events.push(uris.length));
    store.start();
    let ended = false;
    void store.ready().then(() => (ended = true));
    const settleUntil = async (done: () => boolean) => {
      for (let i = 0; i < 500 && !done(); i++) await settle();
    };
    await settleUntil(() => events.length === 1);
    // The scan said it runs (answer 0), announced its first batch, and asked for the answer to it (answer 1).
    await settleUntil(() => answers.length === 2);
    assert.deepEqual(host.scanStates, [true, true]);
    answers[0]();
    for (let i = 0; i < 50; i++) await settle();
    assert.equal(events.length, 1, 'a second batch came before the workbench took the first');
    // The workbench answers each batch in turn.
    for (let answered = 1; answered < answers.length && host.scanStates[answered]; answered++) {
      assert.equal(ended, false, `the scan ended before the workbench took batch ${answered}`);
      answers[answered]();
      await settleUntil(() => ended || answers.length > answered + 1);
    }
    await settleUntil(() => ended);
    assert.equal(ended, true, 'the scan ended once the workbench took its last batch');
    assert.equal(events.reduce((sum, count) => sum + count, 0), 40);
    assert.ok(events.length >= 3, `batches: ${events.join(', ')}`);
    assert.equal(host.scanStates.at(-1), false, 'the end of the scan is told to the workbench');
    assert.equal(host.scanStates.filter((scanning) => scanning).length, events.length + 1);
    store.dispose();
  });

  it('rests longer between plans while the user types or asks for completion, and still ends', async () => {
    const { host, paths } = workspace(30, 5);
    const document = host.open(paths[0]);
    const store = new PlanStore(host);
    let keystroke = false;
    host.onYield = () => {
      // The user types once the scan is under way.
      if (keystroke || host.yields < 3) return;
      keystroke = true;
      host.edit(document, typed(document.getText(), 1));
    };
    store.start();
    await store.ready();
    store.dispose();
    const firstLong = host.rests.indexOf(SCAN.restWhileUserActiveMs);
    assert.ok(keystroke && firstLong >= 3, `rests: ${host.rests.join(', ')}`);
    assert.ok(host.rests.slice(0, firstLong).every((rest) => rest === SCAN.restMs), 'before the keystroke, the usual rest');
    assert.ok(host.rests.slice(firstLong).every((rest) => rest === SCAN.restWhileUserActiveMs), 'after it, the longer rest (the scan takes less than a second here)');
    assert.equal(store.all().length, paths.length);

    // Completion counts as the user working too.
    const quiet = workspace(30, 5);
    const completing = new PlanStore(quiet.host);
    quiet.host.onYield = () => {
      if (quiet.host.yields === 3) completing.noteUserActivity();
    };
    completing.start();
    await completing.ready();
    completing.dispose();
    assert.ok(quiet.host.rests.includes(SCAN.restWhileUserActiveMs), `rests: ${quiet.host.rests.join(', ')}`);
  });

  it('a scan overtaken while it waits for the workbench does not tell it a scan runs after the newer one ended', async () => {
    const { host } = workspace(40, 20);
    const answers: (() => void)[] = [];
    host.scanStateAnswer = () => new Promise<void>((resolve) => answers.push(resolve));
    const store = new PlanStore(host);
    store.start();
    // The first batch is out and the scan waits for the workbench's answer to it.
    for (let i = 0; i < 500 && answers.length < 2; i++) await settle();
    for (let i = 0; i < 100; i++) await settle();
    // The last folder is closed: a new scan finds nothing and ends at once.
    host.folders.length = 0;
    const newer = store.refresh();
    for (let round = 0; round < 20; round++) {
      for (const answer of answers.splice(0)) answer();
      await settle();
    }
    await newer;
    assert.equal(host.scanStates.at(-1), false, `the workbench's last word is "not scanning": ${host.scanStates.join(', ')}`);
    store.dispose();
  });

  it('lets other work run between plans, and says when the first plans are there before the scan ends', async () => {
    const { host, paths } = workspace(30, 5);
    host.open(paths[0]);
    const store = new PlanStore(host);
    const knownAtYield: number[] = [];
    host.onYield = () => knownAtYield.push(store.all().length);
    const order: string[] = [];
    store.start();
    const some = store.someReady().then(() => order.push(`some plans: ${store.all().length < paths.length}`));
    const all = store.ready().then(() => order.push(`all plans: ${store.all().length}`));
    await Promise.all([some, all]);
    store.dispose();
    // 5 ms per plan and a yield after every 8 ms of checking: about every second plan.
    assert.ok(host.yields >= 10, `yielded ${host.yields} times`);
    assert.ok(SCAN.restMs > 0 && host.rests.every((rest) => rest === SCAN.restMs), `each yield rests, leaving the workbench a share of the machine: ${host.rests.join(', ')}`);
    assert.ok(knownAtYield.some((known) => known > 1 && known < paths.length), `no yield while the scan was under way: ${knownAtYield.join(', ')}`);
    assert.deepEqual(order, ['some plans: true', `all plans: ${paths.length}`]);
  });

  it('keeps no parser or parsed document for closed plans; positions asked for later match a full check', async () => {
    const { host, paths } = workspace(3, 0);
    const harness = await started(host);
    const { store } = harness;
    const uri = new MemoryUri(paths[1]);
    const closed = store.get(uri)?.result;
    assert.ok(closed instanceof ClosedPlanCheck, 'a closed plan is checked by the plain check');
    assert.equal(closed.parses, 0, 'a closed plan is not parsed again to be checked');
    assert.equal(isReadable(closed), true);
    assert.equal(closed.parses, 0, 'telling whether it is readable does not parse it again');
    const full = checkPlan(host.files.get(paths[1]) ?? '', { today: store.get(uri)?.today ?? '' });
    assert.deepEqual(closed.issues, full.issues);
    for (const path of [['sessions', 0], ['goals', 0, 'milestones', 1], ['mentorship', 'cadence']] as const) {
      assert.deepEqual(rangeAt(closed.parsed, [...path]), rangeAt(full.parsed, [...path]), `range of ${path.join('.')}`);
    }
    assert.equal(closed.parses, 1, 'positions asked for parse the text again once, kept among the last REREADS_KEPT');

    // Opened, the plan gets its incremental parser (for edits); closed again, it lets it go.
    const document = host.open(paths[1]);
    host.clock.advance(1);
    assert.ok(store.editOptions(document).parser, 'an open plan has its parser');
    assert.ok(!(store.get(uri)?.result instanceof ClosedPlanCheck));
    host.close(document);
    await settle();
    const reclosed = store.get(uri)?.result;
    assert.ok(reclosed instanceof ClosedPlanCheck && reclosed.parses === 0, 'closed again, the plan is checked without a parser');
    store.dispose();
  });

  it('keeps no value for closed plans: views read the digest, which is the open plan’s; the value is read again only when asked', async () => {
    const { host, paths } = workspace(3, 0);
    const harness = await started(host);
    const { store } = harness;
    const uri = new MemoryUri(paths[1]);
    const entry = store.get(uri);
    const closed = entry?.result;
    assert.ok(entry && closed instanceof ClosedPlanCheck);
    assert.equal(closed.holdsReread, false, 'a closed plan holds neither its value nor a parse after its check');
    const digest = entry.digest;
    assert.equal(closed.valueReads, 0, 'its digest was worked out with the check, not by reading the value again');
    const full = checkPlan(host.files.get(paths[1]) ?? '', { today: entry.today });
    assert.deepEqual(digest, planDigest(full.plan, entry.today), 'the digest is the full check’s');
    assert.ok(digest.title && digest.openActions > 0 && digest.health.length > 0, 'the example has a title, open actions and health ratings');
    assert.deepEqual(closed.plan, full.plan, 'the value read again is the full check’s');
    assert.equal(closed.valueReads, 1);
    assert.deepEqual(closed.plan, full.plan);
    assert.equal(closed.valueReads, 1, 'and kept among the last REREADS_KEPT');

    // Opened, the plan's digest is worked out from its value when first read: the same facts.
    const document = host.open(paths[1]);
    host.clock.advance(1);
    const open = store.forDocument(document);
    assert.ok(open && !(open.result instanceof ClosedPlanCheck));
    assert.deepEqual(open.digest, digest);
    store.dispose();
  });

  it('keeps the parse of only the last REREADS_KEPT closed plans asked for positions', async () => {
    const { host } = workspace(REREADS_KEPT + 4, 0);
    const harness = await started(host);
    const checks = harness.store.all().map((entry) => entry.result as ClosedPlanCheck);
    // A view that asks every plan for a position (the Actions view's rows), in order.
    for (const check of checks) rangeAt(check.parsed, ['sessions', 0]);
    const held = checks.map((check) => check.holdsReread);
    assert.deepEqual(held, checks.map((_, index) => index >= 4), 'the four asked first let their parse go');
    // Asked again, a plan parses again and gives the same position.
    const first = checks[0];
    const entry = harness.store.all()[0];
    const full = checkPlan(host.files.get(entry.uri.path) ?? '', { today: entry.today });
    assert.deepEqual(rangeAt(first.parsed, ['sessions', 1]), rangeAt(full.parsed, ['sessions', 1]));
    assert.equal(first.holdsReread, true);
    assert.equal(checks[4].holdsReread, false, 'the least recently asked one made room');
    harness.store.dispose();
  });

  it('keeps the value of only the last REREADS_KEPT closed plans asked for it; a pass over every plan keeps none', async () => {
    const { host } = workspace(REREADS_KEPT + 4, 0);
    const harness = await started(host);
    const checks = harness.store.all().map((entry) => entry.result as ClosedPlanCheck);
    // A search over every plan (workspace symbols, the entry picker): each value read once, none kept.
    for (const check of checks) assert.ok(check.valueOnce()?.mentorship);
    assert.deepEqual(checks.map((check) => [check.valueReads, check.holdsReread]), checks.map(() => [1, false]));
    // Views asking plan by plan (expanded rows, commands), in order: the four asked first make room.
    for (const check of checks) assert.ok(check.plan?.mentorship);
    assert.deepEqual(checks.map((check) => check.holdsReread), checks.map((_, index) => index >= 4));
    assert.ok(checks[0].plan, 'asked again');
    assert.equal(checks[0].valueReads, 3, 'a value that made room is read again');
    assert.ok(checks[REREADS_KEPT + 3].plan);
    assert.equal(checks[REREADS_KEPT + 3].valueReads, 2, 'a kept value is not');
    // A pass leaves the plans the user works with as they were: kept, and not read again.
    const kept = checks.filter((check) => check.holdsReread);
    const readsBefore = checks.map((check) => check.valueReads);
    for (const check of checks) check.valueOnce();
    assert.ok(kept.every((check) => check.holdsReread), 'a pass pushed a kept plan out');
    assert.deepEqual(
      checks.map((check, index) => check.valueReads - readsBefore[index]),
      checks.map((check) => (kept.includes(check) ? 0 : 1)),
    );
    // A parse kept for positions gives the value without reading it again.
    const parsedOnly = checks.find((check) => !check.holdsReread);
    assert.ok(parsedOnly);
    rangeAt(parsedOnly.parsed, ['sessions', 0]);
    const reads = parsedOnly.valueReads;
    assert.ok(parsedOnly.valueOnce()?.mentorship);
    assert.equal(parsedOnly.valueReads, reads);
    harness.store.dispose();
  });

  it('a change to one plan among many announces that plan only', async () => {
    const { host, paths } = workspace(50, 0);
    const harness = await started(host);
    harness.events.length = 0;
    host.writeFile(paths[7], EXAMPLE.replace('cadence: biweekly', 'cadence: weekly'));
    await settle();
    assert.deepEqual(harness.events, [[paths[7]]]);
    harness.store.dispose();
  });
});
