import { describe, expect, it } from 'vitest';
import rule from '../../rules/timeliness-misfiled.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';
import { lintWithRule } from '../../src/engine/testing.js';
import { testRule } from './harness.js';
import { SEED_FORM } from './seed-form.js';

testRule(rule, {
  valid: [
    {
      name: 'timeliness rows under 时效指标',
      indicators: [
        ['产出指标', '数量指标', '搭建展位面积', '≥150平方米'],
        ['', '时效指标', '参加活动及时率', '=100%'],
        ['', '', '展位搭建完成时间', '2024年6月20日前'],
        ['', '', '重点建设工程按期完成率', '=100%'],
      ],
    },
    {
      name: '完成率 alone is no timeliness cue',
      indicators: [['产出指标', '质量指标', '培训完成率', '=100%'], ['', '', '邀请校外名师、领导授课完成率', '=100%']],
    },
    {
      name: 'a name with quality and timeliness cues may sit under 质量',
      indicators: [['产出指标', '质量指标', '按期验收合格率', '=100%'], ['', '', '检测报告时效性', '符合标准']],
    },
    {
      name: 'counts, 施工期间, service terms and shortened deadlines are not 时效 rows',
      indicators: [
        ['产出指标', '数量指标', '按时足额发放人数', '≥500人'],
        ['成本指标', '社会成本指标', '施工期间单次临时停水时长', '≤8小时'],
        ['效益指标', '社会效益指标', '审批时限压缩率', '≥30%'],
        ['', '可持续影响指标', '结业学员跟踪指导服务期限', '≥12个月'],
      ],
    },
    {
      name: 'a process item with a timeliness word belongs to process-indicator-as-performance',
      indicators: [['产出指标', '质量指标', '预算资金当年下达率', '=100%']],
    },
  ],
  invalid: [
    {
      name: 'the seed: 活动按期完成率 under 质量指标 (the label is merged, so the row is moved by hand)',
      form: SEED_FORM,
      errors: [
        {
          messageId: 'misfiled',
          a1: 'C16',
          data: { name: '活动按期完成率', cue: '按期', level2: '质量指标', target: '产出指标 → 时效指标' },
          suggestions: [[], ['展位搭建按期完成率']],
        },
      ],
    },
    {
      name: 'a 二级 cell of its own is relabelled; a vague subject (项目) gets the form’s work',
      form: {
        indicators: [
          ['产出指标', '数量指标', '新建保鲜库数量', '=1座'],
          ['产出指标', '质量指标', '项目完成时间', '2024年10月底前'],
          ['产出指标', '质量指标', '资金拨付及时率', '=100%'],
        ],
      },
      errors: [
        { messageId: 'misfiled', a1: 'C13', data: { cue: '完成时间', level2: '质量指标' }, suggestions: [['时效指标'], ['保鲜库新建完成时间']] },
        { messageId: 'misfiled', a1: 'C14', data: { cue: '及时率' }, suggestions: [['时效指标']] },
      ],
    },
    {
      name: 'a schedule row under 效益, and a deadline under 成本',
      form: {
        indicators: [
          ['产出指标', '数量指标', '改造校舍面积', '≥6000平方米'],
          ['成本指标', '经济成本指标', '项目建设工期', '≤180天'],
          ['效益指标', '社会效益指标', '项目按期完工率', '=100%'],
        ],
      },
      errors: [
        { messageId: 'misfiled', a1: 'C13', data: { cue: '工期', level2: '经济成本指标' }, suggestions: [[], ['校舍改造工期']] },
        { messageId: 'misfiled', a1: 'C14', data: { cue: '按期完工率' }, suggestions: [[]] },
      ],
    },
  ],
});

describe('timeliness-misfiled suggestions', () => {
  it('the seed: move the row under 时效指标, or name the work (展位搭建) taken from the form', () => {
    const [finding] = lintWithRule(rule, SEED_FORM, { lexicon: defaultLexicon });
    expect(finding!.message).toBe(
      '“活动按期完成率”含“按期”，反映的是工作进度和完成时限，应为时效指标，却填在“质量指标”下，评价时按“绩效指标明确性”扣分。请移到“产出指标 → 时效指标”下。',
    );
    expect(finding!.suggestions!.map((s) => s.desc)).toEqual([
      '将该行移到“产出指标 → 时效指标”下（第17行起）',
      '改名为“展位搭建按期完成率”，写明按期完成的是什么工作（“展位”取自数量指标“展位面积”，“搭建”取自绩效目标）；也可改为完成时限“展位搭建完成时间”，指标值填具体日期',
    ]);
    expect(finding!.suggestions![1]!.edits).toEqual([{ sheet: 'Sheet1', a1: 'C16', before: '活动按期完成率', after: '展位搭建按期完成率' }]);
  });

  it('says where a new 时效 block goes when the form has none', () => {
    const [finding] = lintWithRule(rule, { indicators: [['产出指标', '数量指标', '培训人次', '≥500人次'], ['', '质量指标', '培训考核合格率', '≥95%'], ['', '', '培训按时完成率', '=100%']] }, { lexicon: defaultLexicon });
    expect(finding!.suggestions!.map((s) => s.desc)).toEqual(['将该行移到“产出指标”下新增的二级指标“时效指标”中']);
  });

  it('speaks English', () => {
    const [finding] = lintWithRule(rule, SEED_FORM, { lexicon: defaultLexicon, locale: 'en' });
    expect(finding!.message).toMatch(/^"活动按期完成率" contains "按期".*Move it to 产出指标 → 时效指标\.$/);
    expect(finding!.suggestions![0]!.desc).toBe('Move the row under 产出指标 → 时效指标 (row 17 on)');
  });
});
