import type { CellRef, TextField } from '../model/cell.js';
import type { AmountField, Funds, FundsSection, FundsUnit, Goals, HeaderField, NumberField, ProjectFacts } from '../model/declaration.js';
import { cleanLabel, cleanParagraph, cleanText } from '../text/clean.js';
import { parseAmount } from './value.js';
import type { SheetView, ViewCell } from './sheet-view.js';

type ProjectKey = keyof ProjectFacts;
type GoalKey = keyof Goals;
type MoneyKey = keyof FundsSection;

/** What a header label names. `span` fields (起止时间) fill startDate and endDate from one cell. */
type FieldTarget =
  | { kind: 'project'; key: ProjectKey }
  | { kind: 'span' }
  | { kind: 'goal'; key: GoalKey }
  | { kind: 'money'; key: MoneyKey; section?: 'annual' | 'project' }
  | { kind: 'fundsBlock' }
  | { kind: 'year' };

const FIELD_LABELS: [RegExp, FieldTarget][] = [
  [/^项目名称$/, { kind: 'project', key: 'name' }],
  [/^项目(编号|编码|代码)$/, { kind: 'project', key: 'code' }],
  [/^主管(部门|单位)(及代码|及编码|名称)?$/, { kind: 'project', key: 'department' }],
  [/^(项目)?(实施|执行)单位(名称)?$/, { kind: 'project', key: 'implementer' }],
  [/^(联系|负责人|项目负责人)电话$/, { kind: 'project', key: 'phone' }],
  [/^(项目)?负责人(及|和)?(联系)?(电话)?$/, { kind: 'project', key: 'owner' }],
  [/^项目(属性|类型|分类|性质|类别)$/, { kind: 'project', key: 'attribute' }],
  [/^(项目期|项目周期|实施期限|项目期限)$/, { kind: 'project', key: 'term' }],
  [/^(项目)?(起止时间|起止日期|实施起止时间|实施周期)$/, { kind: 'span' }],
  [/^(计划)?开始(日期|时间)$/, { kind: 'project', key: 'startDate' }],
  [/^(计划)?(完成|结束)(日期|时间)$/, { kind: 'project', key: 'endDate' }],
  [/^(项目概况|项目概述|项目简介|立项依据|项目立项情况|项目实施计划|实施计划)$/, { kind: 'project', key: 'overview' }],
  [/^(总体目标|项目总目标|总目标|长期目标|实施期绩效目标|实施期目标|长期绩效目标)$/, { kind: 'goal', key: 'overall' }],
  [/^(年度目标|年度总体目标|当年绩效目标|年度绩效目标|本年度目标|年度绩效目标文字|当年目标)$/, { kind: 'goal', key: 'annual' }],
  [/^中期目标$/, { kind: 'goal', key: 'midTerm' }],
  [/^(年度资金总额|年度资金申请总额|当年资金总额|年度预算数|年度资金|资金总额|年度资金合计)$/, { kind: 'money', key: 'total' }],
  [/^(项目资金总额|中期资金总额|项目总投资|项目资金合计|项目总资金|总投资)$/, { kind: 'money', key: 'total', section: 'project' }],
  [/^(财政拨款|财政资金|当年财政拨款|本级财政资金|财政拨款资金|一般公共预算)$/, { kind: 'money', key: 'fiscal' }],
  [/^(上年结转|上年结转资金|结转资金)$/, { kind: 'money', key: 'carryover' }],
  [/^(其他资金|自有资金|单位自有资金|其他)$/, { kind: 'money', key: 'other' }],
  [/^(资金情况|项目资金|项目资金申请|资金投入情况|预算情况|项目资金情况|资金来源)$/, { kind: 'fundsBlock' }],
  [/^(填报)?年度$/, { kind: 'year' }],
];

/** Column captions inside the header block that sit above the text they name. */
const SUB_HEADER = /^(预期目标|目标内容|计划目标|预期|目标|计划)$/;

const UNIT_IN_LABEL = /[（(]\s*(万元|元)\s*[）)]|(?:金额)?单位[：:]\s*(万元|元)/;

export interface LabelMatch {
  target: FieldTarget;
  /** The unit written in the label itself, e.g. 资金情况（万元）. */
  unit?: FundsUnit;
  /** Text after a colon when label and value share one cell (项目名称：XXX). */
  inlineValue?: string;
}

const labelCache = new Map<string, LabelMatch | undefined>();

/** Recognises a header-block label such as 项目名称, 其中：财政拨款, 资金情况（万元）. */
export function matchFieldLabel(text: string): LabelMatch | undefined {
  if (labelCache.has(text)) return labelCache.get(text);
  const match = text.length > 80 ? undefined : matchUncached(text);
  if (labelCache.size > 10_000) labelCache.clear();
  labelCache.set(text, match);
  return match;
}

function matchUncached(text: string): LabelMatch | undefined {
  const flat = cleanLabel(text);
  if (!flat || flat.length > 40) return undefined;
  const unitMatch = UNIT_IN_LABEL.exec(flat);
  const unit = (unitMatch?.[1] ?? unitMatch?.[2]) as FundsUnit | undefined;
  // "其中：财政拨款" — the colon after 其中 is not a label/value separator.
  const subItem = /^(其中|含)[：:]?/.exec(flat);
  let head = subItem ? flat.slice(subItem[0].length) : flat;
  const body = subItem ? text.replace(/^[\s\u3000]*(其中|含)[\s\u3000]*[：:]?/, '') : text;
  let inlineValue: string | undefined;
  const colon = head.search(/[：:]/);
  if (colon >= 0) {
    head = head.slice(0, colon);
    const rest = cleanText(body.slice(body.search(/[：:]/) + 1));
    if (rest) inlineValue = rest;
  }
  head = head
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[*★＊]/g, '');
  if (/^(金额)?单位$/.test(head) && unit) return { target: { kind: 'fundsBlock' }, unit };
  for (const [re, target] of FIELD_LABELS) {
    if (re.test(head)) {
      return { target, ...(unit ? { unit } : {}), ...(inlineValue ? { inlineValue } : {}) };
    }
  }
  return undefined;
}

/** Checkbox text (■新增项目 □延续项目, 口 used as an empty box) → the ticked choice. */
export function resolveCheckbox(text: string): string {
  const ticked = /[■☑√✓▣☒✔]\s*([^\s□☐口■☑√✓▣☒✔]+)/.exec(text);
  if (ticked) return ticked[1]!;
  const after = /([^\s□☐口■☑√✓▣☒✔]+)\s*[■☑√✓▣☒✔]/.exec(text);
  if (after) return after[1]!;
  return cleanText(text);
}

const TITLE = /(申报表|目标表|自评表|批复表|绩效指标表|绩效目标申报|目标申报表)/;
const YEAR_IN_TEXT = /((?:19|20)\d{2})\s*年度?/;

export function isTitleText(text: string): boolean {
  return TITLE.test(text) && text.length <= 80 && !matchFieldLabel(text);
}

export interface HeaderBlock {
  title?: TextField;
  year?: NumberField;
  project: ProjectFacts;
  goals: Goals;
  funds?: Funds;
  /** Every field whose label is in the block, filled or not, with the label's cell (Declaration.layout.labels). */
  labels: Partial<Record<HeaderField, CellRef>>;
}

function field(cell: ViewCell, text: string, paragraph = false): TextField {
  const cleaned = paragraph ? cleanParagraph(text) : cleanText(text);
  const raw = cell.raw.trim();
  return { text: cleaned, ...(raw !== cleaned ? { raw: cell.raw } : {}), at: cell.at };
}

/**
 * Reads the project facts above an indicator grid: every known label takes the next non-label
 * cell to its right (or the text after its colon), funds follow the unit their block states.
 */
export function readHeaderBlock(view: SheetView, firstRow: number, lastRow: number): HeaderBlock {
  const block: HeaderBlock = { project: {}, goals: {}, labels: {} };
  const labelled = (path: HeaderField, at: CellRef) => {
    block.labels[path] ??= at;
  };
  let unit: FundsUnit | undefined;
  let unitAt: CellRef | undefined;
  const annual: FundsSection = {};
  let project: FundsSection | undefined;
  // Column → section of the nearest 总额 label above it, so V2's side-by-side 其中 rows land right.
  const sectionByCol = new Map<number, 'annual' | 'project'>();
  const consumed = new Set<number>();

  for (let r = firstRow; r <= lastRow; r++) {
    const cells = view.rowCells(r);
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      if (cell.row !== r || consumed.has(cell.key)) continue; // merged from above, or already a value
      if (!block.title && isTitleText(cell.text)) {
        block.title = field(cell, cell.raw);
        const year = YEAR_IN_TEXT.exec(cell.text);
        if (year) block.year = { text: cell.text, at: cell.at, number: Number(year[1]) };
        continue;
      }
      if (!block.year && /^[（(]?\s*(?:19|20)\d{2}\s*年度?\s*[)）]?$/.test(cell.text)) {
        const year = YEAR_IN_TEXT.exec(cell.text)!;
        block.year = { text: cell.text, at: cell.at, number: Number(year[1]) };
        continue;
      }
      const match = matchFieldLabel(cell.raw);
      if (!match) continue;
      if (match.unit && !unit) {
        unit = match.unit;
        unitAt = cell.at;
      }
      const { target } = match;
      if (target.kind === 'fundsBlock') continue;
      if (target.kind === 'project' || target.kind === 'goal') labelled(`${target.kind === 'project' ? 'project' : 'goals'}.${target.key}` as HeaderField, cell.at);
      else if (target.kind === 'span') for (const path of ['project.startDate', 'project.endDate'] as const) labelled(path, cell.at);
      let valueCell: ViewCell | undefined;
      let valueText: string | undefined;
      if (match.inlineValue !== undefined) {
        valueCell = cell;
        valueText = match.inlineValue;
      } else {
        const next = cells[i + 1];
        const isValue = (c: ViewCell | undefined): c is ViewCell =>
          c !== undefined && !!c.text && !matchFieldLabel(c.raw) && !isTitleText(c.text);
        const below = (c: ViewCell): ViewCell | undefined => {
          const row = (c.merge?.r1 ?? c.row) + 1;
          if (row > lastRow) return undefined;
          const under = view.cell(row, c.col);
          return under.col === c.col && under.row === row ? under : undefined;
        };
        let pick: ViewCell | undefined;
        if (next && next.row === r && SUB_HEADER.test(cleanLabel(next.raw))) {
          // 年度总体目标 | 预期目标 | 实际完成情况, with the texts one row down.
          pick = below(next);
          if (pick) i++;
        } else if (isValue(next) && next.row === r) {
          pick = next;
          i++;
        } else {
          // Labels in a row with their texts underneath (总目标 | 年度目标 over two paragraphs).
          pick = below(cell);
        }
        if (isValue(pick)) {
          valueCell = pick;
          valueText = pick.raw;
          if (pick.row !== r) consumed.add(pick.key);
        }
      }
      if (target.kind === 'money') {
        const section = target.section ?? sectionByCol.get(cell.col) ?? 'annual';
        if (target.key === 'total') sectionByCol.set(cell.col, section);
        labelled(`funds.${section}.${target.key}`, cell.at);
        if (!valueCell || valueText === undefined) continue;
        const amount: AmountField = { ...field(valueCell, valueText) };
        const parsed = parseAmount(valueText);
        if (parsed !== undefined) amount.amount = parsed;
        const into = section === 'project' ? (project ??= {}) : annual;
        if (!into[target.key]) into[target.key] = amount;
        continue;
      }
      if (!valueCell || valueText === undefined) continue;
      if (target.kind === 'year') {
        const year = YEAR_IN_TEXT.exec(valueText) ?? /((?:19|20)\d{2})/.exec(valueText);
        if (year && !block.year) block.year = { ...field(valueCell, valueText), number: Number(year[1]) };
      } else if (target.kind === 'goal') {
        block.goals[target.key] ??= field(valueCell, valueText, true);
      } else if (target.kind === 'span') {
        const parts = cleanText(valueText).split(/\s*(?:至|到|~|～|—+|－|--|-)\s*/);
        if (parts.length === 2 && parts[0] && parts[1]) {
          block.project.startDate ??= { text: parts[0], raw: valueCell.raw, at: valueCell.at };
          block.project.endDate ??= { text: parts[1], raw: valueCell.raw, at: valueCell.at };
        } else {
          block.project.term ??= field(valueCell, valueText);
        }
      } else if (target.key === 'attribute') {
        const choice = resolveCheckbox(valueText);
        block.project.attribute ??= { text: choice, ...(choice !== valueText.trim() ? { raw: valueCell.raw } : {}), at: valueCell.at };
      } else if (target.key === 'overview') {
        block.project.overview ??= field(valueCell, valueText, true);
      } else {
        block.project[target.key] ??= field(valueCell, valueText);
      }
    }
  }
  const hasMoney = Object.keys(annual).length > 0 || project !== undefined;
  if (hasMoney || unit) {
    block.funds = { unit: unit ?? '万元', ...(unitAt ? { unitAt } : {}), annual, ...(project ? { project } : {}) };
  }
  return block;
}
