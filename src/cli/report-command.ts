// `mentoring-plan report`: one table across many plans for whoever runs a mentoring programme.
// Streams: each plan is read, checked the quick way, reduced to its row, and dropped, so memory
// holds rows, never every parsed plan.
import { quickCheckPlan } from '../core/quick-check';
import { buildReport, reportHtml, reportJson, reportMarkdown, reportRow } from '../core/report';
import type { ReportRow } from '../core/report';
import { localToday, parseCommandArgs, readTextFile, requireDate, UsageError } from './args';
import type { CliIo } from './io';
import { EXIT_OK } from './io';
import { reportWorkerCount, rowsFromWorkers } from './report-pool';
import { collectPlanFiles } from './validate-command';

export const REPORT_USAGE = `Usage: mentoring-plan report [PATH...] [--format markdown|json|html] [--include-health] [--out FILE] [--today YYYY-MM-DD] [--disable CODE]...

One row per plan found under PATH (files or folders; default the current folder): the pair,
status, goals achieved of total, last session and days since, next session due, open and
overdue actions, and findings by severity. Plans that cannot be read are listed with the reason
and its line. Only names, counts, dates and statuses: no notes, agendas, feedback or agreement
text.

  --format          markdown (default): a table
                    json: {"formatVersion","today","includeHealth","plans":[...],"totals"}
                    html: one self-contained page with a sortable table
  --include-health  adds each side's latest health ratings and their trend (off by default:
                    a pair may consider them private)
  --out             write to FILE instead of standard output
  --today           the date facts and checks compare against (default: today)
  --disable         a check code to leave out of the findings; repeat for more

With 64 plans or more, plans are checked on one worker thread per core
(MENTORING_PLAN_REPORT_WORKERS=N sets how many; 0 checks them on the main thread).`;

const FORMATS = { markdown: reportMarkdown, json: reportJson, html: reportHtml } as const;

export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string', default: 'markdown' },
    'include-health': { type: 'boolean', default: false },
    out: { type: 'string' },
    today: { type: 'string' },
    disable: { type: 'string', multiple: true },
  });
  if (values.help) {
    io.out(REPORT_USAGE);
    return EXIT_OK;
  }
  const format = values.format as string;
  if (!Object.hasOwn(FORMATS, format)) throw new UsageError(`--format takes markdown, json or html, not "${format}".`);
  const today = requireDate(values.today, '--today') ?? localToday();
  const options = { today, includeHealth: values['include-health'] === true };
  const files = await collectPlanFiles(positionals.length ? positionals : ['.'], io);
  if (files.length === 0) throw new UsageError(`No *.mentoring.yaml files found in ${positionals.length ? positionals.join(', ') : 'the current folder'}.`);

  const disabledRules = values.disable ?? [];
  const workers = io.realFileSystem ? reportWorkerCount(files.length) : 0;
  let rows: ReportRow[] = [];
  if (workers > 0) {
    rows = await rowsFromWorkers(files, workers, { ...options, disabledRules });
  } else {
    for (const path of files) {
      const text = await readTextFile(io, path);
      rows.push(reportRow(path, quickCheckPlan(text, { today, disabledRules }), options));
    }
  }
  const output = FORMATS[format as keyof typeof FORMATS](buildReport(rows, options));
  if (values.out !== undefined) {
    try {
      await io.writeFile(values.out, output);
    } catch (error) {
      throw new UsageError(`Cannot write ${values.out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
    }
    io.err(`Report of ${files.length} plan${files.length === 1 ? '' : 's'} written to ${values.out}.`);
  } else {
    io.out(output);
  }
  return EXIT_OK;
}
