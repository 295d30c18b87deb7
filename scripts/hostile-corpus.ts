/**
 * Writes the hostile corpus (fixtures/build/hostile.ts) into a directory and lists what each file
 * must produce: `npm run hostile-corpus -- <dir>`. Nothing here is committed; it is regenerated.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeHostileCorpus } from '../fixtures/build/hostile.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = resolve(process.argv[2] ?? 'hostile-corpus');
const inputs = writeHostileCorpus(dir, { real: readFileSync(join(root, 'fixtures', 'seed-turpan-2024.xlsx')), xls: readFileSync(join(root, 'fixtures', 'legacy-2016-long-annual.xls')), declarationJson: readFileSync(join(root, 'fixtures', 'declaration.json'), 'utf8') });
for (const input of inputs) {
  const outcome = 'fatal' in input.expect ? `fatal ${input.expect.fatal}` : `lints${input.expect.warn ? ` + ${input.expect.warn}` : ''}`;
  console.log(`${input.file.padEnd(28)} ${outcome.padEnd(28)} ${input.what}`);
}
console.log(`\n${inputs.length} files in ${dir}`);
