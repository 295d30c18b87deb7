import type { RuleCategory } from '../model/diagnostic.js';
import type { Locale } from './read-messages.js';

/** Words of the machine formats (SARIF, JUnit, GitHub Actions); severities come from ui.ts. */
const zh = {
  cell: '单元格',
  indicator: '指标',
  level: '级别',
  rule: '规则',
  message: '问题',
  suggestion: '建议',
  fix: '可自动修复',
  fixEdit: '{cell}：“{before}” → “{after}”',
  suppressedBecause: '已按忽略清单忽略：{reason}',
  readProblem: '读取问题',
  unreadable: '无法读取',
  cleanCase: '未发现问题',
  categoryLabel: '类别：{category}',
  defaultLevel: '默认级别：{level}',
  fixable: '可用 --fix 自动修复',
  hasSuggestions: '提供改写建议',
  docPage: '说明见 {path}',
  unreadableRule: '文件无法读取：已损坏、加密、不是电子表格、超出读取限制或找不到绩效指标表',
  unreadableRuleFull: '这类文件无法检查，需由报送单位重新导出或另存后再提交；jxlint 对它们的退出码为 2。',
  unusedSuppression: '忽略清单第 {index} 条（{rule}，{file}）没有匹配到任何问题，可以删除。',
  summaryTitle: 'jxlint 检查结果',
  summaryTotals: '共 {files} 个文件：{error} 个错误、{warning} 个警告、{info} 条提示；{unreadable} 个文件无法读取，{suppressed} 个问题已忽略。',
  summaryClean: '检查了 {files} 个文件，未发现问题。',
  summaryOmittedRows: '另有 {count} 行因步骤摘要大小上限未列出，完整结果请用 --format json 或 sarif 输出。',
  annotationsOmitted: 'jxlint：GitHub 每个步骤最多显示 10 条同级注释，另有 {error} 条错误、{warning} 条警告、{notice} 条提示未作为注释显示，完整列表见步骤摘要。',
  truncated: '…（已截断，共 {length} 字）',
} as const;

export type FormatWord = keyof typeof zh;

const en: Record<FormatWord, string> = {
  cell: 'Cell',
  indicator: 'Indicator',
  level: 'Level',
  rule: 'Rule',
  message: 'Problem',
  suggestion: 'Suggestion',
  fix: 'Fixable',
  fixEdit: '{cell}: "{before}" → "{after}"',
  suppressedBecause: 'Suppressed by the suppressions file: {reason}',
  readProblem: 'Reading problem',
  unreadable: 'unreadable',
  cleanCase: 'no problems',
  categoryLabel: 'Category: {category}',
  defaultLevel: 'Default level: {level}',
  fixable: 'fixable with --fix',
  hasSuggestions: 'offers rewrites',
  docPage: 'See {path}',
  unreadableRule: 'The file cannot be read: damaged, encrypted, not a spreadsheet, over a reading limit, or without an indicator table',
  unreadableRuleFull: 'Such files cannot be checked; the submitting unit has to export or save them again. jxlint exits with code 2 for them.',
  unusedSuppression: 'Suppression #{index} ({rule}, {file}) matched nothing; it can be removed.',
  summaryTitle: 'jxlint results',
  summaryTotals: '{files} file(s): {error} error(s), {warning} warning(s), {info} info; {unreadable} unreadable file(s), {suppressed} suppressed.',
  summaryClean: '{files} file(s) checked, no problems found.',
  summaryOmittedRows: '{count} more row(s) left out to keep the step summary under its size limit; use --format json or sarif for everything.',
  annotationsOmitted: 'jxlint: GitHub shows at most 10 annotations of each level per step; {error} error(s), {warning} warning(s) and {notice} notice(s) were not annotated. The step summary lists them all.',
  truncated: '… (truncated, {length} characters)',
};

const catalogues: Record<Locale, Record<FormatWord, string>> = { zh, en };

export function formatWord(locale: Locale, key: FormatWord, data?: Record<string, string | number>): string {
  const template = catalogues[locale][key];
  return data ? template.replace(/\{(\w+)\}/g, (w, k: string) => (k in data ? String(data[k]) : w)) : template;
}

const CATEGORY: Record<Locale, Record<RuleCategory, string>> = {
  zh: { naming: '命名', classification: '归类', completeness: '完整性', values: '指标值', consistency: '一致性', budget: '资金', form: '表式' },
  en: { naming: 'naming', classification: 'classification', completeness: 'completeness', values: 'values', consistency: 'consistency', budget: 'budget', form: 'form' },
};

/** A category's name for people; an unknown one (from a newer plugin) is shown as it is. */
export function categoryLabel(locale: Locale, category: string): string {
  return (CATEGORY[locale] as Record<string, string>)[category] ?? category;
}
