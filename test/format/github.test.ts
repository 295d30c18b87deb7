import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANNOTATIONS_PER_LEVEL, escapeCommandData, escapeCommandProperty, formatGithub, markdownText } from '../../src/format/github.js';
import { lintFixture, parseCommand, root, runOf, SEED, withSuppressions } from './helpers.js';

const BAD = readdirSync(join(root, 'fixtures/bad')).map((f) => `fixtures/bad/${f}`);
const MANY = [SEED, 'fixtures/multi-project-flat.xlsx', 'fixtures/v3-yitihua-split.xlsx', 'fixtures/vertical-banners-centred.xlsx', 'fixtures/self-eval-score-first.xlsx', 'fixtures/expected/vertical-banners-centred.json', ...BAD];

describe('formatGithub annotations', () => {
  it('writes one command per finding for a small run, with the cell in the title and no line number', () => {
    const seed = lintFixture(SEED);
    const { annotations, omitted } = formatGithub(runOf(seed));
    const lines = annotations.trimEnd().split('\n');
    expect(lines).toHaveLength(seed.diagnostics.length);
    expect(omitted).toEqual({ error: 0, warning: 0, notice: 0 });
    const commands = lines.map(parseCommand);
    const d12 = seed.diagnostics.findIndex((d) => d.location.a1 === 'D12');
    expect(commands[d12]!.level).toBe('warning');
    expect(commands[d12]!.properties).toEqual({ file: SEED, title: '项目支出绩效目标申报表!D12 quantity-name-missing-action' });
    expect(commands[d12]!.message.split('\n')).toEqual([seed.diagnostics[d12]!.message, ...seed.diagnostics[d12]!.suggestions!.map((s) => `建议：${s.desc}`)]);
    // info findings are notices.
    expect(commands[seed.diagnostics.findIndex((d) => d.severity === 'info')]!.level).toBe('notice');
  });

  it('caps each level at 10 per step, as GitHub does, and says how many were left out', () => {
    const run = runOf(...MANY.map((f) => lintFixture(f)));
    const { annotations, omitted } = formatGithub(run);
    const lines = annotations.trimEnd().split('\n');
    const commands = lines.filter((l) => l.startsWith('::')).map(parseCommand);
    const want = { error: 0, warning: 0, notice: 0 };
    for (const f of run.files) {
      for (const p of f.problems) want[p.fatal ? 'error' : 'notice']++;
      for (const d of f.diagnostics) want[d.severity === 'info' ? 'notice' : d.severity]++;
    }
    for (const level of ['error', 'warning', 'notice'] as const) {
      expect(commands.filter((c) => c.level === level)).toHaveLength(Math.min(want[level], ANNOTATIONS_PER_LEVEL));
      expect(omitted[level]).toBe(Math.max(0, want[level] - ANNOTATIONS_PER_LEVEL));
    }
    expect(omitted.error).toBeGreaterThan(0);
    expect(omitted.warning).toBeGreaterThan(0);
    // The last line is plain text (not a command), so the runner only prints it.
    expect(lines.at(-1)).toBe(`jxlint：GitHub 每个步骤最多显示 10 条同级注释，另有 ${omitted.error} 条错误、${omitted.warning} 条警告、${omitted.notice} 条提示未作为注释显示，完整列表见步骤摘要。`);
    // Unreadable files are errors titled 无法读取.
    expect(commands.find((c) => c.properties.file === 'fixtures/bad/encrypted.xlsx')).toEqual({
      level: 'error',
      properties: { file: 'fixtures/bad/encrypted.xlsx', title: '无法读取' },
      message: '工作簿已加密（设置了打开密码），无法读取。请取消密码后另存再检查。',
    });
  });

  it('writes nothing for a clean run, and notices for suppressions that matched nothing', () => {
    expect(formatGithub(runOf(lintFixture('fixtures/wellformed-subsidy.xlsx'))).annotations).toBe('');
    const run = withSuppressions([lintFixture('fixtures/wellformed-subsidy.xlsx')], [{ file: 'fixtures/wellformed-subsidy.xlsx', rule: 'missing-unit', cell: 'E12', reason: '旧问题' }]);
    expect(parseCommand(formatGithub(run).annotations.trimEnd())).toEqual({
      level: 'notice',
      properties: { file: 'jxlint.suppressions.yaml', title: 'missing-unit' },
      message: '忽略清单第 1 条（missing-unit，fixtures/wellformed-subsidy.xlsx）没有匹配到任何问题，可以删除。',
    });
  });
});

describe('formatGithub step summary', () => {
  it('has a table per file with findings: cell, level, rule, message, suggestion', () => {
    const run = withSuppressions([lintFixture(SEED), lintFixture('fixtures/wellformed-event.xlsx'), lintFixture('fixtures/bad/pdf-renamed.xlsx')], [
      { file: SEED, rule: 'cost-items-unrelated', cell: 'D21', reason: '专用' },
    ]);
    const { summary } = formatGithub(run);
    const lines = summary.split('\n');
    expect(lines[0]).toBe('## jxlint 检查结果');
    expect(summary).toContain('共 3 个文件：1 个错误、10 个警告、1 条提示；1 个文件无法读取，1 个问题已忽略。');
    expect(lines.filter((l) => l.startsWith('### '))).toEqual(['### fixtures/seed-turpan-2024.xlsx', '### fixtures/bad/pdf-renamed.xlsx']);
    expect(lines).toContain('| 单元格 | 级别 | 规则 | 问题 | 建议 |');
    const d12 = lines.find((l) => l.startsWith('| 项目支出绩效目标申报表!D12 '))!;
    const cells = d12.slice(2, -2).split(' | ');
    expect(cells.slice(0, 3)).toEqual(['项目支出绩效目标申报表!D12', '警告', 'quantity-name-missing-action']);
    expect(cells[4]!.split('<br>')[0]).toBe('将“展位面积”调整为“搭建展位面积”（总体目标写有“吐鲁番市商务局组织设计搭建展位”）');
    // Suppressed findings are counted, not listed.
    expect(lines.some((l) => l.includes('cost-items-unrelated'))).toBe(false);
    expect(lines.find((l) => l.includes('format-mismatch'))).toMatch(/^\| {3}\| 错误 \| format-mismatch \| 文件扩展名为 \.xlsx，但内容是 PDF 文档/);
  });

  it('stays under the 1 MiB step summary limit, saying how many rows it left out', () => {
    const seed = lintFixture(SEED);
    const many = runOf(...Array.from({ length: 200 }, (_, i) => ({ ...seed, file: `forms/${i}/${SEED}` })));
    const { summary } = formatGithub(many);
    const size = new TextEncoder().encode(summary).length;
    expect(size).toBeLessThan(1_048_576);
    expect(size).toBeGreaterThan(900_000);
    const rows = summary.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| 单元格') && !l.startsWith('| --- '));
    const left = 200 * seed.diagnostics.length - rows.length;
    expect(left).toBeGreaterThan(0);
    expect(summary.trimEnd().split('\n').at(-1)).toBe(`另有 ${left} 行因步骤摘要大小上限未列出，完整结果请用 --format json 或 sarif 输出。`);
  });

  it('says a clean run is clean', () => {
    expect(formatGithub(runOf(lintFixture('fixtures/wellformed-event.xlsx'))).summary).toBe('## jxlint 检查结果\n\n检查了 1 个文件，未发现问题。\n');
  });

  it('is in English with --locale en', () => {
    const { summary } = formatGithub(runOf(lintFixture(SEED, 'en')), 'en');
    expect(summary).toMatch(/^## jxlint results\n\n1 file\(s\): 0 error\(s\), 10 warning\(s\), 2 info;/);
    expect(summary).toContain('| Cell | Level | Rule | Problem | Suggestion |');
  });
});

describe('escaping', () => {
  it('encodes workflow command data and properties as the runner decodes them', () => {
    expect(escapeCommandData('100%\r\n::error::x')).toBe('100%25%0D%0A::error::x');
    expect(escapeCommandData('%0A')).toBe('%250A');
    expect(escapeCommandProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    expect(escapeCommandData('\u001b[31mred\u0007')).toBe('\uFFFD[31mred\uFFFD');
  });

  it('shows Markdown syntax and HTML as text', () => {
    expect(markdownText('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markdownText('a|b `c` *d* _e_ [f](javascript:x) ~~g~~ $h$ #1 \\')).toBe('a\\|b \\`c\\` \\*d\\* \\_e\\_ \\[f\\](javascript:x) \\~\\~g\\~\\~ \\$h\\$ \\#1 \\\\');
    expect(markdownText('x\r\ny\rz\tw &amp;')).toBe('x<br>y<br>z w &amp;amp;');
  });
});
