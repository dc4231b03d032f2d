// Timing and recording for `npm run bench`: medians of a few runs after a warm-up, each figure under
// a stable name so out/bench/results.json can be compared run to run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export interface Sampling {
  /** Most timed runs (after the untimed warm-up). */
  runs: number;
  /** Stop early once the timed runs took this long, with at least three of them: keeps the whole bench within minutes. */
  budgetMs?: number;
}

export interface Timing {
  medianMs: number;
  runs: number;
}

/** Median wall time of `run`, after warm-up runs (up to three, within a second) that pay for JIT compilation and first-use caches. */
export async function timeRuns(run: () => unknown, sampling: Sampling): Promise<Timing> {
  const warmUpUntil = performance.now() + 1000;
  for (let warmUps = 0; warmUps < 3 && (warmUps === 0 || performance.now() < warmUpUntil); warmUps++) await run();
  const samples: number[] = [];
  let spent = 0;
  while (samples.length < sampling.runs && !(samples.length >= 3 && sampling.budgetMs !== undefined && spent >= sampling.budgetMs)) {
    const start = performance.now();
    await run();
    const elapsed = performance.now() - start;
    samples.push(elapsed);
    spent += elapsed;
  }
  return { medianMs: median(samples), runs: samples.length };
}

/** The figures of one bench run: stable name → milliseconds. */
export class Figures {
  private readonly values = new Map<string, number>();

  record(name: string, ms: number): number {
    if (this.values.has(name)) throw new Error(`bench figure ${name} recorded twice`);
    this.values.set(name, ms);
    return ms;
  }

  get(name: string): number | undefined {
    return this.values.get(name);
  }

  toJSON(): Record<string, number> {
    const entries = [...this.values].sort(([a], [b]) => a.localeCompare(b));
    return Object.fromEntries(entries.map(([name, ms]) => [name, Number(ms.toPrecision(4))]));
  }

  write(path: string): void {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify(this.toJSON(), null, 2)}\n`);
  }
}

export function formatMs(ms: number | undefined): string {
  if (ms === undefined) return '—';
  if (ms < 0.1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 10_000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}
