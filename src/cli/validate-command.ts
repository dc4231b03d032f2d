import { join } from 'node:path';
import { checkPlan } from '../core/check';
import type { PlanIssue } from '../core/issues';
import { localToday, parseCommandArgs, readTextFile, requireDate, UsageError } from './args';
import type { CliIo } from './io';
import { EXIT_FINDINGS, EXIT_OK } from './io';

export const VALIDATE_USAGE = `Usage: mentoring-plan validate [PATH...] [--format text|json|github] [--today YYYY-MM-DD] [--disable CODE]...

Checks mentoring plans against the schema and the plan rules. PATH may be a file or a folder;
folders are searched for *.mentoring.yaml and *.mentoring.yml (node_modules and .git skipped).
Without PATH, the current folder is searched.

  --format   text (default): file:line:col severity code message
             json: {"files":[{"path","issues":[...]}],"errors":N,"warnings":N}
             github: workflow annotations for pull requests
  --today    the date rules compare against (default: today)
  --disable  a rule code to skip; repeat for more

Exit status: 0 no errors, 1 errors found, 2 usage or I/O problem.`;

const PLAN_FILE = /\.mentoring\.ya?ml$/;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

interface FileReport {
  path: string;
  issues: PlanIssue[];
}

export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string', default: 'text' },
    today: { type: 'string' },
    disable: { type: 'string', multiple: true },
  });
  if (values.help) {
    io.out(VALIDATE_USAGE);
    return EXIT_OK;
  }
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'github') throw new UsageError(`--format takes text, json or github, not "${format}".`);
  const today = requireDate(values.today, '--today') ?? localToday();
  const files = await collectPlanFiles(positionals.length ? positionals : ['.'], io);
  if (files.length === 0) throw new UsageError(`No *.mentoring.yaml files found in ${positionals.length ? positionals.join(', ') : 'the current folder'}.`);

  const reports: FileReport[] = [];
  for (const path of files) {
    const text = await readTextFile(io, path);
    reports.push({ path, issues: checkPlan(text, { today, disabledRules: values.disable ?? [] }).issues });
  }
  const count = (severity: PlanIssue['severity']) => reports.reduce((sum, report) => sum + report.issues.filter((issue) => issue.severity === severity).length, 0);
  const errors = count('error');
  const warnings = count('warning');

  if (format === 'json') {
    io.out(JSON.stringify({ files: reports.map((report) => ({ path: report.path, issues: report.issues.map(toJsonIssue) })), errors, warnings }));
  } else {
    for (const report of reports) {
      for (const issue of report.issues) io.out(format === 'github' ? githubAnnotation(report.path, issue) : textLine(report.path, issue));
    }
    if (format === 'text') io.out(`${files.length} plan${files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${count('info')} info.`);
  }
  return errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}

function toJsonIssue(issue: PlanIssue) {
  return {
    severity: issue.severity,
    code: issue.code,
    message: issue.message,
    line: issue.range.start.line + 1,
    column: issue.range.start.character + 1,
    endLine: issue.range.end.line + 1,
    endColumn: issue.range.end.character + 1,
  };
}

function textLine(path: string, issue: PlanIssue): string {
  // One issue, one line: a line break inside a quoted value must not start a fake finding.
  const message = issue.message.replace(/\r\n|[\r\n\u2028\u2029]/g, '\\n');
  return `${path}:${issue.range.start.line + 1}:${issue.range.start.character + 1} ${issue.severity} ${issue.code} ${message}`;
}

/** GitHub's workflow-command escaping: data escapes %, CR, LF; properties also : and ,. */
export function workflowData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function githubAnnotation(path: string, issue: PlanIssue): string {
  const data = workflowData;
  const property = (text: string) => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const level = issue.severity === 'info' ? 'notice' : issue.severity;
  const { start, end } = issue.range;
  return `::${level} file=${property(path)},line=${start.line + 1},col=${start.character + 1},endLine=${end.line + 1},endColumn=${end.character + 1},title=${property(`mentoring-plan ${issue.code}`)}::${data(issue.message)}`;
}

export async function collectPlanFiles(paths: string[], io: CliIo): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    if (!(await io.exists(path))) throw new UsageError(`${path}: no such file or folder.`);
    if (await io.isDirectory(path)) await walk(path, io, found);
    else found.push(path);
  }
  return found;
}

async function walk(folder: string, io: CliIo, found: string[]): Promise<void> {
  const entries = await io.readDir(folder);
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = folder === '.' ? entry.name : join(folder, entry.name);
    if (entry.isDirectory) {
      if (!SKIPPED_FOLDERS.has(entry.name)) await walk(path, io, found);
    } else if (PLAN_FILE.test(entry.name)) {
      found.push(path);
    }
  }
}
