// The plan files the unit tests compare paths on: every *.mentoring.yaml/yml under a folder of the repository.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository's root, from the compiled test (out/test/<folder>/). */
export const ROOT = join(__dirname, '../../..');

/** Every plan file under `folder` (relative to the root), with its text. */
export function planFiles(folder: string): { name: string; text: string }[] {
  const found: { name: string; text: string }[] = [];
  for (const entry of readdirSync(join(ROOT, folder), { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...planFiles(path));
    else if (/\.mentoring\.ya?ml$/.test(entry.name)) found.push({ name: path, text: readFileSync(join(ROOT, path), 'utf8') });
  }
  return found;
}
