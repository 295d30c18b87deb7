import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Type-checks a snippet that uses defineRule, as a rule author's editor would. */
function typeErrors(body: string): string[] {
  const file = `${root}test/engine/__snippet__.ts`;
  const source = `import { defineRule } from '../../src/engine/rule.js';\n${body}\n`;
  const options: ts.CompilerOptions = { strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, noEmit: true, skipLibCheck: true, types: [] };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (name) => (name === file ? source : read(name));
  const exists = host.fileExists.bind(host);
  host.fileExists = (name) => name === file || exists(name);
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

const rule = (messageId: string) => `
defineRule({
  meta: {
    id: 'typed', category: 'naming', defaultSeverity: 'warning', recommended: false,
    docs: { description: { zh: 'x', en: 'x' } },
    messages: { known: { zh: 'x', en: 'x' } },
  },
  create: (context) => ({ declaration: () => context.report({ messageId: '${messageId}' }) }),
});`;

describe('defineRule typing', () => {
  it('accepts a declared messageId and rejects a misspelt one at compile time', () => {
    expect(typeErrors(rule('known'))).toEqual([]);
    const errors = typeErrors(rule('knwon'));
    expect(errors.length).toBe(1);
    expect(errors[0]).toMatch(/"knwon".*not assignable.*"known"/s);
  }, 60_000);
});
