import { describe, expect, it } from 'vitest';
import type { AnyRule } from '../../src/engine/rule.js';
import { compareDiagnostics, lintWithRule, type RuleTestCases } from '../../src/engine/testing.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';

/**
 * Runs a rule's valid and invalid cases: each case is a form written as data, read by the real
 * reader, linted with the rule alone. Valid cases must give no finding; invalid cases exactly the
 * findings listed (message, cell, data, fix, suggestions).
 */
export function testRule(rule: AnyRule, cases: RuleTestCases): void {
  describe(rule.meta.id, () => {
    describe('valid', () => {
      cases.valid.forEach((c, i) => {
        const form = 'form' in c ? c.form : c;
        const options = 'form' in c ? c.options : undefined;
        const profile = 'form' in c ? c.profile : undefined;
        const name = ('form' in c && c.name) || `valid #${i + 1}: ${form.indicators.map((r) => r[2]).filter(Boolean).join('、').slice(0, 40)}`;
        it(name, () => {
          const found = lintWithRule(rule, form, { lexicon: defaultLexicon, options, ...(profile ? { profile } : {}) });
          expect(found.map((d) => `${d.location.a1}: ${d.message}`)).toEqual([]);
        });
      });
    });
    describe('invalid', () => {
      cases.invalid.forEach((c, i) => {
        it(c.name ?? `invalid #${i + 1}`, () => {
          const found = lintWithRule(rule, c.form, { lexicon: defaultLexicon, options: c.options, ...(c.profile ? { profile: c.profile } : {}) });
          expect(compareDiagnostics(found, c.errors)).toEqual([]);
        });
      });
    });
  });
}
