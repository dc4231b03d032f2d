// Issue 11 in the real VS Code: Record Health Check-in, Pause / Resume / Close Mentorship, Add
// Health-Check Session, and an achieved goal's evidence. Each: the exact plan text afterwards,
// undo back to the saved text, and what the tree and the status bar show.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { defaultAgenda } from '../../src/core/agenda';
import { parsePlan } from '../../src/core/parse';
import type { Plan } from '../../src/core/plan';
import { nextSessionDate } from '../../src/core/plan-facts';
import type { MentoringPlanApi } from '../../src/extension/services';
import { todayIso } from '../../src/extension/today';
import { api, children, descend, openPlan, plainTooltip, planNode, undoUntil, waitFor, workspacePlans } from './extension-support';

const iconOf = (item: vscode.TreeItem) => (item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined);

/** Inserts `lines` before the line equal to `before`. */
function insertBefore(text: string, before: string, lines: string): string {
  const at = text.indexOf(`\n${before}\n`);
  assert.notEqual(at, -1, `no line ${before}`);
  return `${text.slice(0, at + 1)}${lines}${text.slice(at + 1)}`;
}

describe('relationship over time (issue 11)', () => {
  let mentoring: MentoringPlanApi;
  let team: vscode.TextDocument;
  let problems: vscode.TextDocument;
  let teamText: string;
  let problemsText: string;

  before(async () => {
    mentoring = await api();
  });

  beforeEach(async () => {
    ({ document: problems } = await openPlan('problems.mentoring.yaml'));
    problemsText = problems.getText();
    ({ document: team } = await openPlan('team.mentoring.yaml'));
    teamText = team.getText();
  });

  afterEach(async () => {
    // First, so that a failed undo below cannot leave a side set for the suites after this one.
    const config = vscode.workspace.getConfiguration('mentoringPlan');
    if (config.inspect('me')?.globalValue !== undefined) await config.update('me', undefined, vscode.ConfigurationTarget.Global);
    await undoUntil(team, teamText);
    await undoUntil(problems, problemsText);
    // The dirty flag reaches the extension host after the text: wait for it rather than race it.
    await waitFor(() => !team.isDirty && !problems.isDirty, 'undo to bring back the saved state');
  });

  /** The plan row's description once the tree has caught up with the edit. */
  async function teamRow(expected: RegExp) {
    return waitFor(async () => {
      const row = await planNode(mentoring.tree, 'team.mentoring.yaml');
      return expected.test(row.description) && row;
    }, `the team plan row to match ${expected}`);
  }

  it('shows the health trend of both sides on the plan row', async () => {
    const row = await teamRow(/^active · health mentor ▆ 4\/5, protégé █ 5\/5 · team\.mentoring\.yaml$/);
    assert.match(plainTooltip(row.item), /\*Relationship:\* health mentor ▆ 4\/5, protégé █ 5\/5/);
  });

  it('Record Health Check-in writes my rating, and a low one raises the warning with a health-check row', async () => {
    assert.equal(await vscode.commands.executeCommand('mentoringPlan.recordHealthCheckin', { uri: team.uri, sessionId: 'kickoff', side: 'mentor', score: 2, note: 'We keep skipping the agenda' }), true);
    assert.equal(team.getText(), teamText.replace('    health:\n      mentor: 4\n      protege: 5\n', '    health:\n      mentor: 2\n      protege: 5\n      note: We keep skipping the agenda\n'));
    const row = await teamRow(/health mentor ▂ 2\/5, protégé █ 5\/5/);
    assert.equal(iconOf(row.item), 'warning');
    assert.match(plainTooltip(row.item), /\*Health declining:\* The mentor rated the relationship 2 of 5/);
    const rows = await children(mentoring.tree, row.node);
    assert.deepEqual(
      rows.map((child) => [child.label, child.item.contextValue]),
      [
        ['Relationship health is declining', 'relationship.healthDeclining'],
        ['Agreement', 'agreement'],
        ['Goals', 'goals'],
        ['Sessions', 'sessions'],
      ],
    );
    // The row's action: a health-check session with the bank's questions, on the next date by cadence.
    const date = nextSessionDate(parsePlan(team.getText()).value as Plan, todayIso());
    const before = team.getText();
    assert.equal(await vscode.commands.executeCommand('mentoringPlan.addHealthCheckSession', rows[0].node), true);
    const agenda = defaultAgenda('health-check').map((question) => `      - ${question}\n`).join('');
    assert.equal(team.getText(), insertBefore(before, 'feedback:', `  - id: health-check-${date}\n    date: ${date}\n    type: health-check\n    agenda:\n${agenda}`));
  });

  it('Record Health Check-in takes my side from the setting mentoringPlan.me, and records only mine', async () => {
    const config = vscode.workspace.getConfiguration('mentoringPlan');
    await config.update('me', { 'team.mentoring.yaml': 'protege' }, vscode.ConfigurationTarget.Global);
    try {
      assert.equal(await vscode.commands.executeCommand('mentoringPlan.recordHealthCheckin', { uri: team.uri, sessionId: 'kickoff', score: 3, note: '' }), true);
    } finally {
      await config.update('me', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.equal(team.getText(), teamText.replace('      mentor: 4\n      protege: 5\n', '      mentor: 4\n      protege: 3\n'));
    await teamRow(/health mentor ▆ 4\/5, protégé ▄ 3\/5/);
  });

  it('Pause and Resume set the status; a paused plan is marked, sorted below active ones, and its overdue action stops counting', async () => {
    assert.equal(await waitFor(() => mentoring.statusBarText(), 'the status bar'), '$(warning) 1 overdue action');
    assert.equal(await vscode.commands.executeCommand('mentoringPlan.pauseMentorship', { uri: team.uri }), true);
    assert.equal(team.getText(), teamText.replace('  status: active\n', '  status: paused\n'));
    const paused = await teamRow(/^paused · /);
    assert.equal(iconOf(paused.item), 'debug-pause');
    assert.match(plainTooltip(paused.item), /\*Paused:\* no cadence or overdue warnings until you resume/);
    // problems.mentoring.yaml (active) first; then the paused plans in the store's order.
    assert.deepEqual((await workspacePlans(mentoring.tree)).map((plan) => plan.label), ['Lin and Sam', 'Noor Ali and Kim Park', 'Ada and Grace']);

    assert.equal(await vscode.commands.executeCommand('mentoringPlan.pauseMentorship', { uri: problems.uri }), true);
    assert.equal(problems.getText(), problemsText.replace('  status: active\n', '  status: paused\n'));
    // Its overdue action no longer counts. (The text then depends on the other suites' plans in the store:
    // "Mentoring paused" shows only when every plan is paused or closed.)
    await waitFor(() => !mentoring.statusBarText()?.startsWith('$(warning)'), `the overdue count to go (now "${mentoring.statusBarText()}")`);
    assert.ok(!vscode.languages.getDiagnostics(problems.uri).some((diagnostic) => diagnostic.code === 'overdue-action'), 'no overdue warning while paused');

    assert.equal(await vscode.commands.executeCommand('mentoringPlan.resumeMentorship', { uri: problems.uri }), true);
    assert.equal(problems.getText(), problemsText);
    await waitFor(() => mentoring.statusBarText() === '$(warning) 1 overdue action', 'the overdue count to come back');
    assert.equal(await vscode.commands.executeCommand('mentoringPlan.pauseMentorship', { uri: team.uri }), false, 'pausing a paused plan changes nothing');
  });

  it('Close Mentorship adds the closure session, the closure and the closed status; the plan is shown closed, last', async () => {
    const args = { uri: team.uri, outcome: 'goals-met', retrospective: ['Questions before answers worked', ' '], date: '2025-07-04' };
    assert.equal(await vscode.commands.executeCommand('mentoringPlan.closeMentorship', args), true);
    const closure = '  closure:\n    date: 2025-07-04\n    outcome: goals-met\n    retrospective:\n      - Questions before answers worked\n';
    const agenda = defaultAgenda('closure').map((question) => `      - ${question}\n`).join('');
    let expected = teamText.replace('  status: active\n', '  status: closed\n');
    expected = insertBefore(expected, 'goals:', closure);
    expected = insertBefore(expected, 'feedback:', `  - id: closure-2025-07-04\n    date: 2025-07-04\n    type: closure\n    agenda:\n${agenda}`);
    assert.equal(team.getText(), expected);
    const closed = await teamRow(/^closed · /);
    assert.equal(iconOf(closed.item), 'archive');
    const labels = (await workspacePlans(mentoring.tree)).map((plan) => plan.label);
    assert.equal(labels[labels.length - 1], 'Ada and Grace');
    assert.equal(await vscode.commands.executeCommand('mentoringPlan.closeMentorship', args), false, 'closing twice changes nothing');
    // One undo takes the whole close back.
    await vscode.commands.executeCommand('undo');
    assert.equal(team.getText(), teamText);
  });

  it('a plan whose goals are all settled offers Close Mentorship in a row', async () => {
    for (const goalId of ['public-speaking', 'code-review']) {
      assert.equal(await vscode.commands.executeCommand('mentoringPlan.setGoalStatus', { uri: team.uri, goalId, status: 'dropped' }), true);
    }
    const row = await teamRow(/^active/);
    const ready = await waitFor(async () => (await children(mentoring.tree, (await planNode(mentoring.tree, 'team.mentoring.yaml')).node)).find((child) => child.label === 'Ready to close'), 'the Ready to close row');
    assert.equal(ready.item.contextValue, 'relationship.readyToClose');
    assert.ok(row);
  });

  it('Set Goal Status to achieved records the evidence of transfer; one without evidence is marked in the tree', async () => {
    assert.equal(await vscode.commands.executeCommand('mentoringPlan.setGoalStatus', { uri: team.uri, goalId: 'code-review', status: 'achieved', evidence: 'I reviewed three pull requests this week' }), true);
    assert.equal(team.getText(), teamText.replace('    kind: objective\n    status: proposed\n', '    kind: objective\n    status: achieved\n    evidence:\n      - I reviewed three pull requests this week\n'));
    await undoUntil(team, teamText);
    assert.equal(await vscode.commands.executeCommand('mentoringPlan.setGoalStatus', { uri: team.uri, goalId: 'code-review', status: 'achieved', evidence: '' }), true);
    assert.equal(team.getText(), teamText.replace('    kind: objective\n    status: proposed\n', '    kind: objective\n    status: achieved\n'));
    const goal = await waitFor(async () => {
      const found = await descend(mentoring.tree, await planNode(mentoring.tree, 'team.mentoring.yaml'), ['Goals', 'Review pull requests with confidence']);
      return found.description === 'achieved · no evidence yet' && found;
    }, 'the goal to show it has no evidence');
    assert.match(plainTooltip(goal.item), /\*Evidence:\* none yet: where has this shown up in your daily work\?/);
  });
});
