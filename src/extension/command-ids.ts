// The one list of command, view and setting ids (no vscode import, so unit tests can read it). Code uses these constants; test/unit/manifest.test.ts
// checks that package.json declares exactly the same ids, so a rename cannot half-happen.

export const COMMANDS = {
  newPlan: 'mentoringPlan.newPlan',
  addGoal: 'mentoringPlan.addGoal',
  addSession: 'mentoringPlan.addSession',
  setGoalStatus: 'mentoringPlan.setGoalStatus',
  toggleActionDone: 'mentoringPlan.toggleActionDone',
  addAction: 'mentoringPlan.addAction',
  carryForward: 'mentoringPlan.carryForward',
  reveal: 'mentoringPlan.reveal',
  refresh: 'mentoringPlan.refresh',
  writeFeedback: 'mentoringPlan.writeFeedback',
  editFeedback: 'mentoringPlan.editFeedback',
  insertAgendaQuestion: 'mentoringPlan.insertAgendaQuestion',
  comparePlan: 'mentoringPlan.comparePlan',
  recordHealthCheckin: 'mentoringPlan.recordHealthCheckin',
  pauseMentorship: 'mentoringPlan.pauseMentorship',
  resumeMentorship: 'mentoringPlan.resumeMentorship',
  closeMentorship: 'mentoringPlan.closeMentorship',
  addHealthCheckSession: 'mentoringPlan.addHealthCheckSession',
  openPrivateNote: 'mentoringPlan.openPrivateNote',
  deletePrivateNote: 'mentoringPlan.deletePrivateNote',
  exportCalendar: 'mentoringPlan.exportCalendar',
  filterPlans: 'mentoringPlan.filterPlans',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

export const VIEW_CONTAINER_ID = 'mentoring';
export const TREE_VIEW_ID = 'mentoringPlan.plans';
/** The Actions view: open actions across plans. */
export const ACTIONS_VIEW_ID = 'mentoringPlan.actions';
/** Context key: true while the workspace has at least one plan. */
export const HAS_PLANS_CONTEXT = 'mentoringPlan.hasPlans';
/** True while the plan store scans the workspace (the Plans view then says so instead of "no plan yet"). */
export const SCANNING_CONTEXT = 'mentoringPlan.scanning';
/**
 * Context key: the plan files on disk, as an object keyed by path (`resourcePath in …` in a menu's
 * when clause), so menus offer plan commands on exactly the files mentoringPlan.planGlob names.
 */
export const PLAN_FILES_CONTEXT = 'mentoringPlan.planFiles';
/** Context key: the Mentoring view's filter (all, active, problems, overdue, mine). */
export const PLAN_FILTER_CONTEXT = 'mentoringPlan.planFilter';
/** The walkthrough for a new pair (contributes.walkthroughs), opened as `<publisher>.<name>#<id>`. */
export const WALKTHROUGH_ID = 'newPair';
/** Prefix of the walkthrough's step context keys: `<prefix>.hasPlan`, … (plan-facts WALKTHROUGH_PROGRESS_KEYS). */
export const WALKTHROUGH_CONTEXT_PREFIX = 'mentoringPlan.walkthrough';
/** Configuration section; every setting lives under it. */
export const CONFIG_SECTION = 'mentoringPlan';
/** Default of the setting mentoringPlan.planGlob. */
export const DEFAULT_PLAN_GLOB = '**/*.mentoring.{yaml,yml}';
/** The `source` of every diagnostic, so quick fixes and users can tell ours apart. */
export const DIAGNOSTIC_SOURCE = 'mentoring-plan';
