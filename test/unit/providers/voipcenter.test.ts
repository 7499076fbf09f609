import { describe, expect, it, vi } from 'vitest';
import type { ProviderErrorCode } from '../../../src/providers/errors';
import { createVoipcenter, type VoipcenterSession } from '../../../src/providers/voipcenter';
import { VOIPCENTER_TEST_ACCOUNT } from '../../sim/providers/voipcenter';
import { MemorySessionStore } from '../../support/memory-session-store';
import { failure } from '../../support/provider-failure';
import { useSimulator } from '../../support/use-simulator';

const sim = useSimulator();

interface ClientOptions {
  password?: string;
  apiKey?: string;
  apiId?: string;
  store?: MemorySessionStore<VoipcenterSession>;
  timeoutMs?: number;
  /** How far the client's clock is off, in ms. */
  skewMs?: number;
}

function client(options: ClientOptions = {}) {
  const store = options.store ?? new MemorySessionStore<VoipcenterSession>();
  const provider = createVoipcenter({
    baseUrl: sim.baseUrl('voipcenter'),
    credentials: {
      apiId: options.apiId ?? VOIPCENTER_TEST_ACCOUNT.apiId,
      apiKey: options.apiKey ?? VOIPCENTER_TEST_ACCOUNT.apiKey,
      customerNumber: VOIPCENTER_TEST_ACCOUNT.customerNumber,
      password: options.password ?? VOIPCENTER_TEST_ACCOUNT.password,
    },
    sessions: store,
    now: () => Date.now() + (options.skewMs ?? 0),
    retryDelayMs: 5,
    timeoutMs: options.timeoutMs ?? 2_000,
  });
  return { provider, store };
}

const call = { target: '+3221234567', deviceId: 'sipaccount1' };
/** 1 July 2026, midnight to midnight in Brussels (CEST, UTC+2). */
const JULY_FIRST = { from: Date.UTC(2026, 5, 30, 22), to: Date.UTC(2026, 6, 1, 22) };

describe('VoipCenter client against the simulator', () => {
  it('verifies the account and lists the SIP accounts as devices', async () => {
    const { provider } = client();
    await expect(provider.verify()).resolves.toEqual({ label: VOIPCENTER_TEST_ACCOUNT.customerNumber });
    await expect(provider.listDevices()).resolves.toEqual([
      { id: 'sipaccount1', name: 'Bureau Jan' },
      { id: 'sipaccount2', name: 'Onthaal' },
    ]);
    const [request] = sim.received('voipcenter', '/get.php');
    expect(request?.query.get('m')).toBe('sipacc');
    expect(request?.query.get('id')).toBe('0');
    expect(provider.capabilities).toEqual({
      devices: true,
      callerIds: false,
      sms: false,
      history: true,
      hangup: false,
      callState: false,
      presence: [],
    });
  });

  it('places a callback from the chosen SIP account to international digits without +', async () => {
    const { provider } = client();
    await expect(provider.placeCall(call)).resolves.toEqual({});
    expect(sim.voipcenter.calls).toEqual([{ sipacc: 'sipaccount1', telnr: '3221234567', at: expect.any(Number) }]);
  });

  it('has no caller ids, SMS, call state or hang-up, and says so', async () => {
    const { provider } = client();
    await expect(provider.listCallerIds()).resolves.toEqual([]);
    await expect(provider.listSmsSenders()).resolves.toEqual([]);
    expect((await failure(provider.sendSms({ recipient: '+3221234567', message: 'hi' }))).code).toBe('unsupported');
    expect((await failure(provider.hangUp({}))).code).toBe('unsupported');
    expect((await failure(provider.callState({}))).code).toBe('unsupported');
  });

  it('refuses a call without a device or to something that is not E.164, before sending', async () => {
    const { provider } = client();
    expect(await failure(provider.placeCall({ target: '+3221234567' }))).toMatchObject({
      code: 'invalid-input',
      reason: 'errNoDevice',
    });
    expect(await failure(provider.placeCall({ ...call, target: '02 123 45 67' }))).toMatchObject({
      code: 'invalid-input',
      reason: 'errInvalidNumber',
    });
    expect(sim.received('voipcenter')).toHaveLength(0);
  });

  it('reads one day of history per request in Brussels time, normalised to E.164', async () => {
    sim.voipcenter.callRows.push(
      {
        id: 9001,
        datum: '2026-07-01 10:15:16',
        van: '3293456789',
        naar: '021234567',
        duur: '65',
        richting: 'uit',
        status: 'ANSWERED',
      },
      {
        id: 9002,
        datum: '2026-07-01 12:00:00',
        van: '0470123456',
        naar: '093456789',
        duur: '0',
        richting: 'in',
        status: 'NO ANSWER',
      },
      { id: 9003, datum: '2026-07-02 09:00:00', van: '3293456789', naar: '021234567', duur: '5', richting: 'uit' },
    );
    const { provider } = client();
    const records = await provider.history(JULY_FIRST);
    expect(records).toEqual([
      {
        id: 'voipcenter:9002',
        kind: 'call',
        direction: 'incoming',
        outcome: 'missed',
        from: '+32470123456',
        to: '+3293456789',
        startedAt: Date.UTC(2026, 6, 1, 10),
        durationSeconds: 0,
      },
      {
        id: 'voipcenter:9001',
        kind: 'call',
        direction: 'outgoing',
        outcome: 'answered',
        from: '+3293456789',
        to: '+3221234567',
        startedAt: Date.UTC(2026, 6, 1, 8, 15, 16),
        durationSeconds: 65,
      },
    ]);
    const requests = sim.received('voipcenter', '/get.php');
    expect(requests.map((r) => [r.query.get('m'), r.query.get('filter')])).toEqual([['calls', '20260701']]);
  });

  it('parses call rows tolerantly: an array with English field names and compact dates', async () => {
    sim.voipcenter.callsLayout = 'array';
    sim.voipcenter.callRows.push(
      { date: '2026-07-01 09:30:00', from: '021234567', to: '+31209988776', duration: 12, direction: 'outgoing' },
      { date: '2026-07-01', time: '11:00:00', src: '101', dst: '0470123456', disposition: 'BUSY', type: 'out' },
      { date: '2026-07-01 13:00:00', note: 'no parties at all' },
      { note: 'no date: skipped, not a crash' },
    );
    const { provider } = client();
    const records = await provider.history(JULY_FIRST);
    expect(records.map((r) => [r.direction, r.outcome, r.from, r.to, r.startedAt])).toEqual([
      ['outgoing', 'unknown', '', '', Date.UTC(2026, 6, 1, 11)],
      ['outgoing', 'busy', '101', '+32470123456', Date.UTC(2026, 6, 1, 9)],
      ['outgoing', 'answered', '+3221234567', '+31209988776', Date.UTC(2026, 6, 1, 7, 30)],
    ]);
  });

  it('asks for each day of a longer range, newest first, at most a week', async () => {
    const { provider } = client();
    await provider.history({ from: Date.UTC(2026, 2, 20), to: Date.UTC(2026, 2, 31) });
    expect(sim.received('voipcenter', '/get.php').map((r) => r.query.get('filter'))).toEqual([
      '20260331',
      '20260330',
      '20260329',
      '20260328',
      '20260327',
      '20260326',
      '20260325',
    ]);
  });

  it('reports a wrong password, a wrong API key and an unknown API user each in its own words', async () => {
    expect(await failure(client({ password: 'wrong' }).provider.verify())).toMatchObject({
      code: 'auth',
      reason: 'errVoipcenter15',
    });
    expect(await failure(client({ apiKey: 'not-the-key' }).provider.verify())).toMatchObject({
      code: 'auth',
      reason: 'errVoipcenter14',
    });
    expect(await failure(client({ apiId: 'someone-else' }).provider.verify())).toMatchObject({
      code: 'auth',
      reason: 'errVoipcenter16',
    });
  });

  it('turns too many failed attempts into a rate limit (error 13)', async () => {
    const { provider } = client({ password: 'wrong' });
    for (let i = 0; i < sim.voipcenter.maxFailedAttempts; i += 1) await failure(provider.verify());
    expect(await failure(client().provider.verify())).toMatchObject({
      code: 'rate-limited',
      reason: 'errVoipcenter13',
    });
  });

  it('succeeds with the local clock 30 s ahead: learns the offset from Date and re-signs once', async () => {
    const { provider, store } = client({ skewMs: 30_000 });
    await expect(provider.listDevices()).resolves.toHaveLength(2);
    const [refused, accepted] = sim.received('voipcenter', '/get.php');
    expect(refused?.answeredStatus).toBe(200);
    expect(Number(accepted?.query.get('ts')) - Number(refused?.query.get('ts'))).toBeLessThanOrEqual(-25);
    expect(store.value?.clockOffsetMs).toBeGreaterThan(-32_000);
    expect(store.value?.clockOffsetMs).toBeLessThan(-28_000);
    // From now on the learnt offset is used up front.
    await provider.placeCall(call);
    expect(sim.received('voipcenter', '/call.php')).toHaveLength(1);
    expect(sim.voipcenter.calls).toHaveLength(1);
  });

  it('succeeds with the server clock 30 s ahead, even for the first request being a call', async () => {
    sim.advance(30_000);
    const { provider } = client();
    await provider.placeCall(call);
    // Error 11 is a refusal before anything happened, so the one retry cannot ring twice.
    expect(sim.received('voipcenter', '/call.php')).toHaveLength(2);
    expect(sim.voipcenter.calls).toHaveLength(1);
  });

  it('keeps the learnt offset in the session store, so a restarted worker starts in step', async () => {
    const store = new MemorySessionStore<VoipcenterSession>();
    await client({ skewMs: -30_000, store }).provider.listDevices();
    sim.reset();
    await client({ skewMs: -30_000, store }).provider.placeCall(call);
    expect(sim.received('voipcenter', '/call.php')).toHaveLength(1);
  });

  it('gives up after one re-sync when the timestamp is still refused', async () => {
    sim.voipcenter.toleranceSeconds = -1;
    try {
      const error = await failure(client().provider.placeCall(call));
      expect(error).toMatchObject({ code: 'rejected', reason: 'errVoipcenter11' });
      expect(sim.received('voipcenter', '/call.php')).toHaveLength(2);
    } finally {
      sim.voipcenter.toleranceSeconds = 5;
    }
  });

  it('maps every documented error code to its own sentence', async () => {
    const expected: [string, ProviderErrorCode][] = [
      ['10', 'rejected'],
      ['11', 'rejected'],
      ['12', 'rejected'],
      ['13', 'rate-limited'],
      ['14', 'auth'],
      ['15', 'auth'],
      ['16', 'auth'],
      ['17', 'rejected'],
    ];
    const inBody: [string, ProviderErrorCode][] = [
      ['1', 'unavailable'],
      ['2', 'rejected'],
      ['20', 'rejected'],
      ['21', 'rejected'],
      ['25', 'auth'],
    ];
    const { provider } = client();
    for (const [number, code] of [...expected, ...inBody]) {
      const where = expected.some(([n]) => n === number) ? 'head' : 'body';
      const answer =
        where === 'head'
          ? { head: { status: '0', error_number: number, error_message: 'msg' }, body: [] }
          : { head: { status: '1' }, body: { status: '0', error_number: number, error_message: 'msg' } };
      sim.clearFaults();
      // Twice, so that error 11's one re-sync meets it again.
      sim.fault({ kind: 'bad-body', provider: 'voipcenter', body: JSON.stringify(answer), times: 2 });
      expect(await failure(provider.listDevices())).toMatchObject({ code, reason: `errVoipcenter${number}` });
    }
    sim.clearFaults();
    sim.fault({
      kind: 'bad-body',
      provider: 'voipcenter',
      body: JSON.stringify({ head: { status: '0', error_number: '99', error_message: 'Brand new' }, body: [] }),
    });
    expect(await failure(provider.listDevices())).toMatchObject({
      code: 'rejected',
      reason: 'errVoipcenterUnknown',
      details: ['99', 'Brand new'],
    });
  });

  it('reports a failed call leg and a refused call from the PBX', async () => {
    const { provider } = client();
    sim.voipcenter.nextCallError = '21';
    expect(await failure(provider.placeCall(call))).toMatchObject({ code: 'rejected', reason: 'errVoipcenter21' });
    sim.voipcenter.nextCallError = '20';
    expect(await failure(provider.placeCall(call))).toMatchObject({ code: 'rejected', reason: 'errVoipcenter20' });
    expect(await failure(provider.placeCall({ ...call, deviceId: 'nobody' }))).toMatchObject({
      reason: 'errVoipcenter17',
    });
    expect(sim.voipcenter.calls).toHaveLength(0);
  });

  it('retries reads on 5xx with backoff', async () => {
    const { provider } = client();
    sim.fault({ kind: 'server-error', provider: 'voipcenter', path: '/get.php', times: 2 });
    await expect(provider.listDevices()).resolves.toHaveLength(2);
    expect(sim.received('voipcenter', '/get.php')).toHaveLength(3);
  });

  it('retries a read that timed out', async () => {
    const { provider } = client({ timeoutMs: 300 });
    sim.fault({ kind: 'slow', provider: 'voipcenter', path: '/get.php', delayMs: 600, times: 1 });
    await expect(provider.listDevices()).resolves.toHaveLength(2);
    expect(sim.received('voipcenter', '/get.php')).toHaveLength(2);
  });

  it('never repeats a call: 503 is unavailable, 500 unknown, each sent exactly once', async () => {
    const { provider } = client();
    sim.fault({ kind: 'server-error', provider: 'voipcenter', path: '/call.php', status: 503, times: 1 });
    expect((await failure(provider.placeCall(call))).code).toBe('unavailable');
    expect(sim.received('voipcenter', '/call.php')).toHaveLength(1);
    sim.reset();
    sim.fault({ kind: 'server-error', provider: 'voipcenter', path: '/call.php', status: 500, times: 1 });
    expect((await failure(provider.placeCall(call))).code).toBe('unknown-outcome');
    expect(sim.received('voipcenter', '/call.php')).toHaveLength(1);
  });

  it('reports a call that timed out or lost its answer as unknown, sent once', async () => {
    const { provider } = client({ timeoutMs: 300 });
    sim.fault({ kind: 'slow', provider: 'voipcenter', path: '/call.php', delayMs: 600, times: 1 });
    expect((await failure(provider.placeCall(call))).code).toBe('unknown-outcome');
    expect(sim.received('voipcenter', '/call.php')).toHaveLength(1);
    // The provider places it once its delay is over: the worst case "unknown" must warn of. Waited
    // for here, or it would land in a later test's simulator state.
    await vi.waitFor(() => expect(sim.voipcenter.calls).toHaveLength(1));
    sim.reset();
    sim.fault({ kind: 'drop-after-receive', provider: 'voipcenter', path: '/call.php' });
    expect((await failure(provider.placeCall(call))).code).toBe('unknown-outcome');
    expect(sim.received('voipcenter', '/call.php')).toHaveLength(1);
    expect(sim.voipcenter.calls).toHaveLength(1);
  });

  it('reports a rate-limited call as such, without retrying', async () => {
    const { provider } = client();
    sim.fault({ kind: 'rate-limit', provider: 'voipcenter', path: '/call.php' });
    expect((await failure(provider.placeCall(call))).code).toBe('rate-limited');
    expect(sim.received('voipcenter', '/call.php')).toHaveLength(1);
  });

  it('turns malformed or unexpected JSON into a typed error', async () => {
    const { provider } = client();
    sim.fault({ kind: 'bad-body', provider: 'voipcenter', path: '/get.php', times: 1 });
    expect((await failure(provider.listDevices())).code).toBe('bad-response');
    for (const body of ['[]', '{"head": "1"}', '{"status": "ok"}', 'null']) {
      sim.fault({ kind: 'bad-body', provider: 'voipcenter', path: '/get.php', body, times: 1 });
      expect((await failure(provider.listDevices())).code).toBe('bad-response');
    }
    // On a call, an unreadable answer means the call may have been placed.
    sim.fault({ kind: 'bad-body', provider: 'voipcenter', path: '/call.php', times: 1 });
    expect((await failure(provider.placeCall(call))).code).toBe('unknown-outcome');
    expect(sim.voipcenter.calls).toHaveLength(1);
  });
});
