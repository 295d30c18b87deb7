import rule from '../../rules/satisfaction-value-odd.js';
import { testRule } from './harness.js';

testRule(rule, {
  valid: [
    {
      name: '≥90%, 95%以上, ≥85% (some programmes), and rows that are not satisfaction',
      form: {
        indicators: [
          ['产出指标', '质量指标', '验收合格率', '=100%'],
          ['满意度指标', '服务对象满意度指标', '参展企业满意度', '≥90%'],
          ['', '', '学生家长满意度', '95%以上'],
          ['', '', '商户及群众满意度', '≥85%'],
        ],
      },
    },
    {
      name: 'no unit (missing-unit), a unit of another kind (unit-mismatch), ≤ (wrong-comparison-direction)',
      form: {
        indicators: [
          ['满意度指标', '服务对象满意度指标', '学员满意度', '≥90'],
          ['', '', '群众满意度', '≥90人'],
          ['', '', '服务对象满意度', '≤90%'],
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'no sign, =, =100%, low, and a score instead of a share',
      form: {
        indicators: [
          ['满意度指标', '服务对象满意度指标', '参训学员满意度', '90%'],
          ['', '', '受益农户满意度', '=95%'],
          ['', '', '就诊群众满意度', '=100%'],
          ['', '', '读者满意度', '≥70%'],
          ['', '', '参展企业满意度', '≥90分'],
          ['效益指标', '社会效益指标', '公众满意率', '100%'],
        ],
      },
      errors: [
        { messageId: 'noOperator', a1: 'D12', data: { value: '90%', figure: '90' }, suggestions: [['≥90%']] },
        { messageId: 'exactly', a1: 'D13', data: { figure: '95' }, suggestions: [['≥95%']] },
        { messageId: 'hundred', a1: 'D14', data: { value: '=100%', suggested: 90 }, suggestions: [['≥90%']] },
        { messageId: 'low', a1: 'D15', data: { minimum: 80 }, suggestions: [['≥90%']] },
        { messageId: 'unitNotPercent', a1: 'D16', data: { unit: '分' }, suggestions: [['≥90%']] },
        { messageId: 'hundred', a1: 'D17', suggestions: [['≥90%']] },
      ],
    },
    {
      name: 'thresholds as options',
      options: { minimum: 90, suggested: 95 },
      form: { indicators: [['满意度指标', '服务对象满意度指标', '商户及群众满意度', '≥85%']] },
      errors: [{ messageId: 'low', a1: 'D12', data: { minimum: 90, suggested: 95 }, suggestions: [['≥95%']] }],
    },
  ],
});
