// The few assertions the web tests need. node:assert is a Node built-in and cannot be bundled for
// the web worker; failures name what was expected and what was found, as node:assert would.

export function fail(message: string): never {
  throw new Error(message);
}

export function ok(value: unknown, message: string): asserts value {
  if (!value) fail(message);
}

export function equal<T>(actual: T, expected: T, what: string): void {
  if (!Object.is(actual, expected)) fail(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** Structural equality through JSON (the values compared here are plain data). */
export function deepEqual(actual: unknown, expected: unknown, what: string): void {
  const [a, e] = [JSON.stringify(actual), JSON.stringify(expected)];
  if (a !== e) fail(`${what}:\n  expected ${e}\n  got      ${a}`);
}

export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
