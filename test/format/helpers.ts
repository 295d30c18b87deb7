import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { enableRules, presetConfig, resolveConfig } from '../../src/engine/config.js';
import { lintDeclarations } from '../../src/engine/linter.js';
import { applySuppressions, parseSuppressions } from '../../src/engine/suppressions.js';
import { declarationFromSpec, type FormSpec } from '../../src/engine/testing.js';
import type { Locale } from '../../src/i18n/read-messages.js';
import type { FileReadResult, LintFileResult, LintRunResult, UnusedSuppression } from '../../src/model/result.js';
import { expandInputs } from '../../src/node/files.js';
import { readDeclarations } from '../../src/read/read.js';
import { builtinRegistry, builtinRules } from '../../rules/index.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const SEED = 'fixtures/seed-turpan-2024.xlsx';
export const ruleInfos = builtinRules.map((r) => r.meta);

// jxlint:recommended, resolved once. The library's lint() resolves and validates the config on
// every call (~0.3 s), which over the fixtures batch costs more than reading it; the CLI's
// LintSession does what this does (helpers.test.ts checks both give the same findings).
const recommended = resolveConfig([{ data: presetConfig('jxlint:recommended', builtinRegistry)!, dir: '', source: 'jxlint:recommended' }], () => undefined);
const recommendedRules = enableRules(recommended, builtinRegistry);

/** Lints what was read, as the CLI does for a file without a config (jxlint:recommended). */
export function lintRead(read: FileReadResult, locale: Locale = 'zh'): LintFileResult {
  const settings = { rules: recommendedRules, lexicon: defaultLexicon, profile: recommended.profile, locale, file: read.file };
  const diagnostics = read.declarations.length ? lintDeclarations(read.declarations, settings) : [];
  return { ...read, diagnostics, suppressed: [] };
}

/** A fixture read and linted in-process; `file` is relative to the repository, as the CLI shows it. */
export function lintFixture(file: string, locale: Locale = 'zh'): LintFileResult {
  return lintRead(readDeclarations(new Uint8Array(readFileSync(join(root, file))), file), locale);
}

/** A form written as data, read through the real locator. */
export function lintSpec(spec: FormSpec, file: string, locale: Locale = 'zh'): LintFileResult {
  return lintRead({ file, format: 'xlsx', declarations: [declarationFromSpec(spec, file)], problems: [] }, locale);
}

/**
 * Applies suppression entries (as written in jxlint.suppressions.yaml, paths relative to the
 * repository) to linted files; entries that matched nothing are returned as the CLI reports them.
 */
export function withSuppressions(files: LintFileResult[], entries: unknown[], source = 'jxlint.suppressions.yaml'): LintRunResult {
  const parsed = parseSuppressions(entries, source);
  const used = new Set<number>();
  const suppressedFiles = files.map((f) => {
    const { kept, suppressed } = applySuppressions(f.diagnostics, parsed, f.file, used);
    return { ...f, diagnostics: kept, suppressed: [...f.suppressed, ...suppressed] };
  });
  const unusedSuppressions: UnusedSuppression[] = parsed.flatMap((entry, index) => (used.has(index) ? [] : [{ source, index, entry }]));
  return { files: suppressedFiles, unusedSuppressions };
}

export function runOf(...files: LintFileResult[]): LintRunResult {
  return { files, unusedSuppressions: [] };
}

let batch: LintRunResult | undefined;
/** Every file `jxlint fixtures` checks: good forms, broken files, 自评表, JSON/YAML declarations. */
export function fixtureBatch(): LintRunResult {
  batch ??= runOf(...expandInputs(['fixtures'], root).files.map((t) => lintFixture(t.display)));
  return batch;
}

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Text directly inside the element, entity references decoded. */
  text: string;
}

const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const NAME = /[A-Za-z_][\w.-]*/y;

function decodeEntities(raw: string, where: number): string {
  return raw.replace(/&([^;]*);|&/g, (whole, ref: string | undefined) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (ref === undefined) throw new Error(`bare & near ${where}`);
    if (ref in named) return named[ref]!;
    const code = /^#x([0-9a-fA-F]+)$/.exec(ref)?.[1] ?? /^#([0-9]+)$/.exec(ref)?.[1];
    if (code === undefined) throw new Error(`unknown entity &${ref}; near ${where}`);
    const cp = ref.startsWith('#x') ? parseInt(code, 16) : Number(code);
    const ch = String.fromCodePoint(cp);
    if (!XML_CHAR.test(ch)) throw new Error(`character reference to a non-XML character near ${where}`);
    return ch;
  });
}

/**
 * A strict parser for the XML subset the JUnit formatter writes (declaration, elements,
 * double-quoted attributes, text, entity and character references): it throws where an XML 1.0
 * parser would (bad characters, `]]>` in text, `<` in attributes, unbalanced tags), so a test can
 * both check well-formedness and read the values back.
 */
export function parseXml(xml: string): XmlElement {
  if (!XML_CHAR.test(xml)) throw new Error('the document contains characters XML 1.0 does not allow');
  let i = 0;
  const declaration = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/.exec(xml);
  if (!declaration) throw new Error('missing XML declaration');
  i = declaration[0].length;
  const stack: XmlElement[] = [];
  let rootElement: XmlElement | undefined;
  const name = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(xml);
    if (!m) throw new Error(`name expected at ${i}`);
    i += m[0].length;
    return m[0];
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    if (text.includes(']]>')) throw new Error(`]]> in text near ${i}`);
    // Line ends are normalised to LF before parsing, as XML 1.0 (§2.11) requires.
    if (stack.length) stack[stack.length - 1]!.text += decodeEntities(text.replace(/\r\n?/g, '\n'), i);
    else if (text.trim()) throw new Error(`text outside the root element near ${i}`);
    if (lt === -1) break;
    i = lt + 1;
    if (xml[i] === '/') {
      i++;
      const closing = name();
      if (xml[i] !== '>') throw new Error(`> expected at ${i}`);
      i++;
      const open = stack.pop();
      if (open?.name !== closing) throw new Error(`</${closing}> closes <${open?.name}>`);
      continue;
    }
    const element: XmlElement = { name: name(), attributes: {}, children: [], text: '' };
    for (;;) {
      const ws = /^\s*/.exec(xml.slice(i, i + 64))![0];
      i += ws.length;
      if (xml.startsWith('/>', i) || xml[i] === '>') break;
      if (!ws) throw new Error(`whitespace expected before an attribute at ${i}`);
      const attribute = name();
      if (xml[i] !== '=' || xml[i + 1] !== '"') throw new Error(`="…" expected at ${i}`);
      const end = xml.indexOf('"', i + 2);
      const raw = xml.slice(i + 2, end);
      if (raw.includes('<')) throw new Error(`< in attribute ${attribute}`);
      if (attribute in element.attributes) throw new Error(`duplicate attribute ${attribute}`);
      // Literal tabs and line breaks in an attribute become spaces (§3.3.3); only references survive.
      element.attributes[attribute] = decodeEntities(raw.replace(/\r\n?/g, '\n').replace(/[\t\n]/g, ' '), i);
      i = end + 1;
    }
    const selfClosing = xml.startsWith('/>', i);
    i += selfClosing ? 2 : 1;
    if (stack.length) stack[stack.length - 1]!.children.push(element);
    else if (rootElement) throw new Error('a second root element');
    else rootElement = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length || !rootElement) throw new Error(`unclosed <${stack[stack.length - 1]?.name}>`);
  return rootElement;
}

/** Elements named `name` anywhere under `element`. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((c) => [...(c.name === name ? [c] : []), ...findAll(c, name)]);
}

export interface WorkflowCommand {
  level: string;
  properties: Record<string, string>;
  message: string;
}

/** Reads a workflow command back the way the runner does: split on the first `::`, then `,` and `=`, then unescape. */
export function parseCommand(line: string): WorkflowCommand {
  const m = /^::(error|warning|notice) ([^:]*)::(.*)$/s.exec(line);
  if (!m) throw new Error(`not a command: ${line.slice(0, 80)}`);
  const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const unescapeProperty = (s: string) => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));
  const properties = Object.fromEntries(m[2]!.split(',').map((pair) => {
    const eq = pair.indexOf('=');
    return [pair.slice(0, eq), unescapeProperty(pair.slice(eq + 1))];
  }));
  return { level: m[1]!, properties, message: unescapeData(m[3]!) };
}

