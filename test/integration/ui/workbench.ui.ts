// UI smoke test: the workbench loads on the fixture workspace and can be captured.
import * as assert from 'node:assert/strict';
import { assertPng, screenshot, treeItem, ui, waitForWorkbench } from './helpers';

describe('workbench (UI)', () => {
  it('loads and is captured as workbench.png', async () => {
    const { page } = ui();
    await waitForWorkbench(page);
    const { width, height } = assertPng(await screenshot('workbench'));
    assert.ok(width >= 800 && height >= 600, `unexpected screenshot size ${width}x${height}`);
  });

  it('shows the fixture plan in the Explorer', async () => {
    const { page } = ui();
    await treeItem(page, 'team.mentoring.yaml', page.locator('.explorer-folders-view')).waitFor({ state: 'visible', timeout: 20_000 });
  });
});
