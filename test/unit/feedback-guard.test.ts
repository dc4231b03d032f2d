// analyzeFeedback never throws, but a crash of the analysis must not look like clean text: the
// result carries `error`, the CLI and the feedback rule report it, and tests can reach the
// unguarded analysis (analyzeFeedbackUnguarded) so that their "does not throw" checks can fail.
import * as assert from 'node:assert/strict';
import { checkFeedbackCommand } from '../../src/cli/check-feedback';
import type { CliIo } from '../../src/cli/io';
import { EXIT_USAGE } from '../../src/cli/io';
import { checkPlan } from '../../src/core/check';
import { analyzeFeedback, analyzeFeedbackUnguarded } from '../../src/core/feedback';
import { feedbackPastFocused } from '../../src/core/rules/feedback-past-focused';

const CRASHING = 'You never listen in reviews, CRASH-THE-ANALYSIS.';

/**
 * Makes the analysis's (global) regular expressions throw on `text`, as an engine limit would,
 * while `body` runs; the schema's patterns (not global) still run.
 */
async function withCrashingRegex<T>(text: string, body: () => T | Promise<T>): Promise<T> {
  const exec = RegExp.prototype.exec;
  RegExp.prototype.exec = function (this: RegExp, input: string) {
    if (this.global && input === text) throw new RangeError('Maximum call stack size exceeded');
    return exec.call(this, input);
  };
  try {
    return await body();
  } finally {
    RegExp.prototype.exec = exec;
  }
}

describe('analyzeFeedback guard', () => {
  it('returns the analysis unchanged (no error) when nothing fails', () => {
    const text = 'You never listen. Next time, try summarising first.';
    assert.deepEqual(analyzeFeedback(text), analyzeFeedbackUnguarded(text));
    assert.equal(analyzeFeedback(text).error, undefined);
  });

  it('reports a crash as error, not as clean text; the unguarded analysis throws it', async () => {
    await withCrashingRegex(CRASHING, () => {
      assert.throws(() => analyzeFeedbackUnguarded(CRASHING), /Maximum call stack/);
      const result = analyzeFeedback(CRASHING);
      assert.match(result.error ?? '', /Maximum call stack/);
      assert.deepEqual(result.findings, []);
    });
  });

  it('check-feedback says the text was not checked and does not exit 0', async () => {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const io = { out: (t: string) => stdout.push(t), err: (t: string) => stderr.push(t), readStdin: async () => CRASHING } as unknown as CliIo;
    const code = await withCrashingRegex(CRASHING, () => checkFeedbackCommand(['-'], io));
    assert.equal(code, EXIT_USAGE);
    assert.deepEqual(stdout, []);
    assert.match(stderr.join('\n'), /analysis failed \(Maximum call stack size exceeded\); the text was not checked/);
  });

  it('the feedback rule reports a suggestion it could not check', async () => {
    const plan = [
      'schemaVersion: 1',
      'mentorship:',
      '  mentor: { name: Alex }',
      '  protege: { name: Sam }',
      '  started: 2026-01-05',
      '  cadence: weekly',
      '  agreement: { roles: { mentor: [Ask questions], protege: [Bring the goals] }, confidentiality: Between us. }',
      'feedback:',
      '  - id: demo',
      '    date: 2026-01-06',
      '    from: mentor',
      '    feedforward:',
      // Escaped, so that only the analysis (not the YAML parser) sees exactly CRASHING.
      `      - "${CRASHING.replace(',', '\\x2c')}"`,
      '',
    ].join('\n');
    const issues = await withCrashingRegex(CRASHING, () => checkPlan(plan, { today: '2026-02-01', rules: [feedbackPastFocused] }).issues.filter((i) => i.code === 'feedback-past-focused'));
    assert.equal(issues.length, 1);
    assert.match(issues[0].message, /could not be checked \(Maximum call stack size exceeded\)/);
    assert.equal(issues[0].range.start.line, 12);
  });
});
