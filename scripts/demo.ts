/**
 * `npm run demo`: Ringback working end to end with no provider account. Builds the simulator
 * flavour, starts the PBX simulator and a sample CRM page, and launches Chromium with Ringback set
 * up against the simulator.
 * - With a display: a window opens on the CRM page; hover a number and click Call. Close the
 *   window (or press Ctrl+C) to stop.
 * - Without one (CI, SSH) or with `--headless`: places a call headlessly, prints what the simulator
 *   received, and saves a screenshot.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startSimulator } from '../test/sim/server';
import { demoAccounts } from '../test/support/demo-accounts';
import {
  buildSimFlavour,
  configureAccount,
  configureAccounts,
  launchWithExtension,
  numberPoint,
  waitFor,
} from '../test/support/extension';
import { startPageServer } from '../test/support/static-server';

const ROOT = join(import.meta.dirname, '..');
const OUTPUT = join(ROOT, 'demo-output');
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
/** Written in international form on the sample page, so every provider's market dials it alike. */
const DEMO_NUMBER = '+31 20 123 4567';

async function main(): Promise<void> {
  console.log('Building Ringback for the simulator…');
  buildSimFlavour();

  const sim = await startSimulator({ port: 4010 }).catch(() => startSimulator());
  const pages = await startPageServer();
  const extension = await launchWithExtension({ headless });
  const stop = async () => {
    await extension.close().catch(() => undefined);
    await pages.close();
    await sim.close();
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  const accounts = demoAccounts(sim);
  console.log(`Simulator: ${sim.origin}   CRM page: ${pages.url('crm-contacts.html')}`);

  if (!headless) {
    await configureAccounts(extension, accounts);
    const page = await extension.context.newPage();
    await page.goto(pages.url('crm-contacts.html'));
    console.log('Chromium is open: hover a phone number on the CRM page and click "Call".');
    console.log('Ringback has one simulator account per provider (fonial in use); switch in its popup or options.');
    console.log('Requests the simulator receives:');
    sim.onRequest = (request) =>
      console.log(`  ${request.provider.padEnd(10)} ${request.method} ${request.path}${query(request.query)}`);
    console.log('Close the window to stop.');
    await new Promise<void>((resolve) => extension.context.on('close', () => resolve()));
    await stop();
    return;
  }

  await mkdir(OUTPUT, { recursive: true });
  for (const account of accounts) {
    await configureAccount(extension, account);
    const page = await extension.context.newPage();
    await page.goto(pages.url('crm-contacts.html'));
    const before = account.acceptedCalls(sim);
    const point = await numberPoint(page, DEMO_NUMBER);
    await page.mouse.move(point.x, point.y);
    await page.locator('ringback-ui button').first().click();
    await waitFor(() => account.acceptedCalls(sim) > before || undefined);
    await page.locator('ringback-ui [role=status]').filter({ hasText: /\S/ }).waitFor();
    const screenshot = join(OUTPUT, `demo-${account.provider}.png`);
    await page.screenshot({ path: screenshot, clip: { x: 0, y: 0, width: 760, height: 380 } });
    console.log(`\n${account.provider}: called ${DEMO_NUMBER} from a trusted click. The simulator received:`);
    for (const request of sim.requests.filter((r) => r.provider === account.provider)) {
      const marker = request.path === account.callPath ? '  ◀ the call' : '';
      console.log(
        `  ${request.method} ${request.path}${query(request.query)}  → ${request.answeredStatus ?? 'dropped'}  ${redact(request.body)}${marker}`,
      );
    }
    console.log(`  screenshot: ${screenshot}`);
    await page.close();
  }
  await stop();
}

function query(params: URLSearchParams): string {
  const shown = [...params].map(([k, v]) => `${k}=${/^(pwd|pass|password)$/.test(k) ? '•••' : v}`);
  return shown.length > 0 ? `?${shown.join('&')}` : '';
}

/** Passwords never reach the terminal, even the simulator's. */
function redact(body: string): string {
  return body.replace(/("password"\s*:\s*")[^"]*"/g, '$1•••"');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
