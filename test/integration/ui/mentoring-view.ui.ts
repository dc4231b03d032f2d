// The Mentoring view in the browser, as a user meets it: the activity bar icon, one node per plan,
// goals with their progress, the status bar item, and a click that opens the plan at the goal.
import * as assert from 'node:assert/strict';
import { todayIso } from '../../../src/extension/today';
import { assertPng, quickInput, quickInputRows, runCommand, screenshot, treeItem, ui, waitForWorkbench } from './helpers';

describe('Mentoring view (UI)', () => {
  after(async () => {
    // Later UI tests expect the workbench as it started: the Explorer in the side bar.
    const { page } = ui();
    await page.locator('.part.activitybar .action-item a[aria-label^="Explorer"]').first().click();
    await page.locator('.explorer-folders-view').first().waitFor({ state: 'visible', timeout: 10_000 });
  });

  it('opens from its activity bar icon and shows every plan of the workspace', async () => {
    const { page } = ui();
    await waitForWorkbench(page);
    await page.locator('.part.activitybar .action-item a[aria-label^="Mentoring"]').first().click();
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Plans/i }) }).first();
    for (const plan of ['Noor Ali and Kim Park', 'Lin and Sam', 'Ada and Grace']) {
      await treeItem(page, plan, view).waitFor({ state: 'visible', timeout: 20_000 });
    }
    const goal = treeItem(page, 'Give a talk at the team meetup', view);
    await goal.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match((await goal.innerText()).replace(/\s+/g, ' '), /active · 1\/2 milestones · target 2025-05-15/);
    assertPng(await screenshot('mentoring-view'));
  });

  it('shows overdue actions in the status bar, and opens the plan at a goal when it is clicked', async () => {
    const { page } = ui();
    const status = page.locator('.part.statusbar .statusbar-item', { hasText: /overdue action/ }).first();
    await status.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match(await status.innerText(), /1 overdue action/);
    await treeItem(page, 'Review pull requests with confidence').click();
    await page.locator('.tabs-container .tab', { hasText: 'team.mentoring.yaml' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.locator('.monaco-editor .view-line', { hasText: 'id: code-review' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    assertPng(await screenshot('mentoring-view-reveal'));
  });

  it('shows a plan\'s findings in the Problems panel beside the tree (the README screenshot)', async () => {
    const { page } = ui();
    await treeItem(page, 'Lin and Sam').click();
    await page.locator('.tabs-container .tab', { hasText: 'problems.mentoring.yaml' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Control+Shift+M');
    const problems = page.locator('.markers-panel').first();
    await problems.waitFor({ state: 'visible', timeout: 10_000 });
    for (const text of ['duplicate-id', 'unknown-reference', 'cannot be `done`']) {
      await problems.locator('.monaco-list-row', { hasText: text }).first().waitFor({ state: 'visible', timeout: 10_000 });
    }
    assertPng(await screenshot('readme-tree-and-problems'));
    await page.keyboard.press('Control+Shift+M');
  });

  it('adds a session from the palette: pick the type, accept the date proposed by cadence, undo', async () => {
    const { page } = ui();
    // The team plan is the active editor (previous test); its last session is long past, so the proposal is today.
    await runCommand(page, 'Mentoring: Add Session');
    await quickInputRows(page, 'Check-in').first().click();
    const input = quickInput(page);
    await page.waitForFunction(() => document.querySelector('.quick-input-widget .quick-input-box input') !== null);
    const today = todayIso();
    assert.equal(await input.inputValue(), today);
    await input.press('Enter');
    const added = page.locator('.monaco-editor .view-line', { hasText: `id: checkin-${today}` }).first();
    // Earlier sessions' open actions are offered as follow-up questions (the last session's ticked): accept them.
    const followUps = page.locator('.quick-input-widget .quick-input-box input[placeholder^="Follow up on which open actions"]');
    await Promise.race([followUps.waitFor({ state: 'visible', timeout: 10_000 }), added.waitFor({ state: 'visible', timeout: 10_000 })]);
    if (await followUps.isVisible()) await followUps.press('Enter');
    await added.waitFor({ state: 'visible', timeout: 10_000 });
    assertPng(await screenshot('mentoring-add-session'));
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Z');
    await added.waitFor({ state: 'detached', timeout: 10_000 });
  });
});
