import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : name.endsWith('.ts') ? [full] : [];
  });
}

describe('the core is isomorphic', () => {
  const core = [...sources(join(root, 'src')), ...(statSync(join(root, 'rules'), { throwIfNoEntry: false })?.isDirectory() ? sources(join(root, 'rules')) : [])]
    .filter((file) => !relative(root, file).startsWith(join('src', 'node')));

  it('has core modules to check', () => {
    expect(core.length).toBeGreaterThan(10);
  });

  for (const file of core) {
    it(`${relative(root, file)} uses no Node-only module, process or Buffer`, () => {
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code).not.toMatch(/from\s+['"](node:|fs|path|os|child_process|worker_threads|crypto|zlib)['"]/);
      expect(code).not.toMatch(/import\(\s*['"]node:/);
      expect(code).not.toMatch(/\bprocess\.|\bBuffer\b|\brequire\(/);
    });
  }
});
