import type { TextField } from '../src/model/cell.js';
import type { ColumnRole, Declaration } from '../src/model/declaration.js';
import { defineRule } from '../src/engine/rule.js';
import { normalizeLevelName } from './lexicon/match.js';

/** Columns only a self-evaluation table has, as its header would name them. */
const SELF_EVALUATION_COLUMNS: [ColumnRole, { zh: string; en: string }][] = [
  ['actual', { zh: '实际完成值', en: 'actual value' }],
  ['score', { zh: '得分', en: 'score' }],
  ['deviation', { zh: '偏差原因', en: 'deviation reasons' }],
];

/** A title that names another document: 绩效自评表, 绩效评价指标体系, 评价表. */
const OTHER_TITLE = /自评表|评价指标体系|评价表|评分表/;

/** The 一级 of the 财预〔2020〕10号 evaluation framework (预算执行率 rows are self-evaluation, not a system). */
const EVALUATION_LEVEL1 = /^(投入指标|过程指标|决策指标|项目管理指标)$/;

export default defineRule({
  meta: {
    id: 'form-type-mismatch',
    category: 'form',
    defaultSeverity: 'error',
    recommended: true,
    docs: {
      description: {
        zh: '提交的应是绩效目标申报表，而不是绩效自评表或绩效评价指标体系',
        en: 'The file is a declaration form, not a self-evaluation table or an evaluation indicator system',
      },
    },
    messages: {
      selfEvaluation: {
        zh: '这是绩效自评表（{evidence}），不是绩效目标申报表：自评表在年度执行结束后对照目标打分，预算申报要提交项目支出绩效目标申报表（一级、二级、三级指标和指标值，不含实际完成值和得分）。请改交申报表；本次已按“{target}”列读取目标值。',
        en: 'This is a self-evaluation table ({evidence}), not a performance-target declaration: self-evaluation scores the year against its targets after the fact, while the budget needs the declaration form (levels 1–3 and target values, no actuals or scores). Submit the declaration; the targets were read from the "{target}" column this time.',
      },
      evaluationSystem: {
        zh: '这是绩效评价指标体系（一级指标有{labels}{scoring}），不是绩效目标申报表：投入、过程、决策是评价项目时打分用的框架（财预〔2020〕10号）。请改交申报表，一级指标用产出指标、效益指标、满意度指标（2021版另有成本指标），写预期达到的产出和效果。',
        en: 'This is an evaluation indicator system (level-1 {labels}{scoring}), not a performance-target declaration: input, process and decision belong to the framework evaluators score projects with. Submit the declaration, with output, benefit, satisfaction (and, from 2021, cost) indicators stating the expected outputs and effects.',
      },
    },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
  },
  create(context) {
    const { lexicon, profile, locale } = context;

    const selfEvaluationEvidence = (declaration: Declaration): string[] => {
      const evidence: string[] = [];
      const columns = declaration.layout?.columns ?? [];
      const found = SELF_EVALUATION_COLUMNS.filter(([role]) => columns.includes(role)).map(([, name]) => name[locale]);
      if (found.length === 0) {
        // Without a layout (JSON/YAML), the rows say it.
        if (declaration.indicators.some((i) => i.actual)) found.push(SELF_EVALUATION_COLUMNS[0]![1][locale]);
        if (declaration.indicators.some((i) => i.score)) found.push(SELF_EVALUATION_COLUMNS[1]![1][locale]);
      }
      if (found.length) evidence.push(locale === 'zh' ? `有${found.join('、')}列` : `it has ${found.join(', ')} columns`);
      if (declaration.title && /自评/.test(declaration.title.text)) evidence.push(locale === 'zh' ? `标题为“${declaration.title.text}”` : `titled "${declaration.title.text}"`);
      return evidence;
    };

    return {
      declaration(declaration) {
        const title = declaration.title;
        if (declaration.kind === 'self-evaluation' || (title && /自评/.test(title.text))) {
          const evidence = selfEvaluationEvidence(declaration);
          const target = declaration.targetColumn ?? title;
          return context.report({
            messageId: 'selfEvaluation',
            data: { evidence: evidence.join(locale === 'zh' ? '，' : '; '), target: declaration.targetColumn?.text ?? (locale === 'zh' ? '指标值' : 'target') },
            ...(target?.at ? { at: target } : {}),
          });
        }

        // An evaluation indicator system: framework 一级 labels, scored.
        const labels = new Map<string, TextField>();
        for (const indicator of declaration.indicators) {
          const field = indicator.level1;
          if (!field?.text) continue;
          const found = normalizeLevelName(field.text, lexicon, { profile, level: 1 });
          if (found?.evaluation && EVALUATION_LEVEL1.test(found.canonical) && !labels.has(found.canonical)) labels.set(found.canonical, field);
        }
        const columns = declaration.layout?.columns ?? [];
        const scored = columns.includes('weight') || columns.includes('description') || declaration.indicators.some((i) => i.weight || i.description);
        const titled = title !== undefined && OTHER_TITLE.test(title.text);
        if (labels.size === 0 || !(scored || titled || labels.size >= 2)) return;
        const first = [...labels.values()][0]!;
        const scoring = scored ? (locale === 'zh' ? '，并有分值或评分标准' : ', with scores or scoring criteria') : '';
        context.report({
          messageId: 'evaluationSystem',
          data: { labels: [...labels.keys()].join(locale === 'zh' ? '、' : ', '), scoring },
          at: first,
        });
      },
    };
  },
});
