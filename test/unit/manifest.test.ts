// The manifest and the code must name the same commands, views and settings: package.json is read
// by VS Code, src/extension/command-ids.ts by our code, and a mismatch fails silently at run time.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES } from '../../src/core/rules/all-rules';
import { ACTIONS_VIEW_ID, COMMANDS, CONFIG_SECTION, DEFAULT_PLAN_GLOB, TREE_VIEW_ID, VIEW_CONTAINER_ID } from '../../src/extension/command-ids';

const root = join(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const contributes = manifest.contributes;

interface MenuItem {
  command: string;
  when?: string;
}

describe('package.json agrees with src/extension/command-ids.ts', () => {
  it('declares exactly the command ids the code registers', () => {
    const declared = (contributes.commands as { command: string }[]).map((c) => c.command).sort();
    assert.deepEqual(declared, Object.values(COMMANDS).sort());
  });

  it('puts every command in the Mentoring category with a localised title', () => {
    for (const command of contributes.commands as { command: string; title: string; category: string }[]) {
      assert.match(command.title, /^%.+%$/, command.command);
      assert.equal(command.category, '%category%', command.command);
    }
    assert.equal(nls.category, 'Mentoring');
  });

  it('uses only declared commands in menus', () => {
    const known = new Set<string>(Object.values(COMMANDS));
    for (const [menu, items] of Object.entries(contributes.menus as Record<string, MenuItem[]>)) {
      for (const item of items) assert.ok(known.has(item.command), `${menu}: ${item.command}`);
    }
  });

  it('declares the tree view in the Mentoring view container, with a welcome view', () => {
    assert.deepEqual(contributes.viewsContainers.activitybar.map((c: { id: string }) => c.id), [VIEW_CONTAINER_ID]);
    assert.deepEqual(contributes.views[VIEW_CONTAINER_ID].map((v: { id: string }) => v.id), [TREE_VIEW_ID, ACTIONS_VIEW_ID]);
    assert.ok(contributes.viewsWelcome.some((w: { view: string; contents: string }) => w.view === TREE_VIEW_ID && nls[w.contents.slice(1, -1)]?.includes(`command:${COMMANDS.newPlan}`)));
  });

  it('has a text in package.nls.json for every %key% in the manifest', () => {
    const keys = JSON.stringify(manifest).match(/"%[^%"]+%"/g) ?? [];
    for (const key of keys) assert.ok(nls[key.slice(2, -2)], `package.nls.json lacks ${key}`);
  });

  it('keeps every setting under mentoringPlan.*, with the defaults the code assumes', () => {
    const properties = contributes.configuration.properties as Record<string, { default: unknown; items?: { enum?: string[] } }>;
    for (const key of Object.keys(properties)) assert.ok(key.startsWith(`${CONFIG_SECTION}.`), key);
    assert.equal(properties[`${CONFIG_SECTION}.planGlob`].default, DEFAULT_PLAN_GLOB);
    assert.equal(properties[`${CONFIG_SECTION}.diagnostics.enabled`].default, true);
  });

  it('offers exactly the rule codes of the core in mentoringPlan.disabledRules', () => {
    const properties = contributes.configuration.properties as Record<string, { items: { enum: string[] } }>;
    assert.deepEqual(properties[`${CONFIG_SECTION}.disabledRules`].items.enum, ALL_RULES.map((rule) => rule.code));
  });

  it('validates plan files against the one schema, and activates on them', () => {
    assert.deepEqual(contributes.yamlValidation, [{ fileMatch: ['*.mentoring.yaml', '*.mentoring.yml'], url: './schemas/mentoring-plan.schema.json' }]);
    assert.ok(manifest.activationEvents.includes('workspaceContains:**/*.mentoring.yaml'));
    assert.ok(manifest.activationEvents.includes('workspaceContains:**/*.mentoring.yml'));
  });

  it('has a monochrome activity bar icon that follows the theme colour', () => {
    const svg = readFileSync(join(root, contributes.viewsContainers.activitybar[0].icon), 'utf8');
    assert.match(svg, /currentColor/);
    assert.doesNotMatch(svg, /#[0-9a-f]{3,8}\b/i);
  });
});

describe('workspace trust and virtual workspaces', () => {
  // The declaration is only honest while the code keeps to it: read it from the sources.
  const sources = ['src/extension', 'src/core', 'src/webview', 'src/protocol'].flatMap((dir) => filesUnder(join(root, dir)));

  it('declares full support in untrusted and virtual workspaces, each with its reason', () => {
    const { untrustedWorkspaces, virtualWorkspaces } = manifest.capabilities as Record<string, { supported: unknown; description: string }>;
    assert.equal(untrustedWorkspaces.supported, true);
    assert.equal(virtualWorkspaces.supported, true);
    assert.match(untrustedWorkspaces.description, /runs nothing from the workspace/);
    assert.match(virtualWorkspaces.description, /file system/);
    assert.ok(manifest.browser, 'a web build, which virtual workspaces (vscode.dev) need');
  });

  it('runs nothing from the workspace: no processes, terminals, tasks, debug sessions or eval', () => {
    assert.ok(sources.length > 20, `${sources.length} source files`);
    const forbidden = /child_process|\bcreateTerminal\b|vscode\.tasks\b|\btasks\.executeTask\b|\bdebug\.startDebugging\b|\beval\(|new Function\(|\bimport\(/;
    for (const file of sources) assert.doesNotMatch(readFileSync(file, 'utf8'), forbidden, file);
  });

  it('touches files only through the VS Code APIs, never Node.js (which a virtual workspace has not)', () => {
    for (const file of sources) assert.doesNotMatch(readFileSync(file, 'utf8'), /from 'node:|from '(fs|path|os)'|require\(/, file);
    assert.ok(sources.some((file) => readFileSync(file, 'utf8').includes('vscode.workspace.fs.readFile')), 'plans are read with workspace.fs');
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));
}
