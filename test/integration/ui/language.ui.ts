// UI: the outline of a plan file and the hover on a goal reference, as a user sees them; the
// screenshot (outline-and-hover.png) is the README's picture of plan files as a language.
import * as assert from 'node:assert/strict';
import { assertPng, quickInputRows, quickOpen, runCommand, screenshot, treeItem, ui } from './helpers';

describe('plan language (UI)', () => {
  it('shows the outline of a plan and a hover on a goal reference', async () => {
    const { page } = ui();
    await quickOpen(page, 'team.mentoring.yaml');
    await quickInputRows(page).first().waitFor({ state: 'visible', timeout: 20_000 });
    await page.keyboard.press('Enter');
    const editor = page.locator('.monaco-editor[data-uri$="team.mentoring.yaml"]').first();
    await editor.waitFor({ state: 'visible', timeout: 20_000 });
    await runCommand(page, 'Explorer: Focus on Outline View');
    await treeItem(page, 'Ada and Grace').waitFor({ state: 'visible', timeout: 20_000 });
    await treeItem(page, /^goals/).waitFor({ state: 'visible', timeout: 10_000 });
    // Hover the goal id the kickoff session names (line 47), brought into view with Go to Line.
    await editor.click();
    await page.keyboard.press('Control+g');
    await page.keyboard.type('47');
    await page.keyboard.press('Enter');
    const line = editor.locator('.view-line', { hasText: 'goals: [public-speaking' }).first();
    await line.waitFor({ state: 'visible', timeout: 20_000 });
    const word = line.locator('span', { hasText: /^public-speaking$/ }).first();
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Give a talk at the team meetup' }).first();
    await word.hover();
    // A mouse hover is sometimes not taken (the pointer already rests there, or the editor is still
    // laying out): then put the caret on the word and ask for the hover from the keyboard (Ctrl+K Ctrl+I).
    const shown = await hover.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
    if (!shown) {
      await word.click();
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
    }
    await hover.waitFor({ state: 'visible', timeout: 20_000 });
    assert.match((await hover.textContent()) ?? '', /goal public-speaking/);
    assertPng(await screenshot('outline-and-hover'));
  });

  /** Picks the row `label` of the quick input open now, and waits for team.mentoring.yaml to show line 39 (the goal code-review's id) in the status bar. */
  async function pickAndLandOnGoal(label: string, column: RegExp): Promise<void> {
    const { page } = ui();
    const row = quickInputRows(page, label).first();
    await row.waitFor({ state: 'visible', timeout: 20_000 });
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor[data-uri$="team.mentoring.yaml"]').first().waitFor({ state: 'visible', timeout: 20_000 });
    await page.locator('.statusbar-item', { hasText: new RegExp(`Ln 39, Col ${column.source}\\b`) }).first().waitFor({ state: 'visible', timeout: 20_000 });
  }

  it('goes to a goal of any plan from Go to Symbol in Workspace, at its id', async () => {
    const { page } = ui();
    // With no editor open the plan is closed: its names come from its value read again, its line from one parse.
    await runCommand(page, 'View: Close All Editors');
    // "#" in the quick open searches the workspace's symbols; the row's line is asked for only when it is picked.
    await quickOpen(page, '#Review pull');
    // The goal's id selected or the caret at it ("  - id: code-review"); a symbol without its line would open the file at its top.
    await pickAndLandOnGoal('Review pull requests with confidence (code-review)', /(9|20)/);
  });

  it('goes to a goal of any plan from Reveal in Plan File in the palette, at its id', async () => {
    const { page } = ui();
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, 'Mentoring: Reveal in Plan File');
    // The goals and sessions of every plan, named as the outline names them, listed while the picker shows it is busy.
    await quickInputRows(page, 'Review pull requests with confidence').first().waitFor({ state: 'visible', timeout: 20_000 });
    await quickOpen(page, 'Review pull requests');
    await pickAndLandOnGoal('Review pull requests with confidence', /9/);
  });
});
