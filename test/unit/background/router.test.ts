/**
 * The router: only this extension may talk to the background, content scripts only about calls,
 * SMS and their page, and only in the contract's shapes. Everything else is refused and logged
 * without its content.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { Refusal } from '../../../src/background/refusal';
import { createRouter, senderKind } from '../../../src/background/router';
import { ProviderError } from '../../../src/providers/errors';
import { CRM_PAGE, EXTENSION_ID, OPTIONS_TAB, OTHER_EXTENSION, POPUP, send, useBackground } from './harness';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const env = useBackground();
afterEach(() => {
  vi.restoreAllMocks();
});

describe('who may ask', () => {
  it('tells extension pages (popup, options in a tab) from content scripts', () => {
    expect(senderKind(POPUP, EXTENSION_ID, ORIGIN)).toBe('extension-page');
    expect(senderKind(OPTIONS_TAB, EXTENSION_ID, ORIGIN)).toBe('extension-page');
    expect(senderKind(CRM_PAGE, EXTENSION_ID, ORIGIN)).toBe('content-script');
    expect(senderKind(OTHER_EXTENSION, EXTENSION_ID, ORIGIN)).toBeUndefined();
    expect(senderKind({ id: EXTENSION_ID, url: 'https://evil.example/' }, EXTENSION_ID, ORIGIN)).toBeUndefined();
  });

  it('answers another extension with a refusal, whatever it asks', async () => {
    expect(await send({ type: 'popup-state' }, OTHER_EXTENSION)).toEqual({ ok: false, reason: 'errRejectedMessage' });
    expect(await send({ type: 'call', number: '0221 66966966' }, OTHER_EXTENSION)).toMatchObject({ ok: false });
    expect(env.sim.requests).toHaveLength(0);
  });

  it('lets a content script call, text and read its page config, and nothing else', async () => {
    expect(await send({ type: 'page-config', url: CRM_PAGE.url }, CRM_PAGE)).toMatchObject({ ok: true });
    expect(await send({ type: 'call', number: '0221 66966966' }, CRM_PAGE)).toMatchObject({ ok: true });
    for (const message of [
      { type: 'get-settings' },
      { type: 'popup-state' },
      { type: 'history' },
      { type: 'clear-history' },
      { type: 'export-settings', includeCredentials: true },
      { type: 'remove-account', accountId: 'office' },
      { type: 'send-sms', recipient: '0221 66966966', message: 'hi' },
    ]) {
      expect(await send(message, CRM_PAGE)).toEqual({ ok: false, reason: 'errRejectedMessage' });
    }
  });

  it('asks a child frame of the content script’s own tab for its numbers (Firefox isolates frames)', async () => {
    const frameNumber = { e164: '+494030700000', international: '+49 40 30700000', text: '040 30700000' };
    vi.mocked(browser.tabs.sendMessage).mockResolvedValueOnce([frameNumber, { e164: 42 }] as never);
    expect(await send({ type: 'frame-numbers', frameId: 3 }, CRM_PAGE)).toEqual({ ok: true, value: [frameNumber] });
    expect(browser.tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'list-frame-numbers' }, { frameId: 3 });
    // Not the top frame, and not anything that is not a frame id.
    for (const frameId of [0, -1, 1.5, '3']) {
      expect(await send({ type: 'frame-numbers', frameId }, CRM_PAGE)).toEqual({
        ok: false,
        reason: 'errRejectedMessage',
      });
    }
    // A page without a tab (the popup) has no frames to ask.
    expect(await send({ type: 'frame-numbers', frameId: 3 }, POPUP)).toEqual({ ok: true, value: [] });
    expect(browser.tabs.sendMessage).toHaveBeenCalledTimes(1);
  });

  it('lets the popup and options page ask for everything', async () => {
    expect(await send({ type: 'get-settings' }, OPTIONS_TAB)).toMatchObject({ ok: true });
    expect(await send({ type: 'popup-state' }, POPUP)).toMatchObject({ ok: true });
    expect(await send({ type: 'history' }, POPUP)).toMatchObject({ ok: true });
  });
});

describe('what may be asked', () => {
  it('refuses malformed messages and logs only their type, never their content', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const message of [
      'call',
      null,
      { type: 'call' },
      { type: 'call', number: '' },
      { type: 'call', number: 42 },
      { type: 'call', number: '+4922166966966', origin: { title: 'x' } },
      { type: 'import-settings', json: 7 },
      { type: 'save-account', account: [] },
      { type: 'format-disk' },
    ]) {
      expect(await send(message, POPUP)).toEqual({ ok: false, reason: 'errRejectedMessage' });
    }
    expect(await send({ type: 'get-settings', password: 'hunter2' }, OTHER_EXTENSION)).toMatchObject({ ok: false });
    const logged = JSON.stringify(warn.mock.calls);
    expect(logged).not.toContain('4922166966966');
    expect(logged).not.toContain('hunter2');
    expect(warn.mock.calls.every(([, detail]) => Object.keys(detail as object).join() === 'sender,type')).toBe(true);
    expect(env.sim.requests).toHaveLength(0);
  });

  it('answers a refusal with its reason, a provider error in its words, anything else as internal', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const route = (failure: Error) =>
      createRouter(
        async () => {
          throw failure;
        },
        EXTENSION_ID,
        ORIGIN,
      )({ type: 'history' }, POPUP);
    expect(await route(new Refusal('errSmsTooLong', ['472', '460']))).toEqual({
      ok: false,
      reason: 'errSmsTooLong',
      details: ['472', '460'],
    });
    expect(await route(new ProviderError('auth', 'errAuth'))).toEqual({ ok: false, reason: 'errAuth' });
    expect(await route(new Error('secret token abc123'))).toEqual({ ok: false, reason: 'errInternal' });
    expect(JSON.stringify(error.mock.calls)).not.toContain('abc123');
  });
});
