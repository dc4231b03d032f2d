// Dispatch for the `mentoring-plan` command; main.ts gives it the real process, tests a fake.
import { version } from '../../package.json';
import { UsageError } from './args';
import { calendarCommand } from './calendar-command';
import { checkFeedbackCommand } from './check-feedback';
import { diffCommand } from './diff-command';
import { reportCommand } from './report-command';
import { installMergeDriverCommand, mergeCommand } from './merge-command';
import { summaryCommand } from './summary-command';
import { addActionCommand, addGoalCommand, addSessionCommand, closeCommand, initCommand, pauseCommand, recordHealthCommand, resumeCommand, setActionDoneCommand, setGoalStatusCommand } from './edit-commands';
import type { CliIo } from './io';
import { EXIT_OK, EXIT_USAGE } from './io';
import { validateCommand } from './validate-command';

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  validate: { run: validateCommand, summary: 'check plans against the schema and the plan rules' },
  init: { run: initCommand, summary: 'write a new plan: the agreement and a kick-off session' },
  'set-goal-status': { run: setGoalStatusCommand, summary: "change a goal's status" },
  'add-session': { run: addSessionCommand, summary: 'append a session with a question-led agenda' },
  'add-goal': { run: addGoalCommand, summary: 'append a goal' },
  'add-action': { run: addActionCommand, summary: "append an action to a session's actions" },
  'set-action-done': { run: setActionDoneCommand, summary: 'mark an action done (or open again)' },
  'record-health': { run: recordHealthCommand, summary: "record a health check-in (1-5) on a session" },
  pause: { run: pauseCommand, summary: 'pause the mentorship: no cadence or overdue warnings' },
  resume: { run: resumeCommand, summary: 'resume a paused mentorship' },
  close: { run: closeCommand, summary: 'conclude the mentorship: closure session, outcome, retrospective' },
  'check-feedback': { run: checkFeedbackCommand, summary: 'check feedback text for past-focused, judging language' },
  summary: { run: summaryCommand, summary: "print the plan (or one goal's history) as Markdown" },
  diff: { run: diffCommand, summary: 'what changed between two versions of a plan, in mentoring terms' },
  report: { run: reportCommand, summary: 'one table across many plans, for whoever runs the programme' },
  merge: { run: mergeCommand, summary: "git's merge driver for plans: merges two versions by entry id" },
  'install-merge-driver': { run: installMergeDriverCommand, summary: 'set up the merge driver in this repository' },
  calendar: { run: calendarCommand, summary: 'write the coming sessions and due actions as an iCalendar (.ics) file' },
};

/** The command names' column: as wide as the longest name, so a long one (install-merge-driver) keeps the summaries aligned. */
const NAME_WIDTH = Math.max(...Object.keys(COMMANDS).map((name) => name.length)) + 1;

export const USAGE = `Usage: mentoring-plan <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, { summary }]) => `  ${name.padEnd(NAME_WIDTH)} ${summary}`)
  .join('\n')}

Run mentoring-plan <command> --help for a command's options.`;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.out(version);
    return EXIT_OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`mentoring-plan: unknown command "${name}". Run mentoring-plan --help for the list.`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`mentoring-plan ${name}: ${error.message}`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
