import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/api.js';
import { readDeclarations } from '../../src/read/read.js';
import { findAll, lintFixture, parseXml, root, SEED } from './helpers.js';

describe('format test helpers', () => {
  it('lint fixtures exactly as the library lint() does with its default config', () => {
    for (const file of [SEED, 'fixtures/vertical-banners-centred.xlsx', 'fixtures/declaration.json']) {
      const read = readDeclarations(new Uint8Array(readFileSync(join(root, file))), file);
      expect(lintFixture(file).diagnostics).toEqual(lint(read.declarations, { file }));
      expect(lintFixture(file, 'en').diagnostics).toEqual(lint(read.declarations, { file, locale: 'en' }));
    }
  });

  it('parseXml reads what it should and rejects what an XML parser rejects', () => {
    const doc = parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<a x="1&amp;2&#10;3"><b>t &lt;&#x1F600;</b><b/></a>\n');
    expect(doc.attributes.x).toBe('1&2\n3');
    expect(findAll(doc, 'b').map((b) => b.text)).toEqual(['t <😀', '']);
    const head = '<?xml version="1.0" encoding="UTF-8"?>\n';
    for (const bad of ['<a>]]></a>', '<a x="<"/>', '<a>&</a>', '<a>&foo;</a>', '<a><b></a>', '<a>\u0001</a>', '<a>&#1;</a>', '<a/><b/>', '<a x="1" x="2"/>', '<a>\uD800</a>']) {
      expect(() => parseXml(head + bad), bad).toThrow();
    }
  });
});
