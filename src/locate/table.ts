import { cellRef, type TextField } from '../model/cell.js';
import type { Indicator, IndicatorPeriod, IndicatorValue, NumberField } from '../model/declaration.js';
import { cleanLabel } from '../text/clean.js';
import { classifyColumn, type ColumnMatch, type ColumnRole } from './columns.js';
import { isTitleText, matchFieldLabel } from './header-block.js';
import { parseSplitValue, parseValue } from './value.js';
import type { SheetView, ViewCell } from './sheet-view.js';

/** One indicator set inside a header: side-by-side 中期 + 年度 tables give two segments. */
export interface Segment {
  period: IndicatorPeriod;
  /** Whether the period was written (in a label or banner) rather than assumed. */
  periodStated: boolean;
  columns: Partial<Record<ColumnRole, number>>;
}

export interface GridHeader {
  row: number;
  /** First data row (header rows may be two deep). */
  dataStart: number;
  labels: Map<number, ViewCell>;
  segments: Segment[];
  /** Columns shared by every segment (一级指标 in 一级 | 二级(中期) | … | 二级(年度) | …). */
  shared: Partial<Record<ColumnRole, number>>;
  selfEvaluation: boolean;
  /** Multi-project flat sheet: project columns on the left of the grid. */
  flat: boolean;
  firstCol: number;
  lastCol: number;
}

const INDICATOR_ROLES: ColumnRole[] = ['level1', 'level2', 'name', 'value', 'operator', 'unit', 'weight'];
const PER_SEGMENT: ColumnRole[] = ['level2', 'name', 'operator', 'value', 'unit', 'weight', 'basis', 'direction', 'description', 'actual', 'score'];

/** Labels of a candidate header row; a group label over several columns yields to the sub-labels below it. */
function headerLabels(view: SheetView, row: number): { labels: Map<number, ViewCell>; depth: number; groups: Map<number, ViewCell> } {
  const labels = new Map<number, ViewCell>();
  const groups = new Map<number, ViewCell>();
  let depth = 1;
  for (let c = 0; c < view.colCount; c++) {
    const top = view.cell(row, c);
    if (!top.text) continue;
    const m = top.merge;
    // Only a short header-like label can group sub-columns; a merged paragraph above a grid cannot.
    const wide = m !== undefined && m.c1 > m.c0 && top.text.length <= 16 && /指标|目标|值|中期|长期|年度|预期|实际/.test(top.text);
    if (wide && row + 1 < view.rowCount) {
      const sub = view.cell(row + 1, c);
      if (sub.merge && c !== sub.merge.c0) continue; // the rest of a merged sub-label
      if (sub.text && sub.row === row + 1 && classifyColumn(sub.raw)) {
        labels.set(c, sub);
        groups.set(c, top);
        depth = 2;
        continue;
      }
    }
    if (m && c !== m.c0) continue;
    labels.set(c, top);
  }
  return { labels, depth, groups };
}

const PERIOD_TEXT: [RegExp, IndicatorPeriod][] = [
  [/中期/, 'mid-term'],
  [/长期|总体|实施期/, 'long-term'],
  [/年度|当年|本年/, 'annual'],
];

function periodIn(text: string): IndicatorPeriod | undefined {
  return PERIOD_TEXT.find(([re]) => re.test(text))?.[1];
}

/**
 * Every grid header has a 二级/三级, a …值, or an 指标/指标内容/指标名称 column; data rows (产出指标 |
 * 数量指标 | …) rarely do, so most rows are skipped before any label is classified.
 */
const HEADER_HINT = /值|[二三]级|^[\s*★＊]*(指\s*标|指标内容|指标名称|具体指标|绩效指标)[\s*★＊]*$/;

/** Recognises an indicator grid header at `row`, or returns undefined. */
export function detectHeader(view: SheetView, row: number): GridHeader | undefined {
  if (!view.rowMentions(row, HEADER_HINT)) return undefined;
  const { labels, depth, groups } = headerLabels(view, row);
  if (labels.size < 2) return undefined;
  const matches: { col: number; match: ColumnMatch }[] = [];
  for (const [col, cell] of labels) {
    const match = classifyColumn(cell.raw);
    if (match) matches.push({ col, match });
  }
  const best = new Map<ColumnRole, number>();
  for (const { match } of matches) best.set(match.role, Math.max(best.get(match.role) ?? 0, match.priority));
  const kept = matches.filter(({ match }) => match.priority === best.get(match.role)).sort((a, b) => a.col - b.col);
  const roles = new Set(kept.map((k) => k.match.role));
  const indicatorRoles = INDICATOR_ROLES.filter((r) => roles.has(r)).length;
  if (!(roles.has('name') || (roles.has('level2') && roles.has('value')))) return undefined;
  if (indicatorRoles < 2 || (!roles.has('value') && !roles.has('level2'))) return undefined;

  // Side by side: the second 三级 (or 二级) column starts a second segment.
  const nameCols = kept.filter((k) => k.match.role === 'name').map((k) => k.col);
  const level2Cols = kept.filter((k) => k.match.role === 'level2').map((k) => k.col);
  let boundaries: number[] = [];
  if (nameCols.length > 1) {
    boundaries = nameCols.slice(1).map((nc, i) => {
      const l2 = level2Cols.find((c) => c > nameCols[i]! && c < nc);
      return l2 ?? nc;
    });
  }
  const segmentOf = (col: number) => boundaries.filter((b) => col >= b).length;
  const segmentCount = boundaries.length + 1;
  const segments: Segment[] = Array.from({ length: segmentCount }, () => ({ period: 'annual', periodStated: false, columns: {} }));
  const shared: Partial<Record<ColumnRole, number>> = {};
  for (const { col, match } of kept) {
    const seg = segments[segmentOf(col)]!;
    if (segmentCount > 1 && !PER_SEGMENT.includes(match.role)) {
      shared[match.role] ??= col;
      continue;
    }
    if (seg.columns[match.role] === undefined) seg.columns[match.role] = col;
    const group = groups.get(col);
    const stated = match.period ?? (group ? periodIn(cleanLabel(group.raw)) : undefined);
    if (stated && !seg.periodStated) {
      seg.period = stated;
      seg.periodStated = true;
    }
  }
  if (segmentCount > 1) {
    // Unlabelled side-by-side sets read as 中期 then 年度, the order every observed form uses.
    segments.forEach((seg, i) => {
      if (!seg.periodStated) seg.period = i === segmentCount - 1 ? 'annual' : 'mid-term';
    });
  }
  const cols = kept.map((k) => k.col);
  // A chosen header label merged down over exactly two rows makes a two-row header (taller merges
  // are banners beside the data, like 绩效指标 down the left).
  const tall = kept.some(({ col }) => {
    const m = labels.get(col)!.merge;
    return m !== undefined && m.r0 === row && m.r1 === row + 1;
  });
  return {
    row,
    dataStart: row + Math.max(depth, tall ? 2 : 1),
    labels,
    segments,
    shared,
    selfEvaluation: roles.has('actual') || roles.has('score'),
    flat: roles.has('projectName'),
    firstCol: Math.min(...cols),
    lastCol: Math.max(...cols),
  };
}

/** The roles of a header's columns, left to right, each once: what Declaration.layout.columns lists. */
export function columnRoles(header: GridHeader): ColumnRole[] {
  const placed: [number, ColumnRole][] = [];
  for (const columns of [header.shared, ...header.segments.map((s) => s.columns)]) {
    for (const [role, col] of Object.entries(columns) as [ColumnRole, number][]) placed.push([col, role]);
  }
  return [...new Set(placed.sort((a, b) => a[0] - b[0]).map(([, role]) => role))];
}

const STOP_WORDS = /^((注|说明|备注|填表说明)[：:\d一二三四五六七八九]|其他说明|合计|总计|总分|自评等级|评价等级|自评结论|填报人|填表人|单位负责人|审核人?|联系人|填报日期|填表日期|财务负责人|经办人|盖章|签字|项目负责人签字|单位盖章|部门审核意见|财政部门审核意见)/;

/** Why a table ends at a row: a note or signature line, a new title or header block, or a banner for the next table. */
export function endsTable(view: SheetView, row: number): boolean {
  const first = view.rowCells(row)[0];
  if (!first) return false;
  const label = cleanLabel(first.raw);
  if (STOP_WORDS.test(label)) return true;
  if (isTitleText(first.text) && first.row === row) return true;
  const field = matchFieldLabel(first.raw);
  if (field && first.row === row && field.target.kind === 'project') return true;
  if (/绩效指标$/.test(label) && periodIn(label) && view.rowCells(row).length === 1) return true;
  return false;
}

/** Last data row of a grid: before the next header, a stop row, or three blank rows. */
export function tableEnd(view: SheetView, header: GridHeader, limit: number): number {
  let last = header.dataStart - 1;
  let blanks = 0;
  for (let r = header.dataStart; r <= limit; r++) {
    if (view.isBlankRow(r)) {
      if (++blanks >= 3) break;
      continue;
    }
    if (endsTable(view, r)) break;
    blanks = 0;
    last = r;
  }
  return last;
}

interface LevelCell {
  text: string;
  cell?: ViewCell;
}

function field(cell: ViewCell): TextField {
  const raw = cell.raw.trim();
  return { text: cell.text, ...(raw !== cell.text ? { raw: cell.raw } : {}), at: cell.at };
}

/** 一级 family a label belongs to, so a vertically centred 一级 label can be filled upwards. */
function familyOfLevel1(text: string): string | undefined {
  if (/产出/.test(text)) return 'output';
  if (/效益|效果/.test(text)) return 'benefit';
  if (/满意/.test(text)) return 'satisfaction';
  if (/成本/.test(text)) return 'cost';
  return undefined;
}

function familyOfLevel2(text: string): string | undefined {
  if (/数量|质量|时效|进度/.test(text)) return 'output';
  if (/(经济|社会|生态环境|环境)成本/.test(text)) return 'cost';
  if (/效益|可持续/.test(text)) return 'benefit';
  if (/满意/.test(text)) return 'satisfaction';
  return undefined;
}

/**
 * Fills a level column over its rows: merged labels already cover their area; a lone label fills
 * down, rows above the first label fill up, and a label filed below its block (vertical
 * centring) claims the rows above it when their 二级 says they belong to it. `bounds` restarts
 * the fill (二级 never crosses a 一级 boundary).
 */
function fillLevels(cells: LevelCell[], rowsLevel2: string[] | undefined, family: ((t: string) => string | undefined) | undefined, bounds: number[]): LevelCell[] {
  const out: LevelCell[] = cells.map((c) => ({ ...c }));
  const starts = [0, ...bounds.filter((b) => b > 0 && b < cells.length)];
  for (let s = 0; s < starts.length; s++) {
    const from = starts[s]!;
    const to = s + 1 < starts.length ? starts[s + 1]! : cells.length;
    const labelled: number[] = [];
    for (let i = from; i < to; i++) if (cells[i]!.text) labelled.push(i);
    if (labelled.length === 0) continue;
    let k = 0; // labelled[k] is the first label at or after row i
    for (let i = from; i < to; i++) {
      while (k < labelled.length && labelled[k]! < i) k++;
      if (cells[i]!.text) continue;
      const prev = k > 0 ? labelled[k - 1] : undefined;
      const next = labelled[k];
      let pick = prev ?? next!;
      const rowFamily = family && rowsLevel2 ? familyOfLevel2(rowsLevel2[i] ?? '') : undefined;
      if (family && rowFamily) {
        const familyAt = (l: number | undefined) => (l === undefined ? undefined : family(cells[l]!.text));
        if (familyAt(prev) === rowFamily) pick = prev!;
        else if (familyAt(next) === rowFamily) pick = next!;
        // The nearest labels belong to other families (a 效益 block whose 一级 cell was left
        // empty): say nothing rather than misfile the row.
        else if (familyAt(pick) !== undefined) continue;
      }
      out[i] = cells[pick]!;
    }
  }
  return out;
}

function numberIn(text: string): number | undefined {
  const m = /-?\d+(?:\.\d+)?/.exec(text.replace(/,/g, ''));
  return m ? Number(m[0]) : undefined;
}

function numberField(cell: ViewCell): NumberField {
  const n = numberIn(cell.text);
  return { ...field(cell), ...(n !== undefined ? { number: n } : {}) };
}

export interface TableRows {
  indicators: Indicator[];
  /** The declared-target column of a self-evaluation table. */
  targetColumn?: TextField;
}

/** Reads the indicator rows of one grid between `from` and `to` (inclusive), every segment. */
export function readIndicators(view: SheetView, header: GridHeader, from: number, to: number, defaultPeriod: IndicatorPeriod): TableRows {
  const indicators: Indicator[] = [];
  const rowCount = Math.max(0, to - from + 1);
  const rowIndexes = Array.from({ length: rowCount }, (_, i) => from + i);
  const cellAt = (r: number, c: number | undefined): ViewCell | undefined => (c === undefined ? undefined : view.cell(r, c));
  const level1Col = header.shared.level1 ?? header.segments[0]?.columns.level1;

  let targetColumn: TextField | undefined;
  for (const segment of header.segments) {
    const cols = segment.columns;
    const period = header.segments.length > 1 || segment.periodStated ? segment.period : defaultPeriod;
    const level2Texts = rowIndexes.map((r) => cellAt(r, cols.level2)?.text ?? '');
    const level1Raw: LevelCell[] = rowIndexes.map((r) => {
      const cell = cellAt(r, level1Col);
      return cell?.text ? { text: cell.text, cell } : { text: '' };
    });
    const level1 = level1Col === undefined ? undefined : fillLevels(level1Raw, level2Texts, familyOfLevel1, []);
    const level1Bounds: number[] = [];
    if (level1) {
      for (let i = 1; i < level1.length; i++) if (level1[i]!.cell?.key !== level1[i - 1]!.cell?.key) level1Bounds.push(i);
    }
    const level2Raw: LevelCell[] = rowIndexes.map((r) => {
      const cell = cellAt(r, cols.level2);
      return cell?.text ? { text: cell.text, cell } : { text: '' };
    });
    const level2 = cols.level2 === undefined ? undefined : fillLevels(level2Raw, undefined, undefined, level1Bounds);

    if (header.selfEvaluation && cols.value !== undefined) targetColumn ??= field(header.labels.get(cols.value)!);

    const rows: { ind: Indicator; empty: boolean }[] = [];
    rowIndexes.forEach((r, i) => {
      const nameCell = cellAt(r, cols.name);
      const valueCell = cellAt(r, cols.value);
      const opCell = cellAt(r, cols.operator);
      const unitCell = cellAt(r, cols.unit);
      // Merged name or value cells belong to their first row only.
      const nameText = nameCell && nameCell.row === r ? nameCell.text : '';
      const valueText = valueCell && valueCell.row === r ? valueCell.raw.trim() : '';
      const opText = opCell && opCell.row === r ? opCell.text : '';
      const unitText = unitCell && unitCell.row === r ? unitCell.text : '';
      const l1 = level1?.[i];
      const l2 = level2?.[i];
      const hasLevelHere = (l2?.cell && l2.cell.row === r) || (l1?.cell && l1.cell.row === r && !l2?.text);
      const empty = !nameText && !valueText && !opText && !unitText;
      if (empty && !hasLevelHere) return;
      if (!l1?.text && !l2?.text && !nameText) return;

      const split = cols.operator !== undefined || cols.unit !== undefined;
      const parsed = split ? parseSplitValue({ operator: opText || undefined, value: valueText || undefined, unit: unitText || undefined }) : parseValue(valueText);
      const raw = split ? [opText, valueText, unitText].filter(Boolean).join(' ') : valueText;
      const valueAt = valueCell?.at ?? nameCell?.at;
      const value: IndicatorValue = {
        raw,
        ...(valueAt ? { at: valueAt } : {}),
        ...parsed,
        ...(opText && opCell ? { operatorAt: opCell.at } : {}),
        ...(unitText && unitCell ? { unitAt: unitCell.at } : {}),
        ...(split && raw ? { parts: { ...(opText ? { operator: opText } : {}), ...(valueText ? { value: valueText } : {}), ...(unitText ? { unit: unitText } : {}) } } : {}),
      };
      const ind: Indicator = {
        period,
        row: r,
        ...(l1?.cell ? { level1: field(l1.cell) } : {}),
        ...(l2?.cell ? { level2: field(l2.cell) } : {}),
        name: nameCell && nameText ? field(nameCell) : { text: '', ...(cols.name !== undefined ? { at: cellRef(view.name, r, cols.name) } : {}) },
        value,
      };
      const extra: [keyof Indicator, ColumnRole, boolean][] = [
        ['weight', 'weight', true],
        ['basis', 'basis', false],
        ['direction', 'direction', false],
        ['description', 'description', false],
        ['actual', 'actual', false],
        ['score', 'score', true],
      ];
      for (const [key, role, numeric] of extra) {
        const cell = cellAt(r, cols[role]);
        if (!cell?.text || cell.row !== r) continue;
        (ind as unknown as Record<string, unknown>)[key] = numeric ? numberField(cell) : field(cell);
      }
      if (!ind.basis && cols.basis === undefined) {
        const remark = cellAt(r, cols.remark);
        if (remark?.text && remark.row === r) ind.basis = field(remark);
      }
      rows.push({ ind, empty });
    });
    // Keep an empty row only as the scaffold of a level label no filled row uses.
    const usedLabels = new Set<string>();
    for (const { ind, empty } of rows) {
      if (empty) continue;
      if (ind.level2?.at) usedLabels.add(ind.level2.at.a1);
      else if (ind.level1?.at) usedLabels.add(ind.level1.at.a1);
    }
    for (const { ind, empty } of rows) {
      if (empty) {
        const key = (ind.level2 ?? ind.level1)?.at?.a1;
        if (!key || usedLabels.has(key)) continue;
        usedLabels.add(key);
      }
      indicators.push(ind);
    }
  }
  return { indicators, ...(targetColumn ? { targetColumn } : {}) };
}
