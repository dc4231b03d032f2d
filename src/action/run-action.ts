// The GitHub Action (action.yml): on a pull request, validate the changed plan files with
// annotations, write the semantic diff and each plan's summary to the job summary, and optionally
// keep one pull request comment with the same text. Everything is the CLI's own commands
// (validate --format github, diff --git --format json, summary) run in process, so the action
// says exactly what the CLI says.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { localToday, requireDate, UsageError } from '../cli/args';
import { diffCommand, renderDiff } from '../cli/diff-command';
import type { FileDiff } from '../cli/diff-command';
import { changedPlanFiles, defaultBase, isCommit } from '../cli/git';
import type { CliIo } from '../cli/io';
import { nodeIo } from '../cli/node-io';
import { summaryCommand } from '../cli/summary-command';
import { validateCommand, workflowData } from '../cli/validate-command';
import { markdownCode, markdownText } from '../core/summary';
import { pathMatcher } from './glob';
import { COMMENT_MARKER, upsertComment } from './pr-comment';

/** The default of the `files` input, the same as the extension's mentoringPlan.planGlob. */
export const DEFAULT_FILES = '**/*.mentoring.{yaml,yml}';

export interface ActionInputs {
  files: string;
  base: string;
  comment: boolean;
  token: string;
  requireBoth: boolean;
  today: string;
}

/** An input as the runner passes it: INPUT_<NAME> (upper case, spaces as underscores), trimmed. */
export function input(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

function booleanInput(env: NodeJS.ProcessEnv, name: string): boolean {
  const value = input(env, name).toLowerCase();
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw new UsageError(`the input ${name} takes true or false, not "${input(env, name)}".`);
}

export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  return {
    files: input(env, 'files') || DEFAULT_FILES,
    base: input(env, 'base'),
    comment: booleanInput(env, 'comment'),
    token: input(env, 'github-token'),
    requireBoth: booleanInput(env, 'require-both-approvals'),
    today: requireDate(input(env, 'today') || undefined, 'the input today') ?? localToday(),
  };
}

interface PullRequestEvent {
  pull_request?: { number?: number; base?: { sha?: string } };
  /** push events: the commit before the push (all zeros for a new branch). */
  before?: string;
}

/** The commit to compare with: the input, else the pull request's base, else the commit before a push, else the merge base with the default branch. */
function chooseBase(inputs: ActionInputs, event: PullRequestEvent, cwd: string): string {
  const base = inputs.base || event.pull_request?.base?.sha || (event.before && !/^0+$/.test(event.before) ? event.before : '') || defaultBase(cwd);
  if (!isCommit(base, cwd)) {
    throw new UsageError(`the base commit ${base} is not in this clone; give actions/checkout "fetch-depth: 0" so the pull request's base is fetched.`);
  }
  return base;
}

/** A CliIo on the real file system that keeps what a command prints. */
function capturingIo(): CliIo & { outLines: string[]; errLines: string[] } {
  const outLines: string[] = [];
  const errLines: string[] = [];
  return { ...nodeIo(), out: (text) => void outLines.push(text), err: (text) => void errLines.push(text), outLines, errLines };
}

export interface ActionReport {
  exitCode: number;
  /** The Markdown for the job summary and the comment (the comment adds the marker). */
  body: string;
}

/** Runs the action in `cwd` (the checkout); workflow commands go to `print`. */
export async function runAction(env: NodeJS.ProcessEnv, cwd: string, print: (line: string) => void): Promise<ActionReport> {
  const inputs = readInputs(env);
  const eventPath = env.GITHUB_EVENT_PATH;
  const event = (eventPath && existsSync(eventPath) ? JSON.parse(readFileSync(eventPath, 'utf8')) : {}) as PullRequestEvent;
  const base = chooseBase(inputs, event, cwd);
  const wanted = pathMatcher(inputs.files);
  const changed = changedPlanFiles(base, cwd, ['.']).filter(wanted);
  const present = changed.filter((path) => existsSync(`${cwd}/${path}`));

  // Validation: the annotations exactly as `validate --format github` prints them.
  let errors = 0;
  let warnings = 0;
  if (present.length) {
    const validation = capturingIo();
    await validateCommand(['--format', 'github', '--today', inputs.today, ...present], validation);
    for (const line of validation.outLines) {
      print(line);
      if (line.startsWith('::error ')) errors++;
      if (line.startsWith('::warning ')) warnings++;
    }
  }

  // The semantic diff, as `diff --git BASE FILE... --format json`, rendered as Markdown.
  let files: FileDiff[] = [];
  let agreementChanged = false;
  const unreadable: string[] = [];
  if (changed.length) {
    const diff = capturingIo();
    await diffCommand(['--git', base, ...changed, '--format', 'json'], diff);
    if (diff.outLines.length) ({ files, agreementChanged } = JSON.parse(diff.outLines.join('\n')) as { files: FileDiff[]; agreementChanged: boolean });
    unreadable.push(...diff.errLines);
  }

  const short = base.slice(0, 7);
  const lines = ['## Mentoring plan changes', ''];
  if (changed.length === 0) lines.push(`No plan file changed since ${markdownCode(short)}.`);
  else {
    const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
    lines.push(`${plural(changed.length, 'plan file')} changed since ${markdownCode(short)}. Checks: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`);
    if (inputs.requireBoth && agreementChanged) lines.push('', '**This check fails because the agreement changed** (`require-both-approvals`): merge once the mentor and the protégé have both approved.');
    if (files.length) lines.push('', renderDiff(files, 'markdown', true).trimEnd());
    for (const problem of unreadable) lines.push('', `Not compared: ${markdownText(problem)}`);
    for (const path of present) {
      const summary = capturingIo();
      try {
        await summaryCommand([path, '--today', inputs.today], summary);
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        continue; // not a plan: validation has said why
      }
      lines.push('', `<details><summary>Plan summary: ${markdownText(path)}</summary>`, '', summary.outLines.join('\n').trimEnd().replace(/^## /gm, '#### ').replace(/^### /gm, '##### '), '', '</details>');
    }
  }
  const body = `${lines.join('\n')}\n`;

  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, body);
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `agreement-changed=${agreementChanged}\nerrors=${errors}\nchanged-files=${JSON.stringify(changed)}\n`);

  if (inputs.comment) await comment(env, inputs, event, body, changed.length > 0, print);

  let exitCode = 0;
  if (errors > 0 || unreadable.length) {
    print(`::error::${workflowData(`Mentoring plan: ${errors} error${errors === 1 ? '' : 's'} in the changed plan files${unreadable.length ? ', and a version that is not readable YAML' : ''}.`)}`);
    exitCode = 1;
  }
  if (inputs.requireBoth && agreementChanged) {
    const where = files.filter((file) => file.agreementChanged).map((file) => file.new ?? file.old);
    print(`::error::${workflowData(`The agreement changed (${where.join(', ')}): the mentor and the protégé both approve agreement changes (require-both-approvals).`)}`);
    exitCode = 1;
  }
  return { exitCode, body };
}

async function comment(env: NodeJS.ProcessEnv, inputs: ActionInputs, event: PullRequestEvent, body: string, anyChange: boolean, print: (line: string) => void): Promise<void> {
  const issue = event.pull_request?.number;
  if (typeof issue !== 'number') {
    print('::notice::comment is true, but this run is not for a pull request; the job summary has the report.');
    return;
  }
  if (!inputs.token) throw new UsageError('comment is true but github-token is empty.');
  if (!env.GITHUB_REPOSITORY) throw new UsageError('GITHUB_REPOSITORY is not set; is this running in GitHub Actions?');
  try {
    // Nothing to say and nothing said before: no comment at all. Otherwise the one comment follows the pull request.
    const result = await upsertComment({ apiUrl: env.GITHUB_API_URL || 'https://api.github.com', repository: env.GITHUB_REPOSITORY, issue, token: inputs.token }, `${COMMENT_MARKER}\n${body}`, { createWhen: anyChange });
    if (result) print(`Pull request comment ${result.action}${result.url ? `: ${result.url}` : ''}`);
  } catch (error) {
    // A pull request from a fork gets a read-only token: the report stays in the job summary.
    print(`::warning::${workflowData(`Could not write the pull request comment (${(error as Error).message}); the job summary has the report.`)}`);
  }
}
