// UI: the "Start a Mentorship" walkthrough as a user opens it from the palette. Its steps are ticked
// by the context keys the extension sets from the fixture plans (onContext completion events), which
// only VS Code itself evaluates, so this is where that wiring is checked. The screenshot
// (walkthrough.png) is the README's picture of it.
import * as assert from 'node:assert/strict';
import { assertPng, quickInputRows, runCommand, screenshot, ui, waitForWorkbench } from './helpers';

// The fixture workspace's plans: team.mentoring.yaml has a full agreement, a stretch goal, a held
// kick-off and feedback; nothing there pushes a branch or opens a pull request.
const EXPECTED: [title: string, checked: boolean][] = [
  ['Create your plan', true],
  ['Agree how you work together', true],
  ['Set a stretch goal', true],
  ['Hold the kick-off', true],
  ['Write feedback', true],
  ['Open the pull request', false],
];

describe('walkthrough (UI)', () => {
  it('opens from the palette with the steps the fixture plans completed ticked', async function () {
    this.timeout(180_000);
    // A window of its own on the same folder, as a pair opening it sees the walkthrough. In the page
    // the other UI tests share, after they had used the Mentoring view, VS Code showed no step
    // ticked although the extension had set the keys (not understood yet; see the issue note).
    const shared = ui().page;
    const page = await shared.context().newPage();
    try {
      await page.setViewportSize(shared.viewportSize() ?? { width: 1440, height: 900 });
      await page.goto(shared.url(), { timeout: 120_000 });
      await waitForWorkbench(page);
      await runCommand(page, 'Welcome: Open Walkthrough...');
      const row = quickInputRows(page, 'Start a Mentorship').first();
      await row.waitFor({ state: 'visible', timeout: 20_000 });
      await row.click();
      const steps = page.locator('button.getting-started-step');
      await steps.filter({ hasText: EXPECTED[0][0] }).first().waitFor({ state: 'visible', timeout: 20_000 });
      for (const [title, checked] of EXPECTED) {
        const step = steps.filter({ hasText: title }).first();
        await step.waitFor({ state: 'visible', timeout: 10_000 });
        // Context keys reach the page once the store has scanned the plans (slow on a loaded machine): wait up to 30 s.
        for (const deadline = Date.now() + 30_000; (await step.getAttribute('aria-checked')) !== String(checked) && Date.now() < deadline; ) await page.waitForTimeout(100);
        assert.equal(await step.getAttribute('aria-checked'), String(checked), `step “${title}”`);
      }
      // Show the first step's picture, as a user who starts from the top would see it.
      await steps.filter({ hasText: EXPECTED[0][0] }).first().click();
      await page.locator('.getting-started-media img').first().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => undefined);
      assertPng(await screenshot('walkthrough', page));
    } finally {
      await page.close();
    }
  });
});
