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
import { lint } from '../src/engine/api.js';
import { readDeclarations } from '../src/read/read.js';
import { builtinRules } from '../rules/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'dist/src/node/cli.js');
const keep = process.argv[2];
const dir = keep ?? mkdtempSync(join(tmpdir(), 'jxlint-hostile-bench-'));
const inputs = writeHostileCorpus(dir, { real: readFileSync(join(root, 'fixtures', 'seed-turpan-2024.xlsx')), xls: readFileSync(join(root, 'fixtures', 'legacy-2016-long-annual.xls')), declarationJson: readFileSync(join(root, 'fixtures', 'declaration.json'), 'utf8') });

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

// In-process, rule by rule: the slowest rules on the files that read, so a rule that turns
// quadratic on hostile text shows here before it hangs somebody's batch.
const timings: { rule: string; file: string; ms: number }[] = [];
const seed = readDeclarations(new Uint8Array(readFileSync(join(root, 'fixtures', 'seed-turpan-2024.xlsx'))), 'seed.xlsx');
for (const rule of builtinRules) lint(seed.declarations, { config: { extends: [], rules: { [rule.meta.id]: 'warn' } } }); // warm: schemas compiled, code optimised
for (const input of inputs) {
  if (input.file === 'named-pipe.xlsx') continue;
  const read = readDeclarations(new Uint8Array(readFileSync(join(dir, input.file))), input.file);
  if (read.declarations.length === 0) continue;
  for (const rule of builtinRules) {
    // A fresh copy per rule: shared helpers cache per declaration, so each rule pays its own way.
    const declarations = structuredClone(read.declarations);
    const t = performance.now();
    lint(declarations, { config: { extends: [], rules: { [rule.meta.id]: 'warn' } } });
    timings.push({ rule: rule.meta.id, file: input.file, ms: performance.now() - t });
  }
}
timings.sort((a, b) => b.ms - a.ms);
console.log('\nslowest rule runs (in-process, one rule at a time, after a warm-up):');
for (const t of timings.slice(0, 5)) console.log(`  ${t.ms.toFixed(0).padStart(6)} ms  ${t.rule.padEnd(36)} ${t.file}`);
if (!keep) rmSync(dir, { recursive: true, force: true });
