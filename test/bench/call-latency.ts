/**
 * Click-to-call latency in real Chromium: from a trusted click on the hover card's Call button to
 * the simulator receiving the provider's call request. The first call includes the provider
 * login; the median is taken over the following calls, with the session warm.
 */
import { FONIAL_TEST_ACCOUNT } from '../sim/providers/fonial';
import { startSimulator } from '../sim/server';
import { buildSimFlavour, configureAccount, launchWithExtension, numberPoint, waitFor } from '../support/extension';
import { startPageServer } from '../support/static-server';

const CALLS = 20;

export async function callLatencyBench(): Promise<Record<string, number | string>> {
  buildSimFlavour();
  const sim = await startSimulator();
  const pages = await startPageServer();
  const extension = await launchWithExtension();
  try {
    await configureAccount(extension, {
      provider: 'fonial',
      baseUrl: sim.baseUrl('fonial'),
      credentials: { username: FONIAL_TEST_ACCOUNT.username, password: FONIAL_TEST_ACCOUNT.password },
      deviceId: '23',
    });
    const page = await extension.context.newPage();
    await page.goto(pages.url('crm-contacts.html'));
    const point = await numberPoint(page, '0221 66966966');
    await page.mouse.move(point.x, point.y);
    const button = page.locator('ringback-ui button').first();
    await button.waitFor();
    const box = await button.boundingBox();
    if (!box) throw new Error('the Call button has no box');
    const target = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(target.x, target.y);

    const latencies: number[] = [];
    for (let i = 0; i <= CALLS; i++) {
      const before = sim.fonial.calls.length;
      const clickedAt = Date.now();
      await page.mouse.click(target.x, target.y);
      const call = await waitFor(() => sim.fonial.calls[before]);
      latencies.push(call.at - clickedAt);
      // Let the card settle (status line) before the next click.
      await page.waitForTimeout(50);
    }
    const [cold = 0, ...warm] = latencies;
    const sorted = [...warm].sort((a, b) => a - b);
    return {
      'first call incl. login (ms)': cold,
      [`median of ${CALLS} (ms)`]: sorted[Math.floor(sorted.length / 2)] ?? 0,
      'p90 (ms)': sorted[Math.floor(sorted.length * 0.9)] ?? 0,
      'max (ms)': sorted.at(-1) ?? 0,
    };
  } finally {
    await extension.close();
    await pages.close();
    await sim.close();
  }
}
