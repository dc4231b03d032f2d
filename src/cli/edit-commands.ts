// init, set-goal-status and add-session: the core's edit engine from the terminal. Files change only
// where the edit requires; a file with YAML errors is left untouched.
import { defaultAgenda } from '../core/agenda';
import { addSession, applyEdits, newPlanText, setGoalStatus } from '../core/edits';
import type { EditResult } from '../core/edits';
import { parsePlan } from '../core/parse';
import { newSessionId, previousOpenActions } from '../core/plan-facts';
import { CADENCES, GOAL_STATUSES, SESSION_TYPES } from '../core/plan';
import type { GoalStatus, Plan, SessionType } from '../core/plan';
import { localToday, parseCommandArgs, readTextFile, requireDate, UsageError } from './args';
import type { CliIo } from './io';
import { EXIT_OK, FileChangedError } from './io';

export const INIT_USAGE = `Usage: mentoring-plan init [FILE] [--mentor NAME] [--protege NAME] [--cadence weekly|biweekly|monthly] [--force]

Writes a new plan (default: plan.mentoring.yaml) with the agreement filled with placeholders to
edit together at the kickoff. Refuses to overwrite an existing file unless --force is given.`;

export const SET_GOAL_STATUS_USAGE = `Usage: mentoring-plan set-goal-status FILE GOAL_ID STATUS

Sets a goal's status (${GOAL_STATUSES.join(', ')}). Only that value changes in the file.`;

export const ADD_SESSION_USAGE = `Usage: mentoring-plan add-session FILE [--type TYPE] [--date YYYY-MM-DD] [--goal ID]... [--id ID]

Appends a session with an agenda of questions for its type (default: checkin), and the previous
session's open actions as follow-up questions. TYPE is one of: ${SESSION_TYPES.join(', ')}.
The id defaults to TYPE-DATE (TYPE-DATE-2, -3… when that is taken); the date to today.`;

export async function initCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    mentor: { type: 'string', default: 'Mentor name' },
    protege: { type: 'string', default: 'Protégé name' },
    cadence: { type: 'string', default: 'biweekly' },
    force: { type: 'boolean', default: false },
  });
  if (values.help) return usage(io, INIT_USAGE);
  if (positionals.length > 1) throw new UsageError('init takes at most one FILE.');
  const cadence = oneOf(values.cadence, CADENCES, '--cadence');
  const file = positionals[0] ?? 'plan.mentoring.yaml';
  if (!values.force && (await io.exists(file))) throw new UsageError(`${file} already exists; pass --force to overwrite it.`);
  // Without --force, a file that appears meanwhile is not overwritten either.
  await writeFile(file, newPlanText({ mentor: values.mentor, protege: values.protege, today: localToday(), cadence }), values.force ? undefined : null, io);
  io.out(`Wrote ${file}. Fill in the agreement together, then add goals and a kickoff session.`);
  return EXIT_OK;
}

export async function setGoalStatusCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {});
  if (values.help) return usage(io, SET_GOAL_STATUS_USAGE);
  if (positionals.length !== 3) throw new UsageError('set-goal-status takes FILE GOAL_ID STATUS.');
  const [file, goalId, status] = positionals;
  const text = await readTextFile(io, file);
  return write(file, text, setGoalStatus(text, goalId, oneOf(status, GOAL_STATUSES, 'STATUS') as GoalStatus), io, `Goal ${goalId} is now ${status}.`);
}

export async function addSessionCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    type: { type: 'string', default: 'checkin' },
    date: { type: 'string' },
    goal: { type: 'string', multiple: true },
    id: { type: 'string' },
  });
  if (values.help) return usage(io, ADD_SESSION_USAGE);
  if (positionals.length !== 1) throw new UsageError('add-session takes exactly one FILE.');
  const [file] = positionals;
  const type = oneOf(values.type, SESSION_TYPES, '--type') as SessionType;
  const date = requireDate(values.date, '--date') ?? localToday();
  const text = await readTextFile(io, file);
  const plan = parsePlan(text).value as Partial<Plan> | undefined;
  const id = values.id ?? newSessionId(plan, type, date);
  const agenda = defaultAgenda(type, { previousOpenActions: previousOpenActions(plan, date) });
  const goals = values.goal ?? [];
  const result = addSession(text, { id, date, type, ...(goals.length ? { goals } : {}), agenda, actions: [] });
  return write(file, text, result, io, `Added session ${id} with ${agenda.length} agenda questions.`);
}

function usage(io: CliIo, text: string): number {
  io.out(text);
  return EXIT_OK;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], name: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${name} must be one of ${allowed.join(', ')}, not "${value}".`);
  return value as T;
}

/**
 * A failed write is the user's environment (missing folder, read-only file, full disk), not a bug:
 * one plain line. `expected` is the text the edit was computed from (null: no file), so a change
 * made meanwhile by someone else is never overwritten.
 */
async function writeFile(file: string, text: string, expected: string | null | undefined, io: CliIo): Promise<void> {
  try {
    await io.writeFile(file, text, expected);
  } catch (error) {
    if (error instanceof FileChangedError) {
      throw new UsageError(expected === null ? `${file} was created by something else meanwhile; nothing was written. Pass --force to overwrite it.` : `${file} changed on disk since it was read; nothing was written. Run the command again on the new version.`);
    }
    throw new UsageError(`Cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
}

async function write(file: string, text: string, result: EditResult, io: CliIo, done: string): Promise<number> {
  if (!result.ok) throw new UsageError(`${file}: ${result.message}`);
  await writeFile(file, applyEdits(text, result.edits), text, io);
  io.out(done);
  return EXIT_OK;
}

