// The CLI's writes on a real file system (issue 9, defect 8): a file is replaced whole or not at
// all, keeps its permissions and links, and a change made on disk after the command read the file
// is never overwritten.
import * as assert from 'node:assert/strict';
import { chmodSync, lstatSync, mkdtempSync, promises as fs, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/io';
import { nodeIo, writeFileAtomic } from '../../src/cli/node-io';
import type { WriteFileSystem } from '../../src/cli/node-io';
import { runCli } from '../../src/cli/run-cli';

const EXAMPLE = readFileSync(join(__dirname, '../../../examples/alex-and-sam.mentoring.yaml'), 'utf8');

/** nodeIo with its terminal captured; `overrides` replace single capabilities. */
function captured(overrides: Partial<CliIo> = {}): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { ...nodeIo(), out: (text) => stdout.push(text), err: (text) => stderr.push(text), ...overrides, stdout, stderr };
}

/** fs.promises whose file writes stop half-way with "no space left on device". */
const diskFullHalfWay: WriteFileSystem = {
  ...fs,
  open: (async (path: string, flags: string, mode: number) => {
    const handle = await fs.open(path, flags, mode);
    return new Proxy(handle, {
      get(target, property: keyof FileHandle) {
        if (property === 'writeFile') {
          return async (data: string) => {
            await target.writeFile(data.slice(0, data.length >> 1));
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          };
        }
        const value = target[property];
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }) as WriteFileSystem['open'],
};

describe('cli: writes replace the file whole, keep its mode, and never overwrite a newer version', () => {
  let folder: string;
  let plan: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'mentoring-write-'));
    plan = join(folder, 'sam.mentoring.yaml');
    writeFileSync(plan, EXAMPLE);
  });

  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('set-goal-status changes the file, keeps its mode and leaves no temporary file', async () => {
    chmodSync(plan, 0o640);
    const io = captured();
    assert.equal(await runCli(['set-goal-status', plan, 'code-review-voice', 'achieved'], io), 0, io.stderr.join('\n'));
    assert.equal(readFileSync(plan, 'utf8'), EXAMPLE.replace('  - id: code-review-voice\n    title: Give code reviews that teach\n    kind: objective\n    why: Reviews are where most of the team\'s learning happens.\n    status: active', '  - id: code-review-voice\n    title: Give code reviews that teach\n    kind: objective\n    why: Reviews are where most of the team\'s learning happens.\n    status: achieved'));
    assert.equal(statSync(plan).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(folder), ['sam.mentoring.yaml']);
  });

  it('a plan reached through a symbolic link is written where the link points, and the link stays', async () => {
    const link = join(folder, 'link.mentoring.yaml');
    symlinkSync('sam.mentoring.yaml', link);
    const io = captured();
    assert.equal(await runCli(['add-session', link, '--date', '2026-12-14'], io), 0, io.stderr.join('\n'));
    assert.ok(lstatSync(link).isSymbolicLink());
    assert.equal(readlinkSync(link), 'sam.mentoring.yaml');
    assert.match(readFileSync(plan, 'utf8'), /id: checkin-2026-12-14/);
  });

  it('a disk that fills up mid-write leaves the plan as it was, and no temporary file (add-session, exit 2)', async () => {
    const io = captured({ writeFile: (path, text, expected) => writeFileAtomic(path, text, expected, diskFullHalfWay) });
    assert.equal(await runCli(['add-session', plan, '--date', '2026-12-14'], io), 2);
    assert.match(io.stderr.join('\n'), /^mentoring-plan add-session: Cannot write .*sam\.mentoring\.yaml: ENOSPC\.$/);
    assert.equal(readFileSync(plan, 'utf8'), EXAMPLE);
    assert.deepEqual(readdirSync(folder), ['sam.mentoring.yaml']);
  });

  it('a file changed between the read and the write is not overwritten (set-goal-status, exit 2)', async () => {
    const newer = `${EXAMPLE}# the mentor's edit, saved while the command ran\n`;
    const io = captured({
      readFile: async (path) => {
        const text = await fs.readFile(path, 'utf8');
        await fs.writeFile(path, newer);
        return text;
      },
    });
    assert.equal(await runCli(['set-goal-status', plan, 'system-design', 'at-risk'], io), 2);
    assert.deepEqual(io.stderr, [`mentoring-plan set-goal-status: ${plan} changed on disk since it was read; nothing was written. Run the command again on the new version.`]);
    assert.equal(readFileSync(plan, 'utf8'), newer);
    assert.deepEqual(readdirSync(folder), ['sam.mentoring.yaml']);
  });

  it('init without --force does not overwrite a file that appeared after the check; with --force it does', async () => {
    const fresh = join(folder, 'new.mentoring.yaml');
    const io = captured({
      exists: async () => {
        writeFileSync(fresh, 'written meanwhile\n');
        return false;
      },
    });
    assert.equal(await runCli(['init', fresh], io), 2);
    assert.match(io.stderr.join('\n'), /new\.mentoring\.yaml was created by something else meanwhile; nothing was written\./);
    assert.equal(readFileSync(fresh, 'utf8'), 'written meanwhile\n');
    const forced = captured();
    assert.equal(await runCli(['init', fresh, '--force'], forced), 0, forced.stderr.join('\n'));
    assert.match(readFileSync(fresh, 'utf8'), /^schemaVersion: 1$/m);
  });
});
