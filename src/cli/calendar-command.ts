// `mentoring-plan calendar`: the plan's coming sessions and open actions as an iCalendar file, so
// reminders come from the calendar the pair already uses, with no server.
import { planCalendar } from '../core/calendar';
import { checkPlan } from '../core/check';
import { localToday, parseCommandArgs, readTextFile, requireDate, UsageError } from './args';
import type { CliIo } from './io';
import { EXIT_OK } from './io';

export const CALENDAR_USAGE = `Usage: mentoring-plan calendar FILE [--from YYYY-MM-DD] [--months N] [--out FILE]

Writes an iCalendar (.ics) file: the sessions scheduled in the plan, the next sessions by cadence
after the latest one, and the open actions by due date, as all-day events with the plan's title.
UIDs stay the same between exports, so importing again updates the events instead of doubling
them. Covers --months months (default 3) from --from (default today). Standard output unless --out.`;

export async function calendarCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { from: { type: 'string' }, months: { type: 'string' }, out: { type: 'string' } });
  if (values.help) {
    io.out(CALENDAR_USAGE);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError('calendar takes exactly one FILE.');
  const [file] = positionals;
  const from = requireDate(values.from, '--from') ?? localToday();
  const months = values.months === undefined ? 3 : Number(values.months);
  if (!/^\d+$/.test(values.months ?? '3') || months < 1 || months > 60) throw new UsageError(`--months takes a whole number from 1 to 60, not "${values.months}".`);
  const text = await readTextFile(io, file);
  const { plan, issues } = checkPlan(text, { today: from });
  if (!plan) throw new UsageError(`${file} is not a plan (${issues[0]?.message ?? 'no content'}); run mentoring-plan validate for details.`);
  const planKey = file.split(/[\\/]/).pop()?.replace(/\.mentoring\.ya?ml$/, '') ?? file;
  const calendar = planCalendar(plan, { from, months, planKey, stamp: new Date() });
  if (values.out === undefined) {
    // io.out adds the line end; the text already ends with CRLF as RFC 5545 asks.
    io.out(calendar.replace(/\r\n$/, ''));
    return EXIT_OK;
  }
  try {
    await io.writeFile(values.out, calendar);
  } catch (error) {
    throw new UsageError(`Cannot write ${values.out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  return EXIT_OK;
}
