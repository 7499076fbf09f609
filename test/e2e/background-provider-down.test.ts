/**
 * When the provider fails, in real Chromium against the simulator: the user reads why, nothing the
 * user did is lost, a call whose outcome is unknown is never sent twice, and the next call works.
 */
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryEntry, PopupState, SettingsView } from '../../src/messages';
import { ask, badgeText, call, clearSessionStorage, openQuietExtensionPage } from '../support/background';
import { useFonialE2e } from '../support/fonial-e2e';

const e2e = useFonialE2e();
let page: Page;

beforeAll(async () => {
  page = await openQuietExtensionPage(e2e.extension);
});

beforeEach(async () => {
  await clearSessionStorage(e2e.extension);
  await ask(page, { type: 'clear-history' });
});

async function history(): Promise<readonly HistoryEntry[]> {
  const reply = await ask<readonly HistoryEntry[]>(page, { type: 'history' });
  if (!reply.ok) throw new Error(reply.reason);
  return reply.value;
}

describe('when the provider fails', () => {
  it('says the provider is unavailable, keeps the attempt and the account, and the next call works', async () => {
    e2e.sim.fault({ kind: 'server-error', provider: 'fonial', status: 503 });
    expect(await call(page, '0221 66966966')).toEqual({
      phase: 'failed',
      number: '+4922166966966',
      reason: 'errUnavailable',
      details: ['503'],
    });
    expect(e2e.sim.fonial.calls).toHaveLength(0);
    expect(await badgeText(page)).toBe('');

    // Nothing lost: the attempt is in history with its reason, the popup shows it, the account stays.
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
    expect((await history()).map((e) => e.outcome)).toEqual(['ringing', 'failed']);
  });

  it('reports an unknown outcome when a gateway gives up after the provider got the call, and never sends it again', async () => {
    // A 502 after the request went out: the provider may have placed the call or not.
    e2e.sim.fault({ kind: 'server-error', provider: 'fonial', path: '/call/initiate', status: 502, times: 1 });
    expect(await call(page, '0221 66966966')).toMatchObject({
      phase: 'unknown',
      number: '+4922166966966',
      reason: 'errUnknownOutcome',
    });
    // Give a stray retry every chance to arrive: none may.
    await page.waitForTimeout(1_000);
    expect(e2e.sim.received('fonial', '/call/initiate')).toHaveLength(1);
    expect((await history())[0]).toMatchObject({ outcome: 'unknown' });
    expect(await badgeText(page)).toBe('');

    // The user decides: calling again is a new, deliberate attempt.
    expect(await call(page, '0221 66966966')).toMatchObject({ phase: 'ringing' });
    expect(e2e.sim.received('fonial', '/call/initiate')).toHaveLength(2);
  });
});
