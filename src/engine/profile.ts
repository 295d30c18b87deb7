import type { Declaration } from '../model/declaration.js';
import { cleanLabel } from '../text/clean.js';
import type { Profile } from './rule.js';

const COST = /^成本(指标)?$/;
const strip = (text: string) => cleanLabel(text).replace(/[（(][^）)]*[）)]分?/g, '').replace(/[*★＊]/g, '');

/**
 * Which taxonomy a form follows, from the form itself: 成本指标 written as a 一级 means the 2021+
 * profile, 成本指标 as a 二级 under 产出指标 means the legacy one. A form that says neither is
 * taken as 2021+, the template in force since 财预〔2021〕101号.
 */
export function detectProfile(declaration: Declaration): Profile {
  for (const indicator of declaration.indicators) {
    if (indicator.level1 && COST.test(strip(indicator.level1.text))) return '2021';
    if (indicator.level2 && COST.test(strip(indicator.level2.text)) && /产出/.test(indicator.level1?.text ?? '')) return 'legacy';
  }
  return '2021';
}
