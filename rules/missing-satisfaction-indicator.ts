import type { TextField } from '../src/model/cell.js';
import type { Declaration, Indicator } from '../src/model/declaration.js';
import { defineRule } from '../src/engine/rule.js';
import { findFirst } from './lexicon/match.js';
import type { BeneficiaryEntry } from './lexicon/types.js';
import { anchorAfter, isBlankName, isNamed, mainSet, pathTarget } from './support/completeness.js';
import { editOf, findInForm, placementOf, valueEdit } from './support/form.js';

interface Options {
  target: string;
}

/** Who the form serves, as a satisfaction indicator would name them. */
interface Group {
  /** The indicator name to suggest: 参展企业满意度, 来访客商满意度. */
  name: string;
  /** The beneficiary as the message names it (the name without 满意度). */
  who: string;
  internal: boolean;
  /** The lexicon words folded into this group (企业 into 参展企业). */
  words: Set<string>;
  /** Reading position of the first mention: field order, then offset. */
  first: number;
  fields: Set<TextField>;
}

const MAX_SUGGESTIONS = 3;

/** 受益 (受益群众满意度), 参展 (参展企业满意度): a word that qualifies the group after it. */
function isQualifier(entry: BeneficiaryEntry): boolean {
  const word = entry.word;
  return word !== undefined && entry.satisfaction !== undefined && entry.satisfaction.startsWith(word) && entry.satisfaction.length > word.length + 3;
}

const FIELD_NAMES = {
  zh: { name: '项目名称', overview: '项目概况', overall: '总体目标', midTerm: '中期目标', annual: '年度目标', indicator: '三级指标' },
  en: { name: 'project name', overview: 'overview', overall: 'overall goal', midTerm: 'mid-term goal', annual: 'annual goal', indicator: 'indicator names' },
} as const;

export default defineRule({
  meta: {
    id: 'missing-satisfaction-indicator',
    category: 'completeness',
    defaultSeverity: 'warning',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '项目有服务对象或受益对象时，应设置满意度指标',
        en: 'A project that serves someone has a satisfaction indicator',
      },
    },
    messages: {
      missing: {
        zh: '存在受益对象（{who}，见{where}），未设置满意度指标：满意度指标反映服务对象对项目产出和效果的认可程度，缺少时评价按“绩效指标明确性”扣分。请增设一级“满意度指标”、二级“服务对象满意度指标”。',
        en: 'The project has beneficiaries ({who}, see {where}) but no satisfaction indicator: it measures how those served rate the outputs and effects, and evaluators deduct for its absence. Add 满意度指标 / 服务对象满意度指标.',
      },
      internalOnly: {
        zh: '项目只服务本单位人员（{who}，见{where}），未设置满意度指标：内部保障类项目可以不设；如设置，可用使用人员的满意度。',
        en: 'The project serves only the unit\'s own staff ({who}, see {where}) and has no satisfaction indicator: internal projects may omit it; if set, use the users\' satisfaction.',
      },
      addRow: {
        zh: '增设一行：一级“满意度指标”、二级“服务对象满意度指标”、三级“{name}”、指标值“{target}”（实践中多为≥90%或≥95%）',
        en: 'Add a row: 满意度指标 / 服务对象满意度指标 / "{name}" / "{target}" (≥90% or ≥95% in practice)',
      },
      fillRow: {
        zh: '在空着的满意度指标行填写三级“{name}”、指标值“{target}”（实践中多为≥90%或≥95%）',
        en: 'Fill the empty satisfaction row: "{name}", target "{target}" (≥90% or ≥95% in practice)',
      },
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { target: { type: 'string', minLength: 1 } },
    },
    defaultOptions: { target: '≥90%' },
  },
  create(context) {
    const { lexicon, profile, locale, options } = context;
    const target = options.target;

    const fieldName = (declaration: Declaration, field: TextField): string => {
      const names = FIELD_NAMES[locale];
      if (field === declaration.project.name) return names.name;
      if (field === declaration.project.overview) return names.overview;
      if (field === declaration.goals.overall) return names.overall;
      if (field === declaration.goals.midTerm) return names.midTerm;
      if (field === declaration.goals.annual) return names.annual;
      return names.indicator;
    };

    const isSatisfaction = (indicator: Indicator): boolean =>
      isNamed(indicator) && (placementOf(indicator, lexicon, profile).family === 'satisfaction' || findFirst(lexicon.cues.satisfaction, indicator.name.text) !== undefined);

    /** Beneficiaries mentioned in the form, grouped by the satisfaction indicator that would measure them. */
    const beneficiaries = (declaration: Declaration): { groups: Group[]; fieldOrder: TextField[] } => {
      const matches = findInForm(lexicon.beneficiaries, declaration, lexicon, profile);
      // A word inside a longer one at the same place is that one (企业 in 参展企业, 群众 in 参保群众).
      const kept = matches.filter(
        (m) => !matches.some((o) => o !== m && o.piece === m.piece && o.matched.length > m.matched.length && o.index <= m.index && o.index + o.matched.length >= m.index + m.matched.length),
      );
      const pieces = [...new Set(kept.map((m) => m.piece.field))];
      const groups = new Map<string, Group>();
      for (const m of kept) {
        const entry: BeneficiaryEntry = m.entry;
        const word = entry.word ?? m.matched;
        // A qualifier (受益, 参展: its own name is 受益群众满意度) right before a group names that
        // group: 受益农户 → 受益农户满意度.
        const next = isQualifier(entry) ? kept.find((o) => o.piece === m.piece && o.index === m.index + m.matched.length && !isQualifier(o.entry) && !o.entry.internal) : undefined;
        const nextWord = next ? (next.entry.word ?? next.matched) : undefined;
        const name = nextWord ? `${word}${nextWord}满意度` : (entry.satisfaction ?? `${word}满意度`);
        const at = pieces.indexOf(m.piece.field) * 100_000 + m.index;
        const group = groups.get(name) ?? { name, who: name.replace(/满意度$/u, ''), internal: entry.internal === true, words: new Set(), first: at, fields: new Set() };
        group.words.add(word);
        if (nextWord) group.words.add(nextWord);
        group.first = Math.min(group.first, at);
        group.fields.add(m.piece.field);
        groups.set(name, group);
      }
      // 企业满意度 yields to 参展企业满意度: the more specific name already covers those served.
      const all = [...groups.values()];
      for (const group of all) {
        const wider = all.find((other) => other !== group && groups.has(other.name) && [...group.words].some((w) => other.name.includes(w) && other.name !== group.name));
        if (!wider || !groups.has(group.name)) continue;
        groups.delete(group.name);
        for (const w of group.words) wider.words.add(w);
        for (const f of group.fields) wider.fields.add(f);
        wider.first = Math.min(wider.first, group.first);
      }
      return { groups: [...groups.values()].sort((a, b) => a.first - b.first), fieldOrder: pieces };
    };

    return {
      declarationExit(declaration) {
        if (declaration.kind === 'self-evaluation') return; // form-type-mismatch says what to submit
        const rows = declaration.indicators;
        if (!rows.some(isNamed) || rows.some(isSatisfaction)) return;

        const { groups: found, fieldOrder } = beneficiaries(declaration);
        const external = found.filter((g) => !g.internal);
        const groups = (external.length ? external : found).slice(0, MAX_SUGGESTIONS);
        if (groups.length === 0) return;
        const internalOnly = external.length === 0;

        const sep = locale === 'zh' ? '、' : ', ';
        const fields = fieldOrder.filter((f) => groups.some((g) => g.fields.has(f)));
        const where = [...new Set(fields.map((f) => fieldName(declaration, f)))].join(sep);
        const who = groups.map((g) => g.who).join(sep);

        // An empty row already under 满意度指标 is where the indicator goes; otherwise a new block
        // after the last row.
        const scaffold = rows.find((i) => isBlankName(i) && placementOf(i, lexicon, profile).family === 'satisfaction' && i.name.at);
        const split = (declaration.layout?.columns ?? []).some((c) => c === 'operator' || c === 'unit');
        const suggest = groups.map((g) =>
          scaffold
            ? {
                messageId: 'fillRow' as const,
                data: { name: g.name, target },
                edits: [...editOf(scaffold.name, g.name), ...(split ? [] : valueEdit(scaffold, target))],
              }
            : { messageId: 'addRow' as const, data: { name: g.name, target }, edits: [] },
        );
        const last = mainSet(declaration).reduce((a, b) => (b.row > a.row ? b : a));
        const at = scaffold?.name.at ?? anchorAfter(last, 1);
        context.report({
          messageId: internalOnly ? 'internalOnly' : 'missing',
          data: { who, where },
          at: at ?? pathTarget('/indicators'),
          ...(scaffold ? { indicator: scaffold } : {}),
          suggest,
          ...(internalOnly ? { severity: 'info' as const } : {}),
        });
      },
    };
  },
});
