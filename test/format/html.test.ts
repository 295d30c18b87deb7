import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { declarationFromSpec, type FormSpec } from '../../src/engine/testing.js';
import { escapeHtml, formatHtml, jsonForScriptBlock } from '../../src/format/html.js';
import { REPORT_CSS, REPORT_SCRIPT } from '../../src/format/html-assets.js';
import { base64, cspHash, sha256 } from '../../src/format/sha256.js';
import { countBySeverity } from '../../src/format/stylish.js';
import { formatReadProblem } from '../../src/i18n/read-messages.js';
import { isUnreadable, type LintRunResult } from '../../src/model/result.js';
import { fixtureBatch, lintFixture, lintSpec, runOf, SEED } from './helpers.js';

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

/** The text between the first `start` after `from` and the next `end`. */
function between(html: string, start: string, end: string, from = 0): string {
  const i = html.indexOf(start, from);
  if (i < 0) throw new Error(`no ${start}`);
  const j = html.indexOf(end, i + start.length);
  return html.slice(i + start.length, j);
}

const count = (html: string, pattern: RegExp) => [...html.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))].length;

/** What every report must be: one offline document whose only active content is the hashed style and script. */
function expectSelfContained(html: string): void {
  expect(html.startsWith('<!DOCTYPE html>\n<html lang="')).toBe(true);
  // (Matches are compared, not the page, so a failure shows the offending text rather than 150 kB.)
  const found = (pattern: RegExp) => html.match(pattern)?.[0];
  // No reference that could leave the page: no scheme, no protocol-relative path, no url() or @import, no src.
  expect(found(/.{0,40}(https?:|ftp:|file:|data:).{0,40}/i)).toBeUndefined();
  expect(found(/.{0,40}\/\/.{0,40}/)).toBeUndefined();
  expect(found(/url\(|@import|@font-face/i)).toBeUndefined();
  expect(found(/<[^>]*\s(src|srcset|action|formaction|poster|background|xlink:href)=[^>]*>/i)).toBeUndefined();
  for (const [, target] of html.matchAll(/\shref="([^"]*)"/g)) expect(target).toMatch(/^#[\w-]+$/);
  // No event-handler attributes, and exactly the two blocks we write.
  expect(found(/<[a-z][^>]*\son[a-z]+\s*=[^>]*>/i)).toBeUndefined();
  expect(count(html, /<style[\s>]/i)).toBe(1);
  expect(count(html, /<script>/i)).toBe(1);
  expect(count(html, /<script[\s>]/i)).toBe(html.includes('id="overview-data"') ? 2 : 1);
  // Every id is unique and every in-page link lands on one.
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
  expect(new Set(ids).size).toBe(ids.length);
  const idSet = new Set(ids);
  for (const [, target] of html.matchAll(/\shref="#([^"]*)"/g)) expect(idSet.has(target!), `#${target} exists`).toBe(true);
}

describe('the CSP hashes', () => {
  it('sha256 agrees with node:crypto across block boundaries, multibyte text and a large input', () => {
    const inputs = ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(63), 'a'.repeat(64), 'a'.repeat(65), '绩效目标申报表😀', 'x'.repeat(100_000), REPORT_CSS, REPORT_SCRIPT];
    for (const text of inputs) expect(base64(sha256(new TextEncoder().encode(text)))).toBe(nodeSha256(text));
    expect(base64(new Uint8Array([1]))).toBe('AQ==');
    expect(base64(new Uint8Array([1, 2]))).toBe('AQI=');
  });

  it('the policy allows exactly the style and the script in the page, by hash, and no network', () => {
    const html = formatHtml(runOf(lintFixture(SEED)), 'zh');
    const head = between(html, '<head>', '</head>');
    // The policy comes before anything it governs.
    expect(head.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(head.indexOf('<style>'));
    const policy = between(head, 'http-equiv="Content-Security-Policy" content="', '"');
    const style = between(html, '<style>', '</style>');
    const script = between(html, '<script>', '</script>');
    expect(style).toBe(REPORT_CSS);
    expect(script).toBe(REPORT_SCRIPT);
    const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['style-src']).toEqual([`'sha256-${nodeSha256(style)}'`]);
    expect(directives['script-src']).toEqual([`'sha256-${nodeSha256(script)}'`]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['form-action']).toEqual(["'none'"]);
    expect(policy).not.toMatch(/unsafe|\*|https?:/);
    expect(cspHash(script)).toBe(`'sha256-${nodeSha256(script)}'`);
  });
});

describe('the seed form', () => {
  const result = lintFixture(SEED);
  const html = formatHtml(runOf(result), 'zh', { generatedAt: '2025-03-01 09:30', version: '0.1.0' });
  const declaration = result.declarations[0]!;

  it('is one self-contained Chinese page with the run facts in the header', () => {
    expectSelfContained(html);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<title>绩效目标申报表检查报告</title>');
    expect(html).toContain('生成时间：2025-03-01 09:30');
    expect(html).toContain('jxlint 0.1.0 生成');
    // One file: no file list, no script data.
    expect(html).not.toContain('id="overview"');
    expect(html).not.toContain('application/json');
  });

  it('summarises the run: counts, and bar charts by severity, category and rule with their numbers printed', () => {
    const counts = countBySeverity([result]);
    const stat = (label: string) => between(html, `<dt>${label}</dt><dd>`, '</dd>');
    expect(stat('检查文件')).toBe('1');
    expect(stat('无法读取')).toBe('0');
    expect(stat('绩效指标')).toBe(String(declaration.indicators.length));
    expect(stat('问题')).toBe(String(result.diagnostics.length));
    const severityChart = between(html, '<svg id="chart-severity"', '</svg>');
    expect(severityChart).toContain(`<title id="chart-severity-t">按严重程度：✖ 错误 ${counts.error}，▲ 警告 ${counts.warning}，ℹ 提示 ${counts.info}</title>`);
    const categoryChart = between(html, '<svg id="chart-category"', '</svg>');
    for (const label of ['命名', '归类', '完整性', '指标值', '一致性', '资金', '表式']) expect(categoryChart).toContain(`>${label}</text>`);
    const naming = result.diagnostics.filter((d) => d.category === 'naming').length;
    expect(categoryChart).toContain(`命名 ${naming}`);
    const ruleChart = between(html, '<svg id="chart-rule"', '</svg>');
    const top = result.diagnostics.filter((d) => d.ruleId === 'quantity-name-missing-action').length;
    expect(ruleChart).toContain(`quantity-name-missing-action ${top}`);
    // Bars are labelled by text, so the chart reads without colour: one label and one number per bar.
    expect(count(categoryChart, /<text /)).toBe(14);
  });

  it('shows the header facts and the indicator table with every row of the form', () => {
    const form = between(html, '<article class="form" id="file-1-1"', '</article>');
    const facts = between(form, '<table class="facts">', '</table>');
    for (const label of ['项目名称', '主管部门', '年度资金 · 总额（万元）', '总体目标', '年度目标']) expect(facts).toContain(`<th scope="row">${label}</th>`);
    expect(facts).toContain(escapeHtml(declaration.project.name!.text));
    const table = between(form, '<table class="ind">', '</table>');
    expect(between(table, '<thead>', '</thead>')).toMatch(/行.*一级指标.*二级指标.*三级指标.*指标值.*问题与建议/);
    expect(count(between(table, '<tbody>', '</tbody>'), /<tr>/)).toBe(declaration.indicators.length);
    for (const indicator of declaration.indicators) expect(table).toContain(escapeHtml(indicator.name.text));
  });

  it('puts every finding once, beside its row or above the table, and flags its cell with a numbered mark', () => {
    expect(count(html, /<li id="file-1-1-f\d+" class="finding">/)).toBe(result.diagnostics.length);
    for (const d of result.diagnostics) expect(html).toContain(escapeHtml(d.message));
    // 展位面积 (D12) lacks its action: its cell is flagged as a warning and linked to the finding.
    const row12 = between(html, '<td class="rownum">12</td>', '</tr>');
    expect(row12).toMatch(/<td class="name pre flag-warning">展位面积<a class="mark sev-warning" href="#file-1-1-f(\d+)" aria-label="D12 单元格：警告 \d+">▲\d+<\/a><\/td>/);
    expect(row12).toContain('quantity-name-missing-action');
    expect(row12).toContain('设计搭建展位面积');
    // The missing 满意度指标 is about the whole form: listed above the table, its cell (B22, the
    // 效益指标 label it points at) still marked in the table and linked to it.
    const formFindings = between(html, '<div class="form-findings"><h4>关于整张表的问题</h4>', '</div>');
    const missing = /<li id="file-1-1-f(\d+)" class="finding"><span class="badge sev-\w+">.\d+ .{2}<\/span><span class="at">B22<\/span>[^]*?missing-satisfaction-indicator/.exec(formFindings);
    expect(missing).not.toBeNull();
    expect(html.indexOf('关于整张表的问题')).toBeLessThan(html.indexOf('<table class="ind">'));
    const level1 = between(html, '<td class="rownum">22</td>', '</td>');
    expect(level1).toContain(`href="#file-1-1-f${missing![1]}"`);
    // The goal findings mark their header cells (B10 总体目标, D10 年度目标).
    const facts = between(html, '<table class="facts">', '</table>');
    expect(facts).toMatch(/<th scope="row">总体目标<\/th><td class="pre flag-\w+">[^<]*<a class="mark sev-\w+" href="#file-1-1-f\d+" aria-label="B10 单元格/);
  });

  it('says severity in words and glyphs, never by colour alone', () => {
    for (const [, n, word] of html.matchAll(/<span class="badge sev-(?:error|warning|info)">[✖▲ℹ](\d+) (错误|警告|提示)<\/span>/g)) {
      expect(Number(n)).toBeGreaterThan(0);
      expect(word).toBeTruthy();
    }
    expect(count(html, /<span class="badge sev-(?:error|warning|info)">[✖▲ℹ]\d+ (?:错误|警告|提示)<\/span>/)).toBe(result.diagnostics.length);
  });
});

describe('a batch of every fixture, broken files included', () => {
  const run = fixtureBatch();
  const html = formatHtml(run, 'zh');
  const overview = between(html, '<table id="overview">', '</table>');
  const rows = [...between(overview, '<tbody>', '</tbody>').matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => m[1]!);

  it('is self-contained and lists every file once, in run order, with its counts', () => {
    expectSelfContained(html);
    expect(run.files.filter(isUnreadable).length).toBeGreaterThanOrEqual(7);
    expect(rows).toHaveLength(run.files.length);
    run.files.forEach((file, i) => {
      const cells = [...rows[i]!.matchAll(/<td class="num[^"]*">(\d+)<\/td>/g)].map((m) => Number(m[1]));
      const counts = countBySeverity([file]);
      expect(rows[i]).toContain(`<a href="#file-${i + 1}">${escapeHtml(file.file)}</a>`);
      expect(cells).toEqual([file.declarations.length, file.declarations.reduce((n, d) => n + d.indicators.length, 0), counts.error, counts.warning, counts.info]);
    });
    expect(between(overview, '<thead>', '</thead>')).toMatch(/<th scope="col"><button type="button">文件<\/button><\/th>.*最严重的问题/);
  });

  it('gives the script its data as JSON, one record per row, with no markup in it', () => {
    const block = between(html, '<script type="application/json" id="overview-data">', '</script>');
    expect(block).not.toMatch(/[<>]/);
    const data = JSON.parse(block) as { shown: string; rows: [string, number, number, number, number, number, number, string][] };
    expect(data.shown).toBe('显示 {shown} / {total} 个文件');
    expect(data.rows.map((r) => r[0])).toEqual(run.files.map((f) => f.file));
    const unreadable = data.rows.filter((_, i) => isUnreadable(run.files[i]!));
    for (const record of unreadable) expect(record[6]).toBe(3);
    const seed = data.rows.find((r) => r[0] === SEED)!;
    expect(seed[7]).toContain('quantity-name-missing-action');
    expect(seed[7]).toContain('吐鲁番');
  });

  it('offers a labelled filter box and one labelled checkbox per worst level, with how many files each holds', () => {
    expect(html).toMatch(/<label for="overview-filter">筛选（文件名、项目名称或规则）<\/label> <input type="search" id="overview-filter"/);
    const perLevel = [...html.matchAll(/<label><input type="checkbox" id="worst-(\d)" data-worst="\1" checked> [^<]*（(\d+)）<\/label>/g)];
    expect(perLevel.map((m) => m[1])).toEqual(['3', '2', '1', '0']);
    expect(perLevel.reduce((n, m) => n + Number(m[2]), 0)).toBe(run.files.length);
  });

  it('shows each unreadable file with its reading problem, and each form of the others', () => {
    run.files.forEach((file, i) => {
      const section = between(html, `<section class="file" id="file-${i + 1}"`, '</section>');
      if (isUnreadable(file)) {
        expect(section).toContain('✖ 无法读取');
        for (const p of file.problems) expect(section).toContain(escapeHtml(formatReadProblem(p, 'zh')));
      } else {
        expect(count(section, /<article class="form"/)).toBe(file.declarations.length);
        expect(count(section, /class="finding"/)).toBe(file.diagnostics.length);
      }
    });
  });

  it('groups side-by-side 中期 and 年度 tables and keeps JSON forms without sheet rows', () => {
    const i = run.files.findIndex((f) => f.file.endsWith('midterm-annual-side-by-side.xlsx'));
    const section = between(html, `<section class="file" id="file-${i + 1}"`, '</section>');
    expect(section).toContain('<th colspan="5" scope="rowgroup">中期指标</th>');
    expect(section).toContain('<th colspan="5" scope="rowgroup">年度指标</th>');
    const j = run.files.findIndex((f) => f.file.endsWith('declaration.json'));
    const json = between(html, `<section class="file" id="file-${j + 1}"`, '</section>');
    expect(json).not.toContain('<td class="rownum">');
    expect(json).toContain('vague-qualitative-value');
    // Found by name: the 明显提升 finding sits in that row.
    expect(json).toMatch(/<td class="value pre">明显提升<\/td>.*vague-qualitative-value/);
  });

  it('speaks English with en', () => {
    const en = formatHtml(run, 'en');
    expectSelfContained(en);
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<h2 id="summary-h">Summary</h2>');
    expect(en).toContain('<button type="button">Worst finding</button>');
    expect(en).toContain('>Naming</text>');
    expect(en).not.toMatch(/概览|文件列表|按严重程度|表头信息/);
  });

  it('stays fast and linear with 500 files', () => {
    const many: LintRunResult = { files: Array.from({ length: 500 }, (_, i) => ({ ...run.files[i % run.files.length]!, file: `batch/${i}-${run.files[i % run.files.length]!.file}` })), unusedSuppressions: [] };
    const started = performance.now();
    const big = formatHtml(many, 'zh');
    const elapsed = performance.now() - started;
    expect(count(between(big, '<tbody>', '</tbody>'), /<tr>/)).toBe(500);
    expect(elapsed).toBeLessThan(5000);
  });
});

describe('untrusted text', () => {
  const SCRIPT = '<script>alert(1)</script>';
  const BREAKOUT = '</script><script>alert(2)</script>';
  const ATTRIBUTE = '"onmouseover="alert(3)';
  const hostile: FormSpec = {
    title: `${SCRIPT}项目支出绩效目标申报表`,
    project: { name: `${SCRIPT}吐鲁番项目`, department: BREAKOUT, implementer: `某局${ATTRIBUTE}`, attribute: "延续项目'x'" },
    goals: { overall: `总体目标 ${SCRIPT} 😀 ]]> %0A::error::\n第二行`, annual: `年度目标${ATTRIBUTE}` },
    indicators: [
      ['产出指标', '数量指标', `${SCRIPT}数量`, '>=**个'],
      ['', '质量指标', `合格率${ATTRIBUTE}`, `≥90%${BREAKOUT}`],
      ['', '时效指标', '=HYPERLINK("http://evil.example","x")', '2024年底前'],
      ['效益指标', `社会效益指标${BREAKOUT}`, "=cmd|' /C calc'!A0", '明显提升'],
      ['满意度指标', '服务对象满意度指标', `满意度 & <b>粗体</b>`, '≥90%'],
    ],
  };
  const file = `"><img src=x onerror=alert(4)>${SCRIPT}.xlsx`;
  const linted = lintSpec(hostile, file);
  const run = runOf(linted, lintFixture(SEED));
  const html = formatHtml(run, 'zh', { title: `${SCRIPT}报告`, generatedAt: BREAKOUT, version: ATTRIBUTE });

  it('the hostile form produces findings that quote it', () => {
    expect(linted.diagnostics.some((d) => d.message.includes('<script>') || d.message.includes('"onmouseover'))).toBe(true);
  });

  it('never appears as markup: no raw tags, no broken-out script, no attribute injection', () => {
    expect(html).not.toContain(SCRIPT);
    expect(html).not.toContain(BREAKOUT);
    expect(html).not.toContain('"onmouseover');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;吐鲁番项目');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).toContain('某局&quot;onmouseover=&quot;alert(3)');
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;报告</title>');
    expect(html).toContain('满意度&amp; &lt;b&gt;粗体&lt;/b&gt;');
    for (const d of linted.diagnostics) expect(html).toContain(escapeHtml(d.message));
    // Newlines and emoji are kept as text (shown with pre-wrap).
    expect(html).toContain('😀 ]]&gt; %0A::error::\n第二行');
  });

  it('keeps the page self-contained even when cells name URLs: they are text, not links', () => {
    expect(html).toContain('=HYPERLINK(&quot;http:');
    expect(html).not.toMatch(/\s(href|src)="[^#"]/);
    const withoutCells = html.split('=HYPERLINK(&quot;http:').join('');
    expectSelfContained(withoutCells.replace('//evil.example', ''));
  });

  it('round-trips through the JSON block untouched, with no < or > left in it', () => {
    const block = between(html, '<script type="application/json" id="overview-data">', '</script>');
    expect(block).not.toMatch(/[<>]/);
    expect(block).toContain('\\u003c/script\\u003e');
    const data = JSON.parse(block) as { rows: [string, ...unknown[]][] };
    expect(data.rows[0]![0]).toBe(file);
    expect(jsonForScriptBlock({ s: '</script><!--\u2028&' })).toBe('{"s":"\\u003c/script\\u003e\\u003c!--\\u2028\\u0026"}');
  });

  it('cuts a megabyte cell, saying so, instead of copying it into the page', () => {
    // Read through the real locator; the finding is one of the hostile form's, made to quote the whole cell.
    const text = '大'.repeat(1_000_000) + SCRIPT;
    const declaration = declarationFromSpec({ ...hostile, goals: { overall: text } }, 'huge.xlsx');
    const finding = { ...linted.diagnostics[0]!, message: `总体目标“${text}”过长` };
    const page = formatHtml(runOf({ file: 'huge.xlsx', declarations: [declaration], problems: [], diagnostics: [finding], suppressed: [] }), 'zh');
    expect(page.length).toBeLessThan(200_000);
    expect(count(page, /（已截断，共 1000025 字）/)).toBe(1);
    expect(page).toContain(`（已截断，共 ${[...finding.message].length} 字）`);
    expect(page).not.toContain(SCRIPT);
  });
});

describe('edge cases', () => {
  it('an empty run still renders a valid page', () => {
    const html = formatHtml({ files: [], unusedSuppressions: [] }, 'zh');
    expectSelfContained(html);
    expect(html).toContain('未发现问题。');
  });

  it('lists suppressions that matched nothing, and counts suppressed findings', () => {
    const seed = lintFixture(SEED);
    const [first, ...rest] = seed.diagnostics;
    const run: LintRunResult = {
      files: [{ ...seed, diagnostics: rest, suppressed: [{ diagnostic: first!, reason: '已与财政局确认' }] }],
      unusedSuppressions: [{ source: 'jxlint.suppressions.yaml', index: 2, entry: { file: 'a<b>.xlsx', rule: 'missing-unit', reason: 'x' } }],
    };
    const html = formatHtml(run, 'zh');
    expect(html).toContain('<dt>已按清单忽略</dt><dd>1</dd>');
    expect(html).toContain('另有 1 个问题已按忽略清单忽略。');
    expect(html).toContain('jxlint.suppressions.yaml #3：missing-unit · a&lt;b&gt;.xlsx');
  });
});
