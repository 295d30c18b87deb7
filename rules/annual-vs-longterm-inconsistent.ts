import type { Declaration, Indicator, IndicatorPeriod } from '../src/model/declaration.js';
import { defineRule } from '../src/engine/rule.js';
import { cleanName, findAll } from './lexicon/match.js';
import { allVerbs, placementOf } from './support/form.js';
import { figureOf } from './support/goals.js';
import { formatFigure, similarity } from './support/quantities.js';

const PERIOD_NAMES = {
  zh: { 'long-term': '长期', 'mid-term': '中期', annual: '年度' },
  en: { 'long-term': 'long-term', 'mid-term': 'mid-term', annual: 'annual' },
} as const;

/** Words that name the period, not the measure: 累计培训人数 (long) is 培训人数 (annual). */
const PERIOD_WORDS = /年度|全年|当年|本年度?|累计|三年|五年|中期|长期|实施期|\d{4}(?:[—\-~至]\d{4})?年/gu;
/** Figures that add up over the years; rates, unit costs and durations do not. */
const CUMULATIVE = new Set(['count', 'area', 'length', 'volume', 'weight', 'money']);
/** Per-head or per-item money is a rate of spending, not a total. */
const UNIT_COST_NAME = /单位|单个|单台|单价|人均|生均|户均|亩均|校均|平均|每|标准/u;

/** A one-year project may fill both columns the same way. */
function oneYear(declaration: Declaration): boolean {
  const term = declaration.project.term?.text ?? '';
  if (/^(?:1|一)(?:个)?年/u.test(term) || /^12个月/u.test(term)) return true;
  const start = /(\d{4})/u.exec(declaration.project.startDate?.text ?? '')?.[1];
  const end = /(\d{4})/u.exec(declaration.project.endDate?.text ?? '')?.[1];
  return start !== undefined && start === end;
}

export default defineRule({
  meta: {
    id: 'annual-vs-longterm-inconsistent',
    category: 'consistency',
    defaultSeverity: 'warning',
    recommended: true,
    docs: {
      description: {
        zh: '年度指标应与长期/中期指标一致：年度累计量不超过长期值，长期指标不照搬年度、不留空',
        en: 'Annual targets agree with the long-term/mid-term set: not above it, not copied, not left empty',
      },
    },
    messages: {
      annualExceeds: {
        zh: '年度指标“{name}”为{annual}，大于{period}指标“{other}”的{long}：{period}指标是整个实施期的累计目标，年度目标不应超过它。请核对。',
        en: 'The annual target "{name}" ({annual}) is above the {period} target "{other}" ({long}); the {period} target covers the whole period and the annual one cannot exceed it.',
      },
      copied: {
        zh: '年度指标与{period}指标完全相同（{count}条指标名称和指标值都一样）：跨年度项目的年度指标应是当年的阶段性目标，而不是照搬{period}目标。',
        en: 'The annual indicators are the {period} ones copied ({count} rows with the same names and values): a multi-year project’s annual targets are this year’s stage, not the {period} targets.',
      },
      longTermEmpty: {
        zh: '{period}指标只有名称、没有指标值（{count}条）：跨年度项目应同时设定{period}目标和年度目标。',
        en: 'The {period} indicators have names but no targets ({count} rows): a multi-year project sets both {period} and annual targets.',
      },
    },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
  },
  create(context) {
    const { lexicon, profile, locale } = context;
    const periodName = PERIOD_NAMES[locale];
    const keyOf = (i: Indicator) => cleanName(i.name.text).replace(PERIOD_WORDS, '');
    const verbs = allVerbs(lexicon);
    const verbsOf = (name: string) => findAll(verbs, name).map((m) => m.matched).join();

    /** The long-term row an annual row stands for: the same name, or one clearly alike in the same 二级. */
    const partnerOf = (row: Indicator, longRows: Indicator[]): Indicator | undefined => {
      const key = keyOf(row);
      const same = longRows.filter((l) => keyOf(l) === key);
      if (same.length) return same.length === 1 ? same[0] : undefined;
      const kind = placementOf(row, lexicon, profile).kind;
      // 新建村级活动场所数量 is not 改建村级活动场所数量: alike names name the same work, or one names none.
      const work = verbsOf(key);
      const sameWork = (other: string) => !work || !other || other === work;
      const alike = longRows.filter((l) => placementOf(l, lexicon, profile).kind === kind && similarity(keyOf(l), key) >= 0.75 && sameWork(verbsOf(keyOf(l))));
      return alike.length === 1 ? alike[0] : undefined;
    };

    return {
      declaration(declaration) {
        const named = declaration.indicators.filter((i) => i.name.text);
        const annual = named.filter((i) => i.period === 'annual');
        const longRows = named.filter((i) => i.period !== 'annual');
        if (!annual.length || !longRows.length) return;
        const period: IndicatorPeriod = longRows[0]!.period;
        const pName = periodName[period];

        // 长期 column left empty.
        if (longRows.every((l) => l.value.kind === 'empty') && annual.some((a) => a.value.kind !== 'empty')) {
          if (!oneYear(declaration)) {
            context.report({ messageId: 'longTermEmpty', data: { period: pName, count: longRows.length }, at: longRows[0]!.value.at ? longRows[0]!.value : longRows[0]!.name, indicator: longRows[0]!, severity: 'info' });
          }
          return;
        }

        // 长期 copied verbatim into 年度: every row the same, at least one of them a cumulative figure.
        const norm = (text: string) => text.replace(/\s/gu, '');
        const copied =
          annual.length === longRows.length &&
          annual.length > 1 &&
          longRows.every((l) => annual.some((a) => cleanName(a.name.text) === cleanName(l.name.text) && norm(a.value.raw) === norm(l.value.raw))) &&
          annual.some((a) => CUMULATIVE.has(figureOf(a, lexicon)?.kind ?? ''));
        if (copied) {
          if (!oneYear(declaration)) context.report({ messageId: 'copied', data: { period: pName, count: annual.length }, at: annual[0]!.name, indicator: annual[0]!, severity: 'info' });
          return;
        }

        // A cumulative annual figure above the whole-period one.
        for (const row of annual) {
          const figure = figureOf(row, lexicon);
          if (!figure || !CUMULATIVE.has(figure.kind ?? '') || UNIT_COST_NAME.test(cleanName(row.name.text))) continue;
          const other = partnerOf(row, longRows);
          const long = other && figureOf(other, lexicon);
          if (!other || !long || long.base !== figure.base || UNIT_COST_NAME.test(cleanName(other.name.text))) continue;
          if (figure.value > long.value * (1 + 1e-9)) {
            context.report({
              messageId: 'annualExceeds',
              data: { name: row.name.text, annual: row.value.raw, period: pName, other: other.name.text, long: other.value.raw || formatFigure(long.value) },
              at: row.value.at ? row.value : row.name,
              indicator: row,
            });
          }
        }
      },
    };
  },
});
