import { Ajv, type ValidateFunction } from 'ajv';
import type { Declaration } from '../model/declaration.js';
import type { ReadProblem } from '../model/problem.js';
import { declarationSchema } from '../model/schema.js';
import { MAX_CELL_CHARS } from './limits.js';
import { ajvReason, parseDataText } from '../text/data-text.js';

/**
 * JSON and YAML declaration files (exports from other systems, test inputs): one declaration, an
 * array of them, or { "declarations": [...] }, each validated against the published schema.
 */
export function readStructured(
  text: string,
  format: 'json' | 'yaml',
  fileName: string,
): { declarations: Declaration[]; warnings?: ReadProblem[] } | { problem: ReadProblem } {
  const parsed = parseDataText(text, format);
  if ('error' in parsed) {
    const { format: name, line, column, detail } = parsed.error;
    return syntaxProblem(name, line, column, detail);
  }

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
      return schemaProblem(base + error.instancePath || '/', ajvReason(error));
    }
    const { $schema: _ignored, ...declaration } = item as Declaration & { $schema?: string };
    declaration.source = { ...declaration.source, file: fileName, format, index };
    declarations.push(declaration);
  }
  const cut = cutLongTexts(declarations, prefix, Array.isArray(value) || prefix !== '');
  return cut ? { declarations, warnings: [cut] } : { declarations };
}

/**
 * Texts longer than a spreadsheet cell can hold are cut to MAX_CELL_CHARS, as the workbook readers
 * cut cells, so no rule ever works on megabyte strings. Returns the warning naming the first one.
 */
function cutLongTexts(declarations: Declaration[], prefix: string, indexed: boolean): ReadProblem | undefined {
  let count = 0;
  let first = '';
  const visit = (node: unknown, path: string): unknown => {
    if (typeof node === 'string') {
      if (node.length <= MAX_CELL_CHARS) return node;
      if (count++ === 0) first = path || '/';
      return node.slice(0, MAX_CELL_CHARS);
    }
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) node[i] = visit(node[i], `${path}/${i}`);
    } else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) record[key] = visit(record[key], `${path}/${key}`);
    }
    return node;
  };
  declarations.forEach((d, i) => visit(d, indexed ? `${prefix}/${i}` : ''));
  return count ? { code: 'text-truncated', fatal: false, data: { path: first, count } } : undefined;
}

let compiled: ValidateFunction | undefined;

/** Compiled once, on first use: ajv compilation costs a few ms that a workbook-only run need not pay. */
function validator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: false, strict: true }).compile(declarationSchema);
  return compiled;
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

