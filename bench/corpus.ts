import * as XLSX from 'xlsx';

/**
 * A synthetic corpus of standard-template declaration forms (V1 layout, merged level labels),
 * 10–40 indicator rows each: the size of the forms units really send.
 */
const LEVELS: [string, string, string[]][] = [
  ['产出指标', '数量指标', ['新建社区养老服务设施数量', '培训养老护理员人次', '改造道路长度', '采购设备数量', '举办培训班期数', '发放补助人数']],
  ['产出指标', '质量指标', ['工程验收合格率', '设备验收合格率', '培训考核合格率', '补助发放准确率']],
  ['产出指标', '时效指标', ['项目完成时间', '补助发放及时率', '工程按期完工率']],
  ['成本指标', '经济成本指标', ['单位建设成本', '设备购置费用', '人均培训成本', '工程总造价']],
  ['效益指标', '社会效益指标', ['受益群众人数', '服务覆盖率', '政策知晓率']],
  ['效益指标', '可持续影响指标', ['设施使用年限', '长效管护机制覆盖率']],
  ['满意度指标', '服务对象满意度指标', ['受益群众满意度', '参训人员满意度']],
];
const VALUES = ['≥90%', '=100%', '≥1200人次', '≤350万元', '2024年11月底前', '=6个', '≥95%', '≤1500元/人', '≥20年', '100%'];

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function makeForm(seed: number): Uint8Array {
  const rnd = random(seed);
  const rows: (string | number)[][] = [
    ['项目支出绩效目标申报表'],
    ['（2024年度）'],
    ['项目名称', `2024年第${seed}号民生保障项目`],
    ['主管部门及代码', '[101]某市民政局', '', '实施单位', '某市养老服务指导中心'],
    ['项目属性', '延续项目', '', '项目期', '1年'],
    ['资金情况（万元）', '年度资金总额：', '', 500 + seed],
    ['', '其中：财政拨款', '', 450],
    ['', '其他资金', '', 50 + seed],
    ['总体目标', '总目标', '', '年度目标'],
    ['', '完善全市养老服务体系，提升老年人生活质量。', '', `2024年新建社区养老服务设施${seed % 50}个，培训护理员1000人次。`],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
  ];
  const merges: XLSX.Range[] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: 4 } },
    { s: { r: 1, c: 0 }, e: { r: 1, c: 4 } },
    { s: { r: 2, c: 1 }, e: { r: 2, c: 4 } },
    { s: { r: 5, c: 0 }, e: { r: 7, c: 0 } },
    { s: { r: 8, c: 0 }, e: { r: 9, c: 0 } },
  ];
  const top = rows.length;
  const target = 10 + Math.floor(rnd() * 31);
  let level1Start = top;
  let previous1 = '';
  while (rows.length - top < target) {
    for (const [l1, l2, names] of LEVELS) {
      const count = 1 + Math.floor(rnd() * Math.min(3, names.length));
      const start = rows.length;
      for (let i = 0; i < count; i++) {
        rows.push(['', i === 0 && l1 !== previous1 ? l1 : '', i === 0 ? l2 : '', names[(i + seed) % names.length]!, VALUES[Math.floor(rnd() * VALUES.length)]!]);
      }
      if (count > 1) merges.push({ s: { r: start, c: 2 }, e: { r: rows.length - 1, c: 2 } });
      if (l1 !== previous1) {
        if (previous1 && rows.length - count - 1 > level1Start) merges.push({ s: { r: level1Start, c: 1 }, e: { r: start - 1, c: 1 } });
        level1Start = start;
        previous1 = l1;
      }
      if (rows.length - top >= target) break;
    }
  }
  merges.push({ s: { r: top - 1, c: 0 }, e: { r: rows.length - 1, c: 0 } });
  rows.push(['填报人：张某某', '', '联系电话：0991-1234567']);
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  sheet['!merges'] = merges;
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '绩效目标申报表');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

export function makeCorpus(count: number): Uint8Array[] {
  return Array.from({ length: count }, (_, i) => makeForm(i + 1));
}
