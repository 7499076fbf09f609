/**
 * What Ringback marked on a page and what each mark would call, read the way a user meets them:
 * the highlighted ranges (with the id of the nearest element around each, to say where it is) and
 * the popup's "On this page" list (asked from the service worker, as the popup does).
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

/** The popup's list of the numbers on the tab showing `url`. */
export async function listedNumbers(extension: LoadedExtension, url: string): Promise<PageNumber[]> {
  const worker = await extension.worker();
  return worker.evaluate(async (pageUrl) => {
    const tabs = (
      globalThis as unknown as {
        chrome: {
          tabs: {
            query(q: object): Promise<{ id: number; url: string }[]>;
            sendMessage(id: number, m: unknown): Promise<PageNumber[]>;
          };
        };
      }
    ).chrome.tabs;
    const tab = (await tabs.query({})).find((t) => t.url === pageUrl);
    if (!tab) throw new Error(`no tab at ${pageUrl}`);
    return tabs.sendMessage(tab.id, { type: 'list-numbers' });
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
