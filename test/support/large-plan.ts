// A large, realistic plan for benchmarks and the incremental parser's tests.

/** The example plan with its sessions replaced by `count` sessions in the same style. */
export function largePlan(example: string, count: number): string {
  const head = example.slice(0, example.indexOf('\nsessions:\n') + '\nsessions:\n'.length);
  const sessions: string[] = [];
  for (let i = 0; i < count; i++) {
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + (i % 28)).padStart(2, '0');
    sessions.push(
      [
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
      ].join('\n'),
    );
  }
  return head + sessions.join('');
}

