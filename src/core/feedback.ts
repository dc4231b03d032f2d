// Future-focus ("feedforward") analysis of feedback text. Pure and host-neutral: it runs in the
// webview on every keystroke, in the CLI and in the plan rules, so it must be fast and never throw.
//
// How it works: the text is split into sentences once; each rule is one precompiled global regex
// run over the whole text, and every match becomes a finding whose span is exactly the match.
// Rules are built from word classes (trait adjectives, shortfall verbs, time adverbials, modal
// perfects), not from example sentences. A sentence that also looks forward ("next time",
// "going forward", "you could", "try", ...) is treated as using the past as context, so the
// past-dwelling rules are silenced there; labels, absolutes and verdict words are not.
//
// Score: each sentence with findings costs its summed code weights (capped at 1); the score is
// 100 × (1 − cost / sentences with letters), rounded. Clean and empty text score 100.

import { BLAME_IDIOMS, SARCASM } from './feedback/idioms';
import { ACTED_ON, findJudgements } from './feedback/judgement';
import { afinnScore, ENGINEERING_NEUTRAL, TRAIT_OPPOSITES } from './feedback/lexicon';
import { baseForm, PARTICIPLE } from './feedback/verbs';

export { baseForm };

export interface FeedbackFinding {
  /** Stable: past-dwelling, absolute-judgement, person-label, blame-word. */
  code: string;
  message: string;
  /** UTF-16 offsets into the analysed text; the span covers the offending words. */
  start: number;
  end: number;
  /** Future-focused replacement text for [start, end), when one can be built. */
  suggestion?: string;
}

export interface FeedbackAnalysis {
  /** 0-100, higher is more future-focused. */
  score: number;
  findings: FeedbackFinding[];
  /** Set when the analysis failed: the text was not checked, and the caller should say so. */
  error?: string;
}

export const FEEDBACK_CODES = ['past-dwelling', 'absolute-judgement', 'person-label', 'blame-word'] as const;
export type FeedbackCode = (typeof FEEDBACK_CODES)[number];

// Labels hurt most; dwelling on the past is the mildest (it is often honest context).
const WEIGHTS: Record<FeedbackCode, number> = {
  'person-label': 1,
  'absolute-judgement': 0.8,
  'blame-word': 0.7,
  'past-dwelling': 0.6,
};

// ---------------------------------------------------------------------------------------------
// Word classes

const AP = `['’]`; // straight or typographic apostrophe

/** Verbs whose past form names a shortfall; value: [base, gerund]. */
const SHORTFALL_VERBS: Record<string, [string, string]> = {
  forgot: ['remember', 'remembering'], // handled specially: "remember to"
  missed: ['miss', 'missing'], ignored: ['ignore', 'ignoring'], skipped: ['skip', 'skipping'],
  neglected: ['neglect', 'neglecting'], interrupted: ['interrupt', 'interrupting'], overlooked: ['overlook', 'overlooking'],
  dismissed: ['dismiss', 'dismissing'], rushed: ['rush', 'rushing'], broke: ['break', 'breaking'],
  'lost track of': ['keep track of', 'keeping track of'], lost: ['lose', 'losing'], 'talked over': ['talk over', 'talking over'],
  'cut off': ['cut off', 'cutting off'], blew: ['blow', 'blowing'], abandoned: ['abandon', 'abandoning'],
  disregarded: ['disregard', 'disregarding'], omitted: ['omit', 'omitting'], undermined: ['undermine', 'undermining'],
  derailed: ['derail', 'derailing'], 'left out': ['leave out', 'leaving out'], 'ran over': ['run over', 'running over'],
  'went over': ['go over', 'going over'], delayed: ['delay', 'delaying'], ghosted: ['ghost', 'ghosting'],
  'forgot about': ['remember', 'remembering'],
};
const SHORTFALL_ALT = Object.keys(SHORTFALL_VERBS)
  .sort((a, b) => b.length - a.length)
  .map((v) => v.replace(/ /g, '\\s+'))
  // "You broke the monolith into services", "you broke down the epic": breaking up work is no miss.
  .map((v) => (v === 'broke' ? 'broke(?![^.!?;\\n]{0,40}\\b(?:into|down|apart|out|up|through|ground|even|records?)\\b)' : v))
  .join('|');

/** States that describe a past shortfall ("you were late"); value: the forward-looking state. */
const SHORTFALL_STATES: Record<string, string> = {
  late: 'on time', unprepared: 'prepared', absent: 'there', behind: 'on track', distracted: 'focused',
  vague: 'specific', unclear: 'clear', 'off-topic': 'on topic', 'off topic': 'on topic', 'not ready': 'ready',
  'not prepared': 'prepared', 'not there': 'there', 'slow to respond': 'quick to respond',
};
const STATE_ALT = Object.keys(SHORTFALL_STATES)
  .sort((a, b) => b.length - a.length)
  .map((v) => v.replace(/[ -]/g, '[-\\s]+'))
  .join('|');

/** Label nouns (the person, not the behaviour) → a behaviour to aim for instead. */
const LABEL_NOUNS: Record<string, string> = {
  amateur: 'build more experience here', slacker: 'take on more ownership', perfectionist: 'ship when it is good enough',
  'control freak': 'delegate more', 'know-it-all': 'invite other views', liability: 'build trust step by step',
  pushover: 'hold your position when it matters', bully: 'invite others in', idiot: 'slow down and check',
  procrastinator: 'start earlier', bottleneck: 'unblock others sooner', joke: 'build credibility step by step', micromanager: 'delegate more', hothead: 'pause before reacting',
  'drama queen': 'keep things in proportion', 'lone wolf': 'work more with the team',
  'poor listener': 'listen more closely', 'bad listener': 'listen more closely', 'poor communicator': 'communicate more clearly',
  'bad communicator': 'communicate more clearly', 'poor leader': 'lead more deliberately', 'bad leader': 'lead more deliberately',
  'poor planner': 'plan further ahead', 'bad planner': 'plan further ahead', 'bad teammate': 'work more with the team',
  'not a team player': 'work more with the team', 'not a people person': 'connect more with people',
};
const altOf = (keys: string[]): string =>
  keys
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/ /g, '\\s+').replace(/-/g, '[-\\s]?'))
    .join('|');
const TRAIT_ALT = altOf(Object.keys(TRAIT_OPPOSITES));
const NOUN_ALT = altOf(Object.keys(LABEL_NOUNS));
const INTENSIFIER = `(?:so|very|really|quite|too|pretty|rather|extremely|incredibly|a\\s+bit|a\\s+little|kind\\s+of|sort\\s+of|somewhat|often|sometimes|totally|completely|just|being|such|a|an|real|total|complete|bit\\s+of\\s+a|utterly|honestly|generally|frankly)`;
const COPULA = `(?:${AP}re|\\s+are|\\s+were|${AP}ve\\s+been|\\s+have\\s+been|\\s+seem|\\s+seemed|\\s+sound|\\s+sounded|\\s+appear|\\s+appeared|\\s+come\\s+across\\s+as|\\s+came\\s+across\\s+as|\\s+can\\s+be|\\s+tend\\s+to\\s+be|\\s+are\\s+being|\\s+were\\s+being|${AP}ve\\s+become|\\s+have\\s+become|\\s+became|\\s+act|\\s+acted|\\s+get|\\s+got)`;

// ---------------------------------------------------------------------------------------------
// Rules

interface Rule {
  code: FeedbackCode;
  re: RegExp;
  message: string;
  /** Silenced in sentences that also look forward. */
  damped: boolean;
  /** Extra check on the sentence (start/end are the sentence bounds). */
  accept?: (text: string, match: RegExpExecArray, sentStart: number, sentEnd: number) => boolean;
  /** Span override: [start, end]; default is the whole match. */
  span?: (text: string, match: RegExpExecArray, sentStart: number, sentEnd: number) => [number, number];
  suggest?: (match: RegExpExecArray, spanText: string) => string | undefined;
}

const FUTURE_CUE = new RegExp(
  [
    `\\bnext\\s+(?:time|week|month|quarter|year|sprint|session|release|review|demo|meeting|round|one|step|steps|iteration|cycle|retro|retrospective|standup|rotation|few|talk|presentation|doc|design|project|postmortem|incident|check-in|1:1|one-on-one|pull\\s+request|pr)\\b`,
    `\\b(?:going|moving|looking)\\s+(?:forward|ahead)\\b`,
    `\\bfrom\\s+now\\s+on\\b`,
    `\\bin\\s+(?:the\\s+)?future\\b`,
    `\\bfor\\s+the\\s+future\\b`,
    `\\bin\\s+the\\s+coming\\b`,
    `\\bupcoming\\b`,
    `\\btomorrow\\b`,
    `\\btry(?:ing)?\\b`,
    `\\bconsider\\b`,
    `(?<!\\b(?:how|why)\\s)\\b(?:could|would|will|can)\\s+you\\b(?!\\s+(?:have\\b|${AP}ve))`,
    `\\bwhat\\s+would\\b`,
    `\\bhow\\s+(?:might|would|will|can)\\b`,
    `\\bhow\\s+could\\s+(?!you\\b)`,
    // Not in a relative clause: "you overestimated how much we could do" looks back.
    `\\b(?:you|we|i)(?<!\\b(?:how\\s+much|how\\s+many|what|everything|all)\\s(?:you|we|i))\\s+(?:could|might|can|may)\\s+(?!have\\b|not\\b)`,
    `\\blet${AP}s\\b`,
    `\\bi${AP}?d\\s+(?:suggest|recommend)\\b`,
    `\\bi\\s+(?:suggest|recommend)\\b`,
    `\\bkeep\\s+[a-z]+ing\\b`,
    `\\b(?:aim|plan)\\s+to\\b`,
    `\\bwhen\\s+you\\s+next\\b`,
    `\\bit\\s+(?:might|could|would|may)\\s+help\\b`,
  ].join('|'),
  'gi',
);

/** Things in a system that fail, crash and time out as plain engineering description ("the build failed"). */
const SYSTEM_NOUNS = 'cache|caches|database|db|network|api|endpoint|endpoints|cluster|queue|consumer|producer|provider|dependency|library|certificate|update|patch|hotfix|machine|vm|instance|instances|replica|primary|lock|transaction|healthcheck|build|builds|test|tests|job|jobs|deploy|deploys|deployment|deployments|pipeline|pipelines|check|checks|request|requests|query|queries|step|run|runs|migration|script|node|nodes|pod|pods|server|servers|service|services|task|tasks|compile|lint|ci|install|upgrade|call|calls|probe|canary|backup|backups|restore|sync|import|export|cron|worker|workers|container|containers|host|hosts|disk|disks|batch|rollout|release|upload|download|login|payment|payments|connection|connections|handshake|lookup|write|read|assertion|suite';

const PRONOUN_SUBJECT = `(?:i|you|we|they|he|she|it|this|that)`;

/** Capitalise the suggestion like the words it replaces. */
function matchCase(replacement: string, original: string): string {
  if (replacement.length === 0) return replacement;
  const first = original.charAt(0);
  const upper = first !== first.toLowerCase();
  return (upper ? replacement.charAt(0).toUpperCase() : replacement.charAt(0).toLowerCase()) + replacement.slice(1);
}

// Helper patterns, compiled once at module load like the rules.
const CURLY_APOSTROPHE = /’/g;
const WHITESPACE_RUN = /\s+/g;
const HYPHEN = /-/g;
const LEADING_YOU = /^\s+you\b/i;
const STARTS_WITH_YOU = /^you\b/i;

const lowerWords = (s: string): string => s.toLowerCase().replace(CURLY_APOSTROPHE, "'").replace(WHITESPACE_RUN, ' ');

const HAVENT_YET = /\byet\b/i;
const MISTAKE_PERMISSION = /\b(?:ok(?:ay)?|fine|normal|safe|allowed|free|alright|all\s+right|expected|natural|human)\s+to\s+make\s+mistakes\b|\bmistakes\s+are\s+(?:ok(?:ay)?|fine|normal|expected|how|part|welcome)\b|\b(?:admitted|owned(?:\s+up\s+to)?|acknowledged|learned\s+from|corrected|caught)\s+(?:a|the|your|my|our|an)\s+(?:[a-z]+\s+)?mistakes?\b/i;
/** Only punctuation or a clause break before: the start of a clause. */
const CLAUSE_OPENING = /(?:^|[,;:])\s*$/;
const WORD_AFTER = /^\s+(?:(?:any|a|an|much|too\s+much)\s+)?([a-z-]+)/i;
/** Things it is good to do something without. */
const AVOIDED = new Set(['downtime', 'hitch', 'drama', 'fuss', 'complaint', 'complaints', 'complaining', 'being', 'help', 'anyone', 'missing', 'losing', 'breaking', 'interruption', 'interruptions', 'regressions', 'incident', 'incidents']);
/** Someone else's disappointment is impact ("the customer was disappointed"); the writer's is a verdict. */
const OTHERS_FEELING = /\b(?:(?:the|our|their|a|an)\s+(?:[a-z]+\s+)?(?:customers?|clients?|users?|team|stakeholders?|vp|manager|partners?|audience)|they|he|she|everyone)\s+(?:was|were|seemed|felt|is|are|looked|sounded)\s+(?:[a-z]+\s+)?$/i;
const SENTENCE_HAS_YOUR = /\byour?\b/i;
const SENTENCE_HAS_YOU = /\byou\b/i;
const YOU_CLAUSE = /(?:^|[,;:|]\s*)you\b/i;

const RULES: Rule[] = [
  // Modal perfects: should/could/would have + participle ("you should have tested").
  {
    code: 'past-dwelling',
    message: 'Dwells on what should have happened; say what to do next time instead.',
    damped: true,
    re: new RegExp(
      `\\b(?:(${PRONOUN_SUBJECT})\\s+)?(should|could|would|ought\\s+to)(n${AP}t|\\s+not|\\s+never)?(?:\\s+(?:at\\s+least|really|easily|probably|definitely))?(?:\\s+have|${AP}ve)\\s+(?:(?:really|just|also|at\\s+least|probably|definitely|perhaps|maybe|easily|simply)\\s+)?(${PARTICIPLE})\\b`,
      'gi',
    ),
    suggest: (m) => {
      const subject = m[1];
      const modal = m[2].toLowerCase();
      const negated = m[3] !== undefined;
      const base = baseForm(m[4]);
      const verb = negated ? `choose not to ${base}` : base;
      if (subject === undefined) return `can, next time, ${verb}`;
      const s = lowerWords(subject);
      const subj = s === 'i' ? 'I' : s;
      const aux = modal === 'would' || ['it', 'this', 'that'].includes(s) ? 'would' : 'could';
      return `Next time, ${subj} ${aux} ${verb}`;
    },
  },
  // Counterfactual wishes: "I wish you had", "if only you had", "if you had asked".
  {
    code: 'past-dwelling',
    message: 'Wishes the past were different; describe what would help next time.',
    damped: true,
    re: new RegExp(`\\b(?:(i\\s+)?wish(?:ed)?|if\\s+only|if)\\s+(you|we|they|i)(?:\\s+had|${AP}d)\\s+(?:(?:just|only|really|also)\\s+)?(${PARTICIPLE})\\b`, 'gi'),
    suggest: (m) => {
      const subj = m[2].toLowerCase() === 'i' ? 'I' : m[2].toLowerCase();
      const base = baseForm(m[3]);
      return m[1] !== undefined ? `Next time, I'd like ${subj === 'I' ? 'to' : `${subj} to`} ${base}` : `Next time, ${subj} could ${base}`;
    },
  },
  // "You might have asked first": a reproach, unless it is about noticing ("you might have seen the memo").
  {
    code: 'past-dwelling',
    message: 'Dwells on what should have happened; say what to do next time instead.',
    damped: true,
    re: new RegExp(`\\byou\\s+might\\s+(?:at\\s+least\\s+)?(?:have|${AP}ve)\\s+(?!(?:noticed|seen|heard|read|received|got|gotten|come|met|been|wondered)\\b)(${PARTICIPLE})\\b`, 'gi'),
    suggest: (m) => `Next time, you could ${baseForm(m[1])}`,
  },
  // Inverted counterfactual: "Had you asked, we could have helped."
  {
    code: 'past-dwelling',
    message: 'Wishes the past were different; describe what would help next time.',
    damped: true,
    re: new RegExp(`\\bhad\\s+(you|we|they)\\s+(?:just\\s+|only\\s+)?(${PARTICIPLE})\\b`, 'gi'),
    accept: (text, m, s) => CLAUSE_OPENING.test(text.slice(Math.max(s, m.index - 200), m.index)) || m.index === s,
    suggest: (m) => `Next time, ${m[1].toLowerCase()} could ${baseForm(m[2])}`,
  },
  // A past obligation: "You needed to loop in security before launch."
  {
    code: 'past-dwelling',
    message: 'Points at a missed expectation; agree what to do next time.',
    damped: true,
    re: /\byou\s+(?:really\s+|just\s+)?needed\s+to\b/gi,
    suggest: () => 'Next time, you could make sure to',
  },
  // Broken expectations: "you were supposed to".
  {
    code: 'past-dwelling',
    message: 'Points at a missed expectation; agree what to do next time.',
    damped: true,
    re: new RegExp(`\\b(you|we)\\s+(?:were|was)(?:n${AP}t|\\s+not)?\\s+supposed\\s+to\\b`, 'gi'),
    suggest: (m) => `Next time, ${m[1].toLowerCase()} could make sure to`,
  },
  // Negated past about the person: "you didn't", "you weren't", "your slides weren't".
  {
    code: 'past-dwelling',
    message: 'Focuses on what did not happen; suggest what to do next time.',
    damped: true,
    re: new RegExp(
      // Not in a relative clause: "honest about what you didn't know" admits, it does not reproach.
      `\\b(you|your(?:\\s+[a-z’'-]+){1,3})(?<!\\b(?:what|whatever|anything)\\s+you)\\s+(?:(?:still|just|really|even|also|simply|ever)\\s+)?(didn${AP}t|did\\s+not|weren${AP}t|were\\s+not|wasn${AP}t|was\\s+not)\\b`,
      'gi',
    ),
    suggest: (m) => {
      const subject = lowerWords(m[1]);
      const aux = lowerWords(m[2]);
      if (subject === 'you') return aux.startsWith('did') ? 'Next time, you could' : 'Next time, you could be';
      if (aux.startsWith('were')) return `Next time, make sure ${subject} are`;
      if (aux.startsWith('was')) return `Next time, make sure ${subject} is`;
      return `Next time, make sure ${subject} does`;
    },
  },
  // Negated perfect: "you haven't updated the ticket" (but not "you haven't met Jo yet").
  {
    code: 'past-dwelling',
    message: 'Focuses on what has not happened; suggest what to do next.',
    damped: true,
    re: new RegExp(`\\byou\\s+(?:still\\s+)?(?:haven${AP}t|have\\s+not|hadn${AP}t|had\\s+not)(?:\\s+(?:even\\s+|really\\s+|actually\\s+)?(${PARTICIPLE}))?\\b`, 'gi'),
    accept: (text, _m, s, e) => !HAVENT_YET.test(text.slice(s, e)),
    suggest: (m) => (m[1] === undefined ? undefined : `Next time, you could ${baseForm(m[1])}`),
  },
  {
    code: 'past-dwelling',
    message: 'Asks about what did not happen; ask what would help next time instead.',
    damped: true,
    re: new RegExp(`(?<!\\bwhy\\s)\\b(?:didn${AP}t|weren${AP}t|haven${AP}t|hadn${AP}t)\\s+you\\b`, 'gi'),
    suggest: () => 'Next time, could you',
  },
  // "...and still didn't finish": a negated past whose subject is further back.
  {
    code: 'past-dwelling',
    message: 'Focuses on what did not happen; suggest what to do next time.',
    damped: true,
    re: new RegExp(`\\b(?:and|but)\\s+(?:still\\s+|then\\s+)?(?:didn${AP}t|did\\s+not|never)\\b`, 'gi'),
    accept: (text, _m, s, e) => SENTENCE_HAS_YOU.test(text.slice(s, e)),
  },
  // Interrogating the past: "why did you", "how could you", "what were you thinking".
  {
    code: 'past-dwelling',
    message: 'Questions a past choice; ask what would help next time instead.',
    damped: false,
    re: new RegExp(
      `\\b(?:why\\s+(?:on\\s+earth\\s+)?(did|didn${AP}t|did\\s+not|would|wouldn${AP}t|were|weren${AP}t|was|wasn${AP}t|had|hadn${AP}t)\\s+you|how\\s+could\\s+you|what\\s+were\\s+you\\s+thinking)\\b`,
      'gi',
    ),
    span: (text, m, _s, e) => [m.index, trimEnd(text, m.index + m[0].length, e)],
    suggest: (m, spanText) => {
      const aux = m[1] === undefined ? '' : lowerWords(m[1]);
      const rest = spanText.slice(m[0].length).trim();
      if (rest.length === 0 || aux === '' || aux.startsWith('were') || aux.startsWith('was') || aux.startsWith('had')) return 'What would help you next time';
      if (aux.includes('n')) return `What would make it easier to ${rest} next time`;
      return `What would you do differently next time you ${rest}`;
    },
  },
  // Interrogating the past without "you": "Why wasn't the customer told?", "Who thought that was okay?"
  {
    code: 'past-dwelling',
    message: 'Questions a past choice; ask what would help next time instead.',
    damped: false,
    re: new RegExp(
      `\\b(?:why\\s+on\\s+earth\\b|why\\s+(?:did|does|has|had)\\s+(?:nobody|no\\s+one|none\\s+of\\s+you)\\b|why\\s+(?:wasn${AP}t|weren${AP}t|didn${AP}t|hadn${AP}t|wouldn${AP}t)\\s+(?!you\\b)|why\\s+would\\s+(?:anyone|anybody|someone|somebody)\\b|who\\s+(?:thought|decided|said)\\b[^.!?\\n]{0,40}?\\b(?:ok(?:ay)?|fine|a\\s+good\\s+idea|acceptable)\\b|who\\s+told\\s+you\\s+to\\b|what\\s+made\\s+you\\s+think\\b|how\\s+did\\s+(?:you|anyone|we)\\s+(?:not|manage\\s+to\\s+(?:miss|forget|break|lose)|miss|forget|overlook|ignore)\\b|what\\s+were\\s+you\\s+doing\\b)`,
      'gi',
    ),
    span: (text, m, _s, e) => [m.index, trimEnd(text, m.index + m[0].length, e)],
    suggest: () => 'What would help next time',
  },
  // Repetition markers that keep score: "once again", "as usual".
  {
    code: 'past-dwelling',
    message: 'Keeps score of repeated misses; name one thing to do next time.',
    damped: true,
    re: /\b(?:once\s+again|yet\s+again|as\s+usual|like\s+last\s+time|same\s+as\s+last\s+time|again\s+and\s+again|as\s+always)\b/gi,
  },
  // Post-mortems of blame: "what went wrong".
  {
    code: 'past-dwelling',
    message: 'Looks back at what went wrong; ask what could go better next time.',
    // Undamped: "let's go over what went wrong" is still a post-mortem of blame.
    damped: false,
    re: /\b(?:went|had\s+gone|has\s+gone|have\s+gone)\s+(?:so\s+|very\s+|really\s+|badly\s+)?(?:wrong|badly|poorly|sideways|off\s+the\s+rails)\b/gi,
    suggest: () => 'could go better next time',
  },
  // Second-person past shortfall verbs, with any past-time adverbial just before them.
  {
    code: 'past-dwelling',
    message: 'Dwells on a past miss; suggest what to do next time.',
    damped: true,
    re: new RegExp(
      `(?:\\b(?:last\\s+(?:time|week|month|sprint|quarter|year|session)|yesterday|previously|earlier|this\\s+morning|in\\s+the\\s+past)\\s*,?\\s+)?\\byou\\s+(?:(?:just|completely|totally|really|simply|also|even|again|still|clearly|basically|kind\\s+of|sort\\s+of|then|once|twice)\\s+)?(${SHORTFALL_ALT})\\b`,
      'gi',
    ),
    suggest: (m) => {
      const verb = lowerWords(m[1]);
      const forms = SHORTFALL_VERBS[verb];
      if (forms === undefined) return undefined;
      if (verb.startsWith('forgot')) return 'Next time, you could remember';
      if (verb === 'lost track of') return 'Next time, you could keep track of';
      return `Next time, you could avoid ${forms[1]}`;
    },
  },
  // Past shortfall states: "you were late", "you were unprepared".
  {
    code: 'past-dwelling',
    message: 'Dwells on a past miss; say what would help next time.',
    damped: true,
    re: new RegExp(`\\byou\\s+(?:were|was)\\s+(?:(?:so|very|really|quite|a\\s+bit|a\\s+little|too|completely|totally|again|always)\\s+)?(${STATE_ALT})\\b`, 'gi'),
    suggest: (m) => {
      const state = SHORTFALL_STATES[lowerWords(m[1]).replace(HYPHEN, ' ')] ?? SHORTFALL_STATES[lowerWords(m[1])];
      return state === undefined ? undefined : `Next time, you could be ${state}`;
    },
  },
  // Past action done "without" something: "you deployed without a rollback plan".
  {
    code: 'past-dwelling',
    message: 'Dwells on what was missing; suggest what to include next time.',
    damped: true,
    re: /\byou\s+(?:[a-z]+ed|left|went|sent|began|ran|made|took|wrote|gave|came|spoke)\b[^.!?;\n]{0,60}?\bwithout\b/gi,
    // "without blaming anyone", "without any downtime": what was avoided is praise, not a gap.
    accept: (text, m) => {
      const next = WORD_AFTER.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 40));
      return next === null || !(afinnScore(next[1].toLowerCase()) < 0 || ENGINEERING_NEUTRAL.has(next[1].toLowerCase()) || AVOIDED.has(next[1].toLowerCase()));
    },
  },
  // Something promised that "never came".
  {
    code: 'past-dwelling',
    message: 'Dwells on something that never happened; agree a next step instead.',
    damped: true,
    re: /\b(?:it|they|that|this|which)\s+never\s+(?:came|arrived|happened|showed\s+up|got\s+(?:done|finished|fixed|sent)|materiali[sz]ed)\b/gi,
  },
  // Absolutes about the person: "you never ask" (the verb is kept so the suggestion can reuse it).
  {
    code: 'absolute-judgement',
    message: 'Generalises ("never"); pick one specific behaviour to work on.',
    damped: false,
    re: /(?<!\b(?:whether|if)\s)\byou\s+never\s+(?!(?:need|needed|have\s+to|had\s+to|know)\b)([a-z]+)\b/gi,
    suggest: (m) => `Next time, you could ${baseForm(m[1])}`,
  },
  // "you always", "you're never", "you constantly".
  {
    code: 'absolute-judgement',
    message: 'Generalises ("always/never"); pick one specific behaviour to work on.',
    damped: false,
    re: new RegExp(
      `(?<!\\b(?:whether|if)\\s)\\byou(${AP}re|\\s+are|${AP}ve|\\s+have|\\s+were)?\\s+(?:always|never|constantly|continually|forever|perpetually|invariably)\\b(?!\\s+(?:need\\s+to|needed\\s+to|have\\s+to|had\\s+to|welcome|free\\s+to|able\\s+to|allowed|know)\\b)`,
      'gi',
    ),
    suggest: (m) => `Next time, notice whether you${m[1] === undefined ? '' : m[1].replace(WHITESPACE_RUN, ' ')}`,
  },
  {
    code: 'absolute-judgement',
    message: 'Generalises ("you keep…"); pick one specific moment to do differently.',
    damped: false,
    re: /(?<!\b(?:whether|if)\s)\byou\s+(?:keep|kept)(?=\s+(?:on\s+)?[a-z]+ing\b)/gi,
    suggest: () => 'Next time, notice whether you keep',
  },
  {
    code: 'absolute-judgement',
    message: 'Generalises ("every time"); pick one specific moment instead.',
    damped: true,
    re: /\b(?:(?:every|each)\s+(?:single\s+)?time|whenever)\b/gi,
    // Only when "you" is the subject of a clause: "each time you review, leave a note" is advice.
    accept: (text, m, s, e) => YOU_CLAUSE.test(text.slice(s, m.index) + '|' + text.slice(m.index + m[0].length, e).replace(LEADING_YOU, '')),
    suggest: () => 'Next time',
  },
  // "Every retro, you …", "Without fail, your PRs …": a habit pinned on the person.
  {
    code: 'absolute-judgement',
    message: 'Generalises; pick one specific moment to do differently.',
    damped: false,
    re: /\b(?:(?:every|each)\s+(?:single\s+)?[a-z-]+\s*,\s*you|without\s+fail|you\s+(?:always|never)\s+seem\s+to)\b/gi,
  },
  // Labels of the person: "you are careless", "you're a bit arrogant", "you're a poor listener".
  {
    code: 'person-label',
    message: 'Labels the person; describe the behaviour you would like to see instead.',
    damped: false,
    re: new RegExp(`\\byou${COPULA}\\s+(?:${INTENSIFIER}\\s+){0,3}(?:(${TRAIT_ALT})|(${NOUN_ALT}))\\b`, 'gi'),
    suggest: (m) => labelSuggestion(m[1], m[2], 'Going forward, you could'),
  },
  {
    code: 'person-label',
    message: 'Labels the person; describe the behaviour you would like to see instead.',
    damped: false,
    re: new RegExp(`\\b(?:(don${AP}t\\s+|do\\s+not\\s+)|you\\s+)?be\\s+(?:so|such|that|too)\\s+(?:a\\s+|an\\s+)?(?:(${TRAIT_ALT})|(${NOUN_ALT}))\\b`, 'gi'),
    suggest: (m) => {
      const trait = m[2] === undefined ? undefined : TRAIT_OPPOSITES[lowerWords(m[2])];
      if (trait === undefined) return undefined;
      if (m[1] !== undefined) return `next time, try to be more ${trait}`;
      return `${STARTS_WITH_YOU.test(m[0]) ? 'you ' : ''}be more ${trait} next time`;
    },
  },
  // Verdict vocabulary.
  {
    code: 'blame-word',
    message: 'A verdict word; describe the impact and what to try next time.',
    damped: false,
    re: new RegExp(
      `(?<!\\bno[-\\s])\\b(?:(you)\\s+failed\\s+to|failed(?<!\\b(?:${SYSTEM_NOUNS})\\sfailed)(?!\\s+over\\b)|failed(?<=\\b(?:${SYSTEM_NOUNS})\\sfailed)(?=\\s+(?:because\\s+of|due\\s+to)\\s+(?:you|your)\\b)|(?<!\\bpoints?\\s+of\\s)fail(?:ure|ures)(?!\\s+(?:modes?|scenarios?|cases?|handling|rates?|domains?|injection|paths?))|unacceptable|inexcusable|unforgivable|fault(?![-\\s]toleran|[-\\s]injection)|blamed?|to\\s+blame|disasters?|disastrous|terrible|awful|horrible|horrendous|atrocious|dreadful|embarrass(?:ing|ed|ment)|disappoint(?:ed|ing|ment)|messed\\s+up|screwed\\s+up|botched|dropped\\s+the\\s+ball|pathetic|lousy|(?:poor|bad|sloppy|lazy|careless)\\s+(?:job|work|call|decision|choice|effort|performance|attitude|quality)|(?<!\\b(?:go|goes|going|gone|went)\\s)wrong)\\b`,
      'gi',
    ),
    accept: (text, m, s, e) => {
      const before = text.slice(Math.max(s, m.index - 60), m.index);
      if (/^disappoint/i.test(m[0]) && OTHERS_FEELING.test(before)) return false;
      // "The vendor's API is terrible, so you wrapped it": a problem the person then solved.
      return m[1] !== undefined || SENTENCE_HAS_YOUR.test(text.slice(s, m.index)) || !ACTED_ON.test(text.slice(m.index + m[0].length, e));
    },
    suggest: (m) => (m[1] !== undefined ? 'Next time, you could' : undefined),
  },
  // A verdict noun with its article ("a big mistake", "a complete failure", "a mess"): the whole
  // phrase is replaced, so the suggestion can stay grammatical.
  {
    code: 'blame-word',
    message: 'A verdict; describe what to do differently next time.',
    damped: false,
    re: /\b(?:a|an|such\s+a|what\s+a)\s+(?:(?:total|complete|real|big|huge|hot|absolute|utter|costly|careless|silly|serious|basic|rookie|bit\s+of\s+a)\s+){0,2}(mistake|failure|disaster|mess|fiasco|train\s*wreck|screw[-\s]?up)\b/gi,
    accept: (text, _m, s, e) => !MISTAKE_PERMISSION.test(text.slice(s, e)),
    suggest: (m) => (lowerWords(m[1]) === 'mess' ? 'something to tidy up next time' : 'a lesson for next time'),
  },
  {
    code: 'blame-word',
    message: 'Calls it a mistake; describe what to do differently next time.',
    damped: false,
    re: /\bmistakes?\b/gi,
    accept: (text, _m, s, e) => !MISTAKE_PERMISSION.test(text.slice(s, e)),
  },
  // Idioms and phrasal verbs of blame, and hedged criticism (./feedback/idioms.ts).
  {
    code: 'blame-word',
    message: 'Assigns blame with an idiom; describe the impact and what to try next time.',
    damped: false,
    re: new RegExp(BLAME_IDIOMS, 'gi'),
  },
  {
    code: 'blame-word',
    message: 'Sarcasm reads as blame; say plainly what you would like next time.',
    damped: false,
    re: new RegExp(SARCASM, 'gi'),
    // The praise word must open the sentence ("Great job breaking prod", not "a great job, breaking …").
    accept: (text, m, s) => (m[1] === undefined && m[2] === undefined) || !LETTER.test(text.slice(s, m.index)),
    span: (text, m, _s, e) => [m.index, trimEnd(text, m.index + m[0].length, e)],
  },
];

function labelSuggestion(trait: string | undefined, noun: string | undefined, lead: string): string | undefined {
  if (trait !== undefined) {
    const key = lowerWords(trait);
    const opposite = TRAIT_OPPOSITES[key] ?? TRAIT_OPPOSITES[key.replace(WHITESPACE_RUN, '-')];
    return opposite === undefined ? undefined : `${lead} be more ${opposite}`.replace('be more open to', 'be open to').replace('be more mindful', 'be mindful');
  }
  if (noun !== undefined) {
    const key = lowerWords(noun);
    const aim = LABEL_NOUNS[key] ?? LABEL_NOUNS[key.replace(WHITESPACE_RUN, '-')] ?? LABEL_NOUNS[key.replace(HYPHEN, ' ')];
    return aim === undefined ? undefined : `${lead} ${aim}`;
  }
  return undefined;
}

/** Last non-space, non-closing-punctuation offset (exclusive) in [from, to). */
function trimEnd(text: string, from: number, to: number): number {
  let end = to;
  while (end > from) {
    const c = text.charCodeAt(end - 1);
    // whitespace, . ! ? … " ' ) ] ’ ” and similar closers
    if (c <= 32 || c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 34 || c === 39 || c === 41 || c === 93 || c === 0x2019 || c === 0x201d) end--;
    else break;
  }
  return end;
}

// ---------------------------------------------------------------------------------------------
// Sentences

const LETTER = /\p{L}/u;

/** Splits into sentences at . ! ? … (followed by space or end) and at line breaks. Returns [start, end) pairs flattened. */
function sentenceBounds(text: string): number[] {
  const bounds: number[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (i > start) bounds.push(start, i);
      start = i + 1;
      continue;
    }
    if (c === 46 || c === 33 || c === 63 || c === 0x2026) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 46 || d === 33 || d === 63 || d === 0x2026 || d === 34 || d === 39 || d === 41 || d === 0x2019 || d === 0x201d) j++;
        else break;
      }
      const next = j < n ? text.charCodeAt(j) : 32;
      // "e.g." and "i.e.": a single letter between two dots is an abbreviation, not an end.
      const abbreviation = c === 46 && i >= 2 && text.charCodeAt(i - 2) === 46;
      if ((next === 32 || next === 9 || next === 10 || next === 13 || next === 0xa0) && !abbreviation) {
        bounds.push(start, j);
        start = j;
        i = j - 1;
      }
    }
  }
  if (start < n) bounds.push(start, n);
  return bounds;
}

/** Index of the sentence (pair index) containing offset, by binary search. */
function sentenceAt(bounds: number[], offset: number): number {
  let lo = 0;
  let hi = bounds.length / 2 - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bounds[mid * 2] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------

/**
 * Analyses feedback text for backward-looking and judging language. Never throws: a failure comes
 * back as `error` (text not checked), which callers report rather than show as clean text.
 */
export function analyzeFeedback(text: string): FeedbackAnalysis {
  try {
    return analyzeFeedbackUnguarded(text);
  } catch (error) {
    // A regex engine limit on absurd input must not break typing in the editor.
    return { score: 100, findings: [], error: error instanceof Error ? error.message : String(error) };
  }
}

/** The analysis without analyzeFeedback's guard, so that tests see a crash as a crash. */
export function analyzeFeedbackUnguarded(text: string): FeedbackAnalysis {
  if (typeof text !== 'string' || text.length === 0) return { score: 100, findings: [] };
  return analyze(text);
}

function analyze(text: string): FeedbackAnalysis {
  const bounds = sentenceBounds(text);
  const sentenceCount = bounds.length / 2;
  if (sentenceCount === 0) return { score: 100, findings: [] };

  const forward = new Uint8Array(sentenceCount);
  FUTURE_CUE.lastIndex = 0;
  for (let m = FUTURE_CUE.exec(text); m !== null; m = FUTURE_CUE.exec(text)) {
    forward[sentenceAt(bounds, m.index)] = 1;
    if (m[0].length === 0) FUTURE_CUE.lastIndex++;
  }

  const raw: FeedbackFinding[] = [];
  for (const rule of RULES) {
    const re = rule.re;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const si = sentenceAt(bounds, m.index);
      if (rule.damped && forward[si] === 1) continue;
      const sStart = bounds[si * 2];
      const sEnd = bounds[si * 2 + 1];
      if (rule.accept !== undefined && !rule.accept(text, m, sStart, sEnd)) continue;
      const [start, end] = rule.span !== undefined ? rule.span(text, m, sStart, sEnd) : [m.index, m.index + m[0].length];
      if (end <= start) continue;
      const spanText = text.slice(start, end);
      const finding: FeedbackFinding = { code: rule.code, message: rule.message, start, end };
      const suggestion = rule.suggest?.(m, spanText);
      if (suggestion !== undefined) finding.suggestion = matchCase(suggestion, spanText);
      raw.push(finding);
    }
  }

  // One finding per stretch of text: the earliest, then the longest, wins.
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  let findings: FeedbackFinding[] = [];
  let lastEnd = -1;
  for (const f of raw) {
    if (f.start >= lastEnd) {
      findings.push(f);
      lastEnd = f.end;
    }
  }

  // Lexicon slots add what the phrase rules missed; where both fire, the phrase rule's narrower
  // span and suggestion win.
  const lexical: FeedbackFinding[] = [];
  for (let si = 0; si < sentenceCount; si++) findJudgements(text, bounds[si * 2], bounds[si * 2 + 1], forward[si] === 1, lexical);
  if (lexical.length > 0) {
    // Both lists run in text order and the phrase findings do not overlap: one sweep finds clashes.
    const merged = findings.slice();
    lexical.sort((a, b) => a.start - b.start);
    let k = 0;
    for (const f of lexical) {
      while (k < findings.length && findings[k].end <= f.start) k++;
      if (k >= findings.length || findings[k].start >= f.end) merged.push(f);
    }
    merged.sort((a, b) => a.start - b.start || b.end - a.end);
    findings = [];
    lastEnd = -1;
    for (const f of merged) {
      if (f.start >= lastEnd) {
        findings.push(f);
        lastEnd = f.end;
      }
    }
  }

  const cost = new Float64Array(sentenceCount);
  for (const f of findings) cost[sentenceAt(bounds, f.start)] += WEIGHTS[f.code as FeedbackCode] ?? 1;
  let counted = 0;
  let penalty = 0;
  for (let i = 0; i < sentenceCount; i++) {
    if (cost[i] > 0) {
      counted++;
      penalty += Math.min(1, cost[i]);
    } else if (LETTER.test(text.slice(bounds[i * 2], Math.min(bounds[i * 2 + 1], bounds[i * 2] + 200)))) counted++;
  }
  const score = counted === 0 ? 100 : Math.max(0, Math.min(100, Math.round(100 * (1 - penalty / counted))));
  return { score, findings };
}
