// A large, realistic plan for benchmarks and the incremental parser's tests.

/**
 * The example plan with its sessions replaced by `count` sessions in the same style; `reshape`
 * may change each session's text (to damage it, say).
 */
export function largePlan(example: string, count: number, reshape: (session: string, index: number) => string = (session) => session): string {
  const head = example.slice(0, example.indexOf('\nsessions:\n') + '\nsessions:\n'.length);
  const sessions: string[] = [];
  for (let i = 0; i < count; i++) {
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + (i % 28)).padStart(2, '0');
    const session = [
      `  - id: checkin-${i}`,
      `    date: ${2000 + Math.floor(i / 12)}-${month}-${day}`,
      '    type: checkin',
      '    goals: [system-design]',
      '    agenda:',
      '      - Which part of the design feels most uncertain right now?',
      '      - What will you do before we meet again, and when?',
      `    notes: Session ${i}; Sam walked through the latest draft.`,
      '    actions:',
      `      - text: Follow up on item ${i}`,
      '        owner: protege',
      `        due: ${2000 + Math.floor(i / 12)}-${month}-${day}`,
      `        done: ${i % 3 !== 0}`,
      '    health:',
      '      mentor: 4',
      '      protege: 4',
      '',
    ].join('\n');
    sessions.push(reshape(session, i));
  }
  return head + sessions.join('');
}

/**
 * Ways to damage one of largePlan's sessions so that it gets a finding: in its block, or at an item
 * of its one-line `goals` list. For checks that must place thousands of findings in one plan.
 */
export const SESSION_DAMAGE: readonly { name: string; damage: (session: string) => string }[] = [
  { name: 'unknown type', damage: (session) => session.replace('type: checkin', 'type: chekin') },
  { name: 'unknown goal', damage: (session) => session.replace('goals: [system-design]', 'goals: [nope]') },
  { name: 'unknown second goal, spaced', damage: (session) => session.replace('goals: [system-design]', 'goals: [ system-design ,  nope ]') },
  { name: 'health out of range', damage: (session) => session.replace('mentor: 4', 'mentor: 9') },
];

