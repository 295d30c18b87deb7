import type { CellRef } from '../src/model/cell.js';
import type { Declaration, Indicator } from '../src/model/declaration.js';
import { defineRule, type Profile } from '../src/engine/rule.js';
import { cleanName, findFirst, findLongest } from './lexicon/match.js';
import type { CueEntry, Lexicon } from './lexicon/types.js';
import { anchorAfter, isNamed, mainSet, pathTarget } from './support/completeness.js';
import { allVerbs, placementOf, type Placement } from './support/form.js';

const DIMENSIONS = ['quantity', 'quality', 'timeliness', 'cost', 'benefit', 'economicBenefit', 'socialBenefit', 'ecologicalBenefit', 'sustainable'] as const;
type Dimension = (typeof DIMENSIONS)[number];

interface Options {
  required: Dimension[];
}

type Locale = 'zh' | 'en';

/** The name of each dimension as the form writes it, and what it is for (目录 §2.2 definitions). */
const NAMES: Record<Dimension, { zh: string; en: string; what: { zh: string; en: string } }> = {
  quantity: { zh: '数量指标', en: '数量指标 (quantity)', what: { zh: '反映预期提供的产品和服务的数量，如购置设备数量、培训人次', en: 'how much is delivered, e.g. equipment bought, trainee count' } },
  quality: { zh: '质量指标', en: '质量指标 (quality)', what: { zh: '反映产出达到的标准和质量，如验收合格率、达标率', en: 'the standard the outputs meet, e.g. acceptance pass rate' } },
  timeliness: { zh: '时效指标', en: '时效指标 (timeliness)', what: { zh: '反映完成任务的时限或进度，如完成时间、按期完成率', en: 'deadlines or pace, e.g. completion date' } },
  cost: { zh: '成本指标', en: '成本指标 (cost)', what: { zh: '反映提供产出所需的成本及其控制要求，如总成本、单位成本；原则上每个项目都应设置', en: 'what the outputs cost and the cap on it, e.g. total or unit cost; every project should set one' } },
  benefit: { zh: '效益指标', en: '效益指标 (benefit)', what: { zh: '反映产出带来的经济、社会、生态效益或可持续影响', en: 'the economic, social, ecological or lasting effects of the outputs' } },
  economicBenefit: { zh: '经济效益指标', en: '经济效益指标 (economic benefit)', what: { zh: '反映项目带来的直接或间接经济效益，如增收、产值', en: 'economic effects, e.g. income, output value' } },
  socialBenefit: { zh: '社会效益指标', en: '社会效益指标 (social benefit)', what: { zh: '反映项目带来的社会效益，如受益人数、覆盖率', en: 'social effects, e.g. people served, coverage' } },
  ecologicalBenefit: { zh: '生态效益指标', en: '生态效益指标 (ecological benefit)', what: { zh: '反映项目带来的生态环境效益，如减排量、绿化覆盖率', en: 'ecological effects, e.g. emission cuts, green cover' } },
  sustainable: { zh: '可持续影响指标', en: '可持续影响指标 (lasting impact)', what: { zh: '反映项目持续发挥作用的期限或机制，如设计使用年限', en: 'how long the effects last, e.g. design life' } },
};

const OUTPUT_DIMENSIONS: Dimension[] = ['quantity', 'quality', 'timeliness'];
const BENEFIT_KINDS: Dimension[] = ['economicBenefit', 'socialBenefit', 'ecologicalBenefit', 'sustainable'];
const COST_KINDS = new Set(['cost', 'economicCost', 'socialCost', 'ecologicalCost']);

function filedIn(dimension: Dimension, placement: Placement): boolean {
  if (dimension === 'cost') return placement.family === 'cost' || COST_KINDS.has(placement.kind ?? '');
  if (dimension === 'benefit') return placement.family === 'benefit';
  return placement.kind === dimension;
}

/** Strong cues of a dimension: a row filed elsewhere still gives the form that dimension (R08–R10 ask to move it). */
function cuesOf(dimension: Dimension, lexicon: Lexicon): CueEntry[] {
  const strong = (entries: CueEntry[]) => entries.filter((e) => !e.weak);
  if (dimension === 'quality') return strong(lexicon.cues.quality);
  if (dimension === 'timeliness') return strong(lexicon.cues.timeliness);
  if (dimension === 'cost') return strong([...lexicon.cues.cost.economic, ...lexicon.cues.cost.social, ...lexicon.cues.cost.ecological]);
  return [];
}

export default defineRule({
  meta: {
    id: 'missing-required-level2',
    category: 'completeness',
    defaultSeverity: 'warning',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '必填的指标维度（数量、质量、时效、成本、效益）不能缺',
        en: 'The required dimensions (quantity, quality, timeliness, cost, benefit) are all present',
      },
    },
    messages: {
      missingLevel2: {
        zh: '{parent}下缺少{name}：{what}。必填维度缺项，评价按“绩效指标明确性”扣分；请增设{name}及其三级指标和指标值。',
        en: '{parent} has no {name}: {what}. A required dimension is missing and evaluators deduct for it; add it with its indicators and targets.',
      },
      missingLevel1: {
        zh: '缺少{name}：{what}。必填维度缺项，评价按“绩效指标明确性”扣分；请增设一级“{name}”{children}及其三级指标和指标值。',
        en: 'No {name}: {what}. A required dimension is missing and evaluators deduct for it; add the level-1 "{name}"{children} with indicators and targets.',
      },
      addCostRow: {
        zh: '增设一行：一级“{level1}”、二级“{level2}”、三级“项目总成本”、指标值“≤{amount}{unit}”（不超过年度资金总额；能拆分的按主要支出分项列出）',
        en: 'Add a row: {level1} / {level2} / "项目总成本" (total cost) / "≤{amount}{unit}" (within the annual funds; itemise the main costs where possible)',
      },
      addTimelinessRow: {
        zh: '增设一行：二级“时效指标”、三级“{name}”、指标值“{value}”',
        en: 'Add a row: 时效指标 / "{name}" / "{value}"',
      },
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        required: { type: 'array', uniqueItems: true, items: { enum: [...DIMENSIONS] } },
      },
    },
    defaultOptions: { required: ['quantity', 'quality', 'timeliness', 'cost', 'benefit'] },
  },
  create(context) {
    const { lexicon, profile, locale, options } = context;
    const required = new Set(options.required);
    const placed = (i: Indicator) => placementOf(i, lexicon, profile);
    const L = locale as Locale;

    const lastOf = (rows: Indicator[], pick: (p: Placement) => boolean): Indicator | undefined =>
      rows.filter((i) => pick(placed(i))).reduce<Indicator | undefined>((a, b) => (!a || b.row > a.row ? b : a), undefined);

    /** Where the missing block would go: after the last row of the block it follows. */
    const anchor = (rows: Indicator[], after: (p: Placement) => boolean, level: 1 | 2): CellRef | { path: string } => {
      const last = lastOf(rows, after) ?? rows.reduce((a, b) => (b.row > a.row ? b : a));
      return anchorAfter(last, level) ?? pathTarget('/indicators');
    };

    const costSuggestion = (declaration: Declaration, costProfile: Profile) => {
      const total = declaration.funds?.annual.total?.amount;
      if (total === undefined || total <= 0) return [];
      const [level1, level2] = costProfile === 'legacy' ? ['产出指标', '成本指标'] : ['成本指标', '经济成本指标'];
      return [{ messageId: 'addCostRow' as const, data: { level1, level2, amount: total, unit: declaration.funds!.unit }, edits: [] }];
    };

    /** 时效: the first quantity row's task (新建高标准农田面积 → 新建高标准农田完成时间), by the form's year. */
    const timelinessSuggestion = (declaration: Declaration, rows: Indicator[]) => {
      const year = declaration.year?.number;
      if (year === undefined) return [];
      const quantity = rows.find((i) => isNamed(i) && placed(i).kind === 'quantity');
      let task = '主要任务';
      if (quantity) {
        const name = cleanName(quantity.name.text);
        const measure = findLongest(lexicon.measureNouns, name);
        // 户数 and a bare 数 often end the object itself (补贴农户数): no clean stem there.
        const clean = measure && name.endsWith(measure.matched) && !['户数', '数'].includes(measure.matched);
        const stem = clean ? name.slice(0, -measure!.matched.length) : '';
        if (stem && findFirst(allVerbs(lexicon), stem)) task = stem;
      }
      return [{ messageId: 'addTimelinessRow' as const, data: { name: `${task}完成时间`, value: `${year}年12月底前` }, edits: [] }];
    };

    return {
      declarationExit(declaration) {
        if (declaration.kind === 'self-evaluation') return;
        const rows = mainSet(declaration);
        // Without 一级/二级 columns the form cannot say which dimension a row is.
        if (!rows.some(isNamed) || !rows.some((i) => i.level1?.text || i.level2?.text)) return;

        const has = (dimension: Dimension): boolean => {
          const cues = cuesOf(dimension, lexicon);
          return rows.some((i) => {
            if (filedIn(dimension, placed(i))) return true; // an empty scaffold row counts: empty-indicator-row reports it
            return cues.length > 0 && isNamed(i) && findFirst(cues, i.name.text) !== undefined;
          });
        };
        // With 一级 labels only, the 二级 dimensions cannot be told apart.
        const hasLevel2 = rows.some((i) => i.level2?.text || placed(i).kind);
        const level2Only = new Set<Dimension>([...OUTPUT_DIMENSIONS, ...BENEFIT_KINDS, ...(profile === 'legacy' ? (['cost'] as const) : [])]);
        const missing = DIMENSIONS.filter((d) => required.has(d) && !has(d) && (hasLevel2 || !level2Only.has(d)));
        if (missing.length === 0) return;

        const isOutput = (p: Placement) => p.family === 'output';
        const hasOutput = rows.some((i) => isOutput(placed(i)));
        const outputMissing = missing.filter((d) => OUTPUT_DIMENSIONS.includes(d));
        const parent = locale === 'zh' ? '产出指标' : '产出指标 (output)';

        // No 产出 block at all: one finding for the block, not one per 二级.
        if (!hasOutput && outputMissing.length) {
          const children = locale === 'zh' ? `（含${outputMissing.map((d) => NAMES[d].zh).join('、')}）` : ` (with ${outputMissing.map((d) => NAMES[d].zh).join(', ')})`;
          context.report({
            messageId: 'missingLevel1',
            data: { name: '产出指标', what: locale === 'zh' ? '产出指标反映预期提供的公共产品和服务' : 'the public goods and services to be delivered', children },
            at: rows.reduce((a, b) => (b.row < a.row ? b : a)).level1?.at ?? anchor(rows, () => false, 1),
            suggest: outputMissing.includes('timeliness') ? timelinessSuggestion(declaration, rows) : [],
          });
        } else {
          for (const dimension of outputMissing) {
            context.report({
              messageId: 'missingLevel2',
              data: { parent, name: NAMES[dimension][L], what: NAMES[dimension].what[L] },
              at: anchor(rows, isOutput, 2),
              suggest: dimension === 'timeliness' ? timelinessSuggestion(declaration, rows) : [],
            });
          }
        }

        if (missing.includes('cost')) {
          const suggest = costSuggestion(declaration, profile);
          if (profile === 'legacy') {
            context.report({ messageId: 'missingLevel2', data: { parent, name: NAMES.cost[L], what: NAMES.cost.what[L] }, at: anchor(rows, isOutput, 2), suggest });
          } else {
            const children = locale === 'zh' ? '（二级“经济成本指标”等）' : ' (经济成本指标 …)';
            context.report({ messageId: 'missingLevel1', data: { name: NAMES.cost[L], what: NAMES.cost.what[L], children }, at: anchor(rows, isOutput, 1), suggest });
          }
        }

        const isBenefit = (p: Placement) => p.family === 'benefit';
        if (missing.includes('benefit')) {
          context.report({
            messageId: 'missingLevel1',
            data: { name: NAMES.benefit[L], what: NAMES.benefit.what[L], children: locale === 'zh' ? '（二级“社会效益指标”等）' : ' (社会效益指标 …)' },
            at: anchor(rows, (p) => p.family === 'output' || p.family === 'cost', 1),
          });
        }
        for (const dimension of BENEFIT_KINDS) {
          // With no 效益 block at all, the finding above covers its 二级.
          if (!missing.includes(dimension) || missing.includes('benefit')) continue;
          context.report({
            messageId: 'missingLevel2',
            data: { parent: locale === 'zh' ? '效益指标' : '效益指标 (benefit)', name: NAMES[dimension][L], what: NAMES[dimension].what[L] },
            at: anchor(rows, isBenefit, 2),
          });
        }
      },
    };
  },
});
