// New Mentoring Plan asks for the agreement (each part with a default Enter accepts) and adds a
// kick-off session from the question bank; Escape writes nothing. The walkthrough for a new pair
// opens, and its step context keys follow the workspace's plans.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { defaultAgenda } from '../../src/core/agenda';
import type { MentoringPlanTestApi } from '../../src/extension/services';
import { todayIso } from '../../src/extension/today';
import { api, waitFor, workspaceUri } from './extension-support';

/** Runs `command` and keeps doing `step` (accept or close the open prompt, as Enter or Escape would) until the command returns. */
async function answerPrompts<T>(command: Thenable<T>, step: 'workbench.action.acceptSelectedQuickOpenItem' | 'workbench.action.closeQuickOpen'): Promise<{ result: T; prompts: number }> {
  let settled = false;
  let prompts = 0;
  const done = Promise.resolve(command).finally(() => (settled = true));
  await waitFor(
    async () => {
      if (!settled) {
        await vscode.commands.executeCommand(step);
        prompts++;
      }
      return settled;
    },
    'the prompts to be answered',
    30_000,
  );
  return { result: await done, prompts };
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

describe('New Mentoring Plan: agreement and kick-off', function () {
  this.timeout(90_000);
  let mentoring: MentoringPlanTestApi;

  before(async () => {
    mentoring = (await api()) as MentoringPlanTestApi;
  });

  it('accepting every suggested answer writes the default agreement and a kick-off of bank questions, with nothing in Problems', async () => {
    const uri = workspaceUri('defaults-pair.mentoring.yaml');
    const today = todayIso();
    try {
      const { result } = await answerPrompts(vscode.commands.executeCommand<vscode.Uri>('mentoringPlan.newPlan', { uri, mentor: 'Grace Hopper', protege: 'Alan Turing' }), 'workbench.action.acceptSelectedQuickOpenItem');
      assert.equal(result?.toString(), uri.toString());
      const agenda = defaultAgenda('kickoff').map((question) => `      - ${question}\n`).join('');
      const expected = [
        '# Mentoring plan. Edit it together; review changes in pull requests.',
        '# Private notes never go in this file.',
        'schemaVersion: 1',
        '',
        'mentorship:',
        '  title: Alan Turing and Grace Hopper',
        '  mentor:',
        '    name: Grace Hopper',
        '  protege:',
        '    name: Alan Turing',
        `  started: ${today}`,
        '  cadence: biweekly',
        '  status: active',
        '  agreement:',
        '    roles:',
        '      mentor:',
        '        - Come to each session with questions rather than answers',
        '        - Give candid feedback focused on what comes next',
        '      protege:',
        '        - Bring the goals and questions that matter to me',
        '        - Follow through on my actions, or say early when I cannot',
        '    confidentiality: What we discuss stays between us, except where safety or the law requires otherwise.',
        '    endWhen: When the goals are met, or when either of us asks for a no-fault conclusion.',
        '',
        'goals: []',
        '',
        'sessions:',
        `  - id: kickoff-${today}`,
        `    date: ${today}`,
        '    type: kickoff',
        '    agenda:',
        '',
      ].join('\n') + agenda;
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), expected);
      assert.equal(vscode.window.activeTextEditor?.document.getText(), expected);
      assert.equal(defaultAgenda('kickoff').length, 4, 'one question for each kick-off stage');
      // Problems: the plan is in the store and checked, and nothing is reported for it, by us or anyone.
      const entry = await waitFor(() => mentoring.store.get(uri), 'the new plan in the store', 10_000);
      assert.deepEqual(entry.result.issues, []);
      assert.deepEqual(vscode.languages.getDiagnostics(uri), []);
      // A new plan with its agreement ticks those steps; the kick-off is not held yet.
      const progress = await waitFor(() => mentoring.testing.walkthrough.progress()?.hasAgreement && mentoring.testing.walkthrough.progress(), 'the agreement step');
      assert.equal(progress.hasPlan, true);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      if (await exists(uri)) await vscode.workspace.fs.delete(uri);
    }
    await waitFor(() => !mentoring.store.get(uri), 'the deleted plan to leave the store', 10_000);
  });

  it('writes the agreement as typed (given as arguments) and the kick-off on the chosen day', async () => {
    const uri = workspaceUri('typed-pair.mentoring.yaml');
    try {
      const args = { uri, mentor: 'Ada', protege: 'Sam', cadence: 'monthly', mentorRoles: ['Ask before telling'], protegeRoles: ['Bring one question: "why?"', 'Say #1 worry'], confidentiality: 'Between us; the manager hears only what Sam shares.', endWhen: '', kickoffDate: '2031-02-03' };
      assert.equal((await vscode.commands.executeCommand<vscode.Uri>('mentoringPlan.newPlan', args))?.toString(), uri.toString());
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      const agreement = text.slice(text.indexOf('  agreement:\n'), text.indexOf('\ngoals: []'));
      assert.equal(agreement, '  agreement:\n    roles:\n      mentor:\n        - Ask before telling\n      protege:\n        - \'Bring one question: "why?"\'\n        - "Say #1 worry"\n    confidentiality: Between us; the manager hears only what Sam shares.\n');
      assert.ok(text.includes('  cadence: monthly\n'));
      assert.ok(text.includes('sessions:\n  - id: kickoff-2031-02-03\n    date: 2031-02-03\n    type: kickoff\n'));
      const entry = await waitFor(() => mentoring.store.get(uri), 'the typed plan in the store', 10_000);
      assert.deepEqual(entry.result.issues, []);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      if (await exists(uri)) await vscode.workspace.fs.delete(uri);
    }
    await waitFor(() => !mentoring.store.get(uri), 'the deleted plan to leave the store', 10_000);
  });

  it('Escape at any prompt of the agreement cancels the whole command and writes nothing', async () => {
    const uri = workspaceUri('cancelled-pair.mentoring.yaml');
    // Everything but what ends it is given, so the one prompt is the last of the agreement: Escape there must not fall through to writing the file.
    const args = { uri, mentor: 'Ada', protege: 'Sam', cadence: 'weekly', mentorRoles: ['Listen'], protegeRoles: ['Ask'], confidentiality: 'Between us.', kickoffDate: '2031-02-03' };
    const { result, prompts } = await answerPrompts(vscode.commands.executeCommand('mentoringPlan.newPlan', args), 'workbench.action.closeQuickOpen');
    assert.equal(result, undefined);
    assert.ok(prompts >= 1);
    assert.equal(await exists(uri), false, 'no file was written');
    assert.equal(mentoring.store.get(uri), undefined);
    // Escape at the very first prompt too.
    const first = await answerPrompts(vscode.commands.executeCommand('mentoringPlan.newPlan', { uri, mentor: 'Ada', protege: 'Sam' }), 'workbench.action.closeQuickOpen');
    assert.equal(first.result, undefined);
    assert.equal(await exists(uri), false, 'no file was written');
  });
});

describe('walkthrough for a new pair', function () {
  this.timeout(60_000);

  it('opens by its id', async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', 'mentoring-plan.mentoring-plan#newPair', false);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('ticks each step as a plan shows it: a plan, then its held kick-off; unticks them when the plan goes', async () => {
    const mentoring = (await api()) as MentoringPlanTestApi;
    const walkthrough = mentoring.testing.walkthrough;
    const config = vscode.workspace.getConfiguration('mentoringPlan');
    const uri = workspaceUri('walkthrough-pair.mentoring.yaml');
    const write = (text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const plan = [
      'schemaVersion: 1',
      'mentorship:',
      '  mentor: { name: Ada }',
      '  protege: { name: Sam }',
      '  started: 2025-01-06',
      '  cadence: weekly',
      '  agreement:',
      '    roles: { mentor: [Listen], protege: [Ask] }',
      '    confidentiality: Between us.',
      'goals: []',
      'sessions:',
      '  - id: kickoff',
      '    date: 2025-01-06',
      '    type: kickoff',
      '',
    ].join('\n');
    try {
      // Only this test's plan counts: the fixture plans have held their kick-off already.
      await config.update('planGlob', '**/walkthrough-*.mentoring.yaml', vscode.ConfigurationTarget.Workspace);
      await waitFor(() => walkthrough.progress()?.hasPlan === false, 'no plan left', 15_000);
      assert.deepEqual(walkthrough.progress(), { hasPlan: false, hasAgreement: false, hasStretchGoal: false, hasKickoff: false, hasFeedback: false });
      await write(plan);
      await waitFor(() => walkthrough.progress()?.hasPlan, 'the plan step', 15_000);
      assert.deepEqual(walkthrough.progress(), { hasPlan: true, hasAgreement: false, hasStretchGoal: false, hasKickoff: false, hasFeedback: false }, 'no endWhen, nothing written at the kick-off');
      await write(`${plan}    notes: We agreed to meet on Mondays.\n`);
      await waitFor(() => walkthrough.progress()?.hasKickoff, 'the kick-off step', 15_000);
      assert.deepEqual(walkthrough.progress(), { hasPlan: true, hasAgreement: false, hasStretchGoal: false, hasKickoff: true, hasFeedback: false });
      await vscode.workspace.fs.delete(uri);
      await waitFor(() => walkthrough.progress()?.hasPlan === false, 'the steps to be unticked', 15_000);
      assert.equal(walkthrough.progress()?.hasKickoff, false);
    } finally {
      await config.update('planGlob', undefined, vscode.ConfigurationTarget.Workspace);
      if (await exists(uri)) await vscode.workspace.fs.delete(uri);
    }
    await waitFor(() => mentoring.store.get(workspaceUri('team.mentoring.yaml')), 'the fixture plans to come back', 15_000);
    await waitFor(() => walkthrough.progress()?.hasKickoff, 'the fixture plans’ held kick-off', 15_000);
  });
});
