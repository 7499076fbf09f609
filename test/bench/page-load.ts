/**
 * What Ringback costs a page as it loads, in real Chromium, each figure next to its baseline from
 * the same run (browsers with and without the extension open side by side, loads alternating):
 *
 * - per-frame cost on a text page without numbers, with 10 same-origin iframes: script time
 *   (CDP `Performance.getMetrics` ScriptDuration) and JS heap after a forced GC, with minus
 *   without, divided by the 11 frames;
 * - long tasks (≥ 50 ms, Long Tasks API in the top frame, which sees its frames' tasks too) at
 *   load, on that page and on a small CRM page with 10 CRM iframes;
 * - frames that loaded the engine (the `ringback-engine` mark each frame's engine leaves);
 * - first mark: from the load event to the first highlighted number on a small CRM page, with the
 *   browser running, and on the first page after a browser start, once with the page rules cached
 *   as they are after any earlier use and once with them removed (every frame then waits for the
 *   background, as all frames did before the cache); with how long the service worker's first
 *   `storage.managed.get()` took after that start.
 *
 * Medians of LOADS loads (RESTARTS browser starts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import {
  buildSimFlavour,
  CHROMIUM,
  CHROMIUM_FLAGS,
  configureAccount,
  type LoadedExtension,
  SIM_BUILD_DIR,
} from '../support/extension';
import { startPageServer } from '../support/static-server';
import { FRAMES, MEASURED_PAGES, writePages } from './page-load-pages';
import { median, round } from './stats';

const LOADS = 7;
const RESTARTS = 5;
/** After the load event: time for idle work (the first stage's look, an engine's scan) to finish. */
const SETTLE_MS = 1_500;

interface Browser {
  readonly context: BrowserContext;
  readonly profile: string;
}

interface LoadFigures {
  readonly scriptMs: number;
  readonly heapMb: number;
  readonly longTasks: number;
  readonly longestTaskMs: number;
  readonly engineFrames: number;
  /** Load event → first highlighted number, ms; undefined when none was marked. */
  readonly firstMarkMs: number | undefined;
}

interface PageTimings {
  longTasks: { start: number; duration: number }[];
  firstMark: number | undefined;
}

export async function pageLoadBench(): Promise<Record<string, number | string>> {
  buildSimFlavour();
  const dir = await mkdtemp(join(tmpdir(), 'ringback-bench-load-'));
  await writePages(dir);
  const pages = await startPageServer(0, dir);
  const subjects: Subject[] = [{ name: 'with', extensionDir: SIM_BUILD_DIR }];
  // Another build to compare with in the same run, e.g. main's: PAGE_LOAD_BASELINE=<dir of its chrome-mv3-sim>.
  const baseline = process.env.PAGE_LOAD_BASELINE;
  if (baseline) subjects.push({ name: 'baseline build', extensionDir: baseline });
  const browsers = new Map<Subject, Browser>();
  const without = await launch(await mkdtemp(join(tmpdir(), 'ringback-bench-without-')), undefined);
  try {
    for (const subject of subjects) {
      const browser = await launch(await mkdtemp(join(tmpdir(), 'ringback-bench-with-')), subject.extensionDir);
      browsers.set(subject, browser);
      await configureAccount(await asLoaded(browser), {
        provider: 'fonial',
        baseUrl: 'http://127.0.0.1:9/fonial/api/2.0',
        credentials: { username: 'bench', password: 'bench' },
      });
    }
    // The background caches the page rules once it has read the new settings (and the policy).
    await new Promise((resolve) => setTimeout(resolve, 5_000));

    const results: Record<string, number | string> = { 'loads per figure (median)': LOADS };
    const frames = FRAMES + 1;
    for (const [page, label] of MEASURED_PAGES) {
      const figures = await alternate([...browsers.values(), without], pages.url(page));
      const none = figures.at(-1) ?? [];
      for (const [index, subject] of subjects.entries()) {
        const some = figures[index] ?? [];
        const prefix = subject.name === 'with' ? label : `${label} [${subject.name}]`;
        const script = median(some.map((f) => f.scriptMs));
        const scriptWithout = median(none.map((f) => f.scriptMs));
        results[`${prefix}: script ms per frame, with / without`] =
          `${round(script / frames)} / ${round(scriptWithout / frames)}`;
        results[`${prefix}: script ms added per frame`] = round((script - scriptWithout) / frames);
        results[`${prefix}: JS heap MB added per frame`] = round(
          (median(some.map((f) => f.heapMb)) - median(none.map((f) => f.heapMb))) / frames,
          3,
        );
        results[`${prefix}: loads with a long task ≥ 50 ms, with / without`] =
          `${withLongTask(some)} of ${LOADS} / ${withLongTask(none)} of ${LOADS}`;
        results[`${prefix}: longest task ms, with / without`] = `${longest(some)} / ${longest(none)}`;
        if (subject.name === 'with') {
          results[`${prefix}: frames that loaded the engine (fewest / most)`] =
            `${Math.min(...some.map((f) => f.engineFrames))} / ${Math.max(...some.map((f) => f.engineFrames))} of ${frames}`;
        }
      }
    }

    for (const [subject, browser] of browsers) {
      const running: LoadFigures[] = [];
      for (let i = 0; i < LOADS; i++) running.push(await load(browser.context, pages.url('crm.html'), true));
      results[`small CRM, browser running: first mark after load (ms)${suffix(subject)}`] = round(
        median(marked(running)),
      );
    }

    for (const [subject, browser] of browsers) {
      await browser.context.close();
      const started = { cached: [] as LoadFigures[], uncached: [] as LoadFigures[], managedMs: [] as number[] };
      for (let i = 0; i < RESTARTS; i++) {
        for (const cached of subject.name === 'with' ? [true, false] : [true]) {
          const restarted = await launch(browser.profile, subject.extensionDir);
          const worker = await serviceWorker(restarted.context);
          if (!cached) await removeCachedRules(worker);
          const [figures, managedMs] = await Promise.all([
            load(restarted.context, pages.url('crm.html'), true),
            firstManagedRead(worker),
          ]);
          (cached ? started.cached : started.uncached).push(figures);
          started.managedMs.push(managedMs);
          // The next start finds the rules cached again: the background rewrites them on start.
          await restarted.context.close();
        }
      }
      results[`first page after a browser start: first mark after load (ms)${suffix(subject)}`] = round(
        median(marked(started.cached)),
      );
      if (subject.name === 'with') {
        results['same, no rules cached (frames wait for the background, as all did before)'] = round(
          median(marked(started.uncached)),
        );
        results["browser start: the worker's first storage.managed.get() answers after (ms)"] = round(
          median(started.managedMs),
        );
      }
    }
    return results;
  } finally {
    for (const browser of browsers.values()) await browser.context.close().catch(() => undefined);
    await without.context.close();
    await pages.close();
    await Promise.all(
      [dir, without.profile, ...[...browsers.values()].map((b) => b.profile)].map((path) =>
        rm(path, { recursive: true, force: true }),
      ),
    );
  }
}

interface Subject {
  readonly name: 'with' | 'baseline build';
  readonly extensionDir: string;
}

function suffix(subject: Subject): string {
  return subject.name === 'with' ? '' : ` [${subject.name}]`;
}

async function launch(profile: string, extensionDir: string | undefined): Promise<Browser> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      ...CHROMIUM_FLAGS,
      ...(extensionDir
        ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
        : ['--disable-extensions']),
    ],
    viewport: { width: 1280, height: 800 },
  });
  return { context, profile };
}

/** The bench's own launch as the test support's LoadedExtension; its id is the worker's host. */
async function asLoaded(browser: Browser): Promise<LoadedExtension> {
  return {
    context: browser.context,
    id: new URL((await serviceWorker(browser.context)).url()).host,
    worker: () => serviceWorker(browser.context),
    close: () => browser.context.close(),
  };
}

async function serviceWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/** Loads `url` LOADS times in each browser, taking turns, each time in a fresh tab. */
async function alternate(browsers: readonly Browser[], url: string): Promise<LoadFigures[][]> {
  const figures = browsers.map(() => [] as LoadFigures[]);
  for (let i = 0; i < LOADS; i++) {
    for (const [index, browser] of browsers.entries()) figures[index]?.push(await load(browser.context, url, false));
  }
  return figures;
}

async function load(context: BrowserContext, url: string, watchMarks: boolean): Promise<LoadFigures> {
  const page = await context.newPage();
  try {
    await page.addInitScript(collectTimings, watchMarks);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const before = metrics(await cdp.send('Performance.getMetrics'));
    await page.goto(url, { waitUntil: 'load' });
    if (watchMarks) {
      await page
        .waitForFunction(
          () => (window as unknown as { benchTimings: PageTimings }).benchTimings.firstMark !== undefined,
          {
            timeout: 15_000,
            polling: 50,
          },
        )
        .catch(() => undefined);
    }
    await page.waitForTimeout(SETTLE_MS);
    await cdp.send('HeapProfiler.collectGarbage');
    const after = metrics(await cdp.send('Performance.getMetrics'));
    const timings = await page.evaluate(() => (window as unknown as { benchTimings: PageTimings }).benchTimings);
    let engineFrames = 0;
    for (const frame of page.frames()) {
      engineFrames += await frame.evaluate(() => performance.getEntriesByName('ringback-engine').length).catch(() => 0);
    }
    const loadEnd = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      return navigation?.loadEventStart ?? 0;
    });
    return {
      scriptMs: (after.ScriptDuration - before.ScriptDuration) * 1000,
      heapMb: after.JSHeapUsedSize / 1024 / 1024,
      longTasks: timings.longTasks.length,
      longestTaskMs: Math.max(0, ...timings.longTasks.map((t) => t.duration)),
      engineFrames,
      firstMarkMs: timings.firstMark === undefined ? undefined : timings.firstMark - loadEnd,
    };
  } finally {
    await page.close();
  }
}

interface Metrics {
  /** Seconds of script run in the page's renderer so far, every frame and world included. */
  readonly ScriptDuration: number;
  readonly JSHeapUsedSize: number;
}

function metrics(answer: { metrics: { name: string; value: number }[] }): Metrics {
  const value = (name: string) => answer.metrics.find((metric) => metric.name === name)?.value ?? 0;
  return { ScriptDuration: value('ScriptDuration'), JSHeapUsedSize: value('JSHeapUsedSize') };
}

/**
 * Runs in every frame before the page's scripts. The top frame records long tasks (its observer
 * sees those of its same-origin frames) and, when asked, the first moment a number is highlighted
 * (checked every 4 ms: what the user sees).
 */
function collectTimings(watchMarks: boolean): void {
  if (window.top !== window) return;
  const timings: PageTimings = { longTasks: [], firstMark: undefined };
  (window as unknown as { benchTimings: PageTimings }).benchTimings = timings;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) timings.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  if (!watchMarks) return;
  // A timer, not animation frames: headless Chromium may not run those for a page nobody shows.
  const look = setInterval(() => {
    const highlight = CSS.highlights.get('ringback-number') as unknown as Set<Range> | undefined;
    if (!highlight || highlight.size === 0) return;
    timings.firstMark = performance.now();
    clearInterval(look);
  }, 4);
}

async function removeCachedRules(worker: Worker): Promise<void> {
  await worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { local: { remove(key: string): Promise<void> } } } }
    ).chrome.storage.local.remove('pageRules'),
  );
}

/** When (ms after the worker started) the first `storage.managed.get()` this worker makes answers. */
function firstManagedRead(worker: Worker): Promise<number> {
  return worker.evaluate(async () => {
    await (
      globalThis as unknown as { chrome: { storage: { managed: { get(keys: null): Promise<unknown> } } } }
    ).chrome.storage.managed
      .get(null)
      .catch(() => undefined);
    return performance.now();
  });
}

function marked(figures: readonly LoadFigures[]): number[] {
  return figures.flatMap((f) => (f.firstMarkMs === undefined ? [] : [f.firstMarkMs]));
}

function withLongTask(figures: readonly LoadFigures[]): number {
  return figures.filter((f) => f.longTasks > 0).length;
}

function longest(figures: readonly LoadFigures[]): string {
  const ms = Math.max(0, ...figures.map((f) => f.longestTaskMs));
  return ms === 0 ? 'none' : String(round(ms));
}
