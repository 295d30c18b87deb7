import type { AnyRule } from '../src/engine/rule.js';
import levelNameValid from './level-name-valid.js';
import nameStrayPrefix from './name-stray-prefix.js';
import valueOperatorNormalize from './value-operator-normalize.js';

/**
 * Every built-in rule. One rule = one id = rules/<id>.ts + rules/<id>.md + test/rules/<id>.test.ts
 * (test/rules/meta.test.ts checks it).
 */
export const builtinRules: readonly AnyRule[] = [levelNameValid, nameStrayPrefix, valueOperatorNormalize];

export const builtinRegistry: ReadonlyMap<string, AnyRule> = new Map(builtinRules.map((rule) => [rule.meta.id, rule]));
