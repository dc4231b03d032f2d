// Runs the integration suite in desktop VS Code through @vscode/test-electron. It downloads VS Code
// from Microsoft (into .vscode-test/), so it needs internet and, on Linux CI, a display (xvfb-run).
// Offline machines use launch-offline.ts instead; both load the same out/test/integration/index.js.
//   npm run test:integration:electron
// Knobs: MENTORING_VSCODE_VERSION (default "stable"), MENTORING_TEST_WORKSPACE, MENTORING_TEST_GREP.
import { runTests } from '@vscode/test-electron';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepoRoot, prepareWorkspace } from './support/paths';

async function main(): Promise<number> {
  const repoRoot = findRepoRoot(__dirname);
  const scratch = mkdtempSync(join(tmpdir(), 'mentoring-vscode-'));
  try {
    const workspace = prepareWorkspace(repoRoot, scratch);
    await runTests({
      version: process.env.MENTORING_VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(__dirname, 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${join(scratch, 'user-data')}`],
    });
    return 0;
  } catch (error) {
    console.error(`integration tests (electron) failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
