// init (the same new plan as New Mentoring Plan), set-goal-status and add-session: the core's edit engine from the terminal. Files change only
// where the edit requires; a file with YAML errors is left untouched.
import { defaultAgenda, sessionWithAgenda } from '../core/agenda';
import { achieveGoal, addAction, addGoal, addSession, applyEdits, closeMentorship, defaultAgreement, openAction, recordHealth, setActionDone, setGoalStatus, setMentorshipStatus } from '../core/edits';
import type { EditResult } from '../core/edits';
import { HEALTH_SCORE_MEANINGS, latestSessionId } from '../core/health';
import { parsePlan } from '../core/parse';
import { entryById, idFrom, idsOf, mentorshipStatus, newSessionId, saysStatus, previousOpenActions } from '../core/plan-facts';
import { ACTION_OWNERS, CADENCES, CLOSURE_OUTCOMES, GOAL_KINDS, GOAL_STATUSES, SESSION_TYPES } from '../core/plan';
import { cleanCommitments, newPlanWithKickoffText } from '../core/new-plan';
import type { ActionOwner, Agreement, ClosureOutcome, Goal, GoalKind, GoalStatus, Plan, SessionType } from '../core/plan';
import { localToday, parseCommandArgs, readTextFile, requireDate, UsageError } from './args';
import type { CliIo } from './io';
import { EXIT_FINDINGS, EXIT_OK, FileChangedError } from './io';

export const INIT_USAGE = `Usage: mentoring-plan init [FILE] [--mentor NAME] [--protege NAME] [--cadence weekly|biweekly|monthly] [--title TEXT]
       [--mentor-role TEXT]... [--protege-role TEXT]... [--confidentiality TEXT] [--end-when TEXT]
       [--kickoff-date YYYY-MM-DD] [--force]

Writes a new plan (default: plan.mentoring.yaml), as New Mentoring Plan does in the editor: the
pair's agreement and a kick-off session dated --kickoff-date (default today) whose agenda comes
from the question bank. Each part of the agreement left out is the suggested one, to edit
together at the kick-off: --mentor-role and --protege-role give one commitment each (repeat
them); --end-when "" leaves what ends the mentorship to agree later. Refuses to overwrite an
existing file unless --force is given.

Exit codes: 0 written; 2 bad arguments, an existing FILE without --force, or a file that cannot
be written (the message says why). init never exits 1: a new plan always has something to write.`;

export const SET_GOAL_STATUS_USAGE = `Usage: mentoring-plan set-goal-status FILE GOAL_ID STATUS [--evidence TEXT]

Sets a goal's status (${GOAL_STATUSES.join(', ')}). Only that value changes in the file.
With STATUS achieved, --evidence records where it has shown up in your daily work (appended to
the goal's evidence).`;

export const ADD_SESSION_USAGE = `Usage: mentoring-plan add-session FILE [--type TYPE] [--date YYYY-MM-DD] [--goal ID]... [--id ID]

Appends a session with an agenda of questions for its type (default: checkin), and the previous
session's open actions as follow-up questions. TYPE is one of: ${SESSION_TYPES.join(', ')}.
The id defaults to TYPE-DATE (TYPE-DATE-2, -3… when that is taken); the date to today.`;

export async function initCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    mentor: { type: 'string', default: 'Mentor name' },
    protege: { type: 'string', default: 'Protégé name' },
    cadence: { type: 'string', default: 'biweekly' },
    title: { type: 'string' },
    'mentor-role': { type: 'string', multiple: true },
    'protege-role': { type: 'string', multiple: true },
    confidentiality: { type: 'string' },
    'end-when': { type: 'string' },
    'kickoff-date': { type: 'string' },
    force: { type: 'boolean', default: false },
  });
  if (values.help) return usage(io, INIT_USAGE);
  if (positionals.length > 1) throw new UsageError('init takes at most one FILE.');
  const cadence = oneOf(values.cadence, CADENCES, '--cadence');
  const today = localToday();
  const kickoffDate = requireDate(values['kickoff-date'], '--kickoff-date') ?? today;
  const file = positionals[0] ?? 'plan.mentoring.yaml';
  if (!values.force && (await io.exists(file))) throw new UsageError(`${file} already exists; pass --force to overwrite it.`);
  const agreement = agreementFrom(values);
  // The same builder as New Mentoring Plan (core/new-plan.ts): one answer to "what is a new plan".
  const text = newPlanWithKickoffText({ mentor: values.mentor, protege: values.protege, today, cadence, title: values.title, agreement, kickoffDate });
  // Without --force, a file that appears meanwhile is not overwritten either.
  await writeFile(file, text, values.force ? undefined : null, io);
  io.out(`Wrote ${file}. Talk the agreement through at the kick-off session on ${kickoffDate}, then add goals.`);
  return EXIT_OK;
}

/** The agreement init writes: each part given on the command line, else the suggested one (what New Mentoring Plan offers as its default). */
function agreementFrom(values: { 'mentor-role'?: string[]; 'protege-role'?: string[]; confidentiality?: string; 'end-when'?: string }): Agreement {
  const suggested = defaultAgreement();
  const commitments = (given: string[] | undefined, flag: string) => {
    if (given === undefined) return undefined;
    const items = cleanCommitments(given);
    if (items.length === 0) throw new UsageError(`${flag} needs a commitment, not an empty text.`);
    return items;
  };
  const confidentiality = values.confidentiality?.trim();
  if (confidentiality === '') throw new UsageError('--confidentiality needs a text: what stays between you, and its exceptions.');
  const endWhen = values['end-when'] === undefined ? suggested.endWhen : values['end-when'].trim();
  return {
    roles: { mentor: commitments(values['mentor-role'], '--mentor-role') ?? suggested.roles.mentor, protege: commitments(values['protege-role'], '--protege-role') ?? suggested.roles.protege },
    confidentiality: confidentiality ?? suggested.confidentiality,
    ...(endWhen ? { endWhen } : {}),
  };
}

export async function setGoalStatusCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { evidence: { type: 'string' } });
  if (values.help) return usage(io, SET_GOAL_STATUS_USAGE);
  if (positionals.length !== 3) throw new UsageError('set-goal-status takes FILE GOAL_ID STATUS.');
  const [file, goalId, status] = positionals;
  const checked = oneOf(status, GOAL_STATUSES, 'STATUS') as GoalStatus;
  if (values.evidence !== undefined && checked !== 'achieved') throw new UsageError('--evidence goes with the status achieved.');
  const text = await readTextFile(io, file);
  const result = checked === 'achieved' ? achieveGoal(text, goalId, values.evidence) : setGoalStatus(text, goalId, checked);
  return write(file, text, result, io, `Goal ${goalId} is now ${status}.`);
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

const EXIT_CODES = `Exit codes: 0 written; 1 nothing to change (the plan already says so); 2 bad arguments,
an unreadable file, or an edit the plan refuses (the message says why).`;

export const ADD_GOAL_USAGE = `Usage: mentoring-plan add-goal FILE TITLE [--id ID] [--kind ${GOAL_KINDS.join('|')}] [--status STATUS] [--why TEXT] [--target YYYY-MM-DD]

Appends a goal (status proposed unless --status says otherwise). The id defaults to one made from
the title, unique in the plan.

${EXIT_CODES}`;

export const ADD_ACTION_USAGE = `Usage: mentoring-plan add-action FILE SESSION_ID TEXT [--owner ${ACTION_OWNERS.join('|')}] [--due YYYY-MM-DD]

Appends an action to a session's actions.

${EXIT_CODES}`;

export const SET_ACTION_DONE_USAGE = `Usage: mentoring-plan set-action-done FILE SESSION_ID N [--open]

Marks the session's Nth action (counting from 1) done, or open again with --open.

${EXIT_CODES}`;

export const RECORD_HEALTH_USAGE = `Usage: mentoring-plan record-health FILE [SESSION_ID] [--mentor N] [--protege N] [--note TEXT]

Records a health check-in on a session (default: the latest one held by today): each person's
rating of the relationship from 1 to 5, and an optional note. Only the ratings given change.
${Object.entries(HEALTH_SCORE_MEANINGS)
  .map(([score, meaning]) => `  ${score}  ${meaning}`)
  .join('\n')}

${EXIT_CODES}`;

export const PAUSE_USAGE = `Usage: mentoring-plan pause FILE

Sets the mentorship's status to paused: no cadence or overdue warnings until it resumes.

${EXIT_CODES}`;

export const RESUME_USAGE = `Usage: mentoring-plan resume FILE

Sets a paused mentorship's status back to active.

${EXIT_CODES}`;

export const CLOSE_USAGE = `Usage: mentoring-plan close FILE --outcome ${CLOSURE_OUTCOMES.join('|')} [--date YYYY-MM-DD] [--retro TEXT]... [--no-session]

Concludes the mentorship: adds a closure session with the question bank's closure questions
(unless --no-session), records the date (default today), the outcome and each --retro line in
mentorship.closure, and sets the status to closed.

${EXIT_CODES}`;

export async function addGoalCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    id: { type: 'string' },
    kind: { type: 'string' },
    status: { type: 'string', default: 'proposed' },
    why: { type: 'string' },
    target: { type: 'string' },
  });
  if (values.help) return usage(io, ADD_GOAL_USAGE);
  if (positionals.length !== 2 || positionals[1].trim() === '') throw new UsageError('add-goal takes FILE TITLE.');
  const [file, title] = positionals;
  const kind = values.kind === undefined ? undefined : (oneOf(values.kind, GOAL_KINDS, '--kind') as GoalKind);
  const status = oneOf(values.status, GOAL_STATUSES, '--status') as GoalStatus;
  const target = requireDate(values.target, '--target');
  const text = await readTextFile(io, file);
  const id = values.id ?? idFrom(title, new Set(idsOf(planOf(text), 'goals')));
  const goal: Goal = { id, title: title.trim(), ...(kind ? { kind } : {}), ...(values.why ? { why: values.why } : {}), status, ...(target ? { target } : {}) };
  return write(file, text, addGoal(text, goal), io, `Added goal ${id}.`);
}

export async function addActionCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { owner: { type: 'string' }, due: { type: 'string' } });
  if (values.help) return usage(io, ADD_ACTION_USAGE);
  if (positionals.length !== 3 || positionals[2].trim() === '') throw new UsageError('add-action takes FILE SESSION_ID TEXT.');
  const [file, sessionId, actionText] = positionals;
  const owner = values.owner === undefined ? undefined : (oneOf(values.owner, ACTION_OWNERS, '--owner') as ActionOwner);
  const due = requireDate(values.due, '--due');
  const text = await readTextFile(io, file);
  return write(file, text, addAction(text, sessionId, openAction(actionText, owner, due)), io, `Added an action to ${sessionId}.`);
}

export async function setActionDoneCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { open: { type: 'boolean', default: false } });
  if (values.help) return usage(io, SET_ACTION_DONE_USAGE);
  if (positionals.length !== 3) throw new UsageError('set-action-done takes FILE SESSION_ID N.');
  const [file, sessionId, n] = positionals;
  if (!/^[1-9][0-9]*$/.test(n)) throw new UsageError(`N counts actions from 1, not "${n}".`);
  const index = Number(n) - 1;
  const done = !values.open;
  const text = await readTextFile(io, file);
  const action = entryById(planOf(text), 'sessions', sessionId)?.item.actions?.[index];
  if (action && (action.done === true) === done) return nothingToChange(io, `Action ${n} of ${sessionId} is already ${done ? 'done' : 'open'}.`);
  return write(file, text, setActionDone(text, sessionId, index, done), io, `Action ${n} of ${sessionId} is now ${done ? 'done' : 'open'}.`);
}

export async function recordHealthCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { mentor: { type: 'string' }, protege: { type: 'string' }, note: { type: 'string' } });
  if (values.help) return usage(io, RECORD_HEALTH_USAGE);
  if (positionals.length < 1 || positionals.length > 2) throw new UsageError('record-health takes FILE and optionally SESSION_ID.');
  const mentor = score(values.mentor, '--mentor');
  const protege = score(values.protege, '--protege');
  if (mentor === undefined && protege === undefined && !values.note?.trim()) throw new UsageError('Give --mentor, --protege or --note.');
  const [file] = positionals;
  const text = await readTextFile(io, file);
  const sessionId = positionals[1] ?? latestSessionId(planOf(text), localToday());
  if (!sessionId) throw new UsageError(`${file} has no session to record a check-in on; add one first.`);
  return write(file, text, recordHealth(text, sessionId, { mentor, protege, note: values.note }), io, `Recorded a health check-in on ${sessionId}.`);
}

export async function pauseCommand(args: string[], io: CliIo): Promise<number> {
  return statusCommand(args, io, 'paused', PAUSE_USAGE);
}

export async function resumeCommand(args: string[], io: CliIo): Promise<number> {
  return statusCommand(args, io, 'active', RESUME_USAGE);
}

async function statusCommand(args: string[], io: CliIo, status: 'paused' | 'active', help: string): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {});
  if (values.help) return usage(io, help);
  if (positionals.length !== 1) throw new UsageError(`${status === 'paused' ? 'pause' : 'resume'} takes exactly one FILE.`);
  const [file] = positionals;
  const text = await readTextFile(io, file);
  const plan = planOf(text);
  if (plan?.mentorship && saysStatus(plan, status)) return nothingToChange(io, `The mentorship is already ${status}.`);
  return write(file, text, setMentorshipStatus(text, status), io, status === 'paused' ? 'The mentorship is paused.' : 'The mentorship is active again.');
}

export async function closeCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    outcome: { type: 'string' },
    date: { type: 'string' },
    retro: { type: 'string', multiple: true },
    'no-session': { type: 'boolean', default: false },
  });
  if (values.help) return usage(io, CLOSE_USAGE);
  if (positionals.length !== 1) throw new UsageError('close takes exactly one FILE.');
  if (values.outcome === undefined) throw new UsageError(`--outcome is required: ${CLOSURE_OUTCOMES.join(', ')}.`);
  const outcome = oneOf(values.outcome, CLOSURE_OUTCOMES, '--outcome') as ClosureOutcome;
  const date = requireDate(values.date, '--date') ?? localToday();
  const [file] = positionals;
  const text = await readTextFile(io, file);
  const plan = planOf(text);
  if (plan?.mentorship && mentorshipStatus(plan) === 'closed') return nothingToChange(io, 'The mentorship is already closed.');
  const retrospective = (values.retro ?? []).map((line) => line.trim()).filter(Boolean);
  const session = values['no-session'] ? undefined : sessionWithAgenda(plan, 'closure', date);
  const result = closeMentorship(text, { date, outcome, ...(retrospective.length ? { retrospective } : {}) }, session);
  return write(file, text, result, io, `The mentorship is closed (${outcome})${session ? `; added session ${session.id}` : ''}.`);
}

function score(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-5]$/.test(value.trim())) throw new UsageError(`${flag} takes a rating from 1 to 5, not "${value}".`);
  return Number(value);
}

function planOf(text: string): Partial<Plan> | undefined {
  return parsePlan(text).value as Partial<Plan> | undefined;
}

function nothingToChange(io: CliIo, message: string): number {
  io.out(`${message} Nothing written.`);
  return EXIT_FINDINGS;
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

