/**
 * Issue 15 in real Firefox ESR: installing opens the welcome tab, and the card says where the
 * hovered number is and the time there (the background fetches the calling code's data from the
 * add-on's own files, as in Chromium).
 */
import { describe, expect, it } from 'vitest';
import { waitFor } from '../support/extension';
import { hoverNumber } from '../support/firefox';
import { useFirefoxE2e } from '../support/firefox-e2e';

// The launch leaves the welcome tab open for the first test (by default it is closed).
const e2e = useFirefoxE2e({ keepWelcome: true });

describe('the first minute and know before you dial, in Firefox', () => {
  it('opened the welcome in a tab when the add-on was installed', async () => {
    const welcome = `${e2e.extension.origin}/options.html#welcome`;
    // Puppeteer still reports a moz-extension tab as about:blank: ask each page where it is.
    const page = await waitFor(async () => {
      for (const candidate of await e2e.extension.browser.pages()) {
        const href = await candidate.evaluate(() => location.href).catch(() => '');
        if (href === welcome) return candidate;
      }
      return undefined;
    });
    await page.waitForSelector('h2#welcome-heading');
    expect(await page.$eval('h2#welcome-heading', (h) => h.textContent)).toBe('Welcome to Ringback');
    await page.close();
  });

  it('shows where the hovered number is and the time there on the card', async () => {
    const page = await e2e.extension.newPage();
    await page.goto(e2e.pages.url('crm-contacts.html'));
    await hoverNumber(page, '0221 66966966');
    const line = await waitFor(async () => {
      const handle = await page.$('ringback-ui >>> .where');
      const text = (await handle?.evaluate((el) => el.textContent ?? '')) ?? '';
      return text === '' ? undefined : text;
    });
    expect(line).toMatch(/^Cologne, Germany · \d\d:\d\d( [AP]M)? there/);
    await page.close();
  });
});
