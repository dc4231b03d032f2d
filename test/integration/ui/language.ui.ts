// UI: the outline of a plan file and the hover on a goal reference, as a user sees them; the
// screenshot (outline-and-hover.png) is the README's picture of plan files as a language.
import * as assert from 'node:assert/strict';
import { assertPng, runCommand, screenshot, treeItem, ui } from './helpers';

describe('plan language (UI)', () => {
  it('shows the outline of a plan and a hover on a goal reference', async () => {
    const { page } = ui();
    await page.locator('.part.activitybar .action-item a[aria-label^="Explorer"]').first().click();
    await treeItem(page, 'team.mentoring.yaml', page.locator('.explorer-folders-view')).click({ timeout: 30_000 });
    const editor = page.locator('.monaco-editor[data-uri$="team.mentoring.yaml"]').first();
    await editor.waitFor({ state: 'visible', timeout: 20_000 });
    await runCommand(page, 'Explorer: Focus on Outline View');
    await treeItem(page, 'Ada and Grace').waitFor({ state: 'visible', timeout: 20_000 });
    await treeItem(page, /^goals/).waitFor({ state: 'visible', timeout: 10_000 });
    // Hover the id after `goal:` in the feedback entry.
    const line = editor.locator('.view-line', { hasText: 'goal: public-speaking' }).first();
    await line.scrollIntoViewIfNeeded();
    const word = line.locator('span', { hasText: /^public-speaking$/ }).first();
    await word.hover();
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Give a talk at the team meetup' }).first();
    await hover.waitFor({ state: 'visible', timeout: 20_000 });
    assert.match((await hover.textContent()) ?? '', /goal public-speaking/);
    assertPng(await screenshot('outline-and-hover'));
  });
});
