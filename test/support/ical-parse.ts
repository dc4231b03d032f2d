// A small, strict reader of iCalendar text (RFC 5545) for the tests: it unfolds lines, checks
// that every line ends with CRLF and is at most 75 octets, that components nest, and unescapes
// TEXT values. It reads what the calendar export writes back into plain objects.
import * as assert from 'node:assert/strict';

export interface ICalProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}
export interface ICalComponent {
  name: string;
  properties: ICalProperty[];
  components: ICalComponent[];
}

export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

export function parseICalendar(text: string): ICalComponent {
  assert.ok(text.endsWith('\r\n'), 'the text ends with CRLF');
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    assert.ok(!line.includes('\n') && !line.includes('\r'), `a bare line break in ${JSON.stringify(line)}`);
    assert.ok(new TextEncoder().encode(line).length <= 75, `a line longer than 75 octets: ${JSON.stringify(line)}`);
  }
  const lines: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      assert.ok(lines.length > 0, 'a continuation line first');
      lines[lines.length - 1] += line.slice(1);
    } else lines.push(line);
  }
  const stack: ICalComponent[] = [];
  let root: ICalComponent | undefined;
  for (const line of lines) {
    const match = /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=[^;:]*)*):([\s\S]*)$/.exec(line);
    assert.ok(match, `not a content line: ${JSON.stringify(line)}`);
    const [, name, paramText, value] = match;
    const params = Object.fromEntries(paramText.split(';').filter(Boolean).map((param) => param.split('=') as [string, string]));
    if (name === 'BEGIN') {
      const component: ICalComponent = { name: value, properties: [], components: [] };
      if (stack.length) stack[stack.length - 1].components.push(component);
      else {
        assert.equal(root, undefined, 'one calendar per text');
        root = component;
      }
      stack.push(component);
    } else if (name === 'END') {
      assert.equal(stack.pop()?.name, value, `END:${value} closes another component`);
    } else {
      assert.ok(stack.length, `${name} outside any component`);
      stack[stack.length - 1].properties.push({ name, params, value });
    }
  }
  assert.equal(stack.length, 0, 'an unclosed component');
  assert.ok(root, 'no calendar');
  return root;
}

/** One property's value (TEXT unescaped for SUMMARY, DESCRIPTION, CATEGORIES). */
export function prop(component: ICalComponent, name: string): string | undefined {
  const found = component.properties.find((p) => p.name === name);
  if (!found) return undefined;
  return ['SUMMARY', 'DESCRIPTION', 'CATEGORIES'].includes(name) ? unescapeText(found.value) : found.value;
}
