import { readdirSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { globToRegExp } from '../text/glob.js';
import { isConfigFileName } from './config-files.js';

export const SUPPORTED_EXTENSIONS = ['.xlsx', '.xlsm', '.xls', '.et', '.ods', '.csv', '.json', '.yaml', '.yml'];

export interface FileTarget {
  /** Path as shown to the user (relative when given relative). */
  display: string;
  absolute: string;
  /** Named on the command line rather than found in a directory walk: it is checked even with an odd extension. */
  explicit: boolean;
}

export interface Expansion {
  files: FileTarget[];
  /** Paths that do not exist and globs that matched nothing: reported as file-not-found. */
  missing: string[];
  /** Config and suppressions files met inside the input folders: not used (they may come with the forms). */
  foreignConfigs: string[];
}

const isSupported = (name: string) => SUPPORTED_EXTENSIONS.includes(path.extname(name).toLowerCase());
/** Excel's lock files (~$form.xlsx) and hidden files are never forms. */
const isNoise = (name: string) => name.startsWith('~$') || name.startsWith('.');
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.svn', '__MACOSX']);

/** Walks a directory for supported files; follows symlinks once (a loop is visited once, not forever). */
function walk(dir: string, visit: (file: string) => void, seen: Set<string>, configs?: (file: string) => void): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (isNoise(entry.name)) continue;
    if (configs && isConfigFileName(entry.name)) configs(full);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const st = statSync(full);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        continue; // dangling link
      }
    }
    if (isDir && !SKIPPED_DIRS.has(entry.name)) walk(full, visit, seen, configs);
    else if (isFile && isSupported(entry.name)) visit(full);
  }
}

/** Turns command-line arguments (files, directories, globs) into the files to read, in a stable order. */
export function expandInputs(inputs: string[], cwd: string): Expansion {
  const files: FileTarget[] = [];
  const missing: string[] = [];
  const foreign = new Set<string>();
  // The working folder and those above it are where the run's config comes from; anything deeper is the forms'.
  const noteConfig = (file: string) => {
    const rel = path.relative(path.dirname(file), cwd);
    if (rel.startsWith('..') || path.isAbsolute(rel)) foreign.add(file);
  };
  const added = new Set<string>();
  const add = (absolute: string, explicit: boolean) => {
    if (added.has(absolute)) return;
    added.add(absolute);
    const rel = path.relative(cwd, absolute);
    files.push({ display: rel && !rel.startsWith('..') ? rel : absolute, absolute, explicit });
  };
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    if (/[*?{]/.test(input)) {
      const normalized = input.split(path.sep).join('/');
      const firstMagic = normalized.search(/[*?{]/);
      const baseRel = normalized.slice(0, normalized.lastIndexOf('/', firstMagic) + 1) || '.';
      const base = path.resolve(cwd, baseRel);
      const pattern = globToRegExp(path.resolve(cwd, normalized).split(path.sep).join('/'));
      const before = files.length;
      walk(base, (file) => {
        if (pattern.test(file.split(path.sep).join('/'))) add(file, false);
      }, new Set(), noteConfig);
      if (files.length === before) missing.push(input);
      continue;
    }
    let st;
    try {
      st = statSync(absolute);
    } catch {
      missing.push(input);
      continue;
    }
    if (st.isDirectory()) walk(absolute, (file) => add(file, false), new Set(), noteConfig);
    else add(absolute, true);
  }
  return { files, missing, foreignConfigs: [...foreign].map((f) => path.relative(cwd, f) || f) };
}
