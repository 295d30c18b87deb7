import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { buildLexicon } from '../../scripts/build-lexicon.js';
import { checkLexicon, formatProblem, regexProblem } from '../../rules/lexicon/check.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';
import { lexiconAdditionsRef, lexiconAdditionsSchema, lexiconSchema } from '../../rules/lexicon/schema.js';
import { LEXICON_SECTIONS } from '../../rules/lexicon/types.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const build = buildLexicon(root);

describe('the lexicon YAML', () => {
  it('parses and validates against schema.json', () => {
    // The lexicon comes back only when every file parsed and the whole validated.
    expect(build.lexicon ? [] : build.problems).toEqual([]);
    expect(Object.keys(build.lexicon!)).toEqual([...LEXICON_SECTIONS]);
  });

  // One test per section: a failure lists every example that does not match and every
  // counterexample that does, with the entry's path.
  for (const section of LEXICON_SECTIONS) {
    it(`${section}: every example matches and no counterexample does`, () => {
      const problems = checkLexicon(build.lexicon!).filter((p) => p.section === section);
      expect(problems.map(formatProblem)).toEqual([]);
    });
  }

  it('is compiled into data.generated.ts exactly (run the build when this fails)', () => {
    expect(build.code).toBeDefined();
    expect(readFileSync(build.output, 'utf8')).toBe(build.code);
    expect(defaultLexicon).toEqual(build.lexicon);
  });
});

describe('lexicon schema', () => {
  const ajv = new Ajv({ allErrors: true, strict: true });
  const full = ajv.compile(lexiconSchema);
  const additions = ajv.compile(lexiconAdditionsRef);
  // The inlined copy can be embedded anywhere, any number of times, with nothing else added.
  const embedded = new Ajv({ allErrors: true, strict: false }).compile({ type: 'object', properties: { a: lexiconAdditionsSchema, b: lexiconAdditionsSchema } });
  const copy = (): Record<string, any> => structuredClone(defaultLexicon) as Record<string, any>;

  it('accepts the shipped lexicon and rejects one with an entry missing its examples', () => {
    expect(full(defaultLexicon)).toBe(true);
    const lexicon = copy();
    delete lexicon.verbs.construction[0].examples;
    expect(full(lexicon)).toBe(false);
    expect(full.errors?.some((e) => e.instancePath === '/verbs/construction/0' && e.keyword === 'required')).toBe(true);
  });

  it('rejects a missing section, an unknown field, and an entry with both word and pattern', () => {
    const noSection = copy();
    delete noSection.polarity;
    expect(full(noSection)).toBe(false);
    const typo = copy();
    typo.cues.timeliness[0].exlude = ['x'];
    expect(full(typo)).toBe(false);
    const both = copy();
    both.measureNouns[0].pattern = '数量';
    expect(full(both)).toBe(false);
  });

  const sample = {
    verbs: { services: [{ word: '路演' }] },
    cues: { timeliness: [{ word: '交付时间', examples: ['设备交付时间'] }] },
    beneficiaries: [{ word: '商户', satisfaction: '入驻商户满意度' }],
    taxonomy: { synonyms: [{ word: '效果类指标', canonical: '效益指标' }] },
  };

  it('accepts config additions: any section, entries without examples', () => {
    expect(additions(sample)).toBe(true);
    expect(additions({})).toBe(true);
    expect(embedded({ a: sample, b: {} })).toBe(true);
  });

  it('rejects additions that change the profiles, invent a section or misspell a field', () => {
    const bad = [
      { taxonomy: { profiles: { '2021': { title: 'x', level1: [] } } } },
      { verbz: [] },
      { verbs: { servces: [{ word: '路演' }] } },
      { measureNouns: [{ wrod: '数量' }] },
    ];
    for (const value of bad) {
      expect(additions(value), JSON.stringify(value)).toBe(false);
      expect(embedded({ a: value }), JSON.stringify(value)).toBe(false);
    }
  });

  it('inlines every $ref in the embeddable copy', () => {
    expect(JSON.stringify(lexiconAdditionsSchema)).not.toContain('$ref');
  });
});

describe('regexProblem', () => {
  it('accepts bounded and linear patterns', () => {
    for (const ok of ['\\d{4}年(\\d{1,2}月)?', '(节约|节省)[^，。；]{0,8}成本', '^(优|良)(等级)?$', '[(+*]+']) expect(regexProblem(ok), ok).toBeUndefined();
  });
  it('rejects nested unbounded quantifiers, \\b and invalid syntax', () => {
    expect(regexProblem('(a+)+')).toMatch(/嵌套量词/);
    expect(regexProblem('((ab)*c)+')).toMatch(/嵌套量词/);
    expect(regexProblem('(?:\\d+个)*')).toMatch(/嵌套量词/);
    expect(regexProblem('\\b成本')).toMatch(/\\b/);
    expect(regexProblem('(成本')).toMatch(/无效/);
  });
});

describe('build-lexicon errors', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'jxlint-lexicon-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const withEdit = (file: string, edit: (text: string) => string): string[] => {
    const dir = mkdtempSync(join(scratch, 'case-'));
    cpSync(join(root, 'rules', 'lexicon'), join(dir, 'rules', 'lexicon'), { recursive: true });
    const path = join(dir, 'rules', 'lexicon', file);
    writeFileSync(path, edit(readFileSync(path, 'utf8')));
    return buildLexicon(dir).problems;
  };

  it('names the file, line and path of a schema error, in Chinese', () => {
    const problems = withEdit('verbs.yaml', (t) => t.replace('{ word: 搭建, source: seed, examples:', '{ word: 搭建, sorce: seed, examples:'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^rules\/lexicon\/verbs\.yaml:\d+:\d+ \/verbs\/construction\/0：不认识的字段“sorce”$/);
  });

  it('says an entry needs exactly one of word and pattern', () => {
    const problems = withEdit('nouns.yaml', (t) => t.replace("{ word: 个数, examples:", "{ word: 个数, pattern: '个数', examples:"));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^rules\/lexicon\/nouns\.yaml:\d+:\d+ \/measureNouns\/1：应有 word 或 pattern 之一，且不能两者都有$/);
  });

  it('names the entry whose example no longer matches', () => {
    const problems = withEdit('cues.yaml', (t) => t.replace('examples: [参加活动及时率, 公交准时率]', 'examples: [参加活动及时率, 公交准点率]'));
    expect(problems).toEqual(['rules/lexicon/cues.yaml: cues.timeliness[6]（时率）：示例“公交准点率”应当匹配，但没有匹配']);
  });

  it('reports YAML syntax errors with their position', () => {
    const problems = withEdit('nouns.yaml', (t) => t.replace('- { word: 数量,', '- { word: 数量'));
    expect(problems[0]).toMatch(/^rules\/lexicon\/nouns\.yaml:\d+:\d+ YAML 语法错误/);
  });
});
