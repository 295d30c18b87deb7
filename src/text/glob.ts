/**
 * Glob patterns as users write them in configs and on the command line: `*`, `**`, `?`, `{a,b}`.
 * Matched against '/'-separated paths; linear-time regular expressions only (no nested repeats).
 */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:[^/]*/)*';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) re += '\\{';
      else {
        re += '(?:' + glob.slice(i + 1, close).split(',').map(escape).join('|') + ')';
        i = close;
      }
    } else re += escape(ch);
  }
  return new RegExp(`^${re}$`);
}

function escape(text: string): string {
  return text.replace(/[.+^$()|[\]\\{}]/g, '\\$&');
}

export function isGlob(text: string): boolean {
  return /[*?{]/.test(text);
}

/**
 * Whether a path (relative, '/'-separated) matches a pattern. A pattern without a slash matches the
 * base name anywhere (`*.xls` matches `a/b/c.xls`), as in .gitignore and ESLint overrides.
 */
export function matchesGlob(path: string, pattern: string): boolean {
  const clean = pattern.replace(/^\.\//, '');
  if (!clean.includes('/')) return globToRegExp(clean).test(path.slice(path.lastIndexOf('/') + 1));
  return globToRegExp(clean).test(path);
}
