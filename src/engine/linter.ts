import type { CellRef } from '../model/cell.js';
import type { Declaration, Indicator } from '../model/declaration.js';
import type { Diagnostic, DiagnosticLocation, Edit, Severity, Suggestion } from '../model/diagnostic.js';
import type { Locale } from '../i18n/read-messages.js';
import { fillPlaceholders } from '../i18n/read-messages.js';
import type { Lexicon } from '../../rules/lexicon/types.js';
import { RuleContractError } from './errors.js';
import { detectProfile } from './profile.js';
import type { Profile, ReportDescriptor, ReportTarget, AnyRule, RuleContext, RuleVisitors } from './rule.js';

/** A rule switched on for a run, with its severity and validated options. */
export interface EnabledRule {
  rule: AnyRule;
  severity: Severity;
  options: unknown;
}

export interface LintSettings {
  rules: EnabledRule[];
  lexicon: Lexicon;
  /** 'auto' detects the taxonomy from each form. */
  profile: Profile | 'auto';
  locale: Locale;
  file?: string;
}

function locationOf(target: ReportTarget | undefined, file: string | undefined): DiagnosticLocation {
  const base: DiagnosticLocation = file ? { file } : {};
  if (!target) return base;
  if ('path' in target && typeof target.path === 'string') return { ...base, path: target.path };
  const cell: CellRef | undefined = 'a1' in target && typeof target.a1 === 'string' ? (target as CellRef) : (target as { at?: CellRef }).at;
  return cell ? { ...base, sheet: cell.sheet, a1: cell.a1, row: cell.row, col: cell.col } : base;
}

function checkEdits(ruleId: string, edits: unknown, what: string): Edit[] {
  if (!Array.isArray(edits)) throw new RuleContractError(ruleId, `${what} 必须是编辑数组`);
  for (const e of edits as Edit[]) {
    if (!e || typeof e.sheet !== 'string' || typeof e.a1 !== 'string' || typeof e.before !== 'string' || typeof e.after !== 'string') {
      throw new RuleContractError(ruleId, `${what} 中的编辑应为 { sheet, a1, before, after }`);
    }
  }
  return edits as Edit[];
}

/** Longest cell text a message quotes in full; the finding's location points at the whole cell. */
const MAX_QUOTE = 120;

/** Messages quote cell text: a paragraph-long cell is quoted by its start, not pasted whole. */
function shortenQuotes(data: Record<string, string | number>): Record<string, string | number> {
  let out: Record<string, string | number> | undefined;
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== 'string' || value.length <= MAX_QUOTE) continue;
    // Never cut between the two halves of a character outside the BMP (𠀀, emoji).
    const end = /[\ud800-\udbff]/.test(value[MAX_QUOTE - 2]!) ? MAX_QUOTE - 2 : MAX_QUOTE - 1;
    (out ??= { ...data })[key] = `${value.slice(0, end)}…`;
  }
  return out ?? data;
}

function makeContext(
  enabled: EnabledRule,
  settings: LintSettings,
  profile: Profile,
  declaration: Declaration,
  declarationIndex: number,
  out: Diagnostic[],
  current: { indicator?: Indicator },
): RuleContext<string, unknown> {
  const { rule, severity, options } = enabled;
  const { meta } = rule;
  const render = (messageId: string, data: Record<string, string | number> | undefined): string => {
    const template = meta.messages[messageId];
    if (!template) throw new RuleContractError(meta.id, `报告了未声明的 messageId “${messageId}”`);
    return fillPlaceholders(template[settings.locale] ?? template.zh, data && shortenQuotes(data));
  };
  return {
    id: meta.id,
    options,
    lexicon: settings.lexicon,
    profile,
    locale: settings.locale,
    ...(settings.file ? { file: settings.file } : {}),
    report(descriptor: ReportDescriptor<string>) {
      const indicator = descriptor.indicator ?? current.indicator;
      const message = render(descriptor.messageId, descriptor.data);
      const target = descriptor.at ?? indicator?.name ?? declaration.title;
      const diagnostic: Diagnostic = {
        ruleId: meta.id,
        severity: descriptor.severity === undefined ? severity : shiftedSeverity(meta.id, descriptor.severity, meta.defaultSeverity, severity),
        category: meta.category,
        messageId: descriptor.messageId,
        message,
        ...(descriptor.data ? { data: descriptor.data } : {}),
        location: locationOf(target, settings.file),
        declarationIndex,
      };
      if (indicator) {
        diagnostic.indicator = {
          ...(indicator.level1 ? { level1: indicator.level1.text } : {}),
          ...(indicator.level2 ? { level2: indicator.level2.text } : {}),
          name: indicator.name.text,
          row: indicator.row,
        };
      }
      if (descriptor.fix) {
        if (!meta.fixable) throw new RuleContractError(meta.id, '提供了自动修复，但 meta.fixable 不为 true');
        diagnostic.fix = { edits: checkEdits(meta.id, descriptor.fix, 'fix') };
      }
      if (descriptor.suggest?.length) {
        if (!meta.hasSuggestions) throw new RuleContractError(meta.id, '提供了改写建议，但 meta.hasSuggestions 不为 true');
        diagnostic.suggestions = descriptor.suggest.map(
          (s): Suggestion => ({
            messageId: s.messageId,
            desc: render(s.messageId, s.data),
            ...(s.data ? { data: s.data } : {}),
            edits: checkEdits(meta.id, s.edits, 'suggest'),
          }),
        );
      }
      out.push(diagnostic);
    },
  };
}

function contractError(ruleId: string, error: unknown): RuleContractError {
  if (error instanceof RuleContractError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new RuleContractError(ruleId, `运行时出错：${reason}`);
}

/**
 * Runs the enabled rules over the declarations of one file: `declaration` visitors, then
 * `indicator` visitors row by row, then `declarationExit`. Diagnostics come back sorted by sheet
 * position. Isomorphic: data in, data out.
 */
export function lintDeclarations(declarations: Declaration[], settings: LintSettings): Diagnostic[] {
  const out: Diagnostic[] = [];
  // One try per form rather than per visitor call: this loop runs rules × rows times. `current`
  // names the rule that was running when something threw.
  let current = '';
  declarations.forEach((declaration, index) => {
    try {
      const profile = settings.profile === 'auto' ? detectProfile(declaration) : settings.profile;
      const state: { indicator?: Indicator } = {};
      const active: { id: string; visitors: RuleVisitors }[] = [];
      for (const enabled of settings.rules) {
        current = enabled.rule.meta.id;
        const context = makeContext(enabled, settings, profile, declaration, index, out, state);
        active.push({ id: current, visitors: enabled.rule.create(context) ?? {} });
      }
      for (const { id, visitors } of active) {
        current = id;
        visitors.declaration?.(declaration);
      }
      const withIndicator = active.filter((a) => a.visitors.indicator);
      for (const indicator of declaration.indicators) {
        state.indicator = indicator;
        for (const { id, visitors } of withIndicator) {
          current = id;
          visitors.indicator!(indicator, declaration);
        }
      }
      state.indicator = undefined;
      for (const { id, visitors } of active) {
        current = id;
        visitors.declarationExit?.(declaration);
      }
    } catch (error) {
      throw contractError(current, error);
    }
  });
  return sortDiagnostics(out);
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const BY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

/** A finding's own level (stated for the rule's default level), moved as the configured level moves the rule. */
function shiftedSeverity(ruleId: string, finding: Severity, ruleDefault: Severity, configured: Severity): Severity {
  if (!Object.hasOwn(SEVERITY_ORDER, finding)) throw new RuleContractError(ruleId, `报告的 severity “${String(finding)}”应为 error/warning/info`);
  const order = SEVERITY_ORDER[finding] + SEVERITY_ORDER[configured] - SEVERITY_ORDER[ruleDefault];
  return BY_ORDER[Math.min(2, Math.max(0, order))]!;
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      (a.declarationIndex ?? 0) - (b.declarationIndex ?? 0) ||
      (a.location.row ?? -1) - (b.location.row ?? -1) ||
      (a.location.col ?? -1) - (b.location.col ?? -1) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.ruleId.localeCompare(b.ruleId),
  );
}
