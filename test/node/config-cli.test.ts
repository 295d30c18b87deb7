import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { openPackage } from '../../src/ooxml/package.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'dist/src/node/cli.js');

function jxlint(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A folder with a copy of a fixture and the given files. */
function workspace(fixture: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'jxlint-cfg-'));
  cpSync(join(root, 'fixtures', fixture), join(dir, fixture));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

type Json = { files: { diagnostics: { ruleId: string; location: { a1: string } }[]; suppressed: unknown[] }[]; unusedSuppressions: unknown[]; summary: Record<string, number> };
const json = (stdout: string) => JSON.parse(stdout) as Json;
const FORM = 'vertical-banners-centred.xlsx';

describe('configuration from the CLI', () => {
  it('without a config runs jxlint:recommended; a config with a rule off removes its findings', () => {
    const dir = workspace(FORM);
    const before = json(jxlint([FORM, '-f', 'json'], dir).stdout);
    const rules = new Set(before.files[0]!.diagnostics.map((d) => d.ruleId));
    expect(rules.has('value-operator-normalize')).toBe(true);
    writeFileSync(join(dir, 'jxlint.config.json'), JSON.stringify({ extends: 'jxlint:recommended', rules: { 'value-operator-normalize': 'off' } }));
    const after = json(jxlint([FORM, '-f', 'json'], dir).stdout);
    expect(after.files[0]!.diagnostics.filter((d) => d.ruleId === 'value-operator-normalize')).toEqual([]);
    expect(after.files[0]!.diagnostics.length).toBe(before.files[0]!.diagnostics.length - before.files[0]!.diagnostics.filter((d) => d.ruleId === 'value-operator-normalize').length);
  });

  it('finds the config by walking up, reads YAML and the jxlint key of package.json', () => {
    const dir = workspace(FORM, { 'package.json': JSON.stringify({ name: 'forms', jxlint: { rules: { 'value-operator-normalize': 'error' } } }) });
    const run = jxlint([FORM, '-f', 'json'], dir);
    expect(run.code).toBe(1);
    const yamlDir = workspace(FORM, { 'jxlint.config.yaml': 'rules:\n  value-operator-normalize: "off"\n' });
    expect(json(jxlint([FORM, '-f', 'json'], yamlDir).stdout).files[0]!.diagnostics.some((d) => d.ruleId === 'value-operator-normalize')).toBe(false);
  });

  it('a bad config: Chinese message with the file and the key path, exit 2', () => {
    const dir = workspace(FORM, { 'jxlint.config.json': JSON.stringify({ rules: { 'name-stray-prefix': ['warn', { stripStars: 'yes' }] } }) });
    const run = jxlint([FORM], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/jxlint\.config\.json 有误：rules\.name-stray-prefix\[1\]\.stripStars 类型应为布尔值/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const syntax = workspace(FORM, { 'jxlint.config.json': '{ "rules": { "x": "off", } }' });
    const bad = jxlint([FORM], syntax);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/jxlint\.config\.json 第 1 行第 \d+ 列语法错误/);
  });

  it('--rule, --quiet and --max-warnings', () => {
    // Start from no rules, so the flags alone decide what runs.
    const dir = workspace(FORM, { 'jxlint.config.json': '{ "extends": [] }' });
    expect(jxlint([FORM, '--rule', 'value-operator-normalize:error'], dir).code).toBe(1);
    const quiet = jxlint([FORM, '--quiet', '--rule', 'value-operator-normalize:warn'], dir);
    expect(quiet.stdout).not.toContain('value-operator-normalize');
    expect(jxlint([FORM, '--rule', 'value-operator-normalize:warn', '--max-warnings', '0'], dir).code).toBe(1);
    expect(jxlint([FORM, '--rule', 'value-operator-normalize:warn', '--max-warnings', '99'], dir).code).toBe(0);
    const bad = jxlint([FORM, '--rule', 'value-operator-normalize'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('应写成 规则id:级别');
  });

  it('a plugin from a local path adds a rule; a plugin that breaks the contract is named', () => {
    const plugin = `export default {
      name: 'my-org',
      rules: [{
        meta: { id: 'no-office-costs', category: 'budget', defaultSeverity: 'warning', recommended: false,
          docs: { description: { zh: '项目支出不列办公经费', en: 'no office costs' } },
          messages: { office: { zh: '“{name}”像是基本支出', en: '{name} looks like basic expenditure' } } },
        create(context) {
          return { indicator(ind) { if (ind.name.text.includes('办公')) context.report({ messageId: 'office', data: { name: ind.name.text } }); } };
        },
      }],
    };`;
    const dir = workspace('seed-turpan-2024.xlsx', {
      'my-plugin.mjs': plugin,
      'jxlint.config.json': JSON.stringify({ extends: 'jxlint:recommended', plugins: ['./my-plugin.mjs'], rules: { 'my-org/no-office-costs': 'warn' } }),
    });
    const run = json(jxlint(['seed-turpan-2024.xlsx', '-f', 'json'], dir).stdout);
    expect(run.files[0]!.diagnostics.filter((d) => d.ruleId === 'my-org/no-office-costs').map((d) => d.location.a1)).toEqual(['D21']);
    const listed = jxlint(['rules', '--config', 'jxlint.config.json'], dir);
    expect(listed.stdout).toContain('my-org/no-office-costs');

    writeFileSync(join(dir, 'my-plugin.mjs'), `export default { name: 'my-org', rules: [{ meta: { id: 'broken', category: 'budget', defaultSeverity: 'warning', docs: { description: { zh: 'x', en: 'x' } } }, create() { return {}; } }] };`);
    const broken = jxlint(['seed-turpan-2024.xlsx'], dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('插件 ./my-plugin.mjs 不符合插件约定：规则 broken 缺少 meta.messages');
  });

  it('--print-config shows the resolved config for a file; init writes a starter config once', () => {
    const dir = workspace(FORM, { 'jxlint.config.json': JSON.stringify({ extends: 'jxlint:recommended', overrides: [{ files: '*.xlsx', profile: 'legacy' }] }) });
    const printed = JSON.parse(jxlint(['--print-config', FORM], dir).stdout) as { profile: string; extends: string[]; rules: Record<string, unknown> };
    expect(printed.profile).toBe('legacy');
    expect(printed.extends).toEqual(['jxlint:recommended', join(dir, 'jxlint.config.json')]);
    expect(Object.keys(printed.rules)).toContain('level-name-valid');

    const empty = mkdtempSync(join(tmpdir(), 'jxlint-init-'));
    expect(jxlint(['init'], empty).code).toBe(0);
    const written = JSON.parse(readFileSync(join(empty, 'jxlint.config.json'), 'utf8')) as Record<string, unknown>;
    expect(written).toMatchObject({ extends: 'jxlint:recommended', profile: 'auto' });
    expect(String(written.$schema)).toContain('schema/config.schema.json');
    expect(jxlint(['init'], empty).code).toBe(2);
  });

  it('jxlint rules lists every rule with category, severity, fix flag and description', () => {
    const run = jxlint(['rules'], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/level-name-valid\s+归类\s+错误\s+✔\s+自动\s+一级、二级指标名称/);
    const list = JSON.parse(jxlint(['rules', '-f', 'json'], root).stdout) as { id: string }[];
    expect(list.map((r) => r.id)).toContain('value-operator-normalize');
  });
});

describe('suppressions from the CLI', () => {
  it('suppress findings with a reason, and report entries that match nothing', () => {
    const dir = workspace(FORM);
    const all = json(jxlint([FORM, '-f', 'json'], dir).stdout).files[0]!.diagnostics.filter((d) => d.ruleId === 'value-operator-normalize');
    expect(all.length).toBeGreaterThan(1);
    const first = all[0]!.location.a1;
    writeFileSync(
      join(dir, 'jxlint.suppressions.yaml'),
      `- file: ${FORM}\n  rule: value-operator-normalize\n  cell: ${first}\n  reason: 省级模板要求这样写\n- file: ${FORM}\n  rule: level-name-valid\n  cell: Z99\n  reason: 旧条目\n`,
    );
    writeFileSync(join(dir, 'jxlint.config.json'), '{}');
    const out = json(jxlint([FORM, '-f', 'json'], dir).stdout);
    expect(out.files[0]!.diagnostics.filter((d) => d.ruleId === 'value-operator-normalize').map((d) => d.location.a1)).not.toContain(first);
    expect(out.files[0]!.suppressed).toHaveLength(1);
    expect(out.unusedSuppressions).toHaveLength(1);
    const text = jxlint([FORM], dir).stdout;
    expect(text).toContain('忽略清单第 2 条（level-name-valid');
  });

  it('without a config, a suppressions file in the working folder applies', () => {
    const dir = workspace(FORM);
    const first = json(jxlint([FORM, '-f', 'json'], dir).stdout).files[0]!.diagnostics.find((d) => d.ruleId === 'value-operator-normalize')!.location.a1;
    writeFileSync(join(dir, 'jxlint.suppressions.yaml'), `- file: ${FORM}\n  rule: value-operator-normalize\n  cell: ${first}\n  reason: 省级模板要求这样写\n`);
    const out = json(jxlint([FORM, '-f', 'json'], dir).stdout);
    expect(out.files[0]!.suppressed).toHaveLength(1);
    expect(out.files[0]!.diagnostics.filter((d) => d.ruleId === 'value-operator-normalize').map((d) => d.location.a1)).not.toContain(first);
  });
});

describe('--fix', () => {
  it('changes only the fixed cells of a copy, leaves every other zip entry byte-identical, and re-reads cleanly', () => {
    const dir = workspace(FORM);
    const original = new Uint8Array(readFileSync(join(dir, FORM)));
    const dry = jxlint([FORM, '--fix-dry-run'], dir);
    expect(dry.stderr).toMatch(/表十二!E17: =100\.00\(%\) → =100\.00%/);
    expect(new Uint8Array(readFileSync(join(dir, FORM)))).toEqual(original);

    const run = jxlint([FORM, '--fix', '-f', 'json'], dir);
    const fixed = new Uint8Array(readFileSync(join(dir, FORM)));
    expect(fixed).not.toEqual(original);
    expect(readdirSync(dir)).toEqual([FORM]);

    const before = openPackage(original);
    const after = openPackage(fixed);
    if ('code' in before || 'code' in after) throw new Error('not a zip');
    expect(after.entries.map((e) => e.name)).toEqual(before.entries.map((e) => e.name));
    // Every entry but the edited sheet is stored exactly as it was: local header, data and directory record.
    // The directory record's bytes 42–45 hold the entry's offset, which moves when an earlier entry grows.
    const directory = (central: Uint8Array) => Buffer.concat([central.subarray(0, 42), central.subarray(46)]);
    const changed = after.entries.filter((e, i) => !Buffer.from(e.local).equals(Buffer.from(before.entries[i]!.local)) || !directory(e.central).equals(directory(before.entries[i]!.central)));
    expect(changed.map((e) => e.name)).toEqual(['xl/worksheets/sheet1.xml']);

    const book = XLSX.read(fixed.slice(), { type: 'array' }); // a copy: SheetJS hangs its read cursor on the array
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    const values = Object.values(sheet).map((c) => (c as { v?: unknown }).v);
    expect(values).toContain('=100.00%');
    expect(values).toContain('≥98%');
    const out = json(run.stdout);
    expect(out.files[0]!.diagnostics.filter((d) => d.ruleId === 'value-operator-normalize')).toEqual([]);

    // A second --fix has nothing left to do and leaves the file as it is.
    jxlint([FORM, '--fix'], dir);
    expect(new Uint8Array(readFileSync(join(dir, FORM)))).toEqual(fixed);
  });

  it('writes a new .xlsx beside a .csv or .xls and never touches the original', () => {
    const dir = workspace('legacy-2016-long-annual.xls');
    const csv = ['项目支出绩效目标申报表', '项目名称,社区培训项目', '一级指标,二级指标,三级指标,指标值', '产出指标,数量指标,培训人次,>=500人次', '产出指标,质量指标,考核合格率,≥95%'].join('\n');
    writeFileSync(join(dir, 'form.csv'), csv);
    const run = jxlint(['form.csv', 'legacy-2016-long-annual.xls', '--fix'], dir);
    expect(run.stderr).toMatch(/已写入 .*form\.fixed\.xlsx（1 处修改）/);
    expect(readFileSync(join(dir, 'form.csv'), 'utf8')).toBe(csv);
    const copy = XLSX.read(readFileSync(join(dir, 'form.fixed.xlsx')), { type: 'buffer' });
    expect(XLSX.utils.sheet_to_csv(copy.Sheets[copy.SheetNames[0]!]!)).toContain('培训人次,≥500人次');
    // The .xls had nothing to fix: no copy is made, and the original is as it was.
    expect(readdirSync(dir).sort()).toEqual(['form.csv', 'form.fixed.xlsx', 'legacy-2016-long-annual.xls']);
    expect(readFileSync(join(dir, 'legacy-2016-long-annual.xls')).equals(readFileSync(join(root, 'fixtures', 'legacy-2016-long-annual.xls')))).toBe(true);
  });
});
