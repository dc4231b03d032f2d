// The few git reads `diff --git` needs, through the git binary (no library): old versions of
// files, the changed plan files and the default base.
import { spawnSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { UsageError } from './args';

export interface GitResult {
  ok: boolean;
  /** The exit status (git merge-file counts conflicts in it); null when git was ended by a signal. */
  status: number | null;
  stdout: string;
  stderr: string;
}

export function git(args: readonly string[], cwd: string): GitResult {
  // LC_ALL=C: git's messages are matched (a path missing at BASE is an added file), so they must not be translated.
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, LC_ALL: 'C' } });
  if (result.error) throw new UsageError(`Cannot run git: ${(result.error as NodeJS.ErrnoException).code ?? result.error.message}.`);
  return { ok: result.status === 0, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** True when `ref` names a commit (so a first argument can be told from a file name). */
export function isCommit(ref: string, cwd: string): boolean {
  return !ref.startsWith('-') && git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], cwd).ok;
}

/**
 * The merge base of HEAD with the default branch: origin's HEAD when the clone knows it, else a
 * local or remote main or master.
 */
export function defaultBase(cwd: string): string {
  const remoteHead = git(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'], cwd);
  const candidates = [...(remoteHead.ok ? [remoteHead.stdout.trim()] : []), 'origin/main', 'origin/master', 'main', 'master'];
  for (const branch of candidates) {
    if (!isCommit(branch, cwd)) continue;
    const base = git(['merge-base', 'HEAD', branch], cwd);
    if (base.ok) return base.stdout.trim();
  }
  throw new UsageError('Cannot find the default branch (origin/HEAD, main or master) to compare with; give BASE, e.g. diff --git HEAD~1.');
}

/**
 * Plan files under the current folder that differ between `base` and the working tree (added,
 * modified, deleted, untracked), relative to it. `patterns` are git pathspecs (the GitHub Action
 * passes every file and applies its own glob).
 */
export function changedPlanFiles(base: string, cwd: string, patterns: readonly string[] = ['*.mentoring.yaml', '*.mentoring.yml']): string[] {
  const tracked = git(['diff', '--name-only', '--no-renames', '--relative', base, '--', ...patterns], cwd);
  if (!tracked.ok) throw new UsageError(`git diff failed: ${tracked.stderr.trim().split('\n')[0]}`);
  const untracked = git(['ls-files', '--others', '--exclude-standard', '--', ...patterns], cwd);
  return [...new Set([...lines(tracked.stdout), ...(untracked.ok ? lines(untracked.stdout) : [])])].sort();
}

/** The file's text at `base`, or undefined when it did not exist there (an added file). */
export function showAt(base: string, path: string, cwd: string): string | undefined {
  // `BASE:./path` is resolved from the current folder, like the path the user typed.
  const fromHere = `./${relative(cwd, resolve(cwd, path)).split('\\').join('/')}`;
  const shown = git(['show', `${base}:${fromHere}`], cwd);
  if (shown.ok) return shown.stdout;
  if (/does not exist|exists on disk, but not in/.test(shown.stderr)) return undefined;
  throw new UsageError(`git show ${base}:${path} failed: ${shown.stderr.trim().split('\n')[0]}`);
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}
