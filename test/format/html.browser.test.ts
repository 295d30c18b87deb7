import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/format/html.js';
import { isUnreadable, type LintRunResult } from '../../src/model/result.js';
import { fixtureBatch, lintFixture, lintSpec, runOf, SEED } from './helpers.js';

/**
 * The HTML report in a real browser: Debian's Chromium driven by playwright-core (never a
 * downloaded browser). Skipped where /usr/bin/chromium is missing, unless JXLINT_REQUIRE_BROWSER=1
 * (CI sets it, so a missing install step fails instead of passing silently).
 * JXLINT_SCREENSHOT_DIR keeps the screenshots there; otherwise they go to a temp dir that is removed.
 * JXLINT_CHROMIUM points at another Chromium binary.
 */
const CHROMIUM = process.env.JXLINT_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const required = process.env.JXLINT_REQUIRE_BROWSER === '1';
const skipReason = `skipped: ${CHROMIUM} is not installed (apt-get install -y chromium)`;

if (!hasChromium && required) {
  it('needs Chromium (JXLINT_REQUIRE_BROWSER=1)', () => {
    expect.fail(`${CHROMIUM} is missing: install it with apt-get install -y chromium`);
  });
}

if (!hasChromium && !required) console.warn(`test/format/html.browser.test.ts ${skipReason}`);

describe.skipIf(!hasChromium)(`the HTML report in Chromium${hasChromium ? '' : ` (${skipReason})`}`, () => {
  let browser: Browser;
  let dir: string;
  let run: LintRunResult;
  const keep = process.env.JXLINT_SCREENSHOT_DIR;
  const SCRIPT = '<script>alert(1)</script>';
  const hostileName = `${SCRIPT}吐鲁番项目"onmouseover="alert(3)`;
  const hostileFile = `"><img src=x onerror=alert(5)>.xlsx`;

  // Everything is made here, not while collecting, so a skipped run costs nothing and leaves nothing.
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jxlint-html-'));
    run = fixtureBatch();
    const hostile = lintSpec(
      {
        project: { name: hostileName, department: '</script><script>alert(2)</script>' },
        indicators: [
          ['产出指标', '数量指标', `${SCRIPT}数量`, '>=**个'],
          ['效益指标', '社会效益指标', '<img src=x onerror=alert(4)>', '明显提升'],
        ],
      },
      hostileFile,
    );
    const reports = {
      batch: formatHtml(run, 'zh', { generatedAt: '2025-03-01 09:30', version: '0.1.0' }),
      seed: formatHtml(runOf(lintFixture(SEED)), 'zh'),
      hostile: formatHtml(runOf(hostile, lintFixture(SEED)), 'zh'),
      english: formatHtml(run, 'en'),
    };
    for (const [name, html] of Object.entries(reports)) writeFileSync(join(dir, `${name}.html`), html);
    if (keep) mkdirSync(keep, { recursive: true });
    const { chromium } = await import('playwright-core');
    // launch() gives the browser a fresh temporary profile (user-data-dir) and removes it on close.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const shots = () => keep ?? dir;

  /**
   * Opens a report from file:// and records everything that would make it less than offline and
   * quiet: any request but the document itself, console errors (CSP violations are reported
   * there), page errors and dialogs (an alert() that got through).
   */
  async function open(name: string, width = 1366): Promise<{ page: Page; trouble: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const url = pathToFileURL(join(dir, `${name}.html`)).href;
    const trouble: string[] = [];
    page.on('request', (request) => {
      if (request.url() !== url && !request.url().startsWith('data:')) trouble.push(`request ${request.url()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') trouble.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => trouble.push(`page error: ${error.message}`));
    page.on('dialog', (dialog) => {
      trouble.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    // Anything that still tried the network is refused here as well as reported.
    await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    await page.goto(url);
    return { page, trouble };
  }

  const visibleFiles = (page: Page) => page.$$eval('#overview tbody tr', (rows) => rows.filter((r) => !(r as HTMLElement).hidden).map((r) => r.querySelector('th')!.textContent));

  it('loads offline and quietly: the script runs under the CSP, no request leaves the page', async () => {
    const { page, trouble } = await open('batch');
    // The controls are shown by the script: visible means the hash-allowed script ran.
    await expect.poll(() => page.isVisible('#overview-controls')).toBe(true);
    expect(await page.textContent('#overview-status')).toBe(`显示 ${run.files.length} / ${run.files.length} 个文件`);
    expect(trouble).toEqual([]);
    await page.close();
  });

  it('sorts by a column when its header is clicked, and again the other way', async () => {
    const { page, trouble } = await open('batch');
    const before = await visibleFiles(page);
    expect(before).toEqual(run.files.map((f) => f.file));

    await page.click('#overview thead th:nth-child(4) button');
    const byErrors = await visibleFiles(page);
    expect(byErrors).not.toEqual(before);
    const errors = (file: string) => {
      const f = run.files.find((x) => x.file === file)!;
      return f.diagnostics.filter((d) => d.severity === 'error').length + f.problems.filter((p) => p.fatal).length;
    };
    const counts = byErrors.map((f) => errors(f!));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(await page.getAttribute('#overview thead th:nth-child(4)', 'aria-sort')).toBe('descending');

    await page.click('#overview thead th:nth-child(4) button');
    const ascending = (await visibleFiles(page)).map((f) => errors(f!));
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(await page.getAttribute('#overview thead th:nth-child(4)', 'aria-sort')).toBe('ascending');
    expect(await page.getAttribute('#overview thead th:nth-child(1)', 'aria-sort')).toBeNull();

    await page.click('#overview thead th:nth-child(1) button');
    const collator = new Intl.Collator('zh-CN', { numeric: true });
    expect(await visibleFiles(page)).toEqual(run.files.map((f) => f.file).sort(collator.compare));
    expect(trouble).toEqual([]);
    await page.close();
  });

  it('filters by the text box (file name, project name, rule) and by worst-level checkboxes', async () => {
    const { page, trouble } = await open('batch');
    const total = run.files.length;
    await page.getByLabel('筛选（文件名、项目名称或规则）').fill('SEED-turpan-2024.XLSX');
    expect(await visibleFiles(page)).toEqual([SEED]);
    expect(await page.textContent('#overview-status')).toBe(`显示 1 / ${total} 个文件`);

    await page.fill('#overview-filter', '吐鲁番');
    expect(await visibleFiles(page)).toContain(SEED);

    await page.fill('#overview-filter', 'vague-qualitative-value');
    const withRule = run.files.filter((f) => f.diagnostics.some((d) => d.ruleId === 'vague-qualitative-value')).map((f) => f.file);
    expect(await visibleFiles(page)).toEqual(withRule);

    await page.fill('#overview-filter', '');
    expect(await visibleFiles(page)).toHaveLength(total);

    // Hide the files whose worst level is "clean", then also those that could not be read (errors).
    const clean = run.files.filter((f) => f.diagnostics.length === 0 && !isUnreadable(f)).length;
    await page.getByRole('checkbox', { name: /无问题/ }).uncheck();
    expect(await visibleFiles(page)).toHaveLength(total - clean);
    await page.locator('#worst-3').uncheck();
    const shown = await visibleFiles(page);
    for (const file of shown) {
      const f = run.files.find((x) => x.file === file)!;
      expect(isUnreadable(f) || f.diagnostics.some((d) => d.severity === 'error')).toBe(false);
    }
    expect(await page.textContent('#overview-status')).toBe(`显示 ${shown.length} / ${total} 个文件`);
    await page.locator('#worst-3').check();
    await page.getByRole('checkbox', { name: /无问题/ }).check();
    expect(await visibleFiles(page)).toHaveLength(total);
    expect(trouble).toEqual([]);
    await page.close();
  });

  it('has the accessible basics: labelled inputs, table headers, named charts, readable contrast', async () => {
    const { page, trouble } = await open('batch');
    const facts = await page.evaluate(() => {
      const inputs = [...document.querySelectorAll('input')].map((i) => i.labels?.length ?? 0);
      const tables = [...document.querySelectorAll('table')].map((t) => t.querySelectorAll('th').length);
      const charts = [...document.querySelectorAll('svg')].map((s) => `${s.getAttribute('role')}|${document.getElementById(s.getAttribute('aria-labelledby')!)?.textContent ?? ''}`);
      // WCAG contrast of each severity colour on its badge background.
      const luminance = (rgb: string) => {
        const [r, g, b] = rgb.match(/\d+/g)!.slice(0, 3).map((v) => {
          const c = Number(v) / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const contrast = [...document.querySelectorAll('.badge, .mark, .note, .where, .status, td, th')].slice(0, 400).map((el) => {
        const style = getComputedStyle(el);
        let node: Element | null = el;
        let background = 'rgba(0, 0, 0, 0)';
        while (node && /rgba\(0, 0, 0, 0\)|transparent/.test(background)) {
          background = getComputedStyle(node).backgroundColor;
          node = node.parentElement;
        }
        if (/rgba\(0, 0, 0, 0\)/.test(background)) background = 'rgb(255, 255, 255)';
        const [a, b] = [luminance(style.color), luminance(background)];
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      });
      return { inputs, tables, charts, minContrast: Math.min(...contrast) };
    });
    expect(facts.inputs.length).toBeGreaterThan(4);
    expect(facts.inputs.every((n) => n > 0)).toBe(true);
    expect(facts.tables.every((n) => n > 0)).toBe(true);
    expect(facts.charts).toHaveLength(3);
    for (const chart of facts.charts) expect(chart).toMatch(/^img\|按.+：.+\d/);
    expect(facts.minContrast).toBeGreaterThanOrEqual(4.5);
    expect(trouble).toEqual([]);
    await page.close();
  });

  it('shows hostile cell text as text: no alert, no injected element, the exact string in the cell', async () => {
    const { page, trouble } = await open('hostile');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(2);
    expect(await page.locator('[onmouseover], [onerror]').count()).toBe(0);
    const name = await page.locator('table.facts tr', { hasText: '项目名称' }).locator('td').first().textContent();
    expect(name).toBe(hostileName);
    expect(await page.locator('#overview tbody th').first().textContent()).toBe(hostileFile);
    // The list still works with such names.
    await page.fill('#overview-filter', '<script>');
    expect(await visibleFiles(page)).toEqual([hostileFile]);
    expect(trouble).toEqual([]);
    await page.close();
  });

  it('stays quick with 500 files: a sort and a filter take well under a second', async () => {
    const files = Array.from({ length: 500 }, (_, i) => ({ ...run.files[i % run.files.length]!, file: `batch/${String(i).padStart(3, '0')}/${run.files[i % run.files.length]!.file}` }));
    writeFileSync(join(dir, 'many.html'), formatHtml({ files, unusedSuppressions: [] }, 'zh'));
    const { page, trouble } = await open('many');
    const timings = await page.evaluate(() => {
      const time = (action: () => void) => {
        const started = performance.now();
        action();
        void document.body.offsetHeight; // include the layout the change causes
        return performance.now() - started;
      };
      const filter = document.getElementById('overview-filter') as HTMLInputElement;
      return {
        sortByErrors: time(() => document.querySelector<HTMLButtonElement>('#overview thead th:nth-child(4) button')!.click()),
        sortByName: time(() => document.querySelector<HTMLButtonElement>('#overview thead th:nth-child(1) button')!.click()),
        filter: time(() => {
          filter.value = 'seed-turpan-2024.xlsx';
          filter.dispatchEvent(new Event('input'));
        }),
      };
    });
    expect(await page.textContent('#overview-status')).toBe(`显示 ${files.filter((f) => f.file.includes('seed-turpan-2024.xlsx')).length} / 500 个文件`);
    for (const ms of Object.values(timings)) expect(ms).toBeLessThan(1000);
    expect(trouble).toEqual([]);
    await page.close();
  });

  it('prints without its controls, and looks right on screen (screenshots)', async () => {
    const { page, trouble } = await open('batch');
    await page.screenshot({ path: join(shots(), 'report-batch.png'), fullPage: false });
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('#overview-controls')).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.close();

    const seed = await open('seed');
    await seed.page.locator('h4[id$="-ind"]').first().evaluate((heading) => heading.scrollIntoView());
    await seed.page.screenshot({ path: join(shots(), 'report-seed.png'), fullPage: false });
    await seed.page.close();

    const narrow = await open('english', 820);
    await narrow.page.screenshot({ path: join(shots(), 'report-english-820.png'), fullPage: false });
    await narrow.page.close();

    for (const file of ['report-batch.png', 'report-seed.png', 'report-english-820.png']) {
      const png = readFileSync(join(shots(), file));
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(png.length).toBeGreaterThan(20_000);
    }
    expect([...trouble, ...seed.trouble, ...narrow.trouble]).toEqual([]);
  });
});
