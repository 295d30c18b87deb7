import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDeclarations } from '../src/read/read.js';

const fixturesDir = new URL('../fixtures/', import.meta.url);
const index = JSON.parse(readFileSync(new URL('expected/index.json', fixturesDir), 'utf8')) as {
  fixtures: { file: string; expected: string }[];
};

describe('fixtures read to exactly their expected model', () => {
  it('covers every input format the issue names', () => {
    const files = index.fixtures.map((f) => f.file);
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const ext of ['xlsx', 'xls', 'ods', 'csv', 'json', 'yaml']) expect(files.some((f) => f.endsWith(`.${ext}`))).toBe(true);
  });

  for (const { file, expected } of index.fixtures) {
    it(file, () => {
      const want = JSON.parse(readFileSync(new URL(expected, fixturesDir), 'utf8')) as { declarations: unknown[] };
      const bytes = new Uint8Array(readFileSync(new URL(file, fixturesDir)));
      const result = readDeclarations(bytes, file);
      expect(result.problems.filter((p) => p.fatal)).toEqual([]);
      // Through JSON so that absent and undefined fields compare alike, as they would on disk.
      expect(JSON.parse(JSON.stringify(result.declarations))).toEqual(want.declarations);
    });
  }
});

describe('committed fixtures are what the generator makes', () => {
  it('generate --check finds no difference between the sources and the files on disk', async () => {
    const { spawnSync } = await import('node:child_process');
    const { fileURLToPath } = await import('node:url');
    const script = fileURLToPath(new URL('../dist/fixtures/build/generate.js', import.meta.url));
    const run = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(run.stderr + run.stdout).not.toMatch(/differ|mismatch|missing/i);
    expect(run.status).toBe(0);
  });
});
