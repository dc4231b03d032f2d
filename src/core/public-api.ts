// The surface of dist/core.js: what other tools may import.
export { checkPlan } from './check';
export type { CheckOptions, CheckResult } from './check';
export type { PlanIssue, Position, Range, Severity } from './issues';
export type { Plan, Goal, Session, Action, Feedback, Mentorship } from './plan';
