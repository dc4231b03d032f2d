// The snippets are generated from the question bank; these tests hold them to it, and check that
// every YAML snippet, inserted with its defaults where it belongs, leaves the plan valid.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkPlan } from '../../src/core/check';
import { SESSION_TYPES } from '../../src/core/plan';
import { findQuestion, questionsFor, stagesOf } from '../../src/core/questions';
import type { YamlSnippetTarget } from '../../src/core/snippets';
import { buildMarkdownSnippets, buildYamlSnippets, yamlSnippetSpecs } from '../../src/core/snippets';

const TODAY = '2025-03-14';
const VARIABLES: Record<string, string> = { CURRENT_YEAR: '2025', CURRENT_MONTH: '03', CURRENT_DATE: '14' };

/**
 * Expands TextMate/VS Code snippet syntax to what a user gets by tabbing through every stop:
 * ${1:default} and nested defaults, $1 / ${1} / $0 (empty), ${1|a,b|} (first choice), $VAR and
 * ${VAR:default} (fixed values), and the \$ \} \\ escapes. Unknown variables fail the test.
 */
function expandSnippet(source: string): string {
  let i = 0;
  const variable = (name: string): string => {
    const value = VARIABLES[name];
    if (value === undefined) throw new Error(`unknown snippet variable ${name}`);
    return value;
  };
  const parseUntil = (closing: boolean): string => {
    let out = '';
    while (i < source.length) {
      const c = source[i]!;
      if (c === '\\' && '$}\\'.includes(source[i + 1] ?? '')) {
        out += source[i + 1];
        i += 2;
        continue;
      }
      if (closing && c === '}') {
        i++;
        return out;
      }
      const simple = /^\$(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(source.slice(i));
      if (simple) {
        i += simple[0].length;
        out += /^\d/.test(simple[1]!) ? '' : variable(simple[1]!);
        continue;
      }
      const braced = /^\$\{(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(source.slice(i));
      if (braced) {
        i += braced[0].length;
        const name = braced[1]!;
        const isStop = /^\d/.test(name);
        if (source[i] === '}') {
          i++;
          out += isStop ? '' : variable(name);
        } else if (source[i] === ':') {
          i++;
          const inner = parseUntil(true);
          out += isStop ? inner : (VARIABLES[name] ?? inner);
        } else if (source[i] === '|') {
          const end = source.indexOf('|}', i + 1);
          assert.ok(end > i, 'unterminated choice');
          out += source.slice(i + 1, end).split(',')[0];
          i = end + 2;
        } else {
          throw new Error(`bad snippet syntax at ${source.slice(i - braced[0].length, i + 10)}`);
        }
        continue;
      }
      out += c;
      i++;
    }
    if (closing) throw new Error('unterminated placeholder');
    return out;
  };
  return parseUntil(false);
}

const DEFAULT_AGREEMENT = [
  'agreement:',
  '  roles:',
  '    mentor:',
  '      - Ask more than tell',
  '    protege:',
  '      - Bring the agenda',
  '  confidentiality: What we discuss stays between us.',
];

// A small valid plan; each marker line is where a snippet of that target is typed, at the marker's indentation.
const FIXTURE = `schemaVersion: 1
mentorship:
  title: Growing into a tech lead
  mentor:
    name: Ada Okafor
    github: ada
  protege:
    name: Sam Lee
  started: 2025-01-06
  expectedEnd: 2025-12-19
  cadence: biweekly
  @agreement
goals:
  - id: lead-rfc
    title: Lead an RFC through review
    kind: stretch
    why: To practise technical leadership across teams
    status: active
    target: 2025-06-30
    success:
      - The RFC is accepted by both teams
  @goals
sessions:
  - id: kickoff
    date: 2025-03-10
    type: kickoff
    goals: [lead-rfc]
    agenda:
      - What would make this mentorship worth your time?
    actions:
      - text: Draft the RFC
        owner: protege
        due: 2025-04-20
      @actions
  @sessions
feedback:
  - id: first-review
    date: 2025-03-10
    from: mentor
    feedforward:
      - Next time, open the review with the decision you need.
  @feedback
`;

/** Inserts lines as VS Code does: the first at the cursor, later lines prefixed with the line's indentation. */
function splice(target: YamlSnippetTarget | undefined, snippetLines: string[]): string {
  return FIXTURE.split('\n')
    .flatMap((line) => {
      const marker = /^(\s*)@(\w+)$/.exec(line);
      if (!marker) return [line];
      const [, indent, name] = marker;
      if (name === target) return snippetLines.map((l) => indent + l);
      return name === 'agreement' ? DEFAULT_AGREEMENT.map((l) => indent + l) : [];
    })
    .join('\n');
}

function errorsOf(text: string): string[] {
  return checkPlan(text, { today: TODAY })
    .issues.filter((issue) => issue.severity === 'error')
    .map((issue) => `${issue.code}: ${issue.message}`);
}

describe('snippet expansion helper', () => {
  it('expands defaults, stops, choices, variables and escapes', () => {
    assert.equal(expandSnippet('a ${1:x ${2:y}} $3 ${4} ${5|p,q|} $CURRENT_YEAR-${CURRENT_MONTH} \\$9 \\} $0'), 'a x y   p 2025-03 $9 } ');
  });
});

describe('YAML snippets', () => {
  it('start from a valid fixture, and the check catches a broken insertion', () => {
    assert.deepEqual(errorsOf(splice(undefined, [])), []);
    assert.notDeepEqual(errorsOf(splice('sessions', ['- id: Not Kebab', '  date: 14 March'])), []);
  });

  for (const spec of yamlSnippetSpecs()) {
    it(`${spec.snippet.prefix}, expanded with defaults in ${spec.target}, keeps the plan valid`, () => {
      const lines = expandSnippet(spec.snippet.body.join('\n')).split('\n');
      const text = splice(spec.target, lines);
      assert.deepEqual(errorsOf(text), [], text);
      // The snippet really landed where it was meant to, not swallowed by a neighbour.
      const plan = parse(text) as Record<string, unknown> & { mentorship: Record<string, unknown> };
      const count = (list: unknown) => (Array.isArray(list) ? list.length : 0);
      if (spec.target === 'sessions') assert.equal(count(plan.sessions), 2);
      if (spec.target === 'goals') assert.equal(count(plan.goals), 2);
      if (spec.target === 'feedback') assert.equal(count(plan.feedback), 2);
      if (spec.target === 'actions') assert.equal(count((plan.sessions as { actions: unknown[] }[])[0]!.actions), 2);
      if (spec.target === 'agreement') assert.notDeepEqual(plan.mentorship.agreement, parse(DEFAULT_AGREEMENT.join('\n')).agreement);
    });
  }

  it('has a session snippet per type whose agenda is balanced bank questions of that type', () => {
    const specs = yamlSnippetSpecs().filter((spec) => spec.target === 'sessions');
    assert.deepEqual(specs.map((spec) => spec.snippet.prefix), SESSION_TYPES.map((type) => `mp-session-${type}`));
    for (const [index, type] of SESSION_TYPES.entries()) {
      const [session] = parse(expandSnippet(specs[index]!.snippet.body.join('\n'))) as { type: string; agenda: string[]; actions: unknown[]; health: object }[];
      assert.equal(session!.type, type);
      assert.deepEqual(session!.actions, []);
      assert.deepEqual(session!.health, {});
      const questions = session!.agenda.map((text) => findQuestion(text));
      assert.ok(questions.every((q) => q?.type === type), `${type}: agenda not from the bank`);
      assert.deepEqual(new Set(questions.map((q) => q!.stage)), new Set(stagesOf(type)));
    }
  });

  it('has discoverable, unique prefixes', () => {
    const prefixes = Object.values(buildYamlSnippets()).map((s) => s.prefix);
    for (const wanted of ['mp-session-checkin', 'mp-goal-stretch', 'mp-goal-objective', 'mp-action', 'mp-feedback', 'mp-agreement']) assert.ok(prefixes.includes(wanted), wanted);
    assert.equal(new Set(prefixes).size, prefixes.length);
  });
});

describe('Markdown snippets', () => {
  it('has one notes snippet per type, headed by the bank questions of each stage', () => {
    const snippets = Object.values(buildMarkdownSnippets());
    assert.deepEqual(snippets.map((s) => s.prefix), SESSION_TYPES.map((type) => `mp-notes-${type}`));
    for (const [index, type] of SESSION_TYPES.entries()) {
      const text = expandSnippet(snippets[index]!.body.join('\n'));
      for (const stage of stagesOf(type)) assert.ok(text.includes(questionsFor(type, stage)[0]!.text), `${type}/${stage}`);
    }
  });
});

describe('generated snippet files', () => {
  // The build writes these from the same functions; a stale or hand-edited file fails here.
  const files = [
    ['dist/snippets/mentoring-plan.yaml.code-snippets', buildYamlSnippets, 'yaml'],
    ['dist/snippets/mentoring-plan.markdown.code-snippets', buildMarkdownSnippets, 'markdown'],
  ] as const;
  // `npm run test:unit` builds them first (esbuild.mjs); a missing file is a failure, not a skip.
  const root = join(__dirname, '../../..');
  for (const [path, build, language] of files) {
    it(`${path} matches the bank and is contributed for ${language}`, () => {
      assert.ok(existsSync(join(root, path)), `${path} is missing: the build (node esbuild.mjs) writes it`);
      assert.deepEqual(JSON.parse(readFileSync(join(root, path), 'utf8')), build());
      const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { snippets: { language: string; path: string }[] } };
      assert.ok(manifest.contributes.snippets.some((entry) => entry.language === language && entry.path === `./${path}`));
    });
  }
});
