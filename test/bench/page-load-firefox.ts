/**
 * What Ringback costs a page as it loads in Firefox (Debian's firefox-esr, the simulator build
 * installed as a temporary add-on; recipe: ../shared/firefox-e2e.md), each figure next to its
 * baseline from the same run: browsers with and without the add-on open side by side, loads
 * alternating, each in a fresh tab, on the pages the Chromium section loads (page-load-pages.ts).
 *
 * Firefox has no CDP metrics and no Long Tasks API; its parent process (reached over WebDriver
 * BiDi, firefox-parent.ts) measures the content process instead (firefox-metrics.ts):
 * - CPU added per frame: the content process's CPU time over a load (load event + SETTLE_MS), with
 *   minus without, divided by the frames. Every thread counts, so it bounds the main thread's share
 *   from above. A calibration add-on (FIREFOX_PAGE_LOAD_ADDONS) that burns a known time per frame
 *   comes out at that time.
 * - memory added per frame: the content process's explicit memory after a GC and CC, after the
 *   load minus before it, with minus without, divided by the frames.
 * - tasks ≥ 50 ms on the content process's main thread, from the Gecko profiler's samples (their
 *   event delay), with the CPU time each used: on a shared machine a task can last 50 ms while
 *   doing less, waiting for a core.
 * - frames that loaded the engine (the `ringback-engine` mark), and the first mark after the load
 *   event on the small CRM page.
 *
 * Each browser gets one web content process (`dom.ipc.processCount` 1, none prelaunched) that
 * every load shares, as a site's pages share theirs under Fission: the per-frame figures then hold
 * what each frame adds, and the one-time cost of Firefox's extension code in a content process is
 * reported apart (that process's memory before a load, with and without).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import {
  buildFirefoxSimFlavour,
  configureAccount,
  FIREFOX,
  launchFirefoxWithExtension,
  openQuietExtensionPage,
} from '../support/firefox';
import { type ParentProcess, parentProcess } from '../support/firefox-parent';
import { startPageServer } from '../support/static-server';
import { contentProcesses, explicitMemoryMb, startProfiler, stopProfilerTasks, type Task } from './firefox-metrics';
import { FRAMES, MEASURED_PAGES, writePages } from './page-load-pages';
import { median, round } from './stats';

const LOADS = 7;
/** After the load event: time for idle work (the first stage's look, an engine's scan) to finish. */
const SETTLE_MS = 1_500;
const LONG_TASK_MS = 50;
/** One web content process per browser, shared by every load (see above). */
const PREFS = { 'dom.ipc.processCount': 1, 'dom.ipc.processPrelaunch.enabled': false };

interface Side {
  readonly name: string;
  readonly browser: Browser;
  readonly parent: ParentProcess;
}

interface LoadFigures {
  readonly cpuMs: number;
  readonly memoryMb: number;
  /** The content process's explicit memory before the load: the one-time cost shows here. */
  readonly memoryBeforeMb: number;
  /** The main thread's tasks of LONG_TASK_MS or more. */
  readonly longTasks: readonly Task[];
  readonly engineFrames: number;
}

export async function pageLoadFirefoxBench(): Promise<Record<string, number | string>> {
  buildFirefoxSimFlavour();
  const loadAtStart = loadavg()[0] ?? 0;
  const dir = await mkdtemp(join(tmpdir(), 'ringback-bench-ff-load-'));
  await writePages(dir);
  const pages = await startPageServer(0, dir);
  const browsers: Browser[] = [];
  try {
    const without = await launch();
    browsers.push(without);
    const ringback = await launchFirefoxWithExtension({ prefs: PREFS });
    browsers.push(ringback.browser);
    const quiet = await openQuietExtensionPage(ringback);
    await configureAccount(quiet, {
      provider: 'fonial',
      baseUrl: 'http://127.0.0.1:9/fonial/api/2.0',
      credentials: { username: 'bench', password: 'bench' },
    });
    await quiet.close();
    const sides: Side[] = [
      { name: 'without', browser: without, parent: await parentProcess(without) },
      { name: 'with', browser: ringback.browser, parent: await parentProcess(ringback.browser) },
    ];
    // Other add-ons measured in the same run, e.g. a calibration add-on of known cost.
    for (const addon of (process.env.FIREFOX_PAGE_LOAD_ADDONS ?? '').split(',').filter(Boolean)) {
      const browser = await launch();
      browsers.push(browser);
      await browser.installExtension(addon);
      sides.push({ name: basename(addon), browser, parent: await parentProcess(browser) });
    }
    // A tab that keeps each browser's content process alive between loads. Then the background
    // caches the page rules once it has read the new settings.
    for (const side of sides) await (await side.browser.newPage()).goto(pages.url('text-frame.html'));
    await new Promise((resolve) => setTimeout(resolve, 5_000));

    const results: Record<string, number | string> = { 'loads per figure (median)': LOADS };
    const frames = FRAMES + 1;
    for (const [page, label] of MEASURED_PAGES) {
      const figures = await alternate(sides, pages.url(page));
      const none = figures[0] ?? [];
      for (const [index, side] of sides.entries()) {
        if (index === 0) continue;
        const some = figures[index] ?? [];
        const prefix = side.name === 'with' ? label : `${label} [${side.name}]`;
        const cpu = median(some.map((f) => f.cpuMs));
        const cpuWithout = median(none.map((f) => f.cpuMs));
        results[`${prefix}: content process CPU ms per frame, with / without`] =
          `${round(cpu / frames)} / ${round(cpuWithout / frames)}`;
        results[`${prefix}: CPU ms added per frame`] = round((cpu - cpuWithout) / frames);
        results[`${prefix}: memory MB added per frame`] = round(
          (median(some.map((f) => f.memoryMb)) - median(none.map((f) => f.memoryMb))) / frames,
          3,
        );
        results[`${prefix}: loads with a task ≥ 50 ms, with / without`] =
          `${withLongTask(some)} of ${LOADS} / ${withLongTask(none)} of ${LOADS}`;
        results[`${prefix}: longest task ms (its CPU ms), with / without`] = `${longest(some)} / ${longest(none)}`;
        results[`${prefix}: tasks that used ≥ 50 ms of CPU, with / without`] =
          `${cpuLongTasks(some)} / ${cpuLongTasks(none)}`;
        results[`${prefix}: frames that loaded the engine (fewest / most)`] =
          `${Math.min(...some.map((f) => f.engineFrames))} / ${Math.max(...some.map((f) => f.engineFrames))} of ${frames}`;
        if (page === 'text-frames.html') {
          results[`content process memory MB before a load, with / without${suffix(side)}`] =
            `${round(median(some.map((f) => f.memoryBeforeMb)))} / ${round(median(none.map((f) => f.memoryBeforeMb)))}`;
        }
      }
    }

    const firstMarks: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const ms = await firstMark(ringback.browser, pages.url('crm.html'));
      if (ms !== undefined) firstMarks.push(ms);
    }
    results['small CRM, browser running: first mark after load (ms)'] = round(median(firstMarks));
    results['machine load average (1 min) at start / end'] = `${round(loadAtStart)} / ${round(loadavg()[0] ?? 0)}`;
    return results;
  } finally {
    for (const browser of browsers) await browser.close().catch(() => undefined);
    await pages.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function suffix(side: Side): string {
  return side.name === 'with' ? '' : ` [${side.name}]`;
}

/** Firefox as firefox.ts launches it, without an add-on. */
function launch(): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Lets BiDi evaluate in the parent process (firefox-parent.ts).
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: PREFS,
  });
}

/** Loads `url` LOADS times in each browser, taking turns, each time in a fresh tab. */
async function alternate(sides: readonly Side[], url: string): Promise<LoadFigures[][]> {
  const figures = sides.map(() => [] as LoadFigures[]);
  for (let i = 0; i < LOADS; i++) {
    for (const [index, side] of sides.entries()) figures[index]?.push(await load(side, url));
  }
  return figures;
}

async function load(side: Side, url: string): Promise<LoadFigures> {
  const page = await side.browser.newPage();
  try {
    const memoryBefore = await explicitMemoryMb(side.parent);
    const before = await contentProcesses(side.parent);
    await startProfiler(side.parent);
    await page.goto(url, { waitUntil: 'load' });
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const after = await contentProcesses(side.parent);
    const process = after.find((candidate) => candidate.urls.includes(url));
    const longTasks = process ? await stopProfilerTasks(side.parent, process.pid, LONG_TASK_MS) : [];
    const cpuBefore = before.find((candidate) => candidate.pid === process?.pid);
    if (!process || !cpuBefore) throw new Error(`${url} did not load in the content process the bench watches`);
    const memoryAfter = await explicitMemoryMb(side.parent);
    const memoryBeforeMb = memoryBefore.get(process.pid) ?? Number.NaN;
    return {
      cpuMs: process.cpuMs - cpuBefore.cpuMs,
      memoryMb: (memoryAfter.get(process.pid) ?? Number.NaN) - memoryBeforeMb,
      memoryBeforeMb,
      longTasks,
      engineFrames: await engineFrames(page),
    };
  } finally {
    await page.close();
  }
}

async function engineFrames(page: Page): Promise<number> {
  let count = 0;
  for (const frame of page.frames()) {
    count += await frame.evaluate(() => performance.getEntriesByName('ringback-engine').length).catch(() => 0);
  }
  return count;
}

/**
 * From the load event to the first highlighted number (checked every 4 ms from the document's
 * start, before the add-on's script runs), ms; undefined when none was marked.
 */
async function firstMark(browser: Browser, url: string): Promise<number | undefined> {
  const page = await browser.newPage();
  try {
    // A string: tsx would add helpers to a serialized function that the page does not have.
    await page.evaluateOnNewDocument(/* js */ `if (window.top === window) {
      const look = setInterval(() => {
        const highlight = CSS.highlights.get('ringback-number');
        if (!highlight || highlight.size === 0) return;
        window.benchFirstMark = performance.now();
        clearInterval(look);
      }, 4);
    }`);
    await page.goto(url, { waitUntil: 'load' });
    await page
      .waitForFunction(() => (window as unknown as { benchFirstMark?: number }).benchFirstMark !== undefined, {
        timeout: 15_000,
        polling: 50,
      })
      .catch(() => undefined);
    return await page.evaluate(() => {
      const mark = (window as unknown as { benchFirstMark?: number }).benchFirstMark;
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      return mark === undefined ? undefined : mark - (navigation?.loadEventStart ?? 0);
    });
  } finally {
    await page.close();
  }
}

function withLongTask(figures: readonly LoadFigures[]): number {
  return figures.filter((f) => f.longTasks.length > 0).length;
}

/** Long tasks that are long by their own work, not because the machine's other processes held the core. */
function cpuLongTasks(figures: readonly LoadFigures[]): number {
  return figures.flatMap((f) => f.longTasks).filter((task) => task.cpuMs >= LONG_TASK_MS).length;
}

function longest(figures: readonly LoadFigures[]): string {
  const [task] = figures.flatMap((f) => f.longTasks).sort((a, b) => b.wallMs - a.wallMs);
  return task ? `${round(task.wallMs)} (${round(task.cpuMs)})` : 'none';
}
