import type { Locale } from '../i18n/read-messages.js';
import { textWidth } from '../text/width.js';

export type ProgressReporter = ((done: number, file: string) => void) & { end(): void };

/**
 * A one-line progress bar on stderr for batches, redrawn in place. Only when stderr is a terminal
 * and not in CI: redirected output and CI logs stay clean.
 */
export function progressReporter(total: number, locale: Locale): ProgressReporter | undefined {
  const stream = process.stderr;
  if (!stream.isTTY || process.env.CI || total < 2) return undefined;
  const started = Date.now();
  let last = 0;
  let shown = false;
  const report = ((done: number, file: string) => {
    const now = Date.now();
    if (done < total && now - last < 80) return; // redraw at most ~12 times a second
    last = now;
    shown = true;
    const width = 24;
    const filled = Math.round((done / total) * width);
    const rate = done / Math.max(0.001, (now - started) / 1000);
    const label = locale === 'zh' ? `${done}/${total} 个文件  ${rate.toFixed(0)} 个/秒` : `${done}/${total} files  ${rate.toFixed(0)}/s`;
    const columns = stream.columns ?? 80;
    let line = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${label}  ${file}`;
    while (textWidth(line) > columns - 1) line = line.slice(0, -1);
    stream.write(`\r\x1b[2K${line}`);
  }) as ProgressReporter;
  report.end = () => {
    if (shown) stream.write('\r\x1b[2K');
  };
  return report;
}
