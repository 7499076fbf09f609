/**
 * The content script on a big CRM page, in real Chromium: a generated 10,000-row contact table.
 *
 * - initial scan ÷ bare walk: the scanner's own busy time (the sum of its idle-time slices, from
 *   the `ringback-scan` performance measure it publishes when its queue drains) over a bare
 *   TreeWalker pass reading every text node of the same page (from the page's own world, every
 *   wrapper made: the median of 7), and over the first such pass from a world of its own, which
 *   is where a content script runs;
 * - the longest main-thread task while the scan ran: Long Tasks API entries (≥ 50 ms, whoever
 *   caused them) overlapping the scan, next to the scanner's longest slice;
 * - rescan after 100 appended rows ÷ initial scan: the busy time of the scan the append triggers.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildSimFlavour, configureAccount, type LoadedExtension, launchWithExtension } from '../support/extension';
import { startPageServer } from '../support/static-server';
import { round } from './stats';

const ROWS = 10_000;
const APPENDED = 100;
const BARE_WALKS = 7;

interface ScanDetail {
  readonly busyMs: number;
  readonly slices: number;
  readonly longestSliceMs: number;
  readonly numbers: number;
  readonly runs: number;
}

interface Scan {
  readonly start: number;
  readonly duration: number;
  readonly detail: ScanDetail;
}

interface Collected {
  readonly scans: Scan[];
  readonly longTasks: { start: number; duration: number }[];
}

export async function pageScanBench(): Promise<Record<string, number | string>> {
  buildSimFlavour();
  const dir = await mkdtemp(join(tmpdir(), 'ringback-bench-page-'));
  await writeFile(join(dir, 'contacts-10k.html'), contactTable(ROWS));
  const pages = await startPageServer(0, dir);
  const extension = await launchWithExtension();
  try {
    // Detection runs where an account exists; this one is never called.
    await configureAccount(extension, {
      provider: 'fonial',
      baseUrl: 'http://127.0.0.1:9/fonial/api/2.0',
      credentials: { username: 'bench', password: 'bench' },
    });
    const page = await extension.context.newPage();
    await page.addInitScript(collectTimings);
    await page.goto(pages.url('contacts-10k.html'));
    const initial = await nextScan(page, 0);

    const bare = await page.evaluate((walks) => {
      const times: number[] = [];
      let characters = 0;
      for (let i = 0; i < walks; i++) {
        const started = performance.now();
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) characters += (node as Text).data.length;
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      return { ms: times[Math.floor(times.length / 2)] ?? 0, characters };
    }, BARE_WALKS);

    const isolated = await bareWalkInIsolatedWorld(page);

    const collected = await timings(page);
    const during = collected.longTasks.filter(
      (t) => t.start < initial.start + initial.duration && t.start + t.duration > initial.start,
    );

    await page.evaluate(() => (window as unknown as { appendRows: () => void }).appendRows());
    const rescan = await nextScan(page, 1);
    const listFrom = await page.evaluate(() => performance.now());
    const listed = await listNumbers(extension, page.url());
    const listTo = await page.evaluate(() => performance.now());
    const whileListing = (await timings(page)).longTasks.filter((t) => t.start >= listFrom && t.start < listTo);

    return {
      rows: ROWS,
      'numbers marked': initial.detail.numbers,
      'bare TreeWalker pass (ms)': round(bare.ms),
      'initial scan, busy (ms)': initial.detail.busyMs,
      'initial scan, wall clock (ms)': round(initial.duration),
      'initial scan ÷ bare walk': round(initial.detail.busyMs / bare.ms),
      'bare TreeWalker pass from a content-script world, first / median (ms)': `${round(isolated.first)} / ${round(isolated.median)}`,
      'initial scan ÷ first bare walk from a content-script world': round(initial.detail.busyMs / isolated.first),
      'idle slices': initial.detail.slices,
      'longest scan slice (ms)': initial.detail.longestSliceMs,
      'long tasks (≥50 ms) during scan': during.length,
      'longest main-thread task during scan (ms)':
        during.length > 0 ? round(Math.max(...during.map((t) => t.duration))) : 'none ≥ 50',
      [`rescan after ${APPENDED} appended rows, busy (ms)`]: rescan.detail.busyMs,
      'rescan ÷ initial scan': round(rescan.detail.busyMs / initial.detail.busyMs, 4),
      "popup's list of numbers: answer (ms)": round(listed.ms),
      "popup's list of numbers: unique numbers": listed.count,
      'long tasks (≥50 ms) while listing': whileListing.length,
    };
  } finally {
    await extension.close();
    await pages.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The same bare walk from a world of its own, as a content script runs (an isolated world): there
 * every node handed to script needs a wrapper of that world, made on first touch and looked up
 * after, where the page's own world keeps its wrappers on the nodes. The first walk is what a
 * content script's first scan meets; the median is with every wrapper made.
 */
async function bareWalkInIsolatedWorld(page: Page): Promise<{ first: number; median: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: 'ringback-bench-bare-walk',
    });
    const times: number[] = [];
    for (let i = 0; i < BARE_WALKS; i++) {
      const { result } = await cdp.send('Runtime.evaluate', {
        contextId: executionContextId,
        returnByValue: true,
        expression: `(() => {
          const started = performance.now();
          let characters = 0;
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) characters += node.data.length;
          return performance.now() - started;
        })()`,
      });
      times.push(Number(result.value));
    }
    const first = times[0] ?? 0;
    const sorted = [...times].sort((a, b) => a - b);
    return { first, median: sorted[Math.floor(sorted.length / 2)] ?? 0 };
  } finally {
    await cdp.detach();
  }
}

/** The popup's question (list-numbers), asked from the service worker: round trip and length. */
async function listNumbers(extension: LoadedExtension, url: string): Promise<{ ms: number; count: number }> {
  const worker = await extension.worker();
  return worker.evaluate(async (pageUrl) => {
    const tabs = (
      globalThis as unknown as {
        chrome: {
          tabs: {
            query(q: object): Promise<{ id: number; url: string }[]>;
            sendMessage(id: number, m: unknown): Promise<unknown[]>;
          };
        };
      }
    ).chrome.tabs;
    const tab = (await tabs.query({})).find((t) => t.url === pageUrl);
    if (!tab) throw new Error('bench tab not found');
    const started = performance.now();
    const list = await tabs.sendMessage(tab.id, { type: 'list-numbers' });
    return { ms: performance.now() - started, count: list.length };
  }, url);
}

/** Runs in the page before its own scripts: records scan measures and long tasks as they happen. */
function collectTimings(): void {
  const collected: Collected = { scans: [], longTasks: [] };
  (window as unknown as { benchTimings: Collected }).benchTimings = collected;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      collected.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name !== 'ringback-scan') continue;
      const detail = (entry as PerformanceMeasure).detail as ScanDetail;
      collected.scans.push({ start: entry.startTime, duration: entry.duration, detail });
    }
  }).observe({ type: 'measure', buffered: true });
}

function timings(page: Page): Promise<Collected> {
  return page.evaluate(() => (window as unknown as { benchTimings: Collected }).benchTimings);
}

async function nextScan(page: Page, index: number): Promise<Scan> {
  await page.waitForFunction(
    (i) => ((window as unknown as { benchTimings?: Collected }).benchTimings?.scans.length ?? 0) > i,
    index,
    { timeout: 120_000, polling: 100 },
  );
  const scan = (await timings(page)).scans[index];
  if (!scan) throw new Error('no scan measure');
  return scan;
}

const AREAS = ['221', '30', '89', '40', '211', '69', '711', '228', '511', '351'];
const NAMES = ['Anna Müller', 'Jan de Vries', 'Petra Weber', 'Lukas Schmidt', 'Sofia García', 'Émile Dubois'];
const COMPANIES = ['Müller Maschinenbau GmbH', 'Weber Logistik AG', 'Koch & Partner', 'Rhein Software KG'];

/** A CRM contact table as such pages are: names, ids, dates, amounts and a few phone numbers per row. */
function contactTable(rows: number): string {
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Kontakte (${rows})</title>
<style>body{font:14px system-ui,sans-serif;margin:1rem}td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left}</style>
</head><body>
<h1>Kontakte</h1>
<table><thead><tr><th>#</th><th>Name</th><th>Firma</th><th>Telefon</th><th>Mobil</th><th>E-Mail</th><th>Letzter Kontakt</th><th>Umsatz</th></tr></thead>
<tbody id="rows">${Array.from({ length: rows }, (_, i) => row(i)).join('\n')}</tbody></table>
<script>
  // The page loads more contacts (a CRM's "load more" or infinite scroll).
  const more = ${JSON.stringify(Array.from({ length: APPENDED }, (_, i) => row(rows + i)).join(''))};
  window.appendRows = () => document.getElementById('rows').insertAdjacentHTML('beforeend', more);
</script>
</body></html>`;
}

function row(i: number): string {
  const area = AREAS[i % AREAS.length] ?? '221';
  const subscriber = String(66900000 + i).slice(area.length === 2 ? 0 : 1);
  const phone = i % 3 === 0 ? `+49 ${area} ${subscriber}` : `0${area} ${subscriber}`;
  const mobile = i % 4 === 0 ? `<b>0171</b> ${String(2000000 + i)}` : '–';
  const name = NAMES[i % NAMES.length] ?? '';
  const company = COMPANIES[i % COMPANIES.length] ?? '';
  const day = String((i % 28) + 1).padStart(2, '0');
  return `<tr><td>R${String(i).padStart(4, '0')}</td><td><a href="#c${i}">${name}</a></td><td>${company}</td><td>${phone}</td><td>${mobile}</td><td>kontakt${i}@example.com</td><td>2024-05-${day}</td><td>${(i * 37.5).toFixed(2)} €</td></tr>`;
}
