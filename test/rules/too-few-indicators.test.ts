import rule from '../../rules/too-few-indicators.js';
import { testRule } from './harness.js';

const row = (l1: string, l2: string, name: string, value = '≥10个') => [l1, l2, name, value];
const FOUR = [row('产出指标', '数量指标', '举办培训班期数', '=6期'), row('', '质量指标', '培训考核合格率', '≥95%'), row('效益指标', '社会效益指标', '参训人员持证上岗率', '≥90%'), row('满意度指标', '服务对象满意度指标', '参训学员满意度', '≥90%')];
const many = (n: number, l2 = '数量指标') => Array.from({ length: n }, (_, i) => row(i === 0 ? '产出指标' : '', i === 0 ? l2 : '', `改造第${i + 1}片区道路长度`, '≥2公里'));

testRule(rule, {
  valid: [
    { name: 'four indicators over the dimensions', form: { indicators: FOUR } },
    { name: 'ten under one 二级 is still fine', form: { indicators: [...many(10), ...FOUR.slice(1)] } },
    { name: 'the thresholds are options', form: { indicators: FOUR.slice(0, 2) }, options: { minTotal: 2 } },
    {
      name: 'the seed\'s single vague 效益 row is not counted here (vague-effect-indicator rewrites it)',
      form: { indicators: [row('产出指标', '数量指标', '展位面积', '≥150平方米'), row('', '质量指标', '资金使用合规率', '=100%'), row('效益指标', '社会效益指标', '扩大吐鲁番及重点产业的影响', '有效扩大')] },
    },
  ],
  invalid: [
    {
      name: 'two indicators: too few to break a goal down (info, on the last row)',
      form: { indicators: FOUR.slice(0, 2) },
      errors: [{ messageId: 'tooFew', a1: 'A13', data: { count: 2, min: 3, period: '' } }],
    },
    {
      name: 'eleven rows under one 二级: on its label',
      form: { indicators: [...many(11), ...FOUR.slice(1)] },
      errors: [{ messageId: 'tooManyInLevel2', a1: 'B12', data: { level2: '数量指标', count: 11, max: 10 } }],
    },
    {
      name: 'a padded form: more than the maximum',
      form: { indicators: [...many(9), ...many(9, '质量指标').map((r, i) => (i === 0 ? ['', ...r.slice(1)] : r)), ...FOUR.slice(2)] },
      options: { maxTotal: 15 },
      errors: [{ messageId: 'tooMany', a1: 'A12', data: { count: 20, max: 15 } }],
    },
  ],
});
