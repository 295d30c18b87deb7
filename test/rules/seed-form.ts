/**
 * The seed form (fixtures/build/forms/seed-turpan-2024.ts) as a FormSpec: its rows and goals, taken
 * from the fixture module so the two cannot drift, in the test layout, so its cells are B10
 * (年度目标), B15 (质量指标), C21 (办公经费) here.
 */
import type { FormSpec } from '../../src/engine/testing.js';
import { DITTO } from '../../fixtures/build/sheet-builder.js';
import { SEED_ANNUAL_GOAL, SEED_INDICATOR_ROWS, SEED_OVERALL_GOAL } from '../../fixtures/build/forms/seed-turpan-2024.js';

export { SEED_ANNUAL_GOAL, SEED_OVERALL_GOAL };

/** The fixture's rows with each ditto mark left empty: a FormSpec fills an empty label from above. */
export const SEED_ROWS: string[][] = SEED_INDICATOR_ROWS.map((row) => row.map((cell) => (cell === DITTO ? '' : cell)));

export const SEED_FORM: FormSpec = {
  project: { name: '2024年第八届中国—亚欧博览会吐鲁番市代表团活动经费', department: '吐鲁番市商务局', implementer: '吐鲁番市商务局', attribute: '新增项目', term: '1年' },
  funds: { unit: '万元', total: 120, fiscal: 120, other: 0 },
  goals: { overall: SEED_OVERALL_GOAL, annual: SEED_ANNUAL_GOAL },
  indicators: SEED_ROWS,
};
