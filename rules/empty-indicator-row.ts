import type { Declaration, Indicator } from '../src/model/declaration.js';
import { defineRule } from '../src/engine/rule.js';
import { findFirst, unitKindOfName } from './lexicon/match.js';
import { isBlankName } from './support/completeness.js';
import { placementOf } from './support/form.js';

export default defineRule({
  meta: {
    id: 'empty-indicator-row',
    category: 'completeness',
    defaultSeverity: 'error',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '三级指标要有指标值，指标值要有三级指标；只有二级指标的空行应补充或删除',
        en: 'Every indicator has a target and every target an indicator; rows with only a level-2 label are filled or deleted',
      },
    },
    messages: {
      noValue: {
        zh: '三级指标“{name}”没有指标值：无法据此考核，评审按“无缺项、错项”要求退回。请填写{hint}。',
        en: 'The indicator "{name}" has no target value, so nothing can be checked against it. Fill in {hint}.',
      },
      noName: {
        zh: '指标值“{value}”没有对应的三级指标名称：看不出衡量的是什么。请在本行填写三级指标名称。',
        en: 'The target "{value}" has no indicator name: nothing says what it measures. Name the indicator on this row.',
      },
      scaffold: {
        zh: '{level}“{label}”下没有三级指标和指标值（空行）：表内不应留缺项。请补充该项的三级指标和指标值；确不适用的，删除此行。',
        en: 'The row under {level} "{label}" has no indicator and no target (an empty row). Add the indicator and its target, or delete the row if it does not apply.',
      },
      scaffoldRequired: {
        zh: '{level}“{label}”下没有三级指标和指标值（空行）：这是申报表的必备内容，请补充三级指标和指标值。',
        en: 'The row under {level} "{label}" has no indicator and no target (an empty row): the form needs it; add the indicator and its target.',
      },
      fillRow: {
        zh: '在此行填写“{label}”的三级指标名称和指标值',
        en: 'Name an indicator of "{label}" on this row and give its target',
      },
      deleteRow: {
        zh: '删除此空行（“{label}”不适用于本项目时）',
        en: 'Delete this empty row (when "{label}" does not apply to the project)',
      },
    },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
  },
  create(context) {
    const { lexicon, profile, locale } = context;
    const levelWord = { zh: { 1: '一级指标', 2: '二级指标' }, en: { 1: 'level-1', 2: 'level-2' } }[locale];

    /** What to write, in the unit the name calls for; a deadline as a date in the form's year. */
    const hintFor = (indicator: Indicator, declaration: Declaration): string => {
      const year = declaration.year?.number;
      const isDeadline = placementOf(indicator, lexicon, profile).kind === 'timeliness' || findFirst(lexicon.cues.timeliness, indicator.name.text) !== undefined;
      const kind = unitKindOfName(indicator.name.text, lexicon);
      if (isDeadline && (kind === undefined || kind.kind === 'time')) {
        const example = year ? `${year}年12月底前` : '12月底前';
        return locale === 'zh' ? `完成时限（如“${example}”）` : `a deadline (e.g. "${example}")`;
      }
      if (kind?.unit) return locale === 'zh' ? `比较符号、数值和单位（${kind.unit}）` : `a comparison sign, a figure and its unit (${kind.unit})`;
      return locale === 'zh' ? '比较符号、数值和单位，不能量化的写明分级标准' : 'a comparison sign, a figure and its unit, or a graded qualitative target';
    };

    return {
      indicator(indicator, declaration) {
        if (declaration.kind === 'self-evaluation') return; // form-type-mismatch says what to submit
        const blankName = isBlankName(indicator);
        const emptyValue = indicator.value.kind === 'empty' || indicator.value.raw.trim() === '';
        if (!blankName && emptyValue) {
          context.report({
            messageId: 'noValue',
            data: { name: indicator.name.text, hint: hintFor(indicator, declaration) },
            at: indicator.value.at ?? indicator.name,
          });
        } else if (blankName && !emptyValue) {
          context.report({ messageId: 'noName', data: { value: indicator.value.raw }, at: indicator.name.at ? indicator.name : indicator.value });
        } else if (blankName && emptyValue) {
          const field = indicator.level2?.text ? indicator.level2 : indicator.level1;
          if (!field?.text) return;
          const data = { level: levelWord[indicator.level2?.text ? 2 : 1], label: field.text };
          // 满意度 rows are part of every template (missing-satisfaction-indicator says what to write there).
          const keep = placementOf(indicator, lexicon, profile).family === 'satisfaction';
          context.report({
            messageId: keep ? 'scaffoldRequired' : 'scaffold',
            data,
            at: indicator.name.at ? indicator.name : field,
            severity: 'warning',
            suggest: [
              { messageId: 'fillRow', data, edits: [] },
              ...(keep ? [] : [{ messageId: 'deleteRow' as const, data, edits: [] }]),
            ],
          });
        }
      },
    };
  },
});
