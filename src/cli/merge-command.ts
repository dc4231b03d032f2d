// `mentoring-plan merge` (git's merge driver for plans) and `mentoring-plan install-merge-driver`
// (which sets it up in a repository). The merge itself is src/core/plan-merge.ts; here are the
// files git hands over, git's own line merge when the merge by entry cannot decide, and the setup.
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { mergePlans } from '../core/plan-merge';
import { parseCommandArgs, readTextFile, UsageError } from './args';
import type { CliIo } from './io';
import { EXIT_FINDINGS, EXIT_OK } from './io';
import { git } from './git';

export const MERGE_USAGE = `Usage: mentoring-plan merge BASE OURS THEIRS [--marker-size N] [--path PATH]

Merges two versions of a plan, OURS and THEIRS, made from BASE, and writes the result to OURS:
git's merge driver for *.mentoring.yaml (set it up with mentoring-plan install-merge-driver).
Entries are matched by id (goals, sessions, feedback), actions and milestones by their text:
entries added on both sides are all kept (sessions and feedback in date order), and different
fields changed on each side are both applied. OURS keeps its bytes; THEIRS' new entries keep
their lines and comments. The same field changed two ways, or the same new id with different
content, is marked with conflict markers around that entry only. A side with YAML errors or
anchors is merged line by line by git merge-file instead.

  --marker-size  length of the conflict markers (git's %L; default 7)
  --path         the file's name in the repository (git's %P), for messages

Exit status: 0 merged, 1 conflicts marked in OURS, 2 usage or I/O problem.`;

export const INSTALL_MERGE_DRIVER_USAGE = `Usage: mentoring-plan install-merge-driver [--command COMMAND]

Sets up mentoring-plan merge as git's merge driver for plans in the current repository: writes
merge.mentoring-plan.name and merge.mentoring-plan.driver to the repository's git config
(.git/config, not shared) and "*.mentoring.yaml merge=mentoring-plan" (and .yml) to the
.gitattributes at its top (shared: commit it). Running it again changes nothing.

  --command  how git starts the CLI (default: this node and this CLI's file, by absolute path,
             so it works without a PATH; e.g. --command "npx --no-install mentoring-plan")

Exit status: 0 set up (or already), 2 not in a git repository, usage or I/O problem.`;

const DRIVER_NAME = 'Mentoring Plan: merge plans by entry id';
const ATTRIBUTE_LINES = ['*.mentoring.yaml merge=mentoring-plan', '*.mentoring.yml merge=mentoring-plan'];

export async function mergeCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { 'marker-size': { type: 'string', default: '7' }, path: { type: 'string' } });
  if (values.help) {
    io.out(MERGE_USAGE);
    return EXIT_OK;
  }
  if (positionals.length !== 3) throw new UsageError('merge takes three files, BASE OURS THEIRS (git passes %O %A %B).');
  const markerSize = Number(values['marker-size']);
  if (!Number.isInteger(markerSize) || markerSize < 1 || markerSize > 100) throw new UsageError(`--marker-size takes a whole number from 1 to 100, not "${values['marker-size']}".`);
  const [basePath, oursPath, theirsPath] = positionals;
  const name = values.path ?? oursPath;
  const [base, ours, theirs] = [await readTextFile(io, basePath), await readTextFile(io, oursPath), await readTextFile(io, theirsPath)];
  const line = lineMerge(basePath, oursPath, theirsPath, markerSize, io.cwd);
  const result = mergePlans(base, ours, theirs, { markerSize, ...(line.status === 0 ? { lineMerged: line.text } : {}) });
  if (result.kind === 'fallback') {
    io.err(`mentoring-plan merge: ${name}: ${result.reason}; merged line by line instead (git merge-file).`);
    if (line.status === undefined) throw new UsageError(`git merge-file failed: ${line.error}`);
    await writeMerged(io, oursPath, ours, line.text);
    return line.status === 0 ? EXIT_OK : EXIT_FINDINGS;
  }
  await writeMerged(io, oursPath, ours, result.text);
  for (const conflict of result.conflicts) io.err(`mentoring-plan merge: ${name}: both sides changed ${conflict} differently; marked for you to resolve.`);
  return result.conflicts.length ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * git's own line merge of the three files, never written anywhere (-p): the result when the merge
 * by entry cannot decide, and otherwise preferred when it says the same (see mergePlans).
 * `status` is 0 when clean, 1 with conflicts, undefined when git failed.
 */
function lineMerge(base: string, ours: string, theirs: string, markerSize: number, cwd: string): { status?: 0 | 1; text: string; error?: string } {
  let merged: ReturnType<typeof git>;
  try {
    merged = git(['merge-file', '-p', `--marker-size=${markerSize}`, '-L', 'ours', '-L', 'base', '-L', 'theirs', '--', ours, base, theirs], cwd);
  } catch (error) {
    // No git to run: the merge by entry does without it, and says so only if it needed it.
    if (error instanceof UsageError) return { text: '', error: error.message };
    throw error;
  }
  // merge-file exits with the number of conflicts (capped at 127), or a negative number (255 here) on errors.
  if (merged.status === null || merged.status < 0 || merged.status > 127) return { text: '', error: merged.stderr.trim().split('\n')[0] || `exit status ${merged.status}` };
  return { status: merged.status === 0 ? 0 : 1, text: merged.stdout };
}

async function writeMerged(io: CliIo, path: string, before: string, text: string): Promise<void> {
  if (text === before) return;
  try {
    await io.writeFile(path, text);
  } catch (error) {
    throw new UsageError(`Cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
}

export async function installMergeDriverCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { command: { type: 'string' } });
  if (values.help) {
    io.out(INSTALL_MERGE_DRIVER_USAGE);
    return EXIT_OK;
  }
  if (positionals.length) throw new UsageError('install-merge-driver takes no files; run it inside the repository.');
  const top = git(['rev-parse', '--show-toplevel'], io.cwd);
  if (!top.ok) throw new UsageError(`${io.cwd} is not in a git repository; run install-merge-driver inside the repository whose plans it should merge.`);
  const root = top.stdout.trim();
  const command = values.command ?? thisCli();
  if (command.trim() === '') throw new UsageError('--command cannot be empty.');
  const settings: [string, string][] = [
    ['merge.mentoring-plan.name', DRIVER_NAME],
    ['merge.mentoring-plan.driver', `${command} merge %O %A %B --marker-size %L --path %P`],
  ];
  for (const [key, value] of settings) {
    const current = git(['config', '--local', '--get', key], root);
    if (current.ok && current.stdout.replace(/\n$/, '') === value) {
      io.out(`git config ${key} is already set.`);
      continue;
    }
    const set = git(['config', '--local', key, value], root);
    if (!set.ok) throw new UsageError(`git config ${key} failed: ${set.stderr.trim().split('\n')[0]}`);
    io.out(`Set git config ${key} = ${value}`);
  }
  const attributesPath = join(root, '.gitattributes');
  const attributes = (await io.exists(attributesPath)) ? await readTextFile(io, attributesPath) : null;
  const present = new Set((attributes ?? '').split(/\r?\n/).map((line) => line.trim().replace(/\s+/g, ' ')));
  const missing = ATTRIBUTE_LINES.filter((line) => !present.has(line));
  if (missing.length === 0) {
    io.out('.gitattributes already sends plans to the driver.');
    return EXIT_OK;
  }
  const existing = attributes ?? '';
  const eol = /\r\n/.test(existing) ? '\r\n' : '\n';
  const separator = existing === '' || existing.endsWith('\n') ? '' : eol;
  try {
    await io.writeFile(attributesPath, existing + separator + missing.map((line) => line + eol).join(''), attributes);
  } catch (error) {
    throw new UsageError(`Cannot write ${attributesPath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  io.out(`Added to .gitattributes: ${missing.join(', ')}. Commit it, so every clone merges plans this way (each clone runs install-merge-driver once).`);
  return EXIT_OK;
}

/**
 * This node and this CLI's file, by absolute path and quoted for the shell git runs the driver
 * with: it works from a checkout (dist/cli.js) and from an installed package alike, with no PATH
 * or npx lookup at merge time. It lives in .git/config, which is this clone's alone; after moving
 * the checkout or changing node, run install-merge-driver again.
 */
function thisCli(): string {
  const script = process.argv[1];
  if (!script) throw new UsageError('Cannot tell where this CLI is; give --command.');
  return `${shellQuote(process.execPath)} ${shellQuote(realpathSync(script))}`;
}

function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

