// UI (issue 11): the relationship over time as a user sees it, on examples/priya-and-jordan: the
// agreement rows under the plan and the health trend on its row; Add Action on a session row's
// menu and from the palette (the latest session first, a clear message for a date that is not
// one); the Actions view listing the open actions. The screenshots tree-agreement-health.png and
// actions-view.png are the README's pictures (copied from test-results/screenshots to media/).
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { assertPng, quickInput, quickInputRows, runCommand, screenshot, treeItem, ui, waitForWorkbench } from './helpers';

const EXAMPLE = 'priya-and-jordan.mentoring.yaml';
const TITLE = "Jordan's first on-call rotation";

function pane(page: Page, name: RegExp): Locator {
  return page.locator('.pane', { has: page.locator('.pane-header', { hasText: name }) }).first();
}

/** The visible text of a row, whitespace folded. */
async function rowText(row: Locator): Promise<string> {
  return (await row.innerText()).replace(/\s+/g, ' ').trim();
}

/** Sets the side bar's width (wide enough that the rows' descriptions read in the screenshot); returns the width before. */
async function resizeSideBar(page: Page, width: number): Promise<number | undefined> {
  const sideBar = page.locator('.part.sidebar').first();
  const box = await sideBar.boundingBox();
  if (!box || Math.abs(box.width - width) < 2) return box?.width;
  // The sash between the side bar and the editor sits on the side bar's right edge.
  await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + width, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  return box.width;
}

/** Expands or collapses a tree row by its twistie (a click on the row itself runs its command: reveal in the plan). */
async function setRowExpanded(page: Page, row: Locator, expanded: boolean): Promise<void> {
  await row.waitFor({ state: 'visible', timeout: 10_000 });
  if (((await row.getAttribute('aria-expanded')) === 'true') === expanded) return;
  await row.locator('.monaco-tl-twistie').first().click();
  // Children come from the extension host: on a loaded machine that takes seconds.
  const deadline = Date.now() + 20_000;
  while (((await row.getAttribute('aria-expanded')) === 'true') !== expanded) {
    if (Date.now() > deadline) assert.fail(`tree row ${await rowText(row)} did not ${expanded ? 'expand' : 'collapse'}`);
    await page.waitForTimeout(100);
  }
}

/** Opens a pane of the Mentoring container when it is collapsed, or collapses it (`open` false). */
async function setPaneOpen(page: Page, name: RegExp, open: boolean): Promise<void> {
  const header = pane(page, name).locator('.pane-header').first();
  await header.waitFor({ state: 'visible', timeout: 10_000 });
  if (((await header.getAttribute('aria-expanded')) === 'true') !== open) await header.click();
}

describe('relationship views: agreement, health trend, Add Action, Actions view (UI)', function () {
  this.timeout(180_000);
  let planPath: string;
  let sideBarWidth: number | undefined;

  before(async () => {
    const { page, repoRoot, workspace } = ui();
    await waitForWorkbench(page);
    planPath = join(workspace, EXAMPLE);
    copyFileSync(join(repoRoot, 'examples', EXAMPLE), planPath);
  });

  after(async () => {
    const { page } = ui();
    await page.keyboard.press('Escape');
    await runCommand(page, 'View: Revert and Close Editor').catch(() => undefined);
    await runCommand(page, 'View: Close All Editors').catch(() => undefined);
    if (existsSync(planPath)) unlinkSync(planPath);
    // Later UI tests expect the workbench as it started: the Explorer in the side bar, and the other plans only.
    await treeItem(page, TITLE).waitFor({ state: 'detached', timeout: 20_000 }).catch(() => undefined);
    if (sideBarWidth) await resizeSideBar(page, sideBarWidth).catch(() => undefined);
    await page.locator('.part.activitybar .action-item a[aria-label^="Explorer"]').first().click();
    await page.locator('.explorer-folders-view').first().waitFor({ state: 'visible', timeout: 10_000 });
  });

  it('shows the agreement rows under the plan and the health trend of both sides on its row', async () => {
    const { page } = ui();
    await page.locator('.part.activitybar .action-item a[aria-label^="Mentoring"]').first().click();
    sideBarWidth = await resizeSideBar(page, 720);
    await setPaneOpen(page, /Actions/i, false);
    const plans = pane(page, /Plans/i);
    const planRow = treeItem(page, TITLE, plans);
    await planRow.waitFor({ state: 'visible', timeout: 30_000 });
    // Only this plan open: collapse the fixture's other plans, then expand this one and its agreement.
    for (const other of ['Lin and Sam', 'Ada and Grace', 'Noor Ali and Kim Park']) await setRowExpanded(page, treeItem(page, other, plans), false);
    await setRowExpanded(page, planRow, true);
    await setRowExpanded(page, treeItem(page, /^Agreement/, plans), true);
    // The trend: mentor 3,4,4,4 and protégé 3,3,4,5 across the four check-ins, oldest first.
    assert.match(await rowText(planRow), /health mentor ▄▆▆▆ 4\/5, protégé ▄▄▆█ 5\/5/);
    for (const [label, value] of [
      ['Mentor’s role', 'Ask what Jordan noticed before saying what I noticed'],
      ['Protégé’s role', 'Bring one real incident or alert to each session'],
      ['Cadence', 'biweekly'],
      ['Confidentiality', 'What we discuss stays between us'],
      ['Ends when', 'Jordan leads an incident review on their own'],
    ]) {
      const row = treeItem(page, label, plans);
      await row.waitFor({ state: 'visible', timeout: 10_000 });
      assert.ok((await rowText(row)).includes(value), `${label} row shows "${value}": ${await rowText(row)}`);
    }
    await treeItem(page, /^Goals/, plans).waitFor({ state: 'visible', timeout: 10_000 });
    await treeItem(page, /^Sessions/, plans).waitFor({ state: 'visible', timeout: 10_000 });
    // No hover: the row's inline buttons would cover its description.
    await page.mouse.move(1100, 600);
    assertPng(await screenshot('tree-agreement-health'));
  });

  it('offers Add Action on a session row', async () => {
    const { page } = ui();
    const plans = pane(page, /Plans/i);
    await setRowExpanded(page, treeItem(page, /^Sessions/, plans), true);
    const session = treeItem(page, /Check-in\s*2026-11-23/, plans);
    await session.waitFor({ state: 'visible', timeout: 10_000 });
    await session.click({ button: 'right' });
    const item = page.locator('.context-view .action-item', { hasText: /^Add Action/ }).first();
    await item.waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Escape');
    await item.waitFor({ state: 'detached', timeout: 10_000 });
    // Inline too, on hover.
    await session.hover();
    await session.locator('.action-label[aria-label="Add Action"]').first().waitFor({ state: 'visible', timeout: 10_000 });
  });

  it('adds an action from the palette (latest session first, a clear message for a bad date) and the Actions view lists it', async () => {
    const { page } = ui();
    // A click on the plan's row opens it (the file search may not have indexed the copied file yet).
    await setPaneOpen(page, /Plans/i, true);
    await treeItem(page, TITLE, pane(page, /Plans/i)).click();
    const editor = page.locator(`.monaco-editor[data-uri$="${EXAMPLE}"]`).first();
    await editor.waitFor({ state: 'visible', timeout: 20_000 });

    await runCommand(page, 'Mentoring: Add Action');
    // The active editor's plan; its sessions with the latest held one first, picked by Enter.
    await quickInputRows(page, 'checkin-2026-11-23').first().waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(await rowText(quickInputRows(page).first()), /2026-11-23 Check-in.*checkin-2026-11-23/);
    await page.keyboard.press('Enter');
    const input = quickInput(page);
    await page.locator('.quick-input-widget', { hasText: 'Add Action to checkin-2026-11-23' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill('Write the game-day checklist');
    await input.press('Enter');
    await quickInputRows(page, /^protégé/).first().waitFor({ state: 'visible', timeout: 10_000 });
    await quickInputRows(page, /^protégé/).first().click();
    await page.locator('.quick-input-widget', { hasText: 'Due date (YYYY-MM-DD)' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill('2026-12-32');
    const message = page.locator('.quick-input-widget .quick-input-message', { hasText: /is not a date: write it as YYYY-MM-DD/ }).first();
    await message.waitFor({ state: 'visible', timeout: 10_000 });
    await input.press('Enter');
    assert.ok(await message.isVisible(), 'Enter on a bad date keeps the box open with its message');
    await input.fill('2026-12-09');
    await message.waitFor({ state: 'hidden', timeout: 10_000 });
    await input.press('Enter');
    // The edit is in the editor, at the end of the session's actions; bring that line into view.
    // The goal's CodeLens counts it (attached, not visible: the editor may be scrolled past the goal).
    await page.locator('.codelens-decoration', { hasText: '4 open actions' }).first().waitFor({ state: 'attached', timeout: 20_000 });
    await editor.click();
    await page.keyboard.press('Control+g');
    await page.keyboard.type('124');
    await page.keyboard.press('Enter');
    await editor.locator('.view-line', { hasText: '- text: Write the game-day checklist' }).first().waitFor({ state: 'visible', timeout: 10_000 });

    await setPaneOpen(page, /Actions/i, true);
    const actions = pane(page, /Actions/i);
    const added = treeItem(page, 'Write the game-day checklist', actions);
    await added.waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(await rowText(added), /due 2026-12-09 · checkin-2026-11-23/);
    assert.match(await rowText(treeItem(page, TITLE, actions)), /5 open/);
    for (const label of ['Pair on one incident review with the platform team', 'Share two post-mortems that changed how I work', 'Agree the date and scenario of the game day']) {
      await treeItem(page, label, actions).waitFor({ state: 'visible', timeout: 10_000 });
    }
    assert.match(await rowText(treeItem(page, 'Pair on one incident review with the platform team', actions)), /due 2026-11-25 · overdue \d+ days/);
    // The done actions of earlier sessions are not listed.
    assert.equal(await treeItem(page, 'Shadow the next two incidents as scribe', actions).count(), 0);
    await setPaneOpen(page, /Plans/i, false);
    await added.waitFor({ state: 'visible', timeout: 10_000 });
    assertPng(await screenshot('actions-view'));
    await setPaneOpen(page, /Plans/i, true);

    // One undo takes it back, to the saved file.
    await editor.locator('.view-lines').first().click();
    await page.keyboard.press('Control+Z');
    await editor.locator('.view-line', { hasText: 'Write the game-day checklist' }).first().waitFor({ state: 'detached', timeout: 10_000 });
    // The editor draws only the lines in view (a CI run showed the top of the file after the undo): bring the goals there.
    await page.keyboard.press('Control+g');
    await page.keyboard.type('40');
    await page.keyboard.press('Enter');
    await editor.locator('.view-line', { hasText: '- id: runbooks' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.locator('.codelens-decoration', { hasText: '3 open actions' }).first().waitFor({ state: 'attached', timeout: 20_000 });
    await added.waitFor({ state: 'detached', timeout: 20_000 });
  });
});
