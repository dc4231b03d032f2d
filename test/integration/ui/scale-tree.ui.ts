// The Mentoring tree of `npm run bench:vscode -- N SESSIONS --screenshot PATH` (issue 15): the bench's
// workspace of N plans as a user sees it, folders with one of them and one plan opened, with the
// Problems panel below. Runs only when the bench asks for the picture (MENTORING_BENCH_SCREENSHOT);
// an ordinary integration run lists it as pending.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { assertPng, expandTreeItem, screenshot, treeItem, ui, waitForWorkbench } from './helpers';

const target = process.env.MENTORING_BENCH_SCREENSHOT;

(target ? describe : describe.skip)('VS Code at scale (bench): the tree', function () {
  this.timeout(30 * 60_000);

  it('saves a screenshot of the Mentoring tree', async () => {
    const { page } = ui();
    await waitForWorkbench(page);
    await page.locator('.part.activitybar .action-item a[aria-label^="Mentoring"]').first().click();
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Plans/i }) }).first();
    // Folders appear with the scan's first plans; the picture waits for the scan to end (its progress bar under the view's title).
    await treeItem(page, /^cohort-00/, view).waitFor({ state: 'visible', timeout: 5 * 60_000 });
    await page.locator('.pane .monaco-progress-container.active').first().waitFor({ state: 'hidden', timeout: 20 * 60_000 });
    await expandTreeItem(page, /^cohort-00/, view);
    // A plan row opens its file when clicked; its twistie expands it.
    await treeItem(page, /^Pair 0003 on the path/, view).locator('.monaco-tl-twistie').click();
    await treeItem(page, /^Goals/, view).waitFor({ state: 'visible', timeout: 60_000 });
    // The Problems panel under the editor area, with the scan's findings.
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row').first().waitFor({ state: 'visible', timeout: 60_000 });
    await page.waitForTimeout(3000);
    const path = await screenshot('tree-many-plans');
    assertPng(path);
    mkdirSync(dirname(target ?? ''), { recursive: true });
    copyFileSync(path, target ?? '');
  });
});
