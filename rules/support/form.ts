/**
 * What rules ask of a form again and again: where an indicator sits in the taxonomy, the form's own
 * words (for rewrites built from the form itself), and edits that rewrite one cell. Isomorphic.
 */
import type { CellRef, TextField } from '../../src/model/cell.js';
import type { Declaration, Indicator } from '../../src/model/declaration.js';
import type { Edit } from '../../src/model/diagnostic.js';
import type { Profile } from '../../src/engine/rule.js';
import { cleanName, findAll, normalizeLevelName, type LevelName, type LexiconMatch } from '../lexicon/match.js';
import type { Level2Kind, LevelFamily, Lexicon, LexiconEntry } from '../lexicon/types.js';

export interface Placement {
  level1?: LevelName;
  level2?: LevelName;
  /** The 一级 family, from the 一级 label or else from the 二级 (a form may leave 一级 empty). */
  family?: LevelFamily;
  /** The 二级 kind: quantity, quality, timeliness, cost, economicBenefit … */
  kind?: Level2Kind;
}

const placements = new WeakMap<Indicator, Map<string, Placement>>();

/** Where an indicator sits in the taxonomy of the active profile (cached per indicator). */
export function placementOf(indicator: Indicator, lexicon: Lexicon, profile: Profile): Placement {
  let byProfile = placements.get(indicator);
  if (!byProfile) placements.set(indicator, (byProfile = new Map()));
  const cached = byProfile.get(profile);
  if (cached) return cached;
  const level1 = indicator.level1?.text ? normalizeLevelName(indicator.level1.text, lexicon, { profile, level: 1 }) : undefined;
  const level2 = indicator.level2?.text ? normalizeLevelName(indicator.level2.text, lexicon, { profile, level: 2 }) : undefined;
  const placement: Placement = {
    ...(level1 ? { level1 } : {}),
    ...(level2 ? { level2 } : {}),
    ...(level1?.family ?? level2?.family ? { family: (level1?.family ?? level2?.family)! } : {}),
    ...(level2?.kind ? { kind: level2.kind } : {}),
  };
  byProfile.set(profile, placement);
  return placement;
}

/** The name as rules compare it: no ★, numbering, bracketed notes or spaces (match.ts cleanName). */
export function nameOf(indicator: Indicator): string {
  return cleanName(indicator.name.text);
}

/** A piece of the form's own text, with the field it came from. */
export interface FormText {
  text: string;
  field: TextField;
  /** project | goal | indicator | cost (an indicator under 成本) */
  source: 'project' | 'goal' | 'indicator' | 'cost';
}

/** Every text of the form a rewrite may draw on: project name and overview, goals, indicator names. */
export function formTexts(declaration: Declaration, lexicon: Lexicon, profile: Profile): FormText[] {
  const out: FormText[] = [];
  const add = (field: TextField | undefined, source: FormText['source']) => {
    if (field?.text) out.push({ text: field.text, field, source });
  };
  add(declaration.project.name, 'project');
  add(declaration.project.overview, 'project');
  add(declaration.goals.overall, 'goal');
  add(declaration.goals.midTerm, 'goal');
  add(declaration.goals.annual, 'goal');
  for (const indicator of declaration.indicators) {
    const family = placementOf(indicator, lexicon, profile).family;
    const kind = placementOf(indicator, lexicon, profile).kind;
    add(indicator.name, family === 'cost' || kind === 'cost' ? 'cost' : 'indicator');
  }
  return out;
}

const verbLists = new WeakMap<Lexicon, LexiconEntry[]>();

/** Every verb of the lexicon (all domains); one array per lexicon, so lookups on it are cached. */
export function allVerbs(lexicon: Lexicon): LexiconEntry[] {
  let verbs = verbLists.get(lexicon);
  if (!verbs) verbLists.set(lexicon, (verbs = Object.values(lexicon.verbs).flat()));
  return verbs;
}

export interface VerbEvidence {
  verb: string;
  /** How often the form uses the verb with the object: in the goals, the project name, cost rows. */
  count: number;
  /** Where, for the message ("年度目标：组织设计搭建展位"). */
  quotes: { text: string; source: FormText['source'] }[];
}

/**
 * Verbs the form itself uses with an object: "组织设计搭建展位" in the goals and "展位设计、搭建费用"
 * in the cost rows give 搭建 and 设计 for 展位. A verb counts when it stands within a few characters
 * before the object, or right after it in a cost or activity phrase (展位设计、搭建费用). Ranked by
 * how often, then by how close to the object the verb stood.
 */
export function verbsForObject(object: string, declaration: Declaration, lexicon: Lexicon, profile: Profile, exclude?: Indicator): VerbEvidence[] {
  const verbs = allVerbs(lexicon);
  const found = new Map<string, VerbEvidence & { distance: number }>();
  for (const piece of formTexts(declaration, lexicon, profile)) {
    if (exclude && piece.field === exclude.name) continue;
    let from = 0;
    for (;;) {
      const at = piece.text.indexOf(object, from);
      if (at < 0) break;
      from = at + object.length;
      const before = piece.text.slice(Math.max(0, at - 8), at);
      const after = piece.text.slice(at + object.length, at + object.length + 8).split(/[，。；;,]/)[0]!;
      const windows: [string, number][] = [
        [before, 0],
        [after, 1],
      ];
      for (const [window, side] of windows) {
        for (const match of findAll(verbs, window)) {
          const distance = side === 0 ? window.length - (match.index + match.matched.length) : match.index;
          const key = match.entry.word ?? match.matched;
          const seen = found.get(key);
          const quote = { text: piece.text.length > 40 ? piece.text.slice(Math.max(0, at - 12), at + object.length + 12) : piece.text, source: piece.source };
          if (seen) {
            seen.count++;
            seen.distance = Math.min(seen.distance, distance);
            if (seen.quotes.length < 3) seen.quotes.push(quote);
          } else found.set(key, { verb: key, count: 1, distance, quotes: [quote] });
        }
      }
    }
  }
  return [...found.values()]
    .sort((a, b) => b.count - a.count || a.distance - b.distance)
    .map(({ verb, count, quotes }) => ({ verb, count, quotes }));
}

/** Matches of a lexicon list anywhere in the form's texts (goals, project, indicator names). */
export function findInForm<E extends LexiconEntry>(entries: readonly E[], declaration: Declaration, lexicon: Lexicon, profile: Profile): (LexiconMatch<E> & { piece: FormText })[] {
  return formTexts(declaration, lexicon, profile).flatMap((piece) => findAll(entries, piece.text).map((m) => ({ ...m, piece })));
}

/** An edit that rewrites one field's cell (a name, a label, a value), or none for cell-less inputs. */
export function editOf(field: { text: string; raw?: string; at?: CellRef } | undefined, after: string): Edit[] {
  if (!field?.at) return [];
  return [{ sheet: field.at.sheet, a1: field.at.a1, before: field.raw ?? field.text, after }];
}

/** The indicator value's cell rewritten (one-cell values only; split columns have `parts`). */
export function valueEdit(indicator: Indicator, after: string): Edit[] {
  const { value } = indicator;
  if (!value.at || value.parts) return [];
  return [{ sheet: value.at.sheet, a1: value.at.a1, before: value.raw, after }];
}

/**
 * Moving a row to another 二级 means rewriting its 二级 cell — possible only when that cell belongs
 * to this row alone (not a label merged or filled over several rows). Otherwise no edit: the
 * suggestion is advice to move the row.
 */
export function level2Edit(indicator: Indicator, declaration: Declaration, after: string): Edit[] {
  const field = indicator.level2;
  if (!field?.at) return [];
  const shared = declaration.indicators.some((other) => other !== indicator && other.level2?.at?.a1 === field.at!.a1 && other.level2?.at?.sheet === field.at!.sheet);
  return shared ? [] : editOf(field, after);
}
