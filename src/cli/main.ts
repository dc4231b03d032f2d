// Node entry of the `mentoring-plan` command.
import { nodeIo } from './node-io';
import { runCli } from './run-cli';

runCli(process.argv.slice(2), nodeIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    // A bug, not a usage error: one line, and the details only on request.
    process.stderr.write(`mentoring-plan: internal error: ${error.message}\n${process.env.MENTORING_PLAN_DEBUG ? `${error.stack}\n` : ''}`);
    process.exitCode = 2;
  },
);
