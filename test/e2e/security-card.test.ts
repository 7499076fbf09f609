/**
 * Issue #14 item 5 in real Chromium: a hostile page cannot get a call out of the card. The page's
 * own CSS aimed at the host loses, page elements at the highest z-index stay below the card (it is
 * in the top layer), and each trick that does hide, fade, shrink, clip, move or cover the card
 * makes the user's real click at the card's place call nothing. A dark mode's colour filter on the
 * page's root is no trick: the card stays readable, and the click calls.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { numberPoint } from '../support/extension';
import { useFonialE2e } from '../support/fonial-e2e';

const e2e = useFonialE2e();

const TRICKS = [
  'hostStyle',
  'fadeInside',
  'filterInside',
  'shrink',
  'clip',
  'offscreen',
  'sheetInside',
  'coverWithPopover',
  'leaveTopLayer',
  'rootOpacity',
  'rootBrightness',
  'rootContrast',
] as const;

/** Opens the hostile page and shows the card for its number; returns the Call button's centre. */
async function cardShown(): Promise<{ page: Page; x: number; y: number }> {
  const page = await e2e.extension.context.newPage();
  await page.goto(e2e.pages.url('hostile-card.html'));
  const point = await numberPoint(page, '0221 66966966');
  await page.mouse.move(point.x, point.y);
  const button = page.locator('ringback-ui button.call');
  await expect.poll(() => button.isVisible()).toBe(true);
  const box = await button.boundingBox();
  if (!box) throw new Error('the Call button has no box');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  // The pointer rests on the card, as a user's would before clicking.
  await page.mouse.move(x, y, { steps: 3 });
  return { page, x, y };
}

/** Call requests the simulator received: a click that got through at all, accepted or not. */
const calls = () => e2e.sim.received('fonial', '/call/initiate').length;
/**
 * Calls the simulator placed. A positive control counts these: with a session the simulator forgot
 * (it is reset before each test), the first request is refused and sent again after logging in.
 */
const placed = () => e2e.sim.fonial.calls.length;

describe('the card on a hostile page', () => {
  it('stays visible and on top whatever the page’s CSS and z-index say, and then calls', async () => {
    const { page, x, y } = await cardShown();
    const state = await page.evaluate(() => {
      const host = document.querySelector('ringback-ui') as HTMLElement;
      const style = getComputedStyle(host);
      return {
        open: host.matches(':popover-open'),
        opacity: style.opacity,
        display: style.display,
        transform: style.transform,
        visibility: style.visibility,
      };
    });
    expect(state).toEqual({ open: true, opacity: '1', display: 'block', transform: 'none', visibility: 'visible' });
    // An overlay at the highest z-index covers the page, not the card.
    await page.evaluate(() => (window as unknown as { tricks: Record<string, () => void> }).tricks.blanket?.());
    await page.mouse.click(x, y);
    await expect.poll(placed, { timeout: 30_000 }).toBe(1);
    await page.close();
  });

  it.each(TRICKS)('calls nothing when the page plays “%s” on the card', async (trick) => {
    const before = calls();
    const { page, x, y } = await cardShown();
    const lure = await page.evaluate(
      (name) =>
        (window as unknown as { tricks: Record<string, () => { x: number; y: number } | undefined> }).tricks[name]?.(),
      trick,
    );
    await page.mouse.click(lure?.x ?? x, lure?.y ?? y);
    await page.waitForTimeout(700);
    expect(calls()).toBe(before);
    await page.close();
  });

  it.each(['inverted', 'tuned'])('calls through a dark mode’s colour filter on the page (“%s”)', async (mode) => {
    const { page, x, y } = await cardShown();
    await page.evaluate(
      (name) => (window as unknown as { darkModes: Record<string, () => void> }).darkModes[name]?.(),
      mode,
    );
    await page.mouse.click(x, y);
    await expect.poll(placed, { timeout: 30_000 }).toBe(1);
    await page.close();
  });

  it('still calls on a plain click once the tricks are over (the clicks above were real)', async () => {
    const { page, x, y } = await cardShown();
    await page.mouse.click(x, y);
    await expect.poll(placed, { timeout: 30_000 }).toBe(1);
    await page.close();
  });
});
