import type { Diagnostic } from '../model/diagnostic.js';
import type { LintFileResult, LintRunResult } from '../model/result.js';
import { formatReadProblem, type Locale } from '../i18n/read-messages.js';
import { formatWord } from '../i18n/formats.js';
import { ui } from '../i18n/ui.js';
import { describeEdit, findingPlace, groupBy, indicatorPath } from './common.js';

/**
 * JUnit XML for CI test reports (Jenkins, GitLab, Azure DevOps): one `<testsuite>` per file; in
 * it one `<testcase>` per rule with findings (a `<failure>` each: message = the finding, type =
 * the rule, body = cell, indicator, level, fix and suggestions), `<skipped>` for a rule whose
 * findings were all suppressed, one passing `jxlint` testcase for a readable file without
 * findings, and an `<error>` testcase for a file that could not be read.
 */

/** Test case of a whole file: passes when the file is clean, errors when it cannot be read. */
export const FILE_CASE_NAME = 'jxlint';

// XML 1.0 allows tab, LF, CR and U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF. Anything else
// (control characters, lone surrogates, U+FFFE/U+FFFF) makes the whole report unparsable: replace it.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text content: markup characters escaped (`>` too, so `]]>` cannot appear), CR kept as a reference. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD').replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };

/** Attribute value (double-quoted): line breaks and tabs as references, or parsers fold them to spaces. */
export function xmlAttribute(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD').replace(/[&<>"'\n\r\t]/g, (c) => ATTRIBUTE_ESCAPES[c]!);
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${xmlAttribute(String(value))}"`)
    .join('');
}

function findingBody(d: Diagnostic, locale: Locale): string {
  const colon = locale === 'zh' ? '：' : ': ';
  const lines: string[] = [];
  const place = findingPlace(d);
  if (place) lines.push(`${formatWord(locale, 'cell')}${colon}${place}`);
  if (d.indicator) lines.push(`${formatWord(locale, 'indicator')}${colon}${indicatorPath(d.indicator)}`);
  lines.push(`${formatWord(locale, 'level')}${colon}${ui(locale, d.severity)}`);
  if (d.fix) lines.push(`${formatWord(locale, 'fix')}${colon}${d.fix.edits.map((e) => describeEdit(e, locale)).join(locale === 'zh' ? '；' : '; ')}`);
  for (const s of d.suggestions ?? []) lines.push(`${formatWord(locale, 'suggestion')}${colon}${s.desc}`);
  return lines.join('\n');
}

interface Case {
  xml: string;
  outcome: 'passed' | 'failure' | 'error' | 'skipped';
}

function ruleCases(file: LintFileResult, locale: Locale): Case[] {
  const kept = groupBy(file.diagnostics, (d) => d.ruleId);
  const suppressed = groupBy(file.suppressed, (s) => s.diagnostic.ruleId);
  const cases: Case[] = [];
  for (const ruleId of new Set([...kept.keys(), ...suppressed.keys()])) {
    const head = `    <testcase${attributes({ classname: file.file, name: ruleId })}>`;
    const accepted = (suppressed.get(ruleId) ?? []).map((s) => [findingPlace(s.diagnostic), formatWord(locale, 'suppressedBecause', { reason: s.reason })].filter(Boolean).join(' '));
    const findings = kept.get(ruleId);
    if (findings) {
      const failures = findings.map((d) => `      <failure${attributes({ message: d.message, type: ruleId })}>${xmlText(findingBody(d, locale))}</failure>`);
      const out = accepted.length ? [`      <system-out>${xmlText(accepted.join('\n'))}</system-out>`] : [];
      cases.push({ xml: [head, ...failures, ...out, '    </testcase>'].join('\n'), outcome: 'failure' });
    } else {
      const reasons = [...new Set(suppressed.get(ruleId)!.map((s) => s.reason))].join(locale === 'zh' ? '；' : '; ');
      cases.push({
        xml: [head, `      <skipped${attributes({ message: formatWord(locale, 'suppressedBecause', { reason: reasons }) })}>${xmlText(accepted.join('\n'))}</skipped>`, '    </testcase>'].join('\n'),
        outcome: 'skipped',
      });
    }
  }
  return cases;
}

function fileSuite(file: LintFileResult, locale: Locale): { xml: string; cases: Case[] } {
  const cases: Case[] = [];
  const fatal = file.problems.filter((p) => p.fatal);
  if (fatal.length) {
    const errors = fatal.map((p) => `      <error${attributes({ message: formatReadProblem(p, locale), type: p.code })}>${xmlText(`${formatWord(locale, 'readProblem')}${locale === 'zh' ? '：' : ': '}${formatReadProblem(p, locale)}`)}</error>`);
    cases.push({ xml: [`    <testcase${attributes({ classname: file.file, name: FILE_CASE_NAME })}>`, ...errors, '    </testcase>'].join('\n'), outcome: 'error' });
  }
  cases.push(...ruleCases(file, locale));
  if (!fatal.length && file.diagnostics.length === 0) cases.push({ xml: `    <testcase${attributes({ classname: file.file, name: FILE_CASE_NAME })}/>`, outcome: 'passed' });

  const notes = file.problems.filter((p) => !p.fatal).map((p) => `${formatWord(locale, 'readProblem')}${locale === 'zh' ? '：' : ': '}${formatReadProblem(p, locale)}`);
  const counts = tally(cases);
  const xml = [
    `  <testsuite${attributes({ name: file.file, tests: cases.length, failures: counts.failure, errors: counts.error, skipped: counts.skipped })}>`,
    ...cases.map((c) => c.xml),
    ...(notes.length ? [`    <system-out>${xmlText(notes.join('\n'))}</system-out>`] : []),
    '  </testsuite>',
  ].join('\n');
  return { xml, cases };
}

function tally(cases: Case[]): Record<Case['outcome'], number> {
  const counts = { passed: 0, failure: 0, error: 0, skipped: 0 };
  for (const c of cases) counts[c.outcome]++;
  return counts;
}

/** The JUnit XML report of a run. */
export function formatJunit(run: LintRunResult, locale: Locale = 'zh'): string {
  const suites = run.files.map((file) => fileSuite(file, locale));
  const counts = tally(suites.flatMap((s) => s.cases));
  const total = suites.reduce((n, s) => n + s.cases.length, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: 'jxlint', tests: total, failures: counts.failure, errors: counts.error, skipped: counts.skipped })}>`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
}
