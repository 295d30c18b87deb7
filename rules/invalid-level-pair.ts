import type { TextField } from '../src/model/cell.js';
import type { Indicator } from '../src/model/declaration.js';
import { defineRule, type SuggestionDescriptor } from '../src/engine/rule.js';
import type { Level2Kind } from './lexicon/types.js';
import { destinationByName, destinationOf, levelPairOf } from './support/classification.js';
import { editOf } from './support/form.js';

type MessageId = 'wrongParent' | 'otherProfile' | 'changeLevel2' | 'changeLevel1' | 'moveRows';

const PROFILE_NAMES = {
  zh: { '2021': '2021 版指标体系（成本指标单列为一级）', legacy: '旧版指标体系（成本指标在产出指标下）' },
  en: { '2021': '2021 taxonomy (成本指标 is a level-1)', legacy: 'legacy taxonomy (成本指标 under 产出指标)' },
} as const;

/** The other profile's 二级 that means the same: 经济成本指标 ↔ 成本指标. */
const EQUIVALENT: Partial<Record<Level2Kind, Level2Kind>> = { economicCost: 'cost', socialCost: 'cost', ecologicalCost: 'cost', cost: 'economicCost' };

const cellKey = (field: TextField | undefined, indicator: Indicator): string =>
  field?.at ? `${field.at.sheet}!${field.at.a1}` : `${indicator.period}|${indicator.level1?.text ?? ''}|${field?.text ?? ''}`;

export default defineRule({
  meta: {
    id: 'invalid-level-pair',
    category: 'classification',
    defaultSeverity: 'error',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '二级指标应放在指标体系规定的一级指标下（如时效指标属于产出指标）',
        en: 'Each 二级 sits under the 一级 the taxonomy gives it (时效指标 under 产出指标 …)',
      },
    },
    messages: {
      wrongParent: {
        zh: '二级指标“{level2}”属于一级指标“{parent}”，不能放在“{level1}”下；一级、二级指标的搭配是指标体系规定的（{profile}），搭配错了系统无法归集，审核按“填报格式规范、无缺项错项”扣分。',
        en: 'The 二级 "{level2}" belongs to the 一级 "{parent}", not to "{level1}" ({profile}); a wrong pairing cannot be aggregated and is marked down as a form error.',
      },
      otherProfile: {
        zh: '“{level2}”是{otherProfile}的二级指标；本表按{profile}填写，应写作“{expected}”（属于一级指标“{parent}”）。',
        en: '"{level2}" is a 二级 of the {otherProfile}; this form follows the {profile}, where it is "{expected}" (under "{parent}").',
      },
      changeLevel2: {
        zh: '将二级指标改为“{level2}”（本组指标“{example}”属于{level2}）',
        en: 'Change the 二级 to "{level2}" (its rows, e.g. "{example}", belong there)',
      },
      changeLevel1: {
        zh: '将一级指标改为“{level1}”',
        en: 'Change the 一级 to "{level1}"',
      },
      moveRows: {
        zh: '将“{level2}”这组指标移到一级指标“{level1}”下',
        en: 'Move the "{level2}" rows under the 一级 "{level1}"',
      },
    },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
  },
  create(context) {
    const { lexicon, profile, locale } = context;
    const profileNames = PROFILE_NAMES[locale];
    const seen = new Set<string>();

    return {
      indicator(indicator, declaration) {
        const field = indicator.level2;
        if (!field?.text) return;
        const key = cellKey(field, indicator);
        if (seen.has(key)) return; // a merged label is reported once, not on every row it covers
        const pair = levelPairOf(indicator, lexicon, profile);
        if (pair.status !== 'wrongParent' && pair.status !== 'otherProfile') return;
        seen.add(key);
        const l2 = pair.level2!;
        const block = declaration.indicators.filter((other) => other.level2?.text && cellKey(other.level2, other) === key);
        const level1Text = indicator.level1?.text ?? '';
        // The 一级 cell can be rewritten when it covers this 二级 block and nothing else.
        const level1Key = cellKey(indicator.level1, indicator);
        const level1Rows = indicator.level1?.text ? declaration.indicators.filter((other) => other.level1?.text && cellKey(other.level1, other) === level1Key) : [];
        const level1OnlyThis = level1Rows.length > 0 && level1Rows.every((other) => block.includes(other));
        const suggest: SuggestionDescriptor<MessageId>[] = [];
        const moveUnder = (parent: string) =>
          suggest.push(level1OnlyThis ? { messageId: 'changeLevel1', data: { level1: parent }, edits: editOf(indicator.level1, parent) } : { messageId: 'moveRows', data: { level2: field.text, level1: parent }, edits: [] });

        if (pair.status === 'wrongParent') {
          const parent = l2.parent!;
          // The rows' own words may say the 二级 is what is wrong (效益指标 → 时效指标 holding 带动就业人数).
          const named = block.map((row) => ({ row, to: destinationByName(row, lexicon, profile) })).filter((x) => x.to);
          const first = named[0];
          if (first?.to && first.to.level1 === pair.level1!.canonical && named.every((x) => x.to!.level2 === first.to!.level2)) {
            suggest.push({ messageId: 'changeLevel2', data: { level2: first.to.level2, example: first.row.name.text }, edits: editOf(field, first.to.level2) });
          }
          moveUnder(parent);
          context.report({ messageId: 'wrongParent', data: { level1: level1Text, level2: field.text, parent, profile: profileNames[profile] }, at: field, suggest });
          return;
        }

        const other = profile === '2021' ? 'legacy' : '2021';
        const equivalent = l2.kind ? EQUIVALENT[l2.kind] : undefined;
        const expected = equivalent ? destinationOf(equivalent, lexicon, profile) : undefined;
        if (expected) {
          if (!pair.level1 || pair.level1.canonical === expected.level1) {
            suggest.push({ messageId: 'changeLevel2', data: { level2: expected.level2, example: block[0]?.name.text ?? '' }, edits: editOf(field, expected.level2) });
          } else moveUnder(expected.level1);
        }
        context.report({
          messageId: 'otherProfile',
          data: { level2: field.text, otherProfile: profileNames[other], profile: profileNames[profile], expected: expected?.level2 ?? '', parent: expected?.level1 ?? '' },
          at: field,
          suggest,
        });
      },
    };
  },
});
