import type { ReadProblem, ReadProblemCode } from '../model/problem.js';

export type Locale = 'zh' | 'en';

type Catalogue = Record<ReadProblemCode, string>;

const zh: Catalogue = {
  'file-empty': '文件为空（0 字节），没有可读取的内容。',
  'file-not-found': '找不到文件或目录：{path}。',
  'file-unreadable': '无法读取文件：{reason}。',
  'file-too-large': '文件大小 {size} 超过上限 {limit}，已跳过。如确需读取，可用 --max-file-size 或配置 limits.maxFileSize（MB）调高上限。',
  'unsupported-format': '不支持的文件类型“{ext}”。支持 .xlsx、.xlsm、.xls、.et、.ods、.csv、.json、.yaml/.yml。',
  'format-mismatch': '文件扩展名为 {ext}，但内容是 {detected}，不是电子表格。请确认上传的是申报表原件。',
  'encrypted': '工作簿已加密（设置了打开密码），无法读取。请取消密码后另存再检查。',
  'corrupt-archive': '工作簿已损坏或不完整（{reason}），无法打开。请重新导出或重新下载该文件。',
  'zip-bomb': '工作簿解压后大小 {size} 超过上限 {limit}（压缩比异常），为安全起见不予读取。上限可用 --max-unpacked-size 或配置 limits.maxUnpackedSize（MB）调整。',
  'too-many-cells': '工作表“{sheet}”的非空单元格超过 {limit} 个的上限，已跳过该文件。申报表通常只有几百个单元格；如确需读取，可用 --max-cells 或配置 limits.maxCells 调高上限。',
  'too-many-rows': '工作表“{sheet}”第 {row} 行仍有内容，超过 {limit} 行的上限，已跳过该文件。申报表通常只有几十到几百行；如确需读取，可用 --max-rows 或配置 limits.maxRows 调高上限。',
  'too-many-columns': '工作表“{sheet}”的 {column} 列仍有内容，超过 {limit} 列的上限，已跳过该文件。如确需读取，可用 --max-columns 或配置 limits.maxColumns 调高上限。',
  'parse-timeout': '超时：{seconds} 秒内未能读取并检查完该文件，已中止。时限可用 --timeout 或配置 limits.timeout（秒）调整。',
  'out-of-memory': '读取该文件需要的内存超过上限（{limit} MB），已中止；其余文件照常检查。',
  'parse-failed': '无法解析工作簿：{reason}。',
  'text-encoding': '文本文件编码无法识别：第 {line} 行的字节既不是 UTF-8 也不是 GB18030/GBK。请用 Excel 或 WPS 打开后另存为 UTF-8 CSV 或 .xlsx。',
  'structured-syntax': '{format} 文件语法错误：{reason}。',
  'structured-schema': '申报表数据不符合 jxlint 数据模型：{path} {reason}。',
  'no-indicator-table': '未找到绩效指标表：没有一个工作表含有“一级指标/二级指标/三级指标/指标值”这类表头。',
  'self-evaluation-form': '“{sheet}”是绩效自评表（含实际完成值/得分列），不是绩效目标申报表；已按“{column}”列读取目标值。',
  'sheet-skipped': '工作表“{sheet}”已跳过：{reason}。',
  'cell-truncated': '工作表“{sheet}”{cell} 等 {count} 个单元格超过 Excel 每格 32767 个字符的上限，只检查了每格的前 32767 个字符（Excel 打开时同样会截断）。',
  'text-truncated': '{path} 等 {count} 处文字超过 32767 个字符（Excel 每格的上限），只检查了每处的前 32767 个字符。',
  'mixed-encoding': '文件混用了两种编码：第 {utf8} 行是 UTF-8，第 {gbk} 行是 GBK/GB18030；已逐行识别，请核对这些行的文字。建议统一另存为 UTF-8。',
};

const en: Catalogue = {
  'file-empty': 'The file is empty (0 bytes).',
  'file-not-found': 'No such file or directory: {path}.',
  'file-unreadable': 'Cannot read the file: {reason}.',
  'file-too-large': 'The file is {size}, over the {limit} limit; skipped. Raise it with --max-file-size or limits.maxFileSize (MB) in the config.',
  'unsupported-format': 'Unsupported file type "{ext}". Supported: .xlsx, .xlsm, .xls, .et, .ods, .csv, .json, .yaml/.yml.',
  'format-mismatch': 'The file is named {ext} but its content is {detected}, not a spreadsheet.',
  'encrypted': 'The workbook is encrypted (password to open); remove the password and save it again.',
  'corrupt-archive': 'The workbook is damaged or incomplete ({reason}) and cannot be opened.',
  'zip-bomb': 'The workbook would unpack to {size}, over the {limit} limit (suspicious compression ratio); not read. The limit is --max-unpacked-size or limits.maxUnpackedSize (MB).',
  'too-many-cells': 'Sheet "{sheet}" has more than {limit} non-empty cells; the file was skipped. Raise the limit with --max-cells or limits.maxCells.',
  'too-many-rows': 'Sheet "{sheet}" still has content in row {row}, past the {limit}-row limit; the file was skipped. Raise it with --max-rows or limits.maxRows.',
  'too-many-columns': 'Sheet "{sheet}" still has content in column {column}, past the {limit}-column limit; the file was skipped. Raise it with --max-columns or limits.maxColumns.',
  'parse-timeout': 'Timed out: the file was not read and checked within {seconds} s. The limit is --timeout or limits.timeout (seconds).',
  'out-of-memory': 'Reading the file needs more memory than the {limit} MB allowed; stopped. The other files are checked as usual.',
  'parse-failed': 'Cannot parse the workbook: {reason}.',
  'text-encoding': 'Cannot decode the text file: line {line} is neither UTF-8 nor GB18030/GBK. Save it again as UTF-8 CSV or .xlsx.',
  'structured-syntax': '{format} syntax error: {reason}.',
  'structured-schema': 'The declaration data does not match the jxlint model: {path} {reason}.',
  'no-indicator-table': 'No indicator table found: no sheet has a header like 一级指标/二级指标/三级指标/指标值.',
  'self-evaluation-form': 'Sheet "{sheet}" is a self-evaluation table (绩效自评表), not a declaration form; targets were read from column "{column}".',
  'sheet-skipped': 'Sheet "{sheet}" skipped: {reason}.',
  'cell-truncated': 'Sheet "{sheet}": {count} cell(s), the first at {cell}, exceed Excel\'s 32,767-character cell limit; only the first 32,767 characters of each were checked (Excel truncates them too).',
  'text-truncated': '{count} text(s), the first at {path}, exceed 32,767 characters (the most an Excel cell holds); only the first 32,767 characters of each were checked.',
  'mixed-encoding': 'The file mixes two encodings: line(s) {utf8} are UTF-8, line(s) {gbk} GBK/GB18030; each line was decoded on its own, check their text. Save it as UTF-8.',
};

export const readMessages: Record<Locale, Catalogue> = { zh, en };

export function fillPlaceholders(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

/** Why a file could not be opened: `file-unreadable` carries one of these keys (or a system error code). */
const UNREADABLE_REASONS: Record<string, Record<Locale, string>> = {
  directory: { zh: '这是一个目录，不是文件', en: 'it is a folder, not a file' },
  'not-regular': { zh: '不是普通文件（命名管道、设备或套接字），读取可能永远等待', en: 'not a regular file (a pipe, device or socket); reading it could wait forever' },
  permission: { zh: '没有读取权限', en: 'permission denied' },
  'link-loop': { zh: '符号链接循环', en: 'a symbolic link loop' },
};

export function formatReadProblem(problem: ReadProblem, locale: Locale = 'zh'): string {
  let data = problem.data;
  const reason = problem.code === 'file-unreadable' && typeof data?.reason === 'string' ? UNREADABLE_REASONS[data.reason] : undefined;
  if (reason) data = { ...data, reason: reason[locale] };
  return fillPlaceholders(readMessages[locale][problem.code], data);
}
