/**
 * Hostile-corpus benchmark: `npm run bench:hostile` (or `node dist/bench/hostile.js [dir]`).
 * Writes the corpus (fixtures/build/hostile.ts), then runs the CLI on each file alone — wall time
 * and the process's peak RSS (main thread and parse workers together) — and once over the whole
 * corpus as a batch. Prints the slowest file and the peak memory, the figures the limits protect.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeHostileCorpus } from '../fixtures/build/hostile.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'dist/src/node/cli.js');
const keep = process.argv[2];
const dir = keep ?? mkdtempSync(join(tmpdir(), 'jxlint-hostile-bench-'));
const inputs = writeHostileCorpus(dir, { real: readFileSync(join(root, 'fixtures', 'seed-turpan-2024.xlsx')) });

// Reports the process's peak RSS (worker threads share it) when the CLI exits: VmHWM on Linux,
// since ru_maxrss survives fork + exec and would report this (larger) process's peak instead.
const PEAK =
  'data:text/javascript,import fs from "node:fs";process.on("exit",()=>{let kb=process.resourceUsage().maxRSS;' +
  'try{kb=Number(/VmHWM:\\s+(\\d+)/.exec(fs.readFileSync("/proc/self/status","utf8"))[1])}catch{}process.stderr.write("\\n@@maxrss "+kb+"\\n")})';

function measure(args: string[]): { seconds: number; rssMb: number; code: number | null; outcome: string } {
  const t = performance.now();
  const run = spawnSync(process.execPath, ['--import', PEAK, cli, ...args, '-f', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, timeout: 300_000 });
  const seconds = (performance.now() - t) / 1000;
  const rssKb = Number(/@@maxrss (\d+)/.exec(run.stderr)?.[1] ?? NaN);
  let outcome = `exit ${run.status}`;
  try {
    const files = (JSON.parse(run.stdout) as { files: { problems: { code: string; fatal: boolean }[]; diagnostics: unknown[] }[] }).files;
    if (files.length === 1) {
      const fatal = files[0]!.problems.find((p) => p.fatal);
      outcome = fatal ? fatal.code : `${files[0]!.diagnostics.length} findings`;
    } else outcome = `${files.length} files`;
  } catch {
    outcome = `no JSON (exit ${run.status}, ${run.signal ?? 'no signal'})`;
  }
  return { seconds, rssMb: rssKb / 1024, code: run.status, outcome };
}

console.log(`hostile corpus: ${inputs.length} files in ${dir}\n`);
console.log(`${'file'.padEnd(30)} ${'outcome'.padEnd(22)} ${'wall s'.padStart(7)} ${'peak MB'.padStart(8)}`);
const rows = inputs.map((input) => ({ input, ...measure([input.file]) }));
for (const r of rows) console.log(`${r.input.file.padEnd(30)} ${r.outcome.padEnd(22)} ${r.seconds.toFixed(2).padStart(7)} ${r.rssMb.toFixed(0).padStart(8)}`);

const slowest = rows.reduce((a, b) => (b.seconds > a.seconds ? b : a));
const heaviest = rows.reduce((a, b) => (b.rssMb > a.rssMb ? b : a));
const batch = measure(['.', '--jobs', '2']);
console.log(`\nslowest file: ${slowest.input.file} ${slowest.seconds.toFixed(2)} s (wall, CLI start included)`);
console.log(`peak memory, one file at a time: ${heaviest.rssMb.toFixed(0)} MB (${heaviest.input.file})`);
console.log(`whole corpus as one batch (--jobs 2): ${batch.seconds.toFixed(2)} s, peak ${batch.rssMb.toFixed(0)} MB, ${batch.outcome}, exit ${batch.code}`);
if (!keep) rmSync(dir, { recursive: true, force: true });
