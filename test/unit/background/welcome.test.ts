/**
 * The first minute: the welcome screen opens on install (unless an account is already there), pages
 * still mark numbers before any account exists, and the card's set-up button opens the welcome.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageConfig } from '../../../src/messages';
import { CRM_PAGE, configure, EXTENSION_ID, send, useBackground, value } from './harness';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

useBackground();

const WELCOME_URL = `chrome-extension://${EXTENSION_ID}/options.html#welcome`;

async function openUrls(): Promise<string[]> {
  return (await fakeBrowser.tabs.query({})).map((tab) => tab.url ?? '');
}

describe('welcome', () => {
  it('opens on install when no account exists yet', async () => {
    await configure([], {});
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await vi.waitFor(async () => expect(await openUrls()).toContain(WELCOME_URL));
  });

  it('opens neither on an update nor when an administrator already set up an account', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await configure([], {});
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update' } as never);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await openUrls()).filter((url) => url.includes('options.html'))).toEqual([]);
  });

  it('marks numbers before an account exists, with the card in its set-up state', async () => {
    await configure([], {});
    const config = await value<PageConfig>({ type: 'page-config', url: CRM_PAGE.url }, CRM_PAGE);
    expect(config).toMatchObject({ enabled: true, setUp: false });
  });

  it('is what the card’s set-up button opens, asked by a content script', async () => {
    await configure([], {});
    expect(await send({ type: 'open-welcome' }, CRM_PAGE)).toEqual({ ok: true, value: null });
    expect(await openUrls()).toContain(WELCOME_URL);
  });
});
