// The hostile corpus (issue 9): files a plan checker meets in the wild or from an attacker. The
// small ones are committed under test/fixtures/hostile/ (written by scripts/generate-hostile-corpus.mjs,
// and a test checks they still match); the big ones are generated when the tests run.
import { isScalar, parseDocument, visit } from 'yaml';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface HostileFile {
  /** File name, *.mentoring.yaml so the CLI's folder walk finds it. */
  name: string;
  /** The content as bytes: some files are not valid UTF-8 on purpose. */
  bytes: Buffer;
  /** A message the check must give for it (the proof it was read, not just survived). */
  expect: RegExp;
  /** Too big to commit: generated at test time. */
  generated?: boolean;
}

const PAYLOAD = '<script>alert(1)</script><img src=x onerror="alert(2)"> [link](command:workbench.action.openSettings) $(alert) \u202Eevil';

function utf8(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

/** Every string value of `plan` replaced by the payload (keys, dates and enum values kept where the schema needs them). */
function everyTextField(plan: string): string {
  const document = parseDocument(plan);
  visit(document, {
    Scalar(key, node) {
      if (key === 'key' || !isScalar(node) || typeof node.value !== 'string') return;
      if (/^\d{4}-\d{2}-\d{2}$/.test(node.value)) return;
      node.value = `${PAYLOAD} ${node.value}`;
    },
  });
  return document.toString({ lineWidth: 0 });
}

function billionLaughs(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  return `${lines.join('\n')}\n`;
}

/** The corpus. `example` is the example plan, the base of the realistic attacks. */
export function hostileCorpus(example: string): HostileFile[] {
  const crlf = example.replace(/\n/g, '\r\n');
  const files: HostileFile[] = [
    { name: 'empty.mentoring.yaml', bytes: utf8(''), expect: /^The plan is empty\./ },
    { name: 'only-comments.mentoring.yaml', bytes: utf8('# a plan will go here\n# soon\n'), expect: /^The plan is empty\./ },
    { name: 'scalar-root.mentoring.yaml', bytes: utf8('just some words\n'), expect: /^A plan must be a mapping/ },
    { name: 'list-root.mentoring.yaml', bytes: utf8('- schemaVersion: 1\n- mentorship: x\n'), expect: /^A plan must be a mapping/ },
    { name: 'tabs.mentoring.yaml', bytes: utf8(example.replace(/\n {2}(\w)/g, '\n\t$1')), expect: /Tabs are not allowed/ },
    { name: 'bom-crlf.mentoring.yaml', bytes: utf8(`\uFEFF${crlf.replace('cadence: biweekly', 'cadence: fortnightly')}`), expect: /cannot be `fortnightly`/ },
    { name: 'lone-cr.mentoring.yaml', bytes: utf8(example.replace(/\n/g, '\r')), expect: /./ },
    { name: 'unterminated-double-quote.mentoring.yaml', bytes: utf8(example.replace('title: Lead the design', 'title: "Lead the design')), expect: /Missing closing "quote|quote/ },
    { name: 'unterminated-single-quote.mentoring.yaml', bytes: utf8(example.replace("title: Sam's path to senior engineer", "title: 'Sam''s path to senior engineer")), expect: /quote/ },
    { name: 'bad-indentation.mentoring.yaml', bytes: utf8(example.replace('    kind: stretch\n', '      kind: stretch\n').replace('    date: 2026-11-16\n', '   date: 2026-11-16\n')), expect: /./ },
    {
      name: 'duplicate-keys.mentoring.yaml',
      bytes: utf8(`${example}true: 1\nTrue: 2\nnull: 1\n~: 2\n1: a\n0x1: b\n"extra": 1\nextra: 2\nschemaVersion: 1\n`),
      expect: /^Map keys must be unique$/,
    },
    { name: 'alias-bomb.mentoring.yaml', bytes: utf8(billionLaughs()), expect: /expands aliases \(\*name\) too many times/ },
    { name: 'merge-keys.mentoring.yaml', bytes: utf8('schemaVersion: 1\nbase: &base { name: Alex }\nmentorship:\n  mentor:\n    <<: *base\n    github: a\n'), expect: /./ },
    { name: 'deep-flow-5000.mentoring.yaml', bytes: utf8(`schemaVersion: 1\nmentorship: ${'['.repeat(5000)}${']'.repeat(5000)}\n`), expect: /^Nesting is deeper than 64 levels/ },
    { name: 'deep-sequence-5000.mentoring.yaml', bytes: utf8(`${'- '.repeat(5000)}x\n`), expect: /^Nesting is deeper than 64 levels/ },
    { name: 'binary-nul.mentoring.yaml', bytes: Buffer.from([...utf8('schemaVersion: 1\nmentorship:\n  title: '), 0x00, 0x01, 0xff, 0xfe, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), expect: /control character U\+0000/ },
    { name: 'invalid-utf8.mentoring.yaml', bytes: Buffer.concat([utf8('schemaVersion: 1\nmentorship:\n  title: caf'), Buffer.from([0xe9, 0xff, 0xc0, 0xaf]), utf8('\n')]), expect: /./ },
    { name: 'rtl-emoji.mentoring.yaml', bytes: utf8(example.replace('title: Lead the design', 'title: \u202Eengised eht daeL 🎉👩‍💻 \u2066isolate\u2069 Lead the design').replace('type: checkin', 'type: "check-in 🎉\u202E"')), expect: /cannot be `check-in 🎉\u202E`/ },
    { name: 'yaml-tags.mentoring.yaml', bytes: utf8(`schemaVersion: !!str 1\nmentorship: !!map\n  title: !custom Sam\n  started: !!timestamp 2026-09-07\n  mentor: !!binary aGVsbG8=\n  cadence: !!python/object:os.system weekly\n`), expect: /./ },
    { name: 'several-documents.mentoring.yaml', bytes: utf8(`${example}---\nschemaVersion: 2\n...\n---\n- x\n`), expect: /./ },
    { name: 'directive.mentoring.yaml', bytes: utf8(`%YAML 1.1\n---\n${example.replace('cadence: biweekly', 'cadence: yes')}`), expect: /./ },
    { name: 'html-every-field.mentoring.yaml', bytes: utf8(everyTextField(example)), expect: /<script>alert\(1\)<\/script>/ },
    { name: 'complex-keys.mentoring.yaml', bytes: utf8('? [a, b]\n: 1\n? { c: d }\n: 2\nschemaVersion: 1\n'), expect: /./ },
  ];
  return files;
}

/** The big ones, generated at test time (megabytes that would bloat the repository). */
export function generatedHostileFiles(example: string): HostileFile[] {
  const longTitle = `${'a very long title '.repeat(170_000)}end`;
  return [
    { name: 'long-string-3mb.mentoring.yaml', bytes: utf8(example.replace("title: Sam's path to senior engineer", `title: ${longTitle}`)), expect: /./, generated: true },
    { name: 'long-quoted-string-3mb.mentoring.yaml', bytes: utf8(example.replace("title: Sam's path to senior engineer", `title: "${longTitle}"`)), expect: /./, generated: true },
    { name: 'deep-block-5000.mentoring.yaml', bytes: utf8(`${Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} x\n`), expect: /^Nesting is deeper than 64 levels/, generated: true },
    {
      name: 'too-many-lines.mentoring.yaml',
      bytes: utf8(`schemaVersion: 1\nsessions:\n${Array.from({ length: 20_000 }, (_, i) => `  - id: s${i}\n    date: 2026-01-01\n    type: checkin\n    agenda: [Why?]\n`).join('')}`),
      expect: /^The plan has more than [\d,]+ lines and values/,
      generated: true,
    },
  ];
}

/** Writes the committed part of the corpus into `folder`. */
export function writeHostileCorpus(folder: string, example: string): string[] {
  mkdirSync(folder, { recursive: true });
  return hostileCorpus(example).map((file) => {
    writeFileSync(join(folder, file.name), file.bytes);
    return file.name;
  });
}
