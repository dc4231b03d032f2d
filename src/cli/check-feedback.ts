// `mentoring-plan check-feedback`: the feedback editor's future-focus check from the terminal, so a
// mentor can check a draft (or a CI job a file) before it goes into the plan.
import { analyzeFeedback } from '../core/feedback';
import type { FeedbackFinding } from '../core/feedback';
import { parseCommandArgs, UsageError } from './args';
import type { CliIo } from './io';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './io';

export const CHECK_FEEDBACK_USAGE = `Usage: mentoring-plan check-feedback [FILE|-] [--json]

Checks feedback text for backward-looking and judging language (dwelling on the past, "always/never",
labels of the person, verdict words) and suggests future-focused wording (feedforward).
Reads FILE, or standard input when FILE is - or missing.

  --json   print {"score":N,"findings":[{"code","message","start","end","suggestion"}]};
           start and end are UTF-16 offsets into the text; suggestion is left out
           when there is no safe rewrite
  --help   show this help

Exit status: 0 no findings, 1 findings, 2 usage error.`;

export async function checkFeedbackCommand(args: string[], io: CliIo): Promise<number> {
  try {
    return await run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`mentoring-plan check-feedback: ${error.message}`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean', default: false } });
  if (values.help) {
    io.out(CHECK_FEEDBACK_USAGE);
    return EXIT_OK;
  }
  if (positionals.length > 1) throw new UsageError(`takes at most one FILE, got ${positionals.length}. Run with --help for usage.`);
  const file = positionals[0];
  const text = file === undefined || file === '-' ? await readStdin(io) : await readNamedFile(io, file);

  const { score, findings, error } = analyzeFeedback(text);
  if (error !== undefined) {
    // Not "no findings": the text was not checked at all.
    io.err(`check-feedback: the analysis failed (${error}); the text was not checked.`);
    return EXIT_USAGE;
  }
  if (values.json) {
    // Fixed key order, so the output is stable for scripts and diffs.
    const json = findings.map((f) => ({ code: f.code, message: f.message, start: f.start, end: f.end, suggestion: f.suggestion }));
    io.out(JSON.stringify({ score, findings: json }));
  } else {
    const lines = lineStarts(text);
    for (const f of findings) io.out(formatFinding(lines, f));
    io.out(`score: ${score}/100, ${findings.length === 0 ? 'no findings' : `${findings.length} finding${findings.length === 1 ? '' : 's'}`}`);
  }
  return findings.length === 0 ? EXIT_OK : EXIT_FINDINGS;
}

async function readStdin(io: CliIo): Promise<string> {
  try {
    return await io.readStdin();
  } catch (error) {
    throw new UsageError(`cannot read standard input: ${(error as Error).message}`);
  }
}

async function readNamedFile(io: CliIo, file: string): Promise<string> {
  if (!(await io.exists(file))) throw new UsageError(`${file}: no such file.`);
  if (await io.isDirectory(file).catch(() => false)) throw new UsageError(`${file} is a directory; give a text file.`);
  try {
    return await io.readFile(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/** Offsets where each line starts; \r\n, \r and \n all end a line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue; // the \n of this \r\n ends the line
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

function formatFinding(starts: number[], f: FeedbackFinding): string {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= f.start) lo = mid;
    else hi = mid - 1;
  }
  // 1-based line and column; the column counts UTF-16 units, as editors do.
  const where = `${lo + 1}:${f.start - starts[lo] + 1}`;
  const suggestion = f.suggestion === undefined ? '' : ` (suggestion: "${f.suggestion}")`;
  return `${where} ${f.code} ${f.message}${suggestion}`;
}
