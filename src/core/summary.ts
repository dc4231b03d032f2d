// A Markdown summary of a plan, for a pull request comment or an export: where the goals stand,
// what is open, how the relationship feels. With a goal id, that goal's history instead.
import type { PlanIssue } from './issues';
import { datedSessions, entriesOf, entryById, isOverdue, openActions } from './plan-facts';
import type { Plan, Session } from './plan';
import { dayNumber } from './dates';
import { healthChart, healthPoints, healthText } from './health';

export interface SummaryOptions {
  today: string;
  /** Findings of checkPlan, counted in the summary's first lines. */
  issues?: readonly PlanIssue[];
}

/** Escapes text for a Markdown table cell or line: plan text is data, never markup. */
export function markdownText(value: unknown): string {
  return String(value ?? '')
    .replace(/[\r\n]+/g, ' ')
    .replace(/([\\`*_[\]<>|#!~])/g, '\\$1')
    .trim();
}

/** An id in a code span: escapes do not work there, so backticks are the one thing to keep out. */
function code(value: unknown): string {
  return `\`${String(value ?? '').replace(/[`\r\n]/g, "'")}\``;
}
export { code as markdownCode };

export function summarizePlan(plan: Partial<Plan>, options: SummaryOptions): string {
  const mentorship = plan.mentorship;
  const lines: string[] = [];
  const title = mentorship?.title ?? `${mentorship?.protege?.name ?? 'Protégé'} and ${mentorship?.mentor?.name ?? 'mentor'}`;
  lines.push(`## ${markdownText(title)}`, '');
  lines.push(`Mentor: ${markdownText(mentorship?.mentor?.name)} · Protégé: ${markdownText(mentorship?.protege?.name)} · ${markdownText(mentorship?.cadence)} · ${markdownText(mentorship?.status ?? 'active')} since ${markdownText(mentorship?.started)}`);
  if (options.issues) {
    const count = (severity: string) => options.issues!.filter((issue) => issue.severity === severity).length;
    lines.push('', `Checks: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} suggestions.`);
  }

  const goals = entriesOf(plan, 'goals').map(({ item }) => item);
  lines.push('', '### Goals', '');
  if (goals.length === 0) lines.push('No goals yet.');
  else {
    lines.push('| goal | kind | status | progress | target |', '|---|---|---|---|---|');
    for (const goal of goals) {
      const milestones = Array.isArray(goal.milestones) ? goal.milestones : [];
      const done = milestones.filter((milestone) => milestone?.done === true).length;
      const progress = milestones.length ? `${done}/${milestones.length} milestones` : '';
      lines.push(`| ${markdownText(goal.title)} (${code(goal.id)}) | ${markdownText(goal.kind ?? '')} | ${markdownText(goal.status)} | ${progress} | ${markdownText(goal.target ?? '')} |`);
    }
  }

  const today = dayNumber(options.today) ?? 0;
  const open = datedSessions(plan).flatMap((session) => openActions(session).map((action) => ({ action, session })));
  lines.push('', '### Open actions', '');
  if (open.length === 0) lines.push('None.');
  for (const { action, session } of open) {
    const overdue = isOverdue(action, options.today) ? ' **overdue**' : '';
    lines.push(`- [ ] ${markdownText(action.text)} (${markdownText(action.owner ?? 'unassigned')}${action.due ? `, due ${markdownText(action.due)}` : ''}, from ${code(session.id)})${overdue}`);
  }

  const sessions = datedSessions(plan);
  const upcoming = sessions.filter((session) => (dayNumber(session.date) ?? 0) > today);
  const past = sessions.filter((session) => (dayNumber(session.date) ?? 0) <= today);
  lines.push('', '### Sessions', '');
  lines.push(`${past.length} held${upcoming.length ? `, next on ${markdownText(upcoming[0].date)} (${markdownText(upcoming[0].type ?? 'session')})` : ', none planned'}.`);
  // Ratings up to today: a planned session has none yet. A chart for Markdown that renders Mermaid, the same in words for the rest.
  const points = healthPoints(plan, options.today);
  if (points.length) {
    lines.push('', '### Relationship health', '', healthChart(points)!, '', ...healthText(points).map((line) => `- ${markdownText(line)}`));
  }
  return `${lines.join('\n')}\n`;
}

/** One goal's story: its criteria and milestones, the sessions that worked on it, the feedback about it. */
export function goalHistory(plan: Partial<Plan>, goalId: string): string | undefined {
  const goal = entryById(plan, 'goals', goalId)?.item;
  if (!goal) return undefined;
  const lines = [`## ${markdownText(goal.title)} (${code(goal.id)})`, '', `${markdownText(goal.kind ?? 'goal')} · ${markdownText(goal.status)}${goal.target ? ` · target ${markdownText(goal.target)}` : ''}`];
  if (goal.why) lines.push('', `Why it matters: ${markdownText(goal.why)}`);
  const list = (heading: string, items: string[]) => items.length && lines.push('', `### ${heading}`, '', ...items);
  list('Success looks like', (Array.isArray(goal.success) ? goal.success : []).map((criterion) => `- ${markdownText(criterion)}`));
  list('Milestones', (Array.isArray(goal.milestones) ? goal.milestones : []).map((milestone) => `- [${milestone?.done ? 'x' : ' '}] ${markdownText(milestone?.text)}`));
  const sessions = datedSessions(plan).filter((session: Partial<Session>) => Array.isArray(session.goals) && session.goals.includes(goalId));
  list(
    'Sessions',
    sessions.map((session) => `- ${markdownText(session.date)} ${markdownText(session.type ?? 'session')} (${code(session.id)})${session.notes ? `: ${markdownText(session.notes)}` : ''}`),
  );
  const feedback = entriesOf(plan, 'feedback')
    .map(({ item }) => item)
    .filter((entry) => entry.goal === goalId);
  list(
    'Feedforward',
    feedback.flatMap((entry) => (Array.isArray(entry.feedforward) ? entry.feedforward : []).map((text) => `- ${markdownText(entry.date)}, from the ${markdownText(entry.from)}: ${markdownText(text)}`)),
  );
  list('Evidence', (Array.isArray(goal.evidence) ? goal.evidence : []).map((link) => `- ${markdownText(link)}`));
  return `${lines.join('\n')}\n`;
}
