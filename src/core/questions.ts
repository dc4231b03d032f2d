// The question bank: the one source of the agenda questions the product offers. Session agendas are
// questions because the protégé learns more from a thought-provoking question than from a
// well-thought-out answer. Add-session, the CLI, the snippets and editor completions all read this
// file, so a question changed here changes everywhere. test/unit/questions.test.ts holds the bar:
// open questions only, no duplicates, every stage of every type covered.

import type { SessionType } from './plan';
import { SESSION_TYPES } from './plan';

/** Who brings the question: the mentor asks it, or the protégé brings it to the mentor. */
export type AskedBy = 'mentor' | 'protege';

/** The stages (for a check-in: GROW) or purposes each session type walks through, in order. */
export const SESSION_STAGES = {
  kickoff: ['roles', 'expectations', 'confidentiality', 'first-goals'],
  checkin: ['goal', 'reality', 'options', 'will'],
  'stretch-goal': ['ambition', 'stretch', 'risks', 'success'],
  feedback: ['invite', 'observation', 'feedforward', 'follow-through'],
  'learning-review': ['transfer', 'evidence', 'obstacles', 'spreading'],
  'health-check': ['relationship-health', 'value', 'trust', 'adjusting'],
  closure: ['achievements', 'lessons', 'ending-well', 'next-phase'],
} as const satisfies Record<SessionType, readonly string[]>;

export type Stage = (typeof SESSION_STAGES)[SessionType][number];

/** Human labels for stages, used as completion detail and Markdown headings. */
export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  roles: 'Roles and responsibilities',
  expectations: 'Expectations and cadence',
  confidentiality: 'Confidentiality',
  'first-goals': 'First goals',
  goal: 'GROW: Goal',
  reality: 'GROW: Reality',
  options: 'GROW: Options',
  will: 'GROW: Will',
  ambition: 'Ambition',
  stretch: 'Stretch',
  risks: 'Risks and support',
  success: 'Success',
  invite: 'Inviting feedback',
  observation: 'Observation (SBI)',
  feedforward: 'Feedforward',
  'follow-through': 'Follow-through',
  transfer: 'Transfer to work',
  evidence: 'Evidence of change',
  obstacles: 'Obstacles',
  spreading: 'Making it stick',
  'relationship-health': 'Relationship health',
  value: 'Value',
  trust: 'Trust and boundaries',
  adjusting: 'Adjusting together',
  achievements: 'What was reached',
  lessons: 'What was learned',
  'ending-well': 'Ending well',
  'next-phase': 'What comes next',
};

/** Display names of the session types (the schema's enum descriptions are sentences, too long for a heading). */
export const SESSION_TYPE_LABELS: Readonly<Record<SessionType, string>> = {
  kickoff: 'Kick-off',
  checkin: 'Check-in',
  'stretch-goal': 'Stretch-goal setting',
  feedback: 'Feedback',
  'learning-review': 'Learning-transfer review',
  'health-check': 'Relationship health check',
  closure: 'Closure',
};

export interface BankQuestion {
  readonly text: string;
  readonly type: SessionType;
  readonly stage: Stage;
  readonly askedBy: AskedBy;
}

type Entry = readonly [AskedBy, string];
/** Typed so that a type can only list its own stages, and must list every one of them. */
type Table = { readonly [T in SessionType]: { readonly [S in (typeof SESSION_STAGES)[T][number]]: readonly Entry[] } };

const M: AskedBy = 'mentor';
const P: AskedBy = 'protege';

// Within a stage, questions are listed best first: defaultAgenda() takes them in this order, so the
// first question of each stage is that stage's core question. In each type one stage leads with a
// protégé question, so the default agenda has both voices in it.
const TABLE: Table = {
  kickoff: {
    roles: [
      [M, 'What would you like me to be for you — a sounding board, a challenger, a guide to how things work here, or something else?'],
      [M, 'What do you want to own in this mentorship, and what would you like me to take on?'],
      [P, 'What made your best mentoring relationships work, from either side of the table?'],
      [M, 'How will we each notice if the other is not holding up their end?'],
    ],
    expectations: [
      [M, 'How often, for how long and where would you like to meet, so it fits around on-call and release weeks?'],
      [P, 'How would you like me to reach you between sessions, and what response time feels fair to you?'],
      [M, 'What would make a session feel like a waste of your time, so we can steer away from it?'],
    ],
    confidentiality: [
      [P, 'What, if anything, will you share with my manager about our conversations?'],
      [M, 'What should stay between the two of us, and where are the limits of that?'],
      [M, 'How shall we handle it if something you share touches your manager or your performance review?'],
    ],
    'first-goals': [
      [M, 'Where do you want to be as an engineer a year from now, and what draws you there?'],
      [M, 'Which skill, if you grew it this quarter, would change your day-to-day work the most?'],
      [P, 'What do you wish someone had asked you when you were at my stage of your career?'],
      [M, 'What would tell us, months from now, that this mentorship was worth the time?'],
    ],
  },
  checkin: {
    goal: [
      [M, 'What would make this hour worth your time today?'],
      [M, 'Which of your goals feels most alive to you this week, and why that one?'],
      [P, 'What do you see as the most important thing for me to focus on over the next few weeks?'],
    ],
    reality: [
      [M, 'What has happened since we last met that you are proud of?'],
      [M, 'Where are you stuck right now, and what have you already tried?'],
      [M, 'What is getting in the way that you have not said out loud yet?'],
      [P, 'How does my progress look from where you sit?'],
    ],
    options: [
      [P, 'What two suggestions would you give me about how to approach this next?'],
      [M, 'What are three different ways you could tackle this, including one that feels a little uncomfortable?'],
      [M, 'If a senior engineer you admire were in your shoes, what might they try first?'],
      [M, 'Who else in the organisation could help you see more options?'],
    ],
    will: [
      [M, 'What will you do before we next meet, and by when?'],
      [M, 'On a scale of 1 to 10, how committed are you to that step, and what would raise it by one?'],
      [M, 'What support do you need from me to make it happen?'],
      [P, 'What would you like to hear from me between sessions so you can help me stay on track?'],
    ],
  },
  'stretch-goal': {
    ambition: [
      [M, 'What would you attempt in the next six months if you were a little braver?'],
      [M, "Which piece of work makes you think 'I am not ready for that yet'?"],
      [P, 'What did your first real stretch look like, and what did it teach you?'],
    ],
    stretch: [
      [M, 'How far beyond your current role does this goal reach, and where exactly is the edge?'],
      [M, 'What about this goal scares you a little, and what excites you?'],
      [M, 'How could we make this goal bigger without making it unreachable?'],
      [P, 'Where do you think I am aiming too low?'],
    ],
    risks: [
      [P, 'Which people or projects could you connect me with to make this possible?'],
      [M, 'What is most likely to derail this goal, and what would you do then?'],
      [M, 'Who needs to know about this stretch, and how will you get their backing?'],
    ],
    success: [
      [M, 'How will you and I both know, concretely, that you reached it?'],
      [M, 'What is the first milestone you could reach within a month?'],
      [M, 'What evidence, like a design doc, a talk or a merged change, would show your progress?'],
      [P, 'What would a good enough first attempt at this look like to you?'],
    ],
  },
  feedback: {
    invite: [
      [M, 'Which one behaviour would you most like feedback on today?'],
      [P, 'What have you noticed about how I work that I might not see myself?'],
      [M, 'How would you like feedback delivered so it is easiest for you to use?'],
    ],
    observation: [
      [M, 'Which recent situation, like a code review, an incident or a design meeting, should we look at together?'],
      [M, 'What did you do in that moment, as someone watching would describe it?'],
      [M, 'What effect did it have on the people around you and on the work?'],
      [P, 'Which moment from our recent work stands out to you, and what did you see me do in it?'],
    ],
    feedforward: [
      [P, 'What two suggestions would you give me for the next time I lead a design review?'],
      [M, 'What would you like to try in the next incident review or planning meeting?'],
      [P, 'If you were in my place next week, what one thing would you do differently?'],
      [M, 'What two suggestions do you have for how I could mentor you better from here on?'],
    ],
    'follow-through': [
      [M, 'Which suggestion will you try first, and when will the chance come up?'],
      [M, 'How will you notice whether the new approach is working?'],
      [P, 'How could you help me spot it when I fall back into the old habit?'],
    ],
  },
  'learning-review': {
    transfer: [
      [M, 'Where have you used something from our sessions in your daily work since we last met?'],
      [M, 'Which idea from our conversations turned out harder to apply than it sounded?'],
      [P, 'How did you carry what you learned from a mentor back into your own team?'],
    ],
    evidence: [
      [M, 'What changed in your code reviews, designs or meetings that someone else could notice?'],
      [M, 'Which pull request, document or conversation shows the new skill best?'],
      [P, 'What difference have you seen in how I work since we started?'],
    ],
    obstacles: [
      [P, 'How would you approach my manager about making room to practise this?'],
      [M, "What in your team's way of working makes it hard to apply what you are learning?"],
      [M, 'When did you fall back into an old habit, and what was going on at the time?'],
    ],
    spreading: [
      [M, 'Where is the next real situation, in the coming month, to put it to work?'],
      [M, 'Who on your team would benefit from what you have learned, and how could you pass it on?'],
      [M, 'What would it take to turn this into a habit that survives a busy sprint?'],
      [P, 'Which opportunity coming up would you use to practise next, if you were me?'],
    ],
  },
  'health-check': {
    'relationship-health': [
      [M, 'How are you feeling about our sessions lately, honestly?'],
      [M, 'What has felt easy between us, and what has felt a little awkward?'],
      [P, 'How is this mentorship going from your side?'],
    ],
    value: [
      [P, 'What are you getting out of mentoring me?'],
      [M, 'What has been most useful to you so far, and what has been least useful?'],
      [M, 'Where have I given you answers when a question would have served you better?'],
    ],
    trust: [
      [M, 'How comfortable do you feel bringing up the hard things, like friction with a teammate or doubts about your career?'],
      [M, 'How well have we kept to what we agreed about confidentiality?'],
      [P, 'How would you like me to raise it if something here stops working for me?'],
    ],
    adjusting: [
      [M, 'What one change to how we meet would make the next month better for you?'],
      [M, 'How is our cadence working with your current workload?'],
      [P, 'What could I do differently to make these sessions easier for you?'],
      [M, 'What do we each want to keep doing exactly as it is?'],
    ],
  },
  closure: {
    achievements: [
      [M, 'Looking at where you started, what are you proudest of?'],
      [M, 'Which goals did we reach, and which ones changed shape along the way?'],
      [P, 'What changes have you seen in me since our first session?'],
    ],
    lessons: [
      [M, 'What will you take from this mentorship into every team you join?'],
      [M, 'Which question from our sessions stayed with you the longest?'],
      [P, 'What did you learn from mentoring me?'],
    ],
    'ending-well': [
      [M, 'How would you like to mark the end of this mentorship?'],
      [M, 'What is still unsaid between us that you would like to say before we close?'],
      [P, 'How would you like us to stay in touch, if at all, once we finish?'],
    ],
    'next-phase': [
      [P, 'What two suggestions would you give me for the next year on my own?'],
      [M, 'What is the next phase of your career, and who could help you in it?'],
      [M, 'Who could you mentor now, and what would you offer them?'],
      [M, 'How will you keep growing without our regular sessions?'],
    ],
  },
};

function flatten(): BankQuestion[] {
  const out: BankQuestion[] = [];
  for (const type of SESSION_TYPES) {
    const byStage = TABLE[type] as Readonly<Record<string, readonly Entry[]>>;
    for (const stage of SESSION_STAGES[type]) {
      for (const [askedBy, text] of byStage[stage] ?? []) out.push({ text, type, stage, askedBy });
    }
  }
  return out;
}

/** Every question, grouped by session type (in SESSION_TYPES order), then by stage, best first. */
export const QUESTION_BANK: readonly BankQuestion[] = Object.freeze(flatten());

/** The stages of a session type, in the order a session walks through them. */
export function stagesOf(type: SessionType): readonly Stage[] {
  return SESSION_STAGES[type];
}

/** The questions of one session type, optionally of one of its stages, best first within each stage. */
export function questionsFor(type: SessionType, stage?: Stage): BankQuestion[] {
  return QUESTION_BANK.filter((q) => q.type === type && (stage === undefined || q.stage === stage));
}

/** One representative question for a session type (its first core question), e.g. for the README. */
export function exampleQuestion(type: SessionType): string {
  return questionsFor(type)[0]!.text;
}

/**
 * The form two agenda lines are compared in: case, spacing, curly quotes and the closing question
 * mark do not make a question different, so "what would  make this hour worth it" equals the bank's.
 */
export function normalizeQuestion(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s?.!]+$/, '')
    .toLowerCase();
}

const byNormalized = new Map(QUESTION_BANK.map((q) => [normalizeQuestion(q.text), q]));

/** The bank entry an agenda line corresponds to, if any (normalised comparison). */
export function findQuestion(text: string): BankQuestion | undefined {
  return byNormalized.get(normalizeQuestion(text));
}
