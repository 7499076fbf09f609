/**
 * What most end-to-end files start from, once per file: the PBX simulator, a server for the fixture
 * pages, and Chromium with the simulator build of Ringback and the simulator's fonial account saved
 * (desk phone 674 rings). The simulator is reset before each test (use-simulator.ts); everything is
 * closed after the file. Call it at the top of a test file; read its parts inside tests.
 */
import { afterAll, beforeAll } from 'vitest';
import { FONIAL_TEST_ACCOUNT } from '../sim/providers/fonial';
import type { Simulator } from '../sim/server';
import { type AccountSetup, configureAccount, type LoadedExtension, launchWithExtension } from './extension';
import { type PageServer, startPageServer } from './static-server';
import { useSimulator } from './use-simulator';

export interface FonialE2e {
  readonly sim: Simulator;
  readonly pages: PageServer;
  readonly extension: LoadedExtension;
}

export function useFonialE2e(): FonialE2e {
  const sim = useSimulator();
  let pages: PageServer | undefined;
  let extension: LoadedExtension | undefined;
  beforeAll(async () => {
    pages = await startPageServer();
    extension = await launchWithExtension();
    await configureAccount(extension, fonialAccount(sim));
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
  };
}

/** The simulator's fonial account as these files save it; `extra` adds settings (confirmation, country…). */
export function fonialAccount(sim: Simulator, extra?: Record<string, unknown>): AccountSetup {
  return {
    provider: 'fonial',
    baseUrl: sim.baseUrl('fonial'),
    credentials: { username: FONIAL_TEST_ACCOUNT.username, password: FONIAL_TEST_ACCOUNT.password },
    deviceId: '674',
    ...(extra ? { extra } : {}),
  };
}

function ready<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('used outside a test: the browser and simulator are not started yet');
  return value;
}
