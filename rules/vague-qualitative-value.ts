import type { Declaration, Indicator } from '../src/model/declaration.js';
import { defineRule, type Profile, type SuggestionDescriptor } from '../src/engine/rule.js';
import { findFirst, polarityOf, unitKindOfName } from './lexicon/match.js';
import type { GradeScaleEntry, Lexicon } from './lexicon/types.js';
import { formTexts, nameOf, placementOf } from './support/form.js';
import { nullLikeValue, rewriteValue, statesTimeLimit, uninformativeCostRows, valueCellText } from './support/values.js';

/**
 * A value that is a direction and nothing else: 提升, 有所提高, 较上年提高, 明显改善. The vague phrases
 * of the lexicon catch most; these catch the bare verb, which is the commonest of all.
 */
const BARE_DIRECTION = /^(?:较上年度?|比上年度?|同比|逐年)?(?:有所|明显|显著|进一步|不断|持续|逐步|稳步|大幅|较大|一定)?(?:提升|提高|改善|增强|增加|增长|加强|优化|完善|促进|扩大|降低|减少|下降|减轻)(?:了)?$/u;

/** Rates whose level depends on the project: no "common" target to offer. */
const NO_COMMON_LEVEL = /(?:增长|下降|降低|节约|节支|利用|使用|参与|应用|入学|巩固)率$/u;

/** 较上年提高 / 同比增长: a change whose size is what is missing. */
const CHANGE_ON_LAST_YEAR = /^(?:较上年|比上年|同比|逐年)/u;

/** A rate stated in the goals next to the name's ending: "设备完好率98%以上" → 98. */
function rateFromGoals(ending: string, declaration: Declaration, lexicon: Lexicon, profile: Profile): number | undefined {
  const escaped = ending.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`${escaped}(?:达到|不低于|不少于|保持在?|为|达|≥|>=)?\\s*(\\d{1,3}(?:\\.\\d+)?)\\s*[%％]`, 'u');
  for (const piece of formTexts(declaration, lexicon, profile)) {
    if (piece.source !== 'goal' && piece.source !== 'project') continue;
    const m = re.exec(piece.text);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** The row names the grades of the scale it uses (two or more of them) in its 依据 / 描述 cells. */
function scaleStated(scale: GradeScaleEntry, indicator: Indicator): boolean {
  const texts = [indicator.basis?.text, indicator.description?.text].filter((t): t is string => !!t);
  return texts.some((t) => scale.grades.filter((g) => t.includes(g)).length >= 2);
}

export default defineRule({
  meta: {
    id: 'vague-qualitative-value',
    category: 'values',
    defaultSeverity: 'warning',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '指标值不应是没有分级标准的定性描述（稳步提高、效果明显、显著提升、良好……）',
        en: 'Target values are not ungraded qualitative words (稳步提高, 效果明显, 显著提升, 良好 …)',
      },
    },
    messages: {
      vague: {
        zh: '指标值“{value}”是既没有量化、也没有分级标准的定性描述（“{phrase}”），无法判断是否达成，评价时按“绩效指标明确性”扣分；应量化，或采用分级分档表述并写明各档标准。',
        en: 'The value "{value}" is qualitative, with neither a figure nor a defined grade ("{phrase}"), so whether it was met cannot be judged; quantify it, or use a defined grade scale.',
      },
      gradeUndefined: {
        zh: '指标值“{value}”是分级表述中的一档，但表中没有写明分级标准（{grades}各档的含义），无法判断是否达到；请在指标解释或设定依据中写明各档标准，或改为量化目标。',
        en: 'The value "{value}" is one grade of a scale ({grades}) but the form does not define the grades; define them in the basis column, or quantify the target.',
      },
      quantifyRate: {
        zh: '量化为比率：{after}{origin}',
        en: 'Quantify it as a rate: {after}{origin}',
      },
      quantifyUnit: {
        zh: '量化为数值：写明目标数值和单位，如“{operator} N {unit}”（N 按测算依据填写）',
        en: 'Quantify it: state a figure and a unit, such as "{operator} N {unit}" (N from the basis of the estimate)',
      },
      quantifyChange: {
        zh: '写明变化幅度，如“较上年提高 N 个百分点”，或写成具体目标值（上年实际值加提高幅度）',
        en: 'State the size of the change, such as "N percentage points above last year", or the target figure itself',
      },
      useGrades: {
        zh: '改为分级分档表述（如 优/良/中/差），并在指标解释中写明各档的判定标准',
        en: 'Use a grade scale (e.g. 优/良/中/差) and define each grade in the basis column',
      },
    },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
  },
  create(context) {
    const { lexicon, profile, locale } = context;
    const origins = {
      goal: { zh: '（取自年度目标中的数值）', en: ' (the figure in the goals)' },
      common: { zh: '（常见取值，请按测算依据调整）', en: ' (a common target; adjust it to the basis of the estimate)' },
    };

    type Id = 'quantifyRate' | 'quantifyUnit' | 'quantifyChange' | 'useGrades';
    const suggestions = (indicator: Indicator, declaration: Declaration): SuggestionDescriptor<Id>[] => {
      const name = nameOf(indicator);
      const out: SuggestionDescriptor<Id>[] = [];
      const kind = unitKindOfName(name, lexicon);
      const polarity = polarityOf(name, lexicon);
      if (CHANGE_ON_LAST_YEAR.test(valueCellText(indicator))) {
        out.push({ messageId: 'quantifyChange', edits: [] });
      } else if (kind?.kind === 'rate' && polarity?.polarity === 'positive') {
        // A known positive rate (合格率, 完好率, 覆盖率 …): the goals' figure, else a common target.
        const ending = polarity.match.matched;
        const fromGoals = rateFromGoals(ending, declaration, lexicon, profile);
        // Growth, saving and use rates have no common level: only the goals' figure will do.
        const common = NO_COMMON_LEVEL.test(ending) ? undefined : /满意|认可|好评/u.test(name) ? 90 : 95;
        const number = fromGoals ?? common;
        if (number !== undefined) {
          const edits = rewriteValue(indicator, { operator: '≥', number, unit: '%' });
          out.push({ messageId: 'quantifyRate', data: { after: `≥${number}%`, origin: origins[fromGoals !== undefined ? 'goal' : 'common'][locale] }, edits });
        }
      } else if (kind && kind.kind !== 'rate' && kind.unit) {
        const operator = polarity?.polarity === 'negative' ? '≤' : '≥';
        out.push({ messageId: 'quantifyUnit', data: { operator, unit: kind.unit }, edits: [] });
      }
      out.push({ messageId: 'useGrades', edits: [] });
      return out;
    };

    return {
      indicator(indicator, declaration) {
        const { value } = indicator;
        if (value.kind !== 'qualitative' || !indicator.name.text) return;
        const text = valueCellText(indicator);
        // A figure in the words (较上年提高5个百分点) is a target; null-like values are another rule's.
        if (!text || /\d/u.test(text) || nullLikeValue(indicator)) return;
        const placement = placementOf(indicator, lexicon, profile);
        // 数量 values in words: non-numeric-quantity. Cost slogans with no amount on the form: cost-indicator-uninformative.
        if (placement.kind === 'quantity') return;
        // A 时效 value that is no time limit (逐步推进): date-value-format.
        if (placement.kind === 'timeliness' && !statesTimeLimit(indicator, lexicon)) return;
        if (uninformativeCostRows(declaration, lexicon, profile).includes(indicator)) return;

        const severity = placement.kind === 'sustainable' ? 'info' : 'warning';
        const at = value.at ?? indicator.name;
        const grade = findFirst(lexicon.vague.gradeScales, text);
        const phrase = findFirst(lexicon.vague.phrases, text)?.matched ?? (BARE_DIRECTION.test(text) ? text : undefined);
        if (grade) {
          // 优, 合格, 是, B级: a grade. 良好 / 较好 are grades too, but vague unless the scale is stated.
          if (phrase === undefined || scaleStated(grade.entry, indicator)) return;
          context.report({
            messageId: 'gradeUndefined',
            data: { value: text, grades: grade.entry.grades.join('/') },
            at,
            severity,
            suggest: suggestions(indicator, declaration),
          });
          return;
        }
        if (phrase === undefined) return;
        context.report({ messageId: 'vague', data: { value: text, phrase }, at, severity, suggest: suggestions(indicator, declaration) });
      },
    };
  },
});
