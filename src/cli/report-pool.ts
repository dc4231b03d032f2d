// Spreads a report's plans over worker threads (dist/report-worker.js) when the command runs on the
// real file system with many plans: checking is CPU work, and a programme's thousand plans should
// use every core. Batches go to whichever worker is free; rows come back in any order (the report
// sorts them by path).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ReportRow } from '../core/report';
import { UsageError } from './args';

export interface ReportJob {
  id: number;
  paths: string[];
  today: string;
  includeHealth: boolean;
  disabledRules: string[];
}

export interface ReportJobResult {
  id: number;
  rows: ReportRow[];
  /** A file that could not be read: the command stops with this message. */
  error?: string;
}

/** Below this many plans, starting workers costs more than it saves. */
export const MIN_PLANS_FOR_WORKERS = 64;
/** Plans per message: large enough that messaging is noise, small enough to keep workers evenly busy. */
const BATCH = 16;

/**
 * How many workers to use for `plans` plans: MENTORING_PLAN_REPORT_WORKERS when set (0: none),
 * else one per core (at most 8) when there are enough plans and the worker script is beside this one.
 */
export function reportWorkerCount(plans: number, environment: NodeJS.ProcessEnv = process.env): number {
  const forced = environment.MENTORING_PLAN_REPORT_WORKERS;
  if (!existsSync(workerScript())) return 0;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), 16);
  return plans >= MIN_PLANS_FOR_WORKERS ? Math.min(availableParallelism(), 8) : 0;
}

function workerScript(): string {
  return join(__dirname, 'report-worker.js');
}

/** Rows for `paths` from `count` workers; rejects with the first read error. */
export async function rowsFromWorkers(paths: readonly string[], count: number, job: Omit<ReportJob, 'id' | 'paths'>): Promise<ReportRow[]> {
  const batches: string[][] = [];
  for (let start = 0; start < paths.length; start += BATCH) batches.push(paths.slice(start, start + BATCH));
  const rows: ReportRow[] = [];
  const workers = Array.from({ length: Math.min(count, batches.length) }, () => new Worker(workerScript()));
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= batches.length) return resolve();
              const id = next++;
              worker.postMessage({ ...job, id, paths: batches[id] } satisfies ReportJob);
            };
            worker.on('message', (result: ReportJobResult) => {
              rows.push(...result.rows);
              if (result.error) reject(new UsageError(result.error));
              else send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a report worker stopped with exit code ${code}`))));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return rows;
}
