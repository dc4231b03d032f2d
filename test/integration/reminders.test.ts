// Export Calendar (.ics) writes the plan's calendar where asked (parsed back), leaving the plan as
// it was; the daily reminder names what is due, once a day, and not when turned off.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { MentoringPlanTestApi } from '../../src/extension/services';
import { parseICalendar, prop } from '../support/ical-parse';
import { api, workspaceUri } from './extension-support';

describe('Reminders without a server', function () {
  this.timeout(60_000);
  let mentoring: MentoringPlanTestApi;
  before(async () => {
    mentoring = (await api()) as MentoringPlanTestApi;
  });

  it('Export Calendar (.ics) writes sessions by cadence and open actions, and leaves the plan untouched', async () => {
    const uri = workspaceUri('problems.mentoring.yaml');
    const before = readFileSync(uri.fsPath, 'utf8');
    const dir = mkdtempSync(join(tmpdir(), 'mentoring-ics-'));
    try {
      const out = vscode.Uri.file(join(dir, 'lin.ics'));
      const written = await vscode.commands.executeCommand<vscode.Uri>('mentoringPlan.exportCalendar', { uri, out, from: '2025-03-04', months: 1 });
      assert.equal(written?.toString(), out.toString());
      const calendar = parseICalendar(readFileSync(out.fsPath, 'utf8'));
      assert.deepEqual(
        calendar.components.map((event) => [prop(event, 'DTSTART'), prop(event, 'SUMMARY')]),
        [
          ['20250310', 'Due: Read the design review guide'],
          ['20250310', 'Mentoring session due: Lin and Sam'],
          ['20250317', 'Mentoring session due: Lin and Sam'],
          ['20250324', 'Mentoring session due: Lin and Sam'],
          ['20250331', 'Mentoring session due: Lin and Sam'],
        ],
      );
      assert.equal(readFileSync(uri.fsPath, 'utf8'), before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reminds once a day of what is due, unless mentoringPlan.reminders is off', async () => {
    const config = vscode.workspace.getConfiguration('mentoringPlan');
    await config.update('reminders', false, vscode.ConfigurationTarget.Global);
    try {
      assert.equal(await mentoring.testing.reminders.remindNow(), undefined);
    } finally {
      await config.update('reminders', undefined, vscode.ConfigurationTarget.Global);
    }
    const message = await mentoring.testing.reminders.remindNow();
    // Both active fixture plans are past their cadence with nothing scheduled; the paused one stays quiet.
    assert.match(message ?? '', /^Mentoring reminder\. /);
    assert.match(message ?? '', /Lin and Sam: a session is due by your cadence \(2025-03-10\)/);
    assert.match(message ?? '', /Ada and Grace: a session is due by your cadence \(2025-01-20\)/);
    assert.doesNotMatch(message ?? '', /Noor Ali/);
    assert.equal(await mentoring.testing.reminders.remindNow(), undefined, 'a second reminder the same day');
    await vscode.commands.executeCommand('notifications.clearAll');
  });
});
