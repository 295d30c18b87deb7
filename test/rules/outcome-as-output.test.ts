import rule from '../../rules/outcome-as-output.js';
import { testRule } from './harness.js';
import { SEED_FORM } from './seed-form.js';

testRule(rule, {
  valid: [
    { name: 'the seed: no effect among its outputs', form: SEED_FORM },
    {
      name: 'money transferred is the output of a transfer programme; training for jobs is work',
      indicators: [['产出指标', '数量指标', '补助资金发放金额', '≥500万元'], ['', '', '就业技能培训人次', '≥300人次'], ['', '', '发放补贴农户数', '≥42000户']],
    },
    {
      name: 'effects under 效益: beneficiaries, contracts signed, reports, new beds',
      indicators: [
        ['产出指标', '数量指标', '新建社区养老服务设施数量', '≥50个'],
        ['效益指标', '经济效益指标', '签订招商引资投资项目数', '≥10个'],
        ['', '', '带动农户增收', '≥500元/户'],
        ['', '社会效益指标', '受益学生人数', '≥8000人'],
        ['', '', '群众在乡镇卫生院接受检查服务人次', '≥36000人次'],
        ['', '', '参与活动群众人次', '≥20000人次'],
        ['', '', '主流媒体宣传报道次数', '≥10次'],
        ['', '', '新增社区养老床位', '≥500张'],
        ['', '生态效益指标', '新增绿化覆盖面积', '≥5000平方米'],
      ],
    },
  ],
  invalid: [
    {
      name: 'F10: 会展业综合收入 under 数量指标; 带动就业 under 质量',
      form: {
        indicators: [
          ['产出指标', '数量指标', '全年举办重点会展活动', '≥12场'],
          ['', '', '全年实现会展业综合收入', '≥280亿元'],
          ['产出指标', '质量指标', '带动就业人数', '≥100人'],
          ['效益指标', '经济效益指标', '带动会展相关消费', '≥50亿元'],
        ],
      },
      errors: [
        { messageId: 'outcome', a1: 'C13', data: { name: '全年实现会展业综合收入', cue: '收入', level2: '数量指标', target: '效益指标 → 经济效益指标' }, suggestions: [[]] },
        { messageId: 'outcome', a1: 'C14', data: { cue: '带动就业', target: '效益指标 → 社会效益指标' }, suggestions: [[]] },
      ],
    },
    {
      name: 'the seed’s goal number as a quantity row: 到位资金同比增长率',
      form: { indicators: [['产出指标', '数量指标', '展位面积', '≥150平方米'], ['', '', '招商引资到位资金同比增长率', '≥25%']] },
      errors: [{ messageId: 'outcome', a1: 'C13', data: { cue: '同比增长率', target: '效益指标 → 经济效益指标' } }],
    },
    {
      name: 'the reverse: work done filed as an effect',
      form: {
        indicators: [
          ['产出指标', '数量指标', '搭建展位面积', '≥150平方米'],
          ['效益指标', '社会效益指标', '组织参展企业数量', '≥30家'],
          ['', '', '举办高素质农民专题培训班期数', '=10期'],
        ],
      },
      errors: [
        { messageId: 'output', a1: 'C13', data: { name: '组织参展企业数量', level2: '社会效益指标', target: '产出指标 → 数量指标' }, suggestions: [[]] },
        { messageId: 'output', a1: 'C14', suggestions: [[]] },
      ],
    },
  ],
});
