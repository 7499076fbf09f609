/**
 * Issue #14 item 4, in real Chromium: what a content script can read holds no secret. The test
 * evaluates code in Ringback's own content-script world of a page (the isolated world Chromium
 * made for the extension, reached through the DevTools protocol): there, `chrome.storage.local`
 * is readable as in every content script, and it must contain no password, token or API key in
 * any form; `storage.session` (provider sessions) must not be readable at all.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, openQuietExtensionPage } from '../support/background';
import { demoAccounts } from '../support/demo-accounts';
import {
  configureAccounts,
  type LoadedExtension,
  launchWithExtension,
  numberPoint,
  waitFor,
} from '../support/extension';
import { type PageServer, startPageServer } from '../support/static-server';
import { useSimulator } from '../support/use-simulator';

const sim = useSimulator();
let pages: PageServer;
let extension: LoadedExtension;

beforeAll(async () => {
  pages = await startPageServer();
  extension = await launchWithExtension();
});

afterAll(async () => {
  await extension?.close();
  await pages?.close();
});

describe('secrets a content script could reach', () => {
  it('finds none of the four providers’ logins or sessions in storage a page’s content script can read', async () => {
    const accounts = demoAccounts(sim);
    await configureAccounts(extension, accounts);
    // Each account logs in once, so that provider sessions exist too.
    const extensionPage = await openQuietExtensionPage(extension);
    for (const account of accounts) {
      await ask(extensionPage, { type: 'set-active-account', accountId: `${account.provider}-e2e` });
      const state = await ask<{ connection: { status: string } }>(extensionPage, { type: 'popup-state' });
      expect(state.ok && state.value.connection.status).toBe('ok');
    }
    // The page's numbers are German: fonial's market.
    await ask(extensionPage, { type: 'set-active-account', accountId: 'fonial-e2e' });
    const sessions = await workerSession(extension);
    expect(Object.keys(sessions).filter((key) => key.startsWith('session:')).length).toBeGreaterThanOrEqual(3);

    const page = await extension.context.newPage();
    await page.goto(pages.url('crm-contacts.html'));
    // The content script is running once it marked a number.
    await numberPoint(page, '0221 66966966');
    const world = await contentScriptWorld(page, extension.id);

    const local = await world.evaluate('chrome.storage.local.get(null).then((all) => JSON.stringify(all))');
    expect(local).toContain('"logins"');
    const logins = accounts.flatMap((a) => secretFields(a.provider).map((field) => a.credentials[field] ?? ''));
    const sessionTokens = sessionSecrets(sessions).filter((s) => s.length >= 6);
    // Five secrets in the four logins (VoipCenter has two), and the session tokens providers gave.
    expect(logins.filter((s) => s.length >= 6)).toHaveLength(5);
    expect(sessionTokens.length).toBeGreaterThanOrEqual(1);
    for (const secret of [...logins, ...sessionTokens]) {
      for (const form of encodings(secret)) expect(local, `a secret in the form ${form}`).not.toContain(form);
    }

    // Provider sessions: closed to content scripts.
    const session = await world.evaluate(
      'chrome.storage.session.get(null).then((all) => "readable: " + JSON.stringify(all), (e) => "refused: " + e.message)',
    );
    expect(session).toMatch(/^refused: /);
    // The page's IndexedDB is not the extension's: no key there.
    const stores = await world.evaluate(
      `new Promise((resolve) => { const r = indexedDB.open('ringback-secrets'); r.onsuccess = () => resolve(r.result.objectStoreNames.length); })`,
    );
    expect(stores).toBe(0);
    await world.detach();
    await page.close();
    await extensionPage.close();
  });

  it('seals the clear-text logins an older version left in storage', async () => {
    const [fonial] = demoAccounts(sim);
    if (!fonial) throw new Error('no fonial account');
    const worker = await extension.worker();
    await worker.evaluate(
      (credentials) =>
        (
          globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
        ).chrome.storage.local.set({ credentials: { 'fonial-e2e': credentials } }),
      fonial.credentials,
    );
    const extensionPage = await openQuietExtensionPage(extension);
    // The first use of a login seals what it finds in the clear (as the update does on install).
    const state = await ask<{ connection: { status: string } }>(extensionPage, { type: 'popup-state' });
    expect(state.ok && state.value.connection.status).toBe('ok');
    const local = await workerLocal(extension);
    expect(local).not.toHaveProperty('credentials');
    expect(JSON.stringify(local)).not.toContain(fonial.credentials.password);
    await extensionPage.close();
  });
});

/** The fields of each provider's login that are secret (user names and ids are not). */
function secretFields(provider: string): string[] {
  if (provider === 'voipcenter') return ['password', 'apiKey'];
  if (provider === 'sipgate') return ['token'];
  return ['password'];
}

/** Every text value inside the provider sessions (session ids, tokens). */
function sessionSecrets(sessions: Record<string, unknown>): string[] {
  const found: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') found.push(value);
    else if (value && typeof value === 'object') for (const v of Object.values(value)) walk(v);
  };
  for (const [key, value] of Object.entries(sessions)) if (key.startsWith('session:')) walk(value);
  return found.filter((s) => !/^\d+$/.test(s));
}

/** The ways a secret could be written down: as is, escaped, base64 (also URL-safe), hex, reversed. */
function encodings(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const base64 = bytes.toString('base64').replace(/=+$/, '');
  return [
    secret,
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    base64,
    base64.replace(/\+/g, '-').replace(/\//g, '_'),
    Buffer.from(secret, 'utf16le').toString('base64').replace(/=+$/, ''),
    bytes.toString('hex'),
    bytes.toString('hex').toUpperCase(),
    [...secret].reverse().join(''),
  ];
}

async function workerLocal(ext: LoadedExtension): Promise<Record<string, unknown>> {
  const worker = await ext.worker();
  return worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }
    ).chrome.storage.local.get(null),
  );
}

async function workerSession(ext: LoadedExtension): Promise<Record<string, unknown>> {
  const worker = await ext.worker();
  return worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } } }
    ).chrome.storage.session.get(null),
  );
}

interface World {
  evaluate(expression: string): Promise<unknown>;
  detach(): Promise<void>;
}

/** Ringback's content-script world in the page's main frame (Chromium names it after the extension). */
async function contentScriptWorld(page: Page, extensionId: string): Promise<World> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; name: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
  cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context));
  await cdp.send('Runtime.enable');
  const world = await waitFor(() =>
    contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`),
  ).catch(() => {
    throw new Error(`no content-script world among ${JSON.stringify(contexts)}`);
  });
  return {
    async evaluate(expression) {
      const result = await cdp.send('Runtime.evaluate', {
        expression,
        contextId: world.id,
        awaitPromise: true,
        returnByValue: true,
      });
      if (result.exceptionDetails) throw new Error(`in the content-script world: ${result.exceptionDetails.text}`);
      return result.result.value;
    },
    detach: () => cdp.detach(),
  };
}
