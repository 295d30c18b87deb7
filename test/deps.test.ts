import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import * as XLSX from 'xlsx';

// npm's own `xlsx` is frozen at 0.18.5 with known CVEs; the alias must carry SheetJS CE 0.20.3 byte for byte.
it('xlsx is SheetJS CE 0.20.3, byte-identical to the checked build', () => {
  expect(XLSX.version).toBe('0.20.3');
  const source = readFileSync(new URL('../node_modules/xlsx/xlsx.mjs', import.meta.url));
  expect(createHash('sha256').update(source).digest('hex')).toBe('1a0fb062ee9781b13f6687371b202aaefc53b6ce55b530c027e01f9c087b77db');
});
