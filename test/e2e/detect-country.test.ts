/**
 * National numbers read in the country the page points to, in real Chromium against the
 * simulator, for a user whose default country is Germany: the page's language region (NL, ES,
 * CH, US), its country-code domain (BE, IT — served under those host names, resolved to the local
 * page server), an address block (FR, AT), and the page's other numbers written with a `+` code
 * (NI). Asserts the exact marks and the E.164 each would call; the card names the country it calls
 * and an extension to ask for, and the call goes to the number the card names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  configureAccount,
  type LoadedExtension,
  launchWithExtension,
  numberPoint,
  waitFor,
} from '../support/extension';
import { fonialAccount } from '../support/fonial-e2e';
import { listedNumbers, settledMarks } from '../support/page-marks';
import { type PageServer, startPageServer } from '../support/static-server';
import { useSimulator } from '../support/use-simulator';

const sim = useSimulator();
let pages: PageServer;
let extension: LoadedExtension;

/** Pages served under a country's domain: Chromium resolves these names to the local page server. */
const HOSTS: Readonly<Record<string, string>> = {
  'detect-country-be.html': 'www.brouwerij.be',
  'detect-country-it.html': 'www.trattoria.it',
};

beforeAll(async () => {
  pages = await startPageServer();
  const rules = Object.values(HOSTS).map((host) => `MAP ${host} 127.0.0.1`);
  extension = await launchWithExtension({ args: [`--host-resolver-rules=${rules.join(', ')}`] });
  await configureAccount(extension, fonialAccount(sim, { defaultCountry: 'DE' }));
});

afterAll(async () => {
  await extension?.close();
  await pages?.close();
});

function address(page: string): string {
  const url = new URL(pages.url(page));
  const host = HOSTS[page];
  if (host) url.hostname = host;
  return url.href;
}

describe('national numbers read in the page’s country', () => {
  it.each([
    ['detect-country-nl.html', 'phone', '020 123 4567', '+31201234567', 'NL'],
    ['detect-country-be.html', 'phone', '02 511 12 34', '+3225111234', 'BE'],
    ['detect-country-fr.html', 'hotel', '01 42 60 30 30', '+33142603030', 'FR'],
    ['detect-country-es.html', 'phone', '912 345 678', '+34912345678', 'ES'],
    ['detect-country-it.html', 'phone', '02 7200 3456', '+390272003456', 'IT'],
    ['detect-country-at.html', 'phone', '01 5879 330', '+4315879330', 'AT'],
    ['detect-country-ch.html', 'phone', '044 668 18 00', '+41446681800', 'CH'],
    ['detect-country-us.html', 'phone', '(650) 253-0000', '+16502530000', 'US'],
    ['detect-country-ni.html', 'mobile', '8845 1234', '+50588451234', 'NI'],
  ])('%s: %s reads %s as %s', async (file, where, text, e164, country) => {
    const page = await extension.context.newPage();
    await page.goto(address(file));
    const marks = await settledMarks(page, 1);
    expect(marks).toContainEqual({ where, text });
    const listed = await listedNumbers(extension, page.url());
    expect(listed).toContainEqual(expect.objectContaining({ text, e164, country }));
    // Nothing on the page is read in Germany unless it is German.
    expect(listed.filter((n) => n.country === 'DE').map((n) => n.text)).toEqual(
      file === 'detect-country-fr.html' ? ['0221 66966966'] : [],
    );
    await page.close();
  });

  it('names the country on the card and calls the number it names', async () => {
    const page = await extension.context.newPage();
    await page.goto(address('detect-country-nl.html'));
    const point = await numberPoint(page, '020 123 4567');
    await page.mouse.move(point.x, point.y);
    const call = page.locator('ringback-ui button.call');
    await expect.poll(() => call.isVisible()).toBe(true);
    expect(await call.getAttribute('aria-label')).toBe('Call +31 20 123 4567 with Ringback');
    expect(await page.locator('ringback-ui .details').textContent()).toBe('Netherlands');
    await call.click();
    await waitFor(() => sim.fonial.calls[0]);
    expect(sim.fonial.calls).toEqual([expect.objectContaining({ target: '+31201234567' })]);
    await page.close();
  });

  it('says nothing about the country of a number in the user’s own', async () => {
    const page = await extension.context.newPage();
    await page.goto(address('detect-country-fr.html'));
    const point = await numberPoint(page, '0221 66966966');
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => page.locator('ringback-ui button.call').isVisible()).toBe(true);
    expect(await page.locator('ringback-ui .details').textContent()).toBe('');
    await page.close();
  });

  it('shows an extension to ask for on the card and in the list, and calls the main number', async () => {
    const page = await extension.context.newPage();
    await page.goto(address('detect-country-us.html'));
    const listed = await waitFor(async () => {
      const list = await listedNumbers(extension, page.url());
      return list.length >= 2 ? list : undefined;
    });
    expect(listed).toContainEqual(
      expect.objectContaining({ text: '+1 650-253-0001', e164: '+16502530001', extension: '45', country: 'US' }),
    );
    const point = await numberPoint(page, '+1 650-253-0001');
    await page.mouse.move(point.x, point.y);
    const call = page.locator('ringback-ui button.call');
    await expect.poll(() => call.isVisible()).toBe(true);
    expect(await page.locator('ringback-ui .details').textContent()).toBe('United States · ask for extension 45');
    await call.click();
    await waitFor(() => sim.fonial.calls[0]);
    expect(sim.fonial.calls).toEqual([expect.objectContaining({ target: '+16502530001' })]);
    await page.close();
  });
});
