import { describe, expect, it } from 'vitest';
import { decodeA1 } from '../../src/model/cell.js';
import type { Grid, GridMerge } from '../../src/model/grid.js';
import { locateDeclarations } from '../../src/locate/forms.js';

/** A one-sheet grid from rows of text and A1 merge ranges, as the readers would hand it over. */
function grid(rows: (string | number | null)[][], merges: string[] = []): Grid {
  const toMerge = (range: string): GridMerge => {
    const [a, b] = range.split(':').map((x) => decodeA1(x)!);
    return { r0: a!.row, c0: a!.col, r1: b!.row, c1: b!.col };
  };
  return {
    format: 'xlsx',
    sheets: [{ name: 'S', rows: rows.map((r) => r.map((v) => (v === null || v === '' ? null : { t: String(v) }))), merges: merges.map(toMerge) }],
  };
}

const names = (g: Grid) => locateDeclarations(g).declarations.flatMap((d) => d.indicators.map((i) => `${i.level1?.text ?? '-'}/${i.level2?.text ?? '-'}/${i.name.text}`));

describe('locate: level labels', () => {
  it('fills a vertically centred 一级 label up and down its block', () => {
    const g = grid([
      ['一级指标', '二级指标', '三级指标', '指标值'],
      [null, '数量指标', '培训人次', '≥500人次'],
      ['产出指标', '质量指标', '考核合格率', '≥95%'],
      [null, '时效指标', '完成时间', '2025年底前'],
      [null, '社会效益指标', '受益人数', '≥500人'],
      ['效益指标', '可持续影响指标', '长效机制', '建立'],
    ]);
    expect(names(g)).toEqual([
      '产出指标/数量指标/培训人次',
      '产出指标/质量指标/考核合格率',
      '产出指标/时效指标/完成时间',
      '效益指标/社会效益指标/受益人数',
      '效益指标/可持续影响指标/长效机制',
    ]);
  });

  it('leaves 一级 absent for a block whose 一级 cell was left empty, rather than misfiling it', () => {
    const g = grid([
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '购置设备数量', '2台'],
      [null, '社会效益指标', '年诊疗人次', '≥5000人次'],
      ['满意度指标', '服务对象满意度指标', '患者满意度', '≥90%'],
      [null, '经济效益指标', '节约成本', '≥10万元'],
    ]);
    const inds = locateDeclarations(g).declarations[0]!.indicators;
    expect(inds.map((i) => i.level1?.text)).toEqual(['产出指标', undefined, '满意度指标', undefined]);
  });

  it('reads merged labels from their top-left cell on every row they cover', () => {
    const g = grid(
      [
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '展位面积', '≥150平方米'],
        [null, null, '车辆数量', '=4辆'],
        [null, '质量指标', '验收合格率', '=100%'],
      ],
      ['A2:A4', 'B2:B3'],
    );
    const inds = locateDeclarations(g).declarations[0]!.indicators;
    expect(inds.map((i) => [i.level1?.at?.a1, i.level2?.at?.a1, i.name.at?.a1])).toEqual([
      ['A2', 'B2', 'C2'],
      ['A2', 'B2', 'C3'],
      ['A2', 'B4', 'C4'],
    ]);
  });

  it('keeps a 二级 scaffold row with no 三级 once, with an empty name', () => {
    const g = grid([
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['效益指标', '经济效益指标', null, null],
      [null, '社会效益指标', '受益人数', '≥100人'],
    ]);
    const inds = locateDeclarations(g).declarations[0]!.indicators;
    expect(inds.map((i) => [i.level2?.text, i.name.text, i.name.at?.a1, i.value.kind])).toEqual([
      ['经济效益指标', '', 'C2', 'empty'],
      ['社会效益指标', '受益人数', 'C3', 'number'],
    ]);
  });
});

describe('locate: headers and blocks', () => {
  it('does not take a merged paragraph above the grid for a group header', () => {
    const g = grid(
      [
        ['总体目标', '总目标', null, '年度目标', null],
        [null, '完成年度建设任务，提升服务能力。', null, '新建设施5个。', null],
        ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
        [null, '产出指标', '数量指标', '新建设施数量', '=5个'],
      ],
      ['A1:A2', 'B2:C2', 'D2:E2', 'A3:A4'],
    );
    const [decl] = locateDeclarations(g).declarations;
    expect(decl!.goals.overall?.text).toBe('完成年度建设任务，提升服务能力。');
    expect(decl!.goals.annual?.at?.a1).toBe('D2');
    expect(decl!.indicators.map((i) => [i.name.text, i.row])).toEqual([['新建设施数量', 3]]);
  });

  it('reads a 三级指标 header merged across columns as one column, not a group over the data', () => {
    const g = grid(
      [
        ['一级指标', '二级指标', '三级指标', null, '指标值'],
        ['产出指标', '数量指标', '改造公园数量', null, '=2个'],
      ],
      ['C1:D1', 'C2:D2'],
    );
    const [decl] = locateDeclarations(g).declarations;
    expect(decl!.indicators[0]!.value).toMatchObject({ raw: '=2个', operator: '=', number: 2, unit: '个', at: { a1: 'E2' } });
  });

  it('recognises aliases and fuzzy headers: 指标名称 | 目标值 | 计量单位 and a typo', () => {
    const g = grid([
      ['项目名称：基层设备购置', null, '实施单位：某县医院'],
      ['一级指标', '二级指标', '指标名称', '目标值', '计量单住'],
      ['产出指标', '数量指标', '购置DR设备数量', '2', '台'],
    ]);
    const [decl] = locateDeclarations(g).declarations;
    expect(decl!.project.name).toMatchObject({ text: '基层设备购置', at: { a1: 'A1' } });
    expect(decl!.project.implementer?.text).toBe('某县医院');
    expect(decl!.indicators[0]!.value).toMatchObject({ kind: 'number', number: 2, unit: '台', unitAt: { a1: 'E3' } });
  });

  it('ends a grid at a note or signature row', () => {
    const g = grid([
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '培训人次', '≥500人次'],
      ['注：指标值为预计数', null, null, null],
      ['填报人：张三', null, '审核人：李四', null],
    ]);
    expect(names(g)).toEqual(['产出指标/数量指标/培训人次']);
  });

  it('splits a multi-project flat sheet into projects and skips the subtotal row', () => {
    const g = grid([
      ['单位名称', '项目名称', '预算数（元）', '年度目标', '一级指标', '二级指标', '三级指标', '指标值'],
      ['某局', '合计', '1,500,000.00', null, null, null, null, null],
      [null, '项目甲', '1,000,000.00', '目标甲', '产出指标', '数量指标', '甲数量', '=1个'],
      [null, null, null, null, '效益指标', '社会效益指标', '甲效益', '≥10人'],
      [null, '项目乙', '500,000.00', '目标乙', '产出指标', '数量指标', '乙数量', '=2个'],
    ]);
    const decls = locateDeclarations(g).declarations;
    expect(decls.map((d) => [d.project.name?.text, d.funds?.unit, d.funds?.annual.total?.amount, d.indicators.length, d.source.index])).toEqual([
      ['项目甲', '元', 1000000, 2, 0],
      ['项目乙', '元', 500000, 1, 1],
    ]);
  });

  it('reports a sheet with no indicator grid as no-indicator-table', () => {
    const result = locateDeclarations(grid([['姓名', '电话'], ['张三', '13800000000']]));
    expect(result.declarations).toEqual([]);
    expect(result.problems.map((p) => [p.code, p.fatal])).toEqual([['no-indicator-table', true]]);
  });
});

describe('locate: layout', () => {
  it('records the header labels that are on the form even when left blank, and every grid column', () => {
    const g = grid([
      ['项目名称', '2024年城乡居民健康体检补助', '项目负责人', null],
      ['主管部门', null, '实施单位', '某县人民医院'],
      ['年度资金总额（万元）', '85', null, null],
      ['年度目标', null, null, null],
      ['一级指标', '二级指标', '三级指标', '指标值', '指标值设定依据'],
      ['产出指标', '数量指标', '完成老年人健康体检人数', '≥12000人', null],
    ]);
    const [decl] = locateDeclarations(g).declarations;
    expect(decl!.project.owner).toBeUndefined();
    expect(decl!.project.department).toBeUndefined();
    expect(decl!.indicators[0]!.basis).toBeUndefined();
    expect(Object.fromEntries(Object.entries(decl!.layout!.labels).map(([field, at]) => [field, at!.a1]))).toEqual({
      'project.name': 'A1',
      'project.owner': 'C1',
      'project.department': 'A2',
      'project.implementer': 'C2',
      'funds.annual.total': 'A3',
      'goals.annual': 'A4',
    });
    expect(decl!.layout!.columns).toEqual(['level1', 'level2', 'name', 'value', 'basis']);
  });
});
