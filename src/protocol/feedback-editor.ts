// The feedback editor's messages, both ways, and the guards that check them on arrival.
// No vscode and no DOM import: the extension (src/extension/feedback-editor) and the webview script
// (src/webview/feedback-editor.ts) both compile against this one file, so a message cannot drift.
//
// Handshake: the webview posts `ready` once its script runs (again after every reload of a hidden
// panel); the extension answers `init` with the plan's goals and sessions and the draft to start
// from. The webview keeps its draft in getState/setState (surviving hide and window reload) and
// posts `save` with it or `cancel`; the extension answers `saved` or `error`.

/** The panel's view type; `onWebviewPanel:<this>` in package.json lets VS Code revive it. */
export const FEEDBACK_EDITOR_VIEW_TYPE = 'mentoringPlan.feedbackEditor';

export const FEEDBACK_FROM = ['mentor', 'protege'] as const;
export type FeedbackFrom = (typeof FEEDBACK_FROM)[number];

/** Caps on what a message may carry; longer values are refused, not truncated. */
export const LIMITS = {
  /** One situation, behaviour, impact or feedforward text. */
  text: 10_000,
  /** A plan id (goal, session, feedback). */
  id: 200,
  /** Feedforward suggestions in one entry. */
  feedforward: 50,
  /** The serialised entry as it was when the panel opened. */
  baseline: 200_000,
  /** A plan uri. */
  uri: 4_000,
  /** Goals or sessions listed in the selects. */
  options: 2_000,
  /** A label or message shown in the panel. */
  label: 2_000,
} as const;

/** What the user is writing. Empty strings mean "not given". */
export interface FeedbackDraft {
  from: FeedbackFrom;
  /** YYYY-MM-DD. */
  date: string;
  goal: string;
  session: string;
  situation: string;
  behavior: string;
  impact: string;
  feedforward: string[];
}

/** One goal or session the entry can link to. */
export interface PlanOption {
  id: string;
  label: string;
}

/** Which entry a panel writes, and what it looked like when the panel opened. */
export interface EditorTarget {
  planUri: string;
  /** Undefined while writing new feedback; the entry's id once it exists. */
  feedbackId?: string;
  /** JSON of the entry when the panel opened (or last saved), to notice edits made elsewhere. */
  baseline?: string;
}

/** The webview's persisted state (getState/setState); the panel serializer revives a panel from it. */
export interface PanelState extends EditorTarget {
  v: 1;
  draft: FeedbackDraft;
}

/** Everything the panel shows besides the draft; sent again as `options` when the plan changes. */
export interface PlanContext {
  planName: string;
  mentorName: string;
  protegeName: string;
  goals: PlanOption[];
  sessions: PlanOption[];
}

/** User-facing strings of the panel, in English; the extension sends them through vscode.l10n. */
export const DEFAULT_STRINGS = {
  titleNew: 'Write feedback',
  titleEdit: 'Edit feedback',
  from: 'From',
  mentor: 'Mentor',
  protege: 'Protégé',
  date: 'Date',
  goal: 'Goal',
  session: 'Session',
  none: '(none)',
  situation: 'Situation',
  situationHint: 'When and where did it happen?',
  behavior: 'Behavior',
  behaviorHint: 'What did the person do or say, as a camera would record it?',
  impact: 'Impact',
  impactHint: 'What effect did it have on you, the team or the work?',
  feedforward: 'Feedforward',
  feedforwardHint: 'Suggestions for the future. Alt+Up and Alt+Down move a suggestion; Ctrl+. applies the suggested wording at the cursor.',
  suggestion: 'Suggestion {0}',
  addSuggestion: 'Add suggestion',
  moveUp: 'Move up',
  moveDown: 'Move down',
  remove: 'Remove',
  score: 'Future focus',
  scoreOf: '{0} of 100',
  findingsNone: 'No findings.',
  findingsCount: '{0}: {1} finding(s).',
  apply: 'Use “{0}”',
  applied: 'Replaced “{0}” with “{1}”.',
  save: 'Save',
  cancel: 'Cancel',
  saving: 'Saving…',
  savedAs: 'Saved as {0}. Saving again updates it.',
  needFeedforward: 'Add at least one feedforward suggestion before saving.',
  badDate: 'Enter the date as YYYY-MM-DD.',
  unknownOption: '{0} (not in the plan)',
  loading: 'Loading the plan…',
} as const;
export type StringKey = keyof typeof DEFAULT_STRINGS;
export type UiStrings = Record<StringKey, string>;

export interface InitMessage extends EditorTarget, PlanContext {
  type: 'init';
  /** The draft to start from when the webview has none of its own for this target. */
  draft: FeedbackDraft;
  strings: UiStrings;
}

export type ExtensionToWebview =
  | InitMessage
  | ({ type: 'options' } & PlanContext)
  | ({ type: 'saved'; feedbackId: string; baseline: string; planUri: string })
  | { type: 'error'; message: string };

export type WebviewToExtension = { type: 'ready' } | { type: 'save'; draft: FeedbackDraft } | { type: 'cancel' };

// ---- Guards ---------------------------------------------------------------------------------

type Fields = Record<string, unknown>;

/** A plain object (as structured clone and JSON make them): no array, no inherited fields. */
function isRecord(value: unknown): value is Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** True when `value` has exactly the `allowed` keys (extra keys mean a message we do not know). */
function onlyKeys(value: Fields, allowed: readonly string[]): boolean {
  return Object.keys(value).every((key) => allowed.includes(key));
}

function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** An id as the schema writes it, or '' for "none". */
const ID_OR_EMPTY = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/;

function isIdOrEmpty(value: unknown): value is string {
  return isText(value, LIMITS.id) && ID_OR_EMPTY.test(value);
}

function isTextList(value: unknown, maxItems: number, maxLength: number): value is string[] {
  return Array.isArray(value) && value.length <= maxItems && value.every((item) => isText(item, maxLength));
}

const DRAFT_KEYS = ['from', 'date', 'goal', 'session', 'situation', 'behavior', 'impact', 'feedforward'] as const;

export function isFeedbackDraft(value: unknown): value is FeedbackDraft {
  if (!isRecord(value) || !onlyKeys(value, DRAFT_KEYS)) return false;
  return (
    (FEEDBACK_FROM as readonly unknown[]).includes(value.from) &&
    isText(value.date, 10) &&
    (value.date === '' || DATE.test(value.date)) &&
    isIdOrEmpty(value.goal) &&
    isIdOrEmpty(value.session) &&
    isText(value.situation, LIMITS.text) &&
    isText(value.behavior, LIMITS.text) &&
    isText(value.impact, LIMITS.text) &&
    isTextList(value.feedforward, LIMITS.feedforward, LIMITS.text)
  );
}

/** Checks a message from the webview before the extension acts on it. */
export function isWebviewMessage(value: unknown): value is WebviewToExtension {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'ready':
    case 'cancel':
      return onlyKeys(value, ['type']);
    case 'save':
      return onlyKeys(value, ['type', 'draft']) && isFeedbackDraft(value.draft);
    default:
      return false;
  }
}

function isTarget(value: Fields): boolean {
  return (
    isText(value.planUri, LIMITS.uri) &&
    value.planUri.length > 0 &&
    (value.feedbackId === undefined || (isIdOrEmpty(value.feedbackId) && value.feedbackId !== '')) &&
    (value.baseline === undefined || isText(value.baseline, LIMITS.baseline))
  );
}

/** Checks the state VS Code hands back when it revives a panel (it was written by the webview). */
export function isPanelState(value: unknown): value is PanelState {
  return isRecord(value) && onlyKeys(value, ['v', 'planUri', 'feedbackId', 'baseline', 'draft']) && value.v === 1 && isTarget(value) && isFeedbackDraft(value.draft);
}

function isOptionList(value: unknown): value is PlanOption[] {
  return Array.isArray(value) && value.length <= LIMITS.options && value.every((item) => isRecord(item) && isText(item.id, LIMITS.id) && isText(item.label, LIMITS.label));
}

function isPlanContext(value: Fields): boolean {
  return isText(value.planName, LIMITS.label) && isText(value.mentorName, LIMITS.label) && isText(value.protegeName, LIMITS.label) && isOptionList(value.goals) && isOptionList(value.sessions);
}

function isStrings(value: unknown): value is UiStrings {
  return isRecord(value) && (Object.keys(DEFAULT_STRINGS) as StringKey[]).every((key) => isText(value[key], LIMITS.label));
}

/** Checks a message from the extension; the webview trusts nothing it did not check either. */
export function isExtensionMessage(value: unknown): value is ExtensionToWebview {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'init':
      return isTarget(value) && isPlanContext(value) && isFeedbackDraft(value.draft) && isStrings(value.strings);
    case 'options':
      return isPlanContext(value);
    case 'saved':
      return isText(value.planUri, LIMITS.uri) && isIdOrEmpty(value.feedbackId) && value.feedbackId !== '' && isText(value.baseline, LIMITS.baseline);
    case 'error':
      return isText(value.message, LIMITS.label);
    default:
      return false;
  }
}

/** Fills `{0}`, `{1}`… in a string from DEFAULT_STRINGS (as vscode.l10n.t does). */
export function format(template: string, ...args: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
}
