// Helpers for UI tests (`test/integration/ui/*.ui.ts`). These tests run in the launcher's Node
// process (launch-offline.ts), not in the extension host: they drive the code-server workbench
// through Playwright. Every entry is bundled on its own, so the shared state (the page) travels
// through a global symbol that the launcher sets before mocha loads the UI test files.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

export interface UiContext {
  /** The workbench page, opened on the fixture workspace with this extension under development. */
  page: Page;
  /** Absolute path of the repository (the extension development path). */
  repoRoot: string;
  /** Absolute path of the workspace folder the workbench shows (a scratch copy of the fixture). */
  workspace: string;
  /** Where screenshots go (gitignored `test-results/screenshots/`). */
  screenshotDir: string;
}

const CONTEXT_KEY = Symbol.for('mentoring-plan.ui-context');

export function setUiContext(context: UiContext | undefined): void {
  (globalThis as Record<symbol, unknown>)[CONTEXT_KEY] = context;
}

/** The current UI context; throws when a UI test runs outside launch-offline. */
export function ui(): UiContext {
  const context = (globalThis as Record<symbol, unknown>)[CONTEXT_KEY] as UiContext | undefined;
  if (!context) throw new Error('UI tests need the page from test/integration/launch-offline.ts');
  return context;
}

/** Waits until the workbench chrome (activity bar, side bar, editor area, status bar) is visible. */
export async function waitForWorkbench(page: Page, timeoutMs = 60_000): Promise<void> {
  const parts = ['.monaco-workbench', '.monaco-workbench .part.activitybar', '.monaco-workbench .part.editor', '.monaco-workbench .part.statusbar'];
  for (const selector of parts) await page.locator(selector).first().waitFor({ state: 'visible', timeout: timeoutMs });
}

/** The quick input box (command palette, quick open). */
export function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget .quick-input-box input');
}

/** Rows currently listed by the quick input. */
export function quickInputRows(page: Page, hasText?: string | RegExp): Locator {
  return page.locator('.quick-input-widget .quick-input-list .monaco-list-row', hasText === undefined ? {} : { hasText });
}

/** Opens the quick input with the given text (">" prefix = commands, "view " = views, "" = files). */
export async function quickOpen(page: Page, text: string): Promise<Locator> {
  const input = quickInput(page);
  if (!(await input.isVisible())) {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
  }
  await input.fill(text);
  return input;
}

/** Runs a command by its palette title, as a user would: F1, type the title, pick the row. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await quickOpen(page, `>${title}`);
  const row = quickInputRows(page, title).first();
  await row.waitFor({ state: 'visible', timeout: 10_000 });
  await row.click();
}

/** Opens a view by its name (for example "Mentoring" or "Explorer") through "View: Open View". */
export async function openView(page: Page, name: string): Promise<void> {
  await quickOpen(page, `view ${name}`);
  const row = quickInputRows(page, name).first();
  await row.waitFor({ state: 'visible', timeout: 10_000 });
  await row.click();
}

/** A tree or list row (Explorer, custom tree views) by its visible text. */
export function treeItem(page: Page, label: string | RegExp, within?: Locator): Locator {
  return (within ?? page).locator('.monaco-list-row', { hasText: label }).first();
}

/** Expands a collapsed tree row (no-op when it is already expanded). */
export async function expandTreeItem(page: Page, label: string | RegExp, within?: Locator): Promise<Locator> {
  const row = treeItem(page, label, within);
  await row.waitFor({ state: 'visible', timeout: 10_000 });
  if ((await row.getAttribute('aria-expanded')) === 'false') {
    await row.click();
    const deadline = Date.now() + 5_000;
    while ((await row.getAttribute('aria-expanded')) !== 'true') {
      if (Date.now() > deadline) assert.fail(`tree item ${String(label)} did not expand`);
      await page.waitForTimeout(100);
    }
  }
  return row;
}

/** Saves a PNG of the whole page as `test-results/screenshots/<name>.png`; returns its path. */
export async function screenshot(name: string, page: Page = ui().page): Promise<string> {
  const dir = ui().screenshotDir;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name.replace(/[^\w.-]+/g, '-')}${name.endsWith('.png') ? '' : '.png'}`);
  await page.screenshot({ path });
  return path;
}

/** Asserts that `path` is a non-empty PNG and returns its pixel size. */
export function assertPng(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.ok(bytes.length > 33, `${path} is empty or truncated (${bytes.length} bytes)`);
  assert.ok(bytes.subarray(0, 8).equals(signature), `${path} is not a PNG`);
  assert.equal(bytes.toString('latin1', 12, 16), 'IHDR', `${path} has no IHDR chunk`);
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  assert.ok(width > 0 && height > 0, `${path} has no pixels (${width}x${height})`);
  return { width, height };
}
