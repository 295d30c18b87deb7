import { describe, expect, it } from 'vitest';
import { defaultLexicon as lexicon } from '../../rules/lexicon/data.generated.js';
import {
  cleanName,
  findAll,
  findFirst,
  findLongest,
  levelKey,
  matchEntry,
  mergeLexicon,
  normalizeLevelName,
  polarityOf,
  unitKindOfName,
  unitKindsOf,
} from '../../rules/lexicon/match.js';
import type { LexiconEntry } from '../../rules/lexicon/types.js';

describe('normalizeLevelName on real labels', () => {
  const both = ['2021', 'legacy'] as const;
  const cases: [label: string, canonical: string, level: 1 | 2, family: string][] = [
    ['产出指标(50分)', '产出指标', 1, 'output'],
    ['产出指标（70分）', '产出指标', 1, 'output'],
    ['数量指标 (必填硬性指标)', '数量指标', 2, 'output'],
    ['质量指标 (必填)', '质量指标', 2, 'output'],
    ['★数量指标', '数量指标', 2, 'output'],
    ['指标1：质量指标', '质量指标', 2, 'output'],
    ['效果指标', '效益指标', 1, 'benefit'],
    ['环境效益指标', '生态效益指标', 2, 'benefit'],
    ['经济效益', '经济效益指标', 2, 'benefit'],
    ['进度指标', '时效指标', 2, 'output'],
    ['服务对象满意度', '服务对象满意度指标', 2, 'satisfaction'],
    ['社会公众或服务对象满意度指标', '满意度指标', 1, 'satisfaction'],
    ['满意度', '满意度指标', 1, 'satisfaction'],
    ['产\n出\n指\n标', '产出指标', 1, 'output'],
  ];
  for (const profile of both) {
    for (const [label, canonical, level, family] of cases) {
      it(`${profile}: ${JSON.stringify(label)} → ${canonical}`, () => {
        expect(normalizeLevelName(label, lexicon, { profile })).toMatchObject({ canonical, level, family, inProfile: true });
      });
    }
  }

  it('marks synonyms, and only synonyms', () => {
    expect(normalizeLevelName('效果指标', lexicon)?.synonym).toBe('效果指标');
    expect(normalizeLevelName('进度指标', lexicon)).toMatchObject({ synonym: '进度指标', kind: 'timeliness', parent: '产出指标' });
    expect(normalizeLevelName('产出指标(50分)', lexicon)).not.toHaveProperty('synonym');
  });

  it('成本指标: a 一级 in 2021, a 二级 under 产出 in legacy', () => {
    expect(normalizeLevelName('成本指标(0-20)分', lexicon, { profile: '2021' })).toEqual({ canonical: '成本指标', level: 1, family: 'cost', inProfile: true });
    expect(normalizeLevelName('成本指标(0-20)分', lexicon, { profile: 'legacy' })).toEqual({
      canonical: '成本指标',
      level: 2,
      family: 'output',
      kind: 'cost',
      parent: '产出指标',
      inProfile: true,
    });
  });

  it('经济成本指标: in the 2021 profile; known but out of profile in legacy', () => {
    const expected = { canonical: '经济成本指标', level: 2, family: 'cost', kind: 'economicCost', parent: '成本指标' };
    expect(normalizeLevelName('经济成本指标', lexicon, { profile: '2021' })).toEqual({ ...expected, inProfile: true });
    expect(normalizeLevelName('经济成本指标', lexicon, { profile: 'legacy' })).toEqual({ ...expected, inProfile: false });
  });

  it('投入指标 and 过程指标 are evaluation-framework labels in both profiles', () => {
    for (const profile of both) {
      expect(normalizeLevelName('投入指标', lexicon, { profile })).toEqual({ canonical: '投入指标', level: 1, family: 'input', inProfile: false, evaluation: true });
      expect(normalizeLevelName('过程指标（20分）', lexicon, { profile })).toMatchObject({ canonical: '过程指标', family: 'process', evaluation: true });
    }
  });

  it('the column decides between 满意度指标 and 服务对象满意度指标', () => {
    expect(normalizeLevelName('服务对象满意度指标', lexicon, { profile: 'legacy', level: 1 })).toMatchObject({
      canonical: '满意度指标',
      level: 1,
      synonym: '服务对象满意度指标',
    });
    expect(normalizeLevelName('满意度指标', lexicon, { level: 2 })).toMatchObject({ canonical: '服务对象满意度指标', level: 2 });
    // Other families have several 二级: a 二级 name in the 一级 column stays what it is.
    expect(normalizeLevelName('数量指标', lexicon, { level: 1 })).toMatchObject({ canonical: '数量指标', level: 2 });
  });

  it('unknown labels give undefined', () => {
    for (const label of ['工作指标', '', '  ', '指标', '(必填)']) expect(normalizeLevelName(label, lexicon), label).toBeUndefined();
  });
});

describe('cleanName and levelKey', () => {
  it.each([
    ['数量指标 (必填硬性指标)', '数量指标'],
    ['★★产出指标', '产出指标'],
    ['指标1：新建保鲜库数量', '新建保鲜库数量'],
    ['指标2:新建堤防、护岸长度', '新建堤防、护岸长度'],
    ['1.产出指标', '产出指标'],
    ['一、效益指标', '效益指标'],
    ['实施营造林总面积（亩）', '实施营造林总面积'],
    ['苗木成活率(≥**%)', '苗木成活率'],
    ['项目(工程)完成及时率', '项目完成及时率'],
    ['２.５万元补助', '2.5万元补助'],
    ['5G基站建设数量', '5G基站建设数量'],
  ])('cleanName(%j) = %j', (text, clean) => expect(cleanName(text)).toBe(clean));

  it.each([
    ['产出指标(50分)', '产出'],
    ['成本指标(0-20)分', '成本'],
    ['产出指标50分', '产出'],
    ['社会公众或服务对象满意度指标', '社会公众或服务对象满意度'],
    ['经济效益指标：', '经济效益'],
  ])('levelKey(%j) = %j', (label, key) => expect(levelKey(label)).toBe(key));
});

describe('matchEntry', () => {
  const entry = (e: Partial<LexiconEntry> & ({ word: string } | { pattern: string })): LexiconEntry => ({ examples: [], ...e }) as LexiconEntry;

  it('finds a word anywhere and reports where', () => {
    expect(matchEntry(entry({ word: '及时' }), '参加活动及时率')).toMatchObject({ index: 4, matched: '及时' });
    expect(matchEntry(entry({ word: '及时' }), '活动按期完成率')).toBeUndefined();
  });

  it('folds full-width text before matching, so patterns are written in ASCII', () => {
    expect(matchEntry(entry({ pattern: '\\d+个月' }), '３个月内')?.matched).toBe('3个月');
  });

  it('folds patterns too, so a full-width class still stops at a full-width comma', () => {
    const e = entry({ pattern: '(资金|经费)[^，。；]{0,6}合规' });
    expect(matchEntry(e, '资金使用合规率')).toBeDefined();
    expect(matchEntry(e, '资金到位，使用合规')).toBeUndefined();
  });

  it('honours exclude anywhere in the text', () => {
    const e = entry({ word: '时率', exclude: ['实时率'] });
    expect(matchEntry(e, '公交准时率')).toBeDefined();
    expect(matchEntry(e, '监测数据实时率')).toBeUndefined();
  });

  it('with position end, matches only endings, ignoring a trailing note', () => {
    const e = entry({ word: '成本', position: 'end' });
    expect(matchEntry(e, '人均培训成本（元/人）')).toMatchObject({ matched: '成本', index: 4 });
    expect(matchEntry(e, '成本节约率')).toBeUndefined();
    expect(matchEntry(entry({ pattern: '(补助|补贴)标准', position: 'end' }), '农村低保补助标准 ')?.matched).toBe('补助标准');
    expect(matchEntry(entry({ pattern: '(补助|补贴)标准', position: 'end' }), '补助标准执行率')).toBeUndefined();
  });

  it('findFirst takes list order, findLongest the most specific, findAll every hit', () => {
    const list = [entry({ word: '数' }), entry({ word: '人口数' })];
    expect(findFirst(list, '受益人口数')?.entry.word).toBe('数');
    expect(findLongest(list, '受益人口数')?.entry.word).toBe('人口数');
    expect(findAll(list, '受益人口数').map((m) => m.entry.word)).toEqual(['数', '人口数']);
    expect(findFirst(list, '受益人')).toBeUndefined();
  });
});

describe('lexicon helpers on the seed form', () => {
  const verbs = Object.values(lexicon.verbs).flat();

  it('R01: the seed quantity names lack a verb, the rewrites have one', () => {
    for (const name of ['展位面积', '展位数量', '车辆数量']) {
      expect(findFirst(verbs, name), name).toBeUndefined();
      expect(findFirst(lexicon.measureNouns, name), name).toBeDefined();
    }
    for (const name of ['搭建展位面积', '设计搭建展位数量', '办理车辆通行证数量', '农村低保发放人数']) expect(findFirst(verbs, name), name).toBeDefined();
    expect(findFirst(lexicon.recipientNouns, '受益人口数')).toBeDefined();
  });

  it('R02: 车辆 offers 购置 / 维修维护 / 办理通行证 / 租赁, 展位 by measure', () => {
    const car = findFirst(lexicon.ambiguousObjects, '车辆数量')!.entry;
    expect(car.rewrites.map((r) => `${r.name}（${r.unit}）`)).toEqual(['购置车辆数量（辆）', '维修维护车辆数量（辆次）', '办理车辆通行证数量（张）', '租赁车辆数量（辆）']);
    const booth = findFirst(lexicon.ambiguousObjects, '展位面积')!.entry;
    expect(booth.rewrites.filter((r) => r.measure === '面积').map((r) => r.name)).toContain('搭建展位面积');
    expect(findFirst(lexicon.ambiguousObjects, '车辆通行证数量')?.entry.word).toBe('通行证');
  });

  it('R08 / R14 / R13: the seed rows and the 海南 row are classified by their cues', () => {
    expect(findFirst(lexicon.cues.timeliness, '活动按期完成率')).toBeDefined();
    expect(findFirst(lexicon.cues.timeliness, '培训完成率')).toBeUndefined();
    expect(findFirst(lexicon.cues.process, '资金使用合规率')).toBeDefined();
    expect(findFirst(lexicon.cues.outcome, '全年实现会展业综合收入')).toBeDefined();
    expect(findFirst(lexicon.cues.savings, '节约行政成本')).toBeDefined();
    expect(findFirst(lexicon.cues.cost.economic, '节约行政成本')).toBeUndefined();
    expect(findFirst(lexicon.cues.cost.economic, '展位设计、搭建费用')).toBeDefined();
    expect(findFirst(lexicon.cues.basicExpenditure, '办公经费')).toBeDefined();
  });

  it('R06: the seed benefit row is a vague verb on an abstract noun', () => {
    const name = '扩大吐鲁番及重点产业的影响';
    expect(findFirst(lexicon.vague.verbs, name)).toBeDefined();
    expect(findFirst(lexicon.vague.abstractNouns, name)).toBeDefined();
    expect(findFirst(lexicon.vague.phrases, name)).toBeDefined();
  });

  it('R17: beneficiaries of the seed project, and internal users', () => {
    expect(findFirst(lexicon.beneficiaries, '组织全市30余家企业参展')?.entry.internal).toBeUndefined();
    expect(findFirst(lexicon.beneficiaries, '受到来访客商的青睐')?.entry.satisfaction).toBe('来访客商满意度');
    expect(findFirst(lexicon.beneficiaries, '干部职工满意度')?.entry.internal).toBe(true);
  });

  it('R24: a grade is not vague; 显著提升 is', () => {
    expect(findFirst(lexicon.vague.gradeScales, '优')).toBeDefined();
    expect(findFirst(lexicon.vague.gradeScales, '显著提升')).toBeUndefined();
    expect(findFirst(lexicon.vague.phrases, '显著提升')).toBeDefined();
  });

  it.each([
    ['档案存储设施稳定运行率', 'positive'],
    ['全年档案存储成本控制率', 'negative'],
    ['项目总投入(≥**万元)', 'negative'],
    ['成本节约率', 'positive'],
    ['节约行政成本', 'positive'],
    ['安全事故发生次数', 'negative'],
    ['受益人数', 'positive'],
    ['项目完成时间', 'negative'],
    ['农村低保补助标准', 'equal'],
  ])('polarityOf(%j) is %s', (name, polarity) => expect(polarityOf(name, lexicon)?.polarity).toBe(polarity));

  it.each([
    ['搭建展位面积', 'area', '平方米'],
    ['实施营造林总面积(亩)', 'area', '亩'],
    ['成本控制率', 'rate', '%'],
    ['参展企业满意度', 'rate', '%'],
    ['人均培训成本', 'unitCost', '元/人'],
    ['展位设计、搭建费用', 'money', '万元'],
    ['组织参展企业数量', 'count', '家'],
    ['主体班培训人次', 'count', '人次'],
    ['开设课程数量', 'count', '门'],
    ['受益人口数', 'count', '人'],
    ['修建作业道长度', 'length', '公里'],
    ['工程设计使用年限', 'time', '年'],
  ])('unitKindOfName(%j) is %s, suggest %s', (name, kind, unit) => expect(unitKindOfName(name, lexicon)).toMatchObject({ kind, unit }));

  it('unitKindsOf reads units as written', () => {
    expect(unitKindsOf('平米', lexicon)).toEqual(['area']);
    expect(unitKindsOf('百分比', lexicon)).toEqual(['rate']);
    expect(unitKindsOf('元/亩', lexicon)).toEqual(['unitCost']);
    expect(unitKindsOf('万元', lexicon)).toEqual(['money']);
    expect(unitKindsOf('光年', lexicon)).toEqual([]);
  });
});

describe('mergeLexicon', () => {
  it('appends entries, ignores words already there, and fills in missing examples', () => {
    const merged = mergeLexicon(lexicon, {
      verbs: { services: [{ word: '路演' }, { word: '培训', note: 'duplicate, ignored' }] },
      cues: { benefit: { social: [{ word: '客流量', source: 'G' }] } },
    });
    const services = merged.verbs.services;
    expect(services).toHaveLength(lexicon.verbs.services.length + 1);
    expect(services.at(-1)).toEqual({ word: '路演', examples: [] });
    expect(services.find((e) => e.word === '培训')).toBe(lexicon.verbs.services.find((e) => e.word === '培训'));
    expect(findFirst(merged.cues.benefit.social, '景区客流量')).toBeDefined();
    expect(merged.verbs.construction).toBe(lexicon.verbs.construction);
  });

  it('leaves the base untouched', () => {
    const before = JSON.stringify(lexicon);
    mergeLexicon(lexicon, { measureNouns: [{ word: '吨数' }], units: { count: { units: ['只'] } } });
    expect(JSON.stringify(lexicon)).toBe(before);
  });

  it('appends strings once and replaces scalars', () => {
    const merged = mergeLexicon(lexicon, { units: { money: { units: ['元', '美元'], suggest: '元' } } });
    expect(merged.units.money.units).toEqual([...lexicon.units.money.units, '美元']);
    expect(merged.units.money.suggest).toBe('元');
  });

  it('new synonyms and evaluation labels reach normalizeLevelName', () => {
    const merged = mergeLexicon(lexicon, {
      taxonomy: { synonyms: [{ word: '效益类指标', canonical: '效益指标' }], evaluation: [{ word: '管理指标', family: 'process', level: 1 }] },
    });
    expect(normalizeLevelName('效益类指标', merged)).toMatchObject({ canonical: '效益指标', synonym: '效益类指标' });
    expect(normalizeLevelName('效益类指标', lexicon)).toBeUndefined();
    expect(normalizeLevelName('管理指标', merged)).toMatchObject({ evaluation: true, family: 'process' });
  });

  it('ignores keys the base does not have, including __proto__', () => {
    const additions = JSON.parse('{"__proto__": {"polluted": true}, "verbz": [], "cues": {"timelyness": []}}') as object;
    const merged = mergeLexicon(lexicon, additions as never) as unknown as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(merged.polluted).toBeUndefined();
    expect(merged).not.toHaveProperty('verbz');
    expect(merged.cues).not.toHaveProperty('timelyness');
  });

  it('returns the base itself when there is nothing to add', () => {
    expect(mergeLexicon(lexicon, undefined)).toBe(lexicon);
  });
});
