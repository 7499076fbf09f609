import { describe, expect, it } from 'vitest';
import { createFonial, type FonialSession } from '../../../src/providers/fonial';
import { FONIAL_TEST_ACCOUNT } from '../../sim/providers/fonial';
import { MemorySessionStore } from '../../support/memory-session-store';
import { failure } from '../../support/provider-failure';
import { useSimulator } from '../../support/use-simulator';

const sim = useSimulator();

function client(overrides: { password?: string; store?: MemorySessionStore<FonialSession>; timeoutMs?: number } = {}) {
  const store = overrides.store ?? new MemorySessionStore<FonialSession>();
  const provider = createFonial({
    baseUrl: sim.baseUrl('fonial'),
    credentials: {
      username: FONIAL_TEST_ACCOUNT.username,
      password: overrides.password ?? FONIAL_TEST_ACCOUNT.password,
    },
    sessions: store,
    retryDelayMs: 5,
    timeoutMs: overrides.timeoutMs ?? 2_000,
  });
  return { provider, store };
}

describe('fonial client against the simulator', () => {
  it('logs in with a sid and lists the devices', async () => {
    const { provider } = client();
    await expect(provider.verify()).resolves.toEqual({ label: FONIAL_TEST_ACCOUNT.username });
    await expect(provider.listDevices()).resolves.toEqual([
      { id: '23', name: 'Telefon Martin Mustermann' },
      { id: '674', name: 'Telefon Bettina Beispiel' },
    ]);
    expect(sim.received('fonial').map((r) => r.path)).toEqual(['/session', '/session/authenticate', '/devices/get']);
  });

  it('places a callback with the numeric device id and the E.164 target', async () => {
    const { provider } = client();
    await provider.placeCall({ target: '+4922166966966', deviceId: '674' });
    const [call] = sim.received('fonial', '/call/initiate');
    expect(call?.json).toEqual({ sid: expect.any(String), device: 674, target: '+4922166966966' });
    expect(call?.headers['content-type']).toMatch(/^application\/json/);
    expect(sim.fonial.calls).toHaveLength(1);
  });

  it('reports wrong credentials as an auth error', async () => {
    const { provider } = client({ password: 'wrong' });
    const error = await failure(provider.verify());
    expect(error.code).toBe('auth');
  });

  it('re-authenticates once when the sid expired, then calls', async () => {
    const { provider, store } = client();
    await provider.listDevices();
    sim.advance(sim.fonial.sessionLifetimeMs + 1);
    await provider.placeCall({ target: '+4930123456', deviceId: '23' });
    expect(store.sets).toBe(2);
    expect(sim.received('fonial', '/call/initiate')).toHaveLength(2);
    expect(sim.fonial.calls).toHaveLength(1);
  });

  it('logs in once for several requests at the same time', async () => {
    const { provider } = client();
    await Promise.all([provider.listDevices(), provider.listDevices(), provider.listDevices()]);
    expect(sim.received('fonial', '/session/authenticate')).toHaveLength(1);
  });

  it('never repeats a call whose answer was lost', async () => {
    const { provider } = client();
    await provider.listDevices();
    sim.fault({ kind: 'drop-after-receive', provider: 'fonial', path: '/call/initiate' });
    const error = await failure(provider.placeCall({ target: '+4930123456', deviceId: '23' }));
    expect(error.code).toBe('unknown-outcome');
    expect(sim.received('fonial', '/call/initiate')).toHaveLength(1);
    expect(sim.fonial.calls).toHaveLength(1);
  });

  it('retries reads on 5xx with backoff', async () => {
    const { provider } = client();
    await provider.verify();
    sim.fault({ kind: 'server-error', provider: 'fonial', path: '/devices/get', times: 2 });
    await expect(provider.listDevices()).resolves.toHaveLength(2);
    expect(sim.received('fonial', '/devices/get')).toHaveLength(3);
  });

  it('reports a call that timed out as unknown, sent once', async () => {
    const { provider } = client({ timeoutMs: 300 });
    await provider.verify();
    sim.fault({ kind: 'slow', provider: 'fonial', path: '/call/initiate', delayMs: 600 });
    const error = await failure(provider.placeCall({ target: '+4930123456', deviceId: '23' }));
    expect(error.code).toBe('unknown-outcome');
    expect(sim.received('fonial', '/call/initiate')).toHaveLength(1);
  });

  it('turns a provider error into a rejected call with its text', async () => {
    const { provider } = client();
    const error = await failure(provider.placeCall({ target: '+4930123456', deviceId: '999' }));
    expect(error.code).toBe('rejected');
    expect(error.details).toEqual(['Unknown device']);
  });

  it('reads history from evn and journal in German wall-clock time', async () => {
    sim.fonial.evn.push({
      from: '+4922166966966',
      to: '+4922111223344',
      dateStart: '2026-07-01 10:15:16',
      duration: 667,
    });
    sim.fonial.journal.push({
      date: '2026-07-01 12:00:00',
      from: '+4922111223344',
      to: '+4922166966966',
      status: 'TAKEN',
    });
    const { provider } = client();
    const records = await provider.history({ from: Date.UTC(2026, 6, 1), to: Date.UTC(2026, 6, 2) });
    expect(records).toEqual([
      expect.objectContaining({ direction: 'incoming', outcome: 'answered', startedAt: Date.UTC(2026, 6, 1, 10) }),
      expect.objectContaining({
        direction: 'outgoing',
        durationSeconds: 667,
        startedAt: Date.UTC(2026, 6, 1, 8, 15, 16),
      }),
    ]);
    expect(sim.received('fonial', '/evn/get')[0]?.json).toMatchObject({
      start: '2026-07-01 02:00:00',
      end: '2026-07-02 02:00:00',
    });
  });
});
