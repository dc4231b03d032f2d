// The action's `files` globs: examples, and generated globs and paths checked against Node's own
// matcher (path.matchesGlob, experimental in Node 20, so the action does not use it at run time).
// A failure prints fast-check's seed and path; replay with FC_SEED=<seed> FC_PATH=<path> npm run test:unit.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { globToRegExp, pathMatcher } from '../../src/action/glob';
import { DEFAULT_FILES } from '../../src/action/run-action';
import { DEFAULT_PLAN_GLOB } from '../../src/extension/command-ids';
import { propertyParameters } from '../support/plan-generator';

describe('action: files globs', () => {
  it('the default is the extension’s plan glob, and matches plans at any depth only', () => {
    assert.equal(DEFAULT_FILES, DEFAULT_PLAN_GLOB);
    const matches = pathMatcher(DEFAULT_FILES);
    for (const yes of ['sam.mentoring.yaml', 'plans/sam.mentoring.yml', 'a/b/c/x.mentoring.yaml']) assert.ok(matches(yes), yes);
    for (const no of ['sam.yaml', 'sam.mentoring.yaml.bak', 'mentoring.yaml', 'plans/sam.mentoring.json']) assert.ok(!matches(no), no);
  });

  it('several globs, one per line; a class, a negated class and ?', () => {
    const matches = pathMatcher('\n  plans/*.yaml\n  team-[ab]/?.yml\n');
    assert.ok(matches('plans/x.yaml'));
    assert.ok(!matches('plans/deep/x.yaml'), '* stays within a folder');
    assert.ok(matches('team-a/x.yml'));
    assert.ok(!matches('team-c/x.yml'));
    assert.ok(globToRegExp('[!a]*.yaml').test('b.yaml'));
    assert.ok(!globToRegExp('[!a]*.yaml').test('a.yaml'));
  });

  it('an unclosed brace is a clear error naming the glob', () => {
    assert.throws(() => globToRegExp('**/*.{yaml'), /the glob "\*\*\/\*\.\{yaml" has a "\{" without its "\}"/);
  });

  it('agrees with path.matchesGlob on generated globs and paths', function () {
    if (typeof path.matchesGlob !== 'function') this.skip();
    process.removeAllListeners('warning'); // its one ExperimentalWarning is not a finding
    const segment = fc.constantFrom('a', 'b', 'plans', 'x.mentoring.yaml', 'x.mentoring.yml', 'ab.yaml', '.hidden');
    const globPart = fc.constantFrom('a', 'b', '*', '**', '*.yaml', '*.mentoring.{yaml,yml}', '?', '[ab]', 'x.*', 'plans');
    fc.assert(
      fc.property(fc.array(globPart, { minLength: 1, maxLength: 4 }), fc.array(segment, { minLength: 1, maxLength: 4 }), (globParts, pathParts) => {
        const glob = globParts.join('/');
        const file = pathParts.join('/');
        // Node's matcher treats dot files specially; plans are never hidden files.
        fc.pre(!pathParts.some((part) => part.startsWith('.')));
        assert.equal(globToRegExp(glob).test(file), path.matchesGlob(file, glob), `${glob} on ${file}`);
      }),
      propertyParameters(2000),
    );
  });
});
