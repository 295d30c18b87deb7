import { cellRef, type CellRef } from '../src/model/cell.js';
import type { Declaration, Indicator } from '../src/model/declaration.js';
import { defineRule } from '../src/engine/rule.js';
import { isNamed } from './support/completeness.js';

/** Targets that are figures: their level comes from somewhere (a plan, a standard, history). */
const QUANTITATIVE = new Set(['number', 'duration']);

export default defineRule({
  meta: {
    id: 'missing-value-basis',
    category: 'completeness',
    defaultSeverity: 'info',
    recommended: true,
    docs: {
      description: {
        zh: '表中有“指标值设定依据”一类的列时，量化指标应写明依据',
        en: 'When the form has a basis column (指标值设定依据 …), quantitative targets state theirs',
      },
    },
    messages: {
      row: {
        zh: '“{name}”的指标值“{value}”没有填写设定依据：表中有依据列，评审据此判断指标值是否合理。请写明依据，如计划标准（年度实施计划、合同）、行业标准、历史标准（上年实际值）或其他标准。',
        en: 'The target "{value}" of "{name}" gives no basis: the form has a basis column, and reviewers judge the target by it. Cite a plan, an industry standard, last year\'s actual, or another standard.',
      },
      column: {
        zh: '指标值设定依据一列全部为空（{count}个量化指标都没有依据）：评审据此判断指标值是否合理。请为每个量化指标写明依据，如计划标准（年度实施计划、合同）、行业标准、历史标准（上年实际值）或其他标准。',
        en: 'The basis column is empty for all {count} quantitative targets: reviewers judge targets by it. Give each its basis: a plan, an industry standard, last year\'s actual, or another standard.',
      },
    },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
  },
  create(context) {
    /** The basis cell of a row: in the column another row's basis sits in, else the value cell. */
    const basisCell = (declaration: Declaration, indicator: Indicator): CellRef | undefined => {
      const sample = declaration.indicators.find((i) => i.basis?.at)?.basis?.at;
      if (sample && indicator.row >= 0) return cellRef(sample.sheet, indicator.row, sample.col);
      return indicator.value.at ?? indicator.name.at;
    };

    return {
      declarationExit(declaration) {
        if (declaration.kind === 'self-evaluation') return;
        // The column must be there: the reader says so (layout), or — for JSON/YAML — some row has a basis.
        const hasColumn = declaration.layout ? declaration.layout.columns.includes('basis') : declaration.indicators.some((i) => i.basis?.text);
        if (!hasColumn) return;
        const quantitative = declaration.indicators.filter((i) => isNamed(i) && QUANTITATIVE.has(i.value.kind));
        const missing = quantitative.filter((i) => !i.basis?.text?.trim());
        if (missing.length === 0) return;
        if (missing.length === quantitative.length && missing.length > 1) {
          const first = missing[0]!;
          const at = basisCell(declaration, first);
          return context.report({ messageId: 'column', data: { count: missing.length }, ...(at ? { at } : { at: { path: '/indicators' } }) });
        }
        for (const indicator of missing) {
          const at = basisCell(declaration, indicator);
          context.report({
            messageId: 'row',
            data: { name: indicator.name.text, value: indicator.value.raw },
            indicator,
            at: at ?? { path: `/indicators/${declaration.indicators.indexOf(indicator)}/basis` },
          });
        }
      },
    };
  },
});
