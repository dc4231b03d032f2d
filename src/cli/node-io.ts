// The real file system and terminal behind CliIo.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CliIo } from './io';
import { FileChangedError } from './io';

/** The parts of fs.promises a write uses; tests pass one that fails on purpose. */
export type WriteFileSystem = Pick<typeof fs, 'open' | 'stat' | 'realpath' | 'chmod' | 'readFile' | 'rename' | 'rm'>;

export function nodeIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    readFile: (path) => fs.readFile(path, 'utf8'),
    writeFile: (path, text, expected) => writeFileAtomic(path, text, expected),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    readDir: async (path) => (await fs.readdir(path, { withFileTypes: true })).map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory() })),
    isDirectory: async (path) => (await fs.stat(path)).isDirectory(),
    exists: (path) =>
      fs.stat(path).then(
        () => true,
        () => false,
      ),
    cwd: process.cwd(),
    realFileSystem: true,
  };
}

/**
 * Writes `text` to a temporary file beside `path` (same folder, so the rename cannot cross file
 * systems), flushes it, and renames it over `path`: a crash or a full disk leaves the old file
 * whole. The old file's permissions are kept, and a symbolic link is followed, not replaced.
 * With `expected` (see CliIo.writeFile), the file is compared right before the rename.
 */
export async function writeFileAtomic(path: string, text: string, expected?: string | null, fileSystem: WriteFileSystem = fs): Promise<void> {
  const target = await fileSystem.realpath(path).catch(() => path);
  const mode = await fileSystem.stat(target).then(
    (stats) => stats.mode & 0o7777,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    },
  );
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fileSystem.open(temporary, 'wx', mode ?? 0o666);
  try {
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    // open() applies the umask; the old file's mode is what the user chose.
    if (mode !== undefined) await fileSystem.chmod(temporary, mode);
    if (expected !== undefined) {
      const current = await fileSystem.readFile(target, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      if (current !== expected) throw new FileChangedError(path);
    }
    await fileSystem.rename(temporary, target);
  } catch (error) {
    await fileSystem.rm(temporary, { force: true });
    throw error;
  }
}
