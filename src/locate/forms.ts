import type { TextField } from '../model/cell.js';
import type { ColumnRole, Declaration, Funds, HeaderField, IndicatorPeriod, Layout } from '../model/declaration.js';
import type { Grid } from '../model/grid.js';
import type { ReadProblem } from '../model/problem.js';
import { cleanLabel, cleanParagraph, cleanText } from '../text/clean.js';
import { isTitleText, matchFieldLabel, readHeaderBlock } from './header-block.js';
import { SheetView, type ViewCell } from './sheet-view.js';
import { columnRoles, detectHeader, readIndicators, tableEnd, type GridHeader } from './table.js';
import { parseAmount } from './value.js';

export interface LocateResult {
  declarations: Declaration[];
  problems: ReadProblem[];
}

interface Table {
  header: GridHeader;
  end: number;
}

function findTables(view: SheetView): Table[] {
  const headers: GridHeader[] = [];
  for (let r = 0; r < view.rowCount; r++) {
    const header = detectHeader(view, r);
    if (!header) continue;
    headers.push(header);
    r = header.dataStart - 1; // a two-row header is one header
  }
  const tables: Table[] = [];
  headers.forEach((header, i) => {
    const next = headers[i + 1];
    if (tables.length && header.row <= tables[tables.length - 1]!.end) return;
    tables.push({ header, end: tableEnd(view, header, next ? next.row - 1 : view.rowCount - 1) });
  });
  return tables;
}

/** A new form starts above a table when a title or a 项目名称 label stands between it and the previous table. */
function formStartBetween(view: SheetView, from: number, to: number): number | undefined {
  let start: number | undefined;
  for (let r = to; r >= from; r--) {
    for (const cell of view.rowCells(r)) {
      if (cell.row !== r) continue;
      if (isTitleText(cell.text)) return r;
      const field = matchFieldLabel(cell.raw);
      if (field?.target.kind === 'project' && field.target.key === 'name') start = r;
    }
  }
  return start;
}

const BANNER_PERIOD: [RegExp, IndicatorPeriod][] = [
  [/中期/, 'mid-term'],
  [/长期|总体|实施期/, 'long-term'],
  [/年度|当年|本年/, 'annual'],
];

/** 长期绩效指标 / 年度绩效指标 written above the grid or as a banner to its left. */
function bannerPeriod(view: SheetView, header: GridHeader, above: number): IndicatorPeriod | undefined {
  const texts: string[] = [];
  for (let r = header.row - 1; r >= Math.max(above, header.row - 2); r--) {
    const cells = view.rowCells(r);
    if (cells.length === 1) texts.push(cleanLabel(cells[0]!.raw));
  }
  if (header.firstCol > 0) {
    texts.push(cleanLabel(view.cell(header.row, header.firstCol - 1).raw));
    texts.push(cleanLabel(view.cell(header.dataStart, header.firstCol - 1).raw));
  }
  for (const text of texts) {
    // 长期绩效指标 / 年度绩效指标 banners; a 总体目标 or 年度目标 label is a header field, not a period banner.
    if (!/指标/.test(text)) continue;
    const found = BANNER_PERIOD.find(([re]) => re.test(text));
    if (found) return found[1];
  }
  return undefined;
}

function emptyDeclaration(sheet: string): Declaration {
  return { kind: 'declaration', source: { sheet, index: 0 }, project: {}, goals: {}, indicators: [] };
}

function textField(cell: ViewCell, paragraph = false): TextField {
  const text = paragraph ? cleanParagraph(cell.raw) : cleanText(cell.raw);
  return { text, ...(cell.raw.trim() !== text ? { raw: cell.raw } : {}), at: cell.at };
}

/** Multi-project flat sheets: 单位名称 | 项目名称 | 预算数 | 年度目标 | 一级 | 二级 | 三级 | 指标值, one project per block of rows. */
function readFlatSheet(view: SheetView, table: Table): Declaration[] {
  const { header } = table;
  const cols = header.segments[0]!.columns;
  const budgetLabel = cols.budget !== undefined ? header.labels.get(cols.budget) : undefined;
  const unitMatch = budgetLabel ? /(万元|元)/.exec(budgetLabel.raw) : null;
  // The project fields a flat sheet has are its project columns (单位名称 names the department
  // on its subtotal row, not each project's 实施单位).
  const fieldOf: [ColumnRole, HeaderField][] = [
    ['projectName', 'project.name'],
    ['budget', 'funds.annual.total'],
    ['goal', 'goals.annual'],
  ];
  const columns = columnRoles(header);
  const labels: Layout['labels'] = {};
  for (const [role, path] of fieldOf) {
    const label = cols[role] !== undefined ? header.labels.get(cols[role]) : undefined;
    if (label) labels[path] = label.at;
  }
  const out: Declaration[] = [];
  let current: { decl: Declaration; first: number; last: number } | undefined;
  const finish = () => {
    if (!current) return;
    const rows = readIndicators(view, header, current.first, current.last, 'annual');
    current.decl.indicators = rows.indicators;
    out.push(current.decl);
    current = undefined;
  };
  for (let r = header.dataStart; r <= table.end; r++) {
    const projectCell = cols.projectName !== undefined ? view.cell(r, cols.projectName) : undefined;
    const isTotalRow = projectCell !== undefined && /^(合计|小计|总计)$/.test(cleanLabel(projectCell.raw));
    const startsProject = projectCell?.text && projectCell.row === r && !isTotalRow;
    const unitCell = cols.unitName !== undefined ? view.cell(r, cols.unitName) : undefined;
    if (startsProject) {
      finish();
      const decl = emptyDeclaration(view.name);
      decl.layout = { labels: { ...labels }, columns: [...columns] };
      decl.project.name = textField(projectCell);
      if (unitCell?.text) decl.project.implementer = textField(unitCell);
      const budgetCell = cols.budget !== undefined ? view.cell(r, cols.budget) : undefined;
      if (budgetCell?.text) {
        const amount = parseAmount(budgetCell.raw);
        const funds: Funds = {
          unit: (unitMatch?.[1] as Funds['unit'] | undefined) ?? '万元',
          ...(unitMatch && budgetLabel ? { unitAt: budgetLabel.at } : {}),
          annual: { total: { ...textField(budgetCell), ...(amount !== undefined ? { amount } : {}) } },
        };
        decl.funds = funds;
      }
      const goalCell = cols.goal !== undefined ? view.cell(r, cols.goal) : undefined;
      if (goalCell?.text) decl.goals.annual = textField(goalCell, true);
      current = { decl, first: r, last: r };
    } else if (current) {
      // A subtotal row of the next department (单位名称 set, no project) closes the current project.
      const isSubtotal = isTotalRow || (unitCell?.text && unitCell.row === r && !projectCell?.text);
      if (isSubtotal) finish();
      else current.last = r;
    }
  }
  finish();
  return out;
}

/** Finds every declaration form on every sheet of a grid. */
export function locateDeclarations(grid: Grid): LocateResult {
  const declarations: Declaration[] = [];
  const problems: ReadProblem[] = [];
  for (const sheet of grid.sheets) {
    const view = new SheetView(sheet);
    const tables = findTables(view);
    if (tables.length === 0) continue;
    let form: { decl: Declaration; start: number } | undefined;
    let previousEnd = -1;
    for (const table of tables) {
      const { header } = table;
      if (header.flat) {
        declarations.push(...readFlatSheet(view, table));
        previousEnd = table.end;
        form = undefined;
        continue;
      }
      const newStart = form ? formStartBetween(view, previousEnd + 1, header.row - 1) : 0;
      if (!form || newStart !== undefined) {
        const start = newStart ?? 0;
        const block = readHeaderBlock(view, start, header.row - 1);
        const decl = emptyDeclaration(view.name);
        if (block.title) decl.title = block.title;
        if (block.year) decl.year = block.year;
        decl.project = block.project;
        if (block.funds) decl.funds = block.funds;
        decl.goals = block.goals;
        decl.layout = { labels: block.labels, columns: [] };
        form = { decl, start };
        declarations.push(decl);
      }
      const period = bannerPeriod(view, header, previousEnd + 1) ?? 'annual';
      const rows = readIndicators(view, header, header.dataStart, table.end, period);
      form.decl.indicators.push(...rows.indicators);
      const layout = form.decl.layout!;
      for (const role of columnRoles(header)) if (!layout.columns.includes(role)) layout.columns.push(role);
      if (header.selfEvaluation) {
        form.decl.kind = 'self-evaluation';
        if (rows.targetColumn) form.decl.targetColumn ??= rows.targetColumn;
      }
      previousEnd = table.end;
    }
  }
  // Side-by-side sets are listed period by period: 中期 rows first, then 年度 rows.
  const order: Record<IndicatorPeriod, number> = { 'long-term': 0, 'mid-term': 1, annual: 2 };
  declarations.forEach((decl, index) => {
    decl.source.index = index;
    if (new Set(decl.indicators.map((i) => i.period)).size > 1) {
      decl.indicators.sort((a, b) => order[a.period] - order[b.period] || a.row - b.row);
    }
    if (decl.kind === 'self-evaluation') {
      problems.push({
        code: 'self-evaluation-form',
        fatal: false,
        data: { sheet: decl.source.sheet ?? '', column: decl.targetColumn?.text ?? '指标值' },
        ...(decl.targetColumn?.at ? { at: decl.targetColumn.at } : {}),
      });
    }
  });
  if (declarations.length === 0) problems.push({ code: 'no-indicator-table', fatal: true });
  return { declarations, problems };
}
