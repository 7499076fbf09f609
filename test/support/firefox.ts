/**
 * Real Firefox (Debian's firefox-esr) with the simulator build of Ringback installed as a temporary
 * add-on, driven by puppeteer-core over WebDriver BiDi (recipe: ../shared/firefox-e2e.md). The
 * Firefox counterpart of extension.ts: each test file launches its own browser with a fresh
 * profile and closes it.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import type { CallReport, Reply } from '../../src/messages';
import { type AccountSettings, DEFAULT_SETTINGS } from '../../src/settings';
import { type AccountSetup, waitFor } from './extension';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const ROOT = join(import.meta.dirname, '..', '..');
/** The build `npm run build:sim` writes for Firefox (RINGBACK_OUT_DIR moves it, as in wxt.config.ts). */
export const FIREFOX_SIM_BUILD_DIR = join(ROOT, process.env.RINGBACK_OUT_DIR ?? '.output', 'firefox-mv3-sim');
/** The add-on id wxt.config.ts gives Firefox builds. */
const GECKO_ID = 'ringback@ringback.app';

let built = false;

/** Builds the Firefox simulator flavour once per process, so the demo never runs a stale build. */
export function buildFirefoxSimFlavour(): void {
  if (built) return;
  try {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3', '--mode', 'sim'], { cwd: ROOT, stdio: 'pipe' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    console.error(`${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`);
    throw error;
  }
  built = true;
}

export interface FirefoxExtension {
  readonly browser: Browser;
  /** The add-on's internal UUID, pinned at launch so its pages have a known address. */
  readonly uuid: string;
  /** `moz-extension://<uuid>`, the origin of the add-on's pages. */
  readonly origin: string;
  /** A new tab (about:blank). */
  newPage(): Promise<Page>;
  /** A new tab showing one of the add-on's own pages, e.g. `/options.html`. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  readonly headless?: boolean;
  /** Another Firefox than FIREFOX (the demo finds one). */
  readonly executablePath?: string;
  /** Leave the welcome tab a fresh install opens (closed by default, as in extension.ts). */
  readonly keepWelcome?: boolean;
  readonly extensionDir?: string;
  /** Extra about:config preferences, e.g. a short `extensions.background.idle.timeout`. */
  readonly prefs?: Readonly<Record<string, string | number | boolean>>;
  /** The add-on id in `extensionDir`'s manifest, when it is not the one wxt.config.ts gives. */
  readonly geckoId?: string;
  /**
   * A profile the caller keeps and removes. Launched again with it (and the same `uuid`), Firefox
   * restarts that profile: the temporary add-on is installed again and finds its storage as it was.
   */
  readonly userDataDir?: string;
  /** The add-on's internal UUID to pin; a new one by default. */
  readonly uuid?: string;
}

export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions = {}): Promise<FirefoxExtension> {
  const uuid = options.uuid ?? crypto.randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: options.executablePath ?? FIREFOX,
    headless: options.headless ?? true,
    // Without it, moz-extension:// documents cannot be opened or scripted over BiDi.
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 800 },
    ...(options.userDataDir ? { userDataDir: options.userDataDir } : {}),
    extraPrefsFirefox: {
      // Otherwise Firefox picks a random UUID per profile and the add-on's pages have no known URL.
      'extensions.webextensions.uuids': JSON.stringify({ [options.geckoId ?? GECKO_ID]: uuid }),
      ...options.prefs,
    },
  });
  try {
    await browser.installExtension(options.extensionDir ?? FIREFOX_SIM_BUILD_DIR);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const origin = `moz-extension://${uuid}`;
  if (!options.keepWelcome) await (await welcomePage(browser, origin)).close();
  return {
    browser,
    uuid,
    origin,
    newPage: () => browser.newPage(),
    async openExtensionPage(path) {
      const page = await browser.newPage();
      await navigate(page, `${origin}${path}`);
      return page;
    },
    close: () => browser.close(),
  };
}

/**
 * The welcome tab a fresh install opens (options.html#welcome), once it is there. Puppeteer does
 * not follow navigations to moz-extension:// pages (their page.url() stays about:blank), so each
 * tab is asked where it is.
 */
export function welcomePage(browser: Browser, origin: string): Promise<Page> {
  const url = `${origin}/options.html#welcome`;
  return waitFor(async () => {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href === url) return page;
    }
    return undefined;
    // Under heavy load the install's tab took over 20 s to appear; the hook allows 60 s.
  }, 45_000);
}

/** The part of puppeteer's BiDi frame the types leave out (an internal: puppeteer-core is pinned). */
interface BidiFrame {
  readonly browsingContext: { navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<unknown> };
}

/**
 * Loads `url` in `page` and waits for it to be complete. `page.goto` times out on moz-extension://
 * URLs (puppeteer waits for a navigation event Firefox does not send for them); the BiDi command
 * underneath it does not.
 */
export async function navigate(page: Page, url: string): Promise<void> {
  await (page.mainFrame() as unknown as BidiFrame).browsingContext.navigate(url, 'complete');
}

/**
 * An extension page that runs no UI of its own (so it sends nothing by itself), for talking to the
 * background as the popup would.
 */
export function openQuietExtensionPage(extension: FirefoxExtension): Promise<Page> {
  return extension.openExtensionPage('/_locales/en/messages.json');
}

/** `runtime.sendMessage` as seen from an extension page. */
interface RuntimeApi {
  browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
}

/** Sends the background one message from an extension page and returns its reply. */
export function ask<T = unknown>(page: Page, message: unknown): Promise<Reply<T>> {
  return page.evaluate(
    (m) => (globalThis as unknown as RuntimeApi).browser.runtime.sendMessage(m),
    message as never,
  ) as Promise<Reply<T>>;
}

/** Asks, and fails the test with the refusal's reason unless the background said ok. */
export async function askOk<T = unknown>(page: Page, message: unknown): Promise<T> {
  const reply = await ask<T>(page, message);
  if (!reply.ok) throw new Error(`${(message as { type?: string }).type} refused: ${reply.reason}`);
  return reply.value;
}

export async function call(page: Page, number: string): Promise<CallReport> {
  return askOk<CallReport>(page, { type: 'call', number });
}

/** Writes items straight into the add-on's storage.local, from one of its pages. */
export async function writeLocalStorage(page: Page, items: Record<string, unknown>): Promise<void> {
  await page.evaluate(
    (values) =>
      (
        globalThis as unknown as { browser: { storage: { local: { set(v: unknown): Promise<void> } } } }
      ).browser.storage.local.set(values),
    items as never,
  );
}

/**
 * Sets up accounts the way the options page does — through the background's own messages, so the
 * background stores the credentials its own way — and makes the first one active. The other
 * settings are reset to a fresh install's, with `extra` of the first account on top (confirmation,
 * default country…), as extension.ts's configureAccounts does for Chromium.
 */
export async function configureAccounts(page: Page, accounts: readonly AccountSetup[]): Promise<void> {
  const settings = await askOk<{ settings: { accounts: { id: string }[] } & Record<string, unknown> }>(page, {
    type: 'get-settings',
  });
  const ids = accounts.map((a) => `${a.provider}-e2e`);
  for (const old of settings.settings.accounts) {
    if (!ids.includes(old.id)) await askOk(page, { type: 'remove-account', accountId: old.id });
  }
  for (const [index, account] of accounts.entries()) {
    const stored: AccountSettings = {
      id: ids[index] ?? '',
      provider: account.provider as AccountSettings['provider'],
      label: `${account.provider} (simulator)`,
      baseUrl: account.baseUrl,
      deviceId: account.deviceId ?? '',
      callerId: '',
      smsSenderId: '',
    };
    await askOk(page, { type: 'save-account', account: stored, credentials: account.credentials });
  }
  await askOk(page, { type: 'set-active-account', accountId: ids[0] });
  // Everything else as a fresh install has it, then `extra` (save-settings leaves accounts alone).
  await askOk(page, { type: 'save-settings', settings: { ...DEFAULT_SETTINGS, ...accounts[0]?.extra } });
}

export function configureAccount(page: Page, account: AccountSetup): Promise<void> {
  return configureAccounts(page, [account]);
}

/** The viewport point at the middle of the highlighted number written as `text`, once it is marked. */
export async function numberPoint(target: Page | Frame, text: string): Promise<{ x: number; y: number }> {
  const handle = await target.waitForFunction(
    (wanted: string) => {
      const highlight = CSS.highlights.get('ringback-number') as unknown as Set<Range> | undefined;
      const range = [...(highlight ?? [])].find((r) => r.toString() === wanted);
      if (!range) return undefined;
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    },
    { polling: 50, timeout: 15_000 },
    text,
  );
  return (await handle.jsonValue()) as { x: number; y: number };
}

/** The text of every number Ringback marked in the page or frame. */
export function marks(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() =>
    [...((CSS.highlights.get('ringback-number') as unknown as Set<Range> | undefined) ?? [])].map((r) => r.toString()),
  );
}

/** Ringback's card on a page: its elements sit in the host's shadow root. */
export const CARD_CALL = 'ringback-ui >>> button.call';
export const CARD_STATUS = 'ringback-ui >>> [role=status]';

/** Moves the pointer (trusted input) onto the number written as `text`, and waits for its card. */
export async function hoverNumber(page: Page, text: string): Promise<void> {
  const point = await numberPoint(page, text);
  await page.mouse.move(point.x, point.y);
  await page.waitForSelector(CARD_CALL, { visible: true, timeout: 10_000 });
}

/** The card's status line once it says something matching `pattern`. */
export async function cardStatus(page: Page | Frame, pattern: RegExp): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const handle = await page.$(CARD_STATUS);
    const text = (await handle?.evaluate((el) => el.textContent ?? '')) ?? '';
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`the card's status never matched ${pattern}; it said "${text}"`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Records every message content scripts send the background, from an extension page: extension
 * pages hear runtime messages too. The listener answers nothing, so the background still does.
 */
export async function spyOnMessages(page: Page): Promise<void> {
  await page.evaluate(() => {
    const g = globalThis as unknown as {
      seen?: unknown[];
      browser: { runtime: { onMessage: { addListener(f: (m: unknown) => undefined): void } } };
    };
    if (g.seen) {
      g.seen.length = 0;
      return;
    }
    g.seen = [];
    g.browser.runtime.onMessage.addListener((message) => {
      g.seen?.push(JSON.parse(JSON.stringify(message)));
      return undefined;
    });
  });
}

export function seen(page: Page): Promise<{ type: string; number?: string }[]> {
  return page.evaluate(() => (globalThis as unknown as { seen: never[] }).seen);
}
