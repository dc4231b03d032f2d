// `mentoring-plan diff OLD NEW`: what changed between two versions of a plan, in mentoring terms,
// for a reviewer who would otherwise read raw YAML hunks.
import { diffPlans, renderDiffMarkdown, renderDiffText } from '../core/plan-diff';
import type { PlanChange } from '../core/plan-diff';
import { parseCommandArgs, readTextFile, UsageError } from './args';
import type { CliIo } from './io';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './io';

export const DIFF_USAGE = `Usage: mentoring-plan diff OLD NEW [--format text|markdown|json] [--require-both]

Prints what changed from the plan OLD to the plan NEW: goals, statuses and targets, milestones,
sessions, actions, health scores, feedback, and first of all the agreement. Entries are matched
by id, so reordering, comments and formatting are no change.

  --format        text (default); markdown (for a pull request comment);
                  json: {"agreementChanged":B,"files":[{"old","new","agreementChanged","changes":[...]}]}
  --require-both  exit 1 when the agreement changed, so CI can ask for the second approval

Exit status: 0 compared (1 with --require-both when the agreement changed), 2 usage or I/O
problem, or a side that is not readable YAML.`;

export async function diffCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { format: { type: 'string', default: 'text' }, 'require-both': { type: 'boolean' } });
  if (values.help) {
    io.out(DIFF_USAGE);
    return EXIT_OK;
  }
  const format = values.format;
  if (format !== 'text' && format !== 'markdown' && format !== 'json') throw new UsageError(`--format takes text, markdown or json, not "${format}".`);
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

export interface FileDiff {
  /** The old version's name; null when the file is new. */
  old: string | null;
  /** The new version's name; null when the file was deleted. */
  new: string | null;
  agreementChanged: boolean;
  changes: PlanChange[];
}

/** One or more files' diffs in a format; with several files, each gets a heading. */
export function renderDiff(files: readonly FileDiff[], format: 'text' | 'markdown' | 'json'): string {
  if (format === 'json') return `${JSON.stringify({ agreementChanged: files.some((file) => file.agreementChanged), files })}\n`;
  const render = format === 'markdown' ? renderDiffMarkdown : renderDiffText;
  if (files.length === 1) return render(files[0].changes);
  return files.map((file) => `${format === 'markdown' ? '### ' : '== '}${file.new ?? file.old}\n\n${render(file.changes)}`).join('\n');
}
