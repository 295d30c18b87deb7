/**
 * Writes schema/config.schema.json — the `$schema` users point their jxlint.config.json at — from
 * the built-in rules' own option schemas. `--check` exits 1 when the committed file is stale
 * (test/engine/config-schema.test.ts runs the same comparison).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildConfigSchema } from '../src/engine/config.js';
import { builtinRegistry } from '../rules/index.js';
import { lexiconAdditionsSchema } from '../rules/lexicon/schema.js';

export function configSchemaText(): string {
  return JSON.stringify(buildConfigSchema(builtinRegistry, lexiconAdditionsSchema), null, 2) + '\n';
}

const target = fileURLToPath(new URL('../../schema/config.schema.json', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = configSchemaText();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current !== text) {
      console.error('schema/config.schema.json 已过期：运行 npm run schemas 重新生成。');
      process.exit(1);
    }
    console.log('schema/config.schema.json 是最新的。');
  } else {
    writeFileSync(target, text);
    console.log(`已写入 ${target}`);
  }
}
