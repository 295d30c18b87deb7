import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

// The reader runs in Node, a worker, a browser page and an editor: only src/node/ may use Node.
it('src/read and src/model use no Node built-ins, process or Buffer', () => {
  for (const dir of ['read', 'model']) {
    const root = new URL(`../../src/${dir}/`, import.meta.url);
    for (const file of readdirSync(root).filter((f) => f.endsWith('.ts'))) {
      const code = readFileSync(new URL(file, root), 'utf8').replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '');
      expect(code, `${dir}/${file}`).not.toMatch(/from '(node:|fs|path|os|worker_threads|zlib|crypto)|\bprocess\.|\bBuffer\b|\brequire\(/);
    }
  }
});
