// Prints how long checking and editing a large plan takes, beside the yaml parse it is built on.
// Run with `npm run bench`. Figures, not assertions: the README quotes them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { checkPlan, PlanChecker } from '../../src/core/check';
import { addSession, applyEdits, setActionDone } from '../../src/core/edits';
import { largePlan } from '../support/large-plan';

const example = readFileSync(join(__dirname, '../../examples/alex-and-sam.mentoring.yaml'), 'utf8');

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(run: () => void, repeats: number): number {
  run(); // warm-up: the first run pays for JIT compilation
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const today = '2026-11-27';
const plan = largePlan(example, 1000);
const parseMs = time(() => parseDocument(plan), 9);
const checkMs = time(() => checkPlan(plan, { today }), 9);
const issues = checkPlan(plan, { today }).issues.length;
// A keystroke in one session of an open plan: the incremental checker re-parses that entry only.
const checker = new PlanChecker();
checker.check(plan, { today });
let keystrokes = 0;
const recheckMs = time(() => {
  keystrokes++;
  checker.check(plan.replace('Follow up on item 500\n', `Follow up on item 500${'!'.repeat(keystrokes)}\n`), { today });
}, 9);
const exampleMs = time(() => checkPlan(example, { today }), 50);
const addMs = time(() => {
  const result = addSession(plan, { id: 'new-session', date: '2026-12-01', type: 'checkin', agenda: ['What is next?'] });
  if (result.ok) applyEdits(plan, result.edits);
}, 9);
const toggleMs = time(() => setActionDone(plan, 'checkin-500', 0, true), 9);
const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;

console.log(`Plan with 1,000 sessions (${(plan.length / 1024).toFixed(0)} KB, ${issues} issues found), median of 9 runs:`);
console.log(`  yaml parseDocument alone   ${parseMs.toFixed(1)} ms`);
console.log(`  checkPlan (parse + schema + rules)   ${checkMs.toFixed(1)} ms  (${(checkMs / parseMs).toFixed(2)}x the parse)`);
console.log(`  re-check after a keystroke (incremental)   ${recheckMs.toFixed(1)} ms`);
console.log(`  addSession edit + apply    ${addMs.toFixed(1)} ms`);
console.log(`  setActionDone edit         ${toggleMs.toFixed(1)} ms`);
console.log(`Example plan (${example.length} bytes): checkPlan ${exampleMs.toFixed(2)} ms, median of 50 runs`);
console.log(`Heap in use after the runs: ${heapMb.toFixed(0)} MB`);
