/**
 * Lint benchmark: `npm run bench:lint` (or `node --expose-gc dist/bench/lint.js [forms]`).
 * 1. In one process, side by side: a full lint of each form (read + locate + every recommended rule)
 *    against a bare `XLSX.read` of the same bytes — the cost ratio.
 * 2. The CLI over a directory of forms with --jobs 1 and --jobs 2: files/second, the speed-up, and
 *    peak memory (the CLI's max RSS).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { enableRules, presetConfig, resolveConfig } from '../src/engine/config.js';
import { lintDeclarations } from '../src/engine/linter.js';
import { readDeclarations } from '../src/read/read.js';
import { builtinRegistry } from '../rules/index.js';
import { defaultLexicon } from '../rules/lexicon/data.generated.js';
import { makeCorpus } from './corpus.js';

const forms = Number(process.argv[2] ?? 300);
const rounds = 7;
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const corpus = makeCorpus(forms);
const config = resolveConfig([{ data: presetConfig('jxlint:recommended', builtinRegistry)!, dir: '', source: 'jxlint:recommended' }], () => undefined);
const rules = enableRules(config, builtinRegistry);
console.log(`corpus: ${forms} forms; ${rules.length} rules (jxlint:recommended); ${availableParallelism()} cores`);

const bare: number[] = [];
const full: number[] = [];
let findings = 0;
for (let round = 0; round <= rounds; round++) {
  gc();
  let t = performance.now();
  for (const bytes of corpus) XLSX.read(bytes, { type: 'array' });
  const b = performance.now() - t;
  gc();
  t = performance.now();
  let count = 0;
  for (const [i, bytes] of corpus.entries()) {
    const { declarations } = readDeclarations(bytes, `form-${i}.xlsx`);
    count += lintDeclarations(declarations, { rules, lexicon: defaultLexicon, profile: 'auto', locale: 'zh' }).length;
  }
  const f = performance.now() - t;
  if (round === 0) continue; // warm-up
  bare.push(b);
  full.push(f);
  findings = count;
}
console.log(`findings: ${findings} (${(findings / forms).toFixed(1)} per form)`);
console.log(`bare XLSX.read:            ${((forms / Math.min(...bare)) * 1000).toFixed(0).padStart(6)} forms/s`);
console.log(`full lint (read + rules):  ${((forms / Math.min(...full)) * 1000).toFixed(0).padStart(6)} forms/s`);
console.log(`cost ratio full lint / bare XLSX.read: ${(Math.min(...full) / Math.min(...bare)).toFixed(2)}× best, ${(median(full) / median(bare)).toFixed(2)}× median  (target ≤ 1.3×)`);

// The CLI over a directory, one and two workers.
const dir = mkdtempSync(join(tmpdir(), 'jxlint-bench-lint-'));
corpus.forEach((bytes, i) => writeFileSync(join(dir, `form-${String(i).padStart(4, '0')}.xlsx`), bytes));
const cli = fileURLToPath(new URL('../src/node/cli.js', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'jxlint-bench-out-')); // outside the corpus: JSON results are not forms
const runCli = (jobs: number) => {
  const t = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, dir, '--jobs', String(jobs), '-f', 'json', '-o', join(outDir, `out-${jobs}.json`)], { encoding: 'utf8' });
  const seconds = (performance.now() - t) / 1000;
  const maxRssKb = Number(run.stderr.trim().split('\n').pop());
  if (run.status !== 0 && run.status !== 1) throw new Error(`jxlint exited ${run.status}: ${run.stderr}`);
  return { seconds, maxRssMb: maxRssKb / 1024 };
};
const one: number[] = [];
const two: number[] = [];
let rss = 0;
for (let i = 0; i < 3; i++) {
  const a = runCli(1);
  const b = runCli(2);
  one.push(a.seconds);
  two.push(b.seconds);
  rss = Math.max(rss, a.maxRssMb, b.maxRssMb);
}
const rate = (s: number) => forms / s;
console.log(`CLI, --jobs 1: ${rate(Math.min(...one)).toFixed(0)} files/s (${Math.min(...one).toFixed(2)} s for ${forms} files)`);
console.log(`CLI, --jobs 2: ${rate(Math.min(...two)).toFixed(0)} files/s (${Math.min(...two).toFixed(2)} s)`);
console.log(`speed-up with 2 workers: ${(Math.min(...one) / Math.min(...two)).toFixed(2)}×  (target ≥ 1.8×)`);
console.log(`peak RSS of the CLI: ${rss.toFixed(0)} MB`);
