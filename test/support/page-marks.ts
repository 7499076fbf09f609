/**
 * What Ringback marked on a page and what each mark would call, read the way a user meets them:
 * the highlighted ranges (with the id of the nearest element around each, to say where it is) and
 * the popup's "On this page" list (asked from the service worker, as the popup does). Only numbers
 * near the viewport are highlighted (page-numbers.ts): `allPageMarks` scrolls through the page.
 */
import type { Page } from 'playwright-core';
import type { PageNumber } from '../../src/messages';
import type { LoadedExtension } from './extension';

export interface Mark {
  /** The id of the nearest element with one around the mark's start. */
  readonly where: string;
  /** The marked text, exactly. */
  readonly text: string;
}

/** Every marked range in document order. */
export function pageMarks(page: Page): Promise<Mark[]> {
  return page.evaluate(() => {
    const ranges = [...((CSS.highlights.get('ringback-number') as unknown as Set<Range> | undefined) ?? [])];
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((range) => {
      const start = range.startContainer;
      const element = start instanceof Element ? start : start.parentElement;
      return { where: element?.closest('[id]')?.id ?? '', text: range.toString() };
    });
  });
}

/**
 * The popup's list of the numbers on the tab showing `url`. The extension sees tab addresses only
 * on its own hosts: elsewhere the one tab whose content script answers is asked (callers keep
 * one such page open at a time).
 */
export async function listedNumbers(extension: LoadedExtension, url: string): Promise<PageNumber[]> {
  const worker = await extension.worker();
  return worker.evaluate(async (pageUrl) => {
    const tabs = (
      globalThis as unknown as {
        chrome: {
          tabs: {
            query(q: object): Promise<{ id: number; url?: string }[]>;
            sendMessage(id: number, m: unknown): Promise<PageNumber[]>;
          };
        };
      }
    ).chrome.tabs;
    const all = await tabs.query({});
    const known = all.find((t) => t.url === pageUrl);
    if (known) return tabs.sendMessage(known.id, { type: 'list-numbers' });
    const answers = await Promise.all(
      all
        .filter((t) => t.url === undefined)
        .map((t) => tabs.sendMessage(t.id, { type: 'list-numbers' }).catch(() => undefined)),
    );
    const answered = answers.filter((a) => a !== undefined);
    if (answered.length !== 1) throw new Error(`${answered.length} tabs answer instead of the one at ${pageUrl}`);
    return answered[0] ?? [];
  }, url);
}

/** Waits until the page's marks stop changing (the scan has drained), then returns them. */
export async function settledMarks(page: Page, atLeast: number, timeoutMs = 15_000): Promise<Mark[]> {
  const deadline = Date.now() + timeoutMs;
  let previous = '';
  for (;;) {
    const marks = await pageMarks(page);
    const current = JSON.stringify(marks);
    if (marks.length >= atLeast && current === previous) return marks;
    if (Date.now() > deadline) return marks;
    previous = current;
    await page.waitForTimeout(250);
  }
}

/** Every mark on the page: scrolls from top to bottom, collecting the highlighted ranges on the way. */
export async function allPageMarks(page: Page): Promise<Mark[]> {
  const found = new Map<string, Mark & { top: number; left: number }>();
  const collect = () =>
    page.evaluate(() => {
      const ranges = [...((CSS.highlights.get('ringback-number') as unknown as Set<Range> | undefined) ?? [])];
      return ranges.map((range) => {
        const start = range.startContainer;
        const element = start instanceof Element ? start : start.parentElement;
        const rect = range.getBoundingClientRect();
        return {
          where: element?.closest('[id]')?.id ?? '',
          text: range.toString(),
          top: Math.round(rect.top + window.scrollY),
          left: Math.round(rect.left + window.scrollX),
        };
      });
    });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const step = page.viewportSize()?.height ?? 800;
  for (let y = 0; ; y += step) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    // The visibility observers report within a frame or two of the scroll.
    await page.waitForTimeout(120);
    for (const mark of await collect()) found.set(`${mark.top}:${mark.left}:${mark.text}`, mark);
    if (y + step >= height) break;
  }
  return [...found.values()]
    .sort((a, b) => a.top - b.top || a.left - b.left)
    .map(({ where, text }) => ({ where, text }));
}
