// The real file system and terminal behind CliIo.
import { promises as fs } from 'node:fs';
import type { CliIo } from './io';

export function nodeIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    readFile: (path) => fs.readFile(path, 'utf8'),
    writeFile: (path, text) => fs.writeFile(path, text, 'utf8'),
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
  };
}
