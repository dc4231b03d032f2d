// Writes the committed hostile corpus (test/support/hostile-corpus.ts) to test/fixtures/hostile/.
// Run after changing the corpus: node scripts/generate-hostile-corpus.mjs
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const outfile = join(root, 'out/scripts/hostile-corpus.cjs');
await esbuild.build({ entryPoints: [join(root, 'test/support/hostile-corpus.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning' });
const { writeHostileCorpus } = createRequire(import.meta.url)(outfile);
const example = readFileSync(join(root, 'examples/alex-and-sam.mentoring.yaml'), 'utf8');
const written = writeHostileCorpus(join(root, 'test/fixtures/hostile'), example);
console.log(`Wrote ${written.length} files to test/fixtures/hostile/.`);
