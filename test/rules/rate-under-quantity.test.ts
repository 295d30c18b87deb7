import rule from '../../rules/rate-under-quantity.js';
import { testRule } from './harness.js';
import { SEED_FORM } from './seed-form.js';

testRule(rule, {
  valid: [
    { name: 'the seed: counts and an area under 数量指标', form: SEED_FORM },
    {
      name: 'rates under other 二级',
      indicators: [['产出指标', '数量指标', '培训基层财政干部人次', '≥600人次'], ['', '质量指标', '培训考核合格率', '≥95%'], ['', '时效指标', '资金拨付及时率', '=100%']],
    },
    {
      name: 'a rate another rule moves is reported there only',
      indicators: [['产出指标', '数量指标', '项目(工程)验收合格率', '=100%'], ['', '', '资金到位率', '=100%'], ['', '', '带动就业增长率', '≥5%']],
    },
  ],
  invalid: [
    {
      name: 'F11: a 比例 and a % under 数量; a coverage rate points to 社会效益',
      form: {
        indicators: [
          ['产出指标', '数量指标', '主体班培训人次', '≥280人次'],
          ['', '', '理论教育和党性教育课时比例', '≥70%'],
          ['', '', '完成主体工程', '≥70%'],
          ['', '', '孤儿基本生活保障政策覆盖率', '=100%'],
          ['', '质量指标', '培训考核合格率', '≥95%'],
          ['效益指标', '社会效益指标', '学员理论水平提升', '显著'],
        ],
      },
      errors: [
        { messageId: 'rateName', a1: 'C13', data: { ending: '比例', target: '产出指标 → 质量指标' }, suggestions: [[]] },
        { messageId: 'percentValue', a1: 'C14', data: { value: '≥70%' }, suggestions: [[]] },
        { messageId: 'rateName', a1: 'C15', data: { ending: '率', target: '效益指标 → 社会效益指标' }, suggestions: [[]] },
      ],
    },
    {
      name: 'a 二级 cell of its own is relabelled',
      form: { indicators: [['产出指标', '数量指标', '培训人次', '≥500人次'], ['产出指标', '数量指标', '培训完成率', '=100%'], ['产出指标', '质量指标', '考核合格率', '≥95%']] },
      errors: [{ messageId: 'rateName', a1: 'C13', suggestions: [['质量指标']] }],
    },
  ],
});
