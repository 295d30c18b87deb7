import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { Declaration } from '../../src/model/declaration.js';
import { DECLARATION_SCHEMA_ID, declarationSchema } from '../../src/model/schema.js';
import { readStructured } from '../../src/read/structured.js';

const at = (a1: string, row: number, col: number) => ({ sheet: '申报表', a1, row, col });

/** Every field of the model filled in: typed as Declaration, so the schema and the type must agree. */
const full: Declaration = {
  kind: 'declaration',
  source: { file: 'x.xlsx', format: 'xlsx', sheet: '申报表', range: 'A1:F20', index: 0 },
  title: { text: '项目支出绩效目标申报表', at: at('A1', 0, 0) },
  year: { text: '2024年度', raw: ' 2024年度 ', number: 2024 },
  project: {
    name: { text: '农村饮水安全工程' },
    code: { text: 'P001' },
    department: { text: '水利局' },
    implementer: { text: '供水站' },
    owner: { text: '张三' },
    phone: { text: '12345678' },
    attribute: { text: '经常性项目' },
    term: { text: '1年' },
    startDate: { text: '2024-01-01' },
    endDate: { text: '2024-12-31' },
    overview: { text: '概况' },
  },
  funds: {
    unit: '万元',
    unitAt: at('F3', 2, 5),
    annual: { total: { text: '100', amount: 100 }, fiscal: { text: '80', amount: 80 }, carryover: { text: '0', amount: 0 }, other: { text: '20', amount: 20 } },
    project: { total: { text: '300', amount: 300 } },
  },
  goals: { overall: { text: '总体目标' }, annual: { text: '年度目标' }, midTerm: { text: '中期目标' } },
  indicators: [
    {
      period: 'annual',
      row: 9,
      level1: { text: '产出指标' },
      level2: { text: '数量指标' },
      name: { text: '受益人口', at: at('C10', 9, 2) },
      value: {
        raw: '≥ 90 %',
        kind: 'number',
        operator: '≥',
        operatorText: '不少于',
        number: 90,
        unit: '%',
        unitText: '百分比',
        date: { year: 2024, month: 9, day: 30 },
        end: { year: 2024, month: 12 },
        qualifier: 'before',
        note: '抽样调查',
        at: at('E10', 9, 4),
        operatorAt: at('D10', 9, 3),
        unitAt: at('F10', 9, 5),
      },
      weight: { text: '10', number: 10 },
      basis: { text: '依据' },
      direction: { text: '正向' },
      description: { text: '描述' },
      actual: { text: '95%' },
      score: { text: '10', number: 10 },
    },
  ],
  targetColumn: { text: '年度指标值' },
};

const minimal = { kind: 'declaration', project: { name: { text: '项目' } }, goals: {}, indicators: [] };

const problemOf = (result: ReturnType<typeof readStructured>) => {
  if (!('problem' in result)) throw new Error('expected a problem');
  return result.problem;
};

describe('readStructured: valid files', () => {
  it('accepts a fully filled declaration and stamps its source', () => {
    const result = readStructured(JSON.stringify(full), 'json', 'in/full.json');
    expect(result).toEqual({ declarations: [{ ...full, source: { ...full.source, file: 'in/full.json', format: 'json', index: 0 } }] });
  });

  it('accepts an array and a { declarations } wrapper with $schema; numbers each declaration', () => {
    const list = readStructured(JSON.stringify([minimal, minimal]), 'json', 'a.json');
    expect('declarations' in list && list.declarations.map((d) => d.source)).toEqual([
      { file: 'a.json', format: 'json', index: 0 },
      { file: 'a.json', format: 'json', index: 1 },
    ]);
    const wrapped = readStructured(JSON.stringify({ $schema: DECLARATION_SCHEMA_ID, declarations: [{ $schema: 'x', ...minimal }] }), 'json', 'b.json');
    expect(wrapped).toEqual({ declarations: [{ ...minimal, source: { file: 'b.json', format: 'json', index: 0 } }] });
  });

  it('reads YAML (with a BOM-free UTF-8 text) and JSON with a BOM', () => {
    const yaml = `kind: declaration
project:
  name: { text: 农村饮水安全工程 }
goals:
  annual: { text: 保障供水 }
indicators:
  - period: annual
    row: -1
    name: { text: 受益人口 }
    value: { raw: "≥90%", kind: number, operator: "≥", number: 90, unit: "%" }
`;
    const result = readStructured(yaml, 'yaml', 'a.yaml');
    expect('declarations' in result && result.declarations[0]!.indicators[0]!.value).toEqual({ raw: '≥90%', kind: 'number', operator: '≥', number: 90, unit: '%' });
    expect(readStructured('\ufeff' + JSON.stringify(minimal), 'json', 'a.json')).toHaveProperty('declarations');
  });
});

describe('readStructured: schema errors carry the JSON pointer and a Chinese reason', () => {
  const schemaError = (value: unknown) => problemOf(readStructured(JSON.stringify(value), 'json', 'x.json'));

  it('required, enum, type, additionalProperties, minimum', () => {
    const { kind: _kind, ...noKind } = minimal;
    expect(schemaError(noKind)).toEqual({ code: 'structured-schema', fatal: true, data: { path: '/', reason: '缺少必填字段“kind”' } });

    const badEnum = { ...minimal, indicators: [{ period: 'annual', row: 1, name: { text: 'x' }, value: { raw: 'x', kind: 'big' } }] };
    expect(schemaError({ declarations: [minimal, badEnum] }).data).toEqual({
      path: '/declarations/1/indicators/0/value/kind',
      reason: '应为以下之一：number、date、period、duration、qualitative、placeholder、empty',
    });
    expect(schemaError([minimal, { ...minimal, project: { name: { text: 5 } } }]).data).toEqual({ path: '/1/project/name/text', reason: '类型应为字符串' });
    expect(schemaError({ ...minimal, goals: { annual: { text: 'x', colour: 'red' } } }).data).toEqual({
      path: '/goals/annual',
      reason: '不认识的字段“colour”',
    });
    expect(schemaError({ ...minimal, title: { text: 't', at: { sheet: 's', a1: 'A1', row: -3, col: 0 } } }).data).toEqual({
      path: '/title/at/row',
      reason: '应不小于 0',
    });
    expect(schemaError({ declarations: [], extra: 1 }).data).toEqual({ path: '/', reason: '不认识的字段“extra”' });
    expect(schemaError('just a string').data?.path).toBe('/');
  });
});

describe('readStructured: syntax errors carry line and column', () => {
  it('JSON, also where V8 does not give a position', () => {
    const problem = problemOf(readStructured('{\n  "kind": "declaration",\n  "project": }', 'json', 'x.json'));
    expect(problem).toMatchObject({ code: 'structured-syntax', data: { format: 'JSON', line: 3, column: 14 } });
    expect(String(problem.data?.reason)).toMatch(/^第 3 行第 14 列：/);
    expect(problemOf(readStructured('[1, 2,\n 3', 'json', 'x.json')).data).toMatchObject({ line: 2, column: 3 });
    expect(problemOf(readStructured('{"a": "x\ty"}', 'json', 'x.json')).data).toMatchObject({ line: 1, column: 9 });
    expect(problemOf(readStructured('[' .repeat(100000), 'json', 'x.json')).code).toBe('structured-syntax');
  });

  it('YAML: bad indentation, duplicate keys, custom tags, alias bombs', () => {
    expect(problemOf(readStructured('kind: declaration\nproject: [\n', 'yaml', 'x.yaml'))).toMatchObject({ code: 'structured-syntax', data: { format: 'YAML' } });
    expect(problemOf(readStructured('kind: a\nkind: b\n', 'yaml', 'x.yaml')).data).toMatchObject({ line: 2, column: 1 });
    expect(problemOf(readStructured('kind: !!js/function "x"\n', 'yaml', 'x.yaml')).data?.reason).toMatch(/tag/i);
    expect(problemOf(readStructured('kind: !!binary aGVsbG8=\n', 'yaml', 'x.yaml')).code).toBe('structured-syntax');
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) laughs.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(', ')}]`);
    expect(problemOf(readStructured(laughs.join('\n'), 'yaml', 'x.yaml')).data?.reason).toMatch(/alias/i);
  });
});

describe('the published schema', () => {
  it('describes a file as one declaration, an array, or { declarations }', () => {
    const ajv = new Ajv({ strict: true });
    ajv.addSchema(declarationSchema);
    const file = ajv.getSchema(`${DECLARATION_SCHEMA_ID}#/definitions/file`)!;
    expect([minimal, [minimal], { $schema: 'x', declarations: [minimal] }].map((v) => file(v))).toEqual([true, true, true]);
    expect([{ declarations: [{}] }, [1], 'x'].map((v) => file(v))).toEqual([false, false, false]);
  });
});
