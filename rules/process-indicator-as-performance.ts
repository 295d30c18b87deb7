import type { Indicator } from '../src/model/declaration.js';
import { defineRule, type Profile, type SuggestionDescriptor } from '../src/engine/rule.js';
import type { Lexicon } from './lexicon/types.js';
import { normalizeLevelName } from './lexicon/match.js';
import { claimsOf, evidenceOf, levelPairOf, mainOutputOf, verdictOf, type MainOutput } from './support/classification.js';
import { editOf, nameOf, placementOf, valueEdit } from './support/form.js';

interface Options {
  allow: string[];
  allowUnder: string[];
}

type MessageId = 'process' | 'replace' | 'replaceSafety' | 'replaceTimely' | 'remove';

/** Work on a structure people enter (a booth, a hall, a building): its safety is checked on acceptance. */
const STRUCTURAL_VERBS: ReadonlySet<string> = new Set(['搭建', '布展', '装修', '新建', '建设', '改建', '扩建', '修缮', '改造', '加固']);
/** Documents that pass a review (规划编制评审通过率). */
const REVIEWED_DOCUMENT_VERBS: ReadonlySet<string> = new Set(['编制', '制定', '编纂', '起草', '修订', '撰写', '汇编']);

interface Rewrite {
  messageId: 'replace' | 'replaceSafety' | 'replaceTimely';
  after: string;
}

/** Quality indicators about the thing produced, built from the form's main output (展位 + 搭建). */
function qualityRewrites(main: MainOutput): Rewrite[] {
  const { object: o, verb: v } = main;
  if (!v) return [];
  switch (main.verbDomain) {
    case 'construction':
      return [{ messageId: 'replace', after: `${o}${v}验收合格率` }, ...(STRUCTURAL_VERBS.has(v) ? [{ messageId: 'replaceSafety' as const, after: `${o}结构及消防安全检查通过率` }] : [])];
    case 'procurement':
      return [{ messageId: 'replace', after: `${o}${v}验收合格率` }];
    case 'services':
      return v === '培训' ? [{ messageId: 'replace', after: `${o}培训考核合格率` }] : [];
    case 'transfers':
      return [{ messageId: 'replace', after: `${o}${v}准确率` }];
    case 'documents':
      return REVIEWED_DOCUMENT_VERBS.has(v) ? [{ messageId: 'replace', after: `${o}${v}评审通过率` }] : [];
    default:
      return [];
  }
}

/** Is the row's 二级 or 一级 one the config accepts process items under? */
function allowedUnder(indicator: Indicator, labels: string[], lexicon: Lexicon, profile: Profile): boolean {
  if (labels.length === 0) return false;
  const placement = placementOf(indicator, lexicon, profile);
  const here = [placement.level1?.canonical, placement.level2?.canonical];
  return labels.some((label) => here.includes(normalizeLevelName(label, lexicon, { profile })?.canonical ?? label));
}

export default defineRule<MessageId, Options>({
  meta: {
    id: 'process-indicator-as-performance',
    category: 'classification',
    defaultSeverity: 'warning',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '资金使用合规率、预算执行率、资金到位率等资金管理和过程类内容不应作为绩效指标',
        en: 'Fund-management and process items (资金使用合规率, 预算执行率, 资金到位率 …) are not performance indicators',
      },
    },
    messages: {
      process: {
        zh: '“{name}”是资金管理、过程类指标（“{cue}”），反映的是项目和资金怎么管理，不是项目的产出或效果；这类内容在绩效评价的“过程”部分（资金管理、组织实施）单独考核，作为绩效指标属于指标设置不当。请换成反映产出本身质量的指标。',
        en: '"{name}" is a fund-management or process item ("{cue}"): it is about how the project and its money are managed, not what the project delivers or achieves. Evaluations score these separately (过程: 资金管理, 组织实施); replace it with a measure of the output\'s own quality.',
      },
      replace: {
        zh: '改为“{after}”（指标值 {value}），衡量产出本身的质量；{evidence}',
        en: 'Replace it with "{after}" ({value}), the quality of the output itself; {evidence}',
      },
      replaceSafety: {
        zh: '改为“{after}”（指标值 {value}）：验收时逐项检查结构、电路和消防安全，并在指标解释中写明验收标准',
        en: 'Replace it with "{after}" ({value}): structure, wiring and fire safety checked item by item on acceptance, with the standard stated in the indicator\'s explanation',
      },
      replaceTimely: {
        zh: '改为“{after}”（指标值 {value}），衡量产出是否按期完成；{evidence}',
        en: 'Replace it with "{after}" ({value}), whether the output is delivered on time; {evidence}',
      },
      remove: {
        zh: '删除该行：预算执行、资金到位、合规和制度建设等情况由绩效评价的过程指标单独考核；改填反映产出本身的指标，如验收合格率、达标率',
        en: 'Delete the row: budget execution, funds arriving, compliance and rules in place are scored by the evaluation\'s process part; measure the output itself instead (验收合格率, 达标率 …)',
      },
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allow: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: '本地模板要求填写、不再提示的过程类指标（名称中的词，如“政府采购率”“预算执行率”）',
        },
        allowUnder: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: '允许填写过程类指标的一级或二级指标（如“成本指标”“经济成本指标”）',
        },
      },
    },
    defaultOptions: { allow: [], allowUnder: [] },
  },
  create(context) {
    const { lexicon, profile, locale, options } = context;
    return {
      indicator(indicator, declaration) {
        const name = nameOf(indicator);
        if (!name) return;
        const verdict = verdictOf(indicator, lexicon, profile);
        let cue = verdict?.owner === 'process-indicator-as-performance' ? verdict.claim?.matched : undefined;
        if (!cue && !verdict) {
          // A row the other rules cannot place (its level pair is wrong, its 二级 missing) is still a process item.
          const pair = levelPairOf(indicator, lexicon, profile);
          const evaluationRow = pair.level1?.evaluation || (pair.level1 && !['output', 'cost', 'benefit', 'satisfaction'].includes(pair.level1.family));
          if (!evaluationRow && (pair.status === 'wrongParent' || pair.status === 'otherProfile' || !indicator.level2?.text)) {
            cue = claimsOf(indicator, lexicon).find((c) => c.target === 'process')?.matched;
          }
        }
        if (!cue) return;
        if (options.allow.some((word) => name.includes(word))) return;
        if (allowedUnder(indicator, options.allowUnder, lexicon, profile)) return;

        const suggest: SuggestionDescriptor<MessageId>[] = [];
        const main = mainOutputOf(declaration, lexicon, profile);
        const kind = placementOf(indicator, lexicon, profile).kind;
        const existing = new Set(declaration.indicators.map(nameOf));
        const value = indicator.value.number === 100 && indicator.value.unit === '%' && indicator.value.operator !== '<' && indicator.value.operator !== '≤' ? indicator.value.raw : '=100%';
        const rewrites: Rewrite[] = !main?.verb
          ? []
          : kind === 'timeliness'
            ? [{ messageId: 'replaceTimely', after: `${main.object}${main.verb}按期完成率` }]
            : kind === 'quality' || (kind === undefined && placementOf(indicator, lexicon, profile).family === 'output')
              ? qualityRewrites(main)
              : [];
        for (const rewrite of rewrites) {
          if (existing.has(rewrite.after)) continue;
          suggest.push({
            messageId: rewrite.messageId,
            data: { after: rewrite.after, value, evidence: evidenceOf(main!, locale) },
            edits: [...editOf(indicator.name, rewrite.after), ...(value === indicator.value.raw ? [] : valueEdit(indicator, value))],
          });
        }
        if (suggest.length === 0) suggest.push({ messageId: 'remove', edits: [] });
        context.report({ messageId: 'process', data: { name: indicator.name.text, cue }, at: indicator.name, suggest });
      },
    };
  },
});
