import type { Indicator } from '../src/model/declaration.js';
import { defineRule } from '../src/engine/rule.js';
import { cleanName, findAll, findFirst, unitKindOfName } from './lexicon/match.js';
import { allVerbs, editOf, placementOf } from './support/form.js';
import { commonRun, objectOfName } from './support/quantities.js';
import { stripStrayPrefix } from './name-stray-prefix.js';

/** Words that change nothing about what is measured: 年度培训人次 is 培训人次 in an annual table. */
const PERIOD_WORDS = /年度|全年|当年|本年度?/gu;
/** A 质量 name that only says how much of a quantity got done: 培训完成率, 课程数量达标率. */
const COMPLETION = /(?:完成率|完成比例|完成度|执行率)$/u;
const COUNT_STANDARD = /(?:数量|人次|人数|个数|次数|场次|期数)(?:达标率|完成率)$/u;
/** Completion of everything, not of one counted output. */
const GENERIC_SUBJECT = /^(?:项目|工作|任务|计划|年度任务|建设任务|工程|)$/u;
/** Training work: G2 lists 培训考核合格率 and 学员出勤率 as its quality measures. */
const TRAINING = /培训|授课|课程|学员|教学/u;

export default defineRule({
  meta: {
    id: 'duplicate-indicator',
    category: 'consistency',
    defaultSeverity: 'warning',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '同一指标不应重复设置；质量指标不应只是数量指标的完成率',
        en: 'No indicator twice, and no quality row that only restates a quantity’s completion',
      },
    },
    messages: {
      duplicate: {
        zh: '“{name}”与第{row}行的指标重复：同一指标设置两次会重复计分、分散权重，评价时按“绩效指标明确性”扣分。请删去其中一条。',
        en: '"{name}" repeats the indicator of row {row}: one measure set twice is scored twice (绩效指标明确性). Delete one of them.',
      },
      nearDuplicate: {
        zh: '“{name}”与第{row}行的“{other}”衡量的是同一件事（只多了“{extra}”）：请合并为一条，保留写明了动作的名称。',
        en: '"{name}" measures the same thing as "{other}" in row {row} (it only adds "{extra}"): merge them into one, keeping the name that states the work.',
      },
      restated: {
        zh: '质量指标“{name}”只是重述数量指标“{quantity}”的完成情况，不反映产出达到的质量标准（评价时按“绩效指标明确性”扣分）：请改为衡量质量的指标。',
        en: 'The quality row "{name}" only restates the completion of the quantity "{quantity}" and says nothing about the quality reached (scored under 绩效指标明确性): use a real quality measure.',
      },
      useQualityMeasure: {
        zh: '改为“{after}”',
        en: 'Rename to "{after}"',
      },
    },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
  },
  create(context) {
    const { lexicon, profile } = context;
    const verbs = allVerbs(lexicon);
    const keyOf = (i: Indicator) => cleanName(stripStrayPrefix(i.name.text, true));
    const verbsIn = (name: string) => findAll(verbs, name).map((m) => m.matched);
    // The name without its verbs; only the verbs found in it are removed (the lookup is cached).
    const bare = (name: string) => {
      let text = name.replace(PERIOD_WORDS, '');
      for (const match of findAll(verbs, text)) if (match.entry.word) text = text.split(match.entry.word).join('');
      return text;
    };
    const rowNumber = (i: Indicator) => (i.name.at ? i.name.at.row + 1 : i.row + 1);

    const checkSet = (rows: Indicator[]) => {
      const seen = new Map<string, Indicator>();
      const reported = new Set<Indicator>();
      for (const row of rows) {
        const key = keyOf(row);
        const first = seen.get(key);
        if (first) {
          reported.add(row);
          context.report({ messageId: 'duplicate', data: { name: row.name.text, row: rowNumber(first) }, at: row.name, indicator: row });
        } else seen.set(key, row);
      }
      // The same measure with and without its verb (展位面积 / 搭建展位面积); never 展位数量 beside 展位面积.
      // Keys and verb-less names are computed once per row: the pair loop is quadratic.
      const keys = rows.map(keyOf);
      const bares = keys.map(bare);
      for (let i = 0; i < rows.length; i++) {
        for (let j = i + 1; j < rows.length; j++) {
          const [a, b] = [rows[i]!, rows[j]!];
          if (reported.has(a) || reported.has(b)) continue;
          const [ka, kb] = [keys[i]!, keys[j]!];
          if (ka === kb || bares[i] !== bares[j] || bares[i]!.length < 2) continue;
          const [va, vb] = [verbsIn(ka), verbsIn(kb)];
          if (va.length && vb.length && va.join() !== vb.join()) continue; // 新建园路面积 vs 改造园路面积: different work
          if (unitKindOfName(ka, lexicon)?.kind !== unitKindOfName(kb, lexicon)?.kind) continue;
          const [shorter, longer] = ka.length <= kb.length ? [a, b] : [b, a];
          const later = rowNumber(a) > rowNumber(b) ? a : b;
          const other = later === a ? b : a;
          const extra = [...keyOf(longer)].filter((c) => !keyOf(shorter).includes(c)).join('');
          reported.add(later);
          context.report({ messageId: 'nearDuplicate', data: { name: later.name.text, other: other.name.text, row: rowNumber(other), extra }, at: later.name, indicator: later, severity: 'info' });
        }
      }
      // 质量 rows that restate a quantity's completion.
      const quantities = rows.filter((r) => r.name.text && placementOf(r, lexicon, profile).kind === 'quantity');
      for (const row of rows) {
        if (reported.has(row) || placementOf(row, lexicon, profile).kind !== 'quality') continue;
        const name = keyOf(row);
        // 按期完成率 is a deadline (timeliness-misfiled), 资金执行率 a process item (R14): not this rule's.
        if (findFirst(lexicon.cues.timeliness, name) || findFirst(lexicon.cues.process, name)) continue;
        const counted = COUNT_STANDARD.test(name);
        if (!counted && !COMPLETION.test(name)) continue;
        const subject = name.replace(COUNT_STANDARD, '').replace(COMPLETION, '').replace(/(?:数量|人次|人数|个数|次数|场次|期数)$/u, '');
        if (GENERIC_SUBJECT.test(subject)) continue; // 项目完成率 restates no particular quantity
        const quantity = quantities.find((q) => {
          const object = objectOfName(q.name.text);
          const run = commonRun(subject, object);
          return run >= 3 || (run >= 2 && (run === subject.length || run === object.length));
        });
        if (!quantity && !counted) continue;
        const about = `${subject}${quantity?.name.text ?? ''}`;
        const measures = TRAINING.test(about) ? ['培训考核合格率', '学员出勤率'] : [];
        context.report({
          messageId: 'restated',
          data: { name: row.name.text, quantity: quantity?.name.text ?? subject },
          at: row.name,
          indicator: row,
          severity: 'info',
          suggest: measures.map((after) => ({ messageId: 'useQualityMeasure' as const, data: { after }, edits: editOf(row.name, after) })),
        });
      }
    };

    return {
      declaration(declaration) {
        const named = declaration.indicators.filter((i) => i.name.text);
        for (const period of ['annual', 'mid-term', 'long-term'] as const) {
          const rows = named.filter((i) => i.period === period);
          if (rows.length > 1) checkSet(rows);
        }
      },
    };
  },
});
