// How long each edit operation takes through the public API of src/core/edits.ts, computed and
// applied to the text: as the extension does it (reusing the plan store's incremental parser of the
// current text: `edit.<op>.<sessions>`) and as the CLI does it (a whole parse: `….wholeParse`).
import * as edits from '../../src/core/edits';
import type { EditOptions, EditResult } from '../../src/core/edits';
import { checkPlan, PlanChecker } from '../../src/core/check';
import type { Feedback } from '../../src/core/plan';
import type { Figures } from './measure';
import { formatTiming, timeRuns } from './measure';
import { benchPlan, kilobytes, middleSession, TODAY } from './plans';

/** Every exported function of edits.ts that returns an EditResult: a new operation fails the type check until it has a case below. */
type EditOperation = { [K in keyof typeof edits]: (typeof edits)[K] extends (...args: never[]) => EditResult ? K : never }[keyof typeof edits];

/** One realistic call of each operation on a plan of `sessions` sessions, aimed at its middle. */
function operations(plan: string, sessions: number, options: EditOptions): Record<EditOperation, () => EditResult> {
  const middle = middleSession(sessions);
  const session = `checkin-${middle}`;
  // largePlan leaves the action of every third session open: carry one of those into the next session.
  const openFrom = middle - (middle % 3);
  const feedback = (checkPlan(plan, { today: TODAY }).plan?.feedback ?? [])[0] as Feedback | undefined;
  if (!feedback) throw new Error('bench plan has no feedback entry to update');
  return {
    setGoalStatus: () => edits.setGoalStatus(plan, 'system-design', 'at-risk', options),
    addGoal: () => edits.addGoal(plan, { id: 'bench-goal', title: 'Run the incident review', kind: 'stretch', status: 'proposed', success: ['A published review'] }, options),
    addSession: () => edits.addSession(plan, { id: 'bench-session', date: '2026-12-01', type: 'checkin', agenda: ['What is next?'] }, options),
    addFeedback: () =>
      edits.addFeedback(plan, { id: 'bench-feedback', date: TODAY, from: 'protege', situation: 'Our last session', behavior: 'You asked before advising', impact: 'I found my own answer', feedforward: ['Keep asking first.'] }, options),
    updateFeedback: () => edits.updateFeedback(plan, feedback.id, { ...feedback, feedforward: [...feedback.feedforward, 'Next time, try naming the test first.'] }, options),
    addAction: () => edits.addAction(plan, session, { text: 'Write the summary', owner: 'protege', due: '2026-12-08', done: false }, options),
    addAgendaQuestion: () => edits.addAgendaQuestion(plan, session, 'What would you try next?', options),
    setActionDone: () => edits.setActionDone(plan, session, 0, middle % 3 === 0, options),
    carryForwardActions: () => edits.carryForwardActions(plan, `checkin-${openFrom}`, `checkin-${openFrom + 1}`, options),
    setValue: () => edits.setValue(plan, ['sessions', middle, 'type'], 'feedback', options),
    // The merge driver's way: several changes in one pass (here a session inserted mid-list, by date).
    editPlan: () => edits.editPlan(plan, (editor) => editor.insertEntries(['sessions'], middle, [{ value: { id: 'bench-merged', date: '2026-12-01', type: 'checkin' } }])),
    achieveGoal: () => edits.achieveGoal(plan, 'system-design', 'Led the design review of the billing service', options),
    recordHealth: () => edits.recordHealth(plan, session, { mentor: 4, note: 'Easier to talk now' }, options),
    setMentorshipStatus: () => edits.setMentorshipStatus(plan, 'paused', options),
    closeMentorship: () => edits.closeMentorship(plan, { date: TODAY, outcome: 'goals-met', retrospective: ['Questions first worked'] }, { id: 'bench-closure', date: TODAY, type: 'closure', agenda: ['What are you proudest of?'] }, options),
    // F2 on a goal most sessions name: its definition and every reference.
    renameId: () => edits.renameId(plan, 'goal', 'system-design', 'systems-design', options),
  };
}

export async function benchEdits(figures: Figures): Promise<void> {
  console.log('Edits through the public API, computed and applied (median of runs after a warm-up):');
  for (const sessions of [50, 1000]) {
    const plan = benchPlan(sessions);
    // The extension's case: the plan store's checker has just checked this text.
    const checker = new PlanChecker();
    checker.check(plan, { today: TODAY });
    for (const [suffix, options, label] of [['', { parser: checker.parser }, "reusing the store's parse"], ['.wholeParse', {}, 'whole parse, as the CLI']] as const) {
      const cells: string[] = [];
      for (const [name, operation] of Object.entries(operations(plan, sessions, options))) {
        const result = operation();
        if (!result.ok) throw new Error(`bench edit ${name} on ${sessions} sessions was refused: ${result.message}`);
        const timing = await timeRuns(() => {
          const edited = operation();
          if (edited.ok) edits.applyEdits(plan, edited.edits);
        }, { runs: 7, budgetMs: 1500, warmUps: sessions === 50 ? 3 : 1 }); // the small plan warmed the code for the large one
        figures.record(`edit.${name}.${sessions}${suffix}`, timing);
        cells.push(`${name} ${formatTiming(timing)}`);
      }
      console.log(`  ${sessions.toLocaleString('en-US')} sessions (${kilobytes(plan)}), ${label}: ${cells.join(', ')}`);
    }
  }
}
