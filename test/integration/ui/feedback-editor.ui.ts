// The feedback editor in the browser, as a user drives it: type into the panel, see a finding in
// place, apply its suggestion (mouse and keyboard), reorder suggestions with Alt+Up, save, and find
// the entry in the plan file. A hostile goal title shows as text and runs nothing. Screenshots of
// the panel in a dark, a light and a high-contrast theme go to test-results/screenshots/.
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { findRepoRoot } from '../support/paths';
import { assertPng, quickInput, quickInputRows, quickOpen, runCommand, screenshot, ui, waitForWorkbench } from './helpers';

const HOSTILE = '<img src=x onerror=alert(1)>';
const FILE = 'feedback-ui.mentoring.yaml';
// The plan with a goal whose title is HTML; shared with the extension-host tests of the panel.
const PLAN = readFileSync(join(findRepoRoot(__dirname), 'test/fixtures/plans/hostile-goal.mentoring.yaml'), 'utf8');

const dialogs: string[] = [];
/** Console lines about Content Security Policy violations (any frame, the webview's included). */
const cspViolations: string[] = [];
let planPath: string;

function panel(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/** The `.field` block whose label is exactly `label`. */
function field(frame: FrameLocator, label: string): Locator {
  return frame.locator('.field').filter({ has: frame.locator(`label[for]`, { hasText: new RegExp(`^${label}$`) }) });
}

/**
 * Runs a palette command that only shows once the extension has found the plans (its `when`
 * clause); the first UI test may start before activation has finished.
 */
async function runPlanCommand(page: Page, title: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await quickOpen(page, `>${title}`);
    const row = quickInputRows(page, title).first();
    try {
      await row.waitFor({ state: 'visible', timeout: 2_000 });
      await row.click();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(500);
    }
  }
}

async function setTheme(page: Page, name: string): Promise<void> {
  await runCommand(page, 'Preferences: Color Theme');
  await quickInput(page).fill(name);
  const row = quickInputRows(page, new RegExp(`^${name}`)).first();
  await row.waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.press('Enter');
  await quickInput(page).waitFor({ state: 'hidden', timeout: 10_000 });
  await page.waitForTimeout(500);
}

type Rgb = [number, number, number];

/** `rgb(r, g, b)` / `rgba(r, g, b, 1)` as numbers; fails on anything transparent. */
function rgb(css: string): Rgb {
  const match = /^rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)$/.exec(css);
  assert.ok(match, `not an rgb colour: ${css}`);
  assert.ok(match[4] === undefined || Number(match[4]) === 1, `not opaque: ${css}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
function luminance([r, g, b]: Rgb): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** The workbench's own editor background and foreground for the current theme, resolved to rgb. */
async function themeColours(page: Page): Promise<{ background: Rgb; foreground: Rgb }> {
  const [background, foreground] = await page.evaluate(() => {
    const workbench = document.querySelector('.monaco-workbench') as HTMLElement;
    const probe = document.createElement('div');
    probe.style.background = getComputedStyle(workbench).getPropertyValue('--vscode-editor-background');
    probe.style.color = getComputedStyle(workbench).getPropertyValue('--vscode-foreground');
    workbench.appendChild(probe);
    const style = getComputedStyle(probe);
    const colours = [style.backgroundColor, style.color];
    probe.remove();
    return colours;
  });
  return { background: rgb(background), foreground: rgb(foreground) };
}

describe('feedback editor (UI)', function () {
  this.timeout(90_000);

  before(() => {
    const { page, workspace } = ui();
    planPath = join(workspace, FILE);
    writeFileSync(planPath, PLAN);
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  after(async () => {
    const { page } = ui();
    await setTheme(page, 'Dark Modern').catch(() => undefined);
    await runCommand(page, 'View: Close All Editors').catch(() => undefined);
    rmSync(planPath, { force: true });
  });

  it('opens from the palette for the active plan, with a hostile goal title shown as text', async () => {
    const { page } = ui();
    await quickOpen(page, FILE);
    await quickInputRows(page, FILE).first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.locator('.tab', { hasText: FILE }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await runPlanCommand(page, 'Mentoring: Write Feedback');

    const frame = panel(page);
    await frame.locator('h1', { hasText: 'Write feedback' }).waitFor({ state: 'visible', timeout: 30_000 });
    const options = await frame.locator('#select-goal option').allTextContents();
    assert.deepEqual(options, ['(none)', 'Give a talk at the team meetup (public-speaking)', `${HOSTILE} (hostile)`]);
    assert.equal(await frame.locator('img').count(), 0, 'the title became an element');
    assert.deepEqual(dialogs, [], 'a dialog fired');
    await frame.locator('#select-goal').selectOption('public-speaking');
  });

  it('shows findings in place as the user types, and applies a suggestion with one click', async () => {
    const frame = panel(ui().page);
    const behavior = field(frame, 'Behavior');
    await behavior.locator('textarea').pressSequentially('You interrupted Sam twice during the review.');
    // SBI fields describe the past, so they report judging words but not past tense.
    assert.equal(await behavior.locator('.finding').count(), 0);

    const suggestion = field(frame, 'Suggestion 1');
    await suggestion.locator('textarea').pressSequentially('You never listen in meetings.');
    const finding = suggestion.locator('.finding').first();
    await finding.waitFor({ state: 'visible', timeout: 5_000 });
    assert.match((await finding.textContent()) ?? '', /Generalises/);
    assert.equal(await suggestion.locator('mark.finding-mark').textContent(), 'You never listen');
    assert.match((await frame.locator('#findings-live').getAttribute('aria-live')) ?? '', /polite/);
    const before = Number(await frame.locator('.score').getAttribute('data-score'));
    assert.ok(before < 100, `score ${before}`);

    await finding.getByRole('button', { name: /^Use “Next time, you could listen”$/ }).click();
    assert.equal(await suggestion.locator('textarea').inputValue(), 'Next time, you could listen in meetings.');
    assert.equal(await suggestion.locator('.finding').count(), 0);
    assert.ok(Number(await frame.locator('.score').getAttribute('data-score')) > before, 'the score rises');
  });

  it('works by keyboard: Ctrl+. applies the suggestion at the cursor, Alt+Up reorders', async () => {
    const { page } = ui();
    const frame = panel(page);
    const impact = field(frame, 'Impact').locator('textarea');
    await impact.pressSequentially('Your demo was a failure.');
    await field(frame, 'Impact').locator('.finding').first().waitFor({ state: 'visible', timeout: 5_000 });
    await impact.press('Home');
    await impact.press('Control+.');
    assert.equal(await impact.inputValue(), 'Your demo was a lesson for next time.');

    await frame.getByRole('button', { name: 'Add suggestion', exact: true }).click();
    const second = field(frame, 'Suggestion 2').locator('textarea');
    assert.ok(await second.evaluate((node) => node === document.activeElement), 'the new suggestion has the focus');
    await page.keyboard.type('Try summarising what you heard before answering.');
    await page.keyboard.press('Alt+ArrowUp');
    assert.equal(await field(frame, 'Suggestion 1').locator('textarea').inputValue(), 'Try summarising what you heard before answering.');
    assert.equal(await field(frame, 'Suggestion 2').locator('textarea').inputValue(), 'Next time, you could listen in meetings.');
    assert.ok(await field(frame, 'Suggestion 1').locator('textarea').evaluate((node) => node === document.activeElement), 'the focus moves with the suggestion');
  });

  it('looks native in dark, light and high-contrast themes (screenshots)', async () => {
    const { page } = ui();
    const frame = panel(page);
    // With a finding on screen: highlighted in place, explained under the field.
    const situation = field(frame, 'Situation');
    await situation.locator('textarea').pressSequentially('In every review you never let others finish.');
    await situation.locator('.finding').first().waitFor({ state: 'visible', timeout: 5_000 });
    const shots: string[] = [];
    const seen: { theme: string; background: Rgb; foreground: Rgb }[] = [];
    for (const [theme, name, dark, bodyClass] of [
      ['Dark Modern', 'feedback-editor-dark', true, 'vscode-dark'],
      ['Light Modern', 'feedback-editor-light', false, 'vscode-light'],
      ['Dark High Contrast', 'feedback-editor-high-contrast', true, 'vscode-high-contrast'],
    ] as const) {
      await setTheme(page, theme);
      await frame.locator('h1').waitFor({ state: 'visible' });
      // What the user sees: the panel's page is painted in the theme's editor colours.
      const wanted = await themeColours(page);
      const body = frame.locator('body');
      await body.and(frame.locator(`body.${bodyClass}`)).waitFor({ timeout: 10_000 });
      const background = rgb(await body.evaluate((node) => getComputedStyle(node).backgroundColor));
      const foreground = rgb(await body.evaluate((node) => getComputedStyle(node).color));
      assert.deepEqual(background, wanted.background, `${theme}: the panel's background is not the editor's`);
      assert.deepEqual(foreground, wanted.foreground, `${theme}: the panel's text is not the theme's foreground`);
      assert.equal(luminance(background) < 0.2, dark, `${theme}: background ${background.join(',')}`);
      assert.ok(contrast(background, foreground) >= 4.5, `${theme}: text contrast ${contrast(background, foreground).toFixed(1)}`);
      seen.push({ theme, background, foreground });
      shots.push(await screenshot(name));
    }
    const distinct = new Set(seen.map(({ background, foreground }) => `${background.join(',')}/${foreground.join(',')}`));
    assert.equal(distinct.size, seen.length, `themes look alike: ${JSON.stringify(seen)}`);
    for (const path of shots) assertPng(path);
    await setTheme(page, 'Dark Modern');
    await situation.locator('textarea').fill('');
    assert.equal(await situation.locator('.finding').count(), 0);
  });

  it('saves by keyboard (Ctrl+Enter) into the plan file', async () => {
    const { page } = ui();
    const frame = panel(page);
    await field(frame, 'Impact').locator('textarea').press('Control+Enter');
    const status = frame.locator('#status');
    await status.filter({ hasText: /^Saved as feedback-\d{4}-\d{2}-\d{2}-public-speaking\./ }).waitFor({ state: 'visible', timeout: 15_000 });
    await frame.locator('h1', { hasText: /^Edit feedback$/ }).waitFor({ state: 'visible' });
    await frame.locator('.plan-name', { hasText: /^Ada and Grace · feedback-\d{4}-\d{2}-\d{2}-public-speaking$/ }).waitFor({ state: 'visible' });
    await runCommand(page, 'File: Save All');
    const deadline = Date.now() + 10_000;
    let text = readFileSync(planPath, 'utf8');
    while (!text.includes('feedback:') && Date.now() < deadline) {
      await page.waitForTimeout(200);
      text = readFileSync(planPath, 'utf8');
    }
    assert.ok(text.startsWith(PLAN), 'the rest of the plan is unchanged');
    assert.match(
      text.slice(PLAN.length),
      /^feedback:\n {2}- id: feedback-\d{4}-\d{2}-\d{2}-public-speaking\n {4}date: \d{4}-\d{2}-\d{2}\n {4}from: mentor\n {4}goal: public-speaking\n {4}behavior: You interrupted Sam twice during the review\.\n {4}impact: Your demo was a lesson for next time\.\n {4}feedforward:\n {6}- Try summarising what you heard before answering\.\n {6}- Next time, you could listen in meetings\.\n$/,
    );
    assert.deepEqual(dialogs, []);
    assert.deepEqual(cspViolations, [], 'the page broke its Content Security Policy');
  });

  it('keeps the draft while the panel is hidden (its page is discarded) and shown again', async () => {
    const { page } = ui();
    await field(panel(page), 'Situation').locator('textarea').pressSequentially('At the Tuesday design review');
    // Opening another file in the panel's editor group hides the panel.
    await quickOpen(page, 'team.mentoring.yaml');
    await quickInputRows(page, 'team.mentoring.yaml').first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: 'team.mentoring.yaml' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(await page.locator('iframe.webview.ready').count(), 0, 'the hidden panel kept its page');
    await page.locator('.tab', { hasText: /^Feedback: feedback-/ }).first().click();
    const situation = field(panel(page), 'Situation').locator('textarea');
    await situation.waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await situation.inputValue(), 'At the Tuesday design review');
  });

  it('keeps the draft across a window reload', async () => {
    const { page } = ui();
    await page.waitForTimeout(500);
    // Reload Window shuts the workbench down properly (state saved), as a user's reload does.
    await runCommand(page, 'Developer: Reload Window');
    await page.waitForTimeout(2_000);
    await waitForWorkbench(page);
    const frame = panel(page);
    const situation = field(frame, 'Situation').locator('textarea');
    await situation.waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await situation.inputValue(), 'At the Tuesday design review');
    await frame.locator('h1', { hasText: /^Edit feedback$/ }).waitFor({ state: 'visible' });
    assert.equal(await field(frame, 'Suggestion 1').locator('textarea').inputValue(), 'Try summarising what you heard before answering.');
  });
});
