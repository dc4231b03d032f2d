// The CLI's edits for issue 11 (add-goal, add-action, set-action-done, record-health, pause,
// resume, close, set-goal-status --evidence): each writes exactly what the core edit op the
// extension's command uses writes, says so, and exits 0; 1 when the plan already says so; 2 on
// bad arguments or a refused edit, leaving the file byte-identical.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/io';
import { nodeIo } from '../../src/cli/node-io';
import { runCli, USAGE } from '../../src/cli/run-cli';
import { sessionWithAgenda } from '../../src/core/agenda';
import { achieveGoal, addAction, addGoal, applyEdits, closeMentorship, recordHealth, setActionDone, setMentorshipStatus } from '../../src/core/edits';
import type { EditResult } from '../../src/core/edits';
import { parsePlan } from '../../src/core/parse';
import type { Plan } from '../../src/core/plan';

const EXAMPLE = readFileSync(join(__dirname, '../../../examples/alex-and-sam.mentoring.yaml'), 'utf8');
const PAUSED = EXAMPLE.replace('  status: active\n', '  status: paused\n');

function captured(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { ...nodeIo(), out: (text) => stdout.push(text), err: (text) => stderr.push(text), stdout, stderr };
}

function expected(text: string, result: EditResult): string {
  assert.ok(result.ok, result.ok ? '' : result.message);
  return applyEdits(text, result.edits);
}

describe('cli: the relationship edits (issue 11)', () => {
  let folder: string;
  let plan: string;
  const write = (text: string) => writeFileSync(plan, text);
  const read = () => readFileSync(plan, 'utf8');
  async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const io = captured();
    const code = await runCli(args.map((arg) => (arg === 'PLAN' ? plan : arg)), io);
    return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
  }

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'mentoring-relate-'));
    plan = join(folder, 'sam.mentoring.yaml');
    write(EXAMPLE);
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('lists every new command in the usage, and each has --help', async () => {
    for (const command of ['add-goal', 'add-action', 'set-action-done', 'record-health', 'pause', 'resume', 'close']) {
      assert.match(USAGE, new RegExp(`^  ${command} +\\S`, 'm'));
      const help = await run(command, '--help');
      assert.equal(help.code, 0, command);
      assert.match(help.out, new RegExp(`^Usage: mentoring-plan ${command} `), command);
      assert.match(help.out, /Exit codes: 0 written; 1 nothing to change/, command);
    }
  });

  it('add-goal writes what addGoal writes, with an id from the title', async () => {
    const result = await run('add-goal', 'PLAN', 'Mentor a new joiner', '--kind', 'stretch', '--target', '2027-02-01');
    assert.deepEqual([result.code, result.out], [0, 'Added goal mentor-a-new-joiner.']);
    assert.equal(read(), expected(EXAMPLE, addGoal(EXAMPLE, { id: 'mentor-a-new-joiner', title: 'Mentor a new joiner', kind: 'stretch', status: 'proposed', target: '2027-02-01' })));
  });

  it('add-goal refuses a taken id, a bad kind and a bad date, leaving the file alone', async () => {
    assert.match((await run('add-goal', 'PLAN', 'X', '--id', 'system-design')).err, /"system-design" is already used in goals/);
    const kind = await run('add-goal', 'PLAN', 'X', '--kind', 'huge');
    assert.deepEqual([kind.code, /--kind must be one of objective, stretch/.test(kind.err)], [2, true]);
    assert.equal((await run('add-goal', 'PLAN', 'X', '--target', '2027-02-30')).code, 2);
    assert.equal((await run('add-goal', 'PLAN')).code, 2);
    assert.equal(read(), EXAMPLE);
  });

  it('add-action writes what addAction writes', async () => {
    const result = await run('add-action', 'PLAN', 'feedback-2026-11-30', 'Pair on one review', '--owner', 'both', '--due', '2026-12-14');
    assert.equal(result.code, 0, result.err);
    assert.equal(read(), expected(EXAMPLE, addAction(EXAMPLE, 'feedback-2026-11-30', { text: 'Pair on one review', owner: 'both', due: '2026-12-14', done: false })));
    assert.match((await run('add-action', 'PLAN', 'nope', 'x')).err, /no session with the id "nope"/);
  });

  it('set-action-done marks the Nth action; exit 1 when it already is; 2 for a missing one', async () => {
    const done = await run('set-action-done', 'PLAN', 'checkin-2026-11-16', '1');
    assert.deepEqual([done.code, done.out], [0, 'Action 1 of checkin-2026-11-16 is now done.']);
    assert.equal(read(), expected(EXAMPLE, setActionDone(EXAMPLE, 'checkin-2026-11-16', 0, true)));
    const again = await run('set-action-done', 'PLAN', 'checkin-2026-11-16', '1');
    assert.deepEqual([again.code, again.out], [1, 'Action 1 of checkin-2026-11-16 is already done. Nothing written.']);
    const reopened = await run('set-action-done', 'PLAN', 'checkin-2026-11-16', '1', '--open');
    assert.equal(reopened.code, 0);
    assert.equal(read(), EXAMPLE);
    assert.match((await run('set-action-done', 'PLAN', 'checkin-2026-11-16', '9')).err, /has no action #9/);
    assert.match((await run('set-action-done', 'PLAN', 'checkin-2026-11-16', '0')).err, /N counts actions from 1, not "0"/);
    assert.equal(read(), EXAMPLE);
  });

  it('record-health writes what recordHealth writes, on the named or the latest session held', async () => {
    const named = await run('record-health', 'PLAN', 'feedback-2026-11-30', '--protege', '3', '--note', 'Busy month');
    assert.equal(named.code, 0, named.err);
    assert.equal(read(), expected(EXAMPLE, recordHealth(EXAMPLE, 'feedback-2026-11-30', { protege: 3, note: 'Busy month' })));
    write(EXAMPLE);
    // Without SESSION_ID: the latest session held by today (whichever it is today, exactly one gets the 5).
    const latest = await run('record-health', 'PLAN', '--mentor', '5');
    assert.equal(latest.code, 0, latest.err);
    const plan = parsePlan(read()).value as Plan;
    assert.equal(plan.sessions!.filter((session) => session.health?.mentor === 5).length, 1);
  });

  it('record-health refuses ratings outside 1-5 and an empty check-in', async () => {
    for (const args of [['--mentor', '6'], ['--protege', '0'], ['--mentor', 'three'], []]) {
      const result = await run('record-health', 'PLAN', 'kickoff', ...args);
      assert.equal(result.code, 2, args.join(' '));
    }
    assert.match((await run('record-health', 'PLAN', 'kickoff', '--mentor', '6')).err, /--mentor takes a rating from 1 to 5, not "6"/);
    assert.equal(read(), EXAMPLE);
  });

  it('pause and resume write what setMentorshipStatus writes; exit 1 when already so', async () => {
    assert.equal((await run('pause', 'PLAN')).code, 0);
    assert.equal(read(), expected(EXAMPLE, setMentorshipStatus(EXAMPLE, 'paused')));
    assert.equal(read(), PAUSED);
    const again = await run('pause', 'PLAN');
    assert.deepEqual([again.code, again.out], [1, 'The mentorship is already paused. Nothing written.']);
    assert.equal((await run('resume', 'PLAN')).code, 0);
    assert.equal(read(), EXAMPLE);
    assert.equal((await run('resume', 'PLAN')).code, 1);
    assert.equal((await run('pause', 'PLAN', 'extra')).code, 2);
  });

  it('close writes what closeMentorship writes, with the closure session of the bank', async () => {
    const result = await run('close', 'PLAN', '--outcome', 'goals-met', '--date', '2027-03-01', '--retro', 'Questions first', '--retro', 'Weekly near deadlines');
    assert.equal(result.code, 0, result.err);
    assert.equal(result.out, 'The mentorship is closed (goals-met); added session closure-2027-03-01.');
    const session = sessionWithAgenda(parsePlan(EXAMPLE).value as Plan, 'closure', '2027-03-01');
    assert.equal(read(), expected(EXAMPLE, closeMentorship(EXAMPLE, { date: '2027-03-01', outcome: 'goals-met', retrospective: ['Questions first', 'Weekly near deadlines'] }, session)));
    assert.ok(session.agenda!.length >= 4);
    assert.equal((await run('close', 'PLAN', '--outcome', 'other')).code, 1);
  });

  it('close needs a known outcome; --no-session adds none', async () => {
    assert.match((await run('close', 'PLAN')).err, /--outcome is required: goals-met, no-fault, other/);
    assert.match((await run('close', 'PLAN', '--outcome', 'fine')).err, /--outcome must be one of goals-met, no-fault, other, not "fine"/);
    assert.equal(read(), EXAMPLE);
    assert.equal((await run('close', 'PLAN', '--outcome', 'no-fault', '--no-session', '--date', '2027-01-01')).code, 0);
    assert.equal(read(), expected(EXAMPLE, closeMentorship(EXAMPLE, { date: '2027-01-01', outcome: 'no-fault' })));
  });

  it('set-goal-status achieved --evidence writes what achieveGoal writes; --evidence needs achieved', async () => {
    assert.equal((await run('set-goal-status', 'PLAN', 'code-review-voice', 'achieved', '--evidence', 'Juniors ask me for reviews')).code, 0);
    assert.equal(read(), expected(EXAMPLE, achieveGoal(EXAMPLE, 'code-review-voice', 'Juniors ask me for reviews')));
    write(EXAMPLE);
    assert.match((await run('set-goal-status', 'PLAN', 'code-review-voice', 'active', '--evidence', 'x')).err, /--evidence goes with the status achieved/);
    assert.equal(read(), EXAMPLE);
  });
});
