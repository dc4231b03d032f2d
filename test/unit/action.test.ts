// The GitHub Action's entry point (the committed dist-action/index.js, as the runner runs it) in a
// simulated runner: a temporary git repository with the pull request's base and head commits, the
// GITHUB_* variables, an event payload, job summary and output files, and a fake GitHub API on
// loopback that records every request. Nothing else touches the network.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMENT_MARKER } from '../../src/action/pr-comment';

const ROOT = join(__dirname, '../../..');
const BUNDLE = join(ROOT, 'dist-action/index.js');
const CLI = join(ROOT, 'dist/cli.js');
const TODAY = '2026-12-01';
const EXAMPLE = readFileSync(join(ROOT, 'examples/alex-and-sam.mentoring.yaml'), 'utf8');
const GOAL_ACHIEVED = EXAMPLE.replace('    status: active\n    target: 2026-12-20', '    status: achieved\n    target: 2026-12-20');
const AGREEMENT_CHANGED = GOAL_ACHIEVED.replace('legal\n      obligations.', 'legal\n      obligations, or when Sam agrees to share.');
/** The kickoff session names a goal that does not exist: one unknown-reference error. */
const BROKEN_REFERENCE = AGREEMENT_CHANGED.replace('goals: [system-design, code-review-voice]', 'goals: [system-design, code-review-voic]');
const REPOSITORY = 'pair/plans';
const PULL = 7;

interface Recorded {
  method: string;
  url: string;
  authorization?: string;
  body?: { body?: string };
}

/** Just enough of GitHub's issue comments API: list (paged), create, update; every request recorded. */
class FakeGitHub {
  readonly requests: Recorded[] = [];
  comments: { id: number; body: string }[] = [];
  /** When set, every request is answered with this status. */
  failWith?: number;
  private nextId = 1001;
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let text = '';
    for await (const chunk of request) text += String(chunk);
    const recorded: Recorded = { method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization };
    if (text) recorded.body = JSON.parse(text) as { body?: string };
    this.requests.push(recorded);
    const answer = (status: number, value: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(value));
    };
    if (this.failWith) return answer(this.failWith, { message: 'Resource not accessible by integration' });
    const url = new URL(recorded.url, this.url);
    const list = `/repos/${REPOSITORY}/issues/${PULL}/comments`;
    if (request.method === 'GET' && url.pathname === list) {
      const perPage = Number(url.searchParams.get('per_page'));
      const page = Number(url.searchParams.get('page'));
      return answer(200, this.comments.slice((page - 1) * perPage, page * perPage));
    }
    if (request.method === 'POST' && url.pathname === list) {
      const comment = { id: this.nextId++, body: recorded.body?.body ?? '' };
      this.comments.push(comment);
      return answer(201, { ...comment, html_url: `https://github.example/${REPOSITORY}/pull/${PULL}#issuecomment-${comment.id}` });
    }
    const edit = new RegExp(`^/repos/${REPOSITORY}/issues/comments/(\\d+)$`).exec(url.pathname);
    const comment = edit && this.comments.find((candidate) => candidate.id === Number(edit[1]));
    if (request.method === 'PATCH' && comment) {
      comment.body = recorded.body?.body ?? '';
      return answer(200, { ...comment, html_url: `https://github.example/${REPOSITORY}/pull/${PULL}#issuecomment-${comment.id}` });
    }
    return answer(404, { message: 'Not Found' });
  }
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  output: string;
}

describe('action: the entry point in a simulated runner', () => {
  let scratch: string;
  let repo: string;
  let baseSha: string;
  let agreementSha: string;
  const github = new FakeGitHub();
  const git = (...args: string[]) => {
    const result = spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
    assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
    return result.stdout.trim();
  };
  const write = (path: string, text: string) => {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), text);
  };
  const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: repo, encoding: 'utf8' }).stdout;

  /** Runs the bundle as the runner would: GITHUB_* and INPUT_* variables only, fresh summary and output files. */
  async function runAction(inputs: Record<string, string>, event: unknown = { pull_request: { number: PULL, base: { sha: baseSha } } }): Promise<Run> {
    const run = mkdtempSync(join(scratch, 'run-'));
    writeFileSync(join(run, 'event.json'), JSON.stringify(event));
    for (const name of ['summary.md', 'output.txt']) writeFileSync(join(run, name), '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: scratch,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: repo,
      GITHUB_REPOSITORY: REPOSITORY,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: join(run, 'event.json'),
      GITHUB_STEP_SUMMARY: join(run, 'summary.md'),
      GITHUB_OUTPUT: join(run, 'output.txt'),
      GITHUB_API_URL: github.url,
      'INPUT_GITHUB-TOKEN': 'test-token',
      INPUT_TODAY: TODAY,
      ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    };
    const child = spawn(process.execPath, [BUNDLE], { cwd: tmpdir(), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { code, stdout, stderr, summary: readFileSync(join(run, 'summary.md'), 'utf8'), output: readFileSync(join(run, 'output.txt'), 'utf8') };
  }

  // base: sam's plan. agreement: sam's agreement changed and a goal achieved (valid).
  // head: also a broken goal reference in sam's plan, and a new plan team/pat.mentoring.yml.
  before(async function () {
    this.timeout(30_000);
    scratch = mkdtempSync(join(tmpdir(), 'mentoring-action-'));
    repo = join(scratch, 'repo');
    mkdirSync(repo);
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'test@example.invalid');
    git('config', 'user.name', 'Test');
    write('plans/sam.mentoring.yaml', EXAMPLE);
    write('README.md', 'Our plans.\n');
    git('add', '.');
    git('commit', '-qm', 'base');
    baseSha = git('rev-parse', 'HEAD');
    write('plans/sam.mentoring.yaml', AGREEMENT_CHANGED);
    git('commit', '-qam', 'agreement');
    agreementSha = git('rev-parse', 'HEAD');
    write('plans/sam.mentoring.yaml', BROKEN_REFERENCE);
    write('team/pat.mentoring.yml', EXAMPLE);
    write('README.md', 'Our plans, reviewed.\n');
    git('add', '.');
    git('commit', '-qm', 'head');
    await github.start();
  });
  after(async () => {
    await github.stop();
    rmSync(scratch, { recursive: true, force: true });
  });
  beforeEach(() => {
    github.requests.length = 0;
    github.comments = [];
    github.failWith = undefined;
    git('checkout', '-q', 'main');
  });

  it('annotates as validate --format github, reports the diff and summaries, fails on errors, and creates the comment', async function () {
    this.timeout(30_000);
    const run = await runAction({ comment: 'true' });
    assert.equal(run.code, 1, run.stderr);
    const plans = ['plans/sam.mentoring.yaml', 'team/pat.mentoring.yml'];
    const annotations = cli('validate', '--format', 'github', '--today', TODAY, ...plans).trimEnd().split('\n');
    assert.ok(annotations.some((line) => /^::error file=plans\/sam\.mentoring\.yaml,line=67,col=\d+,endLine=67,endColumn=\d+,title=mentoring-plan unknown-reference::.*code-review-voic/.test(line)), annotations.join('\n'));
    assert.equal(
      run.stdout,
      [...annotations, `Pull request comment created: https://github.example/${REPOSITORY}/pull/${PULL}#issuecomment-1001`, '::error::Mentoring plan: 1 error in the changed plan files.', ''].join('\n'),
    );

    const warnings = annotations.filter((line) => line.startsWith('::warning ')).length;
    const details = plans.map((plan) => {
      const summary = cli('summary', plan, '--today', TODAY).trimEnd().replace(/^## /gm, '#### ').replace(/^### /gm, '##### ');
      return `<details><summary>Plan summary: ${plan}</summary>\n\n${summary}\n\n</details>`;
    });
    const expected = [
      '## Mentoring plan changes',
      '',
      `2 plan files changed since \`${baseSha.slice(0, 7)}\`. Checks: 1 error, ${warnings} warning${warnings === 1 ? '' : 's'}.`,
      '',
      cli('diff', '--git', baseSha, '--format', 'markdown').trimEnd(),
      '',
      details.join('\n\n'),
      '',
    ].join('\n');
    assert.equal(run.summary, expected);
    assert.match(run.summary, /\n### plans\/sam\.mentoring\.yaml\n\n> \*\*The agreement changed: confidentiality\. Both of you approve agreement changes\.\*\*\n/);
    assert.match(run.summary, /\n- goal `code-review-voice` status: active → achieved\n/);
    assert.match(run.summary, /\n### team\/pat\.mentoring\.yml \(new file\)\n/);
    assert.doesNotMatch(run.summary, /README/, 'only plan files');
    assert.equal(run.output, `agreement-changed=true\nerrors=1\nchanged-files=${JSON.stringify(plans)}\n`);

    assert.deepEqual(
      github.requests.map(({ method, url, authorization }) => [method, url, authorization]),
      [
        ['GET', `/repos/${REPOSITORY}/issues/${PULL}/comments?per_page=100&page=1`, 'Bearer test-token'],
        ['POST', `/repos/${REPOSITORY}/issues/${PULL}/comments`, 'Bearer test-token'],
      ],
    );
    assert.equal(github.requests[1]!.body?.body, `${COMMENT_MARKER}\n${expected}`);
  });

  it('on the next push, edits its own comment (found by the marker, past a full first page) instead of adding one', async function () {
    this.timeout(30_000);
    github.comments = Array.from({ length: 100 }, (_, index) => ({ id: index + 1, body: `Looks good ${index}` }));
    github.comments.push({ id: 555, body: `${COMMENT_MARKER}\n## Mentoring plan changes\n\nan older report\n` }, { id: 556, body: 'a reply after it' });
    const run = await runAction({ comment: 'true' });
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(
      github.requests.map(({ method, url }) => [method, url]),
      [
        ['GET', `/repos/${REPOSITORY}/issues/${PULL}/comments?per_page=100&page=1`],
        ['GET', `/repos/${REPOSITORY}/issues/${PULL}/comments?per_page=100&page=2`],
        ['PATCH', `/repos/${REPOSITORY}/issues/comments/555`],
      ],
    );
    assert.equal(github.comments.find((comment) => comment.id === 555)!.body, `${COMMENT_MARKER}\n${run.summary}`);
    assert.equal(github.comments.length, 102, 'no comment added');
    assert.match(run.stdout, /\nPull request comment updated: https:\/\/github\.example\/pair\/plans\/pull\/7#issuecomment-555\n::error::Mentoring plan: 1 error in the changed plan files\.\n$/);
  });

  it('require-both-approvals: fails when the agreement changed, passes without it', async function () {
    this.timeout(30_000);
    git('checkout', '-q', agreementSha);
    const required = await runAction({ 'require-both-approvals': 'true' });
    assert.equal(required.code, 1, required.stderr);
    assert.match(required.stdout, /^::error::The agreement changed \(plans\/sam\.mentoring\.yaml\): the mentor and the protégé both approve agreement changes \(require-both-approvals\)\.$/m);
    assert.doesNotMatch(required.stdout, /^::error file=/m, 'the plan itself is valid');
    assert.match(required.summary, /\n\*\*This check fails because the agreement changed\*\* \(`require-both-approvals`\)/);
    const relaxed = await runAction({});
    assert.equal(relaxed.code, 0, relaxed.stdout + relaxed.stderr);
    assert.doesNotMatch(relaxed.stdout, /^::error/m);
    assert.deepEqual(github.requests, [], 'comment defaults to false: no API request');
  });

  it('files narrows the plans; base overrides the pull request’s', async function () {
    this.timeout(30_000);
    const run = await runAction({ files: 'team/**', base: agreementSha });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.summary, new RegExp(`^## Mentoring plan changes\\n\\n1 plan file changed since \`${agreementSha.slice(0, 7)}\`\\.`));
    assert.match(run.summary, /\n### team\/pat\.mentoring\.yml \(new file\)\n/);
    assert.doesNotMatch(run.summary, /plans\/sam/);
  });

  it('no plan changed: says so, and adds no comment where there was none', async function () {
    this.timeout(30_000);
    const run = await runAction({ comment: 'true', base: 'HEAD' });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.summary, `## Mentoring plan changes\n\nNo plan file changed since \`HEAD\`.\n`);
    assert.deepEqual(github.requests.map(({ method }) => method), ['GET']);
    assert.equal(run.stdout, '');
  });

  it('a comment the API refuses (a fork’s read-only token) is a warning; the job summary still has the report', async function () {
    this.timeout(30_000);
    github.failWith = 403;
    git('checkout', '-q', agreementSha);
    const run = await runAction({ comment: 'true' });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.stdout.split('\n').filter((line) => !line.startsWith('::warning file=')).join('\n'), `::warning::Could not write the pull request comment (GET /repos/${REPOSITORY}/issues/${PULL}/comments answered 403: Resource not accessible by integration); the job summary has the report.\n`);
    assert.match(run.summary, /^## Mentoring plan changes\n/);
  });

  it('bad input and a shallow clone: one error annotation saying what to do', async function () {
    this.timeout(30_000);
    const missing = await runAction({ base: 'f'.repeat(40) });
    assert.equal(missing.code, 1);
    assert.equal(missing.stdout, `::error::mentoring-plan action: the base commit ${'f'.repeat(40)} is not in this clone; give actions/checkout "fetch-depth: 0" so the pull request's base is fetched.\n`);
    assert.equal(missing.stderr, '', 'a usage problem, not a crash: no stack');
    const notBoolean = await runAction({ comment: 'yes' });
    assert.equal(notBoolean.stdout, '::error::mentoring-plan action: the input comment takes true or false, not "yes".\n');
    const notPullRequest = await runAction({ comment: 'true' }, { before: baseSha });
    assert.match(notPullRequest.stdout, /^::notice::comment is true, but this run is not for a pull request; the job summary has the report\.$/m);
    assert.match(notPullRequest.summary, /^## Mentoring plan changes\n\n2 plan files changed since /, 'a push compares with the commit before it');
  });
});

describe('action: the README sample', () => {
  it('is what scripts/action-sample.sh prints now (the bundle on examples/), inside the README', function () {
    this.timeout(60_000);
    const sample = spawnSync('bash', [join(ROOT, 'scripts/action-sample.sh')], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(sample.status, 0, sample.stderr);
    assert.match(sample.stdout, /^## Mentoring plan changes\n\n1 plan file changed since `1a2b3c4`\. Checks: 0 errors, 0 warnings\.\n/);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    assert.ok(readme.includes(`\n\`\`\`\`markdown\n${sample.stdout}\`\`\`\`\n`), 'README lacks the current sample: paste the output of bash scripts/action-sample.sh');
  });
});
