// Paths and the scratch workspace shared by both launchers.
import { cpSync, existsSync } from 'node:fs';
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
