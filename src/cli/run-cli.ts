// Dispatch for the `mentoring-plan` command; main.ts gives it the real process, tests a fake.
import { version } from '../../package.json';
import { UsageError } from './args';
import { calendarCommand } from './calendar-command';
import { checkFeedbackCommand } from './check-feedback';
import { diffCommand } from './diff-command';
import { summaryCommand } from './summary-command';
import { addSessionCommand, initCommand, setGoalStatusCommand } from './edit-commands';
import type { CliIo } from './io';
import { EXIT_OK, EXIT_USAGE } from './io';
import { validateCommand } from './validate-command';

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  validate: { run: validateCommand, summary: 'check plans against the schema and the plan rules' },
  init: { run: initCommand, summary: 'write a new plan with the agreement to fill in' },
  'set-goal-status': { run: setGoalStatusCommand, summary: "change a goal's status" },
  'add-session': { run: addSessionCommand, summary: 'append a session with a question-led agenda' },
  'check-feedback': { run: checkFeedbackCommand, summary: 'check feedback text for past-focused, judging language' },
  summary: { run: summaryCommand, summary: "print the plan (or one goal's history) as Markdown" },
  diff: { run: diffCommand, summary: 'what changed between two versions of a plan, in mentoring terms' },
  calendar: { run: calendarCommand, summary: 'write the coming sessions and due actions as an iCalendar (.ics) file' },
};

export const USAGE = `Usage: mentoring-plan <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, { summary }]) => `  ${name.padEnd(16)} ${summary}`)
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
