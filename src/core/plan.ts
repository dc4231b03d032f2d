// The plan's TypeScript shape. The schema (schemas/mentoring-plan.schema.json) is the source of
// truth; test/unit/schema.test.ts fails when these enums or property names drift from it.

export const CADENCES = ['weekly', 'biweekly', 'monthly'] as const;
export const MENTORSHIP_STATUSES = ['active', 'paused', 'closed'] as const;
export const CLOSURE_OUTCOMES = ['goals-met', 'no-fault', 'other'] as const;
export const GOAL_KINDS = ['objective', 'stretch'] as const;
export const GOAL_STATUSES = ['proposed', 'active', 'at-risk', 'achieved', 'dropped'] as const;
export const SESSION_TYPES = ['kickoff', 'checkin', 'stretch-goal', 'feedback', 'learning-review', 'health-check', 'closure'] as const;
export const ACTION_OWNERS = ['mentor', 'protege', 'both'] as const;
export const FEEDBACK_SOURCES = ['mentor', 'protege'] as const;

export type Cadence = (typeof CADENCES)[number];
export type MentorshipStatus = (typeof MENTORSHIP_STATUSES)[number];
export type ClosureOutcome = (typeof CLOSURE_OUTCOMES)[number];
export type GoalKind = (typeof GOAL_KINDS)[number];
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export type SessionType = (typeof SESSION_TYPES)[number];
export type ActionOwner = (typeof ACTION_OWNERS)[number];
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];

/** A calendar date written YYYY-MM-DD. */
export type IsoDate = string;

export interface Person {
  name: string;
  github?: string;
  email?: string;
}

export interface Agreement {
  roles: { mentor: string[]; protege: string[] };
  confidentiality: string;
  endWhen?: string;
}

export interface Closure {
  date?: IsoDate;
  outcome?: ClosureOutcome;
  retrospective?: string[];
}

export interface Mentorship {
  title?: string;
  mentor: Person;
  protege: Person;
  started: IsoDate;
  expectedEnd?: IsoDate;
  cadence: Cadence;
  status?: MentorshipStatus;
  agreement: Agreement;
  closure?: Closure;
}

export interface Milestone {
  text: string;
  done?: boolean;
}

export interface Goal {
  id: string;
  title: string;
  kind?: GoalKind;
  why?: string;
  status: GoalStatus;
  target?: IsoDate;
  success?: string[];
  milestones?: Milestone[];
  evidence?: string[];
}

export interface Action {
  text: string;
  owner?: ActionOwner;
  due?: IsoDate;
  done?: boolean;
}

export interface HealthCheck {
  mentor?: number;
  protege?: number;
  note?: string;
}

export interface Session {
  id: string;
  date: IsoDate;
  type?: SessionType;
  goals?: string[];
  agenda?: string[];
  notes?: string;
  actions?: Action[];
  health?: HealthCheck;
}

export interface Feedback {
  id: string;
  date: IsoDate;
  from: FeedbackSource;
  goal?: string;
  session?: string;
  situation?: string;
  behavior?: string;
  impact?: string;
  feedforward: string[];
}

export interface Plan {
  schemaVersion: 1;
  mentorship: Mentorship;
  goals?: Goal[];
  sessions?: Session[];
  feedback?: Feedback[];
}
