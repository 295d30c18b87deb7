#!/usr/bin/env node
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { LIMIT_SETTINGS, type LimitSettings } from '../read/limits.js';
import type { Locale } from '../i18n/read-messages.js';

/**
 * The jxlint command. Start-up matters (one form must check in well under a second), so only
 * commander loads eagerly; readers, locate and formatters are imported when a command runs.
 */

const EXIT_OK = 0;
const EXIT_USAGE = 2;

function detectLocale(argv: string[]): Locale {
  const i = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  const value = i < 0 ? undefined : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  return value === 'en' ? 'en' : 'zh';
}

const COMMANDER_ZH: Record<string, string> = {
  'commander.unknownOption': '未知的选项',
  'commander.unknownCommand': '未知的命令',
  'commander.missingArgument': '缺少参数',
  'commander.optionMissingArgument': '选项缺少取值',
  'commander.invalidArgument': '参数取值无效',
  'commander.excessArguments': '参数过多',
};

interface ReadCliOptions extends LimitSettings {
  format: string;
  locale: Locale;
  outputFile?: string;
}

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`“${value}” 不是正数 / not a positive number`);
  return n;
}

interface LintFlags {
  jobs?: number;
  config?: string;
  rule?: string[];
  maxWarnings?: number;
  quiet?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  suppressions?: string;
  printConfig?: string;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError(`“${value}” 不是 1–64 之间的整数 / not an integer from 1 to 64`);
  return n;
}

function timeoutSeconds(value: string): number {
  const n = Number(value);
  const max = LIMIT_SETTINGS.timeout.max!;
  if (!Number.isFinite(n) || n <= 0 || n > max) throw new InvalidArgumentError(`“${value}” 不是 0 到 ${max} 之间的秒数 / not a number of seconds from 0 to ${max}`);
  return n;
}

function positiveCount(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError(`“${value}” 不是正整数 / not a positive integer`);
  return n;
}

function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`“${value}” 不是非负整数 / not a non-negative integer`);
  return n;
}

function addReadOptions(cmd: Command, formats: string[], defaultFormat: string): Command {
  return cmd
    .addOption(new Option('-f, --format <format>', '输出格式 / output format').choices(formats).default(defaultFormat))
    .addOption(new Option('--locale <locale>', '界面语言 / language').choices(['zh', 'en']).default('zh'))
    .option('-o, --output-file <path>', '把结果写入文件 / write the output to a file')
    .addOption(new Option('--max-file-size <MB>', '单个文件大小上限（MB，默认 50） / largest file to read, in MB').argParser(positiveNumber))
    .addOption(new Option('--max-unpacked-size <MB>', '工作簿解压后大小上限（MB，默认 200） / largest unpacked workbook, in MB').argParser(positiveNumber))
    .addOption(new Option('--max-rows <n>', '每个工作表的行数上限（默认 200000） / rows per sheet').argParser(positiveCount))
    .addOption(new Option('--max-columns <n>', '每个工作表的列数上限（默认 1024） / columns per sheet').argParser(positiveCount))
    .addOption(new Option('--max-cells <n>', '每个工作表的非空单元格上限（默认 2000000） / non-empty cells per sheet').argParser(positiveCount))
    .addOption(new Option('--timeout <seconds>', '单个文件读取时限（秒，默认 20） / time limit per file, in seconds').argParser(timeoutSeconds));
}

async function run(paths: string[], opts: ReadCliOptions, mode: 'lint' | 'inspect'): Promise<number> {
  const { runRead } = await import('./run.js');
  return runRead(paths, { ...opts, mode });
}

export async function main(argv: string[]): Promise<number> {
  const locale = detectLocale(argv);
  const program = new Command();
  let exitCode = EXIT_OK;
  program
    .name('jxlint')
    .description('检查项目支出绩效目标申报表（.xlsx/.xls/.ods/.csv/.json/.yaml）/ lint performance-target declaration forms')
    .version((await import('./version.js')).version, '-v, --version')
    .argument('[paths...]', '文件、目录或通配符 / files, directories or globs')
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      outputError: () => {},
    });
  addReadOptions(program, ['stylish', 'json', 'sarif', 'junit', 'github', 'html', 'xlsx'], 'stylish')
    .addOption(new Option('-j, --jobs <n>', '并行解析的工作线程数（默认：CPU 核数） / parse workers (default: cores)').argParser(positiveInteger))
    .option('-c, --config <path>', '使用指定的配置文件 / use this config file')
    .option('--rule <id:severity>', '临时设置规则级别，可重复 / set a rule severity (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .addOption(new Option('--max-warnings <n>', '警告超过 n 个时退出码为 1 / exit 1 above n warnings').argParser(nonNegativeInteger))
    .option('-q, --quiet', '只显示错误 / report errors only')
    .option('--fix', '自动修复可安全修复的问题 / apply safe fixes')
    .option('--fix-dry-run', '只显示将要做的修复，不写文件 / show fixes without writing')
    .option('--suppressions <path>', '忽略清单文件 / suppressions file')
    .option('--print-config <file>', '显示对该文件生效的配置 / print the config for a file')
    .action(async (paths: string[], opts: ReadCliOptions & LintFlags) => {
      if (opts.printConfig) {
        const { printConfig } = await import('./config-commands.js');
        exitCode = await printConfig(opts.printConfig, opts.config);
        return;
      }
      if (paths.length === 0) {
        program.outputHelp();
        exitCode = EXIT_USAGE;
        return;
      }
      const { runLint } = await import('./lint-command.js');
      exitCode = await runLint(paths, opts);
    });
  addReadOptions(
    program.command('inspect').description('显示 jxlint 从表中读到的内容 / show what jxlint read from a form').argument('<paths...>', '文件 / files'),
    ['text', 'json'],
    'text',
  ).action(async (paths: string[], opts: ReadCliOptions) => {
    exitCode = await run(paths, opts, 'inspect');
  });
  program
    .command('rules')
    .description('列出全部规则 / list every rule')
    .addOption(new Option('-f, --format <format>', '输出格式 / output format').choices(['text', 'json']).default('text'))
    .addOption(new Option('--locale <locale>', '界面语言 / language').choices(['zh', 'en']).default('zh'))
    .option('-c, --config <path>', '同时列出该配置加载的插件规则 / include this config\'s plugin rules')
    .action(async (opts: { format: string; locale: Locale; config?: string }) => {
      const { listRules } = await import('./config-commands.js');
      exitCode = await listRules(opts);
    });
  program
    .command('init')
    .description('在当前目录写入 jxlint.config.json / write a starter jxlint.config.json here')
    .addOption(new Option('--format <format>', '配置格式 / config format').choices(['json', 'yaml']).default('json'))
    .action(async (opts: { format: 'json' | 'yaml' }) => {
      const { initConfig } = await import('./config-commands.js');
      exitCode = initConfig(process.cwd(), opts.format, locale);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT_OK;
      const zh = COMMANDER_ZH[error.code];
      const detail = error.message.replace(/^error:\s*/, '');
      process.stderr.write(locale === 'zh' && zh ? `jxlint：${zh}（${detail}）。运行 jxlint --help 查看用法。\n` : `jxlint: ${detail}. See jxlint --help.\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
  return exitCode;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Never a stack trace for users; JXLINT_DEBUG=1 shows it to developers.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`jxlint：内部错误（internal error）：${message}\n`);
    if (process.env.JXLINT_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = EXIT_USAGE;
  },
);
