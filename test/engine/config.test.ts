import { describe, expect, it } from 'vitest';
import { buildConfigSchema, enableRules, presetConfig, resolveConfig, validateConfig, type ConfigLayer } from '../../src/engine/config.js';
import { ConfigError } from '../../src/engine/errors.js';
import { builtinRegistry } from '../../rules/index.js';
import { lexiconAdditionsRef } from '../../rules/lexicon/schema.js';

const schema = buildConfigSchema(builtinRegistry, lexiconAdditionsRef);
const validate = (data: unknown) => validateConfig(data, 'jxlint.config.json', builtinRegistry, schema);

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('config validation', () => {
  it('accepts severities, [severity] and [severity, options]', () => {
    expect(() => validate({ extends: 'jxlint:recommended', profile: 'legacy', rules: { 'level-name-valid': 'off', 'name-stray-prefix': ['warn', { stripStars: true }], 'value-operator-normalize': ['error'] } })).not.toThrow();
  });

  it('names the path to the bad key, in Chinese', () => {
    expect(messageOf(() => validate({ rules: { 'level-name-valid': 'warning' } }))).toMatch(/jxlint\.config\.json 有误：rules\.level-name-valid /);
    expect(messageOf(() => validate({ rules: { 'name-stray-prefix': ['warn', { stripStars: 'yes' }] } }))).toMatch(/rules\.name-stray-prefix\[1\]\.stripStars 类型应为布尔值/);
    expect(messageOf(() => validate({ profil: 'auto' }))).toMatch(/profil 不认识的字段“profil”/);
    expect(messageOf(() => validate({ profile: '2020' }))).toMatch(/profile 应为以下之一：auto、2021、legacy/);
    expect(messageOf(() => validate({ overrides: [{ rules: {} }] }))).toMatch(/overrides\[0\] 缺少必填字段“files”/);
  });

  it('rejects an unknown rule and suggests the close one', () => {
    expect(messageOf(() => validate({ rules: { 'level-name-vaild': 'off' } }))).toMatch(/不认识的规则“level-name-vaild”（是不是想写“level-name-valid”？）/);
    expect(messageOf(() => validate({ overrides: [{ files: '*.xls', rules: { 'my-org/x': 'warn' } }] }))).toMatch(/overrides\[0\]\.rules\.my-org\/x .*plugins/);
  });
});

describe('config resolution', () => {
  const layer = (data: ConfigLayer['data'], dir = '/forms', source = '/forms/jxlint.config.json'): ConfigLayer => ({ data, dir, source });

  it('merges extends in order; a severity alone keeps options set earlier', () => {
    const resolved = resolveConfig(
      [
        layer(presetConfig('jxlint:recommended', builtinRegistry)!, '', 'jxlint:recommended'),
        layer({ rules: { 'name-stray-prefix': ['warn', { stripStars: true }] } }, '/shared', '/shared/base.json'),
        layer({ rules: { 'name-stray-prefix': 'error', 'level-name-valid': 'off' } }),
      ],
      (l) => (l.dir ? 'a/form.xlsx' : undefined),
    );
    expect(resolved.rules['name-stray-prefix']).toEqual({ severity: 'error', options: { stripStars: true } });
    expect(resolved.rules['level-name-valid']).toEqual({ severity: 'off' });
    expect(resolved.sources).toEqual(['jxlint:recommended', '/shared/base.json', '/forms/jxlint.config.json']);
  });

  it('applies overrides whose files match the path relative to the config, except excludedFiles', () => {
    const layers = [layer({ profile: 'auto', overrides: [{ files: ['legacy/**/*.xls'], excludedFiles: '**/draft-*.xls', profile: 'legacy', rules: { 'level-name-valid': 'warn' } }] })];
    expect(resolveConfig(layers, () => 'legacy/2016/a.xls')).toMatchObject({ profile: 'legacy', rules: { 'level-name-valid': { severity: 'warn' } } });
    expect(resolveConfig(layers, () => 'legacy/2016/draft-a.xls').profile).toBe('auto');
    expect(resolveConfig(layers, () => 'new/a.xlsx').profile).toBe('auto');
  });

  it('presets: recommended takes recommended rules at their defaults; strict takes every rule and raises info to warn', () => {
    const recommended = presetConfig('jxlint:recommended', builtinRegistry)!.rules!;
    const strict = presetConfig('jxlint:strict', builtinRegistry)!.rules!;
    for (const [id, rule] of builtinRegistry) {
      if (rule.meta.recommended) expect(recommended[id]).toBe({ error: 'error', warning: 'warn', info: 'info' }[rule.meta.defaultSeverity]);
      expect(strict[id]).toBe(rule.meta.defaultSeverity === 'error' ? 'error' : 'warn');
    }
    expect(presetConfig('jxlint:nope', builtinRegistry)).toBeUndefined();
  });
});

describe('enabling rules', () => {
  it('fills option defaults, drops rules that are off, applies --rule', () => {
    const enabled = enableRules(
      { profile: 'auto', rules: { 'name-stray-prefix': { severity: 'warn' }, 'level-name-valid': { severity: 'off' } }, lexicon: [], plugins: [], sources: [] },
      builtinRegistry,
      [{ id: 'value-operator-normalize', severity: 'error' }],
    );
    expect(enabled.map((e) => [e.rule.meta.id, e.severity, e.options])).toEqual([
      ['name-stray-prefix', 'warning', { stripStars: false }],
      ['value-operator-normalize', 'error', {}],
    ]);
  });

  it('rejects an unknown --rule id', () => {
    expect(messageOf(() => enableRules({ profile: 'auto', rules: {}, lexicon: [], plugins: [], sources: [] }, builtinRegistry, [{ id: 'nope', severity: 'warn' }]))).toMatch(/--rule nope/);
  });
});

describe('the generated config schema', () => {
  it('describes every rule with its description and option schema, for editor completion', () => {
    const rules = (schema.properties as Record<string, { properties: Record<string, { description: string; oneOf: { items?: unknown[] }[] }> }>).rules;
    for (const [id, rule] of builtinRegistry) {
      expect(rules.properties[id]!.description).toContain(rule.meta.docs.description.zh);
      const withOptions = rules.properties[id]!.oneOf[2]!.items![1];
      expect(withOptions).toEqual(rule.meta.schema ?? {});
    }
  });
});
