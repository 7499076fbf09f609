/**
 * Numbers split over inline elements, in real Chromium against the simulator: labels glued to
 * their value across elements, blocks that keep separating, ranges that start at the number's
 * first character, call links whose own number wins, and digits that continue across an inline
 * boundary. Asserts the exact marked text and the E.164 each mark would call.
 */
import { describe, expect, it } from 'vitest';
import { numberPoint, waitFor } from '../support/extension';
import { useFonialE2e } from '../support/fonial-e2e';
import { listedNumbers, settledMarks } from '../support/page-marks';

const e2e = useFonialE2e();

describe('numbers written across inline elements', () => {
  it('marks each layout exactly, from the number’s first character, and calls the number written', async () => {
    const page = await e2e.extension.context.newPage();
    await page.goto(e2e.pages.url('detect-layouts.html'));
    const marks = await settledMarks(page, 15);
    expect(marks).toEqual([
      { where: 'colon-label', text: '0221 66966966' },
      { where: 'word-label', text: '0221 66966967' },
      { where: 'link-then-label', text: '+49(0)221-66966969' },
      { where: 'link-then-label', text: '+49(0)221-66966960' },
      { where: 'bold-area', text: '0221 66966961' },
      { where: 'split-spans', text: '02289876543' },
      { where: 'parenthesised', text: '(03 40) 51 89 01 10' },
      { where: 'tel-link', text: '030 20 25 11 11' },
      { where: 'callto-link', text: '0221 66966965' },
      { where: 'glued-letter', text: '+39 0474 492 390' },
      { where: 'zero-width', text: '0221 669\u200b66968' },
      { where: 'zero-width-elements', text: '0221 669\u200b66970' },
      { where: 'zero-width-hyphen', text: '+49 69 630\u200b2-309' },
      { where: 'full-width', text: '＋１　（６５０）　３３３－６０００' },
      { where: 'extension', text: '+1 650-253-4561' },
    ]);
    const listed = await listedNumbers(e2e.extension, page.url());
    expect(listed.map((n) => [n.text, n.e164])).toEqual([
      ['0221 66966966', '+4922166966966'],
      ['0221 66966967', '+4922166966967'],
      ['+49(0)221-66966969', '+4922166966969'],
      ['+49(0)221-66966960', '+4922166966960'],
      ['0221 66966961', '+4922166966961'],
      ['0228 9876543', '+492289876543'],
      ['(03 40) 51 89 01 10', '+4934051890110'],
      ['030 20 25 11 11', '+4930202511111'],
      ['0221 66966965', '+4922166966965'],
      ['+39 0474 492 390', '+390474492390'],
      ['0221 669\u200b66968', '+4922166966968'],
      ['0221 669\u200b66970', '+4922166966970'],
      ['+49 69 630\u200b2-309', '+49696302309'],
      ['＋１　（６５０）　３３３－６０００', '+16503336000'],
      ['+1 650-253-4561', '+16502534561'],
    ]);
    expect(listed.find((n) => n.e164 === '+16502534561')?.extension).toBe('3456');
    await page.close();
  });

  it('names the extension to ask for on the card and calls the main number', async () => {
    const page = await e2e.extension.context.newPage();
    await page.goto(`${e2e.pages.url('detect-layouts.html')}?extension`);
    const point = await numberPoint(page, '+1 650-253-4561');
    await page.mouse.move(point.x, point.y);
    const call = page.locator('ringback-ui button.call');
    await expect.poll(() => call.isVisible()).toBe(true);
    expect(await page.locator('ringback-ui .details').textContent()).toBe('United States · ask for extension 3456');
    await call.click();
    await waitFor(() => e2e.sim.fonial.calls[0]);
    expect(e2e.sim.fonial.calls).toEqual([expect.objectContaining({ target: '+16502534561' })]);
    await page.close();
  });

  it('calls a tel: link’s own number from the card, never a shorter one', async () => {
    const page = await e2e.extension.context.newPage();
    await page.goto(`${e2e.pages.url('detect-layouts.html')}?card`);
    const point = await numberPoint(page, '030 20 25 11 11');
    await page.mouse.move(point.x, point.y);
    const call = page.locator('ringback-ui button.call');
    await expect.poll(() => call.isVisible()).toBe(true);
    expect(await call.getAttribute('aria-label')).toBe('Call +49 30 202511111 with Ringback');
    await call.click();
    await waitFor(() => e2e.sim.fonial.calls[0]);
    expect(e2e.sim.fonial.calls).toEqual([expect.objectContaining({ target: '+4930202511111' })]);
    await page.close();
  });
});
