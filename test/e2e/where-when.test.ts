/**
 * Know before you dial, and dial from the address bar, in real Chromium against the simulator: the
 * card shows where the hovered number is and the time there (asked from the background); the `call`
 * keyword's handlers, dispatched inside the service worker as Chrome would call them (the omnibox
 * itself cannot be typed into headless), suggest the normalised number with where and when, and
 * Enter places the call. Screenshots of the card and of the suggestions (rendered on a small page
 * from the descriptions the extension produced) go to test/output/.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { numberPoint, waitFor } from '../support/extension';
import { useFonialE2e } from '../support/fonial-e2e';

const OUTPUT = join(import.meta.dirname, '..', 'output');
const e2e = useFonialE2e();

interface Suggested {
  readonly defaultDescription?: string;
  readonly list: readonly { content: string; description: string }[];
}

/** Types `text` after the keyword, as Chrome reports it to the extension; what it suggested. */
async function typeInOmnibox(text: string): Promise<Suggested> {
  const worker = await e2e.extension.worker();
  return worker.evaluate(async (typed) => {
    // Runs inside the worker. Chrome shows the default suggestion itself: catch what is set.
    const api = (globalThis as unknown as { chrome: OmniboxApi }).chrome;
    let defaultDescription: string | undefined;
    api.omnibox.setDefaultSuggestion = (suggestion, done) => {
      defaultDescription = suggestion.description;
      done?.();
    };
    const list = await new Promise<{ content: string; description: string }[]>((resolve, reject) => {
      setTimeout(() => reject(new Error('no suggestions')), 10_000);
      api.omnibox.onInputChanged.dispatch(typed, resolve);
    });
    return { list, ...(defaultDescription === undefined ? {} : { defaultDescription }) };
  }, text);
}

/** The `chrome.omnibox` parts used here; `dispatch` is how Chrome fires an extension event. */
interface OmniboxApi {
  omnibox: {
    setDefaultSuggestion(suggestion: { description: string }, done?: () => void): void;
    onInputChanged: {
      dispatch(text: string, suggest: (list: { content: string; description: string }[]) => void): void;
    };
    onInputEntered: { dispatch(text: string, disposition: string): void };
  };
}

/**
 * Chrome's omnibox as a small page, for a screenshot: what was typed, then the suggestions exactly
 * as the extension described them (<match> bold, <url> blue, <dim> grey).
 */
function omniboxPanel(typed: string, suggested: Suggested): string {
  const rows = [suggested.defaultDescription ?? '', ...suggested.list.map((s) => s.description)];
  // The descriptions are XML the extension escaped: only the three tags become markup.
  const html = (description: string) =>
    description
      .replace(/<match>/g, '<b>')
      .replace(/<\/match>/g, '</b>')
      .replace(/<url>/g, '<span class="url">')
      .replace(/<\/url>/g, '</span>')
      .replace(/<dim>/g, '<span class="dim">')
      .replace(/<\/dim>/g, '</span>');
  // The typed text is the test's own constant, free of markup.
  return `<div class="bar"><b>call</b> | ${typed}</div><ul>${rows.map((r) => `<li>${html(r)}</li>`).join('')}</ul>`;
}

const PANEL_STYLE = `<!doctype html><meta charset="utf-8"><style>
  body { margin: 0; padding: 4px 0; font: 14px system-ui, sans-serif; background: #fff; color: #1f1f1f; width: 640px; }
  .bar { margin: 8px 8px 0; padding: 8px 14px; border-radius: 20px 20px 0 0; background: #f1f3f4; }
  .bar b { font-weight: 600; }
  ul { list-style: none; margin: 0 8px 14px; padding: 4px 0; border-radius: 0 0 12px 12px; box-shadow: 0 2px 6px #0003; }
  li { padding: 7px 14px; } li:first-child { background: #e8f0fe; }
  .url { color: #1a0dab; } .dim { color: #5f6368; }
</style>`;

describe('know before you dial', () => {
  it('shows where the hovered number is and the time there on the card', async () => {
    const page = await e2e.extension.context.newPage();
    await page.goto(e2e.pages.url('crm-contacts.html'));
    const point = await numberPoint(page, '0221 66966966');
    await page.mouse.move(point.x, point.y);
    const where = page.locator('ringback-ui .where');
    await expect.poll(() => where.textContent(), { timeout: 10_000 }).toMatch(/^Cologne, Germany · \d\d:\d\d/);
    expect(await where.textContent()).toMatch(/\d\d:\d\d( [AP]M)? there/);
    await mkdir(OUTPUT, { recursive: true });
    const box = await page.locator('ringback-ui .card').boundingBox();
    if (box) {
      await page.screenshot({
        path: join(OUTPUT, 'card-where-when.png'),
        clip: { x: Math.max(0, box.x - 220), y: Math.max(0, box.y - 60), width: 620, height: box.height + 90 },
      });
    }
    await page.close();
  });
});

describe('dial from the address bar', () => {
  it('suggests the normalised number with where and when, and numbers on the tab', async () => {
    const page = await e2e.extension.context.newPage();
    await page.goto(e2e.pages.url('crm-contacts.html'));
    await numberPoint(page, '0221 66966966');
    await page.bringToFront();

    const suggested = await typeInOmnibox('0221 669669-66');
    expect(suggested.defaultDescription).toMatch(
      /^Call <match>\+49 221 66966966<\/match> <dim>— Cologne, Germany · \d\d:\d\d/,
    );
    // Typing digits of another number on the tab offers it, as a suggestion Enter can take.
    const other = await typeInOmnibox('030 2345');
    expect(other.list).toContainEqual({
      content: '+4930234567800',
      description: expect.stringContaining('On this page: <url>+49 30 234567800</url>'),
    });

    const shot = await e2e.extension.context.newPage();
    await shot.setViewportSize({ width: 660, height: 200 });
    await shot.setContent(PANEL_STYLE + omniboxPanel('0221 669669-66', suggested) + omniboxPanel('030 2345', other));
    await mkdir(OUTPUT, { recursive: true });
    await shot.screenshot({ path: join(OUTPUT, 'omnibox-suggestion.png'), fullPage: true });
    await shot.close();
    await page.close();
  });

  it('places the call on Enter, through the simulator', async () => {
    const worker = await e2e.extension.worker();
    await worker.evaluate((typed) => {
      (globalThis as unknown as { chrome: OmniboxApi }).chrome.omnibox.onInputEntered.dispatch(typed, 'currentTab');
    }, '0221 669669-66');
    const placed = await waitFor(() => e2e.sim.fonial.calls[0]);
    expect(placed).toMatchObject({ device: 674, target: '+4922166966966' });
  });
});
