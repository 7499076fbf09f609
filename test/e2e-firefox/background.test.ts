/**
 * The background in real Firefox ESR against the simulator, with the assertions of the Chromium
 * tests (e2e/background-sessions, e2e/background-provider-down). Firefox's background is an event
 * page, not a service worker: a short `extensions.background.idle.timeout` makes Firefox stop it
 * after 2 s without events (instead of 30 s), so a test can watch it stop and start again. Through
 * that, concurrent calls and expiring sessions, the user logs in as rarely as possible; when the
 * provider fails the user reads why and a call whose outcome is unknown is never sent twice.
 */
import type { Page } from 'puppeteer-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CallReport, HistoryEntry, PopupState, Reply, SettingsView } from '../../src/messages';
import { waitFor } from '../support/extension';
import { ask, call } from '../support/firefox';
import { useFirefoxE2e } from '../support/firefox-e2e';

const IDLE_TIMEOUT_MS = 2_000;
const e2e = useFirefoxE2e({ prefs: { 'extensions.background.idle.timeout': IDLE_TIMEOUT_MS } });

/** The extension API as an extension page sees it, typed for what this file uses. */
interface PageApi {
  browser: {
    runtime: { getBackgroundPage(): Promise<Window & { ringbackTestMark?: boolean }> };
    storage: { session: { clear(): Promise<void> } };
    action: { getBadgeText(details: object): Promise<string> };
  };
  /** The event page's window as this page last saw it. */
  watchedBackground?: Window & { ringbackTestMark?: boolean };
}

beforeEach(async () => {
  // Each test starts logged out and with no history.
  await e2e.quiet.evaluate(() => (globalThis as unknown as PageApi).browser.storage.session.clear());
  await ask(e2e.quiet, { type: 'clear-history' });
});

const logins = () => e2e.sim.received('fonial', '/session/authenticate').length;

function badgeText(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as PageApi).browser.action.getBadgeText({}));
}

/** Puts a mark in the running event page's global scope and keeps a reference to its window. */
function markBackground(page: Page): Promise<void> {
  return page.evaluate(async () => {
    const g = globalThis as unknown as PageApi;
    const background = await g.browser.runtime.getBackgroundPage();
    background.ringbackTestMark = true;
    g.watchedBackground = background;
  });
}

/**
 * Whether the event page this page watched has been unloaded. Firefox cuts references into a
 * destroyed window ("can't access dead object"): checking wakes nothing up.
 */
function backgroundStopped(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    try {
      return (globalThis as unknown as PageApi).watchedBackground?.closed === true;
    } catch {
      return true;
    }
  });
}

/** Whether the event page running now carries the mark (it does not once it was restarted). */
function backgroundMarked(page: Page): Promise<boolean> {
  return page.evaluate(
    async () =>
      (await (globalThis as unknown as PageApi).browser.runtime.getBackgroundPage()).ringbackTestMark === true,
  );
}

async function history(): Promise<readonly HistoryEntry[]> {
  const reply = await ask<readonly HistoryEntry[]>(e2e.quiet, { type: 'history' });
  if (!reply.ok) throw new Error(reply.reason);
  return reply.value;
}

describe('provider sessions in the event page', () => {
  it('places a call after Firefox stopped the idle event page, without logging in again', async () => {
    const page = e2e.quiet;
    expect(await call(page, '0221 66966966')).toEqual({ phase: 'ringing', number: '+4922166966966' });
    expect(logins()).toBe(1);
    expect(await badgeText(page)).not.toBe('');

    await markBackground(page);
    await waitFor(async () => (await backgroundStopped(page)) || undefined, 10 * IDLE_TIMEOUT_MS);

    // The message starts a fresh event page: nothing in its memory, the session in storage.session.
    expect(await call(page, '+49 221 66966966')).toEqual({ phase: 'ringing', number: '+4922166966966' });
    expect(await backgroundMarked(page)).toBe(false);
    expect(logins()).toBe(1);
    expect(e2e.sim.fonial.calls.map((c) => c.target)).toEqual(['+4922166966966', '+4922166966966']);
  });

  it('logs in once when two calls are clicked at the same moment', async () => {
    const replies = (await e2e.quiet.evaluate(
      (messages) =>
        Promise.all(
          messages.map((m) =>
            (
              globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
            ).browser.runtime.sendMessage(m),
          ),
        ),
      [
        { type: 'call', number: '0221 66966966' },
        { type: 'call', number: '+32 2 555 12 12' },
      ],
    )) as Reply<CallReport>[];
    expect(replies.map((r) => r.ok && r.value.phase)).toEqual(['ringing', 'ringing']);
    expect(logins()).toBe(1);
    expect(e2e.sim.received('fonial', '/session')).toHaveLength(1);
    expect(e2e.sim.fonial.calls.map((c) => c.target).sort()).toEqual(['+3225551212', '+4922166966966']);
  });

  it('logs in again once when the session expired between two calls, and the call goes through', async () => {
    await call(e2e.quiet, '0221 66966966');
    // The provider's clock moves past fonial's session lifetime: the stored sid is refused.
    e2e.sim.advance(e2e.sim.fonial.sessionLifetimeMs + 60_000);
    expect(await call(e2e.quiet, '0221 66966966')).toMatchObject({ phase: 'ringing' });
    expect(logins()).toBe(2);
    // One call refused for the expired session, repeated once with the new one: two calls placed.
    expect(e2e.sim.received('fonial', '/call/initiate')).toHaveLength(3);
    expect(e2e.sim.fonial.calls).toHaveLength(2);
  });
});

describe('when the provider fails', () => {
  it('says the provider is unavailable, keeps the attempt and the account, and the next call works', async () => {
    const page = e2e.quiet;
    e2e.sim.fault({ kind: 'server-error', provider: 'fonial', status: 503 });
    expect(await call(page, '0221 66966966')).toEqual({
      phase: 'failed',
      number: '+4922166966966',
      reason: 'errUnavailable',
      details: ['503'],
    });
    expect(e2e.sim.fonial.calls).toHaveLength(0);
    expect(await badgeText(page)).toBe('');

    expect(await history()).toEqual([
      expect.objectContaining({ number: '+4922166966966', outcome: 'failed', reason: 'errUnavailable' }),
    ]);
    const state = await ask<PopupState>(page, { type: 'popup-state' });
    expect(state.ok && state.value.lastCall).toMatchObject({ phase: 'failed', reason: 'errUnavailable' });
    const settings = await ask<SettingsView>(page, { type: 'get-settings' });
    expect(settings.ok && settings.value.withCredentials).toEqual(['fonial-e2e']);

    e2e.sim.clearFaults();
    expect(await call(page, '0221 66966966')).toEqual({ phase: 'ringing', number: '+4922166966966' });
    expect(e2e.sim.fonial.calls).toHaveLength(1);
    expect(e2e.sim.received('fonial', '/session/authenticate').filter((r) => r.answeredStatus === 200)).toHaveLength(1);
    expect((await history()).map((entry) => entry.outcome)).toEqual(['ringing', 'failed']);
  });

  it('reports an unknown outcome when a gateway gives up after the provider got the call, and never sends it again', async () => {
    const page = e2e.quiet;
    e2e.sim.fault({ kind: 'server-error', provider: 'fonial', path: '/call/initiate', status: 502, times: 1 });
    expect(await call(page, '0221 66966966')).toMatchObject({
      phase: 'unknown',
      number: '+4922166966966',
      reason: 'errUnknownOutcome',
    });
    // Give a stray retry every chance to arrive: none may.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(e2e.sim.received('fonial', '/call/initiate')).toHaveLength(1);
    expect((await history())[0]).toMatchObject({ outcome: 'unknown' });
    expect(await badgeText(page)).toBe('');

    expect(await call(page, '0221 66966966')).toMatchObject({ phase: 'ringing' });
    expect(e2e.sim.received('fonial', '/call/initiate')).toHaveLength(2);
  });
});
