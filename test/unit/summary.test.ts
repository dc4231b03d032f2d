import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/run-cli';
import type { Plan } from '../../src/core/plan';
import { goalHistory, markdownText, summarizePlan } from '../../src/core/summary';

const EXAMPLE = readFileSync(join(__dirname, '../../../examples/alex-and-sam.mentoring.yaml'), 'utf8');
const plan = parse(EXAMPLE) as Plan;

describe('Markdown summary', () => {
  it('shows each goal with its progress and target, and the open actions', () => {
    const summary = summarizePlan(plan, { today: '2026-11-27' });
    assert.match(summary, /^## Sam's path to senior engineer$/m);
    assert.match(summary, /^\| Lead the design of a cross-team service \(`system-design`\) \| stretch \| active \| 1\/2 milestones \| 2027-02-15 \|$/m);
    assert.match(summary, /^- \[ \] Book the design review with the platform team \(protege, due 2026-11-30, from `checkin-2026-11-16`\)$/m);
    assert.match(summary, /^2 held, next on 2026-11-30 \(feedback\)\.$/m);
    assert.match(summary, /^- Mentor: 4 → 4 \(2026-09-07 to 2026-11-16\)$/m);
  });

  it('marks actions past their due date as overdue', () => {
    assert.match(summarizePlan(plan, { today: '2026-12-05' }), /due 2026-11-30, from `checkin-2026-11-16`\) \*\*overdue\*\*$/m);
  });

  it('writes plan text as text: no HTML, links or table breaks from a hostile title', () => {
    const hostile = { ...plan, goals: [{ id: 'x', title: '<img src=x onerror=alert(1)> | [link](javascript:alert(1))\n# heading', status: 'active' as const }] };
    const summary = summarizePlan(hostile, { today: '2026-11-27' });
    // Escaped characters render as themselves in Markdown; an unescaped one would be markup.
    assert.ok(!/(^|[^\\])<img/.test(summary), summary);
    assert.ok(!/(^|[^\\])\]\(javascript/.test(summary), summary);
    assert.match(summary, /\\<img src=x onerror=alert\(1\)\\>/);
    assert.ok(!/^# heading/m.test(summary));
    assert.equal(markdownText('a|b'), 'a\\|b');
  });

  it("tells one goal's story: criteria, milestones, sessions and feedforward", () => {
    const history = goalHistory(plan, 'code-review-voice')!;
    assert.match(history, /^- Two juniors say my reviews helped them$/m);
    assert.match(history, /^- \[x\] Review ten pull requests outside my area$/m);
    assert.match(history, /^- 2026-11-30 feedback \(`feedback-2026-11-30`\)$/m);
    assert.match(history, /from the mentor: Keep opening reviews/);
    assert.equal(goalHistory(plan, 'nope'), undefined);
  });

  it('is a CLI command with exit 2 for an unknown goal or a missing file', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      out: (text) => out.push(text),
      err: (text) => err.push(text),
      readFile: async (path) => {
        if (path !== 'sam.mentoring.yaml') throw Object.assign(new Error('missing'), { code: 'ENOENT' });
        return EXAMPLE;
      },
      writeFile: async () => assert.fail('summary never writes'),
      readStdin: async () => '',
      readDir: async () => [],
      isDirectory: async () => false,
      exists: async (path) => path === 'sam.mentoring.yaml',
      cwd: '/',
    };
    assert.equal(await runCli(['summary', 'sam.mentoring.yaml', '--today', '2026-11-27'], io), 0);
    assert.match(out.join('\n'), /### Goals/);
    assert.equal(await runCli(['summary', 'sam.mentoring.yaml', '--goal', 'nope'], io), 2);
    assert.match(err[0], /no goal with the id "nope"/);
    assert.equal(await runCli(['summary', 'gone.mentoring.yaml'], io), 2);
    assert.match(err[1], /Cannot read gone\.mentoring\.yaml: ENOENT/);
  });
});
