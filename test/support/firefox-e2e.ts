/**
 * What most Firefox end-to-end files start from, once per file (the counterpart of
 * fonial-e2e.ts): the PBX simulator, a server for the fixture pages, and Firefox with the simulator
 * build of Ringback and (unless told otherwise) the simulator's fonial account saved (desk phone 674 rings), set up through
 * the background's own messages from a quiet extension page that stays open for the file. The
 * simulator is reset before each test; everything is closed after the file.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import type { Simulator } from '../sim/server';
import {
  configureAccount,
  type FirefoxExtension,
  type FirefoxLaunchOptions,
  launchFirefoxWithExtension,
  openQuietExtensionPage,
} from './firefox';
import { fonialAccount } from './fonial-e2e';
import { type PageServer, startPageServer } from './static-server';
import { useSimulator } from './use-simulator';

export interface FirefoxE2e {
  readonly sim: Simulator;
  readonly pages: PageServer;
  readonly extension: FirefoxExtension;
  /** An extension page open for the whole file, to message the background from. */
  readonly quiet: Page;
}

export interface FirefoxE2eOptions extends FirefoxLaunchOptions {
  /** false: start as a new user, with no account saved. */
  readonly account?: false;
}

export function useFirefoxE2e(options: FirefoxE2eOptions = {}): FirefoxE2e {
  const sim = useSimulator();
  let pages: PageServer | undefined;
  let extension: FirefoxExtension | undefined;
  let quiet: Page | undefined;
  beforeAll(async () => {
    pages = await startPageServer();
    extension = await launchFirefoxWithExtension(options);
    quiet = await openQuietExtensionPage(extension);
    if (options.account !== false) await configureAccount(quiet, fonialAccount(sim));
  });
  afterAll(async () => {
    await extension?.close();
    await pages?.close();
  });
  return {
    sim,
    get pages() {
      return ready(pages);
    },
    get extension() {
      return ready(extension);
    },
    get quiet() {
      return ready(quiet);
    },
  };
}

function ready<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('used outside a test: the browser and simulator are not started yet');
  return value;
}
