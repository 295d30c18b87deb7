import rule from '../../rules/satisfaction-misfiled.js';
import { testRule } from './harness.js';
import { SEED_FORM } from './seed-form.js';

testRule(rule, {
  valid: [
    { name: 'the seed has no 满意度 rows (missing-satisfaction-indicator’s matter)', form: SEED_FORM },
    {
      name: 'satisfaction rows and proxies (投诉率, 认可度) in the 满意度 block',
      indicators: [
        ['产出指标', '数量指标', '组织参展企业数量', '≥30家'],
        ['满意度指标', '服务对象满意度指标', '参展企业满意度', '≥90%'],
        ['', '', '服务投诉率', '≤1%'],
        ['', '', '群众认可度', '≥90%'],
        ['', '', '服务好评率', '≥95%'],
      ],
    },
    {
      name: 'a 满意度 block with its 一级 only, and 认可度 as a social effect',
      indicators: [['产出指标', '数量指标', '培训人次', '≥500人次'], ['效益指标', '社会效益指标', '社会认可度', '提高'], ['满意度指标', '', '学员满意度', '≥90%']],
    },
    {
      name: 'a survey count is not a satisfaction row filed elsewhere',
      indicators: [['产出指标', '数量指标', '开展群众满意度调查次数', '≥2次']],
    },
  ],
  invalid: [
    {
      name: 'satisfaction under 社会效益 and 质量',
      form: {
        indicators: [
          ['产出指标', '数量指标', '培训人次', '≥500人次'],
          ['', '质量指标', '学员满意率', '≥90%'],
          ['', '', '考核合格率', '≥95%'],
          ['效益指标', '社会效益指标', '群众满意度', '≥90%'],
          ['满意度指标', '服务对象满意度指标', '受训学员满意度', '≥90%'],
        ],
      },
      errors: [
        { messageId: 'outside', a1: 'C13', data: { name: '学员满意率', level2: '质量指标', target: '满意度指标 → 服务对象满意度指标' }, suggestions: [[]] },
        { messageId: 'outside', a1: 'C15', data: { name: '群众满意度', level2: '社会效益指标' }, suggestions: [[]] },
      ],
    },
    {
      name: 'an output count in the 满意度 block: move it, or replace it with the beneficiaries’ satisfaction',
      form: {
        goals: { annual: '组织我市重点企业参展，邀请国内外客商洽谈对接。' },
        indicators: [['产出指标', '数量指标', '展位面积', '≥150平方米'], ['满意度指标', '服务对象满意度指标', '参展企业数量', '≥30家']],
      },
      errors: [{ messageId: 'inside', a1: 'C13', data: { example: '参展企业满意度' }, suggestions: [[], ['参展企业满意度', '≥90%']] }],
    },
    {
      name: 'a form without a 满意度 block: the row goes into a new one',
      form: { indicators: [['产出指标', '数量指标', '培训人次', '≥500人次'], ['效益指标', '社会效益指标', '参训学员满意度', '≥90%']] },
      errors: [{ messageId: 'outside', a1: 'C13', suggestions: [[]] }],
    },
  ],
});
