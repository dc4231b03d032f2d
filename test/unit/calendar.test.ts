// The calendar export (src/core/calendar.ts, `mentoring-plan calendar`): events parsed back from
// the iCalendar text — sessions by cadence after the latest, open actions by due date, all-day,
// stable UIDs, no links — and the CLI's options, output and errors.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/run-cli';
import { calendarEvents, dueSoon, lastDay, planCalendar, withoutControls, writeICalendar } from '../../src/core/calendar';
import { parsePlan } from '../../src/core/parse';
import type { Plan } from '../../src/core/plan';
import { parseICalendar, prop } from '../support/ical-parse';

const ROOT = join(__dirname, '../../..');
const TEAM = readFileSync(join(ROOT, 'test/fixtures/workspace/team.mentoring.yaml'), 'utf8');

function events(text: string, from: string, months = 3) {
  const plan = parsePlan(text).value as Partial<Plan>;
  const calendar = parseICalendar(planCalendar(plan, { from, months, planKey: 'team', stamp: new Date(Date.UTC(2025, 0, 15, 9, 30)) }));
  assert.equal(calendar.name, 'VCALENDAR');
  assert.equal(prop(calendar, 'VERSION'), '2.0');
  return calendar.components.map((event) => ({
    uid: prop(event, 'UID'),
    start: event.properties.find((p) => p.name === 'DTSTART'),
    end: prop(event, 'DTEND'),
    summary: prop(event, 'SUMMARY'),
    description: prop(event, 'DESCRIPTION'),
    stamp: prop(event, 'DTSTAMP'),
  }));
}

const WITH_OPEN = TEAM.replace('        due: 2025-01-20\n        done: true\n', '        due: 2025-02-10\n').replace(
  '    health:\n',
  '      - text: Read https://example.com/talks, then pick one; and share it\n        owner: mentor\n        due: 2025-01-31\n    health:\n',
);

describe('calendar export', () => {
  it('writes the next sessions by cadence after the latest and the open actions by due date, all-day', () => {
    const found = events(WITH_OPEN, '2025-01-15', 1);
    assert.deepEqual(
      found.map((e) => [e.start?.params.VALUE, e.start?.value, e.end, e.summary]),
      [
        ['DATE', '20250120', '20250121', 'Mentoring session due: Ada and Grace'],
        ['DATE', '20250131', '20250201', 'Due: Read https://example.com/talks, then pick one; and share it'],
        ['DATE', '20250203', '20250204', 'Mentoring session due: Ada and Grace'],
        ['DATE', '20250210', '20250211', 'Due: Draft three talk topics'],
      ],
    );
    assert.equal(found[1].description, 'Ada and Grace: Read [link left out] then pick one; and share it (owner: mentor), agreed in session kickoff.');
    assert.ok(found.every((e) => e.stamp === '20250115T093000Z'));
    for (const e of found) assert.doesNotMatch(e.description ?? '', /https?:|www\./);
  });

  it('keeps UIDs when the plan is exported again later or other entries change, and never repeats one', () => {
    const first = events(WITH_OPEN, '2025-01-15');
    const later = events(WITH_OPEN.replace('status: proposed', 'status: active'), '2025-01-20');
    const uids = first.map((e) => e.uid);
    assert.equal(new Set(uids).size, uids.length);
    for (const e of later) if (first.some((f) => f.start?.value === e.start?.value && f.summary === e.summary)) assert.ok(uids.includes(e.uid), `${e.summary} changed its UID`);
    assert.ok(uids.every((uid) => /^[A-Za-z0-9-]+@mentoring-plan$/.test(uid ?? '')), uids.join(' '));
  });

  it('has no cadence sessions for a paused plan, and nothing for a closed one', () => {
    assert.deepEqual(events(WITH_OPEN.replace('  status: active', '  status: paused'), '2025-01-15', 1).map((e) => e.summary), ['Due: Read https://example.com/talks, then pick one; and share it', 'Due: Draft three talk topics']);
    assert.deepEqual(events(WITH_OPEN.replace('  status: active', '  status: closed'), '2025-01-15', 1), []);
  });

  it('counts months as calendar months', () => {
    assert.equal(lastDay('2025-01-31', 1), '2025-02-27');
    assert.equal(lastDay('2025-01-15', 3), '2025-04-14');
    assert.equal(lastDay('2024-11-30', 3), '2025-02-27');
  });

  it('round-trips any text through escaping and folding', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300, size: 'large' }), fc.string({ unit: 'grapheme', maxLength: 200, size: 'large' }), (summary, description) => {
        const text = writeICalendar([{ uid: 'x@mentoring-plan', date: '2025-01-01', summary, description, kind: 'action' }], new Date(0));
        const [event] = parseICalendar(text).components;
        assert.equal(prop(event, 'SUMMARY'), withoutControls(summary));
        assert.equal(prop(event, 'DESCRIPTION'), withoutControls(description));
      }),
    );
  });

  it('takes plans that break the schema without a crash', () => {
    const odd = { mentorship: { cadence: 'toString', started: '2025-02-30' }, sessions: [null, { date: 'soon', actions: 'many' }, { id: 7, date: '2025-01-20', actions: [{ text: 'x', due: 'tomorrow' }] }] } as unknown as Partial<Plan>;
    assert.deepEqual(calendarEvents(odd, { from: '2025-01-01', planKey: 'odd' }).map((e) => e.kind), ['session']);
  });
});

describe('daily reminder', () => {
  it('names the open actions due tomorrow and a session due by cadence, only for active plans', () => {
    const plan = parsePlan(WITH_OPEN).value as Partial<Plan>;
    assert.deepEqual(dueSoon(plan, '2025-02-09'), { actionsDueTomorrow: ['Draft three talk topics'], sessionDue: '2025-01-20' });
    assert.deepEqual(dueSoon(plan, '2025-01-18'), { actionsDueTomorrow: [], sessionDue: undefined });
    assert.deepEqual(dueSoon(plan, '2025-01-19'), { actionsDueTomorrow: [], sessionDue: '2025-01-20' });
    const scheduled = parsePlan(`${WITH_OPEN.replace(/\nfeedback:[\s\S]*$/, '\n')}  - id: next\n    date: 2025-01-20\n`).value as Partial<Plan>;
    assert.equal(dueSoon(scheduled, '2025-01-19').sessionDue, undefined);
    assert.deepEqual(dueSoon(parsePlan(WITH_OPEN.replace('  status: active', '  status: paused')).value as Partial<Plan>, '2025-02-09'), { actionsDueTomorrow: [], sessionDue: undefined });
  });
});

function memoryIo(files: Record<string, string>): CliIo & { stdout: string[]; stderr: string[]; written: Record<string, string> } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const written: Record<string, string> = {};
  return {
    stdout,
    stderr,
    written,
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
    readFile: async (path) => {
      if (!(path in files)) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return files[path];
    },
    writeFile: async (path, text) => {
      written[path] = text;
    },
    readStdin: async () => '',
    readDir: async () => [],
    isDirectory: async () => false,
    exists: async (path) => path in files,
    cwd: '/work',
  };
}

describe('mentoring-plan calendar', () => {
  it('prints the calendar, or writes it with --out', async () => {
    const io = memoryIo({ 'team.mentoring.yaml': WITH_OPEN });
    assert.equal(await runCli(['calendar', 'team.mentoring.yaml', '--from', '2025-01-15', '--months', '1'], io), 0);
    assert.equal(io.stdout.length, 1);
    const printed = parseICalendar(`${io.stdout[0]}\r\n`);
    assert.equal(printed.components.length, 4);
    assert.ok(printed.components.every((event) => prop(event, 'UID')?.includes('-team-')));
    assert.equal(await runCli(['calendar', 'team.mentoring.yaml', '--from', '2025-01-15', '--out', 'team.ics'], io), 0);
    assert.equal(parseICalendar(io.written['team.ics']).components.length, events(WITH_OPEN, '2025-01-15').length);
  });

  it('explains bad input with exit code 2', async () => {
    const io = memoryIo({ 'team.mentoring.yaml': WITH_OPEN, 'bad.mentoring.yaml': ': : :\n' });
    assert.equal(await runCli(['calendar', 'team.mentoring.yaml', '--months', 'lots'], io), 2);
    assert.equal(await runCli(['calendar', 'team.mentoring.yaml', '--from', '2025-02-30'], io), 2);
    assert.equal(await runCli(['calendar', 'missing.mentoring.yaml'], io), 2);
    assert.equal(await runCli(['calendar'], io), 2);
    assert.deepEqual(io.stderr.slice(0, 4), [
      'mentoring-plan calendar: --months takes a whole number from 1 to 60, not "lots".',
      'mentoring-plan calendar: --from takes a date written YYYY-MM-DD, not "2025-02-30".',
      'mentoring-plan calendar: Cannot read missing.mentoring.yaml: ENOENT.',
      'mentoring-plan calendar: calendar takes exactly one FILE.',
    ]);
    assert.equal(await runCli(['calendar', '--help'], io), 0);
    assert.match(io.stdout.at(-1) ?? '', /^Usage: mentoring-plan calendar FILE/);
  });
});
