// What every issue must satisfy, whatever the input: a range that fits the text it was found in.
import type { PlanIssue } from '../../src/core/issues';

/** Why a range does not fit the text, or undefined when it does. Lines split on LF, as positions are counted. */
export function rangeFault(text: string, issue: PlanIssue): string | undefined {
  const lines = text.split('\n');
  const { start, end } = issue.range;
  for (const [name, position] of [['start', start], ['end', end]] as const) {
    if (!Number.isInteger(position.line) || !Number.isInteger(position.character) || position.line < 0 || position.character < 0) return `${name} is not a position: ${JSON.stringify(position)}`;
    if (position.line >= lines.length) return `${name} line ${position.line} is past the last line ${lines.length - 1}`;
    if (position.character > lines[position.line]!.length) return `${name} character ${position.character} is past the end of line ${position.line} (${lines[position.line]!.length})`;
  }
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return `start ${JSON.stringify(start)} is after end ${JSON.stringify(end)}`;
  return undefined;
}
