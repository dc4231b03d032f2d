// The registry of checks beyond the schema, in the order their codes are documented.
import { agendaNotQuestion } from './agenda-not-question';
import { cadenceLapse } from './cadence-lapse';
import { duplicateId } from './duplicate-id';
import { feedbackPastFocused } from './feedback-past-focused';
import { healthDeclining } from './health-declining';
import { noStretchGoal } from './no-stretch-goal';
import { noSuccessCriteria } from './no-success-criteria';
import { overdueAction } from './overdue-action';
import { readyToClose } from './ready-to-close';
import type { Rule } from './rule';
import { targetPassed } from './target-passed';
import { unknownReference } from './unknown-reference';

export const ALL_RULES: readonly Rule[] = [
  duplicateId,
  unknownReference,
  agendaNotQuestion,
  noSuccessCriteria,
  noStretchGoal,
  overdueAction,
  targetPassed,
  cadenceLapse,
  healthDeclining,
  readyToClose,
  feedbackPastFocused,
];
