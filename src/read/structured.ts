import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { LineCounter, parseDocument } from 'yaml';
import type { Declaration } from '../model/declaration.js';
import type { ReadProblem } from '../model/problem.js';
import { declarationSchema } from '../model/schema.js';

/**
 * JSON and YAML declaration files (exports from other systems, test inputs): one declaration, an
 * array of them, or { "declarations": [...] }, each validated against the published schema.
 */
export function readStructured(
  text: string,
  format: 'json' | 'yaml',
  fileName: string,
): { declarations: Declaration[] } | { problem: ReadProblem } {
  const parsed = format === 'json' ? parseJson(text) : parseYaml(text);
  if ('problem' in parsed) return parsed;

  const { value } = parsed;
  let items: unknown[];
  let prefix: string;
  if (Array.isArray(value)) {
    [items, prefix] = [value, ''];
  } else if (isObject(value) && 'declarations' in value) {
    const extra = Object.keys(value).find((key) => key !== 'declarations' && key !== '$schema');
    if (extra !== undefined) return schemaProblem('/', `不认识的字段“${extra}”`);
    if (!Array.isArray(value.declarations)) return schemaProblem('/declarations', '类型应为数组');
    [items, prefix] = [value.declarations, '/declarations'];
  } else if (isObject(value)) {
    [items, prefix] = [[value], ''];
  } else {
    return schemaProblem('/', '应为一份申报表对象、申报表数组，或 { "declarations": [...] }');
  }

  const validate = validator();
  const declarations: Declaration[] = [];
  for (const [index, item] of items.entries()) {
    const base = Array.isArray(value) || prefix ? `${prefix}/${index}` : '';
    if (!validate(item)) {
      const error = validate.errors![0]!;
      return schemaProblem(base + error.instancePath || '/', reasonOf(error));
    }
    const { $schema: _ignored, ...declaration } = item as Declaration & { $schema?: string };
    declaration.source = { ...declaration.source, file: fileName, format, index };
    declarations.push(declaration);
  }
  return { declarations };
}

let compiled: ValidateFunction | undefined;

/** Compiled once, on first use: ajv compilation costs a few ms that a workbook-only run need not pay. */
function validator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: false, strict: true }).compile(declarationSchema);
  return compiled;
}

const TYPE_NAMES: Record<string, string> = {
  string: '字符串',
  number: '数字',
  integer: '整数',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  null: 'null',
};

/** ajv's English messages → the Chinese a user of the form reads. */
function reasonOf(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `缺少必填字段“${String(p.missingProperty)}”`;
    case 'additionalProperties':
      return `不认识的字段“${String(p.additionalProperty)}”`;
    case 'type':
      return `类型应为${String(p.type).split(',').map((t) => TYPE_NAMES[t] ?? t).join('或')}`;
    case 'enum':
      return `应为以下之一：${(p.allowedValues as unknown[]).map((v) => String(v)).join('、')}`;
    case 'minimum':
      return `应不小于 ${String(p.limit)}`;
    case 'maximum':
      return `应不大于 ${String(p.limit)}`;
    case 'pattern':
      return `格式不对（应为 A1 形式的单元格地址，如“C5”）`;
    default:
      return error.message ?? error.keyword;
  }
}

function schemaProblem(path: string, reason: string): { problem: ReadProblem } {
  return { problem: { code: 'structured-schema', fatal: true, data: { path, reason } } };
}

function syntaxProblem(format: 'JSON' | 'YAML', line: number, column: number, detail: string): { problem: ReadProblem } {
  return { problem: { code: 'structured-syntax', fatal: true, data: { format, line, column, reason: `第 ${line} 行第 ${column} 列：${detail}` } } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseYaml(text: string): { value: unknown } | { problem: ReadProblem } {
  // Core schema only: no custom or extra known tags (!!binary, !!js/...), unique keys, and few
  // aliases (a "billion laughs" file expands aliases exponentially). An unresolved tag is an error.
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    schema: 'core',
    customTags: [],
    resolveKnownTags: false,
    uniqueKeys: true,
    merge: false,
    prettyErrors: false,
    lineCounter,
  });
  const error = doc.errors[0] ?? doc.warnings[0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    return syntaxProblem('YAML', line, col, error.message.split('\n')[0]!);
  }
  try {
    return { value: doc.toJS({ maxAliasCount: 50 }) };
  } catch (e) {
    return syntaxProblem('YAML', 1, 1, e instanceof Error ? e.message : String(e));
  }
}

function parseJson(text: string): { value: unknown } | { problem: ReadProblem } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { value: JSON.parse(source) };
  } catch (e) {
    // V8 does not always say where (Node 20: "Unexpected token '}', ... is not valid JSON").
    const offset = jsonErrorOffset(source);
    const before = source.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return syntaxProblem('JSON', line, column, e instanceof Error ? e.message.split('\n')[0]! : String(e));
  }
}

/**
 * Offset of the first character where `text` stops being JSON (RFC 8259). Iterative, so a file of
 * nested brackets cannot overflow the stack; only called after JSON.parse has failed.
 */
function jsonErrorOffset(text: string): number {
  const stack: string[] = [];
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const scanString = (): boolean => {
    for (i++; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22) return (i++, true);
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = text[++i];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) return false;
          i += 4;
        } else if (e === undefined || !'"\\/bfnrt'.includes(e)) return false;
      }
    }
    return false;
  };
  const scanNumber = (): boolean => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) return false;
    i += m[0].length;
    return true;
  };
  let expect: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    skipSpace();
    const c = text[i];
    if (expect === 'value') {
      if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        skipSpace();
        if (text[i] === (c === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          expect = 'after';
        } else expect = c === '{' ? 'key' : 'value';
      } else if (c === '"') {
        if (!scanString()) return i;
        expect = 'after';
      } else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
        if (!scanNumber()) return i;
        expect = 'after';
      } else {
        const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
        if (!word) return i;
        i += word.length;
        expect = 'after';
      }
    } else if (expect === 'key') {
      if (c !== '"' || !scanString()) return i;
      skipSpace();
      if (text[i] !== ':') return i;
      i++;
      expect = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return i < text.length ? i : Math.max(0, i - 1);
      if (c === ',') {
        i++;
        expect = top === '{' ? 'key' : 'value';
      } else if (c === (top === '{' ? '}' : ']')) {
        stack.pop();
        i++;
      } else return i;
    }
  }
}
