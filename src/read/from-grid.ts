import type { Grid } from '../model/grid.js';
import type { FileReadResult } from '../model/result.js';
import { locateDeclarations } from '../locate/forms.js';

/**
 * A parsed grid → the file's declarations, stamped with where they came from. Kept apart from
 * read.ts so the CLI's main thread, which gets grids from its workers, never loads SheetJS.
 */
export function declarationsFromGrid(grid: Grid, fileName: string): FileReadResult {
  const { declarations, problems } = locateDeclarations(grid);
  for (const decl of declarations) decl.source = { file: fileName, format: grid.format, ...decl.source };
  return { file: fileName, format: grid.format, declarations, problems: grid.warnings?.length ? [...grid.warnings, ...problems] : problems };
}
