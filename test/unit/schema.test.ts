// The schema pass of checkPlan against fixture files: valid plans are clean, and every kind of
// schema fault is reported in plain words at the exact spot a reader must look. Also holds the
// TypeScript types (src/core/plan.ts) and the editor help texts to the schema.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import schemaJson from '../../schemas/mentoring-plan.schema.json';
import { checkPlan } from '../../src/core/check';
import type { PlanIssue } from '../../src/core/issues';
import {
  ACTION_OWNERS,
  CADENCES,
  CLOSURE_OUTCOMES,
  FEEDBACK_SOURCES,
  GOAL_KINDS,
  GOAL_STATUSES,
  MENTORSHIP_STATUSES,
  SESSION_TYPES,
} from '../../src/core/plan';
import type { Action, Agreement, Closure, Feedback, Goal, HealthCheck, Mentorship, Milestone, Person, Plan, Session } from '../../src/core/plan';

const TODAY = '2026-01-06';
const ROOT = join(__dirname, '../../..');
const fixture = (name: string) => readFileSync(join(ROOT, 'test/fixtures/plans', name), 'utf8');

/** [line, character, endLine, endCharacter], 0-based as in the issue. */
type Span = [number, number, number, number];
const span = (issue: PlanIssue): Span => [issue.range.start.line, issue.range.start.character, issue.range.end.line, issue.range.end.character];

function schemaIssues(text: string): PlanIssue[] {
  return checkPlan(text, { today: TODAY }).issues.filter((issue) => issue.code === 'schema');
}

/** The one schema issue whose data.path is `path`; fails when there is none or more than one. */
function issueAt(issues: PlanIssue[], path: (string | number)[]): PlanIssue {
  const found = issues.filter((issue) => JSON.stringify(issue.data?.path) === JSON.stringify(path));
  assert.equal(found.length, 1, `expected one issue at ${JSON.stringify(path)}, got: ${JSON.stringify(issues.map((issue) => [issue.data?.path, issue.message]))}`);
  return found[0]!;
}

/** The text an issue's range covers, so a position can be read as what it points at. */
function covered(text: string, issue: PlanIssue): string {
  const lines = text.split('\n');
  assert.equal(issue.range.start.line, issue.range.end.line, 'single-line range expected');
  return lines[issue.range.start.line]!.slice(issue.range.start.character, issue.range.end.character);
}

describe('schema: valid plans', () => {
  it('gives no error for the example plan', () => {
    const text = readFileSync(join(ROOT, 'examples/alex-and-sam.mentoring.yaml'), 'utf8');
    const errors = checkPlan(text, { today: '2026-11-20' }).issues.filter((issue) => issue.severity === 'error');
    assert.deepEqual(errors, []);
  });

  it('gives no issue at all for a minimal plan', () => {
    const result = checkPlan(fixture('minimal.mentoring.yaml'), { today: '2026-01-06' });
    assert.deepEqual(result.issues, []);
    assert.equal(result.plan?.mentorship?.cadence, 'weekly');
  });
});

describe('schema: invalid fixtures', () => {
  it('points a wrong enum value at the value and lists the allowed values', () => {
    const text = fixture('invalid-enum.mentoring.yaml');
    const issues = schemaIssues(text);
    assert.equal(issues.length, 4);

    const cadence = issueAt(issues, ['mentorship', 'cadence']);
    assert.deepEqual(span(cadence), [7, 11, 7, 22]);
    assert.equal(covered(text, cadence), 'fortnightly');
    assert.equal(cadence.severity, 'error');
    assert.equal(cadence.message, '`mentorship.cadence` cannot be `fortnightly`; use one of: weekly, biweekly, monthly.');
    assert.deepEqual(cadence.data?.allowed, [...CADENCES]);

    const status = issueAt(issues, ['goals', 0, 'status']);
    assert.deepEqual(span(status), [16, 12, 16, 16]);
    assert.match(status.message, /cannot be `done`; use one of: proposed, active, at-risk, achieved, dropped\.$/);
    assert.deepEqual(status.data?.allowed, [...GOAL_STATUSES]);

    const type = issueAt(issues, ['sessions', 0, 'type']);
    assert.deepEqual(span(type), [21, 10, 21, 17]);
    assert.equal(covered(text, type), 'standup');
    assert.deepEqual(type.data?.allowed, [...SESSION_TYPES]);

    const owner = issueAt(issues, ['sessions', 0, 'actions', 0, 'owner']);
    assert.deepEqual(span(owner), [24, 15, 24, 19]);
    assert.equal(owner.message, '`sessions[0].actions[0].owner` cannot be `team`; use one of: mentor, protege, both.');
    assert.deepEqual(owner.data?.allowed, [...ACTION_OWNERS]);
  });

  it('points a missing required property at the key of the mapping that lacks it, or the first line of a list item', () => {
    const text = fixture('missing-required.mentoring.yaml');
    const issues = schemaIssues(text);
    assert.equal(issues.length, 4);

    const agreement = issueAt(issues, ['mentorship', 'agreement']);
    assert.deepEqual(span(agreement), [1, 0, 1, 10]);
    assert.equal(covered(text, agreement), 'mentorship');
    assert.equal(agreement.message, '`mentorship` is missing the required property `agreement`.');

    const name = issueAt(issues, ['mentorship', 'protege', 'name']);
    assert.deepEqual(span(name), [4, 2, 4, 9]);
    assert.equal(covered(text, name), 'protege');
    assert.equal(name.message, '`mentorship.protege` is missing the required property `name`.');

    // A list item has no key: its first line (after "- ") stands for it.
    const title = issueAt(issues, ['goals', 0, 'title']);
    assert.deepEqual(span(title), [9, 4, 9, 16]);
    assert.equal(covered(text, title), 'id: speak-up');
    assert.equal(title.message, 'Goal `speak-up` is missing the required property `title`.');

    // Without an id, the item is named by its number and path; the range starts after "-   ".
    const id = issueAt(issues, ['sessions', 0, 'id']);
    assert.deepEqual(span(id), [13, 6, 13, 22]);
    assert.equal(covered(text, id), 'date: 2026-01-05');
    assert.equal(id.message, 'Session #1 (`sessions[0]`) is missing the required property `id`.');
  });

  it('points a missing top-level property at the first line of the plan', () => {
    const issues = schemaIssues('# a plan\nschemaVersion: 1\n');
    assert.equal(issues.length, 1);
    assert.equal(issues[0]!.message, 'The plan is missing the required property `mentorship`.');
    assert.deepEqual(span(issues[0]!), [1, 0, 1, 16]);
  });

  it('points an unknown property at its key and names the allowed ones', () => {
    const text = fixture('unknown-property.mentoring.yaml');
    const issues = schemaIssues(text);
    assert.equal(issues.length, 3);

    const phone = issueAt(issues, ['mentorship', 'mentor', 'phone']);
    assert.deepEqual(span(phone), [4, 4, 4, 9]);
    assert.equal(covered(text, phone), 'phone');
    assert.equal(phone.message, 'Unknown property `phone` in `mentorship.mentor`. Allowed: name, github, email.');
    assert.deepEqual(phone.data?.allowed, ['name', 'github', 'email']);

    const priority = issueAt(issues, ['goals', 0, 'priority']);
    assert.deepEqual(span(priority), [19, 4, 19, 12]);
    assert.match(priority.message, /^Unknown property `priority` in goal `speak-up`\. Allowed: id, title, kind, why, status, target, success, milestones, evidence\.$/);

    const notes = issueAt(issues, ['privateNotes']);
    assert.deepEqual(span(notes), [20, 0, 20, 12]);
    assert.equal(notes.message, 'Unknown property `privateNotes` in the plan. Allowed: schemaVersion, mentorship, goals, sessions, feedback.');
  });

  it('reports wrong types at the value, saying what was expected and what was found', () => {
    const text = fixture('wrong-types.mentoring.yaml');
    const issues = schemaIssues(text);
    assert.equal(issues.length, 5);

    const version = issueAt(issues, ['schemaVersion']);
    assert.deepEqual(span(version), [0, 15, 0, 18]);
    assert.equal(covered(text, version), '"1"');
    assert.equal(version.message, '`schemaVersion` must be 1.');

    const mentor = issueAt(issues, ['mentorship', 'mentor']);
    assert.deepEqual(span(mentor), [2, 10, 2, 14]);
    assert.equal(mentor.message, '`mentorship.mentor` must be a mapping, not text `Alex`.');

    const roles = issueAt(issues, ['mentorship', 'agreement', 'roles', 'mentor']);
    assert.deepEqual(span(roles), [9, 14, 9, 27]);
    assert.equal(roles.message, '`mentorship.agreement.roles.mentor` must be a list, not text `Ask questions`.');

    // A block mapping where a list belongs: its key stands for it.
    const goals = issueAt(issues, ['goals']);
    assert.deepEqual(span(goals), [12, 0, 12, 5]);
    assert.equal(goals.message, '`goals` must be a list, not a mapping.');

    const done = issueAt(issues, ['sessions', 0, 'actions', 0, 'done']);
    assert.deepEqual(span(done), [20, 14, 20, 17]);
    assert.equal(done.message, '`sessions[0].actions[0].done` must be true or false, not text `yes`.');
  });

  it('reports dates not written YYYY-MM-DD at the value', () => {
    const text = fixture('bad-dates.mentoring.yaml');
    const issues = schemaIssues(text);
    assert.equal(issues.length, 4);

    const started = issueAt(issues, ['mentorship', 'started']);
    assert.deepEqual(span(started), [6, 11, 6, 19]);
    assert.equal(started.message, '`mentorship.started` must be a date written YYYY-MM-DD, not `2026-1-5`.');

    const expectedEnd = issueAt(issues, ['mentorship', 'expectedEnd']);
    assert.deepEqual(span(expectedEnd), [7, 15, 7, 25]);
    assert.equal(covered(text, expectedEnd), '05/07/2026');

    const month13 = issueAt(issues, ['sessions', 0, 'date']);
    assert.deepEqual(span(month13), [16, 10, 16, 20]);
    assert.equal(month13.message, '`sessions[0].date` must be a date written YYYY-MM-DD, not `2026-13-01`.');

    const number = issueAt(issues, ['sessions', 1, 'date']);
    assert.deepEqual(span(number), [18, 10, 18, 18]);
    assert.equal(number.message, '`sessions[1].date` must be text, not the number 20260112.');
  });

  // Regression (found by these tests): the date pattern only checks 01-31 for the day, so a day that no calendar has passes the
  // schema, and the rules then silently read 2026-02-30 as 2026-03-02.
  it('reports a date that does not exist (2026-02-30)', () => {
    const text = fixture('minimal.mentoring.yaml').replace('started: 2026-01-05', 'started: 2026-02-30');
    const issues = schemaIssues(text);
    assert.equal(issues.length, 1);
    assert.deepEqual(span(issues[0]!), [6, 11, 6, 21]);
    assert.match(issues[0]!.message, /`mentorship\.started`/);
  });

  it('reports ids that are not kebab-case at the value', () => {
    const text = fixture('bad-ids.mentoring.yaml');
    const issues = schemaIssues(text);
    assert.equal(issues.length, 3);

    const goal = issueAt(issues, ['goals', 0, 'id']);
    assert.deepEqual(span(goal), [14, 8, 14, 16]);
    assert.equal(goal.message, '`goals[0].id` must be a kebab-case id (lowercase letters, digits and single dashes, like `public-speaking`), not `Speak_Up`.');

    const double = issueAt(issues, ['sessions', 0, 'id']);
    assert.deepEqual(span(double), [20, 8, 20, 22]);
    assert.match(double.message, /must be a kebab-case id .* not `first--session`\.$/);

    // Quoted value: the range covers the quotes, the message the value.
    const spaced = issueAt(issues, ['sessions', 1, 'id']);
    assert.deepEqual(span(spaced), [22, 8, 22, 19]);
    assert.equal(covered(text, spaced), '"two words"');
    assert.match(spaced.message, /not `two words`\.$/);
  });

  it('reports health scores outside 1 to 5, and fractions', () => {
    const text = fixture('health-range.mentoring.yaml');
    const issues = schemaIssues(text);
    assert.equal(issues.length, 3);

    const low = issueAt(issues, ['sessions', 0, 'health', 'mentor']);
    assert.deepEqual(span(low), [17, 14, 17, 15]);
    assert.equal(low.message, '`sessions[0].health.mentor` must be between 1 and 5.');

    const high = issueAt(issues, ['sessions', 0, 'health', 'protege']);
    assert.deepEqual(span(high), [18, 15, 18, 16]);
    assert.equal(high.message, '`sessions[0].health.protege` must be between 1 and 5.');

    const fraction = issueAt(issues, ['sessions', 1, 'health', 'mentor']);
    assert.deepEqual(span(fraction), [22, 14, 22, 17]);
    assert.equal(fraction.message, '`sessions[1].health.mentor` must be a whole number, not the number 3.5.');
  });

  it('reports an empty feedforward list, and blank or empty suggestions, once each', () => {
    const text = fixture('empty-feedforward.mentoring.yaml');
    const issues = schemaIssues(text);
    assert.equal(issues.length, 3);

    const empty = issueAt(issues, ['feedback', 0, 'feedforward']);
    assert.deepEqual(span(empty), [17, 17, 17, 19]);
    assert.equal(covered(text, empty), '[]');
    assert.equal(empty.message, '`feedback[0].feedforward` needs at least 1 entry.');

    const blank = issueAt(issues, ['feedback', 1, 'feedforward', 0]);
    assert.deepEqual(span(blank), [22, 8, 22, 13]);
    assert.equal(blank.message, '`feedback[1].feedforward[0]` must not be blank.');

    const emptyString = issueAt(issues, ['feedback', 2, 'feedforward', 0]);
    assert.deepEqual(span(emptyString), [27, 8, 27, 10]);
    assert.equal(emptyString.message, '`feedback[2].feedforward[0]` must not be empty.');
  });
});

// ---- The TypeScript types agree with the schema ----------------------------------------------

interface SchemaNode {
  $ref?: string;
  description?: string;
  type?: string;
  enum?: unknown[];
  markdownEnumDescriptions?: string[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  definitions?: Record<string, SchemaNode>;
  [key: string]: unknown;
}

const schema = schemaJson as unknown as SchemaNode;

function deref(node: SchemaNode): SchemaNode {
  if (!node.$ref) return node;
  const match = /^#\/definitions\/(.+)$/.exec(node.$ref);
  assert.ok(match, `unsupported $ref ${node.$ref}`);
  const target = schema.definitions?.[match[1]!];
  assert.ok(target, `dangling $ref ${node.$ref}`);
  return deref(target);
}

/** The schema node at a path of property names; `[]` steps into array items. */
function schemaAt(...path: string[]): SchemaNode {
  let node = deref(schema);
  for (const part of path) {
    node = deref(part === '[]' ? node.items! : node.properties![part]!);
    assert.ok(node, `no schema at ${path.join('.')}`);
  }
  return node;
}

/** Keys of T that are not optional: the compiler derives them, so the key lists below cannot drift. */
type RequiredKeys<T> = { [K in keyof T]-?: Record<string, never> extends Pick<T, K> ? never : K }[keyof T];

// `satisfies Record<keyof X, true>` fails to compile when X gains or loses a property.
const PLAN_KEYS = { schemaVersion: true, mentorship: true, goals: true, sessions: true, feedback: true } satisfies Record<keyof Plan, true>;
const PLAN_REQUIRED = { schemaVersion: true, mentorship: true } satisfies Record<RequiredKeys<Plan>, true>;
const PERSON_KEYS = { name: true, github: true, email: true } satisfies Record<keyof Person, true>;
const PERSON_REQUIRED = { name: true } satisfies Record<RequiredKeys<Person>, true>;
const MENTORSHIP_KEYS = { title: true, mentor: true, protege: true, started: true, expectedEnd: true, cadence: true, status: true, agreement: true, closure: true } satisfies Record<keyof Mentorship, true>;
const MENTORSHIP_REQUIRED = { mentor: true, protege: true, started: true, cadence: true, agreement: true } satisfies Record<RequiredKeys<Mentorship>, true>;
const AGREEMENT_KEYS = { roles: true, confidentiality: true, endWhen: true } satisfies Record<keyof Agreement, true>;
const AGREEMENT_REQUIRED = { roles: true, confidentiality: true } satisfies Record<RequiredKeys<Agreement>, true>;
const ROLES_KEYS = { mentor: true, protege: true } satisfies Record<keyof Agreement['roles'], true>;
const ROLES_REQUIRED = { mentor: true, protege: true } satisfies Record<RequiredKeys<Agreement['roles']>, true>;
const CLOSURE_KEYS = { date: true, outcome: true, retrospective: true } satisfies Record<keyof Closure, true>;
const GOAL_KEYS = { id: true, title: true, kind: true, why: true, status: true, target: true, success: true, milestones: true, evidence: true } satisfies Record<keyof Goal, true>;
const GOAL_REQUIRED = { id: true, title: true, status: true } satisfies Record<RequiredKeys<Goal>, true>;
const MILESTONE_KEYS = { text: true, done: true } satisfies Record<keyof Milestone, true>;
const MILESTONE_REQUIRED = { text: true } satisfies Record<RequiredKeys<Milestone>, true>;
const SESSION_KEYS = { id: true, date: true, type: true, goals: true, agenda: true, notes: true, actions: true, health: true } satisfies Record<keyof Session, true>;
const SESSION_REQUIRED = { id: true, date: true } satisfies Record<RequiredKeys<Session>, true>;
const ACTION_KEYS = { text: true, owner: true, due: true, done: true } satisfies Record<keyof Action, true>;
const ACTION_REQUIRED = { text: true } satisfies Record<RequiredKeys<Action>, true>;
const HEALTH_KEYS = { mentor: true, protege: true, note: true } satisfies Record<keyof HealthCheck, true>;
const FEEDBACK_KEYS = { id: true, date: true, from: true, goal: true, session: true, situation: true, behavior: true, impact: true, feedforward: true } satisfies Record<keyof Feedback, true>;
const FEEDBACK_REQUIRED = { id: true, date: true, from: true, feedforward: true } satisfies Record<RequiredKeys<Feedback>, true>;
// Closure and HealthCheck have no required keys; the compiler checks that too.
const NONE = {} satisfies Record<RequiredKeys<Closure> | RequiredKeys<HealthCheck>, true>;

const sorted = (keys: object | string[] | undefined) => (Array.isArray(keys) ? [...keys] : Object.keys(keys ?? {})).sort();

describe('schema and TypeScript types', () => {
  const interfaces: [string, string[], object, object][] = [
    ['Plan', [], PLAN_KEYS, PLAN_REQUIRED],
    ['Person (mentor)', ['mentorship', 'mentor'], PERSON_KEYS, PERSON_REQUIRED],
    ['Person (protege)', ['mentorship', 'protege'], PERSON_KEYS, PERSON_REQUIRED],
    ['Mentorship', ['mentorship'], MENTORSHIP_KEYS, MENTORSHIP_REQUIRED],
    ['Agreement', ['mentorship', 'agreement'], AGREEMENT_KEYS, AGREEMENT_REQUIRED],
    ['Agreement.roles', ['mentorship', 'agreement', 'roles'], ROLES_KEYS, ROLES_REQUIRED],
    ['Closure', ['mentorship', 'closure'], CLOSURE_KEYS, NONE],
    ['Goal', ['goals', '[]'], GOAL_KEYS, GOAL_REQUIRED],
    ['Milestone', ['goals', '[]', 'milestones', '[]'], MILESTONE_KEYS, MILESTONE_REQUIRED],
    ['Session', ['sessions', '[]'], SESSION_KEYS, SESSION_REQUIRED],
    ['Action', ['sessions', '[]', 'actions', '[]'], ACTION_KEYS, ACTION_REQUIRED],
    ['HealthCheck', ['sessions', '[]', 'health'], HEALTH_KEYS, NONE],
    ['Feedback', ['feedback', '[]'], FEEDBACK_KEYS, FEEDBACK_REQUIRED],
  ];

  for (const [name, path, keys, required] of interfaces) {
    it(`${name} has exactly the schema's properties, and the same ones required`, () => {
      const node = schemaAt(...path);
      assert.equal(node.type, 'object');
      assert.equal(node.additionalProperties, false, `${name} must not allow unknown properties`);
      assert.deepEqual(sorted(keys), sorted(node.properties), name);
      assert.deepEqual(sorted(required), sorted(node.required), `${name} required`);
    });
  }

  const enums: [string, readonly string[], string[]][] = [
    ['CADENCES', CADENCES, ['mentorship', 'cadence']],
    ['MENTORSHIP_STATUSES', MENTORSHIP_STATUSES, ['mentorship', 'status']],
    ['CLOSURE_OUTCOMES', CLOSURE_OUTCOMES, ['mentorship', 'closure', 'outcome']],
    ['GOAL_KINDS', GOAL_KINDS, ['goals', '[]', 'kind']],
    ['GOAL_STATUSES', GOAL_STATUSES, ['goals', '[]', 'status']],
    ['SESSION_TYPES', SESSION_TYPES, ['sessions', '[]', 'type']],
    ['ACTION_OWNERS', ACTION_OWNERS, ['sessions', '[]', 'actions', '[]', 'owner']],
    ['FEEDBACK_SOURCES', FEEDBACK_SOURCES, ['feedback', '[]', 'from']],
  ];

  for (const [name, values, path] of enums) {
    it(`${name} equals the schema's enum at ${path.join('.')}`, () => {
      assert.deepEqual([...values], schemaAt(...path).enum);
    });
  }

  it('has a constant for every enum in the schema', () => {
    const found: string[] = [];
    walk(schema, (node) => {
      if (node.enum) found.push(JSON.stringify(node.enum));
    });
    const known = new Set(enums.map(([, values]) => JSON.stringify(values)));
    assert.equal(found.length, enums.length);
    for (const values of found) assert.ok(known.has(values), `no constant in plan.ts for the enum ${values}`);
  });

  it('schemaVersion is the constant 1 in both', () => {
    const version: Plan['schemaVersion'] = 1;
    assert.equal(schemaAt('schemaVersion').const, version);
  });
});

// ---- Editor help texts ---------------------------------------------------------------------------

/** Visits every schema object in the file, definitions included, with its location. */
function walk(node: unknown, visit: (node: SchemaNode, where: string) => void, where = '#'): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    node.forEach((item, index) => walk(item, visit, `${where}/${index}`));
    return;
  }
  visit(node as SchemaNode, where);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'enum' || key === 'markdownEnumDescriptions' || key === 'required') continue;
    walk(value, visit, `${where}/${key}`);
  }
}

/** A property's own description, or that of the definition it refers to. */
function descriptionOf(node: SchemaNode): string | undefined {
  if (node.description) return node.description;
  return node.$ref ? descriptionOf(schemaRef(node.$ref)) : undefined;
}

function schemaRef(ref: string): SchemaNode {
  return schema.definitions![ref.replace('#/definitions/', '')]!;
}

describe('schema help texts', () => {
  it('describes every property (a $ref to a described definition counts)', () => {
    const undescribed: string[] = [];
    let count = 0;
    walk(schema, (node, where) => {
      for (const [name, property] of Object.entries(node.properties ?? {})) {
        count++;
        const description = descriptionOf(property);
        if (!description || description.trim() === '') undescribed.push(`${where}/properties/${name}`);
      }
    });
    assert.ok(count >= 50, `walked only ${count} properties`);
    assert.deepEqual(undescribed, []);
  });

  it('gives every enum markdownEnumDescriptions, one per value', () => {
    let count = 0;
    walk(schema, (node, where) => {
      if (!node.enum) return;
      count++;
      assert.ok(Array.isArray(node.markdownEnumDescriptions), `${where} has no markdownEnumDescriptions`);
      assert.equal(node.markdownEnumDescriptions.length, node.enum.length, where);
      for (const text of node.markdownEnumDescriptions) assert.ok(text.trim().length > 0, `${where} has a blank description`);
    });
    assert.equal(count, 8);
  });
});
