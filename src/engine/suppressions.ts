import { Ajv } from 'ajv';
import type { Diagnostic } from '../model/diagnostic.js';
import { ajvReason } from '../text/data-text.js';
import { isGlob, matchesGlob } from '../text/glob.js';
import { ConfigError } from './errors.js';

/**
 * A finding a unit has looked at and accepted, recorded outside the workbook (templates are fixed,
 * so nothing is written into the form). A reason is required: a reviewer reads it.
 */
export interface SuppressionEntry {
  /** Path or glob of the form, relative to the suppressions file. */
  file: string;
  rule: string;
  /** A1 address, optionally with the sheet: "E12" or "项目支出绩效目标申报表!E12". */
  cell?: string;
  /** The 三级指标 name the finding is about. */
  indicator?: string;
  reason: string;
}

export interface SuppressedDiagnostic {
  diagnostic: Diagnostic;
  reason: string;
}

const schema = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['file', 'rule', 'reason'],
    properties: {
      file: { type: 'string', minLength: 1 },
      rule: { type: 'string', minLength: 1 },
      cell: { type: 'string', minLength: 1 },
      indicator: { type: 'string', minLength: 1 },
      reason: { type: 'string', minLength: 1, pattern: '\\S' },
    },
    anyOf: [{ required: ['cell'] }, { required: ['indicator'] }],
  },
};

/** Validates a parsed suppressions file: an array of entries, or { suppressions: [...] }. */
export function parseSuppressions(value: unknown, source: string): SuppressionEntry[] {
  const list = value && typeof value === 'object' && !Array.isArray(value) && 'suppressions' in value ? (value as { suppressions: unknown }).suppressions : value;
  const validate = new Ajv({ allErrors: false, strict: false }).compile(schema);
  if (!validate(list)) {
    const error = validate.errors![0]!;
    const index = /^\/(\d+)/.exec(error.instancePath)?.[1];
    const where = index !== undefined ? `第 ${Number(index) + 1} 条` : '（根）';
    const field = error.instancePath.split('/').slice(2).join('.');
    const reason =
      error.keyword === 'anyOf' || error.schemaPath.includes('/anyOf/')
        ? '应写明 cell（单元格）或 indicator（三级指标名称）'
        : (error.params as { missingProperty?: string }).missingProperty === 'reason' || (field === 'reason' && error.keyword !== 'type')
          ? '必须写明忽略理由 reason'
          : `${field ? field + ' ' : ''}${ajvReason(error)}`;
    throw new ConfigError(`忽略清单 ${source} 有误：${where}${reason}`, source);
  }
  return list as SuppressionEntry[];
}

function cellMatches(entry: SuppressionEntry, d: Diagnostic): boolean {
  if (!entry.cell) return true;
  const bang = entry.cell.lastIndexOf('!');
  const sheet = bang >= 0 ? entry.cell.slice(0, bang).replace(/^'|'$/g, '') : undefined;
  const a1 = (bang >= 0 ? entry.cell.slice(bang + 1) : entry.cell).replace(/\$/g, '').toUpperCase();
  return d.location.a1 === a1 && (sheet === undefined || d.location.sheet === sheet);
}

export function entryMatchesFile(entry: SuppressionEntry, relativePath: string): boolean {
  const file = entry.file.replace(/^\.\//, '');
  return isGlob(file) ? matchesGlob(relativePath, file) : file === relativePath;
}

/**
 * Splits one file's diagnostics into kept and suppressed. `used` collects the indexes of entries
 * that matched something, so the run can report the ones that no longer match anything.
 */
export function applySuppressions(
  diagnostics: Diagnostic[],
  entries: SuppressionEntry[],
  relativePath: string,
  used: Set<number>,
): { kept: Diagnostic[]; suppressed: SuppressedDiagnostic[] } {
  const candidates = entries.map((entry, index) => ({ entry, index })).filter(({ entry }) => entryMatchesFile(entry, relativePath));
  const kept: Diagnostic[] = [];
  const suppressed: SuppressedDiagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const hit = candidates.find(
      ({ entry }) => entry.rule === diagnostic.ruleId && cellMatches(entry, diagnostic) && (!entry.indicator || entry.indicator === diagnostic.indicator?.name),
    );
    if (hit) {
      used.add(hit.index);
      suppressed.push({ diagnostic, reason: hit.entry.reason });
    } else kept.push(diagnostic);
  }
  return { kept, suppressed };
}
