/**
 * The whole path once, in real Chromium: a number on a page → hover card → trusted click →
 * service worker → fonial client → the simulator receives /call/initiate.
 */
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/messages';
import { ask, openQuietExtensionPage } from '../support/background';
import { numberPoint, waitFor } from '../support/extension';
import { useFonialE2e } from '../support/fonial-e2e';

const e2e = useFonialE2e();

describe('first call through fonial', () => {
  it('calls the hovered number from the selected device when the user clicks', async () => {
    const page = await e2e.extension.context.newPage();
    await page.goto(e2e.pages.url('crm-contacts.html'));
    const point = await numberPoint(page, '0221 66966966');
    await page.mouse.move(point.x, point.y);
    const button = page.locator('ringback-ui button');
    await expect.poll(() => button.isVisible()).toBe(true);
    expect(await button.getAttribute('aria-label')).toContain('+49 221 66966966');
    await button.click();

    const call = await waitFor(() =>
      e2e.sim.received('fonial', '/call/initiate').find((r) => r.answeredStatus === 200),
    );
    expect(call.json).toMatchObject({ device: 674, target: '+4922166966966' });
    await expect.poll(() => page.locator('ringback-ui [role=status]').textContent()).toMatch(/ringing/i);
    expect(e2e.sim.fonial.calls).toEqual([expect.objectContaining({ device: 674, target: '+4922166966966' })]);

    // History knows which CRM record the call was started from.
    const extensionPage = await openQuietExtensionPage(e2e.extension);
    const history = await ask<readonly HistoryEntry[]>(extensionPage, { type: 'history' });
    expect(history.ok && history.value[0]).toMatchObject({
      number: '+4922166966966',
      outcome: 'ringing',
      origin: { title: 'Kontakt: Müller Maschinenbau GmbH – CRM', host: '127.0.0.1' },
    });
    await extensionPage.close();
    await page.close();
  });

  it('ignores a click that a page script makes', async () => {
    const page = await e2e.extension.context.newPage();
    await page.goto(e2e.pages.url('crm-contacts.html'));
    const point = await numberPoint(page, '0221 66966966');
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => page.locator('ringback-ui button').isVisible()).toBe(true);

    // The page's own script (main world) clicks Ringback's button: not a trusted user click.
    await page.evaluate(() => {
      const button = document.querySelector('ringback-ui')?.shadowRoot?.querySelector('button');
      button?.click();
      button?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    });
    await page.waitForTimeout(1_000);
    expect(e2e.sim.fonial.calls).toHaveLength(0);

    // The same button still works for the user: the channel was open, only the click was refused.
    await page.locator('ringback-ui button').click();
    await waitFor(() => e2e.sim.fonial.calls.length === 1 || undefined);
    await page.waitForTimeout(300);
    expect(e2e.sim.fonial.calls).toHaveLength(1);
    await page.close();
  });
});
