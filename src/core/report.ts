// The programme report (issue 15): one row per plan for whoever runs a mentoring programme, in
// JSON, Markdown or one self-contained HTML page. Confidentiality: a row holds the pair's names,
// counts, dates and statuses only; never notes, agendas, feedback, goal titles or agreement text,
// and health scores only when asked for (a pair may consider them private).
import { dayNumber } from './dates';
import type { PlanIssue, Severity } from './issues';
import { datedSessions, entriesOf, mentorshipStatus, openActionCount, overdueActions, planStatus, textOf } from './plan-facts';
import type { Session } from './plan';
import type { QuickCheckResult } from './quick-check';
import { markdownText } from './summary';

/** Ratings shown per side in a health trend: enough for a sparkline, few enough to stay a summary. */
export const HEALTH_WINDOW = 8;
/** The version of the JSON report's shape; raised when a field changes meaning or goes away. */
export const REPORT_FORMAT_VERSION = 1;

export interface ReportOptions {
  /** Today as YYYY-MM-DD, passed in by the host. */
  today: string;
  /** Adds each side's latest health ratings; off by default, since a pair may consider them private. */
  includeHealth?: boolean;
}

export interface HealthTrend {
  /** The latest ratings (1–5), oldest first, at most HEALTH_WINDOW, of sessions held up to today. */
  scores: number[];
  /** The latest rating against the first of the window. */
  direction: 'rising' | 'falling' | 'steady' | 'none';
}

/** A reason the plan could not be read, where the file shows it (1-based). */
export interface ReportParseError {
  code: string;
  message: string;
  line: number;
  column: number;
}

/** One plan's row. Field names are the JSON report's and stay stable (see README, "The report"). */
export interface ReportRow {
  path: string;
  /** Set when the file could not be read as a plan; the other facts are then null. */
  parseError: ReportParseError | null;
  mentor: string | null;
  protege: string | null;
  /** active, paused or closed (a plan that does not say is active). */
  status: string | null;
  goalsAchieved: number | null;
  goalsTotal: number | null;
  /** The latest session held on or before today. */
  lastSession: string | null;
  daysSinceLastSession: number | null;
  /** The next session: the earliest scheduled from today on, else one cadence after the last; null unless active. */
  nextDue: string | null;
  /** True when nextDue is a session in the plan, false when it is only due by cadence. */
  nextScheduled: boolean | null;
  /** Days until nextDue; negative when it has passed. */
  daysUntilNextDue: number | null;
  openActions: number | null;
  overdueActions: number | null;
  findings: Record<Severity, number>;
  /** Finding counts by check code, for the checks that found something. */
  findingsByCode: Record<string, number>;
  /** Only with includeHealth; otherwise absent. */
  health?: { mentor: HealthTrend; protege: HealthTrend };
}

export interface Report {
  formatVersion: number;
  today: string;
  includeHealth: boolean;
  plans: ReportRow[];
  totals: { plans: number; unreadable: number; errors: number; warnings: number; info: number; overdueActions: number };
}

const UNREADABLE_CODES = new Set(['yaml-syntax', 'too-large']);

/** One plan's row from its check; the plan's text is not needed, so the caller can drop it. */
export function reportRow(path: string, checked: Pick<QuickCheckResult, 'plan' | 'issues'>, options: ReportOptions): ReportRow {
  const findings: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const findingsByCode: Record<string, number> = {};
  for (const issue of checked.issues) {
    findings[issue.severity]++;
    findingsByCode[issue.code] = (findingsByCode[issue.code] ?? 0) + 1;
  }
  const unreadable = checked.issues.find((issue) => UNREADABLE_CODES.has(issue.code)) ?? (checked.plan ? undefined : checked.issues[0]);
  const plan = checked.plan;
  if (unreadable || !plan) {
    return {
      path,
      parseError: toParseError(unreadable),
      mentor: null,
      protege: null,
      status: null,
      goalsAchieved: null,
      goalsTotal: null,
      lastSession: null,
      daysSinceLastSession: null,
      nextDue: null,
      nextScheduled: null,
      daysUntilNextDue: null,
      openActions: null,
      overdueActions: null,
      findings,
      findingsByCode: sortedCounts(findingsByCode),
      ...(options.includeHealth ? { health: { mentor: noTrend(), protege: noTrend() } } : {}),
    };
  }
  const today = dayNumber(options.today);
  const goals = entriesOf(plan, 'goals');
  const held = datedSessions(plan).filter((session) => today === undefined || (dayNumber(session.date) ?? Infinity) <= today);
  const last = held.length ? String(held[held.length - 1].date) : null;
  const status = planStatus(plan, options.today);
  const next = status.nextSession ?? null;
  const mentorship = plan.mentorship && typeof plan.mentorship === 'object' ? plan.mentorship : undefined;
  const row: ReportRow = {
    path,
    parseError: null,
    mentor: personName(mentorship?.mentor),
    protege: personName(mentorship?.protege),
    status: mentorshipStatus(plan),
    goalsAchieved: goals.filter(({ item }) => item.status === 'achieved').length,
    goalsTotal: goals.length,
    lastSession: last,
    daysSinceLastSession: last !== null && today !== undefined ? today - (dayNumber(last) as number) : null,
    nextDue: next,
    nextScheduled: next === null ? null : status.scheduled,
    daysUntilNextDue: next !== null && today !== undefined && dayNumber(next) !== undefined ? (dayNumber(next) as number) - today : null,
    openActions: openActionCount(plan),
    overdueActions: overdueActions(plan, options.today).length,
    findings,
    findingsByCode: sortedCounts(findingsByCode),
  };
  if (options.includeHealth) row.health = { mentor: healthTrend(held, 'mentor'), protege: healthTrend(held, 'protege') };
  return row;
}

/** The report over rows in any order: sorted by path (code unit order, the same on every machine). */
export function buildReport(rows: readonly ReportRow[], options: ReportOptions): Report {
  const plans = [...rows].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const sum = (pick: (row: ReportRow) => number) => plans.reduce((total, row) => total + pick(row), 0);
  return {
    formatVersion: REPORT_FORMAT_VERSION,
    today: options.today,
    includeHealth: options.includeHealth === true,
    plans,
    totals: {
      plans: plans.length,
      unreadable: plans.filter((row) => row.parseError).length,
      errors: sum((row) => row.findings.error),
      warnings: sum((row) => row.findings.warning),
      info: sum((row) => row.findings.info),
      overdueActions: sum((row) => row.overdueActions ?? 0),
    },
  };
}

function toParseError(issue: PlanIssue | undefined): ReportParseError {
  if (!issue) return { code: 'schema', message: 'The file has no plan in it.', line: 1, column: 1 };
  return { code: issue.code, message: issue.message, line: issue.range.start.line + 1, column: issue.range.start.character + 1 };
}

function personName(person: unknown): string | null {
  return person !== null && typeof person === 'object' ? (textOf((person as { name?: unknown }).name) ?? null) : null;
}

function sortedCounts(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function noTrend(): HealthTrend {
  return { scores: [], direction: 'none' };
}

function healthTrend(held: readonly Partial<Session>[], side: 'mentor' | 'protege'): HealthTrend {
  const scores = held
    .map((session) => (session.health && typeof session.health === 'object' ? session.health[side] : undefined))
    .filter((score): score is number => typeof score === 'number' && Number.isFinite(score))
    .slice(-HEALTH_WINDOW);
  if (scores.length < 2) return { scores, direction: scores.length ? 'steady' : 'none' };
  const change = scores[scores.length - 1] - scores[0];
  return { scores, direction: change > 0 ? 'rising' : change < 0 ? 'falling' : 'steady' };
}

// ---- JSON ----

export function reportJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

// ---- Markdown ----

const dash = '–';

function cell(value: string | number | null | undefined): string {
  return value === null || value === undefined ? dash : markdownText(value);
}

function goalsCell(row: ReportRow): string {
  return row.goalsTotal === null ? dash : `${row.goalsAchieved}/${row.goalsTotal}`;
}

function lastCell(row: ReportRow): string {
  return row.lastSession === null ? dash : `${row.lastSession} (${row.daysSinceLastSession ?? '?'} d ago)`;
}

function nextCell(row: ReportRow): string {
  if (row.nextDue === null) return dash;
  const days = row.daysUntilNextDue;
  const when = days === null ? '' : days < 0 ? ` (${-days} d late)` : days === 0 ? ' (today)' : ` (in ${days} d)`;
  return `${row.nextDue}${row.nextScheduled ? '' : ' by cadence'}${when}`;
}

function trendText(trend: HealthTrend | undefined): string {
  return trend && trend.scores.length ? `${trend.scores.join(' ')} (${trend.direction})` : dash;
}

export function reportMarkdown(report: Report): string {
  const health = report.includeHealth;
  const header = ['plan', 'mentor', 'protégé', 'status', 'goals achieved', 'last session', 'next due', 'open actions', 'overdue', 'errors', 'warnings', 'info', ...(health ? ['health: mentor', 'health: protégé'] : [])];
  const lines = [
    `# Mentoring programme report, ${report.today}`,
    '',
    `${report.totals.plans} plan${report.totals.plans === 1 ? '' : 's'}${report.totals.unreadable ? `, ${report.totals.unreadable} unreadable` : ''}: ${report.totals.errors} errors, ${report.totals.warnings} warnings, ${report.totals.info} info, ${report.totals.overdueActions} overdue actions.`,
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
  ];
  for (const row of report.plans) {
    const status = row.parseError ? `unreadable: ${markdownText(row.parseError.message)} (line ${row.parseError.line}, column ${row.parseError.column})` : cell(row.status);
    const cells = [
      markdownText(row.path),
      cell(row.mentor),
      cell(row.protege),
      status,
      goalsCell(row),
      lastCell(row),
      nextCell(row),
      cell(row.openActions),
      cell(row.overdueActions),
      String(row.findings.error),
      String(row.findings.warning),
      String(row.findings.info),
      ...(health ? [trendText(row.health?.mentor), trendText(row.health?.protege)] : []),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

// ---- HTML ----

/** Escapes text for HTML element content and quoted attribute values: plan text is hostile input. */
export function htmlText(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A small line chart of ratings 1–5; numbers only, nothing from the plan's text. */
function sparkline(trend: HealthTrend | undefined, label: string): string {
  if (!trend || trend.scores.length === 0) return `<span class="none">${dash}</span>`;
  const width = 64;
  const height = 18;
  const step = trend.scores.length > 1 ? width / (trend.scores.length - 1) : 0;
  const y = (score: number) => (height - 2 - ((Math.min(5, Math.max(1, score)) - 1) / 4) * (height - 4)).toFixed(1);
  const points = trend.scores.map((score, index) => `${(index * step).toFixed(1)},${y(score)}`).join(' ');
  const last = trend.scores[trend.scores.length - 1];
  const title = htmlText(`${label}: ${trend.scores.join(', ')} (${trend.direction})`);
  return (
    `<svg class="spark ${trend.direction}" width="${width + 4}" height="${height}" viewBox="-2 0 ${width + 4} ${height}" role="img" aria-label="${title}"><title>${title}</title>` +
    `<polyline points="${points}" fill="none" stroke-width="1.5"/><circle cx="${((trend.scores.length - 1) * step).toFixed(1)}" cy="${y(last)}" r="2"/></svg> <span class="score">${htmlText(last)}</span>`
  );
}

/** Sorting keys: numbers sort as numbers, missing values last; the script reads only these attributes. */
function sortable(key: string | number | null | undefined, html: string, className = ''): string {
  const value = key === null || key === undefined ? '' : String(key);
  return `<td${className ? ` class="${className}"` : ''} data-sort="${htmlText(value)}">${html}</td>`;
}

const STYLE = `
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1f2328;background:#fff}
h1{font-size:20px;margin:0 0 4px}p.totals{margin:0 0 16px;color:#59636e}
table{border-collapse:collapse;width:100%}th,td{padding:6px 8px;border-bottom:1px solid #d1d9e0;text-align:left;vertical-align:middle}
th{background:#f6f8fa;position:sticky;top:0;white-space:nowrap}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:inherit}
th[aria-sort=ascending] button::after{content:" \\25B2"}th[aria-sort=descending] button::after{content:" \\25BC"}
td.num{text-align:right;font-variant-numeric:tabular-nums}td.bad{color:#cf222e;font-weight:600}td.warn{color:#9a6700}
td{white-space:nowrap}td.wrap{white-space:normal;min-width:220px}tr.unreadable td{background:#fff5f5}.none{color:#8c959f}code{font-size:12px}
svg.spark polyline{stroke:#0969da}svg.spark.falling polyline{stroke:#cf222e}svg.spark circle{fill:currentColor}
.score{font-variant-numeric:tabular-nums}`;

/** Sorts the table by a clicked column; reads data-sort values only, so no plan text is ever evaluated. */
const SCRIPT = `
(function(){var table=document.getElementById('plans');var heads=table.tHead.rows[0].cells;
function key(row,i){var v=row.cells[i].getAttribute('data-sort');return v===''?null:v;}
Array.prototype.forEach.call(heads,function(th,i){th.querySelector('button').addEventListener('click',function(){
var asc=th.getAttribute('aria-sort')!=='ascending';Array.prototype.forEach.call(heads,function(h){h.removeAttribute('aria-sort');});
th.setAttribute('aria-sort',asc?'ascending':'descending');var body=table.tBodies[0];var rows=Array.prototype.slice.call(body.rows);
rows.sort(function(a,b){var x=key(a,i),y=key(b,i);if(x===null||y===null)return x===y?0:x===null?1:-1;
var nx=Number(x),ny=Number(y);var c=!isNaN(nx)&&!isNaN(ny)?nx-ny:x<y?-1:x>y?1:0;return asc?c:-c;});
rows.forEach(function(r){body.appendChild(r);});});});})();`;

export function reportHtml(report: Report): string {
  const health = report.includeHealth;
  const columns = ['Plan', 'Mentor', 'Protégé', 'Status', 'Goals achieved', 'Last session', 'Next due', 'Open actions', 'Overdue', 'Errors', 'Warnings', 'Info', ...(health ? ['Health: mentor', 'Health: protégé'] : [])];
  const number = (value: number | null, bad = false) => sortable(value, value === null ? `<span class="none">${dash}</span>` : htmlText(value), `num${bad && value ? ' bad' : ''}`);
  const text = (value: string | null) => sortable(value, value === null ? `<span class="none">${dash}</span>` : htmlText(value));
  const rows = report.plans.map((row) => {
    const status = row.parseError
      ? sortable('~unreadable', `<strong>unreadable</strong>: ${htmlText(row.parseError.message)} <span class="none">(line ${row.parseError.line}, column ${row.parseError.column})</span>`, 'wrap')
      : text(row.status);
    const late = row.daysUntilNextDue !== null && row.daysUntilNextDue < 0;
    const cells = [
      sortable(row.path, `<code>${htmlText(row.path)}</code>`),
      text(row.mentor),
      text(row.protege),
      status,
      sortable(row.goalsTotal === null ? null : row.goalsAchieved, row.goalsTotal === null ? `<span class="none">${dash}</span>` : `${row.goalsAchieved}/${row.goalsTotal}`, 'num'),
      sortable(row.lastSession, row.lastSession === null ? `<span class="none">${dash}</span>` : `${htmlText(row.lastSession)} <span class="none">(${htmlText(row.daysSinceLastSession)} d ago)</span>`),
      sortable(row.nextDue, htmlText(nextCell(row)), late ? 'warn' : ''),
      number(row.openActions),
      number(row.overdueActions, true),
      number(row.findings.error, true),
      number(row.findings.warning),
      number(row.findings.info),
      ...(health ? [sortable(last(row.health?.mentor), sparkline(row.health?.mentor, 'Mentor')), sortable(last(row.health?.protege), sparkline(row.health?.protege, 'Protégé'))] : []),
    ];
    return `<tr${row.parseError ? ' class="unreadable"' : ''}>${cells.join('')}</tr>`;
  });
  const { totals } = report;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mentoring programme report, ${htmlText(report.today)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Mentoring programme report, ${htmlText(report.today)}</h1>
<p class="totals">${totals.plans} plans${totals.unreadable ? `, ${totals.unreadable} unreadable` : ''}: ${totals.errors} errors, ${totals.warnings} warnings, ${totals.info} info, ${totals.overdueActions} overdue actions. Counts, dates and statuses only: no notes, agendas, feedback or agreement text. Click a column to sort.</p>
<table id="plans">
<thead><tr>${columns.map((name) => `<th scope="col"><button type="button">${htmlText(name)}</button></th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function last(trend: HealthTrend | undefined): number | null {
  return trend && trend.scores.length ? trend.scores[trend.scores.length - 1] : null;
}
