import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'dist/src/node/cli.js');

function jxlint(args: string[], cwd = root) {
  const run = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, JXLINT_DEBUG: '' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const bad = JSON.parse(readFileSync(join(root, 'fixtures/expected/bad.json'), 'utf8')) as Record<string, { code: string; fatal: boolean }>;

describe('jxlint <files>', () => {
  it('reads the seed form and says what it read, exit 0', () => {
    const { code, stdout, stderr } = jxlint(['fixtures/seed-turpan-2024.xlsx']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('检查了 1 个文件（1 张表、11 条指标）');
  });

  it('walks a directory: good forms are read, broken ones reported, the batch finishes with exit 2', () => {
    const { code, stdout } = jxlint(['fixtures', '--format', 'json']);
    expect(code).toBe(2);
    const out = JSON.parse(stdout) as { files: { file: string; declarations: unknown[]; problems: { code: string; fatal: boolean }[] }[] };
    const byFile = new Map(out.files.map((f) => [f.file, f]));
    const index = JSON.parse(readFileSync(join(root, 'fixtures/expected/index.json'), 'utf8')) as { fixtures: { file: string }[] };
    for (const { file } of index.fixtures) {
      const read = byFile.get(`fixtures/${file}`);
      expect(read, file).toBeDefined();
      expect(read!.problems.filter((p) => p.fatal), file).toEqual([]);
      expect(read!.declarations.length, file).toBeGreaterThan(0);
    }
    for (const [file, want] of Object.entries(bad)) expect(byFile.get(`fixtures/bad/${file}`)?.problems.map((p) => p.code)).toContain(want.code);
    // Build scripts and the expected-model index are not forms.
    expect([...byFile.keys()].some((f) => f.endsWith('.ts') || f.endsWith('index.json') || f.endsWith('bad.json'))).toBe(false);
  });

  it('expands globs', () => {
    const { code, stdout } = jxlint(['fixtures/*.xlsx', '--format', 'json']);
    // The fixtures include real defects (a placeholder left in, a 自评表 sent as a 申报表): errors, exit 1.
    expect(code).toBe(1);
    const files = (JSON.parse(stdout) as { files: { file: string }[] }).files.map((f) => f.file);
    expect(files.length).toBe(readdirSync(join(root, 'fixtures')).filter((f) => f.endsWith('.xlsx')).length);
    expect(files.every((f) => f.endsWith('.xlsx'))).toBe(true);
  });

  for (const [file, want] of Object.entries(bad)) {
    it(`bad input ${file}: a Chinese message naming the file, exit 2, no stack trace`, () => {
      const { code, stdout, stderr } = jxlint([`fixtures/bad/${file}`]);
      expect(code).toBe(2);
      expect(stdout).toContain(`fixtures/bad/${file}`);
      expect(stdout).toMatch(/[\u4e00-\u9fff]/);
      expect(stdout + stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      const json = JSON.parse(jxlint([`fixtures/bad/${file}`, '--format', 'json']).stdout) as { files: { problems: { code: string; message: string }[] }[] };
      expect(json.files[0]!.problems.map((p) => p.code)).toContain(want.code);
    });
  }

  it('goes on with the batch after broken files, and exits 2', () => {
    const { code, stdout } = jxlint(['fixtures/bad/truncated.xlsx', 'fixtures/seed-turpan-2024.xlsx', 'fixtures/bad/pdf-renamed.xlsx', 'no/such/file.xlsx']);
    expect(code).toBe(2);
    expect(stdout).toContain('找不到文件或目录：no/such/file.xlsx');
    expect(stdout).toContain('fixtures/bad/truncated.xlsx');
    expect(stdout).toMatch(/检查了 4 个文件（1 张表、11 条指标），3 个无法读取。/);
  });

  it('never changes the files it reads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jxlint-cli-'));
    cpSync(join(root, 'fixtures/seed-turpan-2024.xlsx'), join(dir, 'form.xlsx'));
    const before = readFileSync(join(dir, 'form.xlsx'));
    const mtime = statSync(join(dir, 'form.xlsx')).mtimeMs;
    expect(jxlint([join(dir, 'form.xlsx')]).code).toBe(0);
    expect(readFileSync(join(dir, 'form.xlsx')).equals(before)).toBe(true);
    expect(statSync(join(dir, 'form.xlsx')).mtimeMs).toBe(mtime);
    expect(readdirSync(dir)).toEqual(['form.xlsx']);
  });

  it('speaks English with --locale en', () => {
    const { code, stdout } = jxlint(['fixtures/bad/empty.xlsx', '--locale', 'en']);
    expect(code).toBe(2);
    expect(stdout).toContain('The file is empty (0 bytes).');
  });

  it('rejects a bad option in Chinese with exit 2', () => {
    const { code, stderr } = jxlint(['--no-such-option', 'fixtures/seed-turpan-2024.xlsx']);
    expect(code).toBe(2);
    expect(stderr).toContain('未知的选项');
    const format = jxlint(['--format', 'pdf', 'fixtures/seed-turpan-2024.xlsx']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('参数取值无效');
  });

  it('writes --output-file atomically and reports an unwritable path with exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jxlint-out-'));
    const ok = jxlint(['fixtures/seed-turpan-2024.xlsx', '--format', 'json', '-o', join(dir, 'out.json')]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).files).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(['out.json']);
    const fail = jxlint(['fixtures/seed-turpan-2024.xlsx', '-o', join(dir, 'missing-dir', 'out.txt')]);
    expect(fail.code).toBe(2);
    expect(fail.stderr).toContain('无法写入输出文件');
  });

  it('reports a directory with no forms in it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jxlint-empty-'));
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    const { code, stderr } = jxlint([dir]);
    expect(code).toBe(2);
    expect(stderr).toContain('没有找到要检查的文件');
  });
});

describe('jxlint inspect', () => {
  it('shows the header block and every indicator row with cell addresses', () => {
    const { code, stdout } = jxlint(['inspect', 'fixtures/seed-turpan-2024.xlsx']);
    expect(code).toBe(0);
    for (const text of ['项目名称', '吐鲁番市商务局', '年度资金·总额', '120 万元', '展位面积', '活动按期完成率', '扩大吐鲁番及重点产业的影响', '绩效指标（11 条）']) {
      expect(stdout).toContain(text);
    }
    const row = stdout.split('\n').find((l) => l.includes('展位面积'))!;
    expect(row).toMatch(/产出指标\s+数量指标\s+展位面积\s+≥\s+150\s+平方米\s+数值\s+D12 E12/);
  });

  it('aligns Chinese columns by display width', () => {
    const { stdout } = jxlint(['inspect', 'fixtures/seed-turpan-2024.xlsx']);
    const lines = stdout.split('\n').filter((l) => /^\s+\d+\s+(产出|成本|效益)指标/.test(l));
    expect(lines.length).toBe(11);
    const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
    // The 三级指标 column starts at the same display column on every row.
    const starts = lines.map((l) => width(l.slice(0, l.search(/展位|车辆|资金|活动|参加|人员|办公|扩大/))));
    expect(new Set(starts).size).toBe(1);
  });

  it('prints the published model as JSON', () => {
    const { code, stdout } = jxlint(['inspect', 'fixtures/seed-turpan-2024.xlsx', '--format', 'json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { files: { declarations: { indicators: { name: { text: string; at: { a1: string } } }[] }[] }[] };
    const names = out.files[0]!.declarations[0]!.indicators.map((i) => i.name.text);
    expect(names).toEqual(['展位面积', '展位数量', '车辆数量', '资金使用合规率', '活动按期完成率', '参加活动及时率', '展位购置费用', '展位设计、搭建费用', '人员差旅费成本', '办公经费', '扩大吐鲁番及重点产业的影响']);
    expect(out.files[0]!.declarations[0]!.indicators[0]!.name.at.a1).toBe('D12');
  });
});

describe('output formats from the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jxlint-formats-'));

  it.each([
    ['sarif', (text: string) => expect((JSON.parse(text) as { version: string }).version).toBe('2.1.0')],
    ['junit', (text: string) => expect(text).toMatch(/^<\?xml[\s\S]*<testsuites[\s\S]*quantity-name-missing-action/)],
    ['github', (text: string) => expect(text).toMatch(/^::warning file=fixtures\/seed-turpan-2024\.xlsx,title=/m)],
    ['html', (text: string) => expect(text).toMatch(/^<!DOCTYPE html>[\s\S]*展位面积/)],
  ])('--format %s writes its format for the seed form', (format, check) => {
    const out = join(dir, `seed.${format}`);
    const { code } = jxlint(['fixtures/seed-turpan-2024.xlsx', '--format', format, '-o', out]);
    expect(code).toBe(0);
    check(readFileSync(out, 'utf8'));
  });

  it('--format xlsx writes an annotated copy beside, never over, the original', () => {
    const out = join(dir, 'seed.批注.xlsx');
    const before = readFileSync(join(root, 'fixtures/seed-turpan-2024.xlsx'));
    const run = jxlint(['fixtures/seed-turpan-2024.xlsx', '--format', 'xlsx', '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/已写入批注副本 .*：12 个单元格加了批注/);
    expect(readFileSync(join(root, 'fixtures/seed-turpan-2024.xlsx')).equals(before)).toBe(true);
    const copy = readFileSync(out);
    expect(copy.subarray(0, 2).toString()).toBe('PK');
    const refused = jxlint(['fixtures/seed-turpan-2024.xlsx', '--format', 'xlsx']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('需要用 -o 指定批注副本的文件名');
  });

  it('a batch with --jobs 1 and --jobs 2 gives the same findings', () => {
    const one = JSON.parse(jxlint(['fixtures', '--jobs', '1', '-f', 'json']).stdout) as { summary: unknown; files: { file: string; diagnostics: unknown[] }[] };
    const two = JSON.parse(jxlint(['fixtures', '--jobs', '2', '-f', 'json']).stdout) as typeof one;
    expect(two.summary).toEqual(one.summary);
    expect(two.files.map((f) => [f.file, f.diagnostics.length])).toEqual(one.files.map((f) => [f.file, f.diagnostics.length]));
  });
});
