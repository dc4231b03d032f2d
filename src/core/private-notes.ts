// Private notes: what a note is attached to, the name of its file in the extension's storage, and
// the text a new note starts with. Pure, so the naming is tested without VS Code. The notes
// themselves never touch the plan or the workspace: only src/extension/private-notes.ts reads or
// writes them, and nothing in src/cli or the summary knows where they live.
import type { Plan } from './plan';
import { entryById, textOf } from './plan-facts';

/** What a private note is attached to: the plan itself, or one goal or session by id. */
export type NoteTarget = { kind: 'plan' } | { kind: 'goal' | 'session'; id: string };

const NOTE_SUFFIX = '.md';

/** The note's file name in its plan's folder: `plan.md`, `goal-<id>.md`, `session-<id>.md` (the id escaped, so it cannot name another folder). */
export function noteFileName(target: NoteTarget): string {
  return target.kind === 'plan' ? `plan${NOTE_SUFFIX}` : `${target.kind}-${encodeURIComponent(target.id)}${NOTE_SUFFIX}`;
}

/** The target a file name stands for, or undefined for a file that is not a note. */
export function noteTargetOf(fileName: string): NoteTarget | undefined {
  if (!fileName.endsWith(NOTE_SUFFIX)) return undefined;
  const stem = fileName.slice(0, -NOTE_SUFFIX.length);
  if (stem === 'plan') return { kind: 'plan' };
  const match = /^(goal|session)-(.+)$/.exec(stem);
  if (!match) return undefined;
  try {
    const id = decodeURIComponent(match[2]);
    return noteFileName({ kind: match[1] as 'goal' | 'session', id }) === fileName ? { kind: match[1] as 'goal' | 'session', id } : undefined;
  } catch {
    return undefined;
  }
}

/** How a note's target reads in the tree and the editor tab: the plan, the goal's title, or the session's date and type. */
export function noteTargetLabel(plan: Partial<Plan> | undefined, target: NoteTarget): string {
  if (target.kind === 'plan') return textOf(plan?.mentorship?.title) ?? 'the plan';
  if (target.kind === 'goal') return textOf(entryById(plan, 'goals', target.id)?.item.title) ?? target.id;
  const session = entryById(plan, 'sessions', target.id)?.item;
  const parts = [textOf(session?.date), textOf(session?.type)].filter((part): part is string => part !== undefined);
  return parts.length ? parts.join(' ') : target.id;
}

/**
 * The text a new note starts with. The first note of a plan repeats what the pair agreed about
 * confidentiality, where the note is written, so the boundary is in view; later notes only name
 * what they are about.
 */
export function newNoteText(plan: Partial<Plan> | undefined, target: NoteTarget, firstOfPlan: boolean): string {
  const lines = [`# Private note: ${noteTargetLabel(plan, target)}`, ''];
  if (firstOfPlan) {
    const confidentiality = textOf(plan?.mentorship?.agreement?.confidentiality)?.trim();
    lines.push(
      '> Kept in this VS Code’s storage on this machine only: never in the plan file, the repository or any workspace folder.',
      confidentiality ? `> What you agreed about confidentiality: ${confidentiality.replace(/\s*\n\s*/g, ' ')}` : '> Your agreement says nothing about confidentiality yet (mentorship.agreement.confidentiality).',
      '',
    );
  }
  lines.push('');
  return lines.join('\n');
}
