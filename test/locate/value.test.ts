import { describe, expect, it } from 'vitest';
import type { ParsedValue } from '../../src/model/declaration.js';
import { parseAmount, parseSplitValue, parseValue } from '../../src/locate/value.js';

type Row = [string, ParsedValue];

describe('parseValue: figures', () => {
  const rows: Row[] = [
    // operator, figure and unit in one cell
    ['≥90%', { kind: 'number', operator: '≥', number: 90, unit: '%' }],
    ['≤620万/月', { kind: 'number', operator: '≤', number: 620, unit: '万/月' }],
    ['≥400平方米', { kind: 'number', operator: '≥', number: 400, unit: '平方米' }],
    ['=8个', { kind: 'number', operator: '=', number: 8, unit: '个' }],
    ['<=475元/亩', { kind: 'number', operator: '≤', operatorText: '<=', number: 475, unit: '元/亩' }],
    ['>=2.61万元', { kind: 'number', operator: '≥', operatorText: '>=', number: 2.61, unit: '万元' }],
    ['=100.00(%)', { kind: 'number', operator: '=', number: 100, unit: '%', unitText: '(%)' }],
    ['≥90.00(%)', { kind: 'number', operator: '≥', number: 90, unit: '%', unitText: '(%)' }],
    ['≥90.00（%）', { kind: 'number', operator: '≥', number: 90, unit: '%', unitText: '(%)' }],
    ['≧95%', { kind: 'number', operator: '≥', operatorText: '≧', number: 95, unit: '%' }],
    ['95%以上', { kind: 'number', operator: '≥', operatorText: '以上', number: 95, unit: '%' }],
    ['不少于30家', { kind: 'number', operator: '≥', operatorText: '不少于', number: 30, unit: '家' }],
    ['不低于95%', { kind: 'number', operator: '≥', operatorText: '不低于', number: 95, unit: '%' }],
    ['大于等于90%', { kind: 'number', operator: '≥', operatorText: '大于等于', number: 90, unit: '%' }],
    ['不超过500元/人', { kind: 'number', operator: '≤', operatorText: '不超过', number: 500, unit: '元/人' }],
    ['3个以下', { kind: 'number', operator: '≤', operatorText: '以下', number: 3, unit: '个' }],
    ['>5次', { kind: 'number', operator: '>', number: 5, unit: '次' }],
    ['<1%', { kind: 'number', operator: '<', number: 1, unit: '%' }],
    ['==100%', { kind: 'number', operator: '=', operatorText: '==', number: 100, unit: '%' }],
    // no operator
    ['100%', { kind: 'number', number: 100, unit: '%' }],
    ['280人次', { kind: 'number', number: 280, unit: '人次' }],
    ['1600元/亩', { kind: 'number', number: 1600, unit: '元/亩' }],
    // no unit
    ['220', { kind: 'number', number: 220 }],
    ['≥3', { kind: 'number', operator: '≥', number: 3 }],
    ['0', { kind: 'number', number: 0 }],
    ['-5.5', { kind: 'number', number: -5.5 }],
    ['−2%', { kind: 'number', number: -2, unit: '%' }],
    ['3.25', { kind: 'number', number: 3.25 }],
    ['3,498,000.00', { kind: 'number', number: 3498000 }],
    ['2024', { kind: 'number', number: 2024 }],
    // units spelled oddly
    ['≥98百分比', { kind: 'number', operator: '≥', number: 98, unit: '%', unitText: '百分比' }],
    ['250万', { kind: 'number', number: 250, unit: '万元', unitText: '万' }],
    ['80M', { kind: 'number', number: 80, unit: 'M' }],
    ['2km', { kind: 'number', number: 2, unit: '公里', unitText: 'km' }],
    ['84平米', { kind: 'number', number: 84, unit: '平方米', unitText: '平米' }],
    ['120㎡', { kind: 'number', number: 120, unit: '平方米', unitText: '㎡' }],
    ['10人数', { kind: 'number', number: 10, unit: '人数' }],
    ['30元/人*月', { kind: 'number', number: 30, unit: '元/人*月' }],
    ['1.5万人次', { kind: 'number', number: 1.5, unit: '万人次' }],
    ['8万亩', { kind: 'number', number: 8, unit: '万亩' }],
    ['2023.12万元', { kind: 'number', number: 2023.12, unit: '万元' }],
    // an unknown short word after the figure is its unit
    ['5乡镇', { kind: 'number', number: 5, unit: '乡镇' }],
    // spacing and width
    ['≥ 90 %', { kind: 'number', operator: '≥', number: 90, unit: '%' }],
    ['≥90\n%', { kind: 'number', operator: '≥', number: 90, unit: '%' }],
    ['＞＝９０％', { kind: 'number', operator: '≥', operatorText: '>=', number: 90, unit: '%' }],
    ['> = 90%', { kind: 'number', operator: '≥', operatorText: '>=', number: 90, unit: '%' }],
    // notes
    ['≥90%（抽样调查）', { kind: 'number', operator: '≥', number: 90, unit: '%', note: '抽样调查' }],
    ['100%完成', { kind: 'number', number: 100, unit: '%', note: '完成' }],
    ['3个村', { kind: 'number', number: 3, unit: '个', note: '村' }],
    ['220（预计）', { kind: 'number', number: 220, note: '预计' }],
    ['≥90%以上', { kind: 'number', operator: '≥', number: 90, unit: '%', note: '以上' }],
    ['90%及以上（含）', { kind: 'number', operator: '≥', operatorText: '及以上', number: 90, unit: '%', note: '含' }],
    ['5-10个', { kind: 'number', number: 5, note: '-10个' }],
  ];
  it.each(rows)('%j', (input, expected) => {
    expect(parseValue(input)).toStrictEqual(expected);
  });
});

describe('parseValue: dates and periods', () => {
  const rows: Row[] = [
    ['2024年9月前', { kind: 'date', operator: '≤', operatorText: '前', date: { year: 2024, month: 9 }, qualifier: 'before' }],
    ['9月前', { kind: 'date', operator: '≤', operatorText: '前', date: { month: 9 }, qualifier: 'before' }],
    ['2021年12月31日', { kind: 'date', date: { year: 2021, month: 12, day: 31 } }],
    ['2021年底', { kind: 'date', date: { year: 2021 }, qualifier: 'end' }],
    ['12月底到位', { kind: 'date', date: { month: 12 }, qualifier: 'end', note: '到位' }],
    ['2025年年底前', { kind: 'date', operator: '≤', operatorText: '前', date: { year: 2025 }, qualifier: 'before' }],
    ['2023年6月30日前', { kind: 'date', operator: '≤', operatorText: '前', date: { year: 2023, month: 6, day: 30 }, qualifier: 'before' }],
    ['2024年', { kind: 'date', date: { year: 2024 } }],
    ['2024年度', { kind: 'date', date: { year: 2024 } }],
    ['2021年9月', { kind: 'date', date: { year: 2021, month: 9 } }],
    ['2023年12月末', { kind: 'date', date: { year: 2023, month: 12 }, qualifier: 'end' }],
    ['2024年9月底前完成', { kind: 'date', operator: '≤', operatorText: '前', date: { year: 2024, month: 9 }, qualifier: 'before', note: '完成' }],
    ['2024年12月31日之前', { kind: 'date', operator: '≤', operatorText: '之前', date: { year: 2024, month: 12, day: 31 }, qualifier: 'before' }],
    ['2024年内', { kind: 'date', operator: '≤', operatorText: '内', date: { year: 2024 }, qualifier: 'within' }],
    ['≤2024年9月', { kind: 'date', operator: '≤', date: { year: 2024, month: 9 } }],
    ['不晚于2024年6月', { kind: 'date', operator: '≤', operatorText: '不晚于', date: { year: 2024, month: 6 } }],
    ['2023.12', { kind: 'date', date: { year: 2023, month: 12 } }],
    ['2024-01-15', { kind: 'date', date: { year: 2024, month: 1, day: 15 } }],
    ['2024/1/15', { kind: 'date', date: { year: 2024, month: 1, day: 15 } }],
    ['2024.12.31前', { kind: 'date', operator: '≤', operatorText: '前', date: { year: 2024, month: 12, day: 31 }, qualifier: 'before' }],
    // periods
    ['2020年1月--2020年11月', { kind: 'period', date: { year: 2020, month: 1 }, end: { year: 2020, month: 11 } }],
    ['2023.07-2024.01', { kind: 'period', date: { year: 2023, month: 7 }, end: { year: 2024, month: 1 } }],
    ['2020.1.1-2020.12.31', { kind: 'period', date: { year: 2020, month: 1, day: 1 }, end: { year: 2020, month: 12, day: 31 } }],
    ['2024年1月至12月', { kind: 'period', date: { year: 2024, month: 1 }, end: { year: 2024, month: 12 } }],
    ['2022年3月–2023年11月', { kind: 'period', date: { year: 2022, month: 3 }, end: { year: 2023, month: 11 } }],
    ['2024年1月1日~2024年12月31日', { kind: 'period', date: { year: 2024, month: 1, day: 1 }, end: { year: 2024, month: 12, day: 31 } }],
    ['2024年1-6月', { kind: 'period', date: { year: 2024, month: 1 }, end: { year: 2024, month: 6 } }],
    ['2024-2026', { kind: 'period', date: { year: 2024 }, end: { year: 2026 } }],
    ['2024年—2026年', { kind: 'period', date: { year: 2024 }, end: { year: 2026 } }],
  ];
  it.each(rows)('%j', (input, expected) => {
    expect(parseValue(input)).toStrictEqual(expected);
  });
});

describe('parseValue: durations', () => {
  const rows: Row[] = [
    ['30天', { kind: 'duration', number: 30, unit: '天' }],
    ['3个月', { kind: 'duration', number: 3, unit: '个月' }],
    ['10个工作日内', { kind: 'duration', operator: '≤', operatorText: '内', number: 10, unit: '个工作日', qualifier: 'within' }],
    ['≤15个工作日', { kind: 'duration', operator: '≤', number: 15, unit: '个工作日' }],
    ['30天以内', { kind: 'duration', operator: '≤', operatorText: '以内', number: 30, unit: '天', qualifier: 'within' }],
    ['24小时内', { kind: 'duration', operator: '≤', operatorText: '内', number: 24, unit: '小时', qualifier: 'within' }],
    ['3年', { kind: 'duration', number: 3, unit: '年' }],
    ['30日', { kind: 'duration', number: 30, unit: '日' }],
  ];
  it.each(rows)('%j', (input, expected) => {
    expect(parseValue(input)).toStrictEqual(expected);
  });
});

describe('parseValue: qualitative', () => {
  const rows: Row[] = [
    ['提升', { kind: 'qualitative' }],
    ['是', { kind: 'qualitative' }],
    ['否', { kind: 'qualitative' }],
    ['无', { kind: 'qualitative' }],
    ['显著提升', { kind: 'qualitative' }],
    ['应保尽保', { kind: 'qualitative' }],
    ['优良中低差', { kind: 'qualitative' }],
    ['高中低', { kind: 'qualitative' }],
    ['年度', { kind: 'qualitative' }],
    ['通过项目实施，有效改善群众生产生活条件，群众满意度明显提高。', { kind: 'qualitative' }],
    ['项目按期完成率达到100%', { kind: 'qualitative' }],
    // An operator word opening prose stays prose.
    ['达到国家标准', { kind: 'qualitative' }],
    ['以上均达标', { kind: 'qualitative' }],
  ];
  it.each(rows)('%j', (input, expected) => {
    expect(parseValue(input)).toStrictEqual(expected);
  });
});

describe('parseValue: placeholders and empty cells', () => {
  const rows: Row[] = [
    ['≥**%', { kind: 'placeholder', operator: '≥', unit: '%' }],
    ['(≥**个)', { kind: 'placeholder', operator: '≥', unit: '个' }],
    ['（≥**个）', { kind: 'placeholder', operator: '≥', unit: '个' }],
    ['≥**人', { kind: 'placeholder', operator: '≥', unit: '人' }],
    ['**', { kind: 'placeholder' }],
    ['XX', { kind: 'placeholder' }],
    ['ＸＸ', { kind: 'placeholder' }],
    ['××', { kind: 'placeholder' }],
    ['≥X%', { kind: 'placeholder', operator: '≥', unit: '%' }],
    ['≧ %', { kind: 'placeholder', operator: '≥', operatorText: '≧', unit: '%' }],
    ['≥', { kind: 'placeholder', operator: '≥' }],
    ['(<**元/户·年)——需填写', { kind: 'placeholder' }],
    ['完成XX个村', { kind: 'placeholder' }],
    // a unit alone: the figure is missing
    ['公里', { kind: 'placeholder', unit: '公里' }],
    ['万亩', { kind: 'placeholder', unit: '万亩' }],
    ['%', { kind: 'placeholder', unit: '%' }],
    ['元/人*月', { kind: 'placeholder', unit: '元/人*月' }],
    ['百分比', { kind: 'placeholder', unit: '%', unitText: '百分比' }],
    // dashes and slashes say "not applicable"
    ['/', { kind: 'placeholder' }],
    ['—', { kind: 'placeholder' }],
    ['--', { kind: 'placeholder' }],
    // nothing written
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
    [' \n\t\u3000\u00a0', { kind: 'empty' }],
  ];
  it.each(rows)('%j', (input, expected) => {
    expect(parseValue(input)).toStrictEqual(expected);
  });
});

describe('parseValue: numbers that look like dates and back', () => {
  const rows: Row[] = [
    // 2020.1 is a figure (ambiguous, no unit); 2023.12 alone is a month.
    ['2020.1', { kind: 'number', number: 2020.1 }],
    ['2023.12', { kind: 'date', date: { year: 2023, month: 12 } }],
    ['12月', { kind: 'date', date: { month: 12 } }],
    ['12个月', { kind: 'duration', number: 12, unit: '个月' }],
    ['1990-3000', { kind: 'number', number: 1990, note: '-3000' }],
  ];
  it.each(rows)('%j', (input, expected) => {
    expect(parseValue(input)).toStrictEqual(expected);
  });
});

describe('parseValue: stays linear on hostile cells', () => {
  const n = 100_000;
  const hostile = [
    '9'.repeat(n),
    '1,'.repeat(n / 2),
    '1 '.repeat(n / 2),
    '万'.repeat(n),
    '*'.repeat(n),
    '('.repeat(n),
    '2024年'.repeat(n / 5),
    '2024.'.repeat(n / 5),
    '2024-'.repeat(n / 5),
    '1' + '元/'.repeat(n / 2),
    '1' + '乡'.repeat(n),
    '1' + '以'.repeat(n),
    '≥'.repeat(n),
    '> '.repeat(n / 2),
    'xX'.repeat(n / 2),
  ];
  it.each(hostile.map((s) => [s.slice(0, 6), s] as const))('%j…', (_label, input) => {
    const started = performance.now();
    parseValue(input);
    parseSplitValue({ operator: input, value: input, unit: input });
    parseAmount(input);
    // Linear work on 100k characters takes milliseconds; a quadratic path would take many seconds.
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('parseSplitValue', () => {
  const rows: [{ operator?: string; value?: string; unit?: string }, ParsedValue][] = [
    [{ operator: '≥', value: '280', unit: '亿元' }, { kind: 'number', operator: '≥', number: 280, unit: '亿元' }],
    [{ operator: '≥', value: '90', unit: '%' }, { kind: 'number', operator: '≥', number: 90, unit: '%' }],
    [{ operator: '>=', value: '90', unit: '%' }, { kind: 'number', operator: '≥', operatorText: '>=', number: 90, unit: '%' }],
    [{ operator: '=', value: '8', unit: '个' }, { kind: 'number', operator: '=', number: 8, unit: '个' }],
    [{ operator: '≤', value: '620', unit: '万/月' }, { kind: 'number', operator: '≤', number: 620, unit: '万/月' }],
    [{ operator: '≥', value: '98', unit: '百分比' }, { kind: 'number', operator: '≥', number: 98, unit: '%', unitText: '百分比' }],
    [{ operator: '', value: '100', unit: '%' }, { kind: 'number', number: 100, unit: '%' }],
    [{ value: '220' }, { kind: 'number', number: 220 }],
    [{ operator: '定量', value: '3', unit: '个' }, { kind: 'number', number: 3, unit: '个' }],
    // the value cell holds its own operator / unit
    [{ operator: '≥', value: '90%' }, { kind: 'number', operator: '≥', number: 90, unit: '%' }],
    [{ operator: '≥', value: '90%', unit: '' }, { kind: 'number', operator: '≥', number: 90, unit: '%' }],
    [{ operator: '', value: '≥90', unit: '%' }, { kind: 'number', operator: '≥', number: 90, unit: '%' }],
    [{ operator: '≤', value: '≥90', unit: '%' }, { kind: 'number', operator: '≤', number: 90, unit: '%' }],
    [{ operator: '≥', value: '>=90', unit: '' }, { kind: 'number', operator: '≥', number: 90 }],
    // the unit column wins over the value cell's own unit
    [{ operator: '=', value: '28.8万元', unit: '%' }, { kind: 'number', operator: '=', number: 28.8, unit: '%' }],
    [{ operator: '≥', value: '90%', unit: '(%)' }, { kind: 'number', operator: '≥', number: 90, unit: '%', unitText: '(%)' }],
    // figure + unit read as one cell would be
    [{ operator: '≤', value: '30', unit: '天' }, { kind: 'duration', operator: '≤', number: 30, unit: '天' }],
    [{ operator: '≤', value: '12', unit: '月' }, { kind: 'date', operator: '≤', date: { month: 12 } }],
    [{ operator: '=', value: '2024', unit: '年' }, { kind: 'date', operator: '=', date: { year: 2024 } }],
    [{ operator: '≤', value: '5', unit: '个工作日' }, { kind: 'duration', operator: '≤', number: 5, unit: '个工作日' }],
    // 定性: no operator from the column
    [{ operator: '定性', value: '提升' }, { kind: 'qualitative' }],
    [{ operator: '定性', value: '优良中低差', unit: '' }, { kind: 'qualitative' }],
    [{ operator: '定性', value: '' }, { kind: 'empty' }],
    [{ operator: '定性', value: '是', unit: '是/否' }, { kind: 'qualitative', unit: '是/否' }],
    // dates in the value cell
    [{ operator: '≤', value: '2024年9月' }, { kind: 'date', operator: '≤', date: { year: 2024, month: 9 } }],
    [{ operator: '', value: '2024年9月前' }, { kind: 'date', operator: '≤', operatorText: '前', date: { year: 2024, month: 9 }, qualifier: 'before' }],
    [{ operator: '=', value: '2023.07-2024.01' }, { kind: 'period', operator: '=', date: { year: 2023, month: 7 }, end: { year: 2024, month: 1 } }],
    // template left unfilled
    [{ operator: '≥', value: '', unit: '%' }, { kind: 'placeholder', operator: '≥', unit: '%' }],
    [{ operator: '≥', value: '' }, { kind: 'placeholder', operator: '≥' }],
    [{ operator: '', value: '', unit: '%' }, { kind: 'placeholder', unit: '%' }],
    [{ operator: '≥', value: '**', unit: '%' }, { kind: 'placeholder', operator: '≥', unit: '%' }],
    [{ operator: '', value: '', unit: '' }, { kind: 'empty' }],
    [{}, { kind: 'empty' }],
    // full width everywhere
    [{ operator: '＞＝', value: '９０', unit: '％' }, { kind: 'number', operator: '≥', operatorText: '>=', number: 90, unit: '%' }],
  ];
  it.each(rows)('%j', (parts, expected) => {
    expect(parseSplitValue(parts)).toStrictEqual(expected);
  });
});

describe('parseAmount', () => {
  it.each([
    ['80', 80],
    ['80.00', 80],
    ['3,498,000.00', 3498000],
    ['￥80万', 80],
    ['¥ 80', 80],
    ['80万元', 80],
    ['80 万元', 80],
    ['1,250.5元', 1250.5],
    ['0', 0],
    ['８０．５', 80.5],
    ['80（含上年结转20）', 80],
  ])('%j → %j', (input, expected) => {
    expect(parseAmount(input)).toBe(expected);
  });

  it.each(['—', '/', '-', '', '  ', '无', '待定', '80%', '80万元其中财政40', 'XX'])('%j → undefined', (input) => {
    expect(parseAmount(input)).toBeUndefined();
  });
});
