/**
 * Reading benchmark: `npm run bench` (or `node --expose-gc dist/bench/read.js [forms] [rounds]`).
 * Prints forms/second for jxlint's reading (sniff + zip check + parse + grid + locate) beside a bare
 * `XLSX.read` of the same files in the same process, their ratio, peak memory, and the cold wall
 * time of `jxlint <one form>`. Rounds alternate the two so machine noise hits both alike.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { readDeclarations } from '../src/read/read.js';
import { makeCorpus } from './corpus.js';

const forms = Number(process.argv[2] ?? 200);
const rounds = Number(process.argv[3] ?? 9);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

let peakRss = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

const corpus = makeCorpus(forms);
const bytes = corpus.reduce((n, b) => n + b.length, 0);
console.log(`corpus: ${forms} forms, ${(bytes / forms / 1024).toFixed(1)} KB each on average`);

let indicators = 0;
const bare: number[] = [];
const ours: number[] = [];
for (let round = 0; round < rounds + 1; round++) {
  (globalThis as { gc?: () => void }).gc?.();
  let t = performance.now();
  for (const file of corpus) XLSX.read(file, { type: 'array' });
  const bareMs = performance.now() - t;
  sample();
  (globalThis as { gc?: () => void }).gc?.();
  t = performance.now();
  let count = 0;
  for (const [i, file] of corpus.entries()) {
    const result = readDeclarations(file, `form-${i}.xlsx`);
    if (result.declarations.length !== 1) throw new Error(`form ${i}: ${JSON.stringify(result.problems)}`);
    count += result.declarations[0]!.indicators.length;
  }
  const oursMs = performance.now() - t;
  sample();
  if (round === 0) continue; // warm-up
  bare.push(bareMs);
  ours.push(oursMs);
  indicators = count;
}
// The best round is the cost: noise on a shared machine only ever adds time.
const bareRate = (forms / Math.min(...bare)) * 1000;
const oursRate = (forms / Math.min(...ours)) * 1000;
console.log(`indicators read: ${indicators} (${(indicators / forms).toFixed(1)} per form)`);
console.log(`bare XLSX.read:        ${bareRate.toFixed(0).padStart(6)} forms/s  (best of ${rounds} alternating rounds; medians ${(forms / median(bare) * 1000).toFixed(0)} vs ${(forms / median(ours) * 1000).toFixed(0)})`);
console.log(`jxlint read + locate:  ${oursRate.toFixed(0).padStart(6)} forms/s`);
console.log(`cost ratio (jxlint / bare XLSX.read): ${(Math.min(...ours) / Math.min(...bare)).toFixed(2)}× best, ${(median(ours) / median(bare)).toFixed(2)}× median  (target ≤ 1.3×)`);
console.log(`peak RSS: ${(peakRss / 1024 / 1024).toFixed(0)} MB`);

// Cold start: a fresh process reading one form through the real CLI (worker, sandbox and all).
const dir = mkdtempSync(join(tmpdir(), 'jxlint-bench-'));
const one = join(dir, 'form.xlsx');
writeFileSync(one, corpus[0]!);
const cli = fileURLToPath(new URL('../src/node/cli.js', import.meta.url));
/** Median and best wall time of a fresh `jxlint …` process, seven runs. */
function coldStart(args: string[]): { median: number; best: number } {
  const walls: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    const run = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
    walls.push(performance.now() - t);
    if (run.status !== 0 && run.status !== 1) throw new Error(`jxlint exited ${run.status}: ${run.stderr}`);
  }
  return { median: median(walls) / 1000, best: Math.min(...walls) / 1000 };
}
const read = coldStart(['inspect', one]);
const lintOne = coldStart([one]);
console.log(`cold start, jxlint inspect <one form> (read only): median ${read.median.toFixed(3)} s, best ${read.best.toFixed(3)} s  (target ≤ 0.3 s)`);
console.log(`cold start, jxlint <one form> (read + 41 rules):   median ${lintOne.median.toFixed(3)} s, best ${lintOne.best.toFixed(3)} s`);
