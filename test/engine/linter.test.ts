import { describe, expect, it } from 'vitest';
import { RuleContractError } from '../../src/engine/errors.js';
import { lintDeclarations } from '../../src/engine/linter.js';
import { defineRule, type Rule } from '../../src/engine/rule.js';
import { declarationFromSpec } from '../../src/engine/testing.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';

const form = declarationFromSpec({
  indicators: [
    ['产出指标', '数量指标', '培训人次', '≥500人次'],
    ['', '质量指标', '考核合格率', '≥95%'],
  ],
});

function run(rule: Rule<any, any>, severity: 'error' | 'warning' | 'info' = 'warning') {
  return lintDeclarations([form], { rules: [{ rule, severity, options: {} }], lexicon: defaultLexicon, profile: 'auto', locale: 'zh', file: 'a.xlsx' });
}

const meta = {
  category: 'naming' as const,
  defaultSeverity: 'warning' as const,
  recommended: false,
  docs: { description: { zh: '测试', en: 'test' } },
};

describe('the linter', () => {
  it('visits the form, every indicator, then the form again, and locates findings at cells', () => {
    const order: string[] = [];
    const rule = defineRule({
      meta: { ...meta, id: 'visit-order', messages: { seen: { zh: '看到“{name}”', en: 'saw {name}' } } },
      create(context) {
        return {
          declaration: () => order.push('declaration'),
          indicator(indicator) {
            order.push(indicator.name.text);
            context.report({ messageId: 'seen', data: { name: indicator.name.text } });
          },
          declarationExit: () => order.push('exit'),
        };
      },
    });
    const found = run(rule);
    expect(order).toEqual(['declaration', '培训人次', '考核合格率', 'exit']);
    expect(found.map((d) => [d.location.a1, d.location.sheet, d.message, d.severity, d.indicator?.level1, d.indicator?.level2])).toEqual([
      ['C12', 'Sheet1', '看到“培训人次”', 'warning', '产出指标', '数量指标'],
      ['C13', 'Sheet1', '看到“考核合格率”', 'warning', '产出指标', '质量指标'],
    ]);
    expect(found[0]!.location.file).toBe('a.xlsx');
  });

  it('renders messages in the run locale', () => {
    const rule = defineRule({
      meta: { ...meta, id: 'locale', messages: { m: { zh: '中文 {n}', en: 'English {n}' } } },
      create: (context) => ({ declaration: () => context.report({ messageId: 'm', data: { n: 1 } }) }),
    });
    const en = lintDeclarations([form], { rules: [{ rule, severity: 'info', options: {} }], lexicon: defaultLexicon, profile: 'auto', locale: 'en' });
    expect(en[0]!.message).toBe('English 1');
  });

  it('quotes long data by its first 119 characters plus …, never splitting a character outside the BMP', () => {
    const long = `${'建'.repeat(118)}𠀀仓库120平米`;
    const rule = defineRule({
      meta: { ...meta, id: 'quote', messages: { m: { zh: '“{name}”', en: '{name}' } } },
      create: (context) => ({ declaration: () => context.report({ messageId: 'm', data: { name: long, short: '培训人次' } }) }),
    });
    const [found] = lintDeclarations([form], { rules: [{ rule, severity: 'info', options: {} }], lexicon: defaultLexicon, profile: 'auto', locale: 'zh' });
    expect(found!.message).toBe(`“${'建'.repeat(118)}…”`);
    expect(found!.message).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(found!.data).toEqual({ name: long, short: '培训人次' }); // the data itself stays whole
  });

  it('refuses a fix from a rule that is not fixable', () => {
    const rule = defineRule({
      meta: { ...meta, id: 'sneaky-fix', messages: { m: { zh: 'x', en: 'x' } } },
      create: (context) => ({
        indicator: (i) => context.report({ messageId: 'm', fix: [{ sheet: 'Sheet1', a1: i.name.at!.a1, before: i.name.text, after: 'y' }] }),
      }),
    });
    expect(() => run(rule)).toThrow(RuleContractError);
    expect(() => run(rule)).toThrow(/sneaky-fix.*meta\.fixable/);
  });

  it('refuses suggestions from a rule without hasSuggestions, and malformed edits', () => {
    const suggests = defineRule({
      meta: { ...meta, id: 'sneaky-suggest', messages: { m: { zh: 'x', en: 'x' } } },
      create: (context) => ({ declaration: () => context.report({ messageId: 'm', suggest: [{ messageId: 'm', edits: [] }] }) }),
    });
    expect(() => run(suggests)).toThrow(/hasSuggestions/);
    const badEdit = {
      meta: { ...meta, id: 'bad-edit', fixable: true, messages: { m: { zh: 'x', en: 'x' } } },
      create: (context: { report: (d: unknown) => void }) => ({ declaration: () => context.report({ messageId: 'm', fix: [{ a1: 'A1' }] }) }),
    } as unknown as Rule;
    expect(() => run(badEdit)).toThrow(/sheet, a1, before, after/);
  });

  it('names the rule when it reports an undeclared messageId or throws', () => {
    const typo = { meta: { ...meta, id: 'typo-id', messages: { m: { zh: 'x', en: 'x' } } }, create: (c: { report: (d: unknown) => void }) => ({ declaration: () => c.report({ messageId: 'nope' }) }) } as unknown as Rule;
    expect(() => run(typo)).toThrow(/typo-id.*nope/);
    const throws = defineRule({
      meta: { ...meta, id: 'thrower', messages: { m: { zh: 'x', en: 'x' } } },
      create: () => ({
        indicator: () => {
          throw new TypeError('boom');
        },
      }),
    });
    expect(() => run(throws)).toThrow(/规则 thrower .*boom/);
  });

  it("moves a finding's own severity as the configured level moves the rule, within info…error", () => {
    const graded = defineRule({
      meta: { ...meta, id: 'graded', messages: { m: { zh: '{n}', en: '{n}' } } },
      create: (context) => ({
        declaration() {
          context.report({ messageId: 'm', data: { n: 'plain' } });
          context.report({ messageId: 'm', data: { n: 'heavy' }, severity: 'error' });
          context.report({ messageId: 'm', data: { n: 'light' }, severity: 'info' });
        },
      }),
    });
    const levels = (severity: 'error' | 'warning' | 'info') => run(graded, severity).map((d) => `${d.message}:${d.severity}`).sort();
    expect(levels('warning')).toEqual(['heavy:error', 'light:info', 'plain:warning']);
    expect(levels('info')).toEqual(['heavy:warning', 'light:info', 'plain:info']);
    expect(levels('error')).toEqual(['heavy:error', 'light:warning', 'plain:error']);
    const bad = { meta: { ...meta, id: 'bad-level', messages: { m: { zh: 'x', en: 'x' } } }, create: (c: { report: (d: unknown) => void }) => ({ declaration: () => c.report({ messageId: 'm', severity: 'fatal' }) }) } as unknown as Rule;
    expect(() => run(bad)).toThrow(/bad-level.*severity/);
  });
});
