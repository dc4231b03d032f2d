// The plans every bench figure is measured on, so ours and yaml-language-server's see the same text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { largePlan } from '../support/large-plan';

/** The repository root, from the bundle in out/bench/. */
export const REPO_ROOT = join(__dirname, '../..');
export const EXAMPLE = readFileSync(join(REPO_ROOT, 'examples/alex-and-sam.mentoring.yaml'), 'utf8');
/** Fixed, so rule results do not depend on the day the bench runs. */
export const TODAY = '2026-11-27';
export const SIZES = [50, 1000, 4000] as const;

/** largePlan's sessions followed by the example's feedback list, so feedback edits have an entry to work on. */
export function benchPlan(sessions: number): string {
  const feedback = EXAMPLE.slice(EXAMPLE.indexOf('\nfeedback:\n') + 1);
  return largePlan(EXAMPLE, sessions) + feedback;
}

/** The session a keystroke or an edit lands in: the middle one, away from either end of the file. */
export function middleSession(sessions: number): number {
  return Math.floor(sessions / 2);
}

/** Where a keystroke lands: the end of the middle session's action text. */
export function keystrokeOffset(plan: string, sessions: number): number {
  const marker = `Follow up on item ${middleSession(sessions)}\n`;
  const at = plan.indexOf(marker);
  if (at < 0) throw new Error(`bench plan has no "${marker.trim()}"`);
  return at + marker.length - 1;
}

export function kilobytes(text: string): string {
  return `${Math.round(text.length / 1024).toLocaleString('en-US')} KB`;
}
