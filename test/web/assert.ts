/**
 * The part of Node's `assert` (strict mode) the integration suites use, for
 * the web test bundle: a browser's Web Worker extension host has no `assert`
 * module. Aliased as `assert` by test/web/build.mjs.
 */
export class AssertionError extends Error {
  override name = 'AssertionError';
}

function show(v: unknown): string {
  try {
    return typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  } catch {
    return String(v);
  }
}

function fail(message: string | Error | undefined, fallback: string): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback);
}

/** Strict deep equality of the data the suites compare (primitives, arrays, plain objects, Object.is for leaves). */
export function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => isDeepStrictEqual(x, bb[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && isDeepStrictEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) fail(message, `expected a truthy value, got ${show(value)}`);
}
export function equal<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!Object.is(actual, expected)) fail(message, `expected ${show(expected)}, got ${show(actual)}`);
}
export function notEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected)) fail(message, `expected anything but ${show(expected)}`);
}
export function deepEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!isDeepStrictEqual(actual, expected)) fail(message, `expected ${show(expected)}, got ${show(actual)}`);
}
export function notDeepEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (isDeepStrictEqual(actual, expected)) fail(message, `expected anything but ${show(expected)}`);
}
export function match(actual: string, re: RegExp, message?: string | Error): void {
  if (!re.test(actual)) fail(message, `expected ${show(actual)} to match ${re}`);
}
export function doesNotMatch(actual: string, re: RegExp, message?: string | Error): void {
  if (re.test(actual)) fail(message, `expected ${show(actual)} not to match ${re}`);
}
export async function rejects(p: Promise<unknown> | (() => Promise<unknown>), message?: string | Error): Promise<void> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch {
    return;
  }
  fail(message, 'expected a rejection');
}
export function throws(f: () => unknown, message?: string | Error): void {
  try {
    f();
  } catch {
    return;
  }
  fail(message, 'expected an exception');
}

const api = {
  AssertionError, ok, equal, notEqual, deepEqual, notDeepEqual, match, doesNotMatch, rejects, throws,
  strictEqual: equal, notStrictEqual: notEqual, deepStrictEqual: deepEqual, notDeepStrictEqual: notDeepEqual,
};
export const strict = api;
export const strictEqual = equal;
export const notStrictEqual = notEqual;
export const deepStrictEqual = deepEqual;
export default api;
