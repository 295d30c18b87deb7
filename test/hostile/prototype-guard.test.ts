import { describe, expect, it } from 'vitest';
import { prototypeSnapshot } from '../setup/prototypes.js';

describe('the prototype guard (test/setup/prototype-guard.ts)', () => {
  it('sees a property planted on Object.prototype, the way a polluting parser would plant it', () => {
    const before = prototypeSnapshot();
    const target: Record<string, unknown> = JSON.parse('{"__proto__": {"polluted": true}}');
    Object.assign(Object.getPrototypeOf({}) as object, target['__proto__'] as object);
    try {
      expect(prototypeSnapshot()).not.toEqual(before);
      expect(prototypeSnapshot()['Object.prototype']).toContain('polluted');
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
    expect(prototypeSnapshot()).toEqual(before);
  });
});
