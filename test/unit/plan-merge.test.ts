// The three-way merge of plans (src/core/plan-merge.ts) on the example plan: what merges by entry,
// where each side's bytes go, what conflicts and what falls back to git's line merge.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlan } from '../../src/core/parse';
import type { Plan } from '../../src/core/plan';
import { idsOf } from '../../src/core/plan-facts';
import { mergePlans } from '../../src/core/plan-merge';
import type { MergeResult } from '../../src/core/plan-merge';

const ROOT = join(__dirname, '../../..');
const BASE = readFileSync(join(ROOT, 'examples/alex-and-sam.mentoring.yaml'), 'utf8');

const LAST_SESSION_END = '      - What two suggestions for your next reviews would you like from me?\n';
const LAST_FEEDBACK_END = '      - Next time, try pairing your question with a pointer to a test that would show the problem.\n';

/** BASE with a session appended after the last one (at the end of the sessions list), as a person writes it. */
function withSession(text: string, id: string, date: string, comment = ''): string {
  return text.replace(LAST_SESSION_END, `${LAST_SESSION_END}\n${comment}  - id: ${id}\n    date: ${date}\n    type: checkin\n    agenda:\n      - What is next?  # ${id}\n`);
}

function merged(result: MergeResult): { text: string; conflicts: string[] } {
  assert.equal(result.kind, 'merged', result.kind === 'fallback' ? result.reason : '');
  return result as { kind: 'merged'; text: string; conflicts: string[] };
}

function plan(text: string): Partial<Plan> {
  const parsed = parsePlan(text);
  assert.deepEqual(parsed.syntaxIssues, [], text);
  return parsed.value as Partial<Plan>;
}

describe('plan merge (three-way, by entry)', () => {
  it('keeps sessions appended on both sides, in date order, each with its own lines and comments', () => {
    const ours = withSession(BASE, 'checkin-2026-12-14', '2026-12-14');
    const theirs = withSession(BASE, 'checkin-2026-12-07', '2026-12-07', '  # Sam moved this one up a week\n');
    const { text, conflicts } = merged(mergePlans(BASE, ours, theirs));
    assert.deepEqual(conflicts, []);
    assert.deepEqual(idsOf(plan(text), 'sessions'), ['kickoff', 'checkin-2026-11-16', 'feedback-2026-11-30', 'checkin-2026-12-07', 'checkin-2026-12-14']);
    // THEIRS' entry is its own text, its comment included; OURS keeps every byte around it.
    assert.ok(text.includes('  # Sam moved this one up a week\n  - id: checkin-2026-12-07\n    date: 2026-12-07\n    type: checkin\n    agenda:\n      - What is next?  # checkin-2026-12-07\n'), text);
    assert.equal(text.replace(/\n  # Sam moved this one up a week\n  - id: checkin-2026-12-07\n(?: {4}.*\n)+/, ''), ours);
  });

  it('puts a later session of THEIRS after OURS', () => {
    const ours = withSession(BASE, 'checkin-2026-12-07', '2026-12-07');
    const theirs = withSession(BASE, 'checkin-2026-12-14', '2026-12-14');
    const { text } = merged(mergePlans(BASE, ours, theirs));
    assert.deepEqual(idsOf(plan(text), 'sessions').slice(-2), ['checkin-2026-12-07', 'checkin-2026-12-14']);
    assert.ok(text.startsWith(ours.slice(0, ours.indexOf('\nfeedback:'))), 'OURS is kept as written up to its last session');
  });

  it('applies a goal edited on one side and feedback added on the other', () => {
    const ours = BASE.replace('    status: active\n    target: 2026-12-20', '    status: achieved\n    target: 2026-12-20');
    const theirs = BASE.replace(LAST_FEEDBACK_END, `${LAST_FEEDBACK_END}\n  - id: thanks-for-questions\n    date: 2026-11-30\n    from: protege\n    feedforward:\n      - Keep asking me what I expect before telling me.\n`);
    const result = plan(merged(mergePlans(BASE, ours, theirs)).text);
    assert.equal(result.goals?.find((goal) => goal.id === 'code-review-voice')?.status, 'achieved');
    assert.deepEqual(idsOf(result, 'feedback'), ['review-tone', 'thanks-for-questions']);
  });

  it('marks different actions of one session done on each side', () => {
    const ours = BASE.replace('        due: 2026-11-30\n        done: false', '        due: 2026-11-30\n        done: true');
    const theirs = BASE.replace('Introduce Sam', 'Introduce Sam').replace('  - id: feedback-2026-11-30\n    date: 2026-11-30\n    type: feedback\n', '  - id: feedback-2026-11-30\n    date: 2026-11-30\n    type: feedback\n    actions:\n      - text: Try one suggestion\n        done: true\n');
    const both = BASE.replace('        due: 2026-11-30\n        done: false', '        due: 2026-11-30\n        done: true');
    const { text } = merged(mergePlans(BASE, ours, theirs));
    const result = plan(text);
    assert.deepEqual(result.sessions?.[1].actions?.map((action) => action.done), [true, true]);
    assert.deepEqual(result.sessions?.[2].actions, [{ text: 'Try one suggestion', done: true }]);
    assert.notEqual(both, BASE);
  });

  it('merges two fields of one entry changed on different sides', () => {
    const ours = BASE.replace('    status: active\n    target: 2027-02-15', '    status: at-risk\n    target: 2027-02-15');
    const theirs = BASE.replace('    target: 2027-02-15', '    target: "2027-03-15"  # moved at the review');
    const { text } = merged(mergePlans(BASE, ours, theirs));
    assert.ok(text.includes('    status: at-risk\n    target: "2027-03-15"  # moved at the review\n'), text);
  });

  it('marks a field changed two ways around that entry only, with the marker size asked for', () => {
    const ours = withSession(BASE.replace('    status: active\n    target: 2027-02-15', '    status: at-risk\n    target: 2027-02-15'), 'checkin-2026-12-14', '2026-12-14');
    const theirs = withSession(BASE.replace('    status: active\n    target: 2027-02-15', '    status: dropped\n    target: 2027-02-15'), 'checkin-2026-12-07', '2026-12-07');
    const { text, conflicts } = merged(mergePlans(BASE, ours, theirs, { markerSize: 9 }));
    assert.deepEqual(conflicts, ['goals[0]']);
    const lines = text.split('\n');
    const open = lines.indexOf('<<<<<<<<< ours');
    const middle = lines.indexOf('=========');
    const close = lines.indexOf('>>>>>>>>> theirs');
    assert.ok(open > 0 && open < middle && middle < close, text);
    assert.equal(lines[open + 1], '  - id: system-design');
    assert.equal(lines[middle + 1], '  - id: system-design');
    assert.ok(lines.slice(open, middle).includes('    status: at-risk'));
    assert.ok(lines.slice(middle, close).includes('    status: dropped'));
    assert.equal(lines[close + 2], '  - id: code-review-voice', 'the next goal is outside the markers');
    // Everything else merged: both new sessions are there, outside the markers.
    assert.ok(text.includes('  - id: checkin-2026-12-07') && text.includes('  - id: checkin-2026-12-14'));
    assert.equal((text.match(/^<{9} /gm) ?? []).length, 1);
  });

  it('marks the same new id added with different content on both sides', () => {
    const ours = withSession(BASE, 'checkin-2026-12-14', '2026-12-14');
    const theirs = withSession(BASE, 'checkin-2026-12-14', '2026-12-15');
    const { text, conflicts } = merged(mergePlans(BASE, ours, theirs));
    assert.deepEqual(conflicts, ['sessions[3]']);
    assert.match(text, /<<<<<<< ours\n {2}- id: checkin-2026-12-14\n {4}date: 2026-12-14\n[^]*=======\n {2}- id: checkin-2026-12-14\n {4}date: 2026-12-15\n[^]*>>>>>>> theirs\n/);
  });

  it('takes the same change made on both sides once', () => {
    const ours = withSession(BASE, 'checkin-2026-12-14', '2026-12-14');
    const { text, conflicts } = merged(mergePlans(BASE, ours.replace('biweekly', 'weekly'), ours));
    assert.deepEqual(conflicts, []);
    assert.equal(text, ours.replace('biweekly', 'weekly'));
  });

  it('merges mentorship and agreement fields one by one, and marks one changed two ways alone', () => {
    const ours = BASE.replace('  cadence: biweekly', '  cadence: weekly');
    const theirs = BASE.replace('  expectedEnd: 2027-03-01', '  expectedEnd: 2027-04-01');
    assert.equal(merged(mergePlans(BASE, ours, theirs)).text, BASE.replace('  cadence: biweekly', '  cadence: weekly').replace('2027-03-01', '2027-04-01'));
    const { text, conflicts } = merged(mergePlans(BASE, ours, BASE.replace('  cadence: biweekly', '  cadence: monthly')));
    assert.deepEqual(conflicts, ['mentorship.cadence']);
    assert.ok(text.includes('<<<<<<< ours\n  cadence: weekly\n=======\n  cadence: monthly\n>>>>>>> theirs\n  status: active\n'), text);
  });

  it('removes an entry THEIRS removed, and marks one OURS changed meanwhile', () => {
    const withoutFeedbackSession = BASE.replace(/\n {2}- id: feedback-2026-11-30\n(?: {4}.*\n| {6}.*\n)+/, '\n');
    const ours = BASE.replace('  cadence: biweekly', '  cadence: weekly');
    const clean = merged(mergePlans(BASE, ours, withoutFeedbackSession));
    assert.deepEqual(clean.conflicts, []);
    assert.deepEqual(idsOf(plan(clean.text), 'sessions'), ['kickoff', 'checkin-2026-11-16']);
    const changed = BASE.replace('    type: feedback\n', '    type: checkin\n');
    const { text, conflicts } = merged(mergePlans(BASE, changed, withoutFeedbackSession));
    assert.deepEqual(conflicts, ['sessions[2]']);
    assert.match(text, /<<<<<<< ours\n {2}- id: feedback-2026-11-30\n[^]*=======\n>>>>>>> theirs\n/);
  });

  it("takes git's clean line merge when it means the same plan (THEIRS' comment edits kept), else its own", () => {
    const ours = withSession(BASE, 'checkin-2026-12-14', '2026-12-14');
    const theirs = BASE.replace('# Reviewed in pull requests', '# Reviewed (and merged) in pull requests');
    const lineMerged = ours.replace('# Reviewed in pull requests', '# Reviewed (and merged) in pull requests');
    assert.equal(merged(mergePlans(BASE, ours, theirs, { lineMerged })).text, lineMerged);
    // A line merge that reads as another plan (here: OURS' session lost) is not taken.
    assert.equal(merged(mergePlans(BASE, ours, theirs, { lineMerged: theirs })).text, ours);
  });

  it('keeps CRLF line breaks, in THEIRS\' new entries too', () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    const { text } = merged(mergePlans(crlf(BASE), crlf(withSession(BASE, 'checkin-2026-12-14', '2026-12-14')), crlf(withSession(BASE, 'checkin-2026-12-07', '2026-12-07'))));
    assert.equal(/[\r\n]/.test(text.replace(/\r\n/g, '')), false, 'only CRLF line breaks');
    assert.deepEqual(idsOf(plan(text), 'sessions').slice(-2), ['checkin-2026-12-07', 'checkin-2026-12-14']);
  });

  it('falls back to the line merge for a side with YAML errors or anchors, saying which side', () => {
    const ours = withSession(BASE, 'checkin-2026-12-14', '2026-12-14');
    const broken = BASE.replace('  cadence: biweekly', '  cadence: [biweekly');
    const result = mergePlans(BASE, ours, broken);
    assert.equal(result.kind, 'fallback');
    assert.match((result as { reason: string }).reason, /^theirs has a YAML error at line \d+, column \d+/);
    const anchored = mergePlans(BASE, ours, BASE.replace('  started: 2026-09-07', '  started: &start 2026-09-07'));
    assert.equal(anchored.kind, 'fallback');
    assert.match((anchored as { reason: string }).reason, /theirs uses anchors or aliases \(&start\)/);
  });

  it('falls back when entries cannot be matched by id', () => {
    const ours = withSession(BASE, 'checkin-2026-12-14', '2026-12-14');
    const theirs = BASE.replace(LAST_SESSION_END, `${LAST_SESSION_END}\n  - date: 2026-12-07\n`);
    const result = mergePlans(BASE, ours, theirs);
    assert.equal(result.kind, 'fallback');
    assert.match((result as { reason: string }).reason, /sessions has entries without an id/);
  });
});
