// The feedback editor inside a real VS Code: open the panel for a plan, drive it through its
// protocol messages (the extension's API hands out the panels), save, and check the plan's text.
// The plan is a scratch file outside the workspace, so the other suites, which count the workspace's plans, never see it.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { FeedbackDraft, InitMessage } from '../../src/protocol/feedback-editor';
import type { FeedbackEditorPanel } from '../../src/extension/feedback-editor/panel';
import type { MentoringPlanApi, MentoringPlanTestApi } from '../../src/extension/services';
import { waitFor as waitForShared } from './extension-support';
import { findRepoRoot } from './support/paths';

const EXTENSION_ID = 'mentoring-plan.mentoring-plan';
const HOSTILE = '<img src=x onerror=alert(1)>';

// The shared plan with an HTML goal title, plus a hand-written feedback entry with comments to keep.
const PLAN = `${readFileSync(join(findRepoRoot(__dirname), 'test/fixtures/plans/hostile-goal.mentoring.yaml'), 'utf8')}feedback:
  # Written by hand after the dry run.
  - id: first-dry-run
    date: 2025-02-03
    from: mentor
    goal: public-speaking
    situation: Dry run of the meetup talk # kept as written
    behavior: Opened with a question to the audience
    impact: Everyone leaned in
    feedforward:
      - Next time, pause a moment after the question before answering it.
`;

const DRAFT: FeedbackDraft = {
  from: 'protege',
  date: '2025-03-01',
  goal: 'public-speaking',
  session: 'kickoff',
  situation: 'In the kickoff session',
  behavior: 'You asked three questions before suggesting anything',
  impact: 'I found my own goal',
  feedforward: ['Keep asking first in the next sessions.', ''],
};

const NEW_ENTRY = `  - id: feedback-2025-03-01-public-speaking
    date: 2025-03-01
    from: protege
    goal: public-speaking
    session: kickoff
    situation: In the kickoff session
    behavior: You asked three questions before suggesting anything
    impact: I found my own goal
    feedforward:
      - Keep asking first in the next sessions.
`;

let api: MentoringPlanTestApi;
let scratch: string;
let planUri: vscode.Uri;

/** The panel's webview takes longer to answer than the rest of the extension: a longer default wait. */
const waitFor = <T>(probe: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> => waitForShared(probe, what, timeoutMs);

async function planDocument(): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(planUri);
}

/** Replaces the whole document text (as another editor or a git pull would). */
async function setText(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'could not replace the plan text');
}

/**
 * The newest panel, once its page has loaded: the webview's script (running under the CSP) posts
 * `ready` by itself and the extension answers with `init`.
 */
async function lastPanel(): Promise<FeedbackEditorPanel> {
  const panel = await waitFor(() => api.testing.feedbackEditor.panels().at(-1), 'a feedback editor panel');
  await waitFor(() => panel.posted.some((message) => message.type === 'init'), 'the webview to post ready and receive init', 20_000);
  return panel;
}

/** Sends `ready` again (as a reloaded webview would) and returns the `init` it gets back. */
async function initOf(panel: FeedbackEditorPanel): Promise<InitMessage> {
  const before = panel.posted.length;
  await api.testing.feedbackEditor.simulateMessage(panel.id, { type: 'ready' });
  const init = panel.posted.slice(before).find((message): message is InitMessage => message.type === 'init');
  assert.ok(init, 'no init message after ready');
  return init;
}

function lastReply(panel: FeedbackEditorPanel): { type: string; [key: string]: unknown } | undefined {
  return [...panel.posted].reverse().find((message) => message.type === 'saved' || message.type === 'error') as { type: string } | undefined;
}

async function closePanels(): Promise<void> {
  for (const panel of api.testing.feedbackEditor.panels()) panel.webviewPanel.dispose();
}

describe('feedback editor (extension host)', function () {
  this.timeout(30_000);

  before(async () => {
    const extension = vscode.extensions.getExtension<MentoringPlanApi | MentoringPlanTestApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    const exports = await extension.activate();
    // The hooks exist only because VS Code runs the extension under test (main.ts).
    assert.ok('testing' in exports, 'the extension exposes no test hooks in a test run');
    api = exports;
    scratch = mkdtempSync(join(tmpdir(), 'feedback-editor-'));
    const path = join(scratch, 'pair.mentoring.yaml');
    writeFileSync(path, PLAN);
    planUri = vscode.Uri.file(path);
  });

  beforeEach(async () => {
    const document = await planDocument();
    if (document.getText() !== PLAN) await setText(document, PLAN);
    await vscode.window.showTextDocument(document);
    api.testing.feedbackEditor.setPrompts(undefined);
  });

  afterEach(closePanels);

  after(async () => {
    const document = await planDocument();
    await setText(document, PLAN);
    await document.save();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(scratch, { recursive: true, force: true });
    // The scratch plan stays in the store until VS Code closes its document, minutes after the
    // last editor (documents an extension opened are kept): waiting for that here used to time
    // out every run, silently. Suites after this one count only the workspace's plans instead
    // (extension-support.ts workspacePlans, and the filter in commands.test.ts).
  });

  it('opens from a goal with the plan goals and sessions as plain options', async () => {
    await vscode.commands.executeCommand('mentoringPlan.writeFeedback', { uri: planUri, goalId: 'public-speaking' });
    const panel = await lastPanel();
    assert.equal(panel.webviewPanel.viewType, 'mentoringPlan.feedbackEditor');
    const init = await initOf(panel);
    assert.equal(init.planUri, planUri.toString());
    assert.equal(init.feedbackId, undefined);
    assert.equal(init.draft.goal, 'public-speaking');
    assert.deepEqual(init.goals, [
      { id: 'public-speaking', label: 'Give a talk at the team meetup' },
      { id: 'hostile', label: HOSTILE },
    ]);
    assert.deepEqual(init.sessions, [{ id: 'kickoff', label: '2025-01-06 · kickoff — kickoff' }]);
    assert.equal(init.mentorName, 'Grace Hopper');
    // The page itself is a shell: no plan text is in the HTML, only the nonce'd script under a strict CSP.
    const html = panel.webviewPanel.webview.html;
    assert.ok(!html.includes('img src=x'), 'plan text leaked into the HTML');
    assert.match(html, /default-src 'none'; style-src [^;]+; script-src 'nonce-[0-9a-f]{36}';/);
  });

  it('opens from a goal node of the Mentoring tree', async () => {
    const roots = await api.tree.getChildren();
    const plan = roots.find((node) => node.uri.toString() === planUri.toString());
    assert.ok(plan, 'the open scratch plan is in the tree');
    const groups = await api.tree.getChildren(plan);
    const goalsNode = groups.find((node) => node.kind === 'goals');
    assert.ok(goalsNode);
    const goal = (await api.tree.getChildren(goalsNode)).find((node) => node.kind !== 'folder' && node.goalId === 'hostile');
    assert.ok(goal);
    await vscode.commands.executeCommand('mentoringPlan.writeFeedback', goal);
    const init = await initOf(await lastPanel());
    assert.equal(init.draft.goal, 'hostile');
    assert.equal(init.draft.session, '');
  });

  it('opened from a session, links the session and its only goal', async () => {
    await vscode.commands.executeCommand('mentoringPlan.writeFeedback', { uri: planUri, sessionId: 'kickoff' });
    const init = await initOf(await lastPanel());
    assert.equal(init.draft.session, 'kickoff');
    assert.equal(init.draft.goal, 'public-speaking');
  });

  it('saves new feedback at the end of the list, keeping every other line, and reveals it', async () => {
    await vscode.commands.executeCommand('mentoringPlan.writeFeedback', { uri: planUri });
    const panel = await lastPanel();
    await initOf(panel);
    await api.testing.feedbackEditor.simulateMessage(panel.id, { type: 'save', draft: DRAFT });
    const document = await planDocument();
    assert.equal(document.getText(), PLAN + NEW_ENTRY);
    assert.ok(document.isDirty, 'the edit goes through the editor (undoable), not straight to disk');
    const reply = lastReply(panel);
    assert.equal(reply?.type, 'saved');
    assert.equal(reply?.feedbackId, 'feedback-2025-03-01-public-speaking');
    assert.equal(panel.feedbackId, 'feedback-2025-03-01-public-speaking');
    const editor = await waitFor(() => vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === planUri.toString()), 'the plan editor');
    assert.equal(editor.selection.active.line, PLAN.split('\n').length - 1, 'the new entry is revealed');

    // Saving again updates the entry it wrote instead of adding another.
    await api.testing.feedbackEditor.simulateMessage(panel.id, { type: 'save', draft: { ...DRAFT, impact: 'I found my own goal, and a second one' } });
    assert.equal(document.getText(), PLAN + NEW_ENTRY.replace('impact: I found my own goal', 'impact: I found my own goal, and a second one'));

    // Undo takes the feedback back out.
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), PLAN);
  });

  it('starts "from" as my side when mentoringPlan.me names it for the plan, and saves it; the mentor otherwise', async () => {
    const config = vscode.workspace.getConfiguration('mentoringPlan');
    const before = config.inspect('me')?.globalValue;
    const fill = (draft: FeedbackDraft): FeedbackDraft => ({ ...draft, date: '2025-03-01', goal: '', session: '', feedforward: ['Keep asking first.'] });
    try {
      // Nobody said which side I am (the plan has no e-mails to match): the mentor, as before.
      await config.update('me', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('mentoringPlan.writeFeedback', { uri: planUri });
      assert.equal((await initOf(await lastPanel())).draft.from, 'mentor');
      await closePanels();

      await config.update('me', { [vscode.workspace.asRelativePath(planUri, false)]: 'protege' }, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('mentoringPlan.writeFeedback', { uri: planUri });
      const panel = await lastPanel();
      // The first init, the one the page rendered, already says so.
      const first = panel.posted.find((message): message is InitMessage => message.type === 'init');
      assert.equal(first?.draft.from, 'protege');
      await api.testing.feedbackEditor.simulateMessage(panel.id, { type: 'save', draft: fill(first.draft) });
      assert.equal(lastReply(panel)?.type, 'saved');
      assert.equal((await planDocument()).getText(), `${PLAN}  - id: feedback-2025-03-01\n    date: 2025-03-01\n    from: protege\n    feedforward:\n      - Keep asking first.\n`);

      // Editing an entry keeps the entry's own "from", whatever my side.
      await vscode.commands.executeCommand('mentoringPlan.editFeedback', { uri: planUri, feedbackId: 'first-dry-run' });
      assert.equal((await initOf(await lastPanel())).draft.from, 'mentor');
    } finally {
      await config.update('me', before, vscode.ConfigurationTarget.Global);
    }
  });

  it('gives a second entry for the same day and goal a unique id', async () => {
    const document = await planDocument();
    for (const expected of ['feedback-2025-03-01-public-speaking', 'feedback-2025-03-01-public-speaking-2']) {
      await vscode.commands.executeCommand('mentoringPlan.writeFeedback', { uri: planUri });
      const panel = await lastPanel();
      await api.testing.feedbackEditor.simulateMessage(panel.id, { type: 'save', draft: DRAFT });
      assert.equal(lastReply(panel)?.feedbackId, expected);
    }
    assert.equal(document.getText().match(/^ {2}- id: feedback-2025-03-01/gm)?.length, 2);
    const noGoal = await vscode.commands.executeCommand<FeedbackEditorPanel>('mentoringPlan.writeFeedback', { uri: planUri });
    assert.ok(noGoal);
    await api.testing.feedbackEditor.simulateMessage(noGoal.id, { type: 'save', draft: { ...DRAFT, goal: '', session: '' } });
    assert.equal(lastReply(noGoal)?.feedbackId, 'feedback-2025-03-01');
  });

  it('edits an existing entry in place: only changed fields, comments kept', async () => {
    await vscode.commands.executeCommand('mentoringPlan.editFeedback', { uri: planUri, feedbackId: 'first-dry-run' });
    const panel = await lastPanel();
    const init = await initOf(panel);
    assert.equal(init.feedbackId, 'first-dry-run');
    assert.deepEqual(init.draft, {
      from: 'mentor',
      date: '2025-02-03',
      goal: 'public-speaking',
      session: '',
      situation: 'Dry run of the meetup talk',
      behavior: 'Opened with a question to the audience',
      impact: 'Everyone leaned in',
      feedforward: ['Next time, pause a moment after the question before answering it.'],
    });
    const draft: FeedbackDraft = { ...init.draft, impact: 'Everyone leaned in and asked questions after', feedforward: [...init.draft.feedforward, 'Try a show of hands to open the next talk.'] };
    await api.testing.feedbackEditor.simulateMessage(panel.id, { type: 'save', draft });
    assert.equal(lastReply(panel)?.type, 'saved');
    const expected = PLAN.replace('    impact: Everyone leaned in\n', '    impact: Everyone leaned in and asked questions after\n').replace(
      'answering it.\n',
      'answering it.\n      - Try a show of hands to open the next talk.\n',
    );
    assert.equal((await planDocument()).getText(), expected);
  });

  it('applies to the current text when the plan changed elsewhere since the panel opened', async () => {
    await vscode.commands.executeCommand('mentoringPlan.editFeedback', { uri: planUri, feedbackId: 'first-dry-run' });
    const panel = await lastPanel();
    const init = await initOf(panel);
    // Meanwhile the other person adds a goal above the feedback and a comment at the top.
    const document = await planDocument();
    const changed = `# Reviewed in PR #12\n${PLAN.replace('sessions:\n', '  - id: code-review\n    title: Review pull requests\n    status: proposed\nsessions:\n')}`;
    await setText(document, changed);
    let asked = false;
    api.testing.feedbackEditor.setPrompts({ confirmOverwrite: async () => (asked = true), confirmRecreate: async () => false });
    await api.testing.feedbackEditor.simulateMessage(panel.id, { type: 'save', draft: { ...init.draft, behavior: 'Opened with a question' } });
    assert.equal(asked, false, 'the entry itself did not change, so there is nothing to confirm');
    assert.equal(document.getText(), changed.replace('behavior: Opened with a question to the audience', 'behavior: Opened with a question'));
  });

  it('asks before overwriting an entry someone else changed, and keeps their change on Cancel', async () => {
    await vscode.commands.executeCommand('mentoringPlan.editFeedback', { uri: planUri, feedbackId: 'first-dry-run' });
    const panel = await lastPanel();
    const init = await initOf(panel);
    const document = await planDocument();
    const theirs = PLAN.replace('impact: Everyone leaned in', 'impact: Everyone leaned in, even the quiet ones');
    await setText(document, theirs);

    const questions: string[] = [];
    api.testing.feedbackEditor.setPrompts({ confirmOverwrite: async (id) => (questions.push(id), false), confirmRecreate: async () => false });
    await api.testing.feedbackEditor.simulateMessage(panel.id, { type: 'save', draft: { ...init.draft, behavior: 'Opened with a question' } });
    assert.deepEqual(questions, ['first-dry-run']);
    assert.equal(lastReply(panel)?.type, 'error');
    assert.equal(document.getText(), theirs, 'Cancel leaves the plan as the other person wrote it');

    api.testing.feedbackEditor.setPrompts({ confirmOverwrite: async (id) => (questions.push(id), true), confirmRecreate: async () => false });
    await api.testing.feedbackEditor.simulateMessage(panel.id, { type: 'save', draft: { ...init.draft, behavior: 'Opened with a question' } });
    assert.equal(lastReply(panel)?.type, 'saved');
    assert.equal(document.getText(), PLAN.replace('behavior: Opened with a question to the audience', 'behavior: Opened with a question'));
  });

  it('offers to save as a new entry when the edited one was removed', async () => {
    await vscode.commands.executeCommand('mentoringPlan.editFeedback', { uri: planUri, feedbackId: 'first-dry-run' });
    const panel = await lastPanel();
    const init = await initOf(panel);
    const document = await planDocument();
    await setText(document, PLAN.slice(0, PLAN.indexOf('feedback:\n')));
    api.testing.feedbackEditor.setPrompts({ confirmOverwrite: async () => false, confirmRecreate: async () => true });
    await api.testing.feedbackEditor.simulateMessage(panel.id, { type: 'save', draft: init.draft });
    assert.equal(lastReply(panel)?.type, 'saved');
    assert.equal(lastReply(panel)?.feedbackId, 'feedback-2025-02-03-public-speaking');
    assert.match(document.getText(), /feedback:\n {2}- id: feedback-2025-02-03-public-speaking\n/);
  });

  it('ignores messages that do not match the protocol, and refuses drafts without feedforward', async () => {
    await vscode.commands.executeCommand('mentoringPlan.writeFeedback', { uri: planUri });
    const panel = await lastPanel();
    await initOf(panel);
    const before = panel.posted.length;
    const hostile: unknown[] = [
      null,
      'save',
      { type: 'save' },
      { type: 'save', draft: { ...DRAFT, from: 'boss' } },
      { type: 'save', draft: { ...DRAFT, goal: '../../etc' } },
      { type: 'save', draft: { ...DRAFT, feedforward: 'not a list' } },
      { type: 'save', draft: { ...DRAFT, situation: 'x'.repeat(100_000) } },
      { type: 'save', draft: { ...DRAFT, extra: true } },
      { type: 'eval', code: 'alert(1)' },
    ];
    for (const message of hostile) await api.testing.feedbackEditor.simulateMessage(panel.id, message);
    assert.equal(panel.posted.length, before, 'no reply to a malformed message');
    assert.equal((await planDocument()).getText(), PLAN);

    await api.testing.feedbackEditor.simulateMessage(panel.id, { type: 'save', draft: { ...DRAFT, feedforward: ['  ', ''] } });
    assert.equal(lastReply(panel)?.type, 'error');
    assert.equal((await planDocument()).getText(), PLAN);
  });

  it('closes on cancel without touching the plan', async () => {
    await vscode.commands.executeCommand('mentoringPlan.writeFeedback', { uri: planUri });
    const panel = await lastPanel();
    await api.testing.feedbackEditor.simulateMessage(panel.id, { type: 'cancel' });
    assert.ok(!api.testing.feedbackEditor.panels().includes(panel));
    assert.equal((await planDocument()).getText(), PLAN);
  });

  it('shows Write feedback above the feedback key and Edit feedback above each entry', async () => {
    const found = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', planUri)) ?? [];
    const ours = found
      .filter((lens) => lens.command?.command.startsWith('mentoringPlan.'))
      .map((lens) => {
        const args = lens.command?.arguments?.[0] as { uri?: vscode.Uri; feedbackId?: string } | undefined;
        return [lens.range.start.line, lens.command?.title, lens.command?.command, String(args?.uri), args?.feedbackId];
      });
    const lines = PLAN.split('\n');
    assert.deepEqual(ours, [
      [lines.indexOf('feedback:'), 'Write feedback', 'mentoringPlan.writeFeedback', planUri.toString(), undefined],
      [lines.indexOf('  - id: first-dry-run'), 'Edit feedback', 'mentoringPlan.editFeedback', planUri.toString(), 'first-dry-run'],
    ]);
  });
});
