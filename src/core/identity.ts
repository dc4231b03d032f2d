// "Which side of the pair am I?": the user's git e-mail or GitHub handle matched against the
// plan's mentor and protégé, else what the user told us (the setting mentoringPlan.me, or an answer
// remembered per plan). Pure: the extension gathers who the user is and what they said.
import type { Plan } from './plan';
import { isRecord, isSide, SIDES, textOf } from './plan-facts';
import type { Side } from './plan-facts';

/** What the host knows about the user; either may be missing. */
export interface Me {
  email?: string;
  github?: string;
}

/** E-mail addresses compare without case and surrounding space (the domain is case-blind; people rarely mean two local parts differing by case). */
function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase() && a.trim() !== '';
}

/** GitHub handles are case-blind; plans sometimes write them with the @. */
function sameHandle(a: string, b: string): boolean {
  const clean = (value: string) => value.trim().replace(/^@/, '').toLowerCase();
  return clean(a) === clean(b) && clean(a) !== '';
}

/** What tells the user's side apart: each side's e-mail and GitHub handle, as the plan writes them. */
export type PairContacts = Readonly<Partial<Record<Side, Me>>>;

/** The plan's contacts (only these two fields of each side, so a caller can keep them without the plan). */
export function pairContacts(plan: Partial<Plan> | undefined): PairContacts {
  const mentorship = plan?.mentorship;
  if (!isRecord(mentorship)) return {};
  const contacts: Partial<Record<Side, Me>> = {};
  for (const side of SIDES) {
    const person = (mentorship as Record<string, unknown>)[side];
    if (isRecord(person)) contacts[side] = { email: textOf(person.email), github: textOf(person.github) };
  }
  return contacts;
}

/**
 * The side whose `email` or `github` matches the user. Undefined when neither does, or when both
 * do (a plan someone wrote about themselves twice, or a shared address): guessing then would put
 * the user's rating in the other person's name.
 */
export function matchSide(contacts: PairContacts, me: Me): Side | undefined {
  const matches = SIDES.filter((side) => {
    const { email, github } = contacts[side] ?? {};
    return (me.email !== undefined && email !== undefined && sameEmail(me.email, email)) || (me.github !== undefined && github !== undefined && sameHandle(me.github, github));
  });
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * The side the setting `mentoringPlan.me` names for a plan: either one value for every plan
 * ("mentor" or "protege"), or an object keyed by the plan's path relative to its workspace folder
 * (forward slashes). Anything else names no side.
 */
export function sideFromSetting(setting: unknown, planPath: string): Side | undefined {
  if (isSide(setting)) return setting;
  if (!isRecord(setting)) return undefined;
  const normalized = planPath.replace(/\\/g, '/').replace(/^\.?\//, '');
  for (const [key, value] of Object.entries(setting)) {
    if (key.replace(/\\/g, '/').replace(/^\.?\//, '') === normalized && isSide(value)) return value;
  }
  return undefined;
}

export type SideSource = 'match' | 'setting' | 'remembered';

/** The side, by the first source that knows: a match in the plan, then the setting, then a remembered answer. */
export function resolveSide(contacts: PairContacts, me: Me, setting: unknown, planPath: string, remembered: unknown): { side: Side; source: SideSource } | undefined {
  const matched = matchSide(contacts, me);
  if (matched) return { side: matched, source: 'match' };
  const configured = sideFromSetting(setting, planPath);
  if (configured) return { side: configured, source: 'setting' };
  if (isSide(remembered)) return { side: remembered, source: 'remembered' };
  return undefined;
}
