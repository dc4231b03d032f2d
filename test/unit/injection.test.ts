// Plan text shown by pure code stays text (issue 9, "Injection"): icons syntax in quick picks and
// the status bar, Markdown in the summary. The payloads: HTML, <script>, Markdown links and images,
// command: URIs, $(codicon) syntax and a bidi override (U+202E).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { summarizePlan } from '../../src/core/summary';
import type { Plan } from '../../src/core/plan';
import { escapeIcons } from '../../src/extension/plain-text';

export const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '[click me](command:workbench.action.quit)',
  '![pixel](https://example.invalid/p.png)',
  '<a href="command:mentoringPlan.refresh">run</a>',
  '$(zap) $(bug~spin) \\$(gear)',
  'Review \u202Egnp.exe',
] as const;

/**
 * VS Code's renderLabelWithIcons (base/browser/ui/iconLabel/iconLabels.ts, 1.100): what quick
 * picks and the status bar show for a string, as text pieces and icon names.
 */
function renderLabelWithIcons(text: string): { text: string; icons: string[] } {
  const pattern = /(\\)?\$\(([A-Za-z0-9-]+(?:~[A-Za-z]+)?)\)/g;
  let shown = '';
  const icons: string[] = [];
  let from = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    shown += text.slice(from, match.index);
    from = match.index + match[0].length;
    if (match[1]) shown += `$(${match[2]})`;
    else icons.push(match[2]);
  }
  return { text: shown + text.slice(from), icons };
}

describe('plan text stays text (injection)', () => {
  it('escapeIcons: every payload shows as written, with no icon', () => {
    for (const payload of PAYLOADS) assert.deepEqual(renderLabelWithIcons(escapeIcons(payload)), { text: payload, icons: [] }, payload);
    // Without escaping, the codicon payload would have become icons.
    assert.deepEqual(renderLabelWithIcons(PAYLOADS[5]).icons, ['zap', 'bug~spin']);
  });

  it('escapeIcons: any text shows as written (generated)', () => {
    const piece = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('$(', ')', '\\', '$(zap)', '$(a~b)', '\\$(x)', '$($(y))', '$(-)', '~'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')), (text) => {
        assert.deepEqual(renderLabelWithIcons(escapeIcons(text)), { text, icons: [] });
      }),
      { numRuns: 3_000 },
    );
  });

  it('summary Markdown: no HTML, links, images or command URIs from plan text', () => {
    const goals = PAYLOADS.map((title, index) => ({ id: `g${index}`, title, status: 'active' as const, success: [title], milestones: [{ text: title, done: false }] }));
    const plan = { schemaVersion: 1, mentorship: { title: PAYLOADS[2], mentor: { name: PAYLOADS[0] }, protege: { name: PAYLOADS[1] } }, goals } as unknown as Partial<Plan>;
    const markdown = summarizePlan(plan, { today: '2026-11-27' });
    // Unescaped, any of these would be a tag, a link or an image in a Markdown preview or a pull request.
    assert.doesNotMatch(markdown, /(^|[^\\])<(img|script|a)\b/im, 'raw HTML');
    assert.doesNotMatch(markdown, /(^|[^\\])\]\((command|https?):/, 'a live link or image');
    assert.ok(markdown.includes('\u202E'), 'the bidi override is kept as text, not dropped');
    for (const word of ['onerror=alert(1)', 'workbench.action.quit', 'gnp.exe']) assert.ok(markdown.includes(word), `${word} is shown`);
  });
});
