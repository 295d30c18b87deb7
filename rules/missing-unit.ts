import type { Declaration, Indicator } from '../src/model/declaration.js';
import type { Edit } from '../src/model/diagnostic.js';
import { defineRule } from '../src/engine/rule.js';
import { foldWidth, normalizeUnit } from '../src/text/normalize.js';
import { unitKindOfName, unitKindsOf } from './lexicon/match.js';
import type { Lexicon, UnitKind } from './lexicon/types.js';
import { editOf, valueEdit } from './support/form.js';

/** Names whose figures have no unit: an index, a coefficient, a ratio, a score or a rank. */
const DIMENSIONLESS = /(指数|系数|比值|倍数|星级|等级|评分|得分|分数|排名|位次)$/u;

/** A unit written in the name's closing brackets: 实施营造林总面积(亩), 保障在职职工人数（人）. */
const BRACKETED_END = /^(.*?)\s*[(（]\s*([^()（）]{1,8}?)\s*[)）]\s*$/u;

/** Written forms of units that normalize to the lexicon's (平米 → 平方米), for reading goal text. */
const EXTRA_SPELLINGS = ['平米', '㎡', '百分比'];

const MAX_SUGGESTIONS = 3;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function knownUnits(lexicon: Lexicon): string[] {
  const all = new Set<string>(EXTRA_SPELLINGS);
  for (const def of Object.values(lexicon.units)) for (const u of def.units) all.add(u);
  return [...all].sort((a, b) => b.length - a.length);
}

export default defineRule({
  meta: {
    id: 'missing-unit',
    category: 'values',
    defaultSeverity: 'warning',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '数值型指标值要写明计量单位',
        en: 'A numeric target states its unit',
      },
    },
    messages: {
      missing: {
        zh: '指标值“{value}”没有计量单位：只有数字看不出是个、人次、平方米还是万元，无法衡量和核对（指标值应“清晰、可衡量”）。请写明单位{hint}。',
        en: 'The target "{value}" has no unit: a bare figure could be items, person-times, square metres or money, so it cannot be measured or checked. State the unit{hint}.',
      },
      unitInName: {
        zh: '单位“{unit}”写在了三级指标“{name}”的括号里，指标值“{value}”本身没有单位：名称和指标值应分开填写，单位随指标值。',
        en: 'The unit "{unit}" sits in brackets in the name "{name}" while the target "{value}" has none: the unit belongs with the target.',
      },
      addUnit: {
        zh: '指标值写作“{after}”（单位“{unit}”，{source}）',
        en: 'Write the target as "{after}" (unit "{unit}", {source})',
      },
      addUnitColumn: {
        zh: '在计量单位列填写“{unit}”（{source}）',
        en: 'Write "{unit}" in the unit column ({source})',
      },
      moveUnit: {
        zh: '把单位移到指标值：名称改为“{name}”，指标值改为“{after}”',
        en: 'Move the unit to the target: name "{name}", target "{after}"',
      },
      moveUnitColumn: {
        zh: '名称改为“{name}”，在计量单位列填写“{unit}”',
        en: 'Rename to "{name}" and write "{unit}" in the unit column',
      },
    },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
  },
  create(context) {
    const { lexicon, locale } = context;
    const units = knownUnits(lexicon);
    const unitAlternation = units.map(escape).join('|');
    const SOURCES = {
      goal: { zh: '见目标', en: 'as in the goals' },
      rows: { zh: '与表中同类指标一致', en: "as the form's similar rows" },
      name: { zh: '按指标名称', en: 'from the indicator name' },
    } as const;
    const src = (key: keyof typeof SOURCES) => SOURCES[key][locale];

    /** The figure as a goal states it with its unit: "开设课程220门" gives 门 for 220. */
    const fromGoals = (declaration: Declaration, number: number, kind: UnitKind | undefined): string | undefined => {
      const figure = escape(String(number));
      const re = new RegExp(`(?<![\\d.])${figure}(?:\\.0+)?\\s*(${unitAlternation})`, 'gu');
      for (const goal of [declaration.goals.annual, declaration.goals.overall, declaration.goals.midTerm]) {
        if (!goal?.text) continue;
        for (const m of foldWidth(goal.text).matchAll(re)) {
          const unit = normalizeUnit(m[1]!).unit;
          if (kind === undefined || unitKindsOf(unit, lexicon).includes(kind)) return unit;
        }
      }
      return undefined;
    };

    /** The unit the form's other rows with the same name ending use (面积 rows in 亩 → 亩). */
    const fromRows = (declaration: Declaration, indicator: Indicator, ending: string | undefined): string | undefined => {
      if (!ending) return undefined;
      const counts = new Map<string, number>();
      for (const other of declaration.indicators) {
        if (other === indicator || !other.value.unit) continue;
        if (unitKindOfName(other.name.text, lexicon)?.match.matched !== ending) continue;
        counts.set(other.value.unit, (counts.get(other.value.unit) ?? 0) + 1);
      }
      return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    };

    return {
      indicator(indicator, declaration) {
        if (declaration.kind === 'self-evaluation') return;
        const { value } = indicator;
        if (value.kind !== 'number' || value.number === undefined || value.unit || value.unitAt || value.note) return;
        const name = indicator.name.text;
        if (!name || DIMENSIONLESS.test(name.replace(/[(（][^()（）]*[)）]\s*$/u, ''))) return;
        const split = value.parts !== undefined;
        const figure = value.raw.trim();

        // The unit is in the name's brackets: say so, and move it.
        const bracketed = BRACKETED_END.exec(name);
        if (bracketed && (bracketed[2] === '%' || unitKindsOf(bracketed[2]!, lexicon).length > 0)) {
          const unit = normalizeUnit(bracketed[2]!).unit;
          const bare = bracketed[1]!;
          const after = `${figure}${unit}`;
          return context.report({
            messageId: 'unitInName',
            data: { unit, name, value: figure },
            at: value.at ?? indicator.name,
            severity: 'info',
            suggest: [
              split
                ? { messageId: 'moveUnitColumn', data: { name: bare, unit }, edits: editOf(indicator.name, bare) }
                : { messageId: 'moveUnit', data: { name: bare, after }, edits: [...editOf(indicator.name, bare), ...valueEdit(indicator, after)] },
            ],
          });
        }

        const kind = unitKindOfName(name, lexicon);
        // A bare figure for a deadline (完成时间 | 12) is a malformed date, not a duration: date-value-format's.
        if (kind?.kind === 'time' && /(时间|日期|时限|期限)$/u.test(kind.match.matched)) return;
        const candidates: { unit: string; source: 'goal' | 'rows' | 'name' }[] = [];
        const add = (unit: string | undefined, source: 'goal' | 'rows' | 'name') => {
          if (unit && !candidates.some((c) => c.unit === unit)) candidates.push({ unit, source });
        };
        add(fromGoals(declaration, value.number, kind?.kind), 'goal');
        add(fromRows(declaration, indicator, kind?.match.matched), 'rows');
        add(kind?.unit, 'name');
        const picks = candidates.slice(0, MAX_SUGGESTIONS);
        const hint = picks.length ? (locale === 'zh' ? `，如“${figure}${picks[0]!.unit}”` : `, e.g. "${figure}${picks[0]!.unit}"`) : locale === 'zh' ? '（个、人次、平方米、万元、% 等）' : ' (items, person-times, m², 万元, % …)';
        context.report({
          messageId: 'missing',
          data: { value: figure, hint },
          at: value.at ?? indicator.name,
          suggest: picks.map(({ unit, source }): { messageId: 'addUnit' | 'addUnitColumn'; data: Record<string, string>; edits: Edit[] } =>
            split
              ? { messageId: 'addUnitColumn', data: { unit, source: src(source) }, edits: [] }
              : { messageId: 'addUnit', data: { after: `${figure}${unit}`, unit, source: src(source) }, edits: valueEdit(indicator, `${figure}${unit}`) },
          ),
        });
      },
    };
  },
});
