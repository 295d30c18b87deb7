import type { TextField } from '../src/model/cell.js';
import type { Declaration, Indicator } from '../src/model/declaration.js';
import { defineRule, type Profile } from '../src/engine/rule.js';
import { findFirst, matchEntry } from './lexicon/match.js';
import type { Lexicon, LexiconEntry } from './lexicon/types.js';
import { allVerbs, editOf, placementOf, verbsForObject } from './support/form.js';
import { GOAL_NAMES, type GoalKey } from './support/goals.js';
import { figuresIn, formatFigure, objectOfName } from './support/quantities.js';

/** Every occurrence of the slogan words, overlaps counted once (深入贯彻落实 is one slogan). */
export function sloganHits(text: string, slogans: readonly LexiconEntry[]): string[] {
  const spans: { start: number; end: number; word: string }[] = [];
  for (const entry of slogans) {
    let from = 0;
    for (;;) {
      const hit = matchEntry(entry, text.slice(from));
      if (!hit) break;
      const start = from + hit.index;
      spans.push({ start, end: start + hit.matched.length, word: hit.matched });
      from = start + Math.max(1, hit.matched.length);
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: typeof spans = [];
  for (const span of spans) if (!kept.length || span.start >= kept[kept.length - 1]!.end) kept.push(span);
  return kept.map((s) => s.word);
}

const OPERATOR_WORDS: Record<string, string> = { '≥': '不少于', '>': '超过', '≤': '不超过', '<': '低于' };

/**
 * A goal sentence from the form's own figures: each 数量 row as verb + object + figure (the verb
 * from the name, or the one the form uses with that object elsewhere), then the goal's own
 * measurable clauses. "2024年搭建展位不少于150平方米，力争招商引资到位资金同比增长25%。"
 */
function rewriteFrom(field: TextField, rows: Indicator[], declaration: Declaration, lexicon: Lexicon, profile: Profile): string | undefined {
  const verbs = allVerbs(lexicon);
  const parts: string[] = [];
  const objects = new Set<string>();
  for (const row of rows) {
    if (placementOf(row, lexicon, profile).kind !== 'quantity') continue;
    const { value } = row;
    if (value.kind !== 'number' || value.number === undefined) continue;
    const object = objectOfName(row.name.text);
    const verb = findFirst(verbs, object) ? '' : verbsForObject(object, declaration, lexicon, profile, row)[0]?.verb;
    if (verb === undefined) continue; // 车辆4辆 says nothing without its work
    const bare = verbs.reduce((text, v) => (v.word ? text.replace(v.word, '') : text), object);
    if (objects.has(bare)) continue;
    objects.add(bare);
    parts.push(`${verb}${object}${OPERATOR_WORDS[value.operator ?? ''] ?? ''}${formatFigure(value.number)}${value.unit ?? ''}`);
  }
  for (const figure of figuresIn(field.text)) {
    const clause = figure.quote.replace(/\d{4}年度?/u, '');
    if (!parts.some((p) => p.includes(figure.written))) parts.push(clause);
  }
  if (!parts.length) return undefined;
  const year = declaration.year?.number ?? Number(/(20\d{2})年/u.exec(field.text)?.[1] ?? NaN);
  return `${Number.isFinite(year) ? `${year}年` : ''}${parts.join('，')}。`;
}

const MEASURE = {
  zh: { none: '没有可衡量的数值', some: (n: number) => `可衡量的数值只有${n}个` },
  en: { none: 'no measurable figure', some: (n: number) => `only ${n} measurable figure${n > 1 ? 's' : ''}` },
} as const;

export default defineRule({
  meta: {
    id: 'goal-text-vague',
    category: 'consistency',
    defaultSeverity: 'warning',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '绩效目标不应只是口号：应写明可衡量的产出和数值',
        en: 'Goals state measurable outputs, not slogans',
      },
    },
    messages: {
      slogans: {
        zh: '{goal}以口号式表述为主（{words}等{count}处），{measure}：目标应“用具体数据来衡量”，评价时按“绩效目标合理性”“绩效指标明确性”扣分。请写明要完成的产出及其数量、时限，数值与绩效指标一致。',
        en: 'The text of {goal} is mostly slogans ({words}: {count} in all), with {measure}: goals should be measured with concrete figures (scored under 绩效目标合理性 and 绩效指标明确性). State the outputs with their quantities and deadlines, matching the indicators.',
      },
      slogansLongTerm: {
        zh: '{goal}以口号式表述为主（{words}等{count}处），{measure}。总体目标可以是方向性的，但仍应写明项目要达到的主要产出和效果，才能分解为绩效指标。',
        en: 'The text of {goal} is mostly slogans ({words}: {count} in all), with {measure}. An overall goal may be strategic, but it should still name the main outputs and effects so that indicators can be derived from it.',
      },
      rewrite: {
        zh: '改写为（数值取自本表）：{text}',
        en: 'Rewrite as (figures from this form): {text}',
      },
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        minSlogans: { type: 'integer', minimum: 1, description: '至少出现几处口号词才报告' },
        slogansPerFigure: { type: 'number', minimum: 1, description: '口号词达到可衡量数值个数的几倍才报告' },
      },
    },
    defaultOptions: { minSlogans: 2, slogansPerFigure: 4 },
  },
  create(context) {
    const { lexicon, profile, locale, options } = context;
    return {
      declaration(declaration) {
        const { goals, indicators } = declaration;
        const longRows = indicators.filter((i) => i.period !== 'annual');
        const annualRows = indicators.filter((i) => i.period === 'annual');
        for (const key of ['annual', 'midTerm', 'overall'] as GoalKey[]) {
          const field = goals[key];
          if (!field?.text) continue;
          const hits = sloganHits(field.text, lexicon.vague.slogans);
          const figures = figuresIn(field.text).length;
          if (hits.length < options.minSlogans || hits.length < options.slogansPerFigure * figures) continue;
          // The annual goal is the one that must be measurable; a 总目标 beside it may be strategic (info).
          const annualRole = key === 'annual' || (!goals.annual?.text && !longRows.length);
          const rows = key === 'annual' || !longRows.length ? (annualRows.length ? annualRows : indicators) : longRows;
          const text = rewriteFrom(field, rows, declaration, lexicon, profile);
          const words = [...new Set(hits)].slice(0, 4).join('、');
          const measure = figures ? MEASURE[locale].some(figures) : MEASURE[locale].none;
          context.report({
            messageId: annualRole ? 'slogans' : 'slogansLongTerm',
            data: { goal: GOAL_NAMES[locale][key], words, count: hits.length, measure },
            at: field,
            ...(annualRole ? {} : { severity: 'info' as const }),
            suggest: text ? [{ messageId: 'rewrite', data: { text }, edits: editOf(field, text) }] : [],
          });
        }
      },
    };
  },
});
