// The vscode-free helpers of the extension that are not plan facts (those are in plan-facts.test.ts).
import * as assert from 'node:assert/strict';
import { rephraseAsQuestion } from '../../src/extension/rephrase';
import { todayIso } from '../../src/extension/today';

describe('extension helpers', () => {
  it('rephrases statements as open questions, deterministically', () => {
    assert.equal(rephraseAsQuestion('Talk about career plans'), 'What would you like to explore about career plans?');
    assert.equal(rephraseAsQuestion('Discuss the API design.'), 'What would you like to explore about the API design?');
    assert.equal(rephraseAsQuestion("Let's go over the roadmap"), 'What would you like to explore about the roadmap?');
    assert.equal(rephraseAsQuestion('API migration'), 'What would you like to explore about API migration?');
    assert.equal(rephraseAsQuestion('  '), 'What would you like to explore today?');
  });

  it('reads today in local time', () => {
    assert.equal(todayIso(new Date(2025, 0, 31, 23, 59)), '2025-01-31');
  });
});
