/**
 * False positives count as much as hits: fixtures/wellformed-*.* are five declaration forms a
 * demanding finance-bureau reviewer passes without deductions (construction, procurement,
 * training, subsidy, event; V1 / V2 / V3 / V4 layouts; 2021 and legacy profiles — see their
 * sources in fixtures/build/forms/wellformed-*.ts). jxlint must find nothing to warn about in
 * them, under jxlint:recommended and under jxlint:strict (every rule on, info raised to warn).
 *
 * When a new rule fails here, decide honestly: if the form really has the defect, fix the form
 * source and regenerate; if it does not, the rule has a false positive — fix the rule, do not
 * bend the form to dodge it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
import type { Declaration } from '../src/model/declaration.js';
import type { Diagnostic } from '../src/model/diagnostic.js';
import { readDeclarations } from '../src/read/read.js';

const fixturesDir = new URL('../fixtures/', import.meta.url);
const FILES = readdirSync(fixturesDir)
  .filter((f) => /^wellformed-[a-z-]+\.(xlsx|xls|ods|csv|json|yaml)$/.test(f))
  .sort();

function read(file: string): Declaration[] {
  const result = readDeclarations(new Uint8Array(readFileSync(new URL(file, fixturesDir))), file);
  expect(result.problems.filter((p) => p.fatal), `${file}: fatal read problems`).toEqual([]);
  expect(result.declarations, `${file}: one declaration`).toHaveLength(1);
  expect(result.declarations[0]!.kind).toBe('declaration');
  return result.declarations;
}

/** One line per finding, readable in an assertion message: severity, rule id, cell, indicator, message. */
function describeFindings(findings: Diagnostic[]): string {
  return findings
    .map((d) => {
      const cell = d.location.sheet && d.location.a1 ? `${d.location.sheet}!${d.location.a1}` : (d.location.path ?? '(form)');
      const row = d.indicator ? ` [${[d.indicator.level1, d.indicator.level2, d.indicator.name].filter(Boolean).join(' / ')}]` : '';
      return `  ${d.severity} ${d.ruleId} @ ${d.location.file ?? ''}:${cell}${row} — ${d.message}`;
    })
    .join('\n');
}

const serious = (findings: Diagnostic[]) => findings.filter((d) => d.severity === 'error' || d.severity === 'warning');

describe('well-formed declarations raise no warning or error', () => {
  it('has the five kinds', () => {
    expect(FILES.map((f) => f.replace(/\.\w+$/, ''))).toEqual([
      'wellformed-construction',
      'wellformed-event',
      'wellformed-procurement',
      'wellformed-subsidy',
      'wellformed-training',
    ]);
  });

  for (const file of FILES) {
    describe(file, () => {
      it('jxlint:recommended: no error or warning', () => {
        const findings = serious(lint(read(file), { file }));
        expect(findings, `${file} (jxlint:recommended):\n${describeFindings(findings)}`).toEqual([]);
      });

      it('jxlint:strict: no error or warning (info is raised to warn there)', () => {
        const findings = serious(lint(read(file), { file, config: { extends: 'jxlint:strict' } }));
        expect(findings, `${file} (jxlint:strict):\n${describeFindings(findings)}`).toEqual([]);
      });

      it('jxlint:recommended: no info either', () => {
        // Info is advice and would be allowed, but these forms leave nothing to advise on (and
        // jxlint:strict, which raises info to warn, already demands the same).
        const info = lint(read(file), { file }).filter((d) => d.severity === 'info');
        expect(info, `${file} (jxlint:recommended, info):\n${describeFindings(info)}`).toEqual([]);
      });
    });
  }
});
