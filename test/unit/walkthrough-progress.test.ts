// The walkthrough's progress as the extension works it out: each plan's own progress
// (planWalkthroughProgress, which it caches per plan) combined by mergeWalkthroughProgress. The
// combination must be "some plan shows it" for every step, must not change the cached values it is
// given, and must agree with core's walkthroughProgress over the same plans.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { checkPlan } from '../../src/core/check';
import { WALKTHROUGH_PROGRESS_KEYS, mergeWalkthroughProgress, planWalkthroughProgress, walkthroughProgress } from '../../src/core/plan-facts';
import type { WalkthroughProgress } from '../../src/core/plan-facts';
import { planFiles } from '../support/fixture-plans';
import { propertyParameters } from '../support/plan-generator';

const NONE: WalkthroughProgress = { hasPlan: false, hasAgreement: false, hasStretchGoal: false, hasKickoff: false, hasFeedback: false };
const progressArbitrary = fc
  .record(Object.fromEntries(WALKTHROUGH_PROGRESS_KEYS.map((key) => [key, fc.boolean()])) as Record<keyof WalkthroughProgress, fc.Arbitrary<boolean>>)
  .map((progress): WalkthroughProgress => ({ ...progress }));

describe('walkthrough progress: each plan’s own, combined', () => {
  it('marks a step done when any plan shows it, in any order, leaving the plans’ own progress as it was', () => {
    fc.assert(
      fc.property(fc.array(progressArbitrary, { maxLength: 6 }), (progresses) => {
        const before = structuredClone(progresses);
        const merged = mergeWalkthroughProgress(progresses);
        for (const key of WALKTHROUGH_PROGRESS_KEYS) {
          assert.equal(merged[key], progresses.some((progress) => progress[key]), `${key} of ${JSON.stringify(progresses)}`);
        }
        assert.deepEqual(Object.keys(merged).sort(), [...WALKTHROUGH_PROGRESS_KEYS].sort());
        // The extension caches each plan's progress: combining must not write into it.
        assert.deepEqual(progresses, before);
        assert.ok(!progresses.includes(merged), 'the combination is a new object, not one of the plans’ own');
        assert.deepEqual(mergeWalkthroughProgress([...progresses].reverse()), merged);
      }),
      propertyParameters(200),
    );
  });

  it('counts a file without a plan as no progress: nothing combined is nothing done', () => {
    assert.deepEqual(mergeWalkthroughProgress([]), NONE);
    assert.deepEqual(planWalkthroughProgress(undefined, '2026-11-29'), NONE);
    const full: WalkthroughProgress = { hasPlan: true, hasAgreement: true, hasStretchGoal: true, hasKickoff: true, hasFeedback: true };
    assert.deepEqual(mergeWalkthroughProgress([planWalkthroughProgress(undefined, '2026-11-29'), full]), full);
  });

  it('agrees with walkthroughProgress on any set of the fixture plans, on several days', () => {
    const plans = [...planFiles('examples'), ...planFiles('test/fixtures')].map(({ text }) => checkPlan(text, { today: '2026-11-29' }).plan);
    const days = ['2020-01-01', '2026-11-29', '2030-06-30'];
    // The fixtures must show each step and miss it somewhere, or agreeing would prove little.
    for (const key of WALKTHROUGH_PROGRESS_KEYS) {
      const values = new Set(plans.flatMap((plan) => days.map((today) => planWalkthroughProgress(plan, today)[key])));
      assert.equal(values.size, 2, `the fixture plans always give ${key} = ${[...values].join()}`);
    }
    fc.assert(
      fc.property(fc.subarray(plans), fc.constantFrom(...days), (some, today) => {
        assert.deepEqual(
          mergeWalkthroughProgress(some.map((plan) => planWalkthroughProgress(plan, today))),
          walkthroughProgress(some, today),
        );
      }),
      propertyParameters(200),
    );
  });
});
