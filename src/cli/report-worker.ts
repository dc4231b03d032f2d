// A worker thread of `mentoring-plan report` (dist/report-worker.js): reads, checks and reduces
// the plans it is sent to rows, so a report over many plans uses every core. Rows only go back;
// the plans' text stays here and is dropped.
import { promises as fs } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { quickCheckPlan } from '../core/quick-check';
import { reportRow } from '../core/report';
import type { ReportRow } from '../core/report';
import type { ReportJob, ReportJobResult } from './report-pool';

parentPort?.on('message', (job: ReportJob) => {
  void run(job).then((result) => parentPort?.postMessage(result));
});

async function run(job: ReportJob): Promise<ReportJobResult> {
  const rows: ReportRow[] = [];
  for (const path of job.paths) {
    let text: string;
    try {
      text = await fs.readFile(path, 'utf8');
    } catch (error) {
      return { id: job.id, rows, error: `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.` };
    }
    rows.push(reportRow(path, quickCheckPlan(text, { today: job.today, disabledRules: job.disabledRules }), { today: job.today, includeHealth: job.includeHealth }));
  }
  return { id: job.id, rows };
}
