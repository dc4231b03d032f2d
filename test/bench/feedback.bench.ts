// How long analyzeFeedback takes per paragraph, since the feedback editor runs it on every keystroke.
import { analyzeFeedback } from '../../src/core/feedback';
import type { Figures, Timing } from './measure';
import { formatTiming, median } from './measure';

const paragraphs = [
  // Mixed: judging and future-focused sentences (~90 words).
  'In Tuesday\'s review you presented the rollout plan. You should have tested the migration before merging it, and you never ask for help when you are stuck. ' +
    'Honestly, you\'re a bit careless with the release notes and the launch was a mess. Next time, try opening with the user story; what would help you feel ready for the client call?',
  // Clean feedforward (~70 words).
  'The demo was clear; keep opening with the user story. Going forward, you could share the agenda a day before. ' +
    'Consider sending a short summary after each meeting, and let\'s agree the scope before we estimate. What would make it easier to ask for help earlier?',
  // Heavy: many findings (~80 words).
  'Why did you skip the code review? You didn\'t follow up with design. You always interrupt people. You are lazy about documentation. ' +
    'That was a big mistake and frankly unacceptable. Last time you forgot to update the changelog. You were supposed to send the agenda on Monday.',
];

/** Milliseconds per paragraph, wall and CPU, over `iterations` analyses. */
function perParagraph(iterations: number): Timing {
  let sink = 0;
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < iterations; i++) sink += analyzeFeedback(paragraphs[i % paragraphs.length]).findings.length;
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  if (sink < 0) console.log(sink); // keeps the work observable so it is not optimised away
  return { medianMs: elapsed / iterations, cpuMs: (cpu.user + cpu.system) / 1000 / iterations, runs: 1 };
}

export function benchFeedback(figures: Figures): void {
  perParagraph(2_000); // warm-up: let the regexes and JIT settle
  const runs = [perParagraph(20_000), perParagraph(20_000), perParagraph(20_000)];
  const timing: Timing = { medianMs: median(runs.map((run) => run.medianMs)), cpuMs: median(runs.map((run) => run.cpuMs)), runs: runs.length };
  const words = paragraphs.reduce((n, p) => n + p.split(/\s+/).length, 0) / paragraphs.length;
  figures.record('feedback.analyze.paragraph', timing);
  console.log(`Feedback analysis: ${formatTiming(timing)} per paragraph of ~${Math.round(words)} words (median of 3 runs of 20,000)`);
}
