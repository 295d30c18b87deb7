import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { gridFromSpec } from '../../src/engine/testing.js';
import { formatGithub } from '../../src/format/github.js';
import { formatLintJson } from '../../src/format/json.js';
import { formatJunit } from '../../src/format/junit.js';
import { formatSarif } from '../../src/format/sarif.js';
import type { LintRunResult } from '../../src/model/result.js';
import { declarationsFromGrid } from '../../src/read/read.js';
import { findAll, lintRead, parseCommand, parseXml, root, ruleInfos, withSuppressions } from './helpers.js';
import { sarifErrors } from './sarif-schema.js';

/**
 * Cell text from other units' files, built into a real form (the standard template, read by the
 * real locator) so every rule that quotes a cell quotes these. The `指标N：` prefixes make
 * name-stray-prefix report each one with the hostile text in its message and fix.
 */
const HOSTILE = [
  '<script>alert(1)</script>',
  ']]><x y="1">&amp;',
  '%0A::error::forged %25',
  '合格率\n::warning file=x.xlsx,title=t::forged\r\n::error::again',
  '=HYPERLINK("http://evil.example","点我") @SUM(1) +1 -1',
  '😀 |`code`| *b* _i_ [l](javascript:alert(1)) ~~s~~ $x$ #1 "q" \'s\' \\',
  '\u0000\u0001\u001b[31mred\u0007\uD800\uFFFE\u0085\u2028',
];
const BIG = '长'.repeat(1_000_000);
const FILE = `forms/恶意 <表>&"#1%,:.xlsx`;
const SHEET = `表'1 <x>,:!`;

/** What an XML 1.0 parser can hold: anything else is replaced with U+FFFD. */
function xmlSafe(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const ok = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || cp >= 0x10000;
    out += ok ? ch : '\uFFFD';
  }
  return out;
}

let run: LintRunResult;

beforeAll(() => {
  const grid = gridFromSpec({
    project: { name: `测试项目 ${HOSTILE[0]}` },
    goals: { overall: `完成培训 ${HOSTILE[1]}`, annual: '完成培训' },
    indicators: [
      ...HOSTILE.map((text, i) => [i === 0 ? '产出指标' : '', '数量指标', `指标${i + 1}：${text}`, '≥10人']),
      ['', '数量指标', `指标9：${BIG}`, '≥10人'],
      ['满意度指标', '服务对象满意度指标', '参训人员满意度', '≥90%'],
    ],
  });
  grid.sheets[0]!.name = SHEET;
  const file = lintRead(declarationsFromGrid(grid, FILE));
  run = withSuppressions([file], [
    { file: FILE, rule: 'name-stray-prefix', cell: `${SHEET}!C13`, reason: `</skipped>]]>${HOSTILE[2]}\n${HOSTILE[6]}` },
    { file: FILE, rule: 'missing-unit', indicator: HOSTILE[0], reason: HOSTILE[3] },
  ], `config/${HOSTILE[0]}.yaml`);
}, 60_000);

describe('hostile cell text', () => {
  it('reaches the findings: messages, fixes and a suppression carry it', () => {
    const file = run.files[0]!;
    const prefixed = file.diagnostics.filter((d) => d.ruleId === 'name-stray-prefix');
    expect(prefixed.length).toBe(HOSTILE.length);
    expect(prefixed.some((d) => d.message.includes('<script>alert(1)</script>'))).toBe(true);
    expect(prefixed.some((d) => d.fix!.edits[0]!.before.includes('\n::warning file='))).toBe(true);
    expect(file.suppressed).toHaveLength(1);
    // A megabyte cell is quoted by its first characters, never pasted whole into a message.
    expect(Math.max(...file.diagnostics.map((d) => d.message.length))).toBeLessThan(2_000);
    expect(file.diagnostics.some((d) => d.message.includes(`${'长'.repeat(100)}…`))).toBe(true);
  });

  it('SARIF: valid, every message and edit read back exactly, file and sheet names encoded', () => {
    const text = formatSarif(run, 'zh', { toolVersion: '0.1.0', rules: ruleInfos });
    const log = JSON.parse(text) as { runs: { artifacts: { location: { uri: string } }[]; results: { message: { text: string }; properties: { fix?: { edits: unknown[] } }; locations: { logicalLocations?: { fullyQualifiedName?: string }[] }[]; suppressions?: { justification: string }[] }[] }[] };
    expect(sarifErrors(log)).toEqual([]);
    const [sarif] = log.runs;
    const file = run.files[0]!;
    const all = [...file.diagnostics, ...file.suppressed.map((s) => s.diagnostic)];
    expect(sarif!.results.map((r) => r.message.text)).toEqual(all.map((d) => d.message));
    expect(sarif!.results.map((r) => r.properties.fix?.edits)).toEqual(all.map((d) => d.fix?.edits));
    expect(sarif!.results.at(-1)!.suppressions![0]!.justification).toBe(file.suppressed[0]!.reason);
    expect(decodeURIComponent(sarif!.artifacts[0]!.location.uri)).toBe(FILE);
    expect(sarif!.artifacts[0]!.location.uri).toMatch(/^[A-Za-z0-9\-._~/%!$&'()*+;=]+$/);
    expect(sarif!.results[0]!.locations[0]!.logicalLocations![0]!.fullyQualifiedName).toMatch(/^'表''1 <x>,:!'![A-Z]+\d+$/);
  });

  it('JUnit: well-formed XML 1.0 whose values read back as the findings (bad characters replaced)', () => {
    const xml = formatJunit(run);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain(']]>');
    expect(xml).not.toContain('<x');
    const doc = parseXml(xml);
    const file = run.files[0]!;
    const failures = findAll(doc, 'failure');
    expect(failures.map((f) => f.attributes.message)).toEqual(
      [...new Map(file.diagnostics.map((d) => [d.ruleId, file.diagnostics.filter((x) => x.ruleId === d.ruleId)])).values()].flat().map((d) => xmlSafe(d.message)),
    );
    const suite = findAll(doc, 'testsuite')[0]!;
    expect(suite.attributes.name).toBe(FILE);
    const fixed = failures.find((f) => f.text.includes('::warning file=x.xlsx'))!;
    expect(fixed.text).toContain(`可自动修复：'表''1 <x>,:!'!C15：“指标4：合格率\n::warning file=x.xlsx,title=t::forged`);
    const accepted = findAll(doc, 'system-out').map((s) => s.text).join('\n');
    expect(accepted).toContain(xmlSafe(`已按忽略清单忽略：</skipped>]]>${HOSTILE[2]}\n${HOSTILE[6]}`));
  });

  it('GitHub: no text starts a command of its own; messages decode to the findings; the summary table holds', () => {
    const { annotations, summary } = formatGithub(run);
    const lines = annotations.trimEnd().split('\n');
    const file = run.files[0]!;
    // One line per annotation (≤ 10 per level) plus at most the plain "left out" line.
    for (const line of lines) expect(/^::(error|warning|notice) file=[^:]*::/.test(line) || line.startsWith('jxlint：')).toBe(true);
    const want = { error: 0, warning: 0, notice: run.unusedSuppressions.length + file.problems.length };
    for (const d of file.diagnostics) want[d.severity === 'info' ? 'notice' : d.severity]++;
    expect(lines.filter((l) => l.startsWith('::'))).toHaveLength(Math.min(10, want.error) + Math.min(10, want.warning) + Math.min(10, want.notice));
    // Read back as the runner does, each message is the finding (controls shown as U+FFFD).
    const decoded = lines.filter((l) => l.startsWith('::')).map(parseCommand);
    const expected = new Map<string, string[]>();
    for (const d of file.diagnostics) {
      const title = `'表''1 <x>,:!'!${d.location.a1} ${d.ruleId}`;
      expected.set(title, [...(expected.get(title) ?? []), d.message.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '\uFFFD')]);
    }
    for (const c of decoded.filter((x) => x.properties.file === FILE)) {
      const first = c.message.split('\n')[0]!;
      if (!first.includes('…（已截断')) expect(expected.get(c.properties.title!)).toContain(first);
    }
    expect(decoded.filter((c) => c.properties.file === FILE).length).toBeGreaterThan(5);
    const forged = lines.find((l) => l.includes('title=t::forged'))!;
    // The reader's cleaned name has the line break folded; the fix's `before` is the raw cell, encoded.
    expect(forged).toContain('“指标4：合格率%0A::warning file=x.xlsx,title=t::f…”');
    expect(lines.find((l) => l.includes('%250A::error::forged %2525'))).toBeDefined();
    expect(annotations).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/);
    // The megabyte name is cut: messages quote its start only.
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(8_000);
    expect(annotations).toContain(`${'长'.repeat(100)}…`);
    // The file property cannot end early: its `,` and `:` are encoded.
    expect(lines[0]).toMatch(/^::\w+ file=forms\/恶意 <表>&"#1%25%2C%3A\.xlsx,title=/);

    expect(new TextEncoder().encode(summary).length).toBeLessThan(1_048_576);
    expect(summary).not.toMatch(/<(?!br>)/);
    expect(summary).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const rows = summary.split('\n').filter((l) => l.startsWith('| '));
    // Every row keeps its six column separators: cell text cannot add or remove one.
    for (const row of rows) expect(row.match(/(?<!\\)\|/g)).toHaveLength(6);
  });

  it('JSON: valid against schema/results.schema.json and exact', () => {
    const schema = JSON.parse(readFileSync(join(root, 'schema/results.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const out = JSON.parse(formatLintJson(run)) as { files: { diagnostics: { message: string }[] }[] };
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
    expect(out.files[0]!.diagnostics.map((d) => d.message)).toEqual(run.files[0]!.diagnostics.map((d) => d.message));
  });
});
