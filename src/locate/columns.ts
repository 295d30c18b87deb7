import { distance } from 'fastest-levenshtein';
import type { ColumnRole, IndicatorPeriod } from '../model/declaration.js';
import { cleanLabel } from '../text/clean.js';

export type { ColumnRole };

export interface ColumnMatch {
  role: ColumnRole;
  /** Higher wins when two columns claim the same role (三级指标 beats 绩效指标). */
  priority: number;
  /** 中期 / 长期 / 年度 written in the label, e.g. 三级指标(年度). */
  period?: IndicatorPeriod;
  /** Matched by edit distance rather than an alias: worth telling the user. */
  fuzzy?: boolean;
}

/** Exact aliases after cleanLabel and removal of markers (*, ★) and parenthesised notes. */
const ALIASES: Record<string, [ColumnRole, number]> = {
  一级指标: ['level1', 3], 一级: ['level1', 2], 一级指标含分值: ['level1', 3], 指标类型: ['level1', 1],
  二级指标: ['level2', 3], 二级: ['level2', 2],
  三级指标: ['name', 3], 三级: ['name', 2], 指标内容: ['name', 3], 指标名称: ['name', 3],
  三级指标名称: ['name', 3], 具体指标: ['name', 2], 绩效指标: ['name', 1], 指标: ['name', 1],
  指标性质: ['operator', 3], 计算符号: ['operator', 3], 绩效指标性质: ['operator', 3], 符号: ['operator', 2],
  比较符号: ['operator', 2], 指标值类型: ['operator', 2], 定量定性: ['operator', 1],
  指标值: ['value', 3], 目标值: ['value', 3], 年度指标值: ['value', 4], 绩效指标值: ['value', 3],
  年度目标值: ['value', 4], 项目指标值: ['value', 3], 年度项目指标值: ['value', 4], 指标值及单位: ['value', 3],
  预期目标值: ['value', 3], 预期指标值: ['value', 3], 当年预期实现值: ['value', 4], 预期实现值: ['value', 3],
  计划值: ['value', 2], 指标目标值: ['value', 3],
  度量单位: ['unit', 3], 计量单位: ['unit', 3], 绩效度量单位: ['unit', 3], 单位: ['unit', 1], 指标单位: ['unit', 3],
  权重: ['weight', 3], 分值: ['weight', 3], 指标权重: ['weight', 3], 权重分值: ['weight', 3], 指标分值: ['weight', 3],
  指标值设定依据: ['basis', 3], 指标解释: ['basis', 3], 指标标准或依据: ['basis', 3], 指标值说明: ['basis', 3],
  指标值确定依据: ['basis', 3], 绩效标准: ['basis', 2], 指标说明: ['basis', 2], 设定依据: ['basis', 2],
  备注: ['remark', 2],
  指标方向性: ['direction', 3], 方向: ['direction', 2], 指标方向: ['direction', 3],
  绩效指标描述: ['description', 3], 指标描述: ['description', 3], 评扣分标准: ['description', 3],
  评分标准: ['description', 2], 评分细则: ['description', 2],
  实际完成值: ['actual', 3], 全年实际值: ['actual', 3], 实际值: ['actual', 2], 完成值: ['actual', 2],
  实际完成指标值: ['actual', 3], 实际: ['actual', 1], 全年实际完成值: ['actual', 3], 实际完成情况: ['actual', 2],
  得分: ['score', 3], 自评得分: ['score', 3],
  历史值: ['history', 2], 上年实际值: ['history', 3], 上年自评值: ['history', 3], 参考值: ['history', 1],
  项目名称: ['projectName', 3], 单位名称: ['unitName', 3], 预算单位: ['unitName', 2], 部门名称: ['unitName', 2],
  预算数: ['budget', 3], 预算金额: ['budget', 3], 项目金额: ['budget', 2], 资金总额: ['budget', 2], 年度资金总额: ['budget', 3],
  年度目标: ['goal', 3], 绩效目标: ['goal', 2], 年度绩效目标: ['goal', 3], 项目年度目标: ['goal', 3],
};

const FUZZY_CANDIDATES = Object.keys(ALIASES).filter((k) => k.length >= 4);

const PERIOD_WORDS: [RegExp, IndicatorPeriod][] = [
  [/中期/, 'mid-term'],
  [/长期|总体|实施期/, 'long-term'],
  [/年度|当年|本年/, 'annual'],
];

/** Strip markers and notes that do not change what a column is: *三级指标*, 权重(%), 指标值(包含数字及文字描述). */
function coreLabel(label: string): { core: string; note: string } {
  const flat = cleanLabel(label).replace(/[*★＊]/g, '');
  let note = '';
  const core = flat.replace(/[（(【[]([^）)】\]]*)[）)】\]]/g, (_m, inner: string) => {
    note += inner;
    return '';
  });
  return { core: core.replace(/[：:、/／]/g, ''), note };
}

/** Labels repeat on every form of a batch; classifying each distinct one once keeps locate cheap. */
const classified = new Map<string, ColumnMatch | undefined>();

export function classifyColumn(label: string): ColumnMatch | undefined {
  if (classified.has(label)) return classified.get(label);
  const match = classifyUncached(label);
  if (classified.size > 10_000) classified.clear();
  classified.set(label, match);
  return match;
}

function classifyUncached(label: string): ColumnMatch | undefined {
  const { core, note } = coreLabel(label);
  if (!core || core.length > 24) return undefined;
  const period = PERIOD_WORDS.find(([re]) => re.test(note) || re.test(core))?.[1];
  const withPeriod = period ? { period } : {};
  const exact = ALIASES[core];
  if (exact) return { role: exact[0], priority: exact[1], ...withPeriod };

  // Year-bearing labels of two-row headers: 2021年实际实现值 | 预期2022年实现值 | 2024年目标值.
  if (/\d{4}年?/.test(core)) {
    if (/实际|完成/.test(core)) return { role: 'history', priority: 2 };
    if (/目标|预期|计划|指标值/.test(core)) return { role: 'value', priority: 3 };
  }
  const stripped = core.replace(/^(中期|长期|年度|当年|本年)/, '').replace(/(中期|长期|年度)$/, '');
  if (stripped !== core && ALIASES[stripped]) {
    const [role, priority] = ALIASES[stripped];
    return { role, priority, ...withPeriod };
  }
  if (/实际|完成值/.test(core) && /值|情况/.test(core)) return { role: 'actual', priority: 2 };
  if (/偏差|原因|改进措施/.test(core)) return { role: 'deviation', priority: 1 };
  if (/指标值/.test(core) && !/依据|说明|解释|类型/.test(core)) return { role: 'value', priority: 2 };

  // A typo or an odd join (三级指示, 指标名, 计量单住): accept a close alias of the same length class.
  let best: string | undefined;
  let bestDistance = 2;
  if (core.length >= 4) {
    for (const candidate of FUZZY_CANDIDATES) {
      if (Math.abs(candidate.length - core.length) > 1) continue;
      const d = distance(core, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
  }
  if (best) {
    const [role, priority] = ALIASES[best]!;
    return { role, priority: priority - 1, fuzzy: true, ...withPeriod };
  }
  return undefined;
}
