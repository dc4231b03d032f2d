// `mentoring-plan diff OLD NEW`: what changed between two versions of a plan, in mentoring terms,
// for a reviewer who would otherwise read raw YAML hunks.
import { diffPlans, renderDiffMarkdown, renderDiffText } from '../core/plan-diff';
import { markdownText } from '../core/summary';
import type { PlanChange } from '../core/plan-diff';
import { parseCommandArgs, readTextFile, UsageError } from './args';
import type { CliIo } from './io';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './io';
import { changedPlanFiles, defaultBase, isCommit, showAt } from './git';

export const DIFF_USAGE = `Usage: mentoring-plan diff OLD NEW [--format text|markdown|json] [--require-both]
       mentoring-plan diff --git [BASE] [FILE...] [--format ...] [--require-both]

Prints what changed from the plan OLD to the plan NEW: goals, statuses and targets, milestones,
sessions, actions, health scores, feedback, and first of all the agreement. Entries are matched
by id, so reordering, comments and formatting are no change.

With --git, each FILE (default: every *.mentoring.yaml changed under the current folder) is
compared with its version at BASE (git show BASE:FILE; default: the merge base of HEAD with the
default branch). A file missing at BASE or in the working tree compares with an empty plan.

  --format        text (default); markdown (for a pull request comment);
                  json: {"agreementChanged":B,"files":[{"old","new","agreementChanged","changes":[...]}]}
  --require-both  exit 1 when the agreement changed, so CI can ask for the second approval

Exit status: 0 compared (1 with --require-both when the agreement changed), 2 usage or I/O
problem, or a side that is not readable YAML.`;

export async function diffCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { format: { type: 'string', default: 'text' }, 'require-both': { type: 'boolean' }, git: { type: 'boolean' } });
  if (values.help) {
    io.out(DIFF_USAGE);
    return EXIT_OK;
  }
  const format = values.format;
  if (format !== 'text' && format !== 'markdown' && format !== 'json') throw new UsageError(`--format takes text, markdown or json, not "${format}".`);
  if (values.git) return gitDiff(positionals, format, values['require-both'] === true, io);
  if (positionals.length !== 2) throw new UsageError('diff takes two files, OLD and NEW.');
  const [oldPath, newPath] = positionals;
  const oldText = await readTextFile(io, oldPath);
  const newText = await readTextFile(io, newPath);
  const result = diffPlans(oldText, newText);
  if (!result.ok) {
    for (const error of result.errors) io.err(`${error.side === 'old' ? oldPath : newPath}:${error.line}:${error.column} error ${error.message} (not compared)`);
    return EXIT_USAGE;
  }
  io.out(renderDiff([{ old: oldPath, new: newPath, agreementChanged: result.agreementChanged, changes: result.changes }], format).replace(/\n$/, ''));
  return values['require-both'] && result.agreementChanged ? EXIT_FINDINGS : EXIT_OK;
}

/** `diff --git [BASE] [FILE...]`: the first argument is BASE when it names a commit. */
async function gitDiff(positionals: string[], format: 'text' | 'markdown' | 'json', requireBoth: boolean, io: CliIo): Promise<number> {
  const [first, ...rest] = positionals;
  const explicitBase = first !== undefined && isCommit(first, io.cwd);
  const base = explicitBase ? first : defaultBase(io.cwd);
  const paths = explicitBase ? rest : positionals;
  const files = paths.length ? paths : changedPlanFiles(base, io.cwd);
  const diffs: FileDiff[] = [];
  let unreadable = false;
  for (const path of files) {
    const oldText = showAt(base, path, io.cwd);
    const newText = (await io.exists(path)) ? await readTextFile(io, path) : undefined;
    if (oldText === undefined && newText === undefined) throw new UsageError(`${path} exists neither at ${base} nor in the working tree.`);
    const result = diffPlans(oldText, newText);
    if (!result.ok) {
      for (const error of result.errors) io.err(`${error.side === 'old' ? `${base}:${path}` : path}:${error.line}:${error.column} error ${error.message} (not compared)`);
      unreadable = true;
      continue;
    }
    diffs.push({ old: oldText === undefined ? null : `${base}:${path}`, new: newText === undefined ? null : path, agreementChanged: result.agreementChanged, changes: result.changes });
  }
  if (files.length === 0) io.out(format === 'json' ? JSON.stringify({ agreementChanged: false, files: [] }) : `No plan file changed since ${base}.`);
  else if (diffs.length) io.out(renderDiff(diffs, format, true).replace(/\n$/, ''));
  if (unreadable) return EXIT_USAGE;
  return requireBoth && diffs.some((diff) => diff.agreementChanged) ? EXIT_FINDINGS : EXIT_OK;
}

export interface FileDiff {
  /** The old version's name; null when the file is new. */
  old: string | null;
  /** The new version's name; null when the file was deleted. */
  new: string | null;
  agreementChanged: boolean;
  changes: PlanChange[];
}

/** Files' diffs in a format; with `headings` (git mode), each file gets one saying whether it is new or deleted. */
export function renderDiff(files: readonly FileDiff[], format: 'text' | 'markdown' | 'json', headings = false): string {
  if (format === 'json') return `${JSON.stringify({ agreementChanged: files.some((file) => file.agreementChanged), files })}\n`;
  const render = format === 'markdown' ? renderDiffMarkdown : renderDiffText;
  if (!headings) return files.map((file) => render(file.changes)).join('\n');
  return files
    .map((file) => {
      const name = file.new ?? file.old?.slice(file.old.indexOf(':') + 1) ?? '';
      const state = file.old === null ? ' (new file)' : file.new === null ? ' (deleted)' : '';
      return `${format === 'markdown' ? `### ${markdownText(name)}${state}` : `${name}${state}:`}\n${format === 'markdown' ? '\n' : ''}${render(file.changes)}`;
    })
    .join('\n');
}
