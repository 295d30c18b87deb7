import type { AmountField, Declaration, FundsSection, Indicator } from '../src/model/declaration.js';
import { defineRule } from '../src/engine/rule.js';
import { cleanName } from './lexicon/match.js';
import { placementOf, valueEdit } from './support/form.js';
import { formatFigure, sameAmount, scaleFigure } from './support/quantities.js';

const SECTION_NAMES = {
  zh: { annual: '年度资金', project: '项目资金（跨年度）' },
  en: { annual: 'annual funds', project: 'project funds (whole period)' },
} as const;
const PART_NAMES = {
  zh: { total: '总额', fiscal: '财政拨款', carryover: '上年结转', other: '其他资金', sum: '各来源之和' },
  en: { total: ' total', fiscal: 'fiscal appropriation', carryover: 'carry-over', other: 'other funds', sum: 'the sum of its sources' },
} as const;
const UNIT_NAMES = { zh: { 万元: '万元', 元: '元' }, en: { 万元: ' 万元', 元: ' 元' } } as const;

type PartKey = 'fiscal' | 'carryover' | 'other';
const PARTS: PartKey[] = ['fiscal', 'carryover', 'other'];

/** Per-head, per-area and per-item costs: never summed (人均培训成本, 单位面积改造成本, 补助标准). */
const UNIT_COST_NAME = /单位|单个|单台|单套|单场|单次|单价|人均|生均|户均|亩均|校均|场均|平均|每|标准/u;
/** The whole project's cost in one row: compared with the header, not summed. */
const WHOLE_COST_NAME = /^(?:项目)?(?:计划)?总(?:投入|投资|成本|费用|经费|预算)(?:金额|总额)?$|^项目(?:计划)?(?:总)?(?:投入|投资)(?:总额|金额)?$/u;
/** A subtotal of some part (设备购置总成本, 补贴资金发放总额): not added to the other rows. */
const SUBTOTAL_NAME = /总(?:投入|投资|成本|费用|经费|额)|合计|小计/u;

/** Same figure on the form's scale: a cent of 元 either way, or float noise. */
const close = (a: number, b: number, unitYuan: number) => Math.abs(a - b) <= Math.max(0.005 / unitYuan, Math.max(Math.abs(a), Math.abs(b)) * 1e-9);
/** a is b written 10,000 times too large or too small (349.80 万元 as 3,498,000.00 元). */
const tenThousandApart = (a: number, b: number) => a > 0 && b > 0 && (sameAmount(a, b * 1e4, 1e-4) || sameAmount(a * 1e4, b, 1e-4));

export default defineRule({
  meta: {
    id: 'budget-cost-mismatch',
    category: 'budget',
    defaultSeverity: 'error',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '资金总额应等于各来源之和，成本指标金额不应超过年度资金',
        en: 'Funds add up, and cost indicators stay within the annual budget',
      },
    },
    messages: {
      headerSum: {
        zh: '{section}总额{total}{unit}不等于各来源之和（{parts}，合计{sum}{unit}）：资金总额应等于财政拨款、上年结转与其他资金之和，否则会被退回修改。请核对。',
        en: 'The {section} total {total}{unit} is not the sum of its sources ({parts}, together {sum}{unit}); the total must equal fiscal appropriation + carry-over + other funds. Please check.',
      },
      partExceeds: {
        zh: '{part}{amount}{unit}大于{section}总额{total}{unit}：其中数不能超过总额，请核对。',
        en: '{part} {amount}{unit} exceeds the {section} total {total}{unit}; a part cannot exceed the total.',
      },
      costsExceed: {
        zh: '成本指标金额合计{sum}{unit}（{rows}）超过年度资金总额{total}{unit}：成本应控制在预算之内，评价时按“绩效指标明确性”（与预算资金量相匹配）扣分。请核对成本金额或资金总额。',
        en: 'Cost indicators add up to {sum}{unit} ({rows}), more than the annual funds of {total}{unit}: costs must fit the budget (scored under 绩效指标明确性). Check the cost amounts or the total.',
      },
      totalRowDiffers: {
        zh: '“{name}”为{value}，与年度资金总额{total}{unit}不一致：项目总投入应与年度预算相符。请核对。',
        en: '"{name}" is {value}, but the annual funds total {total}{unit}; the project total should match the annual budget.',
      },
      unitConfusion: {
        zh: '“{name}”的{value}与{field}{amount}{unit}恰好相差一万倍，像是“元”与“万元”混淆：请核对金额单位。',
        en: '"{name}" ({value}) is exactly 10,000 times {field} {amount}{unit}: 元 and 万元 look mixed up. Check the unit.',
      },
      unitConfusionSum: {
        zh: '成本指标金额合计{sum}{unit}是年度资金总额{total}{unit}的约{ratio}倍，像是“元”与“万元”混淆：请核对成本指标和表头的金额单位。',
        en: 'Cost indicators add up to {sum}{unit}, about {ratio} times the annual funds of {total}{unit}: 元 and 万元 look mixed up. Check the units of the cost rows and of the header.',
      },
      useTotal: {
        zh: '把指标值改为“{after}”，与年度资金总额一致',
        en: 'Change the target to "{after}", the annual funds total',
      },
    },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
  },
  create(context) {
    const { lexicon, profile, locale } = context;
    const sectionName = SECTION_NAMES[locale];
    const partName = PART_NAMES[locale];

    return {
      declaration(declaration: Declaration) {
        const { funds } = declaration;
        if (!funds) return;
        const unit = UNIT_NAMES[locale][funds.unit];
        const unitYuan = funds.unit === '万元' ? 1e4 : 1;
        const labels = declaration.layout?.labels;

        // 1. Header arithmetic, each section on its own (项目资金 is never compared with annual figures).
        const checkSection = (key: 'annual' | 'project', section: FundsSection | undefined) => {
          const total = section?.total?.amount;
          if (!section || total === undefined) return;
          const parts = PARTS.filter((p) => section[p]?.amount !== undefined).map((p) => ({ key: p, field: section[p]!, amount: section[p]!.amount! }));
          if (!parts.length) return;
          const sum = parts.reduce((a, p) => a + p.amount, 0);
          if (close(sum, total, unitYuan)) return;
          // One figure written in the other unit: the sum works once it is scaled by 10,000.
          const rescaled = (p: (typeof parts)[number], factor: number) => close(sum - p.amount + p.amount * factor, total, unitYuan);
          const mixed = parts.find((p) => p.amount > 0 && (rescaled(p, 1e4) || rescaled(p, 1e-4)));
          if (mixed || tenThousandApart(sum, total)) {
            const field = mixed?.field ?? section.total!;
            const other = mixed ? total : sum;
            return context.report({
              messageId: 'unitConfusion',
              data: { name: mixed ? partName[mixed.key] : `${sectionName[key]}${partName.total}`, value: field.text, field: mixed ? `${sectionName[key]}${partName.total}` : partName.sum, amount: formatFigure(other), unit },
              at: field,
              severity: 'warning',
            });
          }
          const over = parts.find((p) => p.amount > total && !close(p.amount, total, unitYuan));
          if (over) {
            return context.report({
              messageId: 'partExceeds',
              data: { part: partName[over.key], amount: formatFigure(over.amount), section: sectionName[key], total: formatFigure(total), unit },
              at: over.field,
            });
          }
          // Short of the total with a source left blank: the blank is the gap (missing-header-field's matter).
          const blank = PARTS.some((p) => section[p]?.amount === undefined && (labels ? labels[`funds.${key}.${p}`] !== undefined : p !== 'carryover'));
          if (sum < total && blank) return;
          const text = parts.map((p) => `${partName[p.key]}${formatFigure(p.amount)}`).join(locale === 'zh' ? '＋' : ' + ');
          context.report({
            messageId: 'headerSum',
            data: { section: sectionName[key], total: formatFigure(total), parts: text, sum: formatFigure(sum), unit },
            at: section.total!,
          });
        };
        checkSection('annual', funds.annual);
        checkSection('project', funds.project);

        // 2. and 3. The money 成本 rows of the annual set against the annual total.
        const total = funds.annual.total?.amount;
        if (total === undefined || total <= 0) return;
        const figures: { field: AmountField; label: string }[] = [
          { field: funds.annual.total!, label: `${sectionName.annual}${partName.total}` },
          ...PARTS.filter((p) => (funds.annual[p]?.amount ?? 0) > 0).map((p) => ({ field: funds.annual[p]!, label: partName[p] })),
        ];
        const costRows: { row: Indicator; amount: number }[] = [];
        for (const row of declaration.indicators) {
          if (row.period !== 'annual' || !row.name.text) continue;
          const { family, kind } = placementOf(row, lexicon, profile);
          const isCost = kind === 'cost' || kind === 'economicCost' || (family === 'cost' && kind === undefined);
          if (!isCost || row.value.kind !== 'number' || row.value.number === undefined) continue;
          const scaled = scaleFigure(row.value.number, row.value.unit, lexicon);
          if (scaled?.kind !== 'money' || scaled.base !== '元') continue;
          if (UNIT_COST_NAME.test(cleanName(row.name.text))) continue;
          costRows.push({ row, amount: scaled.value / unitYuan });
        }
        const parts: { row: Indicator; amount: number }[] = [];
        for (const cost of costRows) {
          const { row, amount } = cost;
          const name = cleanName(row.name.text);
          const mixed = figures.find((f) => tenThousandApart(amount, f.field.amount!));
          if (mixed) {
            context.report({
              messageId: 'unitConfusion',
              data: { name: row.name.text, value: row.value.raw, field: mixed.label, amount: formatFigure(mixed.field.amount!), unit },
              at: row.value.at ? row.value : row.name,
              indicator: row,
              severity: 'warning',
            });
            continue;
          }
          if (WHOLE_COST_NAME.test(name)) {
            // A project total equal to the whole-period funds is a multi-year figure, not an annual one.
            const projectTotal = funds.project?.total?.amount;
            if (close(amount, total, unitYuan) || (projectTotal !== undefined && close(amount, projectTotal, unitYuan))) continue;
            const inRowUnit = (total * unitYuan) / (scaleFigure(1, row.value.unit, lexicon)?.value ?? unitYuan);
            const after = `${row.value.operator ?? ''}${formatFigure(inRowUnit)}${row.value.unitText ?? row.value.unit ?? ''}`;
            context.report({
              messageId: 'totalRowDiffers',
              data: { name: row.name.text, value: row.value.raw, total: formatFigure(total), unit },
              at: row.value.at ? row.value : row.name,
              indicator: row,
              severity: 'warning',
              suggest: [{ messageId: 'useTotal', data: { after }, edits: valueEdit(row, after) }],
            });
            continue;
          }
          if (SUBTOTAL_NAME.test(name) && !close(amount, total, unitYuan) && amount > total) {
            context.report({
              messageId: 'costsExceed',
              data: { sum: formatFigure(amount), rows: row.name.text, total: formatFigure(total), unit },
              at: funds.annual.total!,
            });
            continue;
          }
          if (!SUBTOTAL_NAME.test(name)) parts.push(cost);
        }
        const sum = parts.reduce((a, p) => a + p.amount, 0);
        if (!parts.length || sum <= total || close(sum, total, unitYuan)) return;
        const rows = parts.map((p) => `${p.row.name.text}${formatFigure(p.amount)}`).join('、');
        if (sum >= total * 1000 && sum / 1e4 <= total * (1 + 1e-6)) {
          return context.report({
            messageId: 'unitConfusionSum',
            data: { sum: formatFigure(sum), total: formatFigure(total), unit, ratio: formatFigure(Math.round(sum / total)) },
            at: funds.annual.total!,
            severity: 'warning',
          });
        }
        context.report({ messageId: 'costsExceed', data: { sum: formatFigure(sum), rows, total: formatFigure(total), unit }, at: funds.annual.total! });
      },
    };
  },
});
