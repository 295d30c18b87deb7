import { defineRule } from '../src/engine/rule.js';
import { findFirst } from './lexicon/match.js';
import { placementOf } from './support/form.js';

export default defineRule({
  meta: {
    id: 'cost-items-unrelated',
    category: 'budget',
    defaultSeverity: 'info',
    recommended: true,
    docs: {
      description: {
        zh: '项目成本指标中出现办公经费、公用经费、人员工资等基本支出项目时提请核实',
        en: 'Asks about basic-expenditure items (office costs, salaries) among a project’s cost rows',
      },
    },
    messages: {
      basicExpenditure: {
        zh: '成本指标“{name}”看起来是基本支出（{word}），一般由单位基本支出保障，不列入项目支出：请确认它是本项目活动直接发生的费用，并在名称中写明用途；否则应从项目成本中移除。',
        en: 'The cost row "{name}" looks like basic expenditure ({word}), which the unit’s basic budget normally covers, not a project: confirm it is spent directly on this project’s activities and say what for in the name; otherwise drop it from the project’s costs.',
      },
    },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
  },
  create(context) {
    const { lexicon, profile } = context;
    return {
      indicator(indicator, declaration) {
        if (!indicator.name.text) return;
        const { family, kind } = placementOf(indicator, lexicon, profile);
        if (kind !== 'cost' && kind !== 'economicCost' && !(family === 'cost' && kind === undefined)) return;
        const hit = findFirst(lexicon.cues.basicExpenditure, indicator.name.text);
        if (!hit) return;
        // A project that is about exactly this (人员工资补助, 机关办公经费) has it as its product.
        if (declaration.project.name?.text.includes(hit.matched)) return;
        context.report({ messageId: 'basicExpenditure', data: { name: indicator.name.text, word: hit.matched } });
      },
    };
  },
});
