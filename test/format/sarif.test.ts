import { describe, expect, it } from 'vitest';
import { fileUri, formatSarif, sarifLog, UNREADABLE_RULE_ID, type SarifOptions } from '../../src/format/sarif.js';
import type { LintRunResult } from '../../src/model/result.js';
import { fixtureBatch, lintFixture, ruleInfos, runOf, SEED, withSuppressions } from './helpers.js';
import { sarifErrors, sarifSchema, sarifSchemaSha256 } from './sarif-schema.js';

const options: SarifOptions = { toolVersion: '0.1.0', rules: ruleInfos };

interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; index: number }; region?: { startLine: number; properties: Record<string, unknown> } }; logicalLocations?: { name: string; fullyQualifiedName?: string; kind: string }[] }[];
  suppressions?: Record<string, unknown>[];
  partialFingerprints: Record<string, string>;
  properties: Record<string, unknown> & { fix?: { description: string; edits: unknown[] }; suggestions?: { description: string; edits: unknown[] }[] };
}
interface Rule {
  id: string;
  name: string;
  shortDescription?: { text: string };
  fullDescription?: { text: string };
  helpUri?: string;
  defaultConfiguration?: { level: string };
  properties: Record<string, unknown>;
}
interface Run {
  tool: { driver: { name: string; version: string; informationUri: string; rules: Rule[] } };
  invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { level: string; message: { text: string }; descriptor: { id: string }; locations: unknown[] }[] }[];
  language: string;
  artifacts: { location: { uri: string }; roles: string[]; mimeType?: string; properties?: Record<string, unknown> }[];
  results: Result[];
}

function sarifOf(run: LintRunResult, locale: 'zh' | 'en' = 'zh'): { log: { $schema: string; version: string; runs: Run[] }; run: Run } {
  const log = JSON.parse(formatSarif(run, locale, options)) as { $schema: string; version: string; runs: Run[] };
  expect(log.runs).toHaveLength(1);
  return { log, run: log.runs[0]! };
}

describe('the schema the SARIF tests validate against', () => {
  it('is the rtm.5 SARIF 2.1.0 schema from @microsoft/jest-sarif, unchanged since it was reviewed', () => {
    expect(sarifSchema.id).toBe('https://raw.githubusercontent.com/schemastore/schemastore/master/src/schemas/json/sarif-2.1.0-rtm.5.json');
    expect(sarifSchema.$schema).toBe('http://json-schema.org/draft-04/schema#');
    expect(sarifSchemaSha256).toBe('2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8');
  });

  it('rejects what it should (the validator is live)', () => {
    expect(sarifErrors({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).not.toEqual([]);
    const { log } = sarifOf(runOf(lintFixture(SEED)));
    const broken = structuredClone(log);
    broken.runs[0]!.artifacts[0]!.location.uri = 'fixtures/吐鲁番 表.xlsx';
    expect(sarifErrors(broken).join('\n')).toMatch(/uri-reference/);
  });
});

describe('formatSarif', () => {
  it('turns the seed form into a valid SARIF log with rules, cells and indicators', () => {
    const file = lintFixture(SEED);
    const { log, run } = sarifOf(runOf(file));
    expect(sarifErrors(log)).toEqual([]);
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver).toMatchObject({ name: 'jxlint', version: '0.1.0', informationUri: 'https://jxlint.dev/' });
    expect(run.language).toBe('zh-CN');
    expect(run.results).toHaveLength(file.diagnostics.length);

    // Rules: exactly those with findings, sorted, each with its Chinese description and doc page.
    const ids = [...new Set(file.diagnostics.map((d) => d.ruleId))].sort();
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(ids);
    const rule = run.tool.driver.rules.find((r) => r.id === 'quantity-name-missing-action')!;
    expect(rule).toMatchObject({
      name: 'QuantityNameMissingAction',
      helpUri: 'https://jxlint.dev/rules/quantity-name-missing-action.md',
      defaultConfiguration: { level: 'warning' },
      properties: { category: 'naming', docPath: 'rules/quantity-name-missing-action.md', hasSuggestions: true },
    });
    expect(rule.shortDescription!.text).toBe(ruleInfos.find((r) => r.id === 'quantity-name-missing-action')!.docs.description.zh);
    expect(rule.fullDescription!.text).toContain('类别：命名；默认级别：警告');
    // info → note, in the rule's default and in results.
    expect(run.tool.driver.rules.find((r) => r.id === 'cost-items-unrelated')!.defaultConfiguration!.level).toBe('note');
    expect(run.results.find((r) => r.ruleId === 'goal-text-vague')!.level).toBe('note');

    const d12 = run.results.find((r) => r.ruleId === 'quantity-name-missing-action' && r.properties.a1 === 'D12')!;
    const original = file.diagnostics.find((d) => d.ruleId === 'quantity-name-missing-action' && d.location.a1 === 'D12')!;
    expect(run.tool.driver.rules[d12.ruleIndex]!.id).toBe(d12.ruleId);
    expect(d12.level).toBe('warning');
    expect(d12.message.text).toBe(original.message);
    const [location] = d12.locations;
    expect(location!.physicalLocation.artifactLocation).toEqual({ uri: 'fixtures/seed-turpan-2024.xlsx', index: 0 });
    // The sheet row, said to be one.
    expect(location!.physicalLocation.region).toEqual({ startLine: 12, properties: { startLineIs: 'sheet-row', sheet: '项目支出绩效目标申报表', a1: 'D12' } });
    expect(location!.logicalLocations).toEqual([
      { name: 'D12', fullyQualifiedName: '项目支出绩效目标申报表!D12', kind: 'element' },
      { name: '展位面积', fullyQualifiedName: '产出指标/数量指标/展位面积', kind: 'object' },
    ]);
    expect(d12.properties).toMatchObject({ sheet: '项目支出绩效目标申报表', a1: 'D12', row: 11, col: 3, messageId: 'missingAction', severity: 'warning', category: 'naming', indicator: { name: '展位面积', row: 11 } });
    expect(d12.properties.data).toEqual(original.data);
    expect(d12.properties.suggestions!.map((s) => s.description)).toEqual(original.suggestions!.map((s) => s.desc));
    expect(d12.properties.suggestions![0]!.edits).toEqual([{ sheet: '项目支出绩效目标申报表', a1: 'D12', before: '展位面积', after: '搭建展位面积' }]);
    expect(d12.suppressions).toBeUndefined();

    // Stable, distinct fingerprints (GitHub matches alerts across runs by them).
    const prints = run.results.map((r) => r.partialFingerprints['jxlintFinding/v1']);
    expect(new Set(prints).size).toBe(prints.length);
    expect(sarifOf(runOf(lintFixture(SEED))).run.results.map((r) => r.partialFingerprints['jxlintFinding/v1'])).toEqual(prints);

    expect(run.artifacts).toEqual([
      { location: { uri: 'fixtures/seed-turpan-2024.xlsx' }, roles: ['analysisTarget'], mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', properties: { format: 'xlsx', forms: 1, indicators: 11 } },
    ].map((a) => ({ ...a, properties: { ...a.properties, unreadable: false } })));
  });

  it('puts safe fixes in properties as cell edits with a description, never as SARIF fixes', () => {
    const { log, run } = sarifOf(runOf(lintFixture('fixtures/vertical-banners-centred.xlsx')));
    expect(sarifErrors(log)).toEqual([]);
    const fixed = run.results.find((r) => r.ruleId === 'value-operator-normalize' && r.properties.a1 === 'E17')!;
    expect(fixed).not.toHaveProperty('fixes');
    expect(fixed.properties.fix).toEqual({
      description: '可自动修复：表十二!E17：“=100.00(%)” → “=100.00%”',
      edits: [{ sheet: '表十二', a1: 'E17', before: '=100.00(%)', after: '=100.00%' }],
    });
    expect(run.tool.driver.rules.find((r) => r.id === 'value-operator-normalize')!.properties.fixable).toBe(true);
  });

  it('reports a clean form with no results and no rules', () => {
    const { log, run } = sarifOf(runOf(lintFixture('fixtures/wellformed-construction.xlsx')));
    expect(sarifErrors(log)).toEqual([]);
    expect(run.results).toEqual([]);
    expect(run.tool.driver.rules).toEqual([]);
    expect(run.invocations).toEqual([{ executionSuccessful: true }]);
    expect(run.artifacts).toHaveLength(1);
  });

  it('reports unreadable files as results of the synthetic unreadable-file rule, reader notes as notifications', () => {
    const { log, run } = sarifOf(fixtureBatch());
    expect(sarifErrors(log)).toEqual([]);
    expect(run.artifacts.map((a) => decodeURIComponent(a.location.uri))).toEqual(fixtureBatch().files.map((f) => f.file));

    const unreadable = run.results.filter((r) => r.ruleId === UNREADABLE_RULE_ID);
    const fatal = fixtureBatch().files.filter((f) => f.problems.some((p) => p.fatal));
    expect(unreadable.map((r) => decodeURIComponent(r.locations[0]!.physicalLocation.artifactLocation.uri))).toEqual(fatal.map((f) => f.file));
    const encrypted = unreadable.find((r) => r.properties.code === 'encrypted')!;
    expect(encrypted.level).toBe('error');
    expect(encrypted.message.text).toBe('工作簿已加密（设置了打开密码），无法读取。请取消密码后另存再检查。');
    expect(encrypted.locations[0]!.physicalLocation.region).toBeUndefined();
    const rule = run.tool.driver.rules[encrypted.ruleIndex]!;
    expect(rule).toMatchObject({ id: UNREADABLE_RULE_ID, defaultConfiguration: { level: 'error' }, properties: { synthetic: true } });
    expect(rule.shortDescription!.text).toMatch(/^文件无法读取/);

    // The 自评表 is readable: the reader's note is a notification pointing at the target column.
    const notes = run.invocations[0]!.toolExecutionNotifications!;
    expect(notes.map((n) => n.descriptor.id)).toEqual(['self-evaluation-form']);
    expect(notes[0]).toMatchObject({ level: 'note', message: { text: expect.stringContaining('“自评表”是绩效自评表') } });
    expect(notes[0]!.locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: 'fixtures/self-eval-score-first.xlsx', index: expect.any(Number) } }, logicalLocations: [{ name: 'E11', fullyQualifiedName: '自评表!E11', kind: 'element' }] },
    ]);

    // Findings of JSON declarations have no cell: the file only, no region.
    const fromJson = run.results.find((r) => r.locations[0]!.physicalLocation.artifactLocation.uri === 'fixtures/declaration.json')!;
    expect(fromJson.locations[0]!.physicalLocation.region).toBeUndefined();
    expect(fromJson.locations[0]!.logicalLocations!.map((l) => l.kind)).toEqual(['object']);
  });

  it('keeps suppressed findings as results with an external suppression and its reason', () => {
    const run0 = withSuppressions(
      [lintFixture(SEED)],
      [
        { file: SEED, rule: 'cost-items-unrelated', cell: '项目支出绩效目标申报表!D21', reason: '办公经费为本项目专用' },
        { file: SEED, rule: 'level-name-valid', cell: 'A1', reason: '已不存在的问题' },
      ],
    );
    const { log, run } = sarifOf(run0);
    expect(sarifErrors(log)).toEqual([]);
    const suppressed = run.results.filter((r) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]).toMatchObject({ ruleId: 'cost-items-unrelated', properties: { a1: 'D21' } });
    // Only kind and justification: rtm.5 calls the review state `status`, the final schema `state`.
    expect(suppressed[0]!.suppressions).toEqual([{ kind: 'external', justification: '办公经费为本项目专用' }]);
    expect(run.tool.driver.rules.map((r) => r.id)).toContain('cost-items-unrelated');
    expect(run.results).toHaveLength(run0.files[0]!.diagnostics.length + 1);

    const unused = run.invocations[0]!.toolExecutionNotifications!;
    expect(unused).toHaveLength(1);
    expect(unused[0]).toMatchObject({ level: 'warning', descriptor: { id: 'unused-suppression' }, message: { text: '忽略清单第 2 条（level-name-valid，fixtures/seed-turpan-2024.xlsx）没有匹配到任何问题，可以删除。' } });
    expect(run.artifacts[1]).toEqual({ location: { uri: 'jxlint.suppressions.yaml' }, roles: ['userSpecifiedConfiguration'] });
  });

  it('describes rules in English with --locale en', () => {
    const { log, run } = sarifOf(runOf(lintFixture(SEED, 'en')), 'en');
    expect(sarifErrors(log)).toEqual([]);
    expect(run.language).toBe('en-US');
    const rule = run.tool.driver.rules.find((r) => r.id === 'quantity-name-missing-action')!;
    expect(rule.shortDescription!.text).toBe(ruleInfos.find((r) => r.id === 'quantity-name-missing-action')!.docs.description.en);
    expect(rule.fullDescription!.text).toContain('Category: naming; Default level: warning');
  });

  it('describes a rule it has no meta for by its id (a plugin the caller did not pass)', () => {
    const file = lintFixture(SEED);
    const plugin = { ...file, diagnostics: file.diagnostics.map((d) => ({ ...d, ruleId: `myorg/${d.ruleId}` })) };
    const log = sarifLog(runOf(plugin), 'zh', { toolVersion: '0.1.0', rules: [] });
    expect(sarifErrors(log)).toEqual([]);
    const rules = (log.runs as unknown as Run[])[0]!.tool.driver.rules;
    expect(rules[0]).toEqual({ id: 'myorg/ambiguous-object-action', name: 'MyorgAmbiguousObjectAction', properties: { category: 'naming', tags: ['naming'] } });
  });
});

describe('fileUri', () => {
  it('percent-encodes each segment of a relative path and keeps it relative', () => {
    expect(fileUri('forms/2024 吐鲁番#1%.xlsx')).toBe('forms/2024%20%E5%90%90%E9%B2%81%E7%95%AA%231%25.xlsx');
    expect(decodeURIComponent(fileUri('forms/2024 吐鲁番#1%.xlsx'))).toBe('forms/2024 吐鲁番#1%.xlsx');
    // A colon in the first segment would read as a URI scheme.
    expect(fileUri('a:b.xlsx')).toBe('a%3Ab.xlsx');
  });

  it('makes absolute and Windows paths file:// URIs', () => {
    expect(fileUri('/home/用户/表.xlsx')).toBe('file:///home/%E7%94%A8%E6%88%B7/%E8%A1%A8.xlsx');
    expect(fileUri('C:\\表格\\a b.xlsx')).toBe('file:///C:/%E8%A1%A8%E6%A0%BC/a%20b.xlsx');
  });

  it('survives a lone surrogate in a name (encodeURIComponent would throw)', () => {
    expect(fileUri('a\uD800.xlsx')).toBe('a%EF%BF%BD.xlsx');
  });
});
