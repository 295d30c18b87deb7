/**
 * Compiles rules/lexicon/*.yaml into rules/lexicon/data.generated.ts, so the isomorphic core gets
 * the lexicon without a file system.
 *
 *   node dist/scripts/build-lexicon.js           validate, run the examples, write the module
 *   node dist/scripts/build-lexicon.js --check   the same, but only report whether the module is current
 *
 * Exit code 1 on any problem (Chinese message naming the file, line and path) or, with --check,
 * when data.generated.ts is out of date.
 */

import { existsSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { checkLexicon, formatProblem } from '../rules/lexicon/check.js';
import type { Lexicon } from '../rules/lexicon/types.js';
import { LEXICON_SECTIONS } from '../rules/lexicon/types.js';

const LEXICON_DIR = join('rules', 'lexicon');
const OUTPUT = 'data.generated.ts';

export interface LexiconBuild {
  /** The merged lexicon, when it parsed and validated. */
  lexicon?: Lexicon;
  /** The module text to write, when there were no problems. */
  code?: string;
  /** Chinese messages, one per problem. */
  problems: string[];
  /** Where the module goes. */
  output: string;
}

/** The project root: the nearest folder upwards with the lexicon sources (dist/ holds none). */
export function projectRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, LEXICON_DIR, 'taxonomy.yaml'))) return dir;
    if (dirname(dir) === dir) throw new Error(`找不到 ${LEXICON_DIR}/taxonomy.yaml（从 ${from} 向上查找）`);
  }
}

interface Source {
  file: string;
  doc: Document;
  lines: LineCounter;
}

/** Reads, validates and checks the YAML; on success also renders the module. Writes nothing. */
export function buildLexicon(root: string = projectRoot()): LexiconBuild {
  const dir = join(root, LEXICON_DIR);
  const output = join(dir, OUTPUT);
  const problems: string[] = [];
  const files = readdirSync(dir).filter((name) => name.endsWith('.yaml')).sort();

  // 1. Parse every file; each contributes top-level sections.
  const merged: Record<string, unknown> = {};
  const sourceOf = new Map<string, Source>();
  for (const name of files) {
    const file = relative(root, join(dir, name)).split('\\').join('/');
    const lines = new LineCounter();
    const doc = parseDocument(readFileSync(join(dir, name), 'utf8'), { lineCounter: lines, prettyErrors: false });
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        const pos = lines.linePos(error.pos[0]);
        problems.push(`${file}:${pos.line}:${pos.col} YAML 语法错误：${error.message.split('\n')[0]}`);
      }
      continue;
    }
    const value: unknown = doc.toJS();
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push(`${file}: 顶层应为映射（section: …）`);
      continue;
    }
    for (const [section, content] of Object.entries(value)) {
      const earlier = sourceOf.get(section);
      if (earlier) {
        problems.push(`${file}: 词库部分“${section}”已在 ${earlier.file} 中定义`);
        continue;
      }
      merged[section] = content;
      sourceOf.set(section, { file, doc, lines });
    }
  }
  if (problems.length > 0) return { problems, output };

  // 2. Schema: the whole lexicon, in section order.
  const lexicon = Object.fromEntries(
    [...LEXICON_SECTIONS.filter((s) => s in merged), ...Object.keys(merged).filter((s) => !(LEXICON_SECTIONS as readonly string[]).includes(s))].map(
      (s) => [s, merged[s]],
    ),
  );
  const schema = JSON.parse(readFileSync(join(dir, 'schema.json'), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
  if (!validate(lexicon)) {
    for (const error of relevantErrors(validate.errors ?? [])) problems.push(describeError(error, sourceOf));
    return { problems, output };
  }

  // 3. The entries' own examples and cross-references.
  const typed = lexicon as unknown as Lexicon;
  for (const problem of checkLexicon(typed)) {
    const source = sourceOf.get(problem.section);
    problems.push(`${source?.file ?? problem.section}: ${formatProblem(problem)}`);
  }
  if (problems.length > 0) return { lexicon: typed, problems, output };

  return { lexicon: typed, code: renderModule(typed, files.map((f) => `${LEXICON_DIR.split('\\').join('/')}/${f}`)), problems, output };
}

// ── schema errors in the user's terms ─────────────────────────────────────────────────────────

/**
 * Keeps the errors a person can act on, once each: the word-or-pattern oneOf speaks for its two
 * branches, and a bad field name is reported by propertyNames, not also by the enum inside it.
 */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (['anyOf', 'allOf', 'if'].includes(e.keyword) || e.schemaPath.includes('/oneOf/') || e.propertyName !== undefined) return false;
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describeError(error: ErrorObject, sourceOf: Map<string, Source>): string {
  const segments = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const source = sourceOf.get(segments[0] ?? '');
  let where = source?.file ?? 'rules/lexicon';
  if (source) {
    const node = source.doc.getIn(segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s)), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) {
      const pos = source.lines.linePos(node.range[0]);
      where += `:${pos.line}:${pos.col}`;
    }
  }
  return `${where} ${error.instancePath || '/'}：${reasonOf(error)}`;
}

const TYPE_NAMES: Record<string, string> = {
  string: '字符串',
  number: '数字',
  integer: '整数',
  boolean: '布尔值',
  object: '映射',
  array: '列表',
  null: '空值',
};

function reasonOf(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `缺少必填字段“${String(p.missingProperty)}”`;
    case 'additionalProperties':
      return `不认识的字段“${String(p.additionalProperty)}”`;
    case 'propertyNames':
      return `不认识的字段“${String(p.propertyName)}”`;
    case 'type':
      return `类型应为${String(p.type)
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t)
        .join('或')}`;
    case 'enum':
      return `应为以下之一：${(p.allowedValues as unknown[]).map(String).join('、')}`;
    case 'minItems':
      return `至少应有 ${String(p.limit)} 项`;
    case 'minLength':
      return '不能为空';
    case 'pattern':
      return `格式不对（应符合 ${String(p.pattern)}）`;
    case 'oneOf':
      return '应有 word 或 pattern 之一，且不能两者都有';
    default:
      return error.message ?? error.keyword;
  }
}

// ── the generated module ──────────────────────────────────────────────────────────────────────

function renderModule(lexicon: Lexicon, files: string[]): string {
  return [
    '// Generated by scripts/build-lexicon.ts from the YAML below; do not edit by hand.',
    '// Edit the YAML, then run: npx tsc -p tsconfig.json && node dist/scripts/build-lexicon.js',
    ...files.map((f) => `//   ${f}`),
    '',
    "import type { Lexicon } from './types.js';",
    '',
    `export const defaultLexicon: Lexicon = ${toTs(lexicon, 0)};`,
    '',
  ].join('\n');
}

const WIDTH = 110;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/u;

/** A TypeScript literal in the project's style: single quotes, unquoted keys, short things on one line. */
function toTs(value: unknown, depth: number, used = 0): string {
  const flat = inline(value);
  if (flat !== undefined && depth * 2 + used + flat.length <= WIDTH) return flat;
  const pad = '  '.repeat(depth + 1);
  const end = '  '.repeat(depth);
  if (Array.isArray(value)) {
    return `[\n${value.map((item) => `${pad}${toTs(item, depth + 1)},`).join('\n')}\n${end}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const lines = Object.entries(value).map(([k, v]) => {
      const key = tsKey(k);
      return `${pad}${key}: ${toTs(v, depth + 1, key.length + 3)},`;
    });
    return `{\n${lines.join('\n')}\n${end}}`;
  }
  return flat ?? 'undefined';
}

function inline(value: unknown): string | undefined {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    const items = value.map(inline);
    return items.every((i) => i !== undefined) ? `[${items.join(', ')}]` : undefined;
  }
  if (typeof value === 'object') {
    const items = Object.entries(value).map(([k, v]) => {
      const i = inline(v);
      return i === undefined ? undefined : `${tsKey(k)}: ${i}`;
    });
    if (items.length === 0) return '{}';
    return items.every((i) => i !== undefined) ? `{ ${items.join(', ')} }` : undefined;
  }
  return undefined;
}

function tsKey(key: string): string {
  return IDENTIFIER.test(key) ? key : quote(key);
}

function quote(text: string): string {
  return `'${text.replace(/[\\'\n\r\t\u2028\u2029]/gu, (c) => ESCAPES[c] ?? c)}'`;
}

const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

// ── command line ──────────────────────────────────────────────────────────────────────────────

function main(args: string[]): number {
  const check = args.includes('--check');
  const unknown = args.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    console.error(`不认识的参数：${unknown.join(' ')}（用法：build-lexicon [--check]）`);
    return 1;
  }
  const root = projectRoot();
  const build = buildLexicon(root);
  const target = relative(root, build.output);
  if (build.code === undefined) {
    console.error(`词库有 ${build.problems.length} 处问题，未生成 ${target}：`);
    for (const problem of build.problems) console.error(`  ${problem}`);
    return 1;
  }
  const current = existsSync(build.output) ? readFileSync(build.output, 'utf8') : undefined;
  if (check) {
    if (current === build.code) return 0;
    console.error(`${target} 与 ${LEXICON_DIR}/*.yaml 不一致，请重新生成：node dist/scripts/build-lexicon.js`);
    return 1;
  }
  if (current !== build.code) writeFileSync(build.output, build.code);
  console.log(`${current === build.code ? '已是最新' : '已生成'}：${target}`);
  return 0;
}

const invoked = process.argv[1] && pathToFileURL(realpathSync(process.argv[1])).href;
if (invoked === import.meta.url) process.exitCode = main(process.argv.slice(2));
