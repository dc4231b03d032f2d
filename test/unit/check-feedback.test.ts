import * as assert from 'node:assert/strict';
import { checkFeedbackCommand } from '../../src/cli/check-feedback';
import type { CliIo } from '../../src/cli/io';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from '../../src/cli/io';

/** An in-memory CliIo: files from a map, stdin from a string, output captured. */
function memoryIo(files: Record<string, string> = {}, stdin = ''): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const dirs = new Set(['docs']);
  return {
    stdout,
    stderr,
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
    readFile: async (path) => {
      if (!(path in files)) throw new Error(`ENOENT: ${path}`);
      return files[path];
    },
    writeFile: async () => {
      throw new Error('check-feedback must not write files');
    },
    readStdin: async () => stdin,
    readDir: async () => [],
    isDirectory: async (path) => dirs.has(path),
    exists: async (path) => path in files || dirs.has(path),
    cwd: '/work',
  };
}

const JUDGING = 'Thanks for the demo.\r\nYou should have tested the migration. You are careless.\n';
const CLEAN = 'Next time, try opening with the user story. What would help you feel ready?';

describe('check-feedback command', () => {
  it('lists findings as line:col code message (suggestion) and the score, exit 1', async () => {
    const io = memoryIo({ 'draft.txt': JUDGING });
    assert.equal(await checkFeedbackCommand(['draft.txt'], io), EXIT_FINDINGS);
    assert.deepEqual(io.stderr, []);
    assert.equal(io.stdout.length, 3);
    assert.match(io.stdout[0], /^2:1 past-dwelling .+ \(suggestion: "Next time, you could test"\)$/);
    assert.match(io.stdout[1], /^2:39 person-label .+ \(suggestion: "Going forward, you could be more careful"\)$/);
    assert.match(io.stdout[2], /^score: \d+\/100, 2 findings$/);
  });

  it('reads standard input when FILE is - or missing, exit 0 when clean', async () => {
    for (const args of [['-'], []]) {
      const io = memoryIo({}, CLEAN);
      assert.equal(await checkFeedbackCommand(args, io), EXIT_OK);
      assert.deepEqual(io.stdout, ['score: 100/100, no findings']);
    }
  });

  it('prints exactly the JSON shape with --json', async () => {
    const io = memoryIo({}, 'Why did you skip the review? Keep asking questions.');
    assert.equal(await checkFeedbackCommand(['--json'], io), EXIT_FINDINGS);
    assert.equal(io.stdout.length, 1);
    const parsed = JSON.parse(io.stdout[0]) as { score: number; findings: Record<string, unknown>[] };
    assert.deepEqual(Object.keys(parsed), ['score', 'findings']);
    assert.deepEqual(Object.keys(parsed.findings[0]), ['code', 'message', 'start', 'end', 'suggestion']);
    assert.deepEqual(
      { ...parsed.findings[0], message: '' },
      { code: 'past-dwelling', message: '', start: 0, end: 27, suggestion: 'What would you do differently next time you skip the review' },
    );
    assert.equal(parsed.score, 70);

    const clean = memoryIo({ 'a.txt': CLEAN });
    assert.equal(await checkFeedbackCommand(['a.txt', '--json'], clean), EXIT_OK);
    assert.equal(clean.stdout[0], '{"score":100,"findings":[]}');
  });

  it('prints usage and exits 0 with --help', async () => {
    const io = memoryIo();
    assert.equal(await checkFeedbackCommand(['--help'], io), EXIT_OK);
    assert.match(io.stdout.join('\n'), /^Usage: mentoring-plan check-feedback \[FILE\|-\] \[--json\]/);
  });

  const usageErrors: [string, string[], RegExp][] = [
    ['an unknown flag', ['--fix'], /--fix/],
    ['more than one file', ['a.txt', 'b.txt'], /at most one FILE/],
    ['a missing file', ['nope.txt'], /nope\.txt: no such file/],
    ['a directory', ['docs'], /docs is a directory/],
  ];
  for (const [name, args, message] of usageErrors) {
    it(`exits 2 with one line on stderr for ${name}`, async () => {
      const io = memoryIo({ 'a.txt': CLEAN, 'b.txt': CLEAN });
      assert.equal(await checkFeedbackCommand(args, io), EXIT_USAGE);
      assert.deepEqual(io.stdout, []);
      assert.equal(io.stderr.length, 1);
      assert.match(io.stderr[0], /^mentoring-plan check-feedback: /);
      assert.match(io.stderr[0], message);
      assert.doesNotMatch(io.stderr[0], /\n|\bat .+:\d+:\d+/);
    });
  }

  it('counts columns in UTF-16 units after emoji, on the right line after a bare CR', async () => {
    const io = memoryIo({}, 'Great 🎉 start.\rSo far 👍 you never ask for help.');
    assert.equal(await checkFeedbackCommand([], io), EXIT_FINDINGS);
    assert.match(io.stdout[0], /^2:11 absolute-judgement /);
  });

  it('handles empty input', async () => {
    const io = memoryIo({ 'empty.txt': '' });
    assert.equal(await checkFeedbackCommand(['empty.txt'], io), EXIT_OK);
    assert.deepEqual(io.stdout, ['score: 100/100, no findings']);
  });
});
