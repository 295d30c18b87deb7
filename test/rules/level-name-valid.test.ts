import rule from '../../rules/level-name-valid.js';
import { testRule } from './harness.js';

const row = (l1: string, l2: string, name = '培训人次', value = '≥500人次') => [l1, l2, name, value];

testRule(rule, {
  valid: [
    { indicators: [row('产出指标', '数量指标'), row('', '质量指标', '考核合格率', '≥95%'), row('成本指标', '经济成本指标', '人均培训成本', '≤500元/人'), row('效益指标', '社会效益指标', '受益人数', '≥500人'), row('满意度指标', '服务对象满意度指标', '学员满意度', '≥90%')] },
    { name: 'score annotations and notes are read through', form: { indicators: [row('产出指标(50分)', '数量指标 (必填硬性指标)'), row('成本指标(0-20)分', '经济成本指标', '单位成本', '≤3000元/亩')] } },
    { name: 'legacy profile: 成本指标 under 产出', form: { indicators: [row('产出指标', '数量指标'), row('', '成本指标', '每亩建园成本', '≤3000元/亩')] } },
    { name: 'synonyms are accepted here', form: { indicators: [row('产出指标', '进度指标', '完成时间', '2024年底前'), row('效果指标', '社会效益指标', '受益人数', '≥500人')] } },
  ],
  invalid: [
    {
      name: 'a one-character typo is fixed in place, notes kept',
      form: { indicators: [row('产出指示', '数量指标'), row('效益指标', '社会效益指示(必填)', '受益人数', '≥500人')] },
      errors: [
        { messageId: 'typo', a1: 'A12', data: { canonical: '产出指标' }, fix: [{ a1: 'A12', after: '产出指标' }] },
        { messageId: 'typo', a1: 'B13', data: { canonical: '社会效益指标' }, fix: [{ a1: 'B13', after: '社会效益指标(必填)' }] },
      ],
    },
    {
      name: 'evaluation-framework levels and unknown names',
      form: { indicators: [row('投入指标', '资金投入', '预算执行率', '≥95%'), row('产出指标', '工作指标', '完成工作量', '100%')] },
      errors: [
        { messageId: 'evaluation', a1: 'A12' },
        { messageId: 'unknown', a1: 'B12' },
        { messageId: 'unknown', a1: 'B13', data: { name: '工作指标' } },
      ],
    },
    {
      name: 'a 二级 name in the 一级 column',
      form: { indicators: [row('数量指标', '数量指标')] },
      errors: [{ messageId: 'wrongColumn', a1: 'A12', data: { name: '数量指标' } }],
    },
    {
      name: 'a label filled down over its block is reported once',
      form: { indicators: [row('产出指示', '数量指标'), row('', '质量指标', '合格率', '≥95%'), row('', '时效指标', '完成时间', '2024年底前')] },
      errors: [{ messageId: 'typo', a1: 'A12', fix: [{ a1: 'A12', after: '产出指标' }] }],
    },
    {
      name: 'a label repeated on every row is reported in every cell that needs the fix',
      form: { indicators: [row('产出指示', '数量指标'), row('产出指示', '质量指标', '合格率', '≥95%')] },
      errors: [
        { messageId: 'typo', a1: 'A12', fix: [{ a1: 'A12', after: '产出指标' }] },
        { messageId: 'typo', a1: 'A13', fix: [{ a1: 'A13', after: '产出指标' }] },
      ],
    },
  ],
});
