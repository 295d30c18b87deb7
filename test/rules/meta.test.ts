import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkRuleContract } from '../../src/engine/plugins.js';
import { builtinRegistry, builtinRules } from '../../rules/index.js';

/**
 * The rule contract, checked for every built-in rule: one rule = one id = rules/<id>.ts +
 * rules/<id>.md + test/rules/<id>.test.ts; every message used; every option documented.
 */
const rulesDir = fileURLToPath(new URL('../../rules/', import.meta.url));
const testsDir = fileURLToPath(new URL('./', import.meta.url));
const ruleFiles = readdirSync(rulesDir).filter((f) => f.endsWith('.ts') && f !== 'index.ts');

describe('rule contract', () => {
  it('every rules/*.ts file is registered, and ids are unique', () => {
    expect(ruleFiles.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...builtinRegistry.keys()].sort());
    expect(builtinRegistry.size).toBe(builtinRules.length);
  });

  for (const rule of builtinRules) {
    const { meta } = rule;
    describe(meta.id, () => {
      const own = readFileSync(`${rulesDir}${meta.id}.ts`, 'utf8');
      // Shared helpers in rules/support/ may report for the rule (e.g. moveSuggestion): count their text too.
      const supports = [...own.matchAll(/from '\.\/support\/([\w-]+)\.js'/g)].map((m) => readFileSync(`${rulesDir}support/${m[1]}.ts`, 'utf8'));
      const source = [own, ...supports].join('\n');
      const docPath = `${rulesDir}${meta.id}.md`;
      const doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '';

      it('passes the contract plugins are held to', () => {
        expect(() => checkRuleContract(rule, 'builtin')).not.toThrow();
      });

      it('has a doc page with its id, examples both ways, and its false-positive risks', () => {
        expect(doc, `rules/${meta.id}.md`).not.toBe('');
        expect(doc.split('\n')[0]).toMatch(new RegExp(`^# ${meta.id} — `));
        expect(doc).toMatch(/反例/);
        expect(doc).toMatch(/正例/);
        expect(doc).toMatch(/误报/);
        expect(doc).toMatch(/## 为什么/);
        if (meta.fixable) expect(doc).toMatch(/\| 自动修复 \|[\s\S]*\| 是 \|/);
      });

      it('has tests', () => {
        expect(existsSync(`${testsDir}${meta.id}.test.ts`)).toBe(true);
      });

      it('uses every messageId it declares', () => {
        for (const id of Object.keys(meta.messages)) expect(source, `messageId ${id}`).toMatch(new RegExp(`['"]${id}['"]`));
      });

      it('documents every option, and its defaults satisfy its schema', () => {
        const properties = Object.keys((meta.schema?.properties as Record<string, unknown> | undefined) ?? {});
        for (const option of properties) expect(doc, `option ${option}`).toContain(`\`${option}\``);
        for (const key of Object.keys((meta.defaultOptions as object | undefined) ?? {})) expect(properties).toContain(key);
      });

      it('has bilingual messages and description', () => {
        expect(meta.docs.description.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(meta.docs.description.en).toMatch(/[a-z]/i);
        for (const m of Object.values(meta.messages) as { zh: string; en: string }[]) {
          expect(m.zh).toMatch(/[\u4e00-\u9fff]/);
          // Every placeholder of the Chinese text is in the English one too.
          expect(new Set(m.en.match(/\{\w+\}/g) ?? [])).toEqual(new Set(m.zh.match(/\{\w+\}/g) ?? []));
        }
      });
    });
  }
});
