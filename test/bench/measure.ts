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
  /** Most untimed warm-up runs, default 3 (fewer if they take over a second); 0 when earlier runs already warmed the same code. */
  warmUps?: number;
}

export interface Timing {
  /** Median wall time: what a user waits on a machine doing nothing else. */
  medianMs: number;
  /**
   * Median CPU time of this process (user + system) over the same runs. On a CPU shared with other
   * work the wall time grows with the contention and this does not, so it is the figure to compare
   * when the load average is high.
   */
  cpuMs: number;
  runs: number;
}

/** Median wall time of `run`, after warm-up runs that pay for JIT compilation and first-use caches. */
export async function timeRuns(run: () => unknown, sampling: Sampling): Promise<Timing> {
  const warmUpUntil = performance.now() + 1000;
  for (let warmUps = 0; warmUps < (sampling.warmUps ?? 3) && (warmUps === 0 || performance.now() < warmUpUntil); warmUps++) await run();
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  let spent = 0;
  while (samples.length < sampling.runs && !(samples.length >= 3 && sampling.budgetMs !== undefined && spent >= sampling.budgetMs)) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    await run();
    const elapsed = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    samples.push(elapsed);
    cpuSamples.push((cpu.user + cpu.system) / 1000);
    spent += elapsed;
  }
  return { medianMs: median(samples), cpuMs: median(cpuSamples), runs: samples.length };
}

/** The figures of one bench run: stable name → milliseconds of wall time, and `<name>.cpu` → CPU time. */
export class Figures {
  private readonly values = new Map<string, number>();
  private readonly timings = new Map<string, Timing>();

  record(name: string, timing: Timing | number): void {
    if (this.values.has(name)) throw new Error(`bench figure ${name} recorded twice`);
    if (typeof timing === 'number') {
      this.values.set(name, timing);
      return;
    }
    this.timings.set(name, timing);
    this.values.set(name, timing.medianMs);
    this.values.set(`${name}.cpu`, timing.cpuMs);
  }

  get(name: string): number | undefined {
    return this.values.get(name);
  }

  timing(name: string): Timing | undefined {
    return this.timings.get(name);
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

/** The wall time, and the CPU time beside it when other work on the machine made the two differ. */
export function formatTiming(timing: Timing | undefined): string {
  if (!timing) return '—';
  const contended = timing.medianMs > 1.3 * timing.cpuMs && timing.medianMs - timing.cpuMs > 1;
  return contended ? `${formatMs(timing.medianMs)} (CPU ${formatMs(timing.cpuMs)})` : formatMs(timing.medianMs);
}

export function formatMs(ms: number | undefined): string {
  if (ms === undefined) return '—';
  if (ms < 0.1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 10_000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}
