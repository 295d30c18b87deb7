import type { Indicator } from '../src/model/declaration.js';
import type { Edit } from '../src/model/diagnostic.js';
import { defineRule } from '../src/engine/rule.js';
import { polarityOf } from './lexicon/match.js';
import { editOf, placementOf, valueEdit } from './support/form.js';
import { figureOf, GOAL_NAMES, goalSets, kindForName, labelsOfKind, type GoalSet } from './support/goals.js';
import { figuresIn, formatFigure, inUnitOf, mentions, namesSameThing, sameAmount, scaleFigure, type ProseFigure, type Scaled } from './support/quantities.js';

/** How a name for a goal's figure ends, by what the figure measures (增长25% → 增长率, 500人次 → 人次). */
function nameForFigure(figure: ProseFigure, scaled: Scaled): string {
  const noun = figure.noun.length >= 2 ? figure.noun : `${figure.noun}${figure.after}`;
  const unit = scaled.base;
  switch (scaled.kind) {
    case 'rate':
      if (/(?:率|度|比例|占比|覆盖面)$/u.test(noun)) return noun;
      // 完成项目主体工程70% is progress: 项目主体工程完成进度 (a 时效 measure).
      if (/^完成/u.test(noun)) return `${noun.slice(2)}完成进度`;
      return /(?:增长|增加|提高|提升|下降|降低|减少)$/u.test(noun) ? `${noun}率` : `${noun}比例`;
    case 'count':
      if (/(?:数量|个数|人数|人次|户数|次数|场次|期数|数)$/u.test(noun)) return noun;
      if (unit === '人次') return `${noun}人次`;
      if (unit === '人') return `${noun}人数`;
      if (unit === '户') return `${noun}户数`;
      if (unit === '次') return `${noun}次数`;
      if (unit === '场' || unit === '场次') return `${noun}场次`;
      if (unit === '期') return `${noun}期数`;
      return `${noun}数量`;
    case 'area':
      return /面积$/u.test(noun) ? noun : `${noun}面积`;
    case 'length':
      return /(?:长度|里程)$/u.test(noun) ? noun : `${noun}长度`;
    case 'money':
      return /(?:资金|金额|收入|投资|额|产值|税收|利润|费用|成本|经费)$/u.test(noun) ? noun : `${noun}金额`;
    default:
      return noun;
  }
}

/** Counts of different things (个 vs 座) still agree when the figures do; other kinds need the same base unit. */
function comparable(a: Scaled, b: Scaled): boolean {
  if (a.base === b.base || a.base === '' || b.base === '') return true;
  if (a.kind === 'count' && b.kind === 'count') return true;
  // 户均增收500元 and ≥500元/户: the goal names the per-head figure in words.
  return b.base.startsWith(`${a.base}/`) || a.base.startsWith(`${b.base}/`);
}

type Status = { carried: true } | { carried: false; differs?: { row: Indicator; figure: Scaled } };

export default defineRule({
  meta: {
    id: 'goal-indicator-mismatch',
    category: 'consistency',
    defaultSeverity: 'warning',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '目标中的数值应有绩效指标承接，且与指标值一致',
        en: 'Figures stated in the goals are carried by an indicator, with the same value',
      },
    },
    messages: {
      notCarried: {
        zh: '{goal}提出“{quote}”，但没有任何绩效指标承接这一数值：指标应与目标的任务数或计划数相对应，评价时按“绩效指标明确性”扣分。请增加相应指标，或从目标中删去这一数值。',
        en: 'The figure "{quote}" in {goal} is carried by no indicator: indicators should match the tasks and targets of the goal (scored under 绩效指标明确性). Add an indicator, or drop the figure from the goal.',
      },
      numberDiffers: {
        zh: '{goal}写“{quote}”，指标“{name}”的指标值却是“{value}”：目标与指标数值不一致，评价时按“绩效指标明确性”扣分。请核实后统一。',
        en: 'The indicator "{name}" targets "{value}", but {goal} says "{quote}": goal and indicator disagree (scored under 绩效指标明确性). Check which is right and align them.',
      },
      addRow: {
        zh: '在{level1}—{level2}下增加指标“{row}”',
        en: 'Add the indicator "{row}" under {level1} / {level2}',
      },
      useGoalFigure: {
        zh: '把指标值改为“{after}”，与{goal}一致',
        en: 'Change the target to "{after}", as in {goal}',
      },
      useIndicatorFigure: {
        zh: '把{goal}中的“{before}”改为“{after}”，与指标一致',
        en: 'Change "{before}" in {goal} to "{after}", as in the indicator',
      },
    },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
  },
  create(context) {
    const { lexicon, profile, locale } = context;
    const goalName = GOAL_NAMES[locale];

    const statusOf = (figure: ProseFigure, scaled: Scaled, others: ProseFigure[], rows: Indicator[], funds: number[]): Status => {
      const phrase = figure.noun.length >= 3 ? figure.noun : `${figure.noun}${figure.after}`;
      const withFigure = rows.map((row) => ({ row, figure: figureOf(row, lexicon) }));
      // 1. Rows that name the same thing: they carry the figure, or state another one.
      const same = withFigure.filter(({ row }) => row.name.text && namesSameThing(phrase, row.name.text));
      if (same.some(({ figure: f }) => f && comparable(scaled, f) && sameAmount(f.value, scaled.value))) return { carried: true };
      if (same.length === 1) {
        const { row, figure: f } = same[0]!;
        // Only a sure comparison: same base unit, and the row's figure is not another figure of the goal.
        const restated = others.some((o) => o !== figure && f && sameAmount(scaleFigure(o.number, o.unit, lexicon)?.value ?? NaN, f.value));
        if (f && f.base === scaled.base && !restated && row.value.kind === 'number') return { carried: false, differs: { row, figure: f } };
      }
      if (same.length > 0) return { carried: true };
      // 2. The same figure anywhere (goals summarise; names differ); money the header states (项目总投资120万元).
      if (scaled.kind === 'money' && funds.some((amount) => sameAmount(amount, scaled.value))) return { carried: true };
      if (withFigure.some(({ figure: f }) => f && comparable(scaled, f) && sameAmount(f.value, scaled.value))) return { carried: true };
      // 3. A row about the same subject, of a fitting kind, without a comparable figure.
      const subject = `${figure.noun}${figure.after}`;
      if (withFigure.some(({ row, figure: f }) => row.name.text && mentions(subject, row.name.text) && (!f || f.kind === undefined || scaled.kind === undefined || f.kind === scaled.kind))) return { carried: true };
      // 4. A total of several rows (8万亩 = 3万亩 新造林 + 5万亩 …).
      if (scaled.kind !== 'rate' && scaled.kind !== 'unitCost') {
        const parts = withFigure.filter(({ figure: f }) => f && f.base === scaled.base).map(({ figure: f }) => f!.value);
        if (parts.length > 1 && sameAmount(parts.reduce((a, b) => a + b, 0), scaled.value)) return { carried: true };
      }
      return { carried: false };
    };

    const check = (set: GoalSet, funds: number[]) => {
      const { field, rows, key } = set;
      const figures = figuresIn(field.text);
      const scaledFigures = figures.map((f) => scaleFigure(f.number, f.unit, lexicon));
      const statuses = figures.map((f, i) => (scaledFigures[i] ? statusOf(f, scaledFigures[i]!, figures, rows, funds) : ({ carried: true } as Status)));
      figures.forEach((figure, i) => {
        const status = statuses[i]!;
        const scaled = scaledFigures[i]!;
        if (status.carried) return;
        const goal = goalName[key];
        if (status.differs) {
          const { row, figure: rowFigure } = status.differs;
          const inRowUnit = inUnitOf(scaled.value, row.value.unit, lexicon);
          const inGoalUnit = inUnitOf(rowFigure.value, figure.unit, lexicon);
          const suggest = [];
          if (inRowUnit !== undefined) {
            const after = `${row.value.operator ?? ''}${formatFigure(inRowUnit)}${row.value.unitText ?? row.value.unit ?? ''}`;
            suggest.push({ messageId: 'useGoalFigure' as const, data: { after, goal }, edits: valueEdit(row, after) });
          }
          if (inGoalUnit !== undefined) {
            const before = figure.written;
            const after = before.replace(/^[\d,.]+/u, formatFigure(inGoalUnit));
            const edits: Edit[] = field.text.split(before).length === 2 ? editOf(field, field.text.replace(before, after)) : [];
            suggest.push({ messageId: 'useIndicatorFigure' as const, data: { before, after, goal }, edits });
          }
          context.report({
            messageId: 'numberDiffers',
            data: { goal, quote: figure.quote, name: row.name.text, value: row.value.raw },
            at: row.value.at ? row.value : row.name,
            indicator: row,
            suggest,
          });
          return;
        }
        // A figure that only sets the scope of another one in its clause (为12所中小学采购…96套) is not a target.
        if (figure.after && figures.some((other, j) => j !== i && other.clause === figure.clause && statuses[j]!.carried)) return;
        const name = nameForFigure(figure, scaled);
        const polarity = polarityOf(name, lexicon)?.polarity;
        const operator = figure.operator ?? (polarity === 'negative' ? '≤' : polarity === 'equal' ? '=' : '≥');
        const target = `${operator}${formatFigure(figure.number)}${figure.unit}`;
        const kind = kindForName(name, lexicon, profile);
        const labels = labelsOfKind(kind, lexicon, profile);
        const suggest = [];
        if (labels) {
          // An empty scaffold row of that 二级 can take the new indicator.
          const scaffold = rows.find((r) => !r.name.text && r.name.at && placementOf(r, lexicon, profile).kind === kind);
          const edits = scaffold ? [...editOf(scaffold.name, name), ...(scaffold.value.kind === 'empty' ? valueEdit(scaffold, target) : [])] : [];
          suggest.push({ messageId: 'addRow' as const, data: { ...labels, row: `${name} ${target}` }, edits });
        }
        context.report({ messageId: 'notCarried', data: { goal, quote: figure.quote }, at: field, suggest });
      });
    };

    return {
      declaration(declaration) {
        // Header amounts in 元, each section and source: a goal may quote them.
        const { funds } = declaration;
        const yuan = funds?.unit === '万元' ? 1e4 : 1;
        const amounts = [funds?.annual, funds?.project].flatMap((section) =>
          section ? [section.total, section.fiscal, section.carryover, section.other].flatMap((f) => (f?.amount ? [f.amount * yuan] : [])) : [],
        );
        for (const set of goalSets(declaration)) check(set, amounts);
      },
    };
  },
});
