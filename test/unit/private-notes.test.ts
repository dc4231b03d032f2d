// Private notes: file names round-trip for any id, the first note shows the agreed confidentiality,
// and nothing that reads plans for others (the CLI, the summary, the diff) can reach the notes.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { newNoteText, noteFileName, noteTargetOf } from '../../src/core/private-notes';
import type { NoteTarget } from '../../src/core/private-notes';
import type { Plan } from '../../src/core/plan';

const root = join(__dirname, '../../..');

describe('private notes (core)', () => {
  it('names a note file so the name gives back its target, for any id, and never names a folder', () => {
    const target = fc.oneof(fc.constant<NoteTarget>({ kind: 'plan' }), fc.record({ kind: fc.constantFrom('goal' as const, 'session' as const), id: fc.string({ minLength: 1, unit: 'grapheme' }) }));
    fc.assert(
      fc.property(target, (t) => {
        const name = noteFileName(t);
        assert.ok(!name.includes('/') && !name.includes('\\') && name !== '..', name);
        assert.deepEqual(noteTargetOf(name), { ...t });
      }),
    );
  });

  it('takes no other file for a note', () => {
    for (const name of ['index.json', 'plan.txt', 'goal-.md', 'milestone-x.md', 'goal-%E0%A4%A.md', 'goal-a/b.md']) assert.equal(noteTargetOf(name), undefined, name);
  });

  it('starts the first note of a plan with its confidentiality agreement, later notes without it', () => {
    const plan = { mentorship: { title: 'Ada and Grace', agreement: { confidentiality: 'Between us,\n  unless safety is at stake.' } }, goals: [{ id: 'talk', title: 'Give a talk' }] } as unknown as Partial<Plan>;
    assert.equal(
      newNoteText(plan, { kind: 'plan' }, true),
      [
        '# Private note: Ada and Grace',
        '',
        '> Kept in this VS Code’s storage on this machine only: never in the plan file, the repository or any workspace folder.',
        '> What you agreed about confidentiality: Between us, unless safety is at stake.',
        '',
        '',
      ].join('\n'),
    );
    assert.equal(newNoteText(plan, { kind: 'goal', id: 'talk' }, false), '# Private note: Give a talk\n\n');
    assert.match(newNoteText({}, { kind: 'session', id: 's1' }, true), /says nothing about confidentiality yet/);
  });

  it('is out of reach of the CLI, the summary and the diff: no code there names the notes or the extension storage', () => {
    const files = ['src/cli', 'src/core'].flatMap((dir) => filesUnder(join(root, dir))).filter((file) => !file.endsWith('private-notes.ts'));
    assert.ok(files.length > 20);
    for (const file of files) assert.doesNotMatch(readFileSync(file, 'utf8'), /private-notes|mentoring-private|storageUri|globalStorage/, file);
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));
}
