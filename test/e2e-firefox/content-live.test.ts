/**
 * The content script on pages that change under it, in real Firefox ESR against the simulator,
 * with the assertions of the Chromium test (e2e/content-live): a React-like list that renders its
 * rows again every 250 ms and watches its own DOM for anyone else's changes, numbers that arrive by
 * infinite scroll, an open shadow root, a same-origin iframe; and a page without numbers, where no
 * frame asks the background anything until it has something to call. One browser for the whole file.
 */
import type { Frame, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../support/extension';
import { CARD_CALL, numberPoint } from '../support/firefox';
import { useFirefoxE2e } from '../support/firefox-e2e';

const e2e = useFirefoxE2e();

interface Mark {
  readonly text: string;
  readonly connected: boolean;
}

/** Every range in Ringback's highlight: its text, and whether its text is still on the page. */
function marks(target: Page | Frame): Promise<Mark[]> {
  return target.evaluate(() =>
    [...((CSS.highlights.get('ringback-number') as unknown as Set<Range> | undefined) ?? [])].map((r) => ({
      text: r.toString(),
      connected: r.startContainer.nodeType === Node.TEXT_NODE && r.startContainer.isConnected && !r.collapsed,
    })),
  );
}

function renders(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { renders: () => number }).renders());
}

function foreignMutations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { foreignMutations: string[] }).foreignMutations);
}

function hostCount(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('ringback-ui').length);
}

/**
 * Hovers the number written as `text` until the card offers to call it, then clicks Call. On a
 * page that re-renders, the row under the pointer may be replaced: hover again until it holds.
 */
async function hoverAndCall(page: Page, text: string): Promise<void> {
  await waitFor(async () => {
    const point = await numberPoint(page, text).catch(() => undefined);
    if (!point) return undefined;
    await page.mouse.move(point.x, point.y);
    const button = await page.$(CARD_CALL);
    return (await button?.isVisible()) || undefined;
  });
  await (await page.$(CARD_CALL))?.click();
}

describe('a page that re-renders all the time', () => {
  it('keeps its numbers marked through re-renders, never touches the page’s nodes, and calls', async () => {
    const page = await e2e.extension.newPage();
    await page.goto(e2e.pages.url('crm-live.html'));
    await numberPoint(page, '0221 71000004');
    const start = await renders(page);
    await waitFor(async () => ((await renders(page)) >= start + 8 ? true : undefined));

    // Each lead's number is marked once, on text that is on the page now: stale ranges are gone.
    await expect
      .poll(async () =>
        (await marks(page))
          .filter((m) => m.connected)
          .map((m) => m.text)
          .sort(),
      )
      .toEqual(['0221 71000000', '0221 71000001', '0221 71000002', '0221 71000003', '0221 71000004']);
    expect((await marks(page)).every((m) => m.connected)).toBe(true);

    await hoverAndCall(page, '0221 71000003');
    await waitFor(() => e2e.sim.fonial.calls[0]);
    expect(e2e.sim.fonial.calls[0]).toMatchObject({ target: '+4922171000003' });

    // The page's own MutationObserver saw nothing it did not do itself (the host element aside).
    expect(await foreignMutations(page)).toEqual([]);
    expect(await hostCount(page)).toBe(1);
    await page.close();
  });

  it('marks numbers that arrive after load (infinite scroll)', async () => {
    const page = await e2e.extension.newPage();
    await page.goto(e2e.pages.url('crm-live.html'));
    await numberPoint(page, '0221 71000000');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForFunction(() => document.querySelectorAll('#leads tr').length >= 25, { polling: 50 });
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await numberPoint(page, '0221 71000024');
    expect(await foreignMutations(page)).toEqual([]);
    await page.close();
  });
});

describe('shadow roots and frames', () => {
  it('marks and calls a number inside an open shadow root, also one rendered there later', async () => {
    const page = await e2e.extension.newPage();
    await page.goto(e2e.pages.url('crm-widgets.html'));
    await hoverAndCall(page, '0211 5556677');
    await waitFor(() => e2e.sim.fonial.calls[0]);
    expect(e2e.sim.fonial.calls[0]).toMatchObject({ target: '+492115556677' });

    await page.evaluate(() => (window as unknown as { addShadowNumber: () => void }).addShadowNumber());
    await numberPoint(page, '0211 5556688');
    await page.close();
  });

  it('runs in a same-origin iframe the same way, and lists its numbers with the page’s', async () => {
    const page = await e2e.extension.newPage();
    await page.goto(e2e.pages.url('crm-widgets.html'));
    const frame = await waitFor(() => page.frames().find((f) => f.url().endsWith('crm-frame.html')));
    await waitFor(async () => ((await marks(frame)).some((m) => m.text === '040 30700000') ? true : undefined));
    // The page's own highlight holds only its own numbers; the frame has its own.
    expect((await marks(page)).map((m) => m.text)).not.toContain('040 30700000');

    const box = await numberPoint(frame, '040 30700000');
    const frameBox = await (await page.$('#frame'))?.boundingBox();
    if (!frameBox) throw new Error('no frame box');
    await page.mouse.move(frameBox.x + 1 + box.x, frameBox.y + 1 + box.y);
    const button = await frame.waitForSelector(CARD_CALL, { visible: true, timeout: 10_000 });
    await button?.click();
    await waitFor(() => e2e.sim.fonial.calls[0]);
    expect(e2e.sim.fonial.calls[0]).toMatchObject({ target: '+494030700000' });

    // What the popup asks the tab (tabs.sendMessage to every frame; the top one answers for all).
    const list = await e2e.quiet.evaluate(async (url) => {
      const api = (
        globalThis as unknown as {
          browser: {
            tabs: {
              query(q: object): Promise<{ id: number; url: string }[]>;
              sendMessage(id: number, m: unknown): Promise<{ e164: string }[]>;
            };
          };
        }
      ).browser.tabs;
      const tab = (await api.query({})).find((t) => t.url === url);
      return tab ? api.sendMessage(tab.id, { type: 'list-numbers' }) : [];
    }, page.url());
    expect(list.map((n) => n.e164)).toEqual(['+4930234567810', '+492115556677', '+494030700000']);
    await page.close();
  });

  it('asks nothing from a frame without digits, yet calls a selection there and lists a number it gets later', async () => {
    // Content scripts' messages reach every extension page: the quiet page records page-config.
    await e2e.quiet.evaluate(() => {
      const g = globalThis as unknown as {
        asked?: string[];
        browser: {
          runtime: { onMessage: { addListener(f: (m: { type?: string; url?: string }) => undefined): void } };
        };
      };
      g.asked = [];
      g.browser.runtime.onMessage.addListener((message) => {
        if (message?.type === 'page-config') g.asked?.push(String(message.url));
        return undefined;
      });
    });
    const asked = () => e2e.quiet.evaluate(() => (globalThis as unknown as { asked: string[] }).asked.splice(0));
    const page = await e2e.extension.newPage();
    await page.goto(e2e.pages.url('no-numbers.html'));
    const frame = await waitFor(() => page.frames().find((f) => f.url() === 'about:srcdoc'));
    // A value is no text node: the look sees no digits there.
    await frame.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<input value="0221 66966966">'));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await asked()).toEqual([]);

    const tell = (message: object) =>
      e2e.quiet.evaluate(
        async (url, message) => {
          const api = (
            globalThis as unknown as {
              browser: {
                tabs: {
                  query(q: object): Promise<{ id: number; url: string }[]>;
                  sendMessage(id: number, m: unknown): Promise<unknown>;
                };
              };
            }
          ).browser.tabs;
          const tab = (await api.query({})).find((t) => t.url === url);
          return tab ? api.sendMessage(tab.id, message) : 'no tab';
        },
        page.url(),
        message,
      );
    await (await frame.$('input'))?.click();
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await tell({ type: 'selection-action', action: 'call' });
    await waitFor(() => e2e.sim.fonial.calls[0]);
    expect(e2e.sim.fonial.calls[0]).toMatchObject({ target: '+4922166966966' });

    expect(await tell({ type: 'list-numbers' })).toEqual([]);
    await frame.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p>Rückruf: 040 30700000</p>'));
    await waitFor(async () => ((await marks(frame)).some((m) => m.text === '040 30700000') ? true : undefined));
    const list = (await tell({ type: 'list-numbers' })) as { e164: string }[];
    expect(list.map((n) => n.e164)).toEqual(['+494030700000']);
    await page.close();
  });
});
