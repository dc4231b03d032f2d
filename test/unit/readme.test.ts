import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SESSION_TYPES } from '../../src/core/plan';
import { exampleQuestion, SESSION_TYPE_LABELS } from '../../src/core/questions';
import { ALL_RULES } from '../../src/core/rules/all-rules';

const README = readFileSync(join(__dirname, '../../../README.md'), 'utf8');

describe('README', () => {
  it('lists every session type with its example question from the bank', () => {
    for (const type of SESSION_TYPES) {
      assert.ok(README.includes(`| \`${type}\` | ${SESSION_TYPE_LABELS[type]} | ${exampleQuestion(type)} |`), `row for ${type}`);
    }
  });

  it('documents every rule code with its severity', () => {
    for (const rule of ALL_RULES) assert.match(README, new RegExp(`\\| \`${rule.code}\` \\| ${rule.severity} \\|`), rule.code);
  });

  it('gives the two commands of a fresh machine', () => {
    assert.match(README, /^npm start\b/m);
    assert.match(README, /^npm test\b/m);
  });
});
