import type { DateParts, Declaration, Indicator } from '../src/model/declaration.js';
import { defineRule } from '../src/engine/rule.js';
import { parseValue } from '../src/locate/value.js';
import { verdictOf } from './support/classification.js';
import { level2Edit, nameOf, placementOf } from './support/form.js';
import { nullLikeValue, statesTimeLimit } from './support/values.js';

/** The years the form's dates may fall in: the budget year, the 项目期 and its 起止时间, the 中期目标's span. */
function allowedYears(declaration: Declaration, indicator: Indicator): { from: number; to: number } | undefined {
  const year = declaration.year?.number;
  const start = declaration.project.startDate ? parseValue(declaration.project.startDate.text).date?.year : undefined;
  const end = declaration.project.endDate ? parseValue(declaration.project.endDate.text).date?.year : undefined;
  const base = year ?? start;
  if (base === undefined) return undefined;
  let from = Math.min(base, start ?? base);
  let to = Math.max(base, end ?? base);
  const term = /(\d{1,2})\s*年/u.exec(declaration.project.term?.text ?? '');
  if (term) to = Math.max(to, base + Number(term[1]) - 1);
  for (const m of (declaration.goals.midTerm?.text ?? '').matchAll(/(?:19|20)\d{2}/gu)) {
    from = Math.min(from, Number(m[0]));
    to = Math.max(to, Number(m[0]));
  }
  // 长期 / 中期 tables look beyond the budget year by design.
  if (indicator.period !== 'annual') to = Number.POSITIVE_INFINITY;
  return { from, to };
}

function outside(date: DateParts | undefined, range: { from: number; to: number }): number | undefined {
  const y = date?.year;
  return y !== undefined && (y < range.from || y > range.to) ? y : undefined;
}

export default defineRule({
  meta: {
    id: 'date-value-format',
    category: 'values',
    defaultSeverity: 'warning',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '时效指标的指标值应是截止日期、完成用时或按时完成率；日期应在预算年度或项目期内；日期不应出现在时效以外的指标中',
        en: 'Timeliness values are deadlines, durations or on-time rates; dates fall in the budget year or project term; dates belong to timeliness rows',
      },
    },
    messages: {
      notDate: {
        zh: '时效指标“{name}”的指标值“{value}”不是时限：时效指标应写截止日期（如“{example}”）、完成用时（如“≤30天”）或按时完成的比率（如“=100%”），评审按“绩效指标明确性”扣分。',
        en: 'The timeliness indicator "{name}" has the value "{value}", not a time limit; state a deadline (e.g. "{example}"), a duration ("≤30天") or an on-time rate ("=100%").',
      },
      dateOutsideTimeliness: {
        zh: '“{name}”的指标值“{value}”是日期或时段，却填在“{level2}”下：日期类目标属于时效指标；请移到时效指标，或把指标值改为该指标应达到的数量、比率等。',
        en: 'The value "{value}" of "{name}" is a date or period but the row sits under "{level2}"; move it to 时效指标, or state the figure the indicator should reach.',
      },
      outsideYear: {
        zh: '指标值“{value}”中的{year}年不在本表的预算年度或项目期（{range}）内，请核对；跨年度项目请在项目期或起止时间中写明。',
        en: 'The year {year} in "{value}" is outside the budget year or project term ({range}); check it, and state the term of a multi-year project.',
      },
      useDeadline: {
        zh: '写截止日期，如“{example}”，或写完成用时，如“≤30天”',
        en: 'State a deadline such as "{example}", or a duration such as "≤30天"',
      },
      moveToTimeliness: {
        zh: '移到时效指标下',
        en: 'Move the row under 时效指标',
      },
    },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
  },
  create(context) {
    const { lexicon, profile, locale } = context;
    const spanText = (range: { from: number; to: number }) =>
      locale === 'zh'
        ? range.to === Number.POSITIVE_INFINITY ? `${range.from}年起` : range.from === range.to ? `${range.from}年` : `${range.from}—${range.to}年`
        : range.to === Number.POSITIVE_INFINITY ? `from ${range.from}` : range.from === range.to ? `${range.from}` : `${range.from}–${range.to}`;
    return {
      indicator(indicator, declaration) {
        const { value } = indicator;
        if (value.kind === 'empty' || value.kind === 'placeholder' || nullLikeValue(indicator) || !indicator.name.text) return;
        const placement = placementOf(indicator, lexicon, profile);
        const name = nameOf(indicator);
        const written = value.parts ? value.raw : value.raw.trim();
        const at = value.at ?? indicator.name;
        const year = declaration.year?.number;

        if (placement.kind === 'timeliness') {
          // A bare figure (10, 60) is a time limit missing its unit: missing-unit says so.
          const bareFigure = value.kind === 'number' && value.unit === undefined && value.unitAt === undefined && value.note === undefined;
          if (!statesTimeLimit(indicator, lexicon) && !bareFigure) {
            const example = year ? `${year}年12月底前` : '12月底前';
            const suggest = [{ messageId: 'useDeadline' as const, data: { example }, edits: [] }];
            context.report({ messageId: 'notDate', data: { name: indicator.name.text, value: written, example }, at, suggest });
            return;
          }
        } else if (
          (value.kind === 'date' || value.kind === 'period') &&
          placement.kind !== undefined &&
          placement.kind !== 'sustainable' &&
          indicator.level2 &&
          !verdictOf(indicator, lexicon, profile)
        ) {
          // 可持续影响 states horizons (持续发挥效益至2035年): dates are at home there. A row a
          // classification rule already moves (验收完成时间 under 质量: timeliness-misfiled) is theirs.
          context.report({
            messageId: 'dateOutsideTimeliness',
            data: { name: indicator.name.text, value: written, level2: indicator.level2.text },
            at,
            suggest: [{ messageId: 'moveToTimeliness', edits: level2Edit(indicator, declaration, '时效指标') }],
          });
          return;
        }

        if ((value.kind !== 'date' && value.kind !== 'period') || placement.kind === 'sustainable') return;
        const range = allowedYears(declaration, indicator);
        if (!range) return;
        const off = outside(value.date, range) ?? outside(value.end, range);
        if (off === undefined) return;
        context.report({ messageId: 'outsideYear', data: { value: written, year: off, range: spanText(range) }, at, severity: 'info' });
      },
    };
  },
});
