// Argument parsing shared by the commands: node's parseArgs in strict mode, with its errors turned
// into one plain line instead of a stack trace.
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { isCalendarDate, localIsoDate } from '../core/dates';
import type { CliIo } from './io';

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

/** Today in the local time zone: the CLI's one read of the clock. */
export function localToday(now = new Date()): string {
  return localIsoDate(now);
}

/** Reads a file a command was given; a failure is the user's environment, so one plain line. */
export async function readTextFile(io: CliIo, path: string): Promise<string> {
  try {
    return await io.readFile(path);
  } catch (error) {
    throw new UsageError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
}
