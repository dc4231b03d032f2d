// `mentoring-plan diff OLD NEW`: runCli with in-memory files for the formats, exit codes and
// errors, and one run of the built binary.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIFF_USAGE } from '../../src/cli/diff-command';
import type { CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/run-cli';
import { diffPlans, renderDiffText } from '../../src/core/plan-diff';

const ROOT = join(__dirname, '../../..');
const EXAMPLE = readFileSync(join(ROOT, 'examples/alex-and-sam.mentoring.yaml'), 'utf8');
const GOAL_ACHIEVED = EXAMPLE.replace('    status: active\n    target: 2026-12-20', '    status: achieved\n    target: 2026-12-20');
const AGREEMENT_CHANGED = GOAL_ACHIEVED.replace('legal\n      obligations.', 'legal\n      obligations, or when Sam agrees to share.');

/** Only what diff uses: reading named files; output collected. */
class FilesIo implements CliIo {
  readonly stdout: string[] = [];
  readonly stderr: string[] = [];
  readonly cwd = '/plans';
  constructor(private readonly files: Record<string, string>) {}
  out(text: string): void {
    this.stdout.push(text);
  }
  err(text: string): void {
    this.stderr.push(text);
  }
  async readFile(path: string): Promise<string> {
    if (path in this.files) return this.files[path]!;
    throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  }
  async writeFile(): Promise<void> {
    throw new Error('diff never writes');
  }
  async readStdin(): Promise<string> {
    return '';
  }
  async readDir(): Promise<{ name: string; isDirectory: boolean }[]> {
    return [];
  }
  async isDirectory(): Promise<boolean> {
    return false;
  }
  async exists(path: string): Promise<boolean> {
    return path in this.files;
  }
}

const FILES = { 'old.yaml': EXAMPLE, 'goal.yaml': GOAL_ACHIEVED, 'agreement.yaml': AGREEMENT_CHANGED, 'broken.yaml': `${EXAMPLE}\n  - id: [unclosed\n` };

async function diff(...args: string[]): Promise<{ code: number; io: FilesIo }> {
  const io = new FilesIo(FILES);
  const code = await runCli(['diff', ...args], io);
  return { code, io };
}

describe('cli: diff', () => {
  it('text by default, exit 0; no change in substance for the same plan', async () => {
    const { code, io } = await diff('old.yaml', 'goal.yaml');
    assert.equal(code, 0);
    assert.deepEqual(io.stdout, ['- goal code-review-voice status: active → achieved']);
    assert.deepEqual(io.stderr, []);
    const same = await diff('old.yaml', 'old.yaml');
    assert.deepEqual(same.io.stdout, ['No change in substance (only comments, formatting or order).']);
  });

  it('--require-both exits 1 only when the agreement changed, and the agreement is called out first', async () => {
    const changed = await diff('old.yaml', 'agreement.yaml', '--require-both');
    assert.equal(changed.code, 1);
    assert.match(changed.io.stdout[0]!, /^The agreement changed: confidentiality\. Both of you approve agreement changes\.\n- agreement confidentiality: /);
    assert.equal((await diff('old.yaml', 'goal.yaml', '--require-both')).code, 0);
    assert.equal((await diff('old.yaml', 'agreement.yaml')).code, 0, 'without the flag an agreement change is still exit 0');
  });

  it('--format markdown and --format json', async () => {
    const markdown = await diff('old.yaml', 'agreement.yaml', '--format', 'markdown');
    assert.equal(markdown.io.stdout[0]!.split('\n')[0], '> **The agreement changed: confidentiality. Both of you approve agreement changes.**');
    assert.match(markdown.io.stdout[0]!, /\n- goal `code-review-voice` status: active → achieved$/);
    const json = await diff('old.yaml', 'agreement.yaml', '--format', 'json');
    assert.deepEqual(JSON.parse(json.io.stdout[0]!), {
      agreementChanged: true,
      files: [
        {
          old: 'old.yaml',
          new: 'agreement.yaml',
          agreementChanged: true,
          changes: [
            {
              kind: 'agreement-changed',
              field: 'confidentiality',
              from: 'What we discuss stays between us. Exceptions: anything about safety or legal obligations. Private notes live outside this repository.',
              to: 'What we discuss stays between us. Exceptions: anything about safety or legal obligations, or when Sam agrees to share. Private notes live outside this repository.',
            },
            { kind: 'goal-status-changed', id: 'code-review-voice', from: 'active', to: 'achieved' },
          ],
        },
      ],
    });
  });

  it('an unreadable side: exit 2, file:line:col and the YAML message on stderr, nothing on stdout', async () => {
    const { code, io } = await diff('old.yaml', 'broken.yaml');
    assert.equal(code, 2);
    assert.deepEqual(io.stdout, []);
    assert.equal(io.stderr.length, 1);
    assert.match(io.stderr[0]!, /^broken\.yaml:1\d\d:\d+ error .+ \(not compared\)$/);
  });

  it('usage and I/O problems exit 2 with one line', async () => {
    for (const [args, pattern] of [
      [['old.yaml'], /diff takes two files, OLD and NEW/],
      [['old.yaml', 'missing.yaml'], /Cannot read missing\.yaml: ENOENT/],
      [['old.yaml', 'goal.yaml', '--format', 'html'], /--format takes text, markdown or json, not "html"/],
      [['old.yaml', 'goal.yaml', '--colour'], /Unknown option '--colour'/],
    ] as const) {
      const { code, io } = await diff(...args);
      assert.equal(code, 2, args.join(' '));
      assert.equal(io.stderr.length, 1);
      assert.match(io.stderr[0]!, pattern);
    }
    const help = await diff('--help');
    assert.equal(help.code, 0);
    assert.deepEqual(help.io.stdout, [DIFF_USAGE]);
  });

  it('the built binary: exit codes and output on real files', function () {
    const cli = join(ROOT, 'dist/cli.js');
    const folder = mkdtempSync(join(tmpdir(), 'mentoring-diff-'));
    try {
      writeFileSync(join(folder, 'old.yaml'), EXAMPLE);
      writeFileSync(join(folder, 'new.yaml'), AGREEMENT_CHANGED);
      const run = (...args: string[]) => spawnSync(process.execPath, [cli, 'diff', ...args], { cwd: folder, encoding: 'utf8', timeout: 30_000 });
      const required = run('old.yaml', 'new.yaml', '--require-both');
      assert.equal(required.status, 1, required.stderr);
      assert.match(required.stdout, /^The agreement changed: confidentiality\./);
      const plain = run('old.yaml', 'new.yaml', '--format', 'json');
      assert.equal(plain.status, 0, plain.stderr);
      assert.equal((JSON.parse(plain.stdout) as { files: { changes: unknown[] }[] }).files[0]!.changes.length, 2);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('cli: diff --git', () => {
  const cli = join(ROOT, 'dist/cli.js');
  let repo: string;
  const git = (...args: string[]) => {
    const result = spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
    assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
  };
  const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [cli, 'diff', '--git', ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  const write = (path: string, text: string) => writeFileSync(join(repo, path), text);

  // main: sam and gone. feature (from there): sam's agreement and a goal changed, gone deleted,
  // new added. main then moves on (cadence changed), which the merge base must leave out.
  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'mentoring-diff-git-'));
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'test@example.invalid');
    git('config', 'user.name', 'Test');
    mkdirSync(join(repo, 'plans'));
    write('plans/sam.mentoring.yaml', EXAMPLE);
    write('plans/gone.mentoring.yaml', EXAMPLE);
    git('add', '.');
    git('commit', '-qm', 'base');
    git('checkout', '-qb', 'feature');
    write('plans/sam.mentoring.yaml', AGREEMENT_CHANGED);
    git('rm', '-q', 'plans/gone.mentoring.yaml');
    write('plans/new.mentoring.yaml', EXAMPLE);
    git('add', '.');
    git('commit', '-qm', 'feature');
    git('checkout', '-q', 'main');
    write('plans/sam.mentoring.yaml', EXAMPLE.replace('cadence: biweekly', 'cadence: weekly'));
    git('commit', '-qam', 'main moves on');
    git('checkout', '-q', 'feature');
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it('without BASE: every changed plan against the merge base with main, deleted and new files included', () => {
    const result = run(repo, '--require-both');
    assert.equal(result.status, 1, result.stderr);
    const sections = result.stdout.split('\n\n');
    assert.deepEqual(
      sections.map((section) => section.split('\n')[0]),
      ['plans/gone.mentoring.yaml (deleted):', 'plans/new.mentoring.yaml (new file):', 'plans/sam.mentoring.yaml:'],
    );
    assert.match(sections[0]!, /\n- goal system-design removed: /);
    assert.match(sections[1]!, /\n- goal system-design added: /);
    assert.equal(sections[2], `plans/sam.mentoring.yaml:\n${readDiffOf(EXAMPLE, AGREEMENT_CHANGED)}`);
    assert.doesNotMatch(sections[2]!, /cadence/, "main moved on after the merge base; that is not this branch's change");
  });

  it('BASE and FILE from a subfolder; JSON names the old version BASE:path, null for a new file', () => {
    const result = run(join(repo, 'plans'), 'main', 'new.mentoring.yaml', 'sam.mentoring.yaml', '--format', 'json');
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout) as { agreementChanged: boolean; files: { old: string | null; new: string | null; changes: { kind: string; field?: string }[] }[] };
    assert.equal(report.agreementChanged, true);
    assert.deepEqual(
      report.files.map((file) => [file.old, file.new]),
      [
        [null, 'new.mentoring.yaml'],
        ['main:sam.mentoring.yaml', 'sam.mentoring.yaml'],
      ],
    );
    assert.ok(report.files[1]!.changes.some((change) => change.kind === 'mentorship-changed' && change.field === 'cadence'), 'against main itself, its cadence change shows');
  });

  it('an uncommitted comment-only edit against HEAD: no change in substance; a broken working copy: exit 2 with its position', () => {
    write('plans/sam.mentoring.yaml', `# reviewed\n${AGREEMENT_CHANGED}`);
    try {
      const clean = run(repo, 'HEAD');
      assert.equal(clean.status, 0, clean.stderr);
      assert.equal(clean.stdout, 'plans/sam.mentoring.yaml:\nNo change in substance (only comments, formatting or order).\n');
      write('plans/sam.mentoring.yaml', `${AGREEMENT_CHANGED}  - id: [unclosed\n`);
      const broken = run(repo, 'HEAD');
      assert.equal(broken.status, 2);
      assert.match(broken.stderr, /^plans\/sam\.mentoring\.yaml:1\d\d:\d+ error .+\(not compared\)\n$/);
    } finally {
      git('checkout', '--', 'plans/sam.mentoring.yaml');
    }
  });

  it('an untracked plan is a new file; Markdown gives each file a heading', () => {
    write('plans/draft.mentoring.yaml', EXAMPLE);
    try {
      const result = run(repo, 'HEAD', '--format', 'markdown');
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /^### plans\/draft\.mentoring\.yaml \(new file\)\n\n> \*\*The agreement changed: /);
      assert.match(result.stdout, /\n- goal `system-design` added: “Lead the design of a cross-team service” \(active\)\n/);
    } finally {
      rmSync(join(repo, 'plans/draft.mentoring.yaml'));
    }
  });

  it('nothing changed since BASE: one line (text), an empty file list (JSON)', () => {
    const text = run(repo, 'HEAD');
    assert.equal(text.status, 0, text.stderr);
    assert.equal(text.stdout, 'No plan file changed since HEAD.\n');
    const json = run(repo, 'HEAD', '--format', 'json');
    assert.deepEqual(JSON.parse(json.stdout), { agreementChanged: false, files: [] });
  });

  it('outside a git repository: exit 2 with one line saying what to do', () => {
    const outside = mkdtempSync(join(tmpdir(), 'mentoring-diff-nogit-'));
    try {
      const result = run(outside);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /^mentoring-plan diff: Cannot find the default branch .*give BASE/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

function readDiffOf(oldText: string, newText: string): string {
  const result = diffPlans(oldText, newText);
  assert.ok(result.ok);
  return renderDiffText(result.changes);
}
