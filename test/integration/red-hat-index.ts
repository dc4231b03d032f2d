// Entry point for the suites tagged (red-hat): the offline launcher installs Red Hat's YAML
// extension (test/fixtures/third-party/) beside ours and opens a window with this file as extensionTestsPath.
import { RED_HAT_TAG, runSuites } from './index';

export function run(): Promise<void> {
  return runSuites(false, RED_HAT_TAG);
}
