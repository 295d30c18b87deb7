import { describe, expect, it } from 'vitest';
import rule from '../../rules/placeholder-or-null-value.js';
import { lintWithRule } from '../../src/engine/testing.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';
import { testRule } from './harness.js';

testRule(rule, {
  valid: [
    {
      name: '0 and 无 for things to avoid; template marks are template-placeholder-left’s; empty cells empty-indicator-row’s',
      form: {
        indicators: [
          ['产出指标', '质量指标', '安全事故发生次数', '0起'],
          ['', '', '服务投诉率', '≤0%'],
          ['', '', '因设备故障停课节次', '=0节'],
          ['', '', '重大安全事故', '无'],
          ['成本指标', '社会成本指标', '施工扬尘污染投诉', '无'],
          ['', '', '对周边居民生活的影响', '无'],
          ['', '生态环境成本指标', '新增占用耕地面积', '0亩'],
          ['产出指标', '数量指标', '免费开放场馆数量', '≥**个'],
          ['', '', '新建堤防长度', '公里'],
          ['', '', '新建保鲜库数量', '……'],
          ['', '', '培训人次', ''],
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'slashes, dashes and words that say nothing',
      form: {
        indicators: [
          ['产出指标', '数量指标', '购置车辆数量', '/'],
          ['', '质量指标', '验收合格率', '——'],
          ['', '时效指标', '项目完成时间', '待定'],
          ['效益指标', '经济效益指标', '带动农户增收', '无'],
          ['', '社会效益指标', '受益人数', 'N/A'],
          ['', '生态效益指标', '新增绿化面积', '（暂无）'],
        ],
      },
      errors: [
        { messageId: 'nullValue', a1: 'D12', data: { name: '购置车辆数量', value: '/' }, suggestions: [[]] },
        { messageId: 'nullValue', a1: 'D13', data: { value: '——' } },
        { messageId: 'nullValue', a1: 'D14', data: { value: '待定' } },
        { messageId: 'nullValue', a1: 'D15', data: { value: '无' } },
        { messageId: 'nullValue', a1: 'D16', data: { value: 'N/A' } },
        { messageId: 'nullValue', a1: 'D17', data: { value: '（暂无）' } },
      ],
    },
    {
      name: 'zero targets on things to do (F19: 项目资金投入 0 万元), and ≥0',
      form: {
        indicators: [
          ['产出指标', '数量指标', '项目资金投入', '0万元'],
          ['', '质量指标', '项目完成率', '0%'],
          ['', '数量指标', '培训人次', '≥0人次'],
          ['成本指标', '经济成本指标', '办公经费', '≤0万元'],
        ],
      },
      errors: [
        { messageId: 'zero', a1: 'D12', data: { value: '0万元' } },
        { messageId: 'zero', a1: 'D13' },
        { messageId: 'zeroAtLeast', a1: 'D14', data: { value: '≥0人次' } },
        { messageId: 'zero', a1: 'D15' },
      ],
    },
  ],
});

describe('placeholder-or-null-value severity', () => {
  it('a null value is an error, a zero a warning', () => {
    const found = lintWithRule(rule, { indicators: [['产出指标', '数量指标', '购置车辆数量', '/'], ['', '', '培训人次', '0人次']] }, { lexicon: defaultLexicon });
    expect(found.map((d) => `${d.messageId}:${d.severity}`)).toEqual(['nullValue:error', 'zero:warning']);
    expect(found[0]!.suggestions![0]!.desc).toBe('填写目标值，如“≥ N 辆”；不适用的指标删除整行');
  });
});
