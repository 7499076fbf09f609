/**
 * The demo's two browsers behind one face: Chromium driven by playwright-core (extension.ts),
 * Firefox by puppeteer-core over WebDriver BiDi (firefox.ts). Each loads the simulator build of
 * Ringback, saves accounts, opens pages, and clicks Call as a user does (trusted input).
 */
import type { DemoAccount } from '../test/support/demo-accounts';
import {
  buildSimFlavour,
  configureAccounts,
  type LoadedExtension,
  launchWithExtension,
  numberPoint,
} from '../test/support/extension';
import {
  buildFirefoxSimFlavour,
  CARD_CALL,
  cardStatus,
  configureAccounts as configureFirefoxAccounts,
  type FirefoxExtension,
  hoverNumber,
  launchFirefoxWithExtension,
  openQuietExtensionPage,
} from '../test/support/firefox';
import type { BrowserKind } from './find-browser';

export interface DemoBrowser {
  /** Saves the accounts as Ringback's own; the first one is in use. */
  configure(accounts: readonly DemoAccount[]): Promise<void>;
  /** Opens `url` in a new tab. */
  open(url: string): Promise<DemoPage>;
  /** Resolves once the user closed the browser window. */
  closedByUser(): Promise<void>;
  close(): Promise<void>;
}

export interface DemoPage {
  /** Hovers the number written as `text`, clicks the card's Call button, and waits for the outcome in words. */
  call(text: string): Promise<void>;
  /** The top left of the page, where the card shows. */
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

const CLIP = { x: 0, y: 0, width: 760, height: 380 };

export function buildFor(kind: BrowserKind): void {
  if (kind === 'firefox') buildFirefoxSimFlavour();
  else buildSimFlavour();
}

export async function launchDemoBrowser(kind: BrowserKind, executablePath: string, headless: boolean) {
  return kind === 'firefox'
    ? firefoxDemo(await launchFirefoxWithExtension({ executablePath, headless }))
    : chromiumDemo(await launchWithExtension({ executablePath, headless }));
}

function chromiumDemo(extension: LoadedExtension): DemoBrowser {
  return {
    configure: (accounts) => configureAccounts(extension, accounts),
    async open(url) {
      const page = await extension.context.newPage();
      await page.goto(url);
      return {
        async call(text) {
          const point = await numberPoint(page, text);
          await page.mouse.move(point.x, point.y);
          await page.locator('ringback-ui button').first().click();
          await page.locator('ringback-ui [role=status]').filter({ hasText: /\p{L}/u }).waitFor();
        },
        screenshot: async (path) => {
          await page.screenshot({ path, clip: CLIP });
        },
        close: () => page.close(),
      };
    },
    closedByUser: () => new Promise<void>((resolve) => extension.context.on('close', () => resolve())),
    close: () => extension.close(),
  };
}

function firefoxDemo(extension: FirefoxExtension): DemoBrowser {
  return {
    async configure(accounts) {
      // Through the background's messages, from an extension page that is not left open.
      const quiet = await openQuietExtensionPage(extension);
      await configureFirefoxAccounts(quiet, accounts);
      await quiet.close();
    },
    async open(url) {
      const page = await extension.newPage();
      await page.goto(url);
      return {
        async call(text) {
          await hoverNumber(page, text);
          await (await page.$(CARD_CALL))?.click();
          await cardStatus(page, /\p{L}/u);
        },
        screenshot: async (path) => {
          await page.screenshot({ path: path as `${string}.png`, clip: CLIP });
        },
        close: () => page.close(),
      };
    },
    closedByUser: () => new Promise<void>((resolve) => extension.browser.once('disconnected', () => resolve())),
    close: () => extension.close(),
  };
}
