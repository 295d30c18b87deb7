import type { Declaration, Indicator } from '../src/model/declaration.js';
import type { Edit } from '../src/model/diagnostic.js';
import { defineRule } from '../src/engine/rule.js';
import { findFirst } from './lexicon/match.js';
import { allVerbs, editOf, placementOf, valueEdit, verbsForObject } from './support/form.js';
import { objectOfName } from './support/quantities.js';

/** Work whose product can be inspected: building, installing, fitting out, buying, staging (R39). */
const DEFAULT_VERBS = ['搭建', '布展', '装修', '建设', '修建', '改造', '安装', '购置', '举办'];
/** Work that puts up a temporary structure people walk into: its safety check is a quality measure too. */
const STRUCTURE_VERBS = new Set(['搭建', '布展', '装修']);
/** Staging an event: accepted only through what was built or bought for it. */
const EVENT_VERBS = new Set(['举办']);
/** What the structure is called once built: a booth (展位) is put up as a stand (展台). */
const STRUCTURE_OF: Readonly<Record<string, string>> = { 展位: '展台' };
/** The product when no 数量 row names one. */
const FALLBACK_OBJECT: Readonly<Record<string, string>> = { 购置: '设备', 举办: '活动' };

export default defineRule({
  meta: {
    id: 'quality-indicator-not-about-output',
    category: 'consistency',
    defaultSeverity: 'warning',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '建设、搭建、购置、举办类项目的质量指标应衡量产出本身（验收合格率、达标率），而非资金合规等过程事项',
        en: 'Build, fit-out, purchase and event projects measure the quality of the product (acceptance rate), not process items',
      },
    },
    messages: {
      processOnly: {
        zh: '质量指标只有过程或进度类指标（{items}），没有衡量“{work}”成果本身的验收或达标指标：质量指标应反映产出达到的标准，评价时按“绩效指标明确性”扣分；验收标准不事先书面明确，验收就缺乏依据。请增加验收合格率等产出质量指标，并在指标解释或指标值设定依据中写明书面验收标准（设计图、材料清单、安全规范）。',
        en: 'The quality indicators are only process or schedule items ({items}); none measures the product of "{work}" against a standard (scored under 绩效指标明确性), and without a written acceptance standard the acceptance has nothing to check against. Add an acceptance-quality indicator and cite the written standard (drawings, bill of materials, safety rules) in the indicator explanation or basis column.',
      },
      replaceRow: {
        zh: '把“{name}”改为“{row}”（过程管理类指标不反映产出质量）',
        en: 'Replace "{name}" with "{row}" (a process item says nothing about the product)',
      },
      addRow: {
        zh: '在质量指标下增加“{row}”',
        en: 'Add "{row}" under the quality indicators',
      },
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        verbs: { type: 'array', items: { type: 'string', minLength: 1 }, description: '表明项目有可验收产出的动词（建设、搭建、购置、举办……）' },
      },
    },
    defaultOptions: { verbs: DEFAULT_VERBS },
  },
  create(context) {
    const { lexicon, profile, options } = context;
    const verbs = allVerbs(lexicon);
    const triggers = options.verbs;

    /** The product and the work done on it: 展位 + 搭建, from the 数量 rows and what the form says about them. */
    const workOf = (declaration: Declaration, quantityRows: Indicator[]): { object: string; verb: string } | undefined => {
      const found: { object: string; verb: string }[] = [];
      for (const row of quantityRows) {
        const named = triggers.find((v) => row.name.text.includes(v));
        const object = verbs.reduce((text, v) => (v.word ? text.replace(v.word, '') : text), objectOfName(row.name.text));
        if (object.length < 2) continue;
        const verb = named ?? verbsForObject(object, declaration, lexicon, profile).find((v) => triggers.includes(v.verb))?.verb;
        if (verb) found.push({ object, verb });
      }
      // Something built or bought is what an acceptance checks; an event (举办) only when nothing else is.
      const work = found.find((w) => !EVENT_VERBS.has(w.verb)) ?? found[0];
      if (work) return work;
      const projectVerb = triggers.find((v) => declaration.project.name?.text.includes(v));
      return projectVerb ? { object: FALLBACK_OBJECT[projectVerb] ?? '工程', verb: projectVerb } : undefined;
    };

    return {
      declaration(declaration) {
        const rows = declaration.indicators.filter((i) => i.name.text);
        const kindOf = (i: Indicator) => placementOf(i, lexicon, profile).kind;
        const quality = rows.filter((i) => kindOf(i) === 'quality');
        if (!quality.length) return; // no 质量 block at all: missing-required-level2's matter
        const isProcess = (i: Indicator) => findFirst(lexicon.cues.process, i.name.text) !== undefined;
        const isSchedule = (i: Indicator) => findFirst(lexicon.cues.timeliness, i.name.text) !== undefined;
        // Only when every 质量 row is a process or schedule item: any other row may well be about the product.
        if (!quality.every((i) => isProcess(i) || isSchedule(i))) return;
        const work = workOf(declaration, rows.filter((i) => kindOf(i) === 'quantity'));
        if (!work) return;
        // Subsidy and transfer programmes (发放类): the payment is the product, its quality is 准确率.
        const projectName = declaration.project.name?.text ?? '';
        const transfers = lexicon.verbs.transfers.some((v) => v.word && projectName.includes(v.word));
        if (transfers && !triggers.some((v) => projectName.includes(v) || rows.some((i) => kindOf(i) === 'quantity' && i.name.text.includes(v)))) return;

        const { object, verb } = work;
        const acceptance = `${object}${verb}验收合格率`;
        const suggest: { messageId: 'replaceRow' | 'addRow'; data: Record<string, string>; edits: Edit[] }[] = [];
        const processRow = quality.find(isProcess);
        if (processRow) {
          const edits = [...editOf(processRow.name, acceptance), ...(/^=?100(?:\.0+)?%$/u.test(processRow.value.raw.replace(/\s/gu, '')) ? [] : valueEdit(processRow, '=100%'))];
          suggest.push({ messageId: 'replaceRow', data: { name: processRow.name.text, row: `${acceptance} = 100%` }, edits });
        } else suggest.push({ messageId: 'addRow', data: { row: `${acceptance} = 100%` }, edits: [] });
        if (STRUCTURE_VERBS.has(verb)) {
          const [from, to] = Object.entries(STRUCTURE_OF).find(([word]) => object.endsWith(word)) ?? ['', ''];
          const structure = from ? `${object.slice(0, -from.length)}${to}` : object;
          suggest.push({ messageId: 'addRow', data: { row: `${structure}结构及消防安全检查通过率 = 100%` }, edits: [] });
        }
        const label = quality[0]!.level2?.at ? quality[0]!.level2 : quality[0]!.name;
        context.report({
          messageId: 'processOnly',
          data: { items: quality.map((i) => i.name.text).join('、'), work: `${object}${verb}` },
          at: label,
          indicator: quality[0]!,
          suggest,
        });
      },
    };
  },
});
