import { afterEach, expect } from 'vitest';

/**
 * Runs around every test of every file: no test may leave a built-in prototype changed. A reader
 * or rule that lets a crafted file plant `polluted` on Object.prototype fails the test that did it.
 */
const GUARDED: [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
];

const snapshot = () =>
  Object.fromEntries(GUARDED.map(([name, proto]) => [name, Reflect.ownKeys(proto).map(String).sort().join(' ') + (Object.isExtensible(proto) ? '' : ' [sealed]')]));

const before = snapshot();

afterEach(() => {
  expect(snapshot(), 'a test changed a built-in prototype').toEqual(before);
});
