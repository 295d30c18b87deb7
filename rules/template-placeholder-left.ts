import type { TextField } from '../src/model/cell.js';
import type { Declaration, Indicator, Operator } from '../src/model/declaration.js';
import { defineRule, type SuggestionDescriptor } from '../src/engine/rule.js';
import { foldWidth } from '../src/text/normalize.js';
import { unitKindOfName } from './lexicon/match.js';
import type { Lexicon } from './lexicon/types.js';
import { editOf, nameOf } from './support/form.js';
import { goalFigures, quoteOf, sourceLabel, splitQuantityName, type GoalFigure, type SourceLabel } from './support/naming.js';
import { formatFigure, nullLikeValue, rewriteValue } from './support/values.js';

/**
 * Template marks: ** / ＊＊ (not a leading ★-style flag), ×× and XX as a word of their own (not the
 * X of X射线 or a Latin word), …, □, ？？.
 */
const MARK = /\*{2,}|×{2,}|(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])|…+|\.{3,}|□+|\?{2,}/u;

/** A name that is a template label, not an indicator: 指标1：, 具体指标, 三级指标, 请填写…. */
const TEMPLATE_NAME = /^(?:指标\s*[0-9一二三四五六七八九十]+|具体指标|三级指标|指标名称|指标内容|请填写[^，。]{0,12}|填写说明)\s*[:：]?$/u;

/** 目标1： with nothing after it before the end, the next 目标N： or a full stop. */
const EMPTY_GOAL = /(目标\s*[0-9一二三四五六七八九十]+\s*[:：、.])[ \t\u3000]*(?=$|[；;。]|\r?\n[ \t\u3000]*(?:目标\s*[0-9一二三四五六七八九十]+\s*[:：、.]|$))/gu;

export function templateMark(text: string): string | undefined {
  const trimmed = text.trim().replace(/^[*＊★☆]+/u, '');
  const folded = foldWidth(trimmed);
  const m = MARK.exec(folded);
  // Folding keeps lengths: report the mark as written.
  if (m) return trimmed.slice(m.index, m.index + m[0].length);
  return TEMPLATE_NAME.test(folded) ? trimmed : undefined;
}

/** The name without a bracketed template note: "免费开放场馆数量(≥**个)" → 免费开放场馆数量. */
function withoutTemplateNote(text: string): string | undefined {
  const out = text.replace(/[(（][^()（）]*?(?:\*{2,}|＊{2,}|×{2,}|[Xx]{2,}|…+|□+)[^()（）]*[)）]/gu, '').trim();
  return out !== text.trim() && out !== '' && !templateMark(out) ? out : undefined;
}

/**
 * The figure the goals give for this row: a figure in the same unit in a goal clause that names
 * the row's object (目标1：全市8个公共文化场馆全年免费开放 → 免费开放场馆数量 ≥8个). Only when the goals
 * give one figure for it.
 */
function figureFromGoals(indicator: Indicator, unit: string | undefined, declaration: Declaration, lexicon: Lexicon): GoalFigure | undefined {
  if (!unit) return undefined;
  const name = nameOf(indicator).replace(/\*+|[Xx×]{2,}|…+|□+/gu, '');
  const q = splitQuantityName(name, lexicon);
  const keys = [q?.object, q && q.object.length > 2 ? q.object.slice(-2) : undefined, !q && name.length >= 3 ? name.slice(-3) : undefined].filter((k): k is string => !!k && k.length >= 2);
  for (const key of keys) {
    const found = goalFigures(declaration, lexicon).filter((f) => f.unit === unit && f.clause.includes(key));
    const figures = new Set(found.map((f) => f.number));
    if (figures.size === 1) return found[0];
    if (figures.size > 1) return undefined;
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'template-placeholder-left',
    category: 'completeness',
    defaultSeverity: 'error',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '指标名称、指标值和目标中不应留下模板占位符（**、XX、××、……、□、只有单位的指标值、空的“目标1：”）',
        en: 'No template placeholders left in names, values or goals (**, XX, ××, ……, □, a unit with no figure, an empty 目标1：)',
      },
    },
    messages: {
      nameMark: {
        zh: '三级指标“{name}”里留有模板占位“{mark}”，没有按实际填写；申报表有缺项、错项，审核时会退回。请删去占位内容，或填入实际内容。',
        en: 'The name "{name}" still holds the template text "{mark}"; fill it in or remove it — forms with template text left are returned.',
      },
      valueMark: {
        zh: '指标值“{value}”是模板占位，没有填写实际目标值；申报表有缺项、错项，审核时会退回。请填写具体数值，或删除该行。',
        en: 'The value "{value}" is template text, not a target; state the figure or delete the row — forms with template text left are returned.',
      },
      unitOnly: {
        zh: '指标值只写了“{value}”，没有数值，是模板未填完整；申报表有缺项、错项，审核时会退回。请填写目标数值，如“≥N{unit}”。',
        en: 'The value is only "{value}", with no figure: the template was not filled in. State the target, e.g. "≥N{unit}".',
      },
      emptyGoal: {
        zh: '{field}中的“{label}”后面没有内容，是模板留下的空目标；请填写该项目标，或删去“{label}”。',
        en: 'In {field}, "{label}" has nothing after it: an empty template line. Write the goal or delete "{label}".',
      },
      stripNote: {
        zh: '名称改为“{after}”',
        en: 'Rename to "{after}"',
      },
      fillValue: {
        zh: '指标值填“{after}”（{evidence}）',
        en: 'Write "{after}" as the value ({evidence})',
      },
    },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
  },
  create(context) {
    const { lexicon, locale } = context;
    type Suggest = SuggestionDescriptor<'stripNote' | 'fillValue'>;

    const fillSuggestion = (indicator: Indicator, declaration: Declaration, operator: Operator | undefined, unit: string | undefined): Suggest[] => {
      const figure = figureFromGoals(indicator, unit, declaration, lexicon);
      if (!figure || !unit) return [];
      const op = operator ?? figure.operator ?? '≥';
      const edits = rewriteValue(indicator, { operator: op, number: formatFigure(figure.number), unit });
      if (edits.length === 0) return [];
      return [{ messageId: 'fillValue', data: { after: `${op}${formatFigure(figure.number)}${unit}`, evidence: quoteOf({ label: figure.label, text: figure.clause }, locale) }, edits }];
    };

    return {
      declaration(declaration: Declaration) {
        const goals: [TextField | undefined, SourceLabel][] = [
          [declaration.goals.overall, 'overall'],
          [declaration.goals.midTerm, 'midTerm'],
          [declaration.goals.annual, 'annual'],
        ];
        for (const [field, label] of goals) {
          if (!field?.text) continue;
          for (const m of foldWidth(field.text).matchAll(EMPTY_GOAL)) {
            // Folding keeps lengths: show the label as written (目标2：, not 目标2:).
            const written = field.text.slice(m.index, m.index + m[1]!.length).replace(/\s+/gu, '');
            context.report({ messageId: 'emptyGoal', data: { field: sourceLabel(label, locale), label: written }, at: field });
          }
        }
      },
      indicator(indicator: Indicator, declaration: Declaration) {
        const { name, value } = indicator;
        const nameMark = name.text ? templateMark(name.text) : undefined;
        if (nameMark) {
          const after = withoutTemplateNote(name.text);
          const suggest: Suggest[] = after ? [{ messageId: 'stripNote', data: { after }, edits: editOf(name, after) }] : [];
          context.report({ messageId: 'nameMark', data: { name: name.text.trim(), mark: nameMark }, at: name, suggest });
        }

        // "/", "—", "无" are null values: placeholder-or-null-value reports them.
        if (nullLikeValue(indicator)) return;
        const cellText = value.parts ? (value.parts.value ?? '') : value.raw;
        const at = value.at ?? value.unitAt ?? value.operatorAt;
        const mark = MARK.exec(foldWidth(cellText).trim().replace(/^[★☆]+/u, ''))?.[0];
        const unit = value.unit ?? unitKindOfName(nameOf(indicator), lexicon)?.unit;
        if (mark) {
          context.report({ messageId: 'valueMark', data: { value: value.raw.trim() }, at: at ?? name, suggest: fillSuggestion(indicator, declaration, value.operator, unit) });
          return;
        }
        // A sign or a unit with no figure: "公里", "≧ %", or split columns with the sign and unit
        // columns filled and the figure cell left empty (F7: 新建堤防、护岸长度 | 公里).
        if (value.kind === 'placeholder' && value.raw.trim() !== '') {
          context.report({ messageId: 'unitOnly', data: { value: value.raw.trim(), unit: unit ?? '' }, at: at ?? name, suggest: fillSuggestion(indicator, declaration, value.operator, unit) });
        }
      },
    };
  },
});
