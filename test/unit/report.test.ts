// The programme report: one row per plan with the facts the README lists, unreadable plans listed
// with their error, nothing confidential in any format, hostile plan text inert in the HTML page,
// output independent of the order plans are found in; and the CLI command end to end.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPlan } from '../../src/core/check';
import { quickCheckPlan } from '../../src/core/quick-check';
import { buildReport, reportHtml, reportJson, reportMarkdown, reportRow } from '../../src/core/report';
import type { ReportOptions, ReportRow } from '../../src/core/report';
import { hostileCorpus } from '../support/hostile-corpus';

const ROOT = join(__dirname, '../../..');
const EXAMPLE = readFileSync(join(ROOT, 'examples/alex-and-sam.mentoring.yaml'), 'utf8');
const CLI = join(ROOT, 'dist/cli.js');
const TODAY = '2026-11-27';

function row(path: string, text: string, options: ReportOptions = { today: TODAY }): ReportRow {
  return reportRow(path, quickCheckPlan(text, { today: options.today }), options);
}

function allFormats(rows: ReportRow[], options: ReportOptions): string[] {
  const report = buildReport(rows, options);
  return [reportJson(report), reportMarkdown(report), reportHtml(report)];
}

/** Every text of the plan that is not a name, date, id or status: what a report must never show. */
function confidentialTexts(plan: unknown): string[] {
  const found: string[] = [];
  const visit = (value: unknown, key: string) => {
    if (typeof value === 'string') {
      if (!['name', 'github', 'email', 'id', 'date', 'due', 'started', 'expectedEnd', 'target', 'status', 'cadence', 'type', 'kind', 'owner', 'from', 'goal', 'session', 'goals'].includes(key)) found.push(value);
    } else if (Array.isArray(value)) value.forEach((item) => visit(item, key));
    else if (value && typeof value === 'object') for (const [name, item] of Object.entries(value)) visit(item, name);
  };
  visit(plan, '');
  return found;
}

describe('report rows', () => {
  it('gives the example plan’s facts', () => {
    assert.deepEqual(row('examples/alex-and-sam.mentoring.yaml', EXAMPLE), {
      path: 'examples/alex-and-sam.mentoring.yaml',
      parseError: null,
      mentor: 'Alex Rivera',
      protege: 'Sam Chen',
      status: 'active',
      goalsAchieved: 0,
      goalsTotal: 2,
      lastSession: '2026-11-16',
      daysSinceLastSession: 11,
      nextDue: '2026-11-30',
      nextScheduled: true,
      daysUntilNextDue: 3,
      openActions: 1,
      overdueActions: 0,
      findings: { error: 0, warning: 0, info: 0 },
      findingsByCode: {},
    });
  });

  it('counts achieved goals, overdue actions and findings, and dates the next session by cadence when none is planned', () => {
    const plan = EXAMPLE.replace('status: active\n    target: 2027-02-15', 'status: achieved\n    target: 2027-02-15');
    const later = row('p.mentoring.yaml', plan, { today: '2027-01-20' });
    assert.equal(later.goalsAchieved, 1);
    assert.equal(later.lastSession, '2026-11-30');
    assert.equal(later.daysSinceLastSession, 51);
    assert.equal(later.nextDue, '2026-12-14');
    assert.equal(later.nextScheduled, false);
    assert.equal(later.daysUntilNextDue, -37);
    assert.equal(later.overdueActions, 1);
    const issues = checkPlan(plan, { today: '2027-01-20' }).issues;
    assert.deepEqual(later.findings, { error: issues.filter((i) => i.severity === 'error').length, warning: issues.filter((i) => i.severity === 'warning').length, info: issues.filter((i) => i.severity === 'info').length });
    assert.equal(later.findingsByCode['overdue-action'], 1);
    assert.equal(later.findingsByCode['cadence-lapse'], 1);
  });

  it('lists a plan that cannot be read with its error and position, in every format', () => {
    const broken = EXAMPLE.replace('title: Lead the design', 'title: "Lead the design');
    const expected = checkPlan(broken, { today: TODAY }).issues.find((issue) => issue.code === 'yaml-syntax')!;
    const unreadable = row('broken.mentoring.yaml', broken);
    assert.deepEqual(unreadable.parseError, { code: 'yaml-syntax', message: expected.message, line: expected.range.start.line + 1, column: expected.range.start.character + 1 });
    assert.equal(unreadable.status, null);
    const [json, markdown, html] = allFormats([unreadable, row('ok.mentoring.yaml', EXAMPLE)], { today: TODAY });
    assert.equal(JSON.parse(json).plans[0].parseError.line, expected.range.start.line + 1);
    assert.match(markdown, new RegExp(`\\| broken\\.mentoring\\.yaml \\|.*unreadable: Missing closing "quote \\(line ${expected.range.start.line + 1}, column ${expected.range.start.character + 1}\\)`));
    assert.match(html, /<tr class="unreadable"><td data-sort="broken.mentoring.yaml"><code>broken.mentoring.yaml<\/code><\/td>/);
    assert.equal(JSON.parse(json).totals.unreadable, 1);
    assert.equal(row('empty.mentoring.yaml', '').parseError?.message.startsWith('The plan is empty'), true);
  });
});

describe('report confidentiality', () => {
  const plan = checkPlan(EXAMPLE, { today: TODAY }).plan;
  const secrets = confidentialTexts(plan).filter((text) => text.length >= 8);

  it('shows no note, agenda, action, feedback, goal or agreement text in any format, health or not', () => {
    assert.ok(secrets.length > 20, `only ${secrets.length} texts to look for`);
    for (const includeHealth of [false, true]) {
      for (const output of allFormats([row('a.mentoring.yaml', EXAMPLE, { today: TODAY, includeHealth })], { today: TODAY, includeHealth })) {
        for (const secret of secrets) assert.ok(!output.includes(secret) && !output.includes(JSON.stringify(secret).slice(1, -1)), `"${secret}" is in the report`);
      }
    }
  });

  it('shows health ratings only with includeHealth', () => {
    const [json, markdown, html] = allFormats([row('a.mentoring.yaml', EXAMPLE)], { today: TODAY });
    assert.ok(!('health' in JSON.parse(json).plans[0]));
    assert.doesNotMatch(markdown, /health/i);
    assert.doesNotMatch(html, /<svg|Health/);
    const options = { today: TODAY, includeHealth: true };
    const [withJson, withMarkdown, withHtml] = allFormats([row('a.mentoring.yaml', EXAMPLE, options)], options);
    assert.deepEqual(JSON.parse(withJson).plans[0].health, { mentor: { scores: [4, 4], direction: 'steady' }, protege: { scores: [4, 5], direction: 'rising' } });
    assert.match(withMarkdown, /\| 4 4 \(steady\) \| 4 5 \(rising\) \|/);
    assert.equal(withHtml.match(/<svg class="spark/g)?.length, 2);
  });
});

describe('report formats', () => {
  const ALLOWED_ATTRIBUTES = new Set(['lang', 'charset', 'http-equiv', 'content', 'name', 'id', 'class', 'data-sort', 'scope', 'type', 'width', 'height', 'viewBox', 'role', 'aria-label', 'points', 'fill', 'stroke-width', 'cx', 'cy', 'r']);
  const ALLOWED_TAGS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'p', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'button', 'code', 'span', 'strong', 'svg', 'polyline', 'circle', 'script']);

  it('keeps hostile plan text inert in the HTML page and the Markdown table', () => {
    const options = { today: TODAY, includeHealth: true };
    const rows = hostileCorpus(EXAMPLE).map((file) => row(`hostile/<b>${file.name}`, file.bytes.toString('utf8'), options));
    assert.ok(rows.some((r) => r.mentor?.includes('<script>')), 'the corpus should put markup in a name');
    const report = buildReport(rows, options);
    const html = reportHtml(report);
    // Our one script is constant code; what matters is every tag outside it.
    const scripts = [...html.matchAll(/<script>[\s\S]*?<\/script>/g)];
    assert.equal(scripts.length, 1, 'one script element, ours');
    assert.doesNotMatch(scripts[0][0], /hostile|alert|evil/);
    const tags = [...html.replace(/<script>[\s\S]*?<\/script>/, '').matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((match) => match[1].toLowerCase());
    assert.deepEqual([...new Set(tags)].filter((tag) => !ALLOWED_TAGS.has(tag)), []);
    assert.ok(!tags.includes('script'), 'a script element besides ours');
    // Every tag is whole and has only our attributes: plan text never opens a tag or an attribute.
    const outside = html.replace(/<script>[\s\S]*?<\/script>/, '');
    for (const at of [...outside.matchAll(/<(?=[a-zA-Z])/g)].map((match) => match.index)) {
      const tag = /^<[a-zA-Z][a-zA-Z0-9]*((?:\s+[a-zA-Z-]+(?:="[^"<>]*")?)*)\s*\/?>/.exec(outside.slice(at));
      assert.ok(tag, `a broken tag: ${outside.slice(at, at + 80)}`);
      for (const [, name] of tag[1].matchAll(/\s+([a-zA-Z-]+)(?:="[^"]*")?/g)) assert.ok(ALLOWED_ATTRIBUTES.has(name), `attribute ${name} in ${tag[0]}`);
    }
    assert.match(html, /&#60;script&#62;alert\(1\)&#60;\/script&#62;/);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    const markdown = reportMarkdown(report);
    assert.doesNotMatch(markdown, /(^|[^\\])<script>/);
    for (const line of markdown.split('\n').filter((l) => l.startsWith('| hostile'))) assert.equal(line.split(/(?<!\\)\|/).length, 16, `a cell broke the table: ${line}`);
  });

  it('is the same whatever order the plans come in, sorted by path', () => {
    const rows = ['b/x.mentoring.yaml', 'a/z.mentoring.yaml', 'a/y.mentoring.yaml'].map((path) => row(path, EXAMPLE));
    const forward = allFormats(rows, { today: TODAY });
    assert.deepEqual(allFormats([...rows].reverse(), { today: TODAY }), forward);
    assert.deepEqual(
      JSON.parse(forward[0]).plans.map((r: ReportRow) => r.path),
      ['a/y.mentoring.yaml', 'a/z.mentoring.yaml', 'b/x.mentoring.yaml'],
    );
  });

  it('documents its JSON fields in the README', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const field of Object.keys(row('a.mentoring.yaml', EXAMPLE, { today: TODAY, includeHealth: true }))) assert.match(readme, new RegExp(`\`${field}\``), `README does not describe ${field}`);
  });
});

describe('mentoring-plan report (built CLI)', () => {
  let folder: string;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'mp-report-'));
    mkdirSync(join(folder, 'team-b'));
    mkdirSync(join(folder, 'node_modules'));
    writeFileSync(join(folder, 'team-b/sam.mentoring.yaml'), EXAMPLE);
    writeFileSync(join(folder, 'broken.mentoring.yml'), 'schemaVersion: 1\nmentorship: "open\n');
    writeFileSync(join(folder, 'node_modules/skip.mentoring.yaml'), EXAMPLE);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'report', ...args], { cwd: folder, encoding: 'utf8' });

  it('reports every plan under the folders, unreadable ones included, in each format', () => {
    const json = run('--format', 'json', '--today', TODAY);
    assert.equal(json.status, 0, json.stderr);
    const report = JSON.parse(json.stdout);
    const syntaxError = checkPlan(readFileSync(join(folder, 'broken.mentoring.yml'), 'utf8'), { today: TODAY }).issues.find((issue) => issue.code === 'yaml-syntax')!;
    assert.deepEqual(report.plans.map((r: ReportRow) => [r.path, r.parseError?.line ?? null]), [['broken.mentoring.yml', syntaxError.range.start.line + 1], ['team-b/sam.mentoring.yaml', null]]);
    assert.match(report.plans[0].parseError.message, /quote/);
    const markdown = run('--today', TODAY);
    assert.match(markdown.stdout, /^# Mentoring programme report, 2026-11-27/);
    const out = join(folder, 'report.html');
    const html = run('.', '--format', 'html', '--include-health', '--out', out, '--today', TODAY);
    assert.equal(html.status, 0, html.stderr);
    assert.equal(html.stdout, '');
    assert.match(html.stderr, /Report of 2 plans written to/);
    assert.match(readFileSync(out, 'utf8'), /<svg class="spark/);
  });

  it('gives the same report from worker threads as from the main thread, and the same read error', () => {
    const many = join(folder, 'many');
    for (let index = 0; index < 70; index++) {
      mkdirSync(join(many, `team-${index % 3}`), { recursive: true });
      writeFileSync(join(many, `team-${index % 3}/p${index}.mentoring.yaml`), index % 10 === 0 ? 'mentorship: [\n' : EXAMPLE.replace('Alex Rivera', `Mentor ${index}`));
    }
    const report = (workers: string, ...args: string[]) =>
      spawnSync(process.execPath, [CLI, 'report', 'many', '--format', 'json', '--include-health', '--today', TODAY, ...args], { cwd: folder, encoding: 'utf8', env: { ...process.env, MENTORING_PLAN_REPORT_WORKERS: workers } });
    const main = report('0');
    const threads = report('2');
    assert.equal(threads.status, 0, threads.stderr);
    assert.equal(JSON.parse(threads.stdout).plans.length, 70);
    assert.equal(JSON.parse(threads.stdout).totals.unreadable, 7);
    assert.equal(threads.stdout, main.stdout);
    symlinkSync(join(folder, 'nowhere.yaml'), join(many, 'team-1/dangling.mentoring.yaml'));
    const [mainError, threadError] = [report('0'), report('2')];
    assert.equal(threadError.status, 2);
    assert.match(threadError.stderr, /Cannot read many\/team-1\/dangling\.mentoring\.yaml: ENOENT/);
    assert.equal(threadError.stderr, mainError.stderr);
    rmSync(many, { recursive: true });
  });

  it('refuses an unknown format or date with exit status 2', () => {
    const format = run('--format', 'pdf');
    assert.equal(format.status, 2);
    assert.match(format.stderr, /--format takes markdown, json or html, not "pdf"/);
    assert.equal(run('--today', '2026-02-30').status, 2);
    assert.match(run('--help').stdout, /--include-health/);
  });
});
