// Lexicon slots of the feedback analysis (issue 10): where a judging word from the lexicon
// (./lexicon.ts, AFINN-165 at its core) counts as a finding. A word alone is not enough —
// "the build failed" and "the customer was upset" are honest description — so each slot names
// a sentence shape in which a negative word judges the person or their work:
//
// 1. subject + linking verb + judgement: "you were careless", "your emails sound dismissive",
//    "that proposal was shoddy", "the doc reads as vague", "you were overly cautious",
//    "the release notes were not clear". The subject decides the code: "you" → person-label,
//    the work ("your X", "the X", "it/that/this") → blame-word; other people ("the customer",
//    "I", "we", a name) → none, since their feelings are impact, not a verdict.
// 2. "you" + a negative past verb: "you ignored", "you ruined", "you overengineered",
//    "you misjudged" (past-dwelling; silenced when the sentence also looks forward).
// 3. "your" + a judging noun: "your carelessness", "your negligence".
// 4. "I found/find your X …" + judgement: the writer's verdict on the work.
//
// Works on word tokens of one sentence at a time, so it costs one pass over the text.

import type { FeedbackFinding } from '../feedback';
import { afinnScore, DIFFICULTY, FEELINGS, judgementStrength, oppositeOf, POSITIVE_STEMS, VULNERABLE } from './lexicon';
import { baseForm, gerund } from './verbs';

interface Token {
  /** Lower case, curly apostrophes straightened. */
  w: string;
  start: number;
  end: number;
  /** Starts with a capital letter (a name, unless first in the sentence). */
  cap: boolean;
}

/** Letters and digits (ASCII, and everything from Latin-1 letters up, which covers accented names). */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && c !== 0x2019 && c !== 0x2018 && c !== 0x201c && c !== 0x201d && c !== 0x2026 && c !== 0x2014 && c !== 0x2013 && c !== 0xa0);
}

/** Word tokens of text[start, end): runs of word characters, joined by single hyphens. A hand loop: this runs on every keystroke. */
function tokenize(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < end) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const from = i;
    let upper = false;
    for (;;) {
      for (let c = text.charCodeAt(i); i < end && isWordChar(c); c = text.charCodeAt(++i)) if (c <= 90 && c >= 65) upper = true;
      if (i + 1 < end && text.charCodeAt(i) === 45 && isWordChar(text.charCodeAt(i + 1))) i++;
      else break;
    }
    const first = text.charCodeAt(from);
    // Most words are lower case already: skip the second string a toLowerCase() would allocate.
    const word = text.slice(from, i);
    tokens.push({ w: upper || first > 127 ? word.toLowerCase() : word, start: from, end: i, cap: first >= 65 && first <= 90 });
  }
  return tokens;
}

const setOf = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/** Linking verbs after which an adjective describes the subject. "re"/"s" come from "you're"/"it's". */
const LINKS = setOf(`
  is are was were am be been being re s seem seems seemed sound sounds sounded look looks looked
  feel feels felt appear appears appeared become becomes became got get gets getting remain remained
  grew isn aren wasn weren
`);
/** Linking verbs that need a particle: "reads as", "came across as", "came off as", "ended up". */
const LINK_WITH_PARTICLE: Readonly<Record<string, readonly string[]>> = {
  read: ['as', 'like'], reads: ['as', 'like'], come: ['across', 'off'], comes: ['across', 'off'], came: ['across', 'off'],
  ended: ['up'], turned: ['out'],
};
const NEGATED_LINKS = setOf('isn aren wasn weren');

/** Words between the subject and the linking verb that do not end the subject's clause. */
const BEFORE_LINK = setOf(`
  can could will would might may must should tend tends tended to often sometimes really still just also
  have has had ve been always usually generally honestly frankly clearly definitely kind sort of
`);

/** Hedges, intensifiers and articles between the linking verb and the judgement. */
const HEDGES = setOf(`
  so very really quite pretty rather fairly a an the bit little kind sort of somewhat extremely incredibly
  totally completely utterly just being such honestly frankly generally often sometimes still also again
  real total complete absolute pure slightly mostly largely all even actually simply basically clearly
  obviously definitely more most bit lot at times genuinely deeply seriously needlessly unnecessarily
  painfully overly excessively too way far much as like up
`);
/** "hard to …" verbs that make the difficulty a property of the work. */
const HARD_TO = setOf('read follow review understand maintain change use navigate parse test debug extend reason');
const HYPOTHETICAL = setOf('could would might should will d');
const QUANTIFIERS = setOf('kind sort bit lot');
const EXCESS = setOf('too overly excessively');
/** After "too", words that measure rather than judge ("too much time"). */
const NOT_EXCESSIVE = setOf('much many few little early often soon far late good kind');
/** Words that end the predicate: prepositions and clause words. */
const PREDICATE_END = setOf(`
  in on at with about to for when because during of that than by after before since but so which who
  from into while if whether then where
`);
/** After "and"/"or", these start a new clause rather than another adjective. */
const CLAUSE_SUBJECTS = setOf('the your this that these those our my his her their a an you i we they he she it everyone');

/** Subjects whose feelings or state are someone else's, not the person's being judged. */
const OTHER_PEOPLE = setOf(`
  i we they he she everyone everybody nobody someone somebody people who one me us them
  customer customers client clients team teams user users manager managers stakeholder stakeholders
  vp cto ceo lead director boss colleague colleagues reviewer reviewers peer peers intern interns
  engineer engineers designer designers audience room everyone group folks staff support sales
  partner partners vendor vendors author authors hire hires joiner joiners person
`);
const DETERMINERS = setOf('the your this that these those our my his her their its a an any some');
const PRONOUNS = setOf('i we they he she everyone everybody nobody someone somebody people who one me us them');
const PREPOSITIONS = setOf('to of for with from on in about at');
const WORK_PRONOUNS = setOf('it that this which');
/** Clause openers: the subject starts after them. */
const CLAUSE_START = setOf('and but because so when while if although though since as then honestly frankly overall also');

type Subject = { kind: 'person' | 'work'; start: number; words: string };

/** Finds the subject of the linking verb at index `link`, or undefined when it is someone else. */
function subjectOf(tokens: Token[], link: number, text: string): Subject | undefined {
  let j = link - 1;
  while (j >= 0 && BEFORE_LINK.has(tokens[j].w)) j--;
  if (j < 0) return undefined;
  const head = tokens[j];
  if (head.w === 'you') return { kind: 'person', start: head.start, words: 'you' };
  if (WORK_PRONOUNS.has(head.w)) return { kind: 'work', start: head.start, words: head.w === 'which' ? 'it' : head.w };
  if (PRONOUNS.has(head.w) || (head.cap && j > 0 && head.w.length > 1 && !isAcronym(text, head))) return undefined;
  // A noun phrase: back to its determiner ("the migration script you wrote"), at most six words.
  let k = j;
  let determiner = -1;
  while (k >= 0 && j - k < 7) {
    const w = tokens[k].w;
    if (DETERMINERS.has(w)) {
      determiner = k;
      break;
    }
    if (CLAUSE_START.has(w) || tokens[k].end < tokens[j].start - 80) break;
    k--;
  }
  if (determiner < 0) return undefined;
  // "your reply to the customer": the phrase's head comes before its preposition.
  let headEnd = j;
  if (determiner > 1 && PREPOSITIONS.has(tokens[determiner - 1].w)) {
    for (let d = determiner - 2; d >= 0 && determiner - d < 5; d--) {
      if (DETERMINERS.has(tokens[d].w)) {
        headEnd = determiner - 2;
        determiner = d;
        break;
      }
    }
  }
  for (let x = determiner; x <= headEnd; x++) {
    if (OTHER_PEOPLE.has(tokens[x].w)) return undefined;
  }
  let words = text.slice(tokens[determiner].start, head.end);
  // "Your summary" at the start of a sentence becomes "your summary" inside the suggestion.
  if (words.length > 1 && words.charAt(1) === words.charAt(1).toLowerCase()) words = words.charAt(0).toLowerCase() + words.slice(1);
  return { kind: 'work', start: tokens[determiner].start, words };
}

function isAcronym(text: string, token: Token): boolean {
  const raw = text.slice(token.start, token.end);
  return raw === raw.toUpperCase();
}

/** Judgement after a linking verb at `link`; pushes a finding and returns true when one is found. */
function linkJudgement(tokens: Token[], link: number, text: string, sentenceEnd: number, out: FeedbackFinding[]): boolean {
  let i = link + 1;
  const particles = LINK_WITH_PARTICLE[tokens[link].w];
  if (particles !== undefined) {
    if (i >= tokens.length || !particles.includes(tokens[i].w)) return false;
    i++;
    if (i < tokens.length && tokens[i].w === 'as') i++;
  }
  // "you could be more warm": a wish for the future, not a judgement.
  if (tokens[link].w === 'be' && link > 0 && HYPOTHETICAL.has(tokens[link - 1].w)) return false;
  const subject = subjectOf(tokens, link, text);
  if (subject === undefined) return false;
  // "The legacy code is hard to read, so you added comments": a problem the person then solved.
  if (subject.kind === 'work' && !/\byour?\b/i.test(subject.words) && ACTED_ON.test(text.slice(tokens[link].end, sentenceEnd))) return false;
  let negated = NEGATED_LINKS.has(tokens[link].w);
  let excess = false;
  let seen = 0;
  for (; i < tokens.length && seen < 6; i++, seen++) {
    const w = tokens[i].w;
    if (w === 'not' || w === 't' || w === 'never') {
      negated = true;
      continue;
    }
    if (EXCESS.has(w)) {
      excess = true;
      continue;
    }
    // "kind of", "a bit of": part of the hedge, not a preposition.
    if (w === 'of' && QUANTIFIERS.has(tokens[i - 1].w)) continue;
    if (PREDICATE_END.has(w)) return false;
    if (w === 'and' || w === 'or') {
      if (CLAUSE_SUBJECTS.has(tokens[i + 1]?.w ?? '')) return false;
      continue;
    }
    if (HEDGES.has(w)) continue;
    const end = tokens[i].end;
    if (negated) {
      if (POSITIVE_STEMS.has(w) && subject.words !== 'it') return push(out, subject, end, 'not', w);
      return false;
    }
    // "hard to read", "painful to maintain": the difficulty is the work's, so it judges the work.
    if (DIFFICULTY.has(w) && subject.kind === 'work' && tokens[i + 1]?.w === 'to' && HARD_TO.has(tokens[i + 2]?.w ?? '')) {
      return push(out, subject, tokens[i + 2].end, 'judge', w);
    }
    const feeling = FEELINGS.has(w) || DIFFICULTY.has(w);
    let strength = feeling ? 0 : judgementStrength(w);
    if (feeling && subject.kind === 'person' && !VULNERABLE.has(w)) strength = 2;
    if (strength > 0) {
      if (TIMES.has(tokens[i + 1]?.w ?? '')) return false;
      return push(out, subject, end, 'judge', w);
    }
    if (excess && !NOT_EXCESSIVE.has(w) && !feeling) return push(out, subject, end, 'excess', w);
    if (w.startsWith('over') && w.length > 7 && subject.kind === 'person') return push(out, subject, end, 'excess', w.slice(4));
    // A neutral word ("the doc was long and confusing"): keep looking through coordinated words.
  }
  return false;
}

function push(out: FeedbackFinding[], subject: Subject, end: number, how: 'judge' | 'not' | 'excess', word: string): true {
  const person = subject.kind === 'person';
  const finding: FeedbackFinding = person
    ? { code: 'person-label', message: 'Judges the person; describe the behaviour you would like to see instead.', start: subject.start, end }
    : { code: 'blame-word', message: 'A verdict on the work; say what would make it stronger next time.', start: subject.start, end };
  const aim = how === 'judge' ? oppositeOf(word) : how === 'not' ? word : undefined;
  if (how === 'excess') {
    finding.suggestion = person ? `Next time, you could be a little less ${word}` : `Next time, try making ${subject.words} a little less ${word}`;
  } else if (aim !== undefined) {
    finding.suggestion = person ? `Going forward, you could be ${aim.includes(' ') ? '' : 'more '}${aim}` : `Next time, try making ${subject.words} ${aim}`;
  }
  out.push(finding);
  return true;
}

/** Adverbs allowed between "you" and its verb ("you completely ignored"). */
const VERB_ADVERBS = setOf('just completely totally really simply also even again still clearly basically then once twice kind sort of actually');
const OVER_UNDER_MIS = /^(?:(?:over|under|mis)[a-z]{3,}ed|mis(?:read|led|took|understood|spoke|heard))$/;
/** over-/under-/mis- verbs that do not name a shortfall. */
const SHAPE_NEUTRAL = setOf('overhauled overlapped overheard overflowed overlaid overlayed overwrited overridden underlined underscored underpinned misspelled');
/** "you broke the monolith into services", "you cut the build time in half": particles that make a negative verb neutral. */
const NEUTRAL_PARTICLES = setOf('down into up out through apart');

/** "you ignored", "you overengineered": a negative past verb about the person. */
function pastVerbJudgement(tokens: Token[], you: number, out: FeedbackFinding[]): void {
  let i = you + 1;
  while (i < tokens.length && VERB_ADVERBS.has(tokens[i].w)) i++;
  if (i >= tokens.length) return;
  const verb = tokens[i].w;
  const shaped = OVER_UNDER_MIS.test(verb) && !SHAPE_NEUTRAL.has(verb);
  const past = verb.endsWith('ed') || shaped;
  if (!past) return;
  const score = afinnScore(verb);
  if (!shaped && score > -2) return;
  if (i + 1 < tokens.length && NEUTRAL_PARTICLES.has(tokens[i + 1].w)) return;
  const base = baseForm(verb);
  out.push({
    code: 'past-dwelling',
    message: 'Dwells on a past miss; suggest what to do next time.',
    start: tokens[you].start,
    end: tokens[i].end,
    suggestion: `Next time, you could avoid ${gerund(base)}`,
  });
}

const JUDGING_NOUN = /(?:ness|ence|ance|ity|ism)$/;
/** "the quality of your reviews has slipped": decline said of the person's work. */
const DECLINE = setOf('slipped declined deteriorated worsened suffered tanked regressed dropped lacked lacks lacking');
/** Time and situation nouns: "a rough week", "a tough start" describe the times, not the work. */
const TIMES = setOf('week weeks day days month months quarter year sprint time times start patch night period morning stretch few run spell ride');
/** "…, so you tuned the thresholds": the person acted on the problem, so it is context, not a verdict. */
export const ACTED_ON =
  /[,;]\s*(?:(?:so|and|but|then|which|until)\s+)?(?:(?:you|we)\s+(?!(?:were|are|was|didn|did\s+not|never|always|should|could|would|just\s+left)\b)[a-z]+|your\s+[a-z-]+\s+(?:fixed|solved|improved|changed|turned|made|cleared|resolved|addressed|saved)\b|the\s+(?:second|new|next|latest|current|revised)\s+(?:one|version|draft)\b)/i;

/** Runs the lexicon slots over one sentence [start, end). `forward`: the sentence also looks ahead. */
export function findJudgements(text: string, start: number, end: number, forward: boolean, out: FeedbackFinding[]): void {
  const tokens = tokenize(text, start, end);
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i].w;
    if (LINKS.has(w) || (Object.hasOwn(LINK_WITH_PARTICLE, w) && i > 0)) {
      // "'s" after a name is a possessive ("Sam's doc"), a link only after a pronoun.
      if (w === 's' && (i === 0 || !(WORK_PRONOUNS.has(tokens[i - 1].w) || tokens[i - 1].w === 'what'))) continue;
      if (w === 're' && (i === 0 || tokens[i - 1].w !== 'you')) continue;
      linkJudgement(tokens, i, text, end, out);
    } else if (w === 'you' && !forward) {
      pastVerbJudgement(tokens, i, out);
    } else if (w === 'your') {
      for (let j = i + 1; j < Math.min(tokens.length, i + 4); j++) {
        const t = tokens[j].w;
        if (JUDGING_NOUN.test(t) && judgementStrength(t) >= 2) {
          out.push({ code: 'blame-word', message: 'Names a failing of the person; describe the behaviour and its impact instead.', start: tokens[i].start, end: tokens[j].end });
          break;
        }
        if (DECLINE.has(t) && j > i + 1) {
          out.push({ code: 'blame-word', message: 'A verdict on the work; say what would make it stronger next time.', start: tokens[i].start, end: tokens[j].end });
          break;
        }
        // "your attitude stinks", "your demo sucked": a judging verb right after the phrase.
        if (j > i + 1 && /(?:s|ed)$/.test(t) && afinnScore(t) <= -2 && !FEELINGS.has(t)) {
          out.push({ code: 'blame-word', message: 'A verdict on the work; say what would make it stronger next time.', start: tokens[i].start, end: tokens[j].end });
          break;
        }
      }
    } else if ((w === 'found' || w === 'find') && i > 0 && (tokens[i - 1].w === 'i' || tokens[i - 1].w === 'we')) {
      for (let j = i + 1; j < Math.min(tokens.length, i + 7); j++) {
        const t = tokens[j].w;
        if (!FEELINGS.has(t) && !DIFFICULTY.has(t) && judgementStrength(t) >= 2) {
          out.push({ code: 'blame-word', message: 'A verdict on the work; say what would make it stronger next time.', start: tokens[i - 1].start, end: tokens[j].end });
          break;
        }
      }
    }
  }
}
