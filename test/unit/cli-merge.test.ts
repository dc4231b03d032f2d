// The merge driver end to end: the built CLI sets itself up with install-merge-driver in a
// temporary repository, and real `git merge`s of two branches that both changed a plan run it.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INSTALL_MERGE_DRIVER_USAGE, MERGE_USAGE } from '../../src/cli/merge-command';
import { parsePlan } from '../../src/core/parse';
import type { Plan } from '../../src/core/plan';
import { idsOf } from '../../src/core/plan-facts';

const ROOT = join(__dirname, '../../..');
const CLI = join(ROOT, 'dist/cli.js');
const EXAMPLE = readFileSync(join(ROOT, 'examples/alex-and-sam.mentoring.yaml'), 'utf8');
const PLAN = 'plans/sam.mentoring.yaml';
const LAST_SESSION_END = '      - What two suggestions for your next reviews would you like from me?\n';
const LAST_FEEDBACK_END = '      - Next time, try pairing your question with a pointer to a test that would show the problem.\n';

function withSession(text: string, id: string, date: string): string {
  return text.replace(LAST_SESSION_END, `${LAST_SESSION_END}\n  - id: ${id}\n    date: ${date}\n    type: checkin\n    agenda:\n      - What is next?  # asked by ${id}\n`);
}

class Repo {
  readonly dir = mkdtempSync(join(tmpdir(), 'mentoring-merge-'));

  constructor(installDriver = true) {
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.email', 'test@example.invalid');
    this.git('config', 'user.name', 'Test');
    this.git('config', 'core.autocrlf', 'false');
    if (installDriver) assert.equal(this.cli('install-merge-driver').status, 0);
  }

  git(...args: string[]) {
    const result = spawnSync('git', args, { cwd: this.dir, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
    return { status: result.status, out: result.stdout + result.stderr };
  }

  cli(...args: string[]) {
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd: this.dir, encoding: 'utf8', timeout: 30_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  write(text: string): void {
    spawnSync('mkdir', ['-p', join(this.dir, 'plans')]);
    writeFileSync(join(this.dir, PLAN), text);
  }

  read(): string {
    return readFileSync(join(this.dir, PLAN), 'utf8');
  }

  /** BASE on main, THEIRS committed on a branch, OURS on main; then merges the branch into main. */
  merge(base: string, ours: string, theirs: string) {
    this.write(base);
    this.git('add', '-A');
    assert.equal(this.git('commit', '-qm', 'base').status, 0);
    this.git('checkout', '-qb', 'theirs');
    this.write(theirs);
    assert.equal(this.git('commit', '-qam', 'theirs').status, 0);
    this.git('checkout', '-q', 'main');
    this.write(ours);
    assert.equal(this.git('commit', '-qam', 'ours').status, 0);
    return this.git('merge', '--no-edit', 'theirs');
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function plan(text: string): Partial<Plan> {
  const parsed = parsePlan(text);
  assert.deepEqual(parsed.syntaxIssues, [], text);
  return parsed.value as Partial<Plan>;
}

describe('merge driver with real git merges', function () {
  this.timeout(60_000);
  const repos: Repo[] = [];
  const repo = (installDriver = true) => {
    const made = new Repo(installDriver);
    repos.push(made);
    return made;
  };
  after(() => repos.forEach((made) => made.remove()));

  it('both sides append a session: git merges cleanly, both kept in date order (without the driver, git conflicts)', () => {
    const ours = withSession(EXAMPLE, 'checkin-2026-12-14', '2026-12-14');
    const theirs = withSession(EXAMPLE, 'checkin-2026-12-07', '2026-12-07');
    const plain = repo(false).merge(EXAMPLE, ours, theirs);
    assert.notEqual(plain.status, 0, 'the scenario conflicts in a line merge');
    const merged = repo();
    const result = merged.merge(EXAMPLE, ours, theirs);
    assert.equal(result.status, 0, result.out);
    assert.deepEqual(idsOf(plan(merged.read()), 'sessions').slice(-3), ['feedback-2026-11-30', 'checkin-2026-12-07', 'checkin-2026-12-14']);
    assert.ok(merged.read().includes('      - What is next?  # asked by checkin-2026-12-07\n'), "THEIRS' comment kept");
    assert.equal(merged.git('status', '--porcelain').out, '');
  });

  it('one side edits a goal while the other adds feedback', () => {
    const ours = EXAMPLE.replace('    status: active\n    target: 2026-12-20', '    status: achieved\n    target: 2026-12-20');
    const theirs = EXAMPLE.replace(LAST_FEEDBACK_END, `${LAST_FEEDBACK_END}  - id: thanks\n    date: 2026-11-30\n    from: protege\n    feedforward:\n      - Keep asking first.\n`);
    const merged = repo();
    const result = merged.merge(EXAMPLE, ours, theirs);
    assert.equal(result.status, 0, result.out);
    const value = plan(merged.read());
    assert.equal(value.goals?.[1].status, 'achieved');
    assert.deepEqual(idsOf(value, 'feedback'), ['review-tone', 'thanks']);
  });

  it('both sides mark different actions done', () => {
    const ours = EXAMPLE.replace('        due: 2026-11-30\n        done: false', '        due: 2026-11-30\n        done: true');
    const theirs = EXAMPLE.replace('        due: 2026-09-14\n        done: true', '        due: 2026-09-14\n        done: false').replace('        due: 2026-11-23\n        done: true', '        due: 2026-11-23\n        done: false');
    const merged = repo();
    const result = merged.merge(EXAMPLE, ours, theirs);
    assert.equal(result.status, 0, result.out);
    const value = plan(merged.read());
    assert.deepEqual(value.sessions?.map((session) => session.actions?.map((action) => action.done)), [[false], [true, false], undefined]);
  });

  it('a true conflict: git reports it, markers around that entry only, the rest merged', () => {
    const ours = withSession(EXAMPLE.replace('    status: active\n    target: 2027-02-15', '    status: at-risk\n    target: 2027-02-15'), 'checkin-2026-12-14', '2026-12-14');
    const theirs = withSession(EXAMPLE.replace('    status: active\n    target: 2027-02-15', '    status: dropped\n    target: 2027-02-15'), 'checkin-2026-12-07', '2026-12-07');
    const merged = repo();
    const result = merged.merge(EXAMPLE, ours, theirs);
    assert.notEqual(result.status, 0);
    assert.match(result.out, /CONFLICT \(content\): Merge conflict in plans\/sam\.mentoring\.yaml/);
    assert.match(result.out, /both sides changed goals\[0\] differently/);
    const text = merged.read();
    assert.equal((text.match(/^<<<<<<< ours$/gm) ?? []).length, 1, text);
    const entry = /<<<<<<< ours\n([^]*?)=======\n([^]*?)>>>>>>> theirs\n/.exec(text);
    assert.ok(entry, text);
    assert.ok(entry[1].startsWith('  - id: system-design\n') && entry[1].includes('status: at-risk') && !entry[1].includes('code-review-voice'));
    assert.ok(entry[2].startsWith('  - id: system-design\n') && entry[2].includes('status: dropped') && !entry[2].includes('code-review-voice'));
    assert.ok(text.includes('  - id: checkin-2026-12-07') && text.includes('  - id: checkin-2026-12-14'), 'the sessions merged outside the markers');
    assert.match(merged.git('status', '--porcelain').out, /^UU plans\/sam\.mentoring\.yaml/m);
  });

  it('CRLF files stay CRLF', () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    const merged = repo();
    const result = merged.merge(crlf(EXAMPLE), crlf(withSession(EXAMPLE, 'checkin-2026-12-14', '2026-12-14')), crlf(withSession(EXAMPLE, 'checkin-2026-12-07', '2026-12-07')));
    assert.equal(result.status, 0, result.out);
    const text = merged.read();
    assert.equal(/\r(?!\n)|(^|[^\r])\n/.test(text), false, 'only CRLF line breaks');
    assert.deepEqual(idsOf(plan(text), 'sessions').slice(-2), ['checkin-2026-12-07', 'checkin-2026-12-14']);
  });

  it("a side that broke the YAML: the driver says so and gives git's line merge result", () => {
    const ours = withSession(EXAMPLE, 'checkin-2026-12-14', '2026-12-14');
    const theirs = EXAMPLE.replace('  cadence: biweekly', '  cadence: [biweekly');
    const merged = repo();
    const result = merged.merge(EXAMPLE, ours, theirs);
    assert.match(result.out, /theirs has a YAML error at line \d+, column \d+.*merged line by line instead/);
    // What git merge-file makes of the same three texts.
    const files = ['base', 'ours', 'theirs'].map((name) => join(merged.dir, `.${name}.tmp`));
    [EXAMPLE, ours, theirs].forEach((text, index) => writeFileSync(files[index], text));
    const expected = spawnSync('git', ['merge-file', '-p', '-L', 'ours', '-L', 'base', '-L', 'theirs', files[1], files[0], files[2]], { encoding: 'utf8' });
    assert.equal(result.status, expected.status === 0 ? 0 : 1, result.out);
    assert.equal(merged.read(), expected.stdout);
    assert.ok(merged.read().includes('  cadence: [biweekly\n') && merged.read().includes('  - id: checkin-2026-12-14\n'));
  });
});

describe('mentoring-plan install-merge-driver and merge (CLI)', function () {
  this.timeout(60_000);
  let made: Repo;
  beforeEach(() => (made = new Repo(false)));
  afterEach(() => made.remove());

  it('writes the git config and .gitattributes once; running it again changes nothing', () => {
    writeFileSync(join(made.dir, '.gitattributes'), '*.png binary');
    const first = made.cli('install-merge-driver');
    assert.equal(first.status, 0, first.stderr);
    const attributes = readFileSync(join(made.dir, '.gitattributes'), 'utf8');
    assert.equal(attributes, '*.png binary\n*.mentoring.yaml merge=mentoring-plan\n*.mentoring.yml merge=mentoring-plan\n');
    const driver = made.git('config', '--get', 'merge.mentoring-plan.driver').out.trim();
    assert.equal(driver, `${process.execPath} ${CLI} merge %O %A %B --marker-size %L --path %P`);
    assert.match(made.git('check-attr', 'merge', 'a/b.mentoring.yml').out, /merge: mentoring-plan/);
    const config = readFileSync(join(made.dir, '.git/config'), 'utf8');
    const second = made.cli('install-merge-driver');
    assert.equal(second.status, 0);
    assert.match(second.stdout, /already set[^]*already set[^]*already sends plans/);
    assert.equal(readFileSync(join(made.dir, '.gitattributes'), 'utf8'), attributes);
    assert.equal(readFileSync(join(made.dir, '.git/config'), 'utf8'), config);
  });

  it('--command chooses how git starts the CLI', () => {
    assert.equal(made.cli('install-merge-driver', '--command', 'npx --no-install mentoring-plan').status, 0);
    assert.equal(made.git('config', '--get', 'merge.mentoring-plan.driver').out.trim(), 'npx --no-install mentoring-plan merge %O %A %B --marker-size %L --path %P');
  });

  it('--help, usage errors and a folder outside git', () => {
    assert.deepEqual([made.cli('install-merge-driver', '--help').status, made.cli('install-merge-driver', '--help').stdout.trim()], [0, INSTALL_MERGE_DRIVER_USAGE]);
    assert.deepEqual([made.cli('merge', '--help').status, made.cli('merge', '--help').stdout.trim()], [0, MERGE_USAGE]);
    const outside = mkdtempSync(join(tmpdir(), 'mentoring-no-git-'));
    try {
      const result = spawnSync(process.execPath, [CLI, 'install-merge-driver'], { cwd: outside, encoding: 'utf8', env: { ...process.env, GIT_CEILING_DIRECTORIES: tmpdir() } });
      assert.equal(result.status, 2);
      assert.match(result.stderr, /^mentoring-plan install-merge-driver: .* is not in a git repository/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
    const twoFiles = made.cli('merge', 'a', 'b');
    assert.equal(twoFiles.status, 2);
    assert.match(twoFiles.stderr, /merge takes three files/);
    const badSize = made.cli('merge', 'a', 'b', 'c', '--marker-size', 'x');
    assert.equal(badSize.status, 2);
    assert.match(badSize.stderr, /--marker-size takes a whole number/);
    const missing = made.cli('merge', 'a', 'b', 'c');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /Cannot read a: ENOENT/);
  });
});
