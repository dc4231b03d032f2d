// The feedback editor's protocol guards: every message from the webview is checked before the
// extension acts on it, so valid messages must pass and malformed or hostile ones must not.
import * as assert from 'node:assert/strict';
import { DEFAULT_STRINGS, format, isExtensionMessage, isFeedbackDraft, isPanelState, isWebviewMessage, LIMITS } from '../../src/protocol/feedback-editor';
import type { FeedbackDraft, InitMessage } from '../../src/protocol/feedback-editor';

const draft: FeedbackDraft = {
  from: 'mentor',
  date: '2026-11-27',
  goal: 'public-speaking',
  session: '',
  situation: 'At the team meetup dry run',
  behavior: 'You opened with a question',
  impact: 'Everyone leaned in',
  feedforward: ['Next time, pause after the question.', ''],
};

function withDraft(change: Record<string, unknown>): unknown {
  return { type: 'save', draft: { ...draft, ...change } };
}

describe('feedback editor protocol: webview → extension', () => {
  it('accepts the handshake, cancel and a complete save', () => {
    assert.ok(isWebviewMessage({ type: 'ready' }));
    assert.ok(isWebviewMessage({ type: 'cancel' }));
    assert.ok(isWebviewMessage({ type: 'save', draft }));
    assert.ok(isWebviewMessage(withDraft({ from: 'protege', goal: '', date: '', feedforward: [] })));
    assert.ok(isWebviewMessage(withDraft({ situation: 'x'.repeat(LIMITS.text), feedforward: Array(LIMITS.feedforward).fill('ok') })));
    assert.ok(isWebviewMessage(withDraft({ behavior: '<img src=x onerror=alert(1)> is just text here' })), 'markup in text is data, not refused');
  });

  it('rejects values that are not messages', () => {
    for (const value of [undefined, null, 0, 'ready', [], [{ type: 'ready' }], true, () => undefined]) assert.equal(isWebviewMessage(value), false, String(value));
  });

  it('rejects unknown types and extra fields', () => {
    assert.equal(isWebviewMessage({ type: 'init' }), false, 'an extension → webview type from the webview');
    assert.equal(isWebviewMessage({ type: 'saved', feedbackId: 'x' }), false);
    assert.equal(isWebviewMessage({ type: 'READY' }), false);
    assert.equal(isWebviewMessage({ type: 'ready', extra: 1 }), false);
    assert.equal(isWebviewMessage({ type: 'cancel', force: true }), false);
    assert.equal(isWebviewMessage({ type: 'save', draft, uri: 'file:///etc/passwd' }), false);
    assert.equal(isWebviewMessage(withDraft({ id: 'injected' })), false);
  });

  it('rejects a save without a complete, well-typed draft', () => {
    assert.equal(isWebviewMessage({ type: 'save' }), false);
    assert.equal(isWebviewMessage({ type: 'save', draft: null }), false);
    assert.equal(isWebviewMessage({ type: 'save', draft: [] }), false);
    for (const key of Object.keys(draft)) {
      const missing: Record<string, unknown> = { ...draft };
      delete missing[key];
      assert.equal(isWebviewMessage({ type: 'save', draft: missing }), false, `without ${key}`);
    }
    for (const [key, bad] of [
      ['from', 'boss'],
      ['from', 'Mentor'],
      ['from', ['mentor']],
      ['date', '27.11.2026'],
      ['date', '2026-11-27T00:00'],
      ['date', 20261127],
      ['goal', '../../etc/passwd'],
      ['goal', 'Public Speaking'],
      ['goal', 'a'.repeat(LIMITS.id + 1)],
      ['session', 42],
      ['situation', null],
      ['behavior', { toString: 'x' }],
      ['impact', ['a']],
      ['feedforward', 'one suggestion'],
      ['feedforward', [1, 2]],
      ['feedforward', [null]],
      ['feedforward', { 0: 'a', length: 1 }],
    ] as const) {
      assert.equal(isWebviewMessage(withDraft({ [key]: bad })), false, `${key}: ${JSON.stringify(bad)}`);
    }
  });

  it('caps lengths instead of trusting them', () => {
    assert.equal(isWebviewMessage(withDraft({ situation: 'x'.repeat(LIMITS.text + 1) })), false);
    assert.equal(isWebviewMessage(withDraft({ feedforward: Array(LIMITS.feedforward + 1).fill('ok') })), false);
    assert.equal(isWebviewMessage(withDraft({ feedforward: ['ok', 'y'.repeat(LIMITS.text + 1)] })), false);
  });

  it('is not fooled by prototype tricks', () => {
    const polluted = JSON.parse('{"type":"save","draft":{"__proto__":{"from":"mentor"}}}') as unknown;
    assert.equal(isWebviewMessage(polluted), false);
    const inherited = Object.create({ type: 'ready' }) as unknown;
    assert.equal(isWebviewMessage(inherited), false);
    assert.equal(isFeedbackDraft(Object.assign(Object.create(null), draft)), true, 'a null-prototype copy of a valid draft is fine');
  });
});

describe('feedback editor protocol: persisted state and extension → webview', () => {
  const strings = { ...DEFAULT_STRINGS };
  const init: InitMessage = {
    type: 'init',
    planUri: 'file:///work/pair.mentoring.yaml',
    feedbackId: 'first-dry-run',
    baseline: '{"id":"first-dry-run"}',
    draft,
    strings,
    planName: 'Ada and Grace',
    mentorName: 'Grace',
    protegeName: 'Ada',
    goals: [{ id: 'x', label: '<img src=x onerror=alert(1)>' }],
    sessions: [],
  };

  it('accepts the state a panel is revived from, and refuses anything else', () => {
    assert.ok(isPanelState({ v: 1, planUri: 'file:///a.mentoring.yaml', draft }));
    assert.ok(isPanelState({ v: 1, planUri: 'file:///a.mentoring.yaml', feedbackId: 'first', baseline: '{}', draft }));
    assert.equal(isPanelState(undefined), false);
    assert.equal(isPanelState({ v: 2, planUri: 'file:///a', draft }), false);
    assert.equal(isPanelState({ v: 1, planUri: '', draft }), false);
    assert.equal(isPanelState({ v: 1, planUri: 'file:///a', draft, feedbackId: '' }), false);
    assert.equal(isPanelState({ v: 1, planUri: 'file:///a', draft, feedbackId: 'Not An Id' }), false);
    assert.equal(isPanelState({ v: 1, planUri: 'file:///a', draft: { ...draft, from: 'x' } }), false);
    assert.equal(isPanelState({ v: 1, planUri: 'x'.repeat(LIMITS.uri + 1), draft }), false);
    assert.equal(isPanelState({ v: 1, planUri: 'file:///a', draft, script: 'alert(1)' }), false);
  });

  it('checks what the extension sends, too', () => {
    assert.ok(isExtensionMessage(init));
    assert.ok(isExtensionMessage({ type: 'error', message: 'Not saved.' }));
    assert.ok(isExtensionMessage({ type: 'saved', planUri: 'file:///a', feedbackId: 'feedback-2026-11-27', baseline: '{}' }));
    assert.ok(isExtensionMessage({ type: 'options', planName: 'p', mentorName: '', protegeName: '', goals: [], sessions: [] }));
    assert.equal(isExtensionMessage({ ...init, strings: { ...strings, save: 7 } }), false);
    assert.equal(isExtensionMessage({ ...init, goals: [{ id: 'x' }] }), false);
    assert.equal(isExtensionMessage({ type: 'saved', planUri: 'file:///a', feedbackId: '', baseline: '{}' }), false);
    assert.equal(isExtensionMessage({ type: 'ready' }), false);
  });

  it('formats placeholders like vscode.l10n.t', () => {
    assert.equal(format(DEFAULT_STRINGS.savedAs, 'first-dry-run'), 'Saved as first-dry-run. Saving again updates it.');
    assert.equal(format('{0}: {1} finding(s).', 'Behavior', 2), 'Behavior: 2 finding(s).');
    assert.equal(format('{0} and {1}', 'only one'), 'only one and {1}');
  });
});
