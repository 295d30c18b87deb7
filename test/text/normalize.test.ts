import { describe, expect, it } from 'vitest';
import {
  OPERATOR_WORDS,
  OPERATOR_WORDS_LONGEST_FIRST,
  UNIT_ALIASES,
  WHOLE_UNIT_ALIASES,
  foldWidth,
  normalizeOperator,
  normalizeUnit,
} from '../../src/text/normalize.js';

describe('foldWidth', () => {
  it.each([
    ['＞＝９０％', '>=90%'],
    ['（抽样调查）', '(抽样调查)'],
    ['ＡＢＣａｂｃ０１２', 'ABCabc012'],
    ['，；：！？', ',;:!?'],
    ['～－＊＝', '~-*='],
    ['\u3000≥90%\u3000', ' ≥90% '],
    // Targeted, not NFKC: these keep their own characters.
    ['㎡', '㎡'],
    ['①', '①'],
    ['m²', 'm²'],
    ['￥80万', '￥80万'],
    ['、。《》', '、。《》'],
    ['≥≤≧≦', '≥≤≧≦'],
    ['参展企业满意度', '参展企业满意度'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(foldWidth(input)).toBe(expected);
  });
});

describe('normalizeOperator', () => {
  it.each([
    // ≥
    ['≥', { operator: '≥', written: '≥' }],
    ['>=', { operator: '≥', written: '>=' }],
    ['≧', { operator: '≥', written: '≧' }],
    ['＞＝', { operator: '≥', written: '>=' }],
    ['=>', { operator: '≥', written: '=>' }],
    ['不低于', { operator: '≥', written: '不低于' }],
    ['不少于', { operator: '≥', written: '不少于' }],
    ['大于等于', { operator: '≥', written: '大于等于' }],
    ['大于或等于', { operator: '≥', written: '大于或等于' }],
    ['以上', { operator: '≥', written: '以上' }],
    ['及以上', { operator: '≥', written: '及以上' }],
    // ≤
    ['≤', { operator: '≤', written: '≤' }],
    ['<=', { operator: '≤', written: '<=' }],
    ['≦', { operator: '≤', written: '≦' }],
    ['＜＝', { operator: '≤', written: '<=' }],
    ['=<', { operator: '≤', written: '=<' }],
    ['不高于', { operator: '≤', written: '不高于' }],
    ['不超过', { operator: '≤', written: '不超过' }],
    ['不多于', { operator: '≤', written: '不多于' }],
    ['小于等于', { operator: '≤', written: '小于等于' }],
    ['小于或等于', { operator: '≤', written: '小于或等于' }],
    ['以内', { operator: '≤', written: '以内' }],
    ['以下', { operator: '≤', written: '以下' }],
    // =
    ['=', { operator: '=', written: '=' }],
    ['＝', { operator: '=', written: '=' }],
    ['==', { operator: '=', written: '==' }],
    ['等于', { operator: '=', written: '等于' }],
    ['达到', { operator: '=', written: '达到' }],
    // >
    ['>', { operator: '>', written: '>' }],
    ['＞', { operator: '>', written: '>' }],
    ['大于', { operator: '>', written: '大于' }],
    ['超过', { operator: '>', written: '超过' }],
    ['高于', { operator: '>', written: '高于' }],
    // <
    ['<', { operator: '<', written: '<' }],
    ['＜', { operator: '<', written: '<' }],
    ['小于', { operator: '<', written: '小于' }],
    ['低于', { operator: '<', written: '低于' }],
    // Cell clutter around a lone operator.
    [' ≥ ', { operator: '≥', written: '≥' }],
    ['> =', { operator: '≥', written: '>=' }],
    ['\u3000≤\n', { operator: '≤', written: '≤' }],
  ])('%j', (input, expected) => {
    expect(normalizeOperator(input)).toStrictEqual(expected);
  });

  it.each(['', '  ', '定性', '定量', '提升', '≥90%', '前', '内', '大', '正向'])('%j is not an operator', (input) => {
    expect(normalizeOperator(input)).toBeUndefined();
  });

  it('table: every spelling normalises to its own operator', () => {
    for (const w of OPERATOR_WORDS) {
      expect(normalizeOperator(w.written), w.written).toEqual({ operator: w.operator, written: foldWidth(w.written) });
    }
  });

  it('table: only 以上 / 以下 / 以内 forms are suffixes', () => {
    const suffixes = OPERATOR_WORDS.filter((w) => w.position === 'suffix').map((w) => w.written).sort();
    expect(suffixes).toEqual(['以上', '以下', '以内', '及以上', '及以下'].sort());
  });

  it('longest-first list puts 大于等于 before 大于 and >= before >', () => {
    const order = OPERATOR_WORDS_LONGEST_FIRST.map((w) => w.written);
    expect(order.indexOf('大于等于')).toBeLessThan(order.indexOf('大于'));
    expect(order.indexOf('>=')).toBeLessThan(order.indexOf('>'));
    expect(order.indexOf('<=')).toBeLessThan(order.indexOf('<'));
    // Folded and deduplicated: ＞＝ is already there as >=.
    expect(order).not.toContain('＞＝');
    expect(new Set(order).size).toBe(order.length);
  });
});

describe('normalizeUnit', () => {
  it.each([
    ['%', { unit: '%', written: '%' }],
    ['％', { unit: '%', written: '%' }],
    ['百分比', { unit: '%', written: '百分比' }],
    ['百分率', { unit: '%', written: '百分率' }],
    ['(%)', { unit: '%', written: '(%)' }],
    ['（%）', { unit: '%', written: '(%)' }],
    ['（％）', { unit: '%', written: '(%)' }],
    ['平米', { unit: '平方米', written: '平米' }],
    ['㎡', { unit: '平方米', written: '㎡' }],
    ['m²', { unit: '平方米', written: 'm²' }],
    ['m2', { unit: '平方米', written: 'm2' }],
    ['平方', { unit: '平方米', written: '平方' }],
    ['平方米', { unit: '平方米', written: '平方米' }],
    ['km', { unit: '公里', written: 'km' }],
    ['KM', { unit: '公里', written: 'KM' }],
    ['万', { unit: '万元', written: '万' }],
    ['(万元)', { unit: '万元', written: '(万元)' }],
    // Compound: aliases apply per part, 万 only when alone.
    ['元/㎡', { unit: '元/平方米', written: '元/㎡' }],
    ['万/月', { unit: '万/月', written: '万/月' }],
    // Kept as written.
    ['元/亩', { unit: '元/亩', written: '元/亩' }],
    ['元/人·月', { unit: '元/人·月', written: '元/人·月' }],
    ['元/人*月', { unit: '元/人*月', written: '元/人*月' }],
    ['人次', { unit: '人次', written: '人次' }],
    ['个', { unit: '个', written: '个' }],
    ['辆', { unit: '辆', written: '辆' }],
    ['万元/月', { unit: '万元/月', written: '万元/月' }],
    ['万元', { unit: '万元', written: '万元' }],
    ['M', { unit: 'M', written: 'M' }],
    ['公里', { unit: '公里', written: '公里' }],
    [' 个 ', { unit: '个', written: '个' }],
  ])('%j', (input, expected) => {
    expect(normalizeUnit(input)).toStrictEqual(expected);
  });

  it('exports its tables as data', () => {
    expect(UNIT_ALIASES['百分比']).toBe('%');
    expect(UNIT_ALIASES['㎡']).toBe('平方米');
    expect(UNIT_ALIASES['km']).toBe('公里');
    expect(WHOLE_UNIT_ALIASES['万']).toBe('万元');
    expect(UNIT_ALIASES['万']).toBeUndefined();
  });
});
