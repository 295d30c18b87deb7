import type { ErrorObject } from 'ajv';
import { LineCounter, parseDocument } from 'yaml';

/**
 * JSON and YAML text as users write it (declaration files, config, suppressions): parsed safely,
 * with the line and column of the first error, and ajv's errors in the Chinese a user reads.
 */
export interface DataTextError {
  format: 'JSON' | 'YAML';
  line: number;
  column: number;
  detail: string;
}

export function parseDataText(text: string, format: 'json' | 'yaml'): { value: unknown } | { error: DataTextError } {
  return format === 'json' ? parseJson(text) : parseYaml(text);
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
export function ajvReason(error: ErrorObject): string {
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
      // The declaration schema's only pattern is the A1 address; other schemas get the generic text.
      return /\[A-Z\]/.test(String(p.pattern)) ? '格式不对（应为 A1 形式的单元格地址，如“C5”）' : `格式不对（应符合 ${String(p.pattern)}）`;
    case 'minItems':
      return `至少应有 ${String(p.limit)} 项`;
    case 'maxItems':
      return `至多只能有 ${String(p.limit)} 项`;
    case 'minLength':
      return String(p.limit) === '1' ? '不能为空' : `至少应有 ${String(p.limit)} 个字符`;
    case 'oneOf':
    case 'anyOf':
      return '取值不符合任何一种允许的写法';
    case 'const':
      return `应为 ${JSON.stringify(p.allowedValue)}`;
    default:
      return error.message ?? error.keyword;
  }
}

function parseYaml(text: string): { value: unknown } | { error: DataTextError } {
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
    return { error: { format: 'YAML', line, column: col, detail: error.message.split('\n')[0]! } };
  }
  try {
    return { value: doc.toJS({ maxAliasCount: 50 }) };
  } catch (e) {
    return { error: { format: 'YAML', line: 1, column: 1, detail: e instanceof Error ? e.message : String(e) } };
  }
}

function parseJson(text: string): { value: unknown } | { error: DataTextError } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { value: JSON.parse(source) };
  } catch (e) {
    // V8 does not always say where (Node 20: "Unexpected token '}', ... is not valid JSON").
    const offset = jsonErrorOffset(source);
    const before = source.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return { error: { format: 'JSON', line, column, detail: e instanceof Error ? e.message.split('\n')[0]! : String(e) } };
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
