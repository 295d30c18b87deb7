import { distance } from 'fastest-levenshtein';
import type { TextField } from '../src/model/cell.js';
import { defineRule } from '../src/engine/rule.js';
import { cleanName, levelKey, normalizeLevelName } from './lexicon/match.js';

const LEVEL_NAMES = { zh: { 1: '一级指标', 2: '二级指标' }, en: { 1: 'level-1', 2: 'level-2' } } as const;
const PROFILE_NAMES = {
  zh: { '2021': '2021 版指标体系（成本指标单列为一级）', legacy: '旧版指标体系（成本指标在产出指标下）' },
  en: { '2021': '2021 taxonomy (成本指标 is a level-1)', legacy: 'legacy taxonomy (成本指标 under 产出指标)' },
} as const;

export default defineRule({
  meta: {
    id: 'level-name-valid',
    category: 'classification',
    defaultSeverity: 'error',
    recommended: true,
    fixable: true,
    docs: {
      description: {
        zh: '一级、二级指标名称应是指标体系中的名称（错字可自动更正）',
        en: 'Level-1 and level-2 names belong to the indicator taxonomy (typos are fixed)',
      },
    },
    messages: {
      typo: {
        zh: '{level}“{name}”应为“{canonical}”。',
        en: 'The {level} name "{name}" should be "{canonical}".',
      },
      unknown: {
        zh: '{level}“{name}”不是{profile}中的名称，{level}应为：{allowed}。',
        en: '"{name}" is not a {level} name of the {profile}; expected one of: {allowed}.',
      },
      evaluation: {
        zh: '“{name}”是绩效评价指标体系（决策、过程类）的指标，不属于绩效目标申报表；申报表的一级指标是产出、效益、满意度（及成本）指标。',
        en: '"{name}" belongs to the evaluation framework (decision/process), not to a declaration form.',
      },
      wrongColumn: {
        zh: '“{name}”是{actual}，却填在{level}列。',
        en: '"{name}" is a {actual} name but sits in the {level} column.',
      },
    },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
  },
  create(context) {
    const { lexicon, profile } = context;
    const levelName = LEVEL_NAMES[context.locale];
    const taxonomy = lexicon.taxonomy.profiles[profile];
    const names = {
      1: taxonomy.level1.map((l1) => l1.word),
      2: [...new Set(taxonomy.level1.flatMap((l1) => l1.level2.map((l2) => l2.word)))],
    };
    const seen = new Set<string>();

    const check = (field: TextField | undefined, level: 1 | 2) => {
      if (!field?.text || !field.at) return;
      const key = `${field.at.sheet}!${field.at.a1}`;
      if (seen.has(key)) return; // a merged label is checked once, not on every row it covers
      seen.add(key);
      const found = normalizeLevelName(field.text, lexicon, { profile, level });
      const data = { level: levelName[level], name: field.text };
      if (found?.evaluation) return context.report({ messageId: 'evaluation', data, at: field });
      if (found) {
        // Names of the other profile (经济成本指标 on a legacy form) are a pairing question: rule invalid-level-pair.
        if (found.inProfile && found.level !== level) context.report({ messageId: 'wrongColumn', data: { ...data, actual: levelName[found.level] }, at: field });
        return;
      }
      // A misspelling one character away from exactly one name of this level: fix it in place.
      const written = cleanName(field.text);
      const close = names[level].filter((n) => Math.min(distance(written, cleanName(n)), distance(levelKey(field.text), levelKey(n))) <= 1 && written.length >= 2);
      if (close.length === 1 && field.text.includes(written)) {
        const canonical = close[0]!;
        const before = field.raw ?? field.text;
        const after = field.text.replace(written, canonical);
        return context.report({ messageId: 'typo', data: { ...data, canonical }, at: field, fix: [{ sheet: field.at.sheet, a1: field.at.a1, before, after }] });
      }
      context.report({ messageId: 'unknown', data: { ...data, profile: PROFILE_NAMES[context.locale][profile], allowed: names[level].join('、') }, at: field });
    };

    return {
      indicator(indicator) {
        check(indicator.level1, 1);
        check(indicator.level2, 2);
      },
    };
  },
});
