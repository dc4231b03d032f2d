// Clicking Mentoring tree rows while the tree refreshes (issue 9, defect 9): right after start-up,
// while a plan changes on disk and after Refresh, every click opens the plan and no error
// notification ("Actual command not found, wanted to execute mentoringPlan.reveal") appears.
// The file name sorts first so that the first clicks land in the seconds after activation.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { runCommand, treeItem, ui, waitForWorkbench } from './helpers';

const ROWS = ['Give a talk at the team meetup', 'Review pull requests with confidence', 'Lin and Sam', 'Ada and Grace', 'Noor Ali and Kim Park'];
const CLICK_GAP_MS = 250;

/** Records every notification toast the workbench shows, from now on (they can vanish before we look). */
async function recordNotifications(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __mentoringNotifications: string[] }).__mentoringNotifications = seen;
    const collect = () => {
      for (const item of Array.from(document.querySelectorAll('.notifications-toasts .notification-list-item, .notifications-center .notification-list-item'))) {
        const severity = item.querySelector('.notification-list-item-icon')?.className ?? '';
        const text = `${/codicon-error/.test(severity) ? 'error' : /codicon-warning/.test(severity) ? 'warning' : 'info'}: ${item.textContent ?? ''}`;
        if (!seen.includes(text)) seen.push(text);
      }
    };
    new MutationObserver(collect).observe(document.body, { subtree: true, childList: true, characterData: true });
    collect();
  });
}

async function notifications(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __mentoringNotifications: string[] }).__mentoringNotifications.slice());
}

function view(page: Page): Locator {
  return page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Plans/i }) }).first();
}

/** Clicks the given rows one after another, `CLICK_GAP_MS` apart. */
async function clickRows(page: Page, labels: readonly string[]): Promise<void> {
  for (const label of labels) {
    await treeItem(page, label, view(page)).click({ timeout: 30_000 });
    await page.waitForTimeout(CLICK_GAP_MS);
  }
}

describe('Mentoring view: clicking rows while the tree refreshes (UI)', function () {
  this.timeout(240_000);
  let planPath: string;
  let original: string;

  before(() => {
    planPath = join(ui().workspace, 'team.mentoring.yaml');
    original = readFileSync(planPath, 'utf8');
  });

  after(async () => {
    const { page } = ui();
    writeFileSync(planPath, original);
    await runCommand(page, 'View: Close All Editors').catch(() => undefined);
    // Later UI tests expect the workbench as it started: the Explorer in the side bar.
    await page.locator('.part.activitybar .action-item a[aria-label^="Explorer"]').first().click();
    await page.locator('.explorer-folders-view').first().waitFor({ state: 'visible', timeout: 10_000 });
  });

  it('runs every click (no error toast) right after start-up, while a plan changes on disk, and after Refresh', async () => {
    const { page } = ui();
    await waitForWorkbench(page);
    await recordNotifications(page);
    await page.locator('.part.activitybar .action-item a[aria-label^="Mentoring"]').first().click();
    // Start clicking as soon as the first goal shows: this is when the start-up refreshes land.
    await treeItem(page, ROWS[0], view(page)).waitFor({ state: 'visible', timeout: 60_000 });
    for (let round = 0; round < 2; round++) await clickRows(page, ROWS);

    // Each write makes the store re-check the plan and the tree refresh; click in between.
    for (let edit = 0; edit < 3; edit++) {
      writeFileSync(planPath, `${original}# edited on disk ${edit}\n`);
      await clickRows(page, ROWS.slice(0, 3));
    }
    for (let refresh = 0; refresh < 2; refresh++) {
      await runCommand(page, 'Mentoring: Refresh');
      await clickRows(page, ROWS.slice(0, 3));
    }
    // Quiet for a while, then one more round of clicks.
    await page.waitForTimeout(2_000);
    await clickRows(page, [ROWS[2], ROWS[1]]);

    // The last click opened the plan at its line.
    await page.locator('.tabs-container .tab.active', { hasText: 'team.mentoring.yaml' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.locator('.monaco-editor .view-line', { hasText: 'id: code-review' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.waitForTimeout(1_000);
    const errors = (await notifications(page)).filter((text) => text.startsWith('error:') || /command not found/i.test(text));
    assert.deepEqual(errors, [], 'clicking the tree raised error notifications');
  });
});
