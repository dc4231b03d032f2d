// The feedback editor's page script (bundled by esbuild.mjs as an iife for the browser).
// It builds the form with DOM calls only: every plan string goes in as textContent or value,
// never as HTML. The future-focus analysis (src/core/feedback.ts, pure) runs here on every
// keystroke; findings are highlighted in place behind each textarea (a mirror layer) and listed
// under it with their explanation and a one-click (or Ctrl+.) suggestion.
import { analyzeFeedback } from '../core/feedback';
import type { FeedbackAnalysis, FeedbackFinding } from '../core/feedback';
import { DEFAULT_STRINGS, format, isExtensionMessage, isPanelState, LIMITS } from '../protocol/feedback-editor';
import type { ExtensionToWebview, FeedbackDraft, InitMessage, PanelState, PlanContext, PlanOption, StringKey, UiStrings, WebviewToExtension } from '../protocol/feedback-editor';

interface VsCodeApi {
  postMessage(message: WebviewToExtension): void;
  getState(): unknown;
  setState(state: PanelState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app') as HTMLElement;

let strings: UiStrings = { ...DEFAULT_STRINGS };
let state: PanelState | undefined = isPanelState(vscode.getState()) ? (vscode.getState() as PanelState) : undefined;
let saving = false;

function t(key: StringKey, ...args: (string | number)[]): string {
  return format(strings[key], ...args);
}

// ---- Small DOM helpers (text only) ----------------------------------------------------------

type Props = { className?: string; text?: string; id?: string; attrs?: Record<string, string> };

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: (Node | null)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.id) node.id = props.id;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

function button(text: string, className: string, onClick: () => void, attrs: Record<string, string> = {}): HTMLButtonElement {
  const node = el('button', { className, text, attrs: { type: 'button', ...attrs } });
  node.addEventListener('click', onClick);
  return node;
}

// ---- Persisted draft -------------------------------------------------------------------------

function persist(): void {
  if (state) vscode.setState(state);
}

function draft(): FeedbackDraft {
  if (!state) throw new Error('no draft before init');
  return state.draft;
}

// ---- Announcements ---------------------------------------------------------------------------

const live = el('div', { className: 'visually-hidden', id: 'findings-live', attrs: { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' } });
let announceTimer: ReturnType<typeof setTimeout> | undefined;

function announce(text: string, delayMs = 0): void {
  if (announceTimer !== undefined) clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    // Clearing first makes screen readers repeat an identical message.
    live.textContent = '';
    requestAnimationFrame(() => (live.textContent = text));
  }, delayMs);
}

// ---- A textarea with in-place findings --------------------------------------------------------

interface TextField {
  readonly root: HTMLElement;
  readonly textarea: HTMLTextAreaElement;
  analysis: FeedbackAnalysis;
  /** The findings shown for this field (the analysis minus codes the field does not report). */
  shown: FeedbackFinding[];
  refresh(): void;
}

/**
 * Situation, behaviour and impact describe what happened, so SBI fields do not report
 * `past-dwelling`; judging language (labels, absolutes, verdicts) is reported everywhere.
 */
const SBI_HIDDEN_CODES: readonly string[] = ['past-dwelling'];

/** The text fields on the page now, for the overall score. */
const liveFields = new Set<TextField>();
let fieldCounter = 0;

function textField(label: string, hint: string | undefined, initial: string, onChange: (value: string) => void, hiddenCodes: readonly string[] = []): TextField {
  const id = `field-${++fieldCounter}`;
  const textarea = el('textarea', { id, className: 'text', attrs: { rows: '2', spellcheck: 'true', maxlength: String(LIMITS.text), 'aria-describedby': `${id}-findings${hint ? ` ${id}-hint` : ''}` } });
  textarea.value = initial;
  const mirror = el('div', { className: 'mirror', attrs: { 'aria-hidden': 'true' } });
  const findings = el('ul', { className: 'findings', id: `${id}-findings`, attrs: { 'aria-label': format(strings.findingsCount, label, 0) } });
  const root = el(
    'div',
    { className: 'field' },
    el('label', { text: label, attrs: { for: id } }),
    hint ? el('p', { className: 'hint', id: `${id}-hint`, text: hint }) : null,
    el('div', { className: 'textbox' }, mirror, textarea),
    findings,
  );
  let lastCount = -1;

  const field: TextField = {
    root,
    textarea,
    analysis: { score: 100, findings: [] },
    shown: [],
    refresh() {
      const value = textarea.value;
      field.analysis = analyzeFeedback(value);
      if (field.analysis.error !== undefined) console.error(`[mentoring-plan] feedback analysis failed, ${label} not checked: ${field.analysis.error}`);
      field.shown = field.analysis.findings.filter((finding) => !hiddenCodes.includes(finding.code));
      renderMirror(mirror, value, field.shown);
      renderFindings(field, findings, value, label);
      const count = field.shown.length;
      if (count !== lastCount && lastCount !== -1) announce(summary(label, value, field.shown), 900);
      lastCount = count;
    },
  };

  textarea.addEventListener('input', () => {
    onChange(textarea.value);
    field.refresh();
    updateScore();
  });
  textarea.addEventListener('scroll', () => (mirror.scrollTop = textarea.scrollTop));
  textarea.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === '.') {
      event.preventDefault();
      const finding = findingAtCaret(field);
      if (finding) applySuggestion(field, finding);
    }
  });
  field.refresh();
  liveFields.add(field);
  return field;
}

function summary(label: string, value: string, findings: readonly FeedbackFinding[]): string {
  if (findings.length === 0) return `${label}: ${t('findingsNone')}`;
  const details = findings.map((finding) => `“${value.slice(finding.start, finding.end)}”: ${finding.message}`).join(' ');
  return `${t('findingsCount', label, findings.length)} ${details}`;
}

function renderMirror(mirror: HTMLElement, value: string, findings: readonly FeedbackFinding[]): void {
  const parts: Node[] = [];
  let cursor = 0;
  for (const finding of findings) {
    if (finding.start < cursor) continue;
    parts.push(document.createTextNode(value.slice(cursor, finding.start)));
    parts.push(el('mark', { className: `finding-mark code-${finding.code}`, text: value.slice(finding.start, finding.end) }));
    cursor = finding.end;
  }
  // A trailing line break needs a character after it to take up its line, as in the textarea.
  parts.push(document.createTextNode(`${value.slice(cursor)}\u200b`));
  mirror.replaceChildren(...parts);
}

function renderFindings(field: TextField, list: HTMLElement, value: string, label: string): void {
  const items = field.shown.map((finding) => {
    const quote = el('q', { className: 'quote', text: value.slice(finding.start, finding.end) });
    const item = el('li', { className: `finding code-${finding.code}` }, quote, el('span', { className: 'message', text: ` ${finding.message}` }));
    if (finding.suggestion !== undefined) {
      const suggestion = finding.suggestion;
      item.append(button(t('apply', suggestion), 'link-button', () => applySuggestion(field, finding), { 'data-code': finding.code }));
    }
    return item;
  });
  list.replaceChildren(...items);
  list.setAttribute('aria-label', t('findingsCount', label, items.length));
}

function findingAtCaret(field: TextField): FeedbackFinding | undefined {
  const caret = field.textarea.selectionStart;
  const withSuggestion = field.shown.filter((finding) => finding.suggestion !== undefined);
  return withSuggestion.find((finding) => finding.start <= caret && caret <= finding.end) ?? withSuggestion.find((finding) => finding.start >= caret) ?? withSuggestion[0];
}

function applySuggestion(field: TextField, finding: FeedbackFinding): void {
  const { textarea } = field;
  const value = textarea.value;
  const suggestion = finding.suggestion;
  // The finding must still describe the current text (it is recomputed on every input).
  if (suggestion === undefined || finding.end > value.length) return;
  const original = value.slice(finding.start, finding.end);
  textarea.focus();
  textarea.setSelectionRange(finding.start, finding.end);
  // execCommand keeps the browser's undo stack (Ctrl+Z undoes the replacement); fall back when unsupported.
  const replaced = document.execCommand('insertText', false, suggestion);
  if (!replaced || textarea.value === value) {
    textarea.value = value.slice(0, finding.start) + suggestion + value.slice(finding.end);
    textarea.dispatchEvent(new Event('input'));
  }
  const caret = finding.start + suggestion.length;
  textarea.setSelectionRange(caret, caret);
  announce(t('applied', original, suggestion));
}

// ---- Score -----------------------------------------------------------------------------------

const scoreValue = el('span', { className: 'score-value' });
const scoreLabel = el('span', { className: 'score-label' });
const scoreBox = el('div', { className: 'score' }, scoreLabel, scoreValue);

/**
 * The overall score: the mean of the fields that have text. A field scores the analyser's 0-100,
 * or 100 when none of its findings is shown (an SBI field describing the past is not penalised).
 */
function updateScore(): void {
  if (!state) return;
  const scores: number[] = [];
  for (const field of liveFields) {
    if (!field.textarea.isConnected) {
      liveFields.delete(field);
      continue;
    }
    if (field.textarea.value.trim() !== '') scores.push(field.shown.length === 0 ? 100 : field.analysis.score);
  }
  const score = scores.length === 0 ? 100 : Math.round(scores.reduce((sum, value) => sum + value, 0) / scores.length);
  scoreLabel.textContent = `${t('score')}: `;
  scoreValue.textContent = t('scoreOf', score);
  scoreBox.dataset.score = String(score);
  scoreBox.className = `score ${score >= 80 ? 'good' : score >= 50 ? 'fair' : 'poor'}`;
}

// ---- The form --------------------------------------------------------------------------------

const selects: { goal?: HTMLSelectElement; session?: HTMLSelectElement } = {};
const fromRadios: HTMLInputElement[] = [];
let feedforwardList: HTMLOListElement | undefined;
let heading: HTMLHeadingElement | undefined;
let planName: HTMLElement | undefined;
let planContext: PlanContext | undefined;
let statusLine: HTMLElement | undefined;
let saveButton: HTMLButtonElement | undefined;

function fillSelect(select: HTMLSelectElement, options: readonly PlanOption[], current: string): void {
  const nodes = [el('option', { text: t('none'), attrs: { value: '' } })];
  for (const option of options) nodes.push(el('option', { text: option.label === option.id ? option.id : `${option.label} (${option.id})`, attrs: { value: option.id } }));
  // An id the plan no longer has stays selectable, so saving does not silently drop it.
  if (current && !options.some((option) => option.id === current)) nodes.push(el('option', { text: t('unknownOption', current), attrs: { value: current } }));
  select.replaceChildren(...nodes);
  select.value = current;
}

function selectField(key: 'goal' | 'session', options: readonly PlanOption[]): HTMLElement {
  const id = `select-${key}`;
  const select = el('select', { id, attrs: { name: key } });
  fillSelect(select, options, draft()[key]);
  select.addEventListener('change', () => {
    draft()[key] = select.value;
    persist();
  });
  selects[key] = select;
  return el('div', { className: 'field select-field' }, el('label', { text: t(key), attrs: { for: id } }), select);
}

function fromField(context: PlanContext): HTMLElement {
  fromRadios.length = 0;
  const fieldset = el('fieldset', { className: 'field from' }, el('legend', { text: t('from') }));
  for (const value of ['mentor', 'protege'] as const) {
    const id = `from-${value}`;
    const input = el('input', { id, attrs: { type: 'radio', name: 'from', value } });
    input.checked = draft().from === value;
    input.addEventListener('change', () => {
      if (input.checked) {
        draft().from = value;
        persist();
      }
    });
    fromRadios.push(input);
    const person = value === 'mentor' ? context.mentorName : context.protegeName;
    fieldset.append(el('label', { className: 'radio', attrs: { for: id } }, input, document.createTextNode(person ? `${t(value)} (${person})` : t(value))));
  }
  return fieldset;
}

function dateField(): HTMLElement {
  const input = el('input', { id: 'date', attrs: { type: 'date', required: 'true' } });
  input.value = draft().date;
  input.addEventListener('input', () => {
    draft().date = input.value;
    persist();
  });
  return el('div', { className: 'field date-field' }, el('label', { text: t('date'), attrs: { for: 'date' } }), input);
}

function renderFeedforward(focusIndex?: number): void {
  const list = feedforwardList;
  if (!list) return;
  const items = draft().feedforward;
  const fields: TextField[] = [];
  list.replaceChildren(
    ...items.map((value, index) => {
      const field = textField(t('suggestion', index + 1), undefined, value, (next) => {
        draft().feedforward[index] = next;
        persist();
      });
      fields.push(field);
      field.textarea.classList.add('feedforward-text');
      field.textarea.addEventListener('keydown', (event) => {
        if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
          event.preventDefault();
          moveSuggestion(index, event.key === 'ArrowUp' ? -1 : 1);
        }
      });
      const tools = el(
        'div',
        { className: 'item-tools' },
        button(t('moveUp'), 'secondary small', () => moveSuggestion(index, -1), { 'aria-label': `${t('moveUp')}: ${t('suggestion', index + 1)}`, 'aria-keyshortcuts': 'Alt+ArrowUp' }),
        button(t('moveDown'), 'secondary small', () => moveSuggestion(index, 1), { 'aria-label': `${t('moveDown')}: ${t('suggestion', index + 1)}`, 'aria-keyshortcuts': 'Alt+ArrowDown' }),
        button(t('remove'), 'secondary small', () => removeSuggestion(index), { 'aria-label': `${t('remove')}: ${t('suggestion', index + 1)}` }),
      );
      (tools.children[0] as HTMLButtonElement).disabled = index === 0;
      (tools.children[1] as HTMLButtonElement).disabled = index === items.length - 1;
      return el('li', { className: 'feedforward-item' }, field.root, tools);
    }),
  );
  if (focusIndex !== undefined) fields[Math.max(0, Math.min(focusIndex, fields.length - 1))]?.textarea.focus();
}

function moveSuggestion(index: number, delta: -1 | 1): void {
  const items = draft().feedforward;
  const target = index + delta;
  if (target < 0 || target >= items.length) return;
  [items[index], items[target]] = [items[target], items[index]];
  persist();
  renderFeedforward(target);
  announce(`${t('suggestion', target + 1)}: ${items[target]}`);
}

function removeSuggestion(index: number): void {
  const items = draft().feedforward;
  if (items.length === 1) items[0] = '';
  else items.splice(index, 1);
  persist();
  renderFeedforward(index);
  updateScore();
}

function addSuggestion(): void {
  const items = draft().feedforward;
  if (items.length >= LIMITS.feedforward) return;
  items.push('');
  persist();
  renderFeedforward(items.length - 1);
}

function title(): string {
  return state?.feedbackId ? t('titleEdit') : t('titleNew');
}

/** The plan's name, and the entry's id once it exists. */
function subtitle(context: PlanContext): string {
  return state?.feedbackId ? `${context.planName} · ${state.feedbackId}` : context.planName;
}

function render(context: PlanContext): void {
  const current = draft();
  heading = el('h1', { text: title() });
  planName = el('p', { className: 'plan-name', text: subtitle(context) });
  feedforwardList = el('ol', { className: 'feedforward-list', attrs: { 'aria-labelledby': 'feedforward-heading' } });
  statusLine = el('p', { className: 'status', id: 'status', attrs: { role: 'status', 'aria-live': 'polite' } });
  saveButton = button(t('save'), 'primary', save, { 'aria-keyshortcuts': 'Control+Enter' });

  const sbi = (['situation', 'behavior', 'impact'] as const).map(
    (key) =>
      textField(
        t(key),
        t(`${key}Hint`),
        current[key],
        (value) => {
          draft()[key] = value;
          persist();
        },
        SBI_HIDDEN_CODES,
      ).root,
  );

  const form = el(
    'form',
    { attrs: { novalidate: 'true', 'aria-labelledby': 'editor-heading' } },
    el('div', { className: 'row' }, fromField(context), dateField()),
    el('div', { className: 'row' }, selectField('goal', context.goals), selectField('session', context.sessions)),
    ...sbi,
    el(
      'section',
      { className: 'feedforward' },
      el('h2', { id: 'feedforward-heading', text: t('feedforward') }),
      el('p', { className: 'hint', text: t('feedforwardHint') }),
      feedforwardList,
      button(t('addSuggestion'), 'secondary', addSuggestion),
    ),
    el('div', { className: 'actions' }, saveButton, button(t('cancel'), 'secondary', cancel), statusLine),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save();
  });
  heading.id = 'editor-heading';
  app.replaceChildren(el('header', {}, el('div', {}, heading, planName), scoreBox), form, live);
  app.setAttribute('aria-busy', 'false');
  renderFeedforward();
  updateScore();
}

function setStatus(text: string, kind: 'info' | 'error'): void {
  if (!statusLine) return;
  statusLine.textContent = text;
  statusLine.className = `status ${kind}`;
  statusLine.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}

function save(): void {
  if (!state || saving) return;
  const current = draft();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(current.date)) {
    setStatus(t('badDate'), 'error');
    document.getElementById('date')?.focus();
    return;
  }
  if (!current.feedforward.some((item) => item.trim() !== '')) {
    setStatus(t('needFeedforward'), 'error');
    feedforwardList?.querySelector('textarea')?.focus();
    return;
  }
  saving = true;
  if (saveButton) saveButton.disabled = true;
  setStatus(t('saving'), 'info');
  vscode.postMessage({ type: 'save', draft: { ...current, feedforward: [...current.feedforward] } });
}

function cancel(): void {
  vscode.postMessage({ type: 'cancel' });
}

document.addEventListener('keydown', (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
    event.preventDefault();
    save();
  }
});

// ---- Messages from the extension -------------------------------------------------------------

function onInit(message: InitMessage): void {
  strings = message.strings;
  const sameTarget = state !== undefined && state.planUri === message.planUri && state.feedbackId === message.feedbackId;
  state = {
    v: 1,
    planUri: message.planUri,
    feedbackId: message.feedbackId,
    baseline: message.baseline,
    // The webview's own draft (typed before the panel was hidden or the window reloaded) wins.
    draft: sameTarget && state ? state.draft : message.draft,
  };
  if (state.draft.feedforward.length === 0) state.draft.feedforward.push('');
  persist();
  planContext = message;
  render(message);
}

function onMessage(message: ExtensionToWebview): void {
  switch (message.type) {
    case 'init':
      onInit(message);
      break;
    case 'options':
      planContext = message;
      if (planName) planName.textContent = subtitle(message);
      if (state && selects.goal && selects.session) {
        fillSelect(selects.goal, message.goals, draft().goal);
        fillSelect(selects.session, message.sessions, draft().session);
      }
      break;
    case 'saved':
      saving = false;
      if (saveButton) saveButton.disabled = false;
      if (state) {
        state.planUri = message.planUri;
        state.feedbackId = message.feedbackId;
        state.baseline = message.baseline;
        persist();
      }
      if (heading) heading.textContent = title();
      if (planName && planContext) planName.textContent = subtitle(planContext);
      setStatus(t('savedAs', message.feedbackId), 'info');
      break;
    case 'error':
      saving = false;
      if (saveButton) saveButton.disabled = false;
      setStatus(message.message, 'error');
      break;
  }
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  // Only messages that match the protocol are acted on; anything else is ignored.
  if (isExtensionMessage(event.data)) onMessage(event.data);
});

app.setAttribute('aria-busy', 'true');
app.replaceChildren(el('p', { className: 'loading', text: t('loading') }));
vscode.postMessage({ type: 'ready' });
