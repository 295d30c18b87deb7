import { afterEach, expect } from 'vitest';
import { prototypeSnapshot } from './prototypes.js';

/**
 * Runs around every test of every file: no test may leave a built-in prototype changed. A reader
 * or rule that lets a crafted file plant `polluted` on Object.prototype fails the test that did it.
 */
const before = prototypeSnapshot();

afterEach(() => {
  expect(prototypeSnapshot(), 'a test changed a built-in prototype').toEqual(before);
});
