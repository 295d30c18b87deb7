import type { AnyRule } from '../src/engine/rule.js';
import ambiguousObjectAction from './ambiguous-object-action.js';
import annualVsLongtermInconsistent from './annual-vs-longterm-inconsistent.js';
import budgetCostMismatch from './budget-cost-mismatch.js';
import costIndicatorUninformative from './cost-indicator-uninformative.js';
import costItemsUnrelated from './cost-items-unrelated.js';
import costMisfiled from './cost-misfiled.js';
import dateValueFormat from './date-value-format.js';
import duplicateIndicator from './duplicate-indicator.js';
import emptyIndicatorRow from './empty-indicator-row.js';
import formTypeMismatch from './form-type-mismatch.js';
import goalIndicatorMismatch from './goal-indicator-mismatch.js';
import goalTextVague from './goal-text-vague.js';
import invalidLevelPair from './invalid-level-pair.js';
import levelNameValid from './level-name-valid.js';
import missingHeaderField from './missing-header-field.js';
import missingRequiredLevel2 from './missing-required-level2.js';
import missingSatisfactionIndicator from './missing-satisfaction-indicator.js';
import missingUnit from './missing-unit.js';
import missingValueBasis from './missing-value-basis.js';
import nameContainsValue from './name-contains-value.js';
import nameIsSentence from './name-is-sentence.js';
import nameStrayPrefix from './name-stray-prefix.js';
import nonNumericQuantity from './non-numeric-quantity.js';
import outcomeAsOutput from './outcome-as-output.js';
import placeholderOrNullValue from './placeholder-or-null-value.js';
import processIndicatorAsPerformance from './process-indicator-as-performance.js';
import qualityIndicatorNotAboutOutput from './quality-indicator-not-about-output.js';
import qualityMisfiled from './quality-misfiled.js';
import quantityNameMissingAction from './quantity-name-missing-action.js';
import rateOver100 from './rate-over-100.js';
import rateUnderQuantity from './rate-under-quantity.js';
import satisfactionMisfiled from './satisfaction-misfiled.js';
import satisfactionValueOdd from './satisfaction-value-odd.js';
import templatePlaceholderLeft from './template-placeholder-left.js';
import timelinessMisfiled from './timeliness-misfiled.js';
import tooFewIndicators from './too-few-indicators.js';
import unitMismatch from './unit-mismatch.js';
import vagueEffectIndicator from './vague-effect-indicator.js';
import vagueQualitativeValue from './vague-qualitative-value.js';
import valueOperatorNormalize from './value-operator-normalize.js';
import wrongComparisonDirection from './wrong-comparison-direction.js';

/**
 * Every built-in rule. One rule = one id = rules/<id>.ts + rules/<id>.md + test/rules/<id>.test.ts
 * (test/rules/meta.test.ts checks it).
 */
export const builtinRules: readonly AnyRule[] = [
  ambiguousObjectAction,
  annualVsLongtermInconsistent,
  budgetCostMismatch,
  costIndicatorUninformative,
  costItemsUnrelated,
  costMisfiled,
  dateValueFormat,
  duplicateIndicator,
  emptyIndicatorRow,
  formTypeMismatch,
  goalIndicatorMismatch,
  goalTextVague,
  invalidLevelPair,
  levelNameValid,
  missingHeaderField,
  missingRequiredLevel2,
  missingSatisfactionIndicator,
  missingUnit,
  missingValueBasis,
  nameContainsValue,
  nameIsSentence,
  nameStrayPrefix,
  nonNumericQuantity,
  outcomeAsOutput,
  placeholderOrNullValue,
  processIndicatorAsPerformance,
  qualityIndicatorNotAboutOutput,
  qualityMisfiled,
  quantityNameMissingAction,
  rateOver100,
  rateUnderQuantity,
  satisfactionMisfiled,
  satisfactionValueOdd,
  templatePlaceholderLeft,
  timelinessMisfiled,
  tooFewIndicators,
  unitMismatch,
  vagueEffectIndicator,
  vagueQualitativeValue,
  valueOperatorNormalize,
  wrongComparisonDirection,
];

export const builtinRegistry: ReadonlyMap<string, AnyRule> = new Map(builtinRules.map((rule) => [rule.meta.id, rule]));
