/**
 * Provider sessions in real Chromium against the simulator: Manifest V3 stops the service worker
 * whenever it likes, calls arrive together, and providers expire sessions. Through all of it the
 * user logs in as rarely as possible and every call goes through once.
 */
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallReport } from '../../src/messages';
import {
  askAll,
  badgeText,
  call,
  clearSessionStorage,
  markWorker,
  openQuietExtensionPage,
  WorkerWatch,
  workerMarked,
} from '../support/background';
import { useFonialE2e } from '../support/fonial-e2e';

const e2e = useFonialE2e();
let page: Page;

beforeAll(async () => {
  page = await openQuietExtensionPage(e2e.extension);
});

beforeEach(async () => {
  // Each test starts logged out, on both sides.
  await clearSessionStorage(e2e.extension);
});

const logins = () => e2e.sim.received('fonial', '/session/authenticate').length;

describe('provider sessions in the service worker', () => {
  it('places a call after the service worker was stopped, without logging in again', async () => {
    expect(await call(page, '0221 66966966')).toEqual({ phase: 'ringing', number: '+4922166966966' });
    expect(logins()).toBe(1);
    expect(await badgeText(page)).not.toBe('');

    const watch = await WorkerWatch.attach(page);
    await markWorker(e2e.extension);
    const startsBefore = watch.starts;
    await watch.stopWorker();

    // The message wakes a fresh worker: nothing in its memory, the session in storage.session.
    expect(await call(page, '+49 221 66966966')).toEqual({ phase: 'ringing', number: '+4922166966966' });
    expect(watch.starts).toBe(startsBefore + 1);
    expect(await workerMarked(e2e.extension)).toBe(false);
    expect(logins()).toBe(1);
    expect(e2e.sim.fonial.calls.map((c) => c.target)).toEqual(['+4922166966966', '+4922166966966']);
    await watch.detach();
  });

  it('logs in once when two calls are clicked at the same moment', async () => {
    const replies = await askAll<CallReport>(page, [
      { type: 'call', number: '0221 66966966' },
      { type: 'call', number: '+32 2 555 12 12' },
    ]);
    expect(replies.map((r) => r.ok && r.value.phase)).toEqual(['ringing', 'ringing']);
    expect(logins()).toBe(1);
    expect(e2e.sim.received('fonial', '/session')).toHaveLength(1);
    expect(e2e.sim.fonial.calls.map((c) => c.target).sort()).toEqual(['+3225551212', '+4922166966966']);
  });

  it('logs in again once when the session expired between two calls, and the call goes through', async () => {
    await call(page, '0221 66966966');
    // The provider's clock moves past fonial's session lifetime: the stored sid is refused.
    e2e.sim.advance(e2e.sim.fonial.sessionLifetimeMs + 60_000);
    expect(await call(page, '0221 66966966')).toMatchObject({ phase: 'ringing' });
    expect(logins()).toBe(2);
    // One call refused for the expired session, repeated once with the new one: two calls placed.
    expect(e2e.sim.received('fonial', '/call/initiate').map((r) => r.json)).toHaveLength(3);
    expect(e2e.sim.fonial.calls).toHaveLength(2);
  });
});
