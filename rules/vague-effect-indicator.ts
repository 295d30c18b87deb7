import type { Declaration, Indicator } from '../src/model/declaration.js';
import { defineRule, type SuggestionDescriptor } from '../src/engine/rule.js';
import { findFirst, matchEntry } from './lexicon/match.js';
import type { Level2Kind, Lexicon } from './lexicon/types.js';
import { editOf, level2Edit, nameOf, placementOf, valueEdit } from './support/form.js';
import { CLAUSE_BREAK, benefitCue, goalBenefitTargets, isPunctuatedSentence, labelledTexts, nameWithUnit, quoteOf, vagueEffectOf } from './support/naming.js';

/**
 * Measurable effects of what the form says it does: when the goals or the project name mention the
 * activity, its usual effect measure is offered (招商 → 现场签订招商引资项目数).
 */
const ACTIVITY_MEASURES: { when: RegExp; quote: RegExp; name: string; unit: string; kind: Level2Kind; measured: RegExp }[] = [
  { when: /招商/u, quote: /招商[\u4e00-\u9fff]{0,4}项目/u, name: '现场签订招商引资项目数', unit: '个', kind: 'economicBenefit', measured: /签订|签约|落地/u },
  { when: /宣传|媒体|报道/u, quote: /宣传|报道/u, name: '主流媒体宣传报道次数', unit: '次', kind: 'socialBenefit', measured: /报道/u },
];

/** What the abstract noun usually stands for, when the form offers nothing better: 影响 → 报道次数. */
const NOUN_PROXIES: { noun: RegExp; name: string; unit: string; kind: Level2Kind; measured: RegExp }[] = [
  { noun: /影响|知名度|形象/u, name: '主流媒体宣传报道次数', unit: '次', kind: 'socialBenefit', measured: /报道/u },
];


interface Alternative {
  name: string;
  value?: string;
  unit: string;
  kind?: Level2Kind;
  evidence?: string;
}

/** Two-character words too common to tie a name to a goal. */
const COMMON_PAIRS = /^(?:提高|提升|扩大|增加|改善|促进|推动|项目|地区|重点|发展|工作|建设|服务|管理|全面|持续|相关|水平|能力|影响)$/u;

/** The goal target speaks of what the name speaks of: a shared two-character word. */
function sharesWord(name: string, text: string): boolean {
  const chars = [...name.replace(/[^\u4e00-\u9fff]/gu, '')];
  for (let i = 0; i + 1 < chars.length; i++) {
    const pair = chars[i]! + chars[i + 1]!;
    if (!COMMON_PAIRS.test(pair) && text.includes(pair)) return true;
  }
  return false;
}

/** The 二级 label for `kind` in the form's own style (经济效益 or 经济效益指标). */
function level2Label(kind: Level2Kind, written: string | undefined, lexicon: Lexicon, profile: '2021' | 'legacy'): string | undefined {
  const canonical = lexicon.taxonomy.profiles[profile].level1.flatMap((l1) => l1.level2).find((l2) => l2.kind === kind)?.word;
  if (!canonical) return undefined;
  return written && !/指标/u.test(written) ? canonical.replace(/指标$/u, '') : canonical;
}

export default defineRule({
  meta: {
    id: 'vague-effect-indicator',
    category: 'naming',
    defaultSeverity: 'warning',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '效益指标不应是“扩大/提升/促进……+影响/水平/能力”一类没有可衡量对象的表述',
        en: 'Benefit indicators are measurable, not "expand/raise/promote + influence/level/capacity"',
      },
    },
    messages: {
      vague: {
        zh: '效益指标“{name}”由“{verb}”加“{noun}”构成，只说了方向，没有可计数、可计算的对象，无法判断是否实现；评价时按“绩效指标明确性”扣分。请改为可衡量的效益指标，如“{example}”。',
        en: 'The benefit indicator "{name}" is "{verb}" + "{noun}": a direction with nothing to count or compute, so its achievement cannot be judged. Use a measurable benefit, e.g. "{example}".',
      },
      vagueNoExample: {
        zh: '效益指标“{name}”由“{verb}”加“{noun}”构成，只说了方向，没有可计数、可计算的对象，无法判断是否实现；评价时按“绩效指标明确性”扣分。请改为可计数或可计算比率的效益指标（如“……数量”“……率”），不能量化的采用分级分档表述并写明各档标准。',
        en: 'The benefit indicator "{name}" is "{verb}" + "{noun}": a direction with nothing to count or compute, so its achievement cannot be judged. Use a count or a rate, or a defined grade scale.',
      },
      useTarget: {
        zh: '改为“{after}”，指标值“{value}”{move}（{evidence}）',
        en: 'Rename to "{after}" with the value "{value}"{move} ({evidence})',
      },
      useMeasure: {
        zh: '改为“{after}”，指标值写{target}{move}{evidence}',
        en: 'Rename to "{after}" with {target} as the value{move}{evidence}',
      },
    },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
  },
  create(context) {
    const { lexicon, profile, locale } = context;
    type Suggest = SuggestionDescriptor<'useTarget' | 'useMeasure'>;

    const alternatives = (indicator: Indicator, declaration: Declaration, noun: string, current: Level2Kind | undefined): Alternative[] => {
      const out: Alternative[] = [];
      const names = declaration.indicators.map((i) => nameOf(i));
      const add = (a: Alternative) => {
        if (!out.some((o) => o.name === a.name)) out.push(a);
      };
      // 1. Benefits the goals quantify and no row measures yet (到位资金同比增长25%): those of this
      // row's kind or about the same thing first.
      const own = nameOf(indicator);
      const targets = goalBenefitTargets(declaration, lexicon);
      const close = targets.filter((t) => t.kind === current || sharesWord(own, t.quote.text));
      for (const t of [...close, ...targets.filter((t) => !close.includes(t))]) add({ name: t.name, value: t.value, unit: t.unit, ...(t.kind ? { kind: t.kind } : {}), evidence: quoteOf(t.quote, locale) });
      // 2. The effect measure of an activity the goals name (招商 → 签订项目数).
      const statements = labelledTexts(declaration, lexicon, profile).filter((t) => t.statement);
      for (const m of ACTIVITY_MEASURES) {
        if (names.some((n) => m.measured.test(n) && m.when.test(n))) continue;
        // Quote the clause that says it best (推介…招商项目), else the first that mentions it.
        const said = statements.flatMap((t) => t.text.split(CLAUSE_BREAK).map((clause) => ({ label: t.label, clause: clause.replace(/^\s*目标\s*\d+\s*[:：]\s*/u, '').trim() })));
        const hit = said.find((c) => m.quote.test(c.clause)) ?? said.find((c) => m.when.test(c.clause));
        if (!hit) continue;
        add({ name: m.name, unit: m.unit, kind: m.kind, evidence: quoteOf({ label: hit.label, text: hit.clause }, locale) });
      }
      // 3. What the abstract noun usually stands for (影响 → 报道次数).
      for (const p of NOUN_PROXIES) {
        if (p.noun.test(noun) && !names.some((n) => p.measured.test(n))) add({ name: p.name, unit: p.unit, kind: p.kind });
      }
      // 4. Nothing from the form: benefit cue words the form uses, with the lexicon's measurable example.
      if (out.length === 0) {
        for (const t of statements) {
          const cue = benefitCue(t.text, lexicon);
          const example = cue?.match.entry.examples.find((e) => e !== t.text && matchEntry(cue.match.entry, e) && /(?:数|率|次|金额|额)$/u.test(e));
          if (cue && example && !names.some((n) => n.includes(cue.match.matched))) add({ name: example, unit: /率$/u.test(example) ? '%' : '', kind: cue.kind });
        }
      }
      return out.slice(0, 4);
    };

    return {
      indicator(indicator: Indicator, declaration: Declaration) {
        const found = vagueEffectOf(indicator, lexicon, profile);
        if (!found || isPunctuatedSentence(indicator.name.text, lexicon)) return; // name-is-sentence
        const current = placementOf(indicator, lexicon, profile).kind;
        const suggest = alternatives(indicator, declaration, found.noun, current).map((a): Suggest => {
          const after = nameWithUnit(a.name, a.unit || undefined, declaration);
          // Another 效益 二级: rewrite the row's 二级 cell when it is its own, else say where it belongs.
          const label = a.kind && a.kind !== current ? level2Label(a.kind, indicator.level2?.text, lexicon, profile) : undefined;
          const moveEdits = label ? level2Edit(indicator, declaration, label) : [];
          const move = !label ? '' : locale === 'zh' ? (moveEdits.length > 0 ? `，二级指标改为“${label}”` : `，并移到“${label}”下`) : moveEdits.length > 0 ? `, level-2 "${label}"` : `, moved under "${label}"`;
          const edits = [...editOf(indicator.name, after), ...(a.value ? valueEdit(indicator, a.value) : []), ...moveEdits];
          if (a.value) return { messageId: 'useTarget', data: { after, value: a.value, move, evidence: a.evidence ?? '' }, edits };
          const target =
            a.unit === '%' ? (locale === 'zh' ? '目标比率（如“≥N%”）' : 'a target rate (e.g. "≥N%")')
            : a.unit ? (locale === 'zh' ? `目标${a.unit}数（如“≥N${a.unit}”）` : `a target number of ${a.unit} (e.g. "≥N${a.unit}")`)
            : locale === 'zh' ? '目标值' : 'a target';
          const evidence = a.evidence ? (locale === 'zh' ? `（${a.evidence}）` : ` (${a.evidence})`) : '';
          return { messageId: 'useMeasure', data: { after, target, move, evidence }, edits };
        });
        const name = indicator.name.text.trim();
        const data = { name, verb: found.verb, noun: found.noun };
        // Some provinces accept a graded qualitative effect (显著/较好/一般): advice only then.
        const graded = findFirst(lexicon.vague.gradeScales, indicator.value.raw.trim()) !== undefined;
        const severity = graded ? ('info' as const) : undefined;
        const first = suggest[0];
        if (first) {
          const example = first.messageId === 'useTarget' ? `${first.data!.after} ${first.data!.value}` : String(first.data!.after);
          return context.report({ messageId: 'vague', data: { ...data, example }, at: indicator.name, suggest, ...(severity ? { severity } : {}) });
        }
        context.report({ messageId: 'vagueNoExample', data, at: indicator.name, ...(severity ? { severity } : {}) });
      },
    };
  },
});
