import type { CellRef, TextField } from './cell.js';

/** Comparison as written on the form, normalised (>= 不少于 以上 ≧ → ≥ …). */
export type Operator = '≥' | '≤' | '=' | '>' | '<';

/**
 * What kind of target a value cell states.
 * - number: a figure, maybe with operator and unit (≥90%, =8个, 1600元/亩)
 * - date: a deadline or point in time (2024年9月前, 2021年底)
 * - period: a span (2020.1.1-2020.12.31)
 * - duration: a length of time (30天, 3个月, 10个工作日内)
 * - qualitative: words (提升, 是, 显著提升, 优良中低差)
 * - placeholder: template text left in (≥**%, XX, ≧ %, a unit with no number)
 * - empty: nothing written
 */
export type ValueKind = 'number' | 'date' | 'period' | 'duration' | 'qualitative' | 'placeholder' | 'empty';

export interface DateParts {
  year?: number;
  month?: number;
  day?: number;
}

/** The parsed meaning of a target value; the written text is always kept in `raw`. */
export interface ParsedValue {
  kind: ValueKind;
  operator?: Operator;
  /** The operator as written when it differs from the normal form (>=, 不少于, 以上, 前). */
  operatorText?: string;
  number?: number;
  /** Normalised unit (百分比 → %, 平米 → 平方米); `unitText` keeps the written form when it differs. */
  unit?: string;
  unitText?: string;
  date?: DateParts;
  /** End of a period (kind = period). */
  end?: DateParts;
  /** before: 9月前 / 年底前; end: 年底 / 月末; within: 30天内. */
  qualifier?: 'before' | 'end' | 'within';
  /** Free text after the figure, e.g. the 说明 in `≥90%（抽样调查）`. */
  note?: string;
}

export interface IndicatorValue extends ParsedValue {
  /** Text as written. With split columns: the cells joined with single spaces (`≥ 90 %`). */
  raw: string;
  /** The value cell (or, with split columns, the figure's cell). */
  at?: CellRef;
  operatorAt?: CellRef;
  unitAt?: CellRef;
  /** Split columns only: the text of each non-empty cell, so a fix can address one of them. */
  parts?: { operator?: string; value?: string; unit?: string };
}

export interface NumberField extends TextField {
  number?: number;
}

export type IndicatorPeriod = 'annual' | 'mid-term' | 'long-term';

export interface Indicator {
  /** Which indicator set of the form this row belongs to; side-by-side 中期 + 年度 tables give two. */
  period: IndicatorPeriod;
  /** 0-based sheet row (−1 for structured inputs without cells). */
  row: number;
  level1?: TextField;
  level2?: TextField;
  /** The 三级指标 / 指标内容 / 指标名称; an empty text for scaffold rows that have only a 二级. */
  name: TextField;
  value: IndicatorValue;
  /** 权重 / 分值 / 指标权重. */
  weight?: NumberField;
  /** 指标值设定依据 / 指标解释 / 指标标准或依据 / 备注 / 指标说明. */
  basis?: TextField;
  /** 指标方向性: 正向 / 反向. */
  direction?: TextField;
  /** 绩效指标描述 / 指标描述 / 评(扣)分标准. */
  description?: TextField;
  /** Self-evaluation tables only: 实际完成值, 得分. */
  actual?: TextField;
  score?: NumberField;
}

export type FundsUnit = '万元' | '元';

export interface AmountField extends TextField {
  /** The figure in the form's unit (`FundsSection.unit`); absent when the cell holds no figure. */
  amount?: number;
}

export interface FundsSection {
  total?: AmountField;
  /** 财政拨款 / 财政资金 / 当年财政拨款. */
  fiscal?: AmountField;
  /** 上年结转 / 上年结转资金. */
  carryover?: AmountField;
  /** 其他资金 / 自有资金 / 事业收入 … */
  other?: AmountField;
}

export interface Funds {
  /** The unit all amounts are written in, from a label such as 资金情况（万元） or 金额单位：元. */
  unit: FundsUnit;
  /** Where the unit was stated; absent when 万元 was assumed. */
  unitAt?: CellRef;
  /** 年度资金总额 / 年度资金申请总额 and its parts. */
  annual: FundsSection;
  /** 项目资金总额 (whole project period, several years): never compare it with annual figures. */
  project?: FundsSection;
}

export interface ProjectFacts {
  name?: TextField;
  code?: TextField;
  department?: TextField;
  implementer?: TextField;
  owner?: TextField;
  phone?: TextField;
  /** 项目属性 / 项目类型 / 项目性质 / 项目类别 (checkbox text resolved to the ticked choice). */
  attribute?: TextField;
  /** 项目期 (e.g. 1年). */
  term?: TextField;
  /** 项目起止时间 or 计划开始日期 – 计划完成日期. */
  startDate?: TextField;
  endDate?: TextField;
  /** 项目概况 / 立项依据 / 实施计划 when present. */
  overview?: TextField;
}

export interface Goals {
  /** 总体目标 / 项目总目标 / 长期目标 / 实施期绩效目标. */
  overall?: TextField;
  /** 年度目标 / 年度总体目标 / 当年绩效目标. */
  annual?: TextField;
  /** 中期目标 (e.g. 2024年—2026年). */
  midTerm?: TextField;
}

export type FormKind = 'declaration' | 'self-evaluation';

/** What a column of the indicator grid holds (src/locate/columns.ts classifies header labels into these). */
export type ColumnRole =
  | 'level1'
  | 'level2'
  | 'name'
  | 'operator'
  | 'value'
  | 'unit'
  | 'weight'
  | 'basis'
  | 'direction'
  | 'description'
  | 'actual'
  | 'score'
  | 'history'
  | 'remark'
  /** 偏差原因分析及改进措施 in self-evaluation tables: read past, never a target's basis. */
  | 'deviation'
  // multi-project flat sheets
  | 'projectName'
  | 'unitName'
  | 'budget'
  | 'goal';

/** A header field as a path into the model: project.owner, goals.annual, funds.annual.total … */
export type HeaderField = `project.${keyof ProjectFacts}` | `goals.${keyof Goals}` | `funds.${'annual' | 'project'}.${keyof FundsSection}`;

/**
 * What the form's template provides, filled in or not, so that rules can tell a field left blank
 * from one the template does not have (a 项目负责人 label with nothing beside it; a 指标值设定依据
 * column empty on every row, which leaves no `basis` anywhere).
 */
export interface Layout {
  /** Header fields whose label is on the form, each with its label's cell (the first one seen). */
  labels: Partial<Record<HeaderField, CellRef>>;
  /** Roles of the indicator grid's columns, left to right, each once (all tables of the form). */
  columns: ColumnRole[];
}

export interface DeclarationSource {
  /** File name as given to the reader (never an absolute path unless the caller passed one). */
  file?: string;
  format?: string;
  sheet?: string;
  /** A1 range the form occupies on the sheet. */
  range?: string;
  /** 0-based position of this form among the forms found in the file. */
  index: number;
}

export interface Declaration {
  kind: FormKind;
  source: DeclarationSource;
  title?: TextField;
  year?: NumberField;
  project: ProjectFacts;
  funds?: Funds;
  goals: Goals;
  indicators: Indicator[];
  /** Self-evaluation tables: the column picked as the declared target. */
  targetColumn?: TextField;
  /** Set by the workbook reader; absent for JSON/YAML inputs unless they state it. */
  layout?: Layout;
}
