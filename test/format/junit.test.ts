import { describe, expect, it } from 'vitest';
import { FILE_CASE_NAME, formatJunit, xmlAttribute, xmlText } from '../../src/format/junit.js';
import { findAll, lintFixture, parseXml, runOf, SEED, withSuppressions, type XmlElement } from './helpers.js';

const BAD = ['fixtures/bad/encrypted.xlsx', 'fixtures/bad/pdf-renamed.xlsx', 'fixtures/bad/no-table.xlsx'];

function counts(e: XmlElement) {
  return { tests: Number(e.attributes.tests), failures: Number(e.attributes.failures), errors: Number(e.attributes.errors), skipped: Number(e.attributes.skipped) };
}

describe('formatJunit', () => {
  const seed = lintFixture(SEED);
  const clean = lintFixture('fixtures/wellformed-training.xls');
  const bad = BAD.map((f) => lintFixture(f));
  const selfEval = lintFixture('fixtures/self-eval-score-first.xlsx');
  const run = withSuppressions(
    [seed, clean, ...bad, selfEval],
    [
      // The only cost-items-unrelated finding: its testcase becomes skipped.
      { file: SEED, rule: 'cost-items-unrelated', cell: 'D21', reason: '办公经费为本项目专用' },
      // One of two quantity-name-missing-action findings: the testcase still fails.
      { file: SEED, rule: 'quantity-name-missing-action', cell: 'D13', reason: '展位数量为主办方分配' },
    ],
  );
  const xml = formatJunit(run);
  const doc = parseXml(xml);
  const suites = findAll(doc, 'testsuite');
  const suite = (file: string) => suites.find((s) => s.attributes.name === file)!;

  it('writes one well-formed testsuite per file with consistent counts', () => {
    expect(doc.name).toBe('testsuites');
    expect(suites.map((s) => s.attributes.name)).toEqual(run.files.map((f) => f.file));
    for (const s of suites) {
      const cases = s.children.filter((c) => c.name === 'testcase');
      expect(counts(s)).toEqual({
        tests: cases.length,
        failures: cases.filter((c) => c.children.some((x) => x.name === 'failure')).length,
        errors: cases.filter((c) => c.children.some((x) => x.name === 'error')).length,
        skipped: cases.filter((c) => c.children.some((x) => x.name === 'skipped')).length,
      });
    }
    const total = suites.map(counts).reduce((a, b) => ({ tests: a.tests + b.tests, failures: a.failures + b.failures, errors: a.errors + b.errors, skipped: a.skipped + b.skipped }));
    expect(counts(doc)).toEqual(total);
  });

  it('has one testcase per rule with a failure per finding: message, rule as type, cell, indicator and suggestions in the body', () => {
    const s = suite(SEED);
    const kept = run.files[0]!.diagnostics;
    const cases = s.children.filter((c) => c.name === 'testcase');
    expect(cases.map((c) => c.attributes.name)).toEqual([...new Set([...kept.map((d) => d.ruleId), 'cost-items-unrelated'])]);
    expect(cases.every((c) => c.attributes.classname === SEED)).toBe(true);

    const quantity = cases.find((c) => c.attributes.name === 'quantity-name-missing-action')!;
    const failures = quantity.children.filter((c) => c.name === 'failure');
    const d12 = kept.find((d) => d.ruleId === 'quantity-name-missing-action')!;
    expect(failures).toHaveLength(1);
    expect(failures[0]!.attributes).toEqual({ message: d12.message, type: 'quantity-name-missing-action' });
    expect(failures[0]!.text.split('\n')).toEqual([
      '单元格：项目支出绩效目标申报表!D12',
      '指标：产出指标/数量指标/展位面积',
      '级别：警告',
      ...d12.suggestions!.map((x) => `建议：${x.desc}`),
    ]);
    // The suppressed sibling is noted, not failed.
    expect(quantity.children.find((c) => c.name === 'system-out')!.text).toBe('项目支出绩效目标申报表!D13 已按忽略清单忽略：展位数量为主办方分配');

    const skipped = cases.find((c) => c.attributes.name === 'cost-items-unrelated')!;
    expect(skipped.children.map((c) => c.name)).toEqual(['skipped']);
    expect(skipped.children[0]!.attributes.message).toBe('已按忽略清单忽略：办公经费为本项目专用');
  });

  it('gives a clean workbook one passing testcase', () => {
    const s = suite('fixtures/wellformed-training.xls');
    expect(s.children).toEqual([{ name: 'testcase', attributes: { classname: 'fixtures/wellformed-training.xls', name: FILE_CASE_NAME }, children: [], text: '' }]);
    expect(counts(s)).toEqual({ tests: 1, failures: 0, errors: 0, skipped: 0 });
  });

  it('reports an unreadable file as an error with the reading problem', () => {
    const s = suite('fixtures/bad/encrypted.xlsx');
    expect(counts(s)).toEqual({ tests: 1, failures: 0, errors: 1, skipped: 0 });
    const error = findAll(s, 'error')[0]!;
    expect(error.attributes).toEqual({ message: '工作簿已加密（设置了打开密码），无法读取。请取消密码后另存再检查。', type: 'encrypted' });
    expect(findAll(suite('fixtures/bad/pdf-renamed.xlsx'), 'error')[0]!.attributes.type).toBe('format-mismatch');
    expect(findAll(suite('fixtures/bad/no-table.xlsx'), 'error')[0]!.attributes.type).toBe('no-indicator-table');
  });

  it("puts the reader's notes on a readable file in the suite's system-out", () => {
    const s = suite('fixtures/self-eval-score-first.xlsx');
    expect(s.children.at(-1)!.name).toBe('system-out');
    expect(s.children.at(-1)!.text).toMatch(/^读取问题：“自评表”是绩效自评表/);
    expect(findAll(s, 'failure').map((f) => f.attributes.type)).toContain('form-type-mismatch');
  });

  it('writes English labels with --locale en', () => {
    const en = parseXml(formatJunit(runOf(lintFixture(SEED, 'en')), 'en'));
    expect(findAll(en, 'failure')[0]!.text).toMatch(/^Cell: 项目支出绩效目标申报表!B10\nLevel: info\nSuggestion: /);
  });
});

describe('XML escaping', () => {
  it('escapes markup, keeps line breaks in attributes, and replaces characters XML 1.0 forbids', () => {
    expect(xmlText('a < b && c > d ]]>')).toBe('a &lt; b &amp;&amp; c &gt; d ]]&gt;');
    expect(xmlText('x\r\ny')).toBe('x&#13;\ny');
    expect(xmlAttribute(`"q" 'a' <b>\n\t\r`)).toBe('&quot;q&quot; &apos;a&apos; &lt;b&gt;&#10;&#9;&#13;');
    expect(xmlText('\u0000\u0001\u001b[31m\uFFFE\uD800 😀')).toBe('\uFFFD\uFFFD\uFFFD[31m\uFFFD\uFFFD 😀');
    const doc = parseXml(`<?xml version="1.0" encoding="UTF-8"?>\n<a b="${xmlAttribute('1\n2\t"3"\r')}">${xmlText('x]]>\r\ny')}</a>`);
    expect(doc.attributes.b).toBe('1\n2\t"3"\r');
    expect(doc.text).toBe('x]]>\r\ny');
  });
});
