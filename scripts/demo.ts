/**
 * `npm run demo`: Ringback working end to end with no provider account. Finds a browser that can
 * load it (scripts/find-browser.ts: Chromium or Chrome for Testing; Firefox with `--firefox`),
 * builds the simulator flavour for it, starts the PBX simulator and a sample CRM page, and
 * launches the browser with Ringback set up against the simulator.
 * - With a display: a window opens on the CRM page; hover a number and click Call. Close the
 *   window (or press Ctrl+C) to stop.
 * - Without one (CI, SSH) or with `--headless`: places a call through each provider, prints what
 *   the simulator received, and saves a screenshot per provider.
 * When no usable browser is installed it says, in one paragraph, what to install.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startSimulator } from '../test/sim/server';
import { demoAccounts } from '../test/support/demo-accounts';
import { waitFor } from '../test/support/extension';
import { startPageServer } from '../test/support/static-server';
import { buildFor, launchDemoBrowser } from './demo-browsers';
import { type BrowserKind, findBrowser, installAdvice, thisMachine } from './find-browser';

const ROOT = join(import.meta.dirname, '..');
const OUTPUT = join(ROOT, 'demo-output');
const kind: BrowserKind = process.argv.includes('--firefox') ? 'firefox' : 'chromium';
/** macOS and Windows always have a display; Linux has one when X11 or Wayland says so. */
const headless =
  process.argv.includes('--headless') ||
  (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
/** Written in international form on the sample page, so every provider's market dials it alike. */
const DEMO_NUMBER = '+31 20 123 4567';

async function main(): Promise<void> {
  const machine = thisMachine();
  const browser = findBrowser(kind, machine);
  if (!browser) {
    console.error(installAdvice(kind, machine));
    process.exitCode = 1;
    return;
  }
  console.log(`Building Ringback for the simulator (${kind === 'firefox' ? 'Firefox' : 'Chromium'})…`);
  buildFor(kind);

  const sim = await startSimulator({ port: 4010 }).catch(() => startSimulator());
  const pages = await startPageServer();
  console.log(`${browser.name}: ${browser.path}`);
  const demo = await launchDemoBrowser(kind, browser.path, headless);
  const stop = async () => {
    await demo.close().catch(() => undefined);
    await pages.close();
    await sim.close();
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  const accounts = demoAccounts(sim);
  console.log(`Simulator: ${sim.origin}   CRM page: ${pages.url('crm-contacts.html')}`);

  if (!headless) {
    await demo.configure(accounts);
    await demo.open(pages.url('crm-contacts.html'));
    console.log(`${browser.name} is open: hover a phone number on the CRM page and click "Call".`);
    console.log('Ringback has one simulator account per provider (fonial in use); switch in its popup or options.');
    console.log('Requests the simulator receives:');
    sim.onRequest = (request) =>
      console.log(`  ${request.provider.padEnd(10)} ${request.method} ${request.path}${query(request.query)}`);
    console.log('Close the window to stop.');
    await demo.closedByUser();
    await stop();
    return;
  }

  await mkdir(OUTPUT, { recursive: true });
  for (const account of accounts) {
    await demo.configure([account]);
    const page = await demo.open(pages.url('crm-contacts.html'));
    const before = account.acceptedCalls(sim);
    await page.call(DEMO_NUMBER);
    await waitFor(() => account.acceptedCalls(sim) > before || undefined);
    const screenshot = join(OUTPUT, `demo-${kind === 'firefox' ? 'firefox-' : ''}${account.provider}.png`);
    await page.screenshot(screenshot);
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
