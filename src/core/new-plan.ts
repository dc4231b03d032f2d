// A new pair's first file: the plan skeleton with the agreement they settled on (newPlanText) and
// the kick-off session where they talk it through, its agenda drawn from the question bank. Pure,
// so New Mentoring Plan, its tests and any other host build the same bytes from the same answers.
import { defaultAgenda } from './agenda';
import { addSession, applyEdits, defaultAgreement, newPlanText } from './edits';
import type { NewPlanOptions } from './edits';
import type { Agreement, Session } from './plan';
import { newSessionId } from './plan-facts';

export interface NewPlanWithKickoff extends NewPlanOptions {
  /** The kick-off's day (YYYY-MM-DD); `today` when left out. */
  kickoffDate?: string;
}

/** How a list of commitments is written on one input line, and read back. */
export const COMMITMENT_SEPARATOR = ';';

/** "a; b ;; c" -> ["a", "b", "c"]: the commitments typed on one line, blanks dropped. */
export function splitCommitments(line: string): string[] {
  return cleanCommitments(line.split(COMMITMENT_SEPARATOR));
}

/** Commitments as written to the plan: inner whitespace collapsed, ends trimmed, blanks dropped. */
export function cleanCommitments(items: readonly string[]): string[] {
  return items.map((item) => item.replace(/\s+/g, ' ').trim()).filter((item) => item !== '');
}

/** The one-line form of a list of commitments, what an input box shows as its default. */
export function joinCommitments(items: readonly string[]): string {
  return items.join(`${COMMITMENT_SEPARATOR} `);
}

/** The kick-off session of a new plan: roles, expectations, confidentiality and first goals, one bank question each. */
export function kickoffSession(date: string): Session {
  return { id: newSessionId(undefined, 'kickoff', date), date, type: 'kickoff', agenda: defaultAgenda('kickoff') };
}

/** The whole text of a new plan: the skeleton with the agreement, then its kick-off session, added by the same edit engine as Add Session. */
export function newPlanWithKickoffText(options: NewPlanWithKickoff): string {
  const skeleton = newPlanText(options);
  const added = addSession(skeleton, kickoffSession(options.kickoffDate ?? options.today));
  // The skeleton is ours and always has `sessions: []`; a refusal here is a bug, not bad input.
  if (!added.ok) throw new Error(`could not add the kick-off session: ${added.message}`);
  return applyEdits(skeleton, added.edits);
}

export { defaultAgreement };
export type { Agreement };
