// Timings of every edit operation on the 1,000-session plan, with and without an incremental
// parser that has already parsed the text (what a plan store's checker holds). A developer's
// probe, not the bench: npx esbuild test/support/edit-timing.ts --bundle --platform=node --outfile=out/edit-timing.js && node out/edit-timing.js
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as edits from '../../src/core/edits';
import type { EditOptions, EditResult } from '../../src/core/edits';
import { IncrementalPlanParser } from '../../src/core/incremental';
import { largePlan } from './large-plan';

const example = readFileSync(join(__dirname, '../examples/alex-and-sam.mentoring.yaml'), 'utf8');
const plan = largePlan(example, 1000);
const feedback = { id: 'review-tone', date: '2026-11-16', from: 'mentor' as const, situation: 'In the review', feedforward: ['Keep asking about intent.', 'Pair next time.'] };
const operations: Record<string, (options?: EditOptions) => EditResult> = {
  addSession: (options) => edits.addSession(plan, { id: 'new-session', date: '2026-12-01', type: 'checkin', agenda: ['What is next?'] }, options),
  addGoal: (options) => edits.addGoal(plan, { id: 'new-goal', title: 'New', status: 'proposed' }, options),
  addFeedback: (options) => edits.addFeedback(plan, { ...feedback, id: 'new-feedback' }, options),
  updateFeedback: (options) => edits.updateFeedback(plan, 'review-tone', feedback, options),
  setGoalStatus: (options) => edits.setGoalStatus(plan, 'system-design', 'achieved', options),
  setActionDone: (options) => edits.setActionDone(plan, 'checkin-500', 0, true, options),
  addAction: (options) => edits.addAction(plan, 'checkin-500', { text: 'Follow up', owner: 'both' }, options),
  addAgendaQuestion: (options) => edits.addAgendaQuestion(plan, 'checkin-500', 'What changed?', options),
  carryForwardActions: (options) => edits.carryForwardActions(plan, 'checkin-999', 'checkin-998', options),
  setValue: (options) => edits.setValue(plan, ['mentorship', 'cadence'], 'weekly', options),
};

function median(run: () => void, repeats = 7): number {
  run();
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b)[Math.floor(repeats / 2)];
}

const parser = new IncrementalPlanParser();
parser.parse(plan);
// For scale on a busy machine: the incremental re-check's parse after a keystroke, the figure edits aim at.
let keystrokes = 0;
const recheck = median(() => parser.parse(plan.replace('item 500\n', `item 500${'!'.repeat(++keystrokes)}\n`)));
parser.parse(plan);
console.log(`1,000-session plan (${(plan.length / 1024).toFixed(0)} KB), median ms: whole parse -> with the checker's parser`);
console.log(`  (incremental parse after a keystroke, for scale: ${recheck.toFixed(1)} ms)`);
for (const [name, run] of Object.entries(operations)) {
  const same = JSON.stringify(run()) === JSON.stringify(run({ parser }));
  console.log(`  ${name.padEnd(20)} ${median(() => run()).toFixed(1).padStart(7)} -> ${median(() => run({ parser })).toFixed(1).padStart(6)}${same ? '' : '  (DIFFERENT EDITS)'}`);
}
// When the parser last saw another version (the check has not caught up yet), the edit parses the changed pieces first.
const stale = median(() => {
  parser.parse(plan.replace('item 400\n', `item 400${'?'.repeat(++keystrokes)}\n`));
  operations.addSession({ parser });
});
console.log(`  addSession after the parser saw another version (parse of that version included): ${stale.toFixed(1)} ms`);
