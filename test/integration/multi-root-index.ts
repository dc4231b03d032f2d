// Entry point for the suites tagged (multi-root): the offline launcher opens a two-folder
// workspace with this file as extensionTestsPath.
import { runSuites } from './index';

export function run(): Promise<void> {
  return runSuites(true);
}
