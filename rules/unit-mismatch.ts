import type { Edit } from '../src/model/diagnostic.js';
import type { Indicator } from '../src/model/declaration.js';
import { defineRule } from '../src/engine/rule.js';
import { parseValue } from '../src/locate/value.js';
import { foldWidth, normalizeUnit } from '../src/text/normalize.js';
import type { UnitKind } from './lexicon/types.js';
import { nameOf, placementOf, valueEdit } from './support/form.js';
import { uninformativeCostRows, unitClashOf } from './support/values.js';

const KIND_WORDS: Record<'zh' | 'en', Record<UnitKind, string>> = {
  zh: {
    rate: '百分比（%）',
    money: '金额（元、万元）',
    unitCost: '单位金额（元/人、元/平方米等）',
    area: '面积（平方米、亩等）',
    length: '长度（米、公里等）',
    volume: '体积（立方米等）',
    weight: '重量（吨、公斤等）',
    time: '时间（天、月等）或日期',
    count: '数量（个、家、人等）',
  },
  en: {
    rate: 'a percentage (%)',
    money: 'money (元, 万元)',
    unitCost: 'money per unit (元/人, 元/平方米 …)',
    area: 'an area (平方米, 亩 …)',
    length: 'a length (米, 公里 …)',
    volume: 'a volume (立方米 …)',
    weight: 'a weight (吨, 公斤 …)',
    time: 'a time (天, 月 …) or a date',
    count: 'a count (个, 家, 人 …)',
  },
};

/** The value with its unit replaced, when the written unit ends the cell (≥150个 → ≥150平方米). */
function unitEdits(indicator: Indicator, unit: string): Edit[] {
  const { value } = indicator;
  if (value.parts) {
    if (value.unitAt && value.parts.unit !== undefined) return [{ sheet: value.unitAt.sheet, a1: value.unitAt.a1, before: value.parts.unit, after: unit }];
    return [];
  }
  const text = value.raw.trim();
  const written = value.unitText ?? value.unit;
  if (!written || value.note !== undefined || !foldWidth(text).endsWith(written)) return [];
  return valueEdit(indicator, text.slice(0, text.length - written.length) + unit);
}

export default defineRule({
  meta: {
    id: 'unit-mismatch',
    category: 'values',
    defaultSeverity: 'warning',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '计量单位应与指标含义一致：比率用%，费用用元，面积用平方米或亩；指标值和度量单位列不应各写一个单位',
        en: 'Units fit the indicator: % for rates, 元 for costs, 平方米/亩 for areas; value and unit columns do not state two units',
      },
    },
    messages: {
      mismatch: {
        zh: '“{name}”应以{expected}计量，指标值的单位却是“{unit}”，名称和数值说的不是一回事，评审按“绩效指标明确性”扣分；请改用相应单位，或改写指标名称使之与数值一致。',
        en: '"{name}" is measured in {expected} but the value is in "{unit}"; use a matching unit, or rename the indicator to fit the figure.',
      },
      deadlineAsRate: {
        zh: '“{name}”是完成时间，指标值却是比率“{value}”，看不出何时完成；请写截止日期（如“{example}”），或把名称改为“按时完成率”一类的比率指标。',
        en: '"{name}" is a completion time but the value is a rate, "{value}"; state a deadline (e.g. "{example}") or rename it as an on-time rate.',
      },
      conflictingUnits: {
        zh: '指标值写的是“{value}”，度量单位列却是“{unit}”，两个单位矛盾，系统按度量单位列读取；请核对后只保留正确的一个。',
        en: 'The value cell says "{value}" but the unit column says "{unit}"; the system reads the unit column. Keep the right one only.',
      },
      duplicateUnit: {
        zh: '度量单位列已写“{unit}”，指标值“{value}”又带了单位；指标值列只填数字，系统才能按数值读取。',
        en: 'The unit column already says "{unit}"; the value "{value}" repeats it. Put only the figure in the value column.',
      },
      useUnit: {
        zh: '单位改为“{unit}”',
        en: 'Use "{unit}"',
      },
      figureOnly: {
        zh: '指标值只填“{after}”',
        en: 'Write only "{after}" in the value cell',
      },
    },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
  },
  create(context) {
    const { lexicon, profile, locale } = context;
    return {
      indicator(indicator, declaration) {
        const { value } = indicator;
        if (value.kind !== 'number' && value.kind !== 'duration') return;
        const name = nameOf(indicator);

        // Split columns: the value cell may state a unit of its own beside the unit column.
        if (value.parts?.value !== undefined && value.parts.unit !== undefined && value.at) {
          const inner = parseValue(value.parts.value);
          const column = normalizeUnit(value.parts.unit).unit;
          if (inner.unit !== undefined && inner.number !== undefined) {
            if (inner.unit === column) {
              const written = inner.unitText ?? inner.unit;
              const text = value.parts.value.trim();
              const after = foldWidth(text).endsWith(written) ? text.slice(0, text.length - written.length).trim() : undefined;
              context.report({
                messageId: 'duplicateUnit',
                data: { value: value.parts.value, unit: value.parts.unit },
                at: value.at,
                severity: 'info',
                ...(after ? { suggest: [{ messageId: 'figureOnly' as const, data: { after }, edits: [{ sheet: value.at.sheet, a1: value.at.a1, before: value.parts.value, after }] }] } : {}),
              });
            } else {
              context.report({ messageId: 'conflictingUnits', data: { value: value.parts.value, unit: value.parts.unit }, at: value.unitAt ?? value.at });
            }
            return;
          }
        }

        if (!name) return;
        const clash = unitClashOf(indicator, lexicon);
        if (!clash) return;
        const placement = placementOf(indicator, lexicon, profile);
        // A cost stated as a rate with no amount on the form: cost-indicator-uninformative says it.
        if (uninformativeCostRows(declaration, lexicon, profile).includes(indicator)) return;
        // A % under 数量指标: rate-under-quantity reports the row as misfiled.
        if (placement.kind === 'quantity' && clash.unitKinds.includes('rate')) return;
        // In a 时效 row a time name with a count or a bare figure is date-value-format's; a % stays here.
        if (clash.nameKind === 'time' && placement.kind === 'timeliness' && clash.unit !== '%') return;
        const at = value.unitAt ?? value.at ?? indicator.name;

        if (clash.nameKind === 'time' && clash.unit === '%') {
          const year = declaration.year?.number;
          const example = year ? `${year}年12月底前` : '12月底前';
          context.report({ messageId: 'deadlineAsRate', data: { name: indicator.name.text, value: value.raw.trim(), example }, at });
          return;
        }
        const suggestion = clash.suggest ? [{ messageId: 'useUnit' as const, data: { unit: clash.suggest }, edits: unitEdits(indicator, clash.suggest) }] : [];
        context.report({
          messageId: 'mismatch',
          data: { name: indicator.name.text, expected: KIND_WORDS[locale][clash.nameKind], unit: value.unitText ?? clash.unit },
          at,
          ...(suggestion.length ? { suggest: suggestion } : {}),
        });
      },
    };
  },
});
