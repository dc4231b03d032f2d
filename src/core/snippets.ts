// VS Code snippets for plan files and session notes, generated from the question bank at build
// time (esbuild.mjs writes dist/snippets/*.code-snippets), so the agendas in snippets cannot drift
// from the bank. Pure: no file access here, the build step does the writing.

import { stringify } from 'yaml';
import { defaultAgenda } from './agenda';
import type { SessionType } from './plan';
import { SESSION_TYPES } from './plan';
import { SESSION_TYPE_LABELS, STAGE_LABELS, questionsFor, stagesOf } from './questions';

/** One entry of a `.code-snippets` file. */
export interface VsCodeSnippet {
  prefix: string;
  body: string[];
  description: string;
}

/** Where in a plan a YAML snippet belongs: the list (or key) it is typed into. */
export type YamlSnippetTarget = 'sessions' | 'goals' | 'actions' | 'feedback' | 'agreement';

export interface YamlSnippetSpec {
  /** The snippet's name in the snippets file. */
  name: string;
  /** Where it is meant to be inserted; the body is written for the indentation of that spot. */
  target: YamlSnippetTarget;
  snippet: VsCodeSnippet;
}

// VS Code fills $CURRENT_* variables with today's date when the snippet is inserted.
const TODAY = '$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE';

/** Makes literal text safe inside a snippet body: $, } and \ are snippet syntax. */
function literal(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** A YAML scalar for a question: plain when YAML allows it, quoted otherwise (e.g. a ': ' inside). */
function yamlScalar(text: string): string {
  return stringify(text, { lineWidth: 0 }).trimEnd();
}

function sessionSnippet(type: SessionType): VsCodeSnippet {
  const agenda = defaultAgenda(type);
  const stages = stagesOf(type).map((stage) => STAGE_LABELS[stage].replace(/^GROW: /, '').toLowerCase());
  return {
    prefix: `mp-session-${type}`,
    body: [
      `- id: \${1:${type}-${TODAY}}`,
      `  date: \${2:${TODAY}}`,
      `  type: ${type}`,
      '  goals: [$3]',
      '  agenda:',
      ...agenda.map((question) => `    - ${literal(yamlScalar(question))}`),
      '  actions: []',
      '  health: {}',
      '$0',
    ],
    description: `${SESSION_TYPE_LABELS[type]} session (${stages.join(', ')}), with an agenda of open questions from the question bank.`,
  };
}

function goalSnippet(kind: 'objective' | 'stretch'): VsCodeSnippet {
  const stretch = kind === 'stretch';
  return {
    prefix: `mp-goal-${kind}`,
    body: [
      `- id: \${1:${stretch ? 'stretch-goal' : 'goal'}}`,
      `  title: \${2:${stretch ? 'Something beyond your current role' : 'What you want to reach, in a few words'}}`,
      `  kind: ${kind}`,
      `  why: \${3:${stretch ? 'Why it matters to you, and what makes it a stretch' : 'Why it matters to you'}}`,
      '  status: ${4|proposed,active|}',
      `  target: \${5:${TODAY}}`,
      '  success:',
      '    - ${6:How you will both know it is reached}',
      '  milestones:',
      '    - text: ${7:A first step you can take within a month}',
      '      done: false',
      '$0',
    ],
    description: stretch
      ? 'A stretch goal that reaches beyond what feels comfortable, with why, success criteria and milestones.'
      : 'An objective for the current role, with why, success criteria and milestones.',
  };
}

const ACTION: VsCodeSnippet = {
  prefix: 'mp-action',
  body: [
    '- text: ${1:What will be done before the next session}',
    '  owner: ${2|protege,mentor,both|}',
    `  due: \${3:${TODAY}}`,
    '  done: false',
    '$0',
  ],
  description: "An action for a session's actions list: who does what, by when.",
};

const FEEDBACK: VsCodeSnippet = {
  prefix: 'mp-feedback',
  body: [
    `- id: \${1:feedback-${TODAY}}`,
    `  date: \${2:${TODAY}}`,
    '  from: ${3|mentor,protege|}',
    '  situation: ${4:Where and when it happened}',
    '  behavior: ${5:What the person did, as an observer would describe it}',
    '  impact: ${6:The effect it had on people and on the work}',
    '  feedforward:',
    '    - ${7:A suggestion for next time}',
    '    - ${8:A second suggestion for next time}',
    '$0',
  ],
  description: 'Feedback written as situation, behaviour and impact, plus suggestions for the future (feedforward).',
};

const AGREEMENT: VsCodeSnippet = {
  prefix: 'mp-agreement',
  body: [
    'agreement:',
    '  roles:',
    '    mentor:',
    '      - ${1:Ask questions more than give answers}',
    '      - ${2:Come prepared and on time}',
    '    protege:',
    '      - ${3:Set the agenda and bring the questions}',
    '      - ${4:Follow through on agreed actions}',
    '  confidentiality: ${5:What we discuss stays between us, unless someone is at risk of harm. Private notes stay outside this repository.}',
    '  endWhen: ${6:The goals are met, the agreed end date arrives, or either of us asks for a no-fault conclusion.}',
    '$0',
  ],
  description: "The mentorship agreement: each person's commitments, confidentiality and how it ends.",
};

/** Every YAML snippet with where it belongs in a plan (tests splice each into a plan by this). */
export function yamlSnippetSpecs(): YamlSnippetSpec[] {
  return [
    ...SESSION_TYPES.map((type): YamlSnippetSpec => ({
      name: `Mentoring plan: ${SESSION_TYPE_LABELS[type].toLowerCase()} session`,
      target: 'sessions',
      snippet: sessionSnippet(type),
    })),
    { name: 'Mentoring plan: objective goal', target: 'goals', snippet: goalSnippet('objective') },
    { name: 'Mentoring plan: stretch goal', target: 'goals', snippet: goalSnippet('stretch') },
    { name: 'Mentoring plan: action', target: 'actions', snippet: ACTION },
    { name: 'Mentoring plan: feedback', target: 'feedback', snippet: FEEDBACK },
    { name: 'Mentoring plan: agreement', target: 'agreement', snippet: AGREEMENT },
  ];
}

/** The contents of the YAML `.code-snippets` file: name to snippet. */
export function buildYamlSnippets(): Record<string, VsCodeSnippet> {
  return Object.fromEntries(yamlSnippetSpecs().map((spec) => [spec.name, spec.snippet]));
}

function notesSnippet(type: SessionType): VsCodeSnippet {
  const body = [
    `# \${1:${literal(SESSION_TYPE_LABELS[type])}} · \${2:${TODAY}}`,
    '',
    '_Shared notes: both of you can read them. Private notes stay outside the repository._',
  ];
  let stop = 3;
  for (const stage of stagesOf(type)) {
    // The stage's core question leads; the rest of the stage's bank questions follow as prompts.
    const [core, ...more] = questionsFor(type, stage);
    body.push('', `## ${literal(STAGE_LABELS[stage])}`, '', `- **${literal(core!.text)}**`, `  \${${stop++}}`);
    if (more[0]) body.push(`- ${literal(more[0].text)}`);
  }
  body.push('', '## Actions', '', `- [ ] \${${stop++}:What, who, by when}`, '', '$0');
  return {
    prefix: `mp-notes-${type}`,
    body,
    description: `Free-form notes for a ${SESSION_TYPE_LABELS[type].toLowerCase()} session, headed by the question bank's questions for each stage.`,
  };
}

/** The contents of the Markdown `.code-snippets` file: one notes template per session type. */
export function buildMarkdownSnippets(): Record<string, VsCodeSnippet> {
  return Object.fromEntries(SESSION_TYPES.map((type) => [`Mentoring notes: ${SESSION_TYPE_LABELS[type].toLowerCase()}`, notesSnippet(type)]));
}
