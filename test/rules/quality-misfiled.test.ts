import rule from '../../rules/quality-misfiled.js';
import { testRule } from './harness.js';
import { SEED_FORM } from './seed-form.js';

testRule(rule, {
  valid: [
    { name: 'the seed has no quality measure filed elsewhere', form: SEED_FORM },
    {
      name: 'quality rows under 质量指标',
      indicators: [['产出指标', '质量指标', '项目(工程)验收合格率', '=100%'], ['', '', '苗木成活率', '≥95%'], ['', '', '学员出勤率', '≥90%']],
    },
    {
      name: 'counts and effects that carry a quality word stay where they are',
      indicators: [
        ['产出指标', '数量指标', '建成达标学校数量', '≥5所'],
        ['', '', '验收合格项目数量', '≥10个'],
        ['效益指标', '生态效益指标', '水质达标率', '≥95%'],
        ['', '社会效益指标', '学生体质健康达标率', '≥90%'],
        ['', '', '政策知晓率', '≥90%'],
      ],
    },
    {
      name: 'a name with timeliness and quality cues may sit under 时效',
      indicators: [['产出指标', '时效指标', '按期验收合格率', '=100%']],
    },
    {
      name: '覆盖率 under 数量 is rate-under-quantity’s (info), not a quality row',
      indicators: [['产出指标', '数量指标', '农村义务教育学校改造覆盖率', '=100%']],
    },
  ],
  invalid: [
    {
      name: 'acceptance and survival rates under 数量 and 时效',
      form: {
        indicators: [
          ['产出指标', '数量指标', '新建堤防长度', '≥12公里'],
          ['', '', '项目(工程)验收合格率', '=100%'],
          ['', '时效指标', '苗木成活率', '≥90%'],
          ['', '质量指标', '工程质量等级', '合格'],
        ],
      },
      errors: [
        { messageId: 'misfiled', a1: 'C13', data: { name: '项目(工程)验收合格率', cue: '验收合格率', level2: '数量指标', target: '产出指标 → 质量指标' }, suggestions: [[]] },
        { messageId: 'misfiled', a1: 'C14', data: { cue: '成活率', level2: '时效指标' }, suggestions: [['质量指标']] },
      ],
    },
    {
      name: 'an acceptance rate under 效益, and a pass rate in the 满意度 block',
      form: {
        indicators: [
          ['产出指标', '数量指标', '培训学员人次', '≥300人次'],
          ['效益指标', '社会效益指标', '工程验收合格率', '=100%'],
          ['满意度指标', '服务对象满意度指标', '学员考核通过率', '≥95%'],
          ['', '', '学员满意度', '≥90%'],
        ],
      },
      errors: [
        { messageId: 'misfiled', a1: 'C13', data: { cue: '验收合格率' }, suggestions: [[]] },
        { messageId: 'misfiled', a1: 'C14', data: { cue: '通过率' }, suggestions: [[]] },
      ],
    },
  ],
});
