// `mentoring-plan summary`: the plan in Markdown, for a pull request comment or an export.
import { checkPlan } from '../core/check';
import { goalHistory, summarizePlan } from '../core/summary';
import { localToday, parseCommandArgs, readTextFile, requireDate, UsageError } from './args';
import type { CliIo } from './io';
import { EXIT_OK } from './io';

export const SUMMARY_USAGE = `Usage: mentoring-plan summary FILE [--goal ID] [--today YYYY-MM-DD]

Prints the plan as Markdown: goals and their progress, open actions (overdue ones marked),
sessions held and planned, and the relationship's health trend. With --goal, that goal's
history instead: success criteria, milestones, the sessions that worked on it, its feedforward.`;

export async function summaryCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { goal: { type: 'string' }, today: { type: 'string' } });
  if (values.help) {
    io.out(SUMMARY_USAGE);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError('summary takes exactly one FILE.');
  const [file] = positionals;
  const text = await readTextFile(io, file);
  const today = requireDate(values.today, '--today') ?? localToday();
  const { plan, issues } = checkPlan(text, { today });
  if (!plan) throw new UsageError(`${file} is not a plan (${issues[0]?.message ?? 'no content'}); run mentoring-plan validate for details.`);
  if (values.goal !== undefined) {
    const history = goalHistory(plan, values.goal);
    if (!history) throw new UsageError(`${file} has no goal with the id "${values.goal}".`);
    io.out(history);
  } else {
    io.out(summarizePlan(plan, { today, issues }));
  }
  return EXIT_OK;
}
