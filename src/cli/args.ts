// Argument parsing shared by the commands: node's parseArgs in strict mode, with its errors turned
// into one plain line instead of a stack trace.
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { isCalendarDate } from '../core/rules/plan-access';

export class UsageError extends Error {}

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, '.'));
  }
}

export function requireDate(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isCalendarDate(value)) throw new UsageError(`${flag} takes a date written YYYY-MM-DD, not "${value}".`);
  return value;
}

/** Today in the local time zone, as YYYY-MM-DD: the day the user is living in, not UTC's. */
export function localToday(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
