// Generated evidence for the plan merge (src/core/plan-merge.ts), over plans generated as text in
// many styles (test/support/plan-generator.ts): a merge with nothing to merge gives the changed
// side byte for byte, and when THEIRS only appends an entry the result parses, holds both sides'
// ids, keeps every character of OURS in order and means OURS plus THEIRS' entry. A failure prints
// fast-check's seed and path; replay with FC_SEED=<seed> FC_PATH=<path> npm run test:unit.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { addFeedback, addGoal, addSession, applyEdits, setGoalStatus } from '../../src/core/edits';
import type { EditResult } from '../../src/core/edits';
import { parsePlan } from '../../src/core/parse';
import type { Plan } from '../../src/core/plan';
import { idsOf, sameValue } from '../../src/core/plan-facts';
import type { EntryKind } from '../../src/core/plan-facts';
import { mergePlans } from '../../src/core/plan-merge';
import { newFeedback, newGoal, newSession, planText, propertyParameters } from '../support/plan-generator';

const NUM_RUNS = Number(process.env.FC_RUNS ?? 150);

function applied(text: string, result: EditResult): string | undefined {
  return result.ok ? applyEdits(text, result.edits) : undefined;
}

function valueOf(text: string): Partial<Plan> {
  const parsed = parsePlan(text);
  assert.deepEqual(parsed.syntaxIssues, [], text);
  return (parsed.value ?? {}) as Partial<Plan>;
}

/** Whether `whole` is `part` with text inserted only: every character of `part` in order (nothing of it changed or removed). */
function onlyInsertedInto(part: string, whole: string): boolean {
  let at = 0;
  for (const character of part) {
    at = whole.indexOf(character, at);
    if (at === -1) return false;
    at++;
  }
  return true;
}

describe('plan merge (generated plans)', function () {
  // Three parses and a merge per case, on a machine that may be busy.
  this.timeout(180_000);

  it('with nothing to merge, gives the changed side byte for byte', () => {
    fc.assert(
      fc.property(planText(), planText(), ({ text: base }, { text: other }) => {
        for (const [b, o, t, expected] of [
          [base, base, base, base],
          [base, other, other, other],
          [base, other, base, other],
          [base, base, other, other],
        ]) {
          const result = mergePlans(b, o, t);
          assert.deepEqual(result, { kind: 'merged', text: expected, conflicts: [] });
        }
      }),
      propertyParameters(NUM_RUNS),
    );
  });

  it('THEIRS appends an entry, OURS appends another or edits a goal: both kept, OURS unchanged around it', () => {
    const kinds: EntryKind[] = ['goals', 'sessions', 'feedback'];
    const entry = (kind: EntryKind, id: string) => (kind === 'goals' ? newGoal(id) : kind === 'sessions' ? newSession(id) : newFeedback(id));
    const added = fc.constantFrom(...kinds).chain((kind) => fc.tuple(fc.constant(kind), entry(kind, 'merged-theirs'), entry(kind, 'merged-ours')));
    fc.assert(
      fc.property(planText({ anchors: false }), added, fc.boolean(), ({ text: base }, [kind, theirsEntry, oursEntry], oursEditsGoal) => {
        const append = (text: string, value: unknown) =>
          applied(text, kind === 'goals' ? addGoal(text, value as never) : kind === 'sessions' ? addSession(text, value as never) : addFeedback(text, value as never));
        const theirs = append(base, theirsEntry);
        const goalIds = idsOf(valueOf(base), 'goals');
        const ours = oursEditsGoal && goalIds.length ? applied(base, setGoalStatus(base, goalIds[0], 'at-risk')) : append(base, oursEntry);
        fc.pre(theirs !== undefined && ours !== undefined && ours !== base);
        const result = mergePlans(base, ours!, theirs!);
        assert.equal(result.kind, 'merged', result.kind === 'fallback' ? `${result.reason}\n--- base\n${base}\n--- ours\n${ours}\n--- theirs\n${theirs}` : '');
        const { text, conflicts } = result as { text: string; conflicts: string[] };
        assert.deepEqual(conflicts, []);
        const merged = valueOf(text);
        const ids = idsOf(merged, kind);
        for (const id of idsOf(valueOf(ours!), kind)) assert.ok(ids.includes(id), `OURS' ${id} kept`);
        assert.ok(ids.includes('merged-theirs'), "THEIRS' entry added");
        const oursList = valueOf(ours!)[kind];
        // Only an empty list ("feedback: []") is rewritten to hold the entry; otherwise OURS is only added to.
        if (Array.isArray(oursList) && oursList.length > 0) assert.ok(onlyInsertedInto(ours!, text), `every character of OURS kept, in order:\n${text}`);
        // The merged plan is OURS with THEIRS' entry and nothing else.
        const theirsValue = valueOf(theirs!)[kind] as { id?: unknown }[];
        const oursValue = valueOf(ours!);
        const kept = (merged[kind] as { id?: unknown }[]).filter((item) => item?.id !== 'merged-theirs');
        // A list OURS left empty ("sessions:") holds THEIRS' entry alone now.
        const withoutTheirs = { ...merged, [kind]: kept.length === 0 && !Array.isArray(oursValue[kind]) ? oursValue[kind] : kept };
        assert.ok(sameValue(withoutTheirs, oursValue), 'OURS otherwise unchanged');
        assert.ok(sameValue((merged[kind] as { id?: unknown }[]).find((item) => item?.id === 'merged-theirs'), theirsValue.find((item) => item?.id === 'merged-theirs')));
        if (/\r\n/.test(ours!)) assert.equal(/\r(?!\n)|(^|[^\r])\n/.test(text), false, 'only CRLF line breaks');
      }),
      propertyParameters(NUM_RUNS),
    );
  });
});
