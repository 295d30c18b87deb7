import type { CellRef, TextField } from '../src/model/cell.js';
import type { Declaration, HeaderField } from '../src/model/declaration.js';
import type { Severity } from '../src/model/diagnostic.js';
import { defineRule } from '../src/engine/rule.js';
import { pathTarget } from './support/completeness.js';

/** The header fields a reviewer checks, what each holds, and how much its absence weighs (目录 R21). */
const FIELDS: { field: HeaderField; severity: Severity; always: boolean; zh: string; en: string; what: { zh: string; en: string } }[] = [
  { field: 'project.name', severity: 'error', always: true, zh: '项目名称', en: 'project name', what: { zh: '与部门预算项目名称一致的项目名称', en: 'the name the budget lists the project under' } },
  { field: 'project.department', severity: 'error', always: false, zh: '主管部门', en: 'department', what: { zh: '主管部门名称（及代码）', en: 'the supervising department (and its code)' } },
  { field: 'project.implementer', severity: 'error', always: false, zh: '实施单位', en: 'implementing unit', what: { zh: '具体实施项目的单位', en: 'the unit that carries the project out' } },
  { field: 'project.owner', severity: 'warning', always: false, zh: '项目负责人', en: 'project owner', what: { zh: '项目负责人姓名', en: 'the name of the person responsible' } },
  { field: 'project.phone', severity: 'warning', always: false, zh: '联系电话', en: 'phone', what: { zh: '负责人的联系电话', en: 'a phone number for the person responsible' } },
];

const GOAL_FIELDS: HeaderField[] = ['goals.annual', 'goals.overall', 'goals.midTerm'];
const MONEY_FIELDS: HeaderField[] = ['funds.annual.total', 'funds.annual.fiscal', 'funds.annual.other', 'funds.annual.carryover', 'funds.project.total'];

export default defineRule({
  meta: {
    id: 'missing-header-field',
    category: 'completeness',
    defaultSeverity: 'error',
    recommended: true,
    docs: {
      description: {
        zh: '项目基本信息（项目名称、主管部门、实施单位、资金、年度目标、负责人）要填写完整',
        en: 'The header (project name, department, implementing unit, funds, annual goal, owner) is filled in',
      },
    },
    messages: {
      empty: {
        zh: '“{field}”未填写：基本信息应“填报内容完整、无缺项”，缺项的申报表会被退回。请填写{what}。',
        en: '"{field}" is empty: the basic information must be complete, and a form with gaps is sent back. Fill in {what}.',
      },
      noFunds: {
        zh: '没有填写年度资金数额{written}：绩效目标要与预算资金规模相匹配，评审要核对资金，缺项的申报表会被退回。请填写年度资金总额及其中财政拨款、其他资金（{unit}）。',
        en: 'No annual funding amount{written}: targets are checked against the money, and a form with gaps is sent back. Fill in the annual total and its fiscal and other parts ({unit}).',
      },
      noGoal: {
        zh: '没有填写{goal}：年度目标是指标的来源，说明本年度预期达到的产出和效果，缺项的申报表会被退回。请用几句话写明本年度要完成的任务和效果，尽量带数字。',
        en: 'No {goal}: the annual goal is what the indicators break down; state this year\'s expected outputs and effects, with figures where possible.',
      },
      noHeader: {
        zh: '这张表只有绩效指标，没有读到项目基本信息（项目名称、资金、绩效目标）：如果基本信息在另一张工作表，请与指标放在同一张表上提交，否则请补充。',
        en: 'The sheet holds only indicators; no project information (name, funds, goals) was found. If it is on another sheet, submit it with the indicators; otherwise add it.',
      },
    },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
  },
  create(context) {
    const { locale } = context;

    const valueOf = (declaration: Declaration, field: HeaderField): TextField | undefined => {
      const [group, key, sub] = field.split('.') as [string, string, string | undefined];
      if (group === 'project') return declaration.project[key as keyof Declaration['project']];
      if (group === 'goals') return declaration.goals[key as keyof Declaration['goals']];
      const section = key === 'project' ? declaration.funds?.project : declaration.funds?.annual;
      return section?.[sub as keyof NonNullable<typeof section>];
    };
    const filled = (field: TextField | undefined) => field !== undefined && field.text.trim() !== '' && !/^[\s\-—–－/／]*$/u.test(field.text);

    return {
      declaration(declaration) {
        if (declaration.kind === 'self-evaluation') return; // form-type-mismatch says what to submit
        const layout = declaration.layout;
        const labels = layout?.labels ?? {};
        const labelled = (field: HeaderField) => labels[field] !== undefined;
        // Where to point: the label of the empty field, else the form's title or first row.
        const fallback: CellRef | { path: string } | TextField | undefined = declaration.title?.at ? declaration.title : declaration.indicators[0]?.name.at ? declaration.indicators[0].name : undefined;
        const at = (field: HeaderField) => labels[field] ?? fallback ?? pathTarget(`/${field.replace(/\./g, '/')}`);

        if (layout && Object.keys(labels).length === 0) {
          return context.report({ messageId: 'noHeader', severity: 'warning', ...(fallback ? { at: fallback } : {}) });
        }

        // A field counts when the template has its label (every layout has 项目名称); JSON/YAML
        // inputs have no layout, so only what every declaration must state is required there.
        for (const f of FIELDS) {
          if (!(f.always || labelled(f.field)) || filled(valueOf(declaration, f.field))) continue;
          context.report({ messageId: 'empty', data: { field: f[locale], what: f.what[locale] }, at: at(f.field), severity: f.severity });
        }

        const funds = declaration.funds;
        const amount = funds && [funds.annual.total, funds.annual.fiscal, funds.project?.total].some((a) => a?.amount !== undefined);
        if (!amount) {
          const written = funds?.annual.total?.text;
          const moneyLabel = MONEY_FIELDS.find(labelled);
          context.report({
            messageId: 'noFunds',
            data: { written: written ? (locale === 'zh' ? `（写的是“${written}”）` : ` ("${written}")`) : '', unit: funds?.unit ?? '万元' },
            at: funds?.annual.total?.at ? funds.annual.total : moneyLabel ? at(moneyLabel) : at('funds.annual.total'),
          });
        }

        // The 年度目标 label left empty, or no goal text at all.
        const annualLabel = labelled('goals.annual');
        const anyGoal = GOAL_FIELDS.some((g) => filled(valueOf(declaration, g)));
        if ((annualLabel && !filled(declaration.goals.annual)) || !anyGoal) {
          const goalLabel = GOAL_FIELDS.find(labelled) ?? 'goals.annual';
          context.report({ messageId: 'noGoal', data: { goal: locale === 'zh' ? '年度目标' : 'annual goal' }, at: at(annualLabel ? 'goals.annual' : goalLabel) });
        }
      },
    };
  },
});
