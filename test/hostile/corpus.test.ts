import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INJECTION_STRINGS, writeHostileCorpus, type HostileInput } from '../../fixtures/build/hostile.js';
import { lint } from '../../src/engine/api.js';
import { openPackage, readPartText } from '../../src/ooxml/package.js';
import { readDeclarations } from '../../src/read/read.js';

/**
 * The hostile corpus (fixtures/build/hostile.ts) through the real CLI, as a reviewer's batch would
 * meet it, and through the library: every file reaches its outcome, with its message, and nothing
 * crashes, hangs, leaks onto Object.prototype (test/setup/prototype-guard.ts) or loses a file.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'dist/src/node/cli.js');
let dir: string;
let inputs: HostileInput[];

function jxlint(args: string[], cwd = dir, shell?: string) {
  const run = shell
    ? spawnSync('bash', ['-c', `${shell}; exec "$0" "$@"`, process.execPath, cli, ...args], { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 })
    : spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, signal: run.signal };
}

type JsonProblem = { code: string; fatal: boolean; message: string };
type JsonFile = { file: string; problems: JsonProblem[]; diagnostics: { ruleId: string; message: string }[] };

const CJK = /[\u4e00-\u9fff]/;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jxlint-hostile-'));
  inputs = writeHostileCorpus(dir, {
    real: readFileSync(join(root, 'fixtures', 'seed-turpan-2024.xlsx')),
    xls: readFileSync(join(root, 'fixtures', 'legacy-2016-long-annual.xls')),
    declarationJson: readFileSync(join(root, 'fixtures', 'declaration.json'), 'utf8'),
  });
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Where a file's result differs from what the corpus says it must be; empty when it matches. */
function mismatch(input: HostileInput, problems: { code: string; fatal: boolean }[], findings: number): string | undefined {
  const fatal = problems.filter((p) => p.fatal).map((p) => p.code);
  if ('fatal' in input.expect) {
    if (fatal.length !== 1 || fatal[0] !== input.expect.fatal) return `${input.file}: expected fatal ${input.expect.fatal}, got [${problems.map((p) => p.code)}]`;
    return findings === 0 ? undefined : `${input.file}: a fatal file has ${findings} findings`;
  }
  if (fatal.length) return `${input.file}: expected to lint, got fatal [${fatal}]`;
  if (findings === 0) return `${input.file}: read, but no findings (was the form lost?)`;
  if (input.expect.warn && !problems.some((p) => p.code === input.expect.warn)) return `${input.file}: expected warning ${input.expect.warn}, got [${problems.map((p) => p.code)}]`;
  return undefined;
}

describe('the hostile corpus as one batch through the CLI', () => {
  let run: ReturnType<typeof jxlint>;
  let files: Map<string, JsonFile>;

  beforeAll(() => {
    run = jxlint(['.', '-f', 'json', '--jobs', '2']);
    files = new Map((JSON.parse(run.stdout) as { files: JsonFile[] }).files.map((f) => [f.file, f]));
  }, 180_000);

  it('finishes: exit 2 for the unreadable files, no stack trace, every other file still checked', () => {
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/\n\s+at |内部错误|internal error/);
  });

  it('gives every file its outcome: the fatal ones their problem, the others their findings', () => {
    const wrong: string[] = [];
    for (const input of inputs) {
      if (input.file === 'named-pipe.xlsx') continue; // not a regular file: a directory walk passes it by (tested below)
      const file = files.get(input.file);
      if (!file) {
        wrong.push(`${input.file}: missing from the batch`);
        continue;
      }
      const problem = mismatch(input, file.problems, file.diagnostics.length);
      if (problem) wrong.push(problem);
    }
    expect(wrong).toEqual([]);
  });

  it('says each problem in Chinese, naming the limit that was hit and how to raise it', () => {
    const message = (file: string, code: string) => files.get(file)!.problems.find((p) => p.code === code)!.message;
    for (const file of files.values()) for (const p of file.problems) expect(p.message, `${file.file} ${p.code}`).toMatch(CJK);
    expect(message('million-rows.xlsx', 'too-many-rows')).toMatch(/第 200001 行仍有内容，超过 200000 行的上限.*--max-rows.*limits\.maxRows/);
    expect(message('columns-16384.xlsx', 'too-many-columns')).toMatch(/AMK 列仍有内容，超过 1024 列的上限.*--max-columns/);
    expect(message('too-large.xlsx', 'file-too-large')).toMatch(/53\.5 MB 超过上限 50\.0 MB.*--max-file-size/);
    expect(message('zip-bomb-overlap.xlsx', 'zip-bomb')).toMatch(/超过上限 200\.0 MB/);
    expect(message('invalid-bytes.csv', 'text-encoding')).toContain('第 3 行');
    expect(message('mixed-encoding.csv', 'mixed-encoding')).toContain('第 1–4 行是 UTF-8，第 5–9 行是 GBK');
    expect(message('megabyte-cells.xlsx', 'cell-truncated')).toContain('3 个单元格超过 Excel 每格 32767 个字符的上限');
  });

  it('walks a folder of symlink loops once: one form, no file twice, dangling and looping links passed by', () => {
    const looped = [...files.keys()].filter((f) => f.startsWith('loops'));
    expect(looped).toEqual([join('loops', 'a', 'b', 'form.xlsx')]);
    expect(files.get(looped[0]!)!.diagnostics.length).toBeGreaterThan(0);
  });

  it('quotes a megabyte cell by its start, never whole', () => {
    expect(run.stdout.length).toBeLessThan(2_000_000);
    for (const d of files.get('megabyte-cells.xlsx')!.diagnostics) expect(d.message.length, d.ruleId).toBeLessThan(2_000);
  });
});

describe('the hostile corpus through the library, file by file', () => {
  it('reads each file to the same outcome in-process (no worker, no lock), and lints what it reads', () => {
    const wrong: string[] = [];
    for (const input of inputs) {
      if (input.file === 'named-pipe.xlsx') continue;
      const read = readDeclarations(new Uint8Array(readFileSync(join(dir, input.file))), input.file);
      const findings = read.declarations.length ? lint(read.declarations, { file: input.file }).length : 0;
      const problem = mismatch(input, read.problems, findings);
      if (problem) wrong.push(problem);
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});

describe('files that are not files', () => {
  it.skipIf(process.platform === 'win32')('a named pipe called .xlsx is refused at once, not opened (reading would block)', () => {
    if (!existsSync(join(dir, 'named-pipe.xlsx'))) return; // mkfifo missing
    const run = jxlint(['named-pipe.xlsx']);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('不是普通文件');
  });

  it('a dangling link named explicitly is "not found"; a link loop is unreadable; both exit 2', () => {
    const dangling = jxlint([join('loops', 'dangling.xlsx')]);
    expect(dangling.code).toBe(2);
    expect(dangling.stdout).toContain('找不到文件或目录');
    const loop = jxlint([join('loops', 'loop1.xlsx')]);
    expect(loop.code).toBe(2);
  });
});

describe('limits: configurable, each hit a message and exit 2 for that file only', () => {
  function workspace(config?: unknown): string {
    const ws = mkdtempSync(join(tmpdir(), 'jxlint-limits-'));
    cpSync(join(root, 'fixtures', 'seed-turpan-2024.xlsx'), join(ws, 'seed.xlsx'));
    cpSync(join(root, 'fixtures', 'vertical-banners-centred.xlsx'), join(ws, 'other.xlsx'));
    if (config) writeFileSync(join(ws, 'jxlint.config.json'), JSON.stringify(config));
    return ws;
  }

  it('limits.maxRows in the config stops a longer form; the batch goes on; a flag overrides the config', () => {
    // The seed form ends within 24 rows, the other one runs to row 27.
    const ws = workspace({ limits: { maxRows: 24 } });
    const run = jxlint(['.', '-f', 'json'], ws);
    expect(run.code).toBe(2);
    const out = JSON.parse(run.stdout) as { files: JsonFile[] };
    const other = out.files.find((f) => f.file === 'other.xlsx')!;
    expect(other.problems[0]).toMatchObject({ code: 'too-many-rows', fatal: true });
    expect(other.problems[0]!.message).toContain('超过 24 行的上限');
    expect(out.files.find((f) => f.file === 'seed.xlsx')!.diagnostics.length).toBeGreaterThan(5);
    expect(jxlint(['other.xlsx', '--max-rows', '500'], ws).code).toBe(1);
  });

  it('maxCells, maxColumns, maxFileSize and maxUnpackedSize from the config each name their limit', () => {
    const cases: [Record<string, number>, RegExp][] = [
      [{ maxCells: 20 }, /超过 20 个的上限/],
      [{ maxColumns: 3 }, /超过 3 列的上限/],
      [{ maxFileSize: 0.001 }, /超过上限 1\.0 KB/],
      [{ maxUnpackedSize: 0.01 }, /解压后大小 .* 超过上限 10\.0 KB/],
    ];
    for (const [limits, message] of cases) {
      const run = jxlint(['seed.xlsx'], workspace({ limits }));
      expect(run.code, JSON.stringify(limits)).toBe(2);
      expect(run.stdout, JSON.stringify(limits)).toMatch(message);
    }
  });

  it('a file over the time limit is stopped and named; the English message with --locale en', () => {
    const run = jxlint(['million-rows.xlsx', '--max-rows', '2000000', '--timeout', '0.3', '-f', 'json']);
    expect(run.code).toBe(2);
    expect((JSON.parse(run.stdout) as { files: JsonFile[] }).files[0]!.problems[0]).toMatchObject({ code: 'parse-timeout', message: expect.stringContaining('0.3 秒') });
    const en = jxlint(['million-rows.xlsx', '--locale', 'en']);
    expect(en.stdout).toContain('past the 200000-row limit');
  });

  it('the time limit covers linting too: a rule that never returns stops its file, alone or in a batch', () => {
    const ws = workspace({ plugins: ['./hang.mjs'], rules: { 'hang/forever': 'warn' }, limits: { timeout: 1 } });
    cpSync(join(root, 'fixtures', 'declaration.json'), join(ws, 'declaration.json'));
    writeFileSync(
      join(ws, 'hang.mjs'),
      `export default { name: 'hang', rules: [{ meta: { id: 'forever', category: 'budget', defaultSeverity: 'warning', recommended: false,
        docs: { description: { zh: '死循环', en: 'loops' } }, messages: { m: { zh: 'x', en: 'x' } } },
        create() { return { indicator() { for (;;) {} } }; } }] };`,
    );
    // One form: linted on the main thread, under vm's watchdog.
    const one = jxlint(['seed.xlsx', '-f', 'json'], ws);
    expect(one.signal).toBeNull();
    expect(one.code).toBe(2);
    expect((JSON.parse(one.stdout) as { files: JsonFile[] }).files[0]!.problems).toContainEqual(expect.objectContaining({ code: 'parse-timeout', message: expect.stringContaining('1 秒内未能读取并检查完') }));
    // A batch: workbooks in the workers (their clock), JSON on the main thread.
    const batch = jxlint(['seed.xlsx', 'other.xlsx', 'declaration.json', '-f', 'json'], ws);
    expect(batch.code).toBe(2);
    for (const file of (JSON.parse(batch.stdout) as { files: JsonFile[] }).files) expect(file.problems.map((p) => p.code), file.file).toContain('parse-timeout');
  });

  it('a time limit too small or too large for a timer is refused or kept to 1 ms, never an internal error', () => {
    const tiny = jxlint(['formula-injection.xlsx', '--timeout', '0.0001', '-f', 'json']);
    expect(tiny.code).toBe(2);
    expect(tiny.stderr).not.toContain('内部错误');
    expect((JSON.parse(tiny.stdout) as { files: JsonFile[] }).files[0]!.problems[0]!.code).toBe('parse-timeout');
    const huge = jxlint(['formula-injection.xlsx', '--timeout', '99999999']);
    expect(huge.code).toBe(2);
    expect(huge.stderr).toContain('不是 0 到 86400 之间的秒数');
    const config = jxlint(['seed.xlsx'], workspace({ limits: { timeout: 100_000 } }));
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('limits.timeout 应不超过 86400');
  });

  it('a missing -c file is reported before anything is read', () => {
    const run = jxlint(['million-rows.xlsx', '-c', 'no-such.json', '--max-rows', '5']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('找不到配置文件 no-such.json');
    expect(run.stdout).toBe('');
  });

  it('a bad limits value is a config error with the key, exit 2, before anything is read', () => {
    const run = jxlint(['seed.xlsx'], workspace({ limits: { maxRows: -1 } }));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('limits.maxRows 应为正整数');
    const unknown = jxlint(['seed.xlsx'], workspace({ limits: { maxSheets: 3 } }));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('maxSheets');
  });
});

describe('memory', () => {
  it('a file that needs more memory than a worker may use stops with out-of-memory; the worker is replaced', async () => {
    const { createWorkbookReader } = await import('../../dist/src/node/read-workbook.js');
    const reader = createWorkbookReader({ maxHeapMb: 48, limits: { maxRows: 2_000_000 } });
    try {
      const huge = await reader.read(new Uint8Array(readFileSync(join(dir, 'million-rows.xlsx'))), 'million-rows.xlsx');
      expect(huge).toEqual({ problem: { code: 'out-of-memory', fatal: true, data: { limit: 48 } } });
      const after = await reader.read(new Uint8Array(readFileSync(join(dir, 'formula-injection.xlsx'))), 'formula-injection.xlsx');
      expect('grid' in after).toBe(true);
    } finally {
      await reader.close();
    }
  }, 60_000);
});

describe('configs that come with the forms', () => {
  it('a config or suppressions file inside an input folder is not used, and the user is told', () => {
    const ws = mkdtempSync(join(tmpdir(), 'jxlint-foreign-'));
    mkdirSync(join(ws, 'incoming', 'unit-a'), { recursive: true });
    cpSync(join(root, 'fixtures', 'seed-turpan-2024.xlsx'), join(ws, 'incoming', 'unit-a', 'form.xlsx'));
    writeFileSync(join(ws, 'incoming', 'unit-a', 'jxlint.config.json'), JSON.stringify({ extends: [], plugins: ['./evil.js'] }));
    writeFileSync(join(ws, 'incoming', 'unit-a', 'evil.js'), `require('fs').writeFileSync(${JSON.stringify(join(ws, 'pwned'))}, 'x');`);
    const run = jxlint(['incoming', '-f', 'json'], ws);
    expect(run.code).toBe(0); // the seed form has warnings, no errors
    expect(existsSync(join(ws, 'pwned'))).toBe(false);
    expect((JSON.parse(run.stdout) as { files: JsonFile[] }).files[0]!.diagnostics.length).toBeGreaterThan(5);
    expect(run.stderr).toContain(`未采用 ${join('incoming', 'unit-a', 'jxlint.config.json')}`);
    // Named with -c it is the user's own choice: used, and no notice.
    const chosen = jxlint(['incoming', '-c', join('incoming', 'unit-a', 'jxlint.config.json'), '-f', 'json'], ws);
    expect(chosen.stderr).not.toContain('未采用');
    expect(chosen.code).toBe(2); // the config names a plugin that is no plugin: a config error
  });
});

describe('hostile text in every output format', () => {
  const FORM = 'formula-injection.xlsx';
  const raw = (format: string) => jxlint([FORM, '-f', format]).stdout;

  it('stylish (terminal): no escape sequence or bell from a cell reaches the terminal', () => {
    const out = raw('stylish');
    expect(out).toContain('cmd|');
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('json: parses, and carries the strings exactly', () => {
    const out = JSON.parse(raw('json')) as { files: JsonFile[] };
    const text = out.files[0]!.diagnostics.map((d) => d.message).join('\n');
    expect(text).toContain("@SUM(1+1)*cmd|' /C calc'!A0");
    expect(text).toContain('<script>alert("xss")</script>');
    expect(text).toContain('</testsuite><testsuite name="forged">');
  });

  it('html: no tag, handler or script from a cell is live', () => {
    const out = raw('html');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).not.toContain('<img src=x');
    expect(out).not.toContain('<script>alert');
    expect(out).not.toContain('<injected/>');
  });

  it('junit and sarif: the XML and JSON structure cannot be closed or forged from a cell', () => {
    const junit = raw('junit');
    expect(junit).not.toContain('</testsuite><testsuite name="forged">');
    expect(junit.match(/<testsuite /g)?.length).toBe(1);
    expect(junit).not.toContain(']]><injected/>');
    expect(junit).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    const sarif = JSON.parse(raw('sarif')) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(3);
  });

  it('github: every line is one annotation of ours; a cell cannot start a command of its own', () => {
    const lines = raw('github').split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=formula-injection\.xlsx,/);
    expect(lines.filter((l) => l.includes('::warning::forged'))).toEqual([]);
  });

  it('xlsx: the annotated copy holds the strings as text, never as formulas; the original is untouched', () => {
    const before = readFileSync(join(dir, FORM));
    const run = jxlint([FORM, '-f', 'xlsx', '-o', 'annotated.xlsx']);
    expect(run.code).toBe(1);
    expect(readFileSync(join(dir, FORM)).equals(before)).toBe(true);
    const pkg = openPackage(new Uint8Array(readFileSync(join(dir, 'annotated.xlsx'))));
    if ('code' in pkg) throw new Error(pkg.code);
    const parts = pkg.entries.map((e) => e.name).filter((n) => n.endsWith('.xml'));
    const xml = parts.map((n) => readPartText(pkg, n) ?? '').join('\n');
    expect(xml).not.toMatch(/<f[ >]/);
    expect(xml).not.toContain('<img src=x');
    expect(xml).not.toContain('<injected/>');
    expect(xml).toContain('=cmd|');
  });
});

describe('writing output and fixes', () => {
  it('an output path that cannot be written: a Chinese reason, exit 2, nothing left behind', () => {
    const run = jxlint(['formula-injection.xlsx', '-f', 'html', '-o', join('no-such-folder', 'report.html')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('无法写入输出文件');
    expect(run.stderr).toContain('所在目录不存在（ENOENT）');
    const notADir = jxlint(['formula-injection.xlsx', '-f', 'json', '-o', join('formula-injection.csv', 'report.json')]);
    expect(notADir.code).toBe(2);
    expect(notADir.stderr).toContain('路径中有一段不是目录（ENOTDIR）');
  });

  // root writes anywhere, so permission errors can be seen only as another user.
  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('a read-only folder: permission denied, in words, exit 2', () => {
    const ws = mkdtempSync(join(tmpdir(), 'jxlint-readonly-'));
    cpSync(join(root, 'fixtures', 'vertical-banners-centred.xlsx'), join(ws, 'form.xlsx'));
    chmodSync(ws, 0o555);
    try {
      const run = jxlint(['form.xlsx', '-f', 'html', '-o', 'report.html'], ws);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('没有写入权限（EACCES）');
      const fix = jxlint(['form.xlsx', '--fix'], ws);
      expect(fix.code).toBe(2);
      expect(fix.stderr).toContain('原文件未改动');
    } finally {
      chmodSync(ws, 0o755);
    }
  });

  it.skipIf(process.platform === 'win32')('a write that fails midway (file size limit) leaves the original form and an older report intact', () => {
    const ws = mkdtempSync(join(tmpdir(), 'jxlint-midway-'));
    cpSync(join(root, 'fixtures', 'vertical-banners-centred.xlsx'), join(ws, 'form.xlsx'));
    const original = readFileSync(join(ws, 'form.xlsx'));
    writeFileSync(join(ws, 'report.html'), 'older report');
    // ulimit -f 4: any file written past 4 KiB fails with EFBIG, partway through the write.
    const fix = jxlint(['form.xlsx', '--fix'], ws, 'ulimit -f 4');
    expect(fix.code).toBe(2);
    expect(fix.stderr).toContain('无法写入 form.xlsx：文件超过系统允许的大小（EFBIG）。原文件未改动');
    const report = jxlint(['form.xlsx', '-f', 'html', '-o', 'report.html'], ws, 'ulimit -f 4');
    expect(report.code).toBe(2);
    expect(readFileSync(join(ws, 'form.xlsx')).equals(original)).toBe(true);
    expect(readFileSync(join(ws, 'report.html'), 'utf8')).toBe('older report');
    expect(readdirSync(ws).sort()).toEqual(['form.xlsx', 'report.html']);
    // Without the limit the same fix is written.
    expect(jxlint(['form.xlsx', '--fix'], ws).code).not.toBe(2);
    expect(readFileSync(join(ws, 'form.xlsx')).equals(original)).toBe(false);
  });
});
