/**
 * `npm run demo`: Ringback working end to end with no provider account. Builds the simulator
 * flavour, starts the PBX simulator and a sample CRM page, and launches Chromium with Ringback set
 * up against the simulator.
 * - With a display: a window opens on the CRM page; hover a number and click Call. Close the
 *   window (or press Ctrl+C) to stop.
 * - Without one (CI, SSH) or with `--headless`: places a call headlessly, prints what the simulator
 *   received, and saves a screenshot.
 */
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { FONIAL_TEST_ACCOUNT } from '../test/sim/providers/fonial';
import { startSimulator } from '../test/sim/server';
import { configureAccount, launchWithExtension, numberPoint, waitFor } from '../test/support/extension';
import { startPageServer } from '../test/support/static-server';

const ROOT = join(import.meta.dirname, '..');
const OUTPUT = join(ROOT, 'demo-output');
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;

async function main(): Promise<void> {
  console.log('Building Ringback for the simulator…');
  execFileSync('npx', ['wxt', 'build', '--mode', 'sim'], { cwd: ROOT, stdio: 'inherit' });

  const sim = await startSimulator({ port: 4010 }).catch(() => startSimulator());
  const pages = await startPageServer();
  const extension = await launchWithExtension({ headless });
  const stop = async () => {
    await extension.close().catch(() => undefined);
    await pages.close();
    await sim.close();
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));

  await configureAccount(extension, {
    provider: 'fonial',
    baseUrl: sim.baseUrl('fonial'),
    credentials: { username: FONIAL_TEST_ACCOUNT.username, password: FONIAL_TEST_ACCOUNT.password },
    deviceId: String(FONIAL_TEST_ACCOUNT.devices[0]?.id),
  });
  console.log(`Simulator: ${sim.origin}   CRM page: ${pages.url('crm-contacts.html')}`);

  const page = await extension.context.newPage();
  await page.goto(pages.url('crm-contacts.html'));

  if (!headless) {
    console.log('Chromium is open: hover a phone number on the CRM page and click "Call". Close the window to stop.');
    await new Promise<void>((resolve) => extension.context.on('close', () => resolve()));
    await stop();
    return;
  }

  const point = await numberPoint(page, '0221 66966966');
  await page.mouse.move(point.x, point.y);
  await page.locator('ringback-ui button').click();
  const call = await waitFor(() => sim.received('fonial', '/call/initiate').find((r) => r.answeredStatus === 200));
  await page.locator('ringback-ui [role=status]').filter({ hasText: /\S/ }).waitFor();

  console.log('\nThe simulator received:');
  for (const request of sim.requests) {
    console.log(
      `  ${request.provider.padEnd(10)} ${request.method} ${request.path}  → ${request.answeredStatus ?? 'dropped'}  ${redact(request.body)}`,
    );
  }
  console.log(`\nfonial /call/initiate: ${JSON.stringify(call.json)}`);
  await mkdir(OUTPUT, { recursive: true });
  const screenshot = join(OUTPUT, 'demo.png');
  await page.screenshot({ path: screenshot });
  console.log(`Screenshot: ${screenshot}`);
  await stop();
}

/** Passwords never reach the terminal, even the simulator's. */
function redact(body: string): string {
  return body.replace(/("password"\s*:\s*")[^"]*"/g, '$1•••"');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
