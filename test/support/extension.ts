/**
 * Real Chromium (the Debian package) with the built extension loaded, driven by playwright-core.
 * Each test file launches its own browser with a fresh profile and closes it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import type { TabMessage } from '../../src/messages';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = join(import.meta.dirname, '..', '..');
/** The simulator build `npm run build:sim` writes (RINGBACK_OUT_DIR moves it, as in wxt.config.ts). */
export const SIM_BUILD_DIR = join(ROOT, process.env.RINGBACK_OUT_DIR ?? '.output', 'chrome-mv3-sim');

let built = false;

/**
 * Builds the simulator flavour (`wxt build --mode sim`) into SIM_BUILD_DIR, once per process, so
 * a bench or the demo never runs a stale build. (`npm test` builds it before the suite.)
 */
export function buildSimFlavour(): void {
  if (built) return;
  try {
    execFileSync('npx', ['wxt', 'build', '--mode', 'sim'], { cwd: ROOT, stdio: 'pipe' });
  } catch (error) {
    // Quiet when it works; the whole build log when it does not.
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    console.error(`${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`);
    throw error;
  }
  built = true;
}

/** Flags verified on this kind of machine: no sandbox as root, and no calls to Google's hosts. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface LoadedExtension {
  readonly context: BrowserContext;
  readonly id: string;
  worker(): Promise<Worker>;
  close(): Promise<void>;
}

/**
 * Launches Chromium with the extension. A fresh install opens Ringback's welcome tab: by default it
 * is waited for and closed, so tests start from the pages they open themselves (and every launch
 * still shows that the welcome opens); `keepWelcome` leaves it to the test (see `welcomePage`).
 * `profileDir` is a user-data-dir the caller owns and removes: launched again with it, the
 * browser restarts the same profile (no install, so no welcome tab).
 */
export async function launchWithExtension(
  options: {
    headless?: boolean;
    extensionDir?: string;
    keepWelcome?: boolean;
    args?: readonly string[];
    executablePath?: string;
    profileDir?: string;
  } = {},
): Promise<LoadedExtension> {
  const extensionDir = options.extensionDir ?? SIM_BUILD_DIR;
  const ownProfile = options.profileDir === undefined;
  const profile = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'ringback-profile-')));
  const freshInstall = (await readdir(profile)).length === 0;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: options.executablePath ?? CHROMIUM,
    headless: options.headless ?? true,
    args: [
      ...CHROMIUM_FLAGS,
      ...(options.args ?? []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
    viewport: { width: 1280, height: 800 },
  });
  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(first.url()).host;
  if (freshInstall && !options.keepWelcome) await (await welcomePage(context, id)).close();
  return {
    context,
    id,
    // The worker may have been stopped and restarted since launch: always look it up afresh.
    async worker() {
      const current = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${id}/`));
      return current ?? context.waitForEvent('serviceworker');
    },
    async close() {
      await context.close();
      if (ownProfile) await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The welcome tab a fresh install opens (options.html#welcome), once it is there. */
export function welcomePage(context: BrowserContext, extensionId: string): Promise<Page> {
  const url = `chrome-extension://${extensionId}/options.html#welcome`;
  return waitFor(() => context.pages().find((page) => page.url() === url), 20_000);
}

export interface AccountSetup {
  readonly provider: string;
  readonly baseUrl: string;
  readonly credentials: Record<string, string>;
  readonly deviceId?: string;
  readonly extra?: Record<string, unknown>;
}

/** The `chrome` global inside an extension context, typed for what tests use. */
export interface ExtensionApi {
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/** Stores an account as the options page would: settings, then its login through the background. */
export function configureAccount(extension: LoadedExtension, account: AccountSetup): Promise<void> {
  return configureAccounts(extension, [account]);
}

/**
 * Stores several accounts at once; the first is the active one. The settings (with `extra`) are
 * written straight into storage; each login goes through the background's `save-account`, the
 * options page's way, because only the background can seal it (background/credentials.ts).
 */
export async function configureAccounts(extension: LoadedExtension, accounts: readonly AccountSetup[]): Promise<void> {
  const worker = await extension.worker();
  // Only plain data crosses into the worker.
  const plain = accounts.map(({ provider, baseUrl, deviceId }) => ({
    id: `${provider}-e2e`,
    provider,
    label: `${provider} (simulator)`,
    baseUrl,
    deviceId: deviceId ?? '',
    callerId: '',
    smsSenderId: '',
  }));
  await worker.evaluate(
    async ({ list, extra }) => {
      // Runs inside the worker: only what is written here exists there.
      const api = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
      await api.storage.local.set({
        settings: { version: 1, accounts: list, activeAccountId: list[0]?.id ?? '', ...extra },
      });
    },
    { list: plain, extra: accounts[0]?.extra ?? {} },
  );
  const page = await extension.context.newPage();
  try {
    // Any document of the extension's origin talks to the background as an extension page.
    await page.goto(`chrome-extension://${extension.id}/_locales/en/messages.json`);
    for (const [index, account] of plain.entries()) {
      const credentials = accounts[index]?.credentials;
      const reply = await page.evaluate(
        (message) => (globalThis as unknown as { chrome: ExtensionApi }).chrome.runtime.sendMessage(message),
        { type: 'save-account', account, credentials },
      );
      if ((reply as { ok?: unknown } | undefined)?.ok !== true) {
        throw new Error(`saving the ${account.provider} test account was refused: ${JSON.stringify(reply)}`);
      }
    }
  } finally {
    await page.close();
  }
}

/** The viewport point at the middle of the highlighted number written as `text`, once it is marked. */
export async function numberPoint(page: Page, text: string): Promise<{ x: number; y: number }> {
  const handle = await page.waitForFunction((wanted) => {
    const highlight = CSS.highlights.get('ringback-number') as unknown as Set<Range> | undefined;
    const range = [...(highlight ?? [])].find((r) => r.toString() === wanted);
    if (!range) return undefined;
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, text);
  return (await handle.jsonValue()) as { x: number; y: number };
}

export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Sends a TabMessage to the tab showing `url`, as the background does; resolves to the answer. */
export function tellTab(worker: Worker, url: string, message: TabMessage): Promise<unknown> {
  return worker.evaluate(
    async ({ url, message }) => {
      const api = (
        globalThis as unknown as {
          chrome: {
            tabs: {
              query(q: object): Promise<{ id: number; url: string }[]>;
              sendMessage(id: number, m: unknown): Promise<unknown>;
            };
          };
        }
      ).chrome.tabs;
      const tab = (await api.query({})).find((t) => t.url === url);
      if (!tab) throw new Error(`no tab at ${url}`);
      return api.sendMessage(tab.id, message);
    },
    { url, message },
  );
}
