// Paths and the scratch workspace shared by both launchers.
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Finds the repository root (the extension development path) above the bundled launcher. */
export function findRepoRoot(from: string): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'esbuild.mjs'))) {
    const parent = resolve(dir, '..');
    if (parent === dir) throw new Error(`no repository root above ${from}`);
    dir = parent;
  }
  return dir;
}

/**
 * The folder VS Code opens: MENTORING_TEST_WORKSPACE as given, or else a scratch copy of
 * test/fixtures/workspace under `scratchDir`, so tests that edit files never dirty the checkout.
 */
export function prepareWorkspace(repoRoot: string, scratchDir: string): string {
  const given = process.env.MENTORING_TEST_WORKSPACE;
  if (given) return resolve(given);
  const workspace = join(scratchDir, 'workspace');
  cpSync(join(repoRoot, 'test/fixtures/workspace'), workspace, { recursive: true });
  return workspace;
}

/**
 * A workspace of two folders, each with its own plan, for the suites tagged "(multi-root)":
 * returns the path of its .code-workspace file.
 */
export function prepareMultiRootWorkspace(repoRoot: string, scratchDir: string): string {
  const root = join(scratchDir, 'multi-root');
  const fixtures = join(repoRoot, 'test/fixtures/workspace');
  for (const [folder, plan] of [['pair-ada', 'team.mentoring.yaml'], ['pair-lin', 'problems.mentoring.yaml']]) {
    mkdirSync(join(root, folder), { recursive: true });
    cpSync(join(fixtures, plan), join(root, folder, plan));
  }
  const file = join(root, 'pairs.code-workspace');
  writeFileSync(file, JSON.stringify({ folders: [{ path: 'pair-ada' }, { path: 'pair-lin' }] }, null, 2));
  return file;
}
