// Entry point of the GitHub Action, bundled into dist-action/index.js (action.yml runs it on node20).
import { UsageError } from '../cli/args';
import { workflowData } from '../cli/validate-command';
import { runAction } from './run-action';

const cwd = process.env.GITHUB_WORKSPACE || process.cwd();
process.chdir(cwd);
runAction(process.env, cwd, (line) => process.stdout.write(`${line}\n`)).then(
  (report) => {
    process.exitCode = report.exitCode;
  },
  (error: Error) => {
    // A usage problem is the workflow's to fix: one annotation. Anything else is a bug: its stack too.
    process.stdout.write(`::error::${workflowData(`mentoring-plan action: ${error.message}`)}\n`);
    if (!(error instanceof UsageError)) process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exitCode = 1;
  },
);
