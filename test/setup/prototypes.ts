/** The built-in prototypes a crafted file could pollute, and a snapshot of their own keys. */
const GUARDED: [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
];

export function prototypeSnapshot(): Record<string, string> {
  return Object.fromEntries(GUARDED.map(([name, proto]) => [name, Reflect.ownKeys(proto).map(String).sort().join(' ') + (Object.isExtensible(proto) ? '' : ' [sealed]')]));
}
