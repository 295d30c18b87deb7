import type { Diagnostic, Edit, Severity } from '../model/diagnostic.js';
import type { ReadProblem } from '../model/problem.js';
import type { LintFileResult, LintRunResult } from '../model/result.js';
import { formatReadProblem, type Locale } from '../i18n/read-messages.js';
import { categoryLabel, formatWord } from '../i18n/formats.js';
import { ui } from '../i18n/ui.js';
import { describeEdit, indicatorPath, qualifiedCell, wellFormed } from './common.js';

/**
 * SARIF 2.1.0 (OASIS) for code-scanning services and SARIF viewers.
 *
 * How a workbook maps onto a format made for source code:
 * - The file is the artifact; the cell is a logical location (`D12`, `sheet!D12`, kind `element`),
 *   the indicator a second one (`一级/二级/三级`, kind `object`).
 * - `region.startLine` is the sheet row (1-based), marked as such in `region.properties`: GitHub code
 *   scanning places an alert only on a line, so without it every finding would sit on the file as a
 *   whole. Viewers that open the .xlsx as text get a meaningless line; the logical location is exact.
 * - Safe fixes and suggestions are cell edits (sheet, cell, before → after). SARIF `fixes` replace
 *   byte or text regions of the file, which a zipped workbook has none of, so they go to
 *   `properties.fix` / `properties.suggestions` as structured edits with a description.
 * - A file that cannot be read is a result of the synthetic rule `unreadable-file` (level error),
 *   not only a tool notification: code scanning shows results and hides notifications, and an
 *   encrypted or renamed file is something the submitting unit must fix. Notes the reader makes
 *   about a readable file (a 自评表 read by its target column, a skipped sheet) and suppressions
 *   that matched nothing are `toolExecutionNotifications`.
 * - Suppressed findings are results with `suppressions: [{ kind: 'external', justification }]`.
 */

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json';
/** Id of the synthetic rule under which unreadable files are reported. */
export const UNREADABLE_RULE_ID = 'unreadable-file';

/** What SARIF needs of a rule: its meta (RuleMeta satisfies this), including plugin rules as `<plugin>/<id>`. */
export interface SarifRuleInfo {
  id: string;
  category: string;
  defaultSeverity: Severity;
  docs: { description: { zh: string; en: string } };
  fixable?: boolean;
  hasSuggestions?: boolean;
}

export interface SarifOptions {
  /** jxlint's version (package.json). */
  toolVersion: string;
  /** Meta of every rule that can appear: the registry of the run, plugins included. */
  rules: Iterable<SarifRuleInfo>;
  /** Where jxlint's documentation lives, ending in /; built-in rule pages are `<informationUri>rules/<id>.md`. Default https://jxlint.dev/. */
  informationUri?: string;
}

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note' };
const LANGUAGE: Record<Locale, string> = { zh: 'zh-CN', en: 'en-US' };
const MIME: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xlsm: 'application/vnd.ms-excel.sheet.macroEnabled.12',
  xls: 'application/vnd.ms-excel',
  et: 'application/vnd.ms-excel',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  csv: 'text/csv',
  json: 'application/json',
  yaml: 'application/yaml',
};

type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };
type JsonObject = { [key: string]: Json | undefined };

/**
 * A path as a URI reference: relative paths stay relative (segments percent-encoded, so Chinese
 * names, spaces, `#` and `%` survive), absolute ones become file:// URIs. Backslashes are taken as
 * separators, as in Windows paths.
 */
export function fileUri(file: string): string {
  const slashed = wellFormed(file).replace(/\\/g, '/');
  const drive = /^[A-Za-z]:\//.test(slashed);
  const encoded = slashed
    .split('/')
    .map((segment, i) => (drive && i === 0 ? segment : encodeURIComponent(segment)))
    .join('/');
  if (drive) return `file:///${encoded}`;
  return slashed.startsWith('/') ? `file://${encoded}` : encoded;
}

/** A rule's id as a SARIF `name` (an identifier, not a sentence): quantity-name-missing-action → QuantityNameMissingAction. */
function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/** FNV-1a and a second multiplier, 64 bits together: a stable, short fingerprint without node:crypto. */
function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

function ruleDescriptor(id: string, info: SarifRuleInfo | undefined, fallbackCategory: string, locale: Locale, base: string): JsonObject {
  if (!info) return { id, name: ruleName(id), properties: { category: fallbackCategory, tags: [fallbackCategory] } };
  const builtin = !id.includes('/');
  const docPath = builtin ? `rules/${id}.md` : undefined;
  const traits = [
    formatWord(locale, 'categoryLabel', { category: categoryLabel(locale, info.category) }),
    formatWord(locale, 'defaultLevel', { level: ui(locale, info.defaultSeverity) }),
    ...(info.fixable ? [formatWord(locale, 'fixable')] : []),
    ...(info.hasSuggestions ? [formatWord(locale, 'hasSuggestions')] : []),
    ...(docPath ? [formatWord(locale, 'docPage', { path: docPath })] : []),
  ];
  const description = info.docs.description[locale];
  const full = locale === 'zh' ? `${description}。${traits.join('；')}。` : `${description}. ${traits.join('; ')}.`;
  return {
    id,
    name: ruleName(id),
    shortDescription: { text: description },
    fullDescription: { text: full },
    ...(docPath ? { helpUri: new URL(docPath, base).href } : {}),
    defaultConfiguration: { level: LEVEL[info.defaultSeverity] },
    properties: {
      category: info.category,
      tags: [info.category],
      ...(docPath ? { docPath } : {}),
      ...(info.fixable ? { fixable: true } : {}),
      ...(info.hasSuggestions ? { hasSuggestions: true } : {}),
    },
  };
}

function unreadableDescriptor(locale: Locale): JsonObject {
  return {
    id: UNREADABLE_RULE_ID,
    name: ruleName(UNREADABLE_RULE_ID),
    shortDescription: { text: formatWord(locale, 'unreadableRule') },
    fullDescription: { text: `${formatWord(locale, 'unreadableRule')}${locale === 'zh' ? '。' : '. '}${formatWord(locale, 'unreadableRuleFull')}` },
    defaultConfiguration: { level: 'error' },
    properties: { category: 'read', tags: ['read'], synthetic: true },
  };
}

function editsJson(edits: Edit[]): Json[] {
  return edits.map((e) => ({ sheet: e.sheet, a1: e.a1, before: e.before, after: e.after }));
}

function cellLocation(uri: string, artifactIndex: number, d: Diagnostic): JsonObject {
  const { sheet, a1, row, path } = d.location;
  const physical: JsonObject = { artifactLocation: { uri, index: artifactIndex } };
  if (row !== undefined && a1) physical.region = { startLine: row + 1, properties: { startLineIs: 'sheet-row', ...(sheet ? { sheet } : {}), a1 } };
  const logical: Json[] = [];
  if (a1) logical.push({ name: a1, ...(sheet ? { fullyQualifiedName: qualifiedCell(sheet, a1) } : {}), kind: 'element' });
  else if (path) logical.push({ name: path.split('/').pop() || path, fullyQualifiedName: path, kind: 'property' });
  if (d.indicator) logical.push({ name: d.indicator.name || indicatorPath(d.indicator), fullyQualifiedName: indicatorPath(d.indicator), kind: 'object' });
  return { physicalLocation: physical, ...(logical.length ? { logicalLocations: logical } : {}) };
}

function findingResult(d: Diagnostic, ruleIndex: number, uri: string, artifactIndex: number, locale: Locale, suppressedBecause?: string): JsonObject {
  const { sheet, a1, row, col, path } = d.location;
  const place = [d.ruleId, d.messageId, sheet && a1 ? qualifiedCell(sheet, a1) : (a1 ?? path ?? ''), d.indicator ? indicatorPath(d.indicator) : ''].join('\u0000');
  const properties: JsonObject = {
    severity: d.severity,
    category: d.category,
    messageId: d.messageId,
    ...(d.data ? { data: d.data } : {}),
    ...(sheet !== undefined ? { sheet } : {}),
    ...(a1 !== undefined ? { a1 } : {}),
    // 0-based, as in the model and --format json; a1 is the address people read.
    ...(row !== undefined ? { row } : {}),
    ...(col !== undefined ? { col } : {}),
    ...(path !== undefined ? { path } : {}),
    ...(d.indicator ? { indicator: { ...d.indicator } } : {}),
    ...(d.declarationIndex !== undefined ? { declarationIndex: d.declarationIndex } : {}),
  };
  if (d.fix) properties.fix = { description: `${formatWord(locale, 'fix')}：${d.fix.edits.map((e) => describeEdit(e, locale)).join('；')}`, edits: editsJson(d.fix.edits) };
  if (d.suggestions?.length) properties.suggestions = d.suggestions.map((s) => ({ description: s.desc, messageId: s.messageId, edits: editsJson(s.edits) }));
  return {
    ruleId: d.ruleId,
    ruleIndex,
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [cellLocation(uri, artifactIndex, d)],
    partialFingerprints: { 'jxlintFinding/v1': fingerprint(place) },
    ...(suppressedBecause !== undefined ? { suppressions: [{ kind: 'external', justification: suppressedBecause }] } : {}),
    properties,
  };
}

function problemLocation(uri: string, artifactIndex: number, p: ReadProblem): JsonObject {
  return {
    physicalLocation: { artifactLocation: { uri, index: artifactIndex } },
    ...(p.at ? { logicalLocations: [{ name: p.at.a1, fullyQualifiedName: qualifiedCell(p.at.sheet, p.at.a1), kind: 'element' }] } : {}),
  };
}

function artifactFor(file: LintFileResult, uri: string): JsonObject {
  const mimeType = file.format ? MIME[file.format] : undefined;
  return {
    location: { uri },
    roles: ['analysisTarget'],
    ...(mimeType ? { mimeType } : {}),
    properties: {
      ...(file.format ? { format: file.format } : {}),
      forms: file.declarations.length,
      indicators: file.declarations.reduce((n, d) => n + d.indicators.length, 0),
      unreadable: file.problems.some((p) => p.fatal),
    },
  };
}

/** The SARIF log as an object (for callers that add to it); `formatSarif` writes it. */
export function sarifLog(run: LintRunResult, locale: Locale, options: SarifOptions): JsonObject {
  const base = options.informationUri ?? 'https://jxlint.dev/';
  const infos = new Map<string, SarifRuleInfo>();
  for (const info of options.rules) infos.set(info.id, info);

  // Rules in the run: every rule with a finding (kept or suppressed), sorted for stable output.
  const categories = new Map<string, string>();
  for (const f of run.files) for (const d of [...f.diagnostics, ...f.suppressed.map((s) => s.diagnostic)]) if (!categories.has(d.ruleId)) categories.set(d.ruleId, d.category);
  const ruleIds = [...categories.keys()].sort();
  const anyUnreadable = run.files.some((f) => f.problems.some((p) => p.fatal));
  const rules = ruleIds.map((id) => ruleDescriptor(id, infos.get(id), categories.get(id)!, locale, base));
  if (anyUnreadable) rules.push(unreadableDescriptor(locale));
  const ruleIndex = new Map([...ruleIds, ...(anyUnreadable ? [UNREADABLE_RULE_ID] : [])].map((id, i) => [id, i]));

  const artifacts: JsonObject[] = [];
  const results: JsonObject[] = [];
  const notifications: JsonObject[] = [];
  for (const file of run.files) {
    const uri = fileUri(file.file);
    const artifactIndex = artifacts.push(artifactFor(file, uri)) - 1;
    for (const p of file.problems) {
      const text = formatReadProblem(p, locale);
      const properties = { code: p.code, ...(p.data ? { data: p.data } : {}) };
      if (p.fatal) {
        results.push({
          ruleId: UNREADABLE_RULE_ID,
          ruleIndex: ruleIndex.get(UNREADABLE_RULE_ID)!,
          level: 'error',
          message: { text },
          locations: [problemLocation(uri, artifactIndex, p)],
          partialFingerprints: { 'jxlintFinding/v1': fingerprint([UNREADABLE_RULE_ID, p.code, file.file].join('\u0000')) },
          properties,
        });
      } else {
        notifications.push({ level: 'note', message: { text }, descriptor: { id: p.code }, locations: [problemLocation(uri, artifactIndex, p)], properties });
      }
    }
    for (const d of file.diagnostics) results.push(findingResult(d, ruleIndex.get(d.ruleId)!, uri, artifactIndex, locale));
    for (const s of file.suppressed) results.push(findingResult(s.diagnostic, ruleIndex.get(s.diagnostic.ruleId)!, uri, artifactIndex, locale, s.reason));
  }

  const suppressionFiles = new Map<string, number>();
  for (const u of run.unusedSuppressions) {
    let index = suppressionFiles.get(u.source);
    if (index === undefined) {
      index = artifacts.push({ location: { uri: fileUri(u.source) }, roles: ['userSpecifiedConfiguration'] }) - 1;
      suppressionFiles.set(u.source, index);
    }
    notifications.push({
      level: 'warning',
      message: { text: formatWord(locale, 'unusedSuppression', { index: u.index + 1, rule: u.entry.rule, file: u.entry.file }) },
      descriptor: { id: 'unused-suppression' },
      locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(u.source), index } } }],
      properties: { index: u.index, entry: { ...u.entry } },
    });
  }

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'jxlint', version: options.toolVersion, informationUri: base, rules } },
        invocations: [{ executionSuccessful: true, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) }],
        language: LANGUAGE[locale],
        artifacts,
        results,
      },
    ],
  };
}

/** SARIF 2.1.0 text of a run (pretty-printed, ends with a newline). */
export function formatSarif(run: LintRunResult, locale: Locale, options: SarifOptions): string {
  return JSON.stringify(sarifLog(run, locale, options), null, 2) + '\n';
}
