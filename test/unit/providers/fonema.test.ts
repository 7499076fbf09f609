import { describe, expect, it } from 'vitest';
import { createFonema, type FonemaSession } from '../../../src/providers/fonema';
import { FONEMA_AGENT_ACCOUNT, FONEMA_TEST_ACCOUNT, type FonemaUser } from '../../sim/providers/fonema';
import { MemorySessionStore } from '../../support/memory-session-store';
import { failure } from '../../support/provider-failure';
import { useSimulator } from '../../support/use-simulator';

const sim = useSimulator();

interface ClientOptions {
  user?: FonemaUser;
  password?: string;
  store?: MemorySessionStore<FonemaSession>;
  timeoutMs?: number;
}

function client(options: ClientOptions = {}) {
  const user = options.user ?? FONEMA_TEST_ACCOUNT;
  const store = options.store ?? new MemorySessionStore<FonemaSession>();
  const provider = createFonema({
    baseUrl: sim.baseUrl('fonema'),
    credentials: { username: user.login, password: options.password ?? user.password },
    sessions: store,
    retryDelayMs: 5,
    timeoutMs: options.timeoutMs ?? 2_000,
  });
  return { provider, store };
}

const call = { target: '+34912345678' };

function row(id: number, fields: Record<string, unknown>, userId = FONEMA_TEST_ACCOUNT.id) {
  return { userId, Id: id, Cost: 0.01, Callerid: '', Callid: `sip-${id}`, Recorded: 0, subCalls: [], ...fields };
}

describe('Fonema client against the simulator', () => {
  it('logs in for a token, learns the user id, and sends the token as a bearer', async () => {
    const { provider, store } = client();
    await expect(provider.verify()).resolves.toEqual({ label: FONEMA_TEST_ACCOUNT.login });
    expect(store.value).toEqual({ token: expect.any(String), userId: String(FONEMA_TEST_ACCOUNT.id) });
    await provider.listCallerIds();
    const [getCallerIds] = sim.received('fonema', '/getCallerIds');
    expect(getCallerIds?.headers.authorization).toBe(`bearer ${store.value?.token}`);
    expect(provider.capabilities).toEqual({
      devices: false,
      callerIds: true,
      sms: false,
      history: true,
      hangup: true,
      callState: true,
      presence: ['available', 'away', 'dnd', 'offline'],
    });
  });

  it('lists caller ids and describes the phones that will ring', async () => {
    const { provider } = client();
    await expect(provider.listCallerIds()).resolves.toEqual([
      { id: '+34911234567', number: '+34911234567', label: '911 23 45 67' },
      { id: '+34911234568', number: '+34911234568', label: '911 23 45 68' },
    ]);
    await expect(provider.listDevices()).resolves.toEqual([
      { id: 'ext:101', name: 'Lucía García (101)' },
      { id: 'mobile', name: '+34612345678' },
    ]);
    expect(sim.received('fonema', '/getCallerIds')[0]?.query.get('userid')).toBe('4711');
  });

  it('places a call with v 2.0 and the chosen caller id, learns its uuid, then follows and hangs it up', async () => {
    const { provider } = client();
    const placed = await provider.placeCall({ ...call, callerId: '+34911234568' });
    expect(sim.received('fonema', '/makeCall')[0]?.json).toEqual({
      number: '+34912345678',
      callerId: '+34911234568',
      v: '2.0',
    });
    expect(sim.fonema.calls).toHaveLength(1);
    const uuid = sim.fonema.calls[0]?.uuid;
    expect(placed).toEqual({ callId: uuid });
    await expect(provider.callState(placed)).resolves.toBe('connected');
    await provider.hangUp(placed);
    expect(sim.received('fonema', '/hangupCall').map((r) => r.json)).toEqual([{ uuid }]);
    expect(sim.fonema.hangups).toEqual([uuid]);
    await expect(provider.callState(placed)).resolves.toBe('ended');
    // Nothing to hang up is not an error.
    await expect(provider.hangUp({})).resolves.toBeUndefined();
    expect(sim.received('fonema', '/hangupCall')).toHaveLength(1);
  });

  it('still reports the call placed when the uuid lookup after makeCall fails, and never repeats it', async () => {
    const { provider } = client();
    await provider.verify();
    sim.fault({ kind: 'server-error', provider: 'fonema', path: '/isOnCall', status: 500, times: 1 });
    await expect(provider.placeCall(call)).resolves.toEqual({});
    expect(sim.received('fonema', '/isOnCall')).toHaveLength(1);
    // A refused token on the lookup does not make the session keeper run makeCall again either.
    sim.fault({
      kind: 'bad-body',
      provider: 'fonema',
      path: '/isOnCall',
      status: 500,
      body: '{"message":"Token inválido o caducado"}',
      times: 1,
    });
    await expect(provider.placeCall(call)).resolves.toEqual({});
    // No uuid (the call already ended) is no error either.
    sim.fault({ kind: 'bad-body', provider: 'fonema', path: '/isOnCall', body: '{}', times: 1 });
    await expect(provider.placeCall(call)).resolves.toEqual({});
    expect(sim.received('fonema', '/makeCall')).toHaveLength(3);
    expect(sim.fonema.calls).toHaveLength(3);
    expect(sim.received('fonema', '/login')).toHaveLength(1);
  });

  it("uses the user's default caller id when none was chosen", async () => {
    await client().provider.placeCall(call);
    expect(sim.received('fonema', '/makeCall')[0]?.json).toMatchObject({
      callerId: FONEMA_TEST_ACCOUNT.defaultCallerId,
    });
  });

  it('works for a user who is not an administrator', async () => {
    const { provider, store } = client({ user: FONEMA_AGENT_ACCOUNT });
    await provider.verify();
    expect(store.value).toEqual({ token: expect.any(String) });
    await expect(provider.listCallerIds()).resolves.toEqual([]);
    await expect(provider.listDevices()).resolves.toEqual([]);
    await provider.placeCall(call);
    expect(sim.received('fonema', '/makeCall')[0]?.json).toEqual({ number: '+34912345678', v: '2.0' });
    expect(sim.fonema.calls).toEqual([expect.objectContaining({ callerId: FONEMA_AGENT_ACCOUNT.defaultCallerId })]);
    sim.fonema.llamadas.push(
      row(
        1,
        { Date: '2026-07-01 10:00:00', Direction: 'Outgoing', Disposition: 'answer', Src: '102', Dst: '912345678' },
        4712,
      ),
    );
    await expect(provider.history({ from: Date.UTC(2026, 6, 1), to: Date.UTC(2026, 6, 2) })).resolves.toHaveLength(1);
    expect(sim.received('fonema', '/getCallsPost')[0]?.json).toMatchObject({ userId: '0' });
  });

  it('reads call history in Madrid time, skipping internal calls', async () => {
    sim.fonema.llamadas.push(
      row(11, {
        Date: '2026-07-01 10:15:16',
        Direction: 'Outgoing',
        Disposition: 'answer',
        Src: '+34911234567',
        Dst: '912345678',
        Duration: 667,
      }),
      row(12, {
        Date: '2026-07-01 12:00:00',
        Direction: 'Incoming',
        Disposition: 'noanswer',
        Src: '612000111',
        Dst: '101',
        Duration: 0,
      }),
      row(13, { Date: '2026-07-01 12:30:00', Direction: 'Internal', Disposition: 'answer', Src: '101', Dst: '102' }),
      row(14, {
        Date: '2026-07-03 09:00:00',
        Direction: 'Outgoing',
        Disposition: 'busy',
        Src: '101',
        Dst: '912345678',
      }),
    );
    const { provider } = client();
    const records = await provider.history({ from: Date.UTC(2026, 5, 30, 22), to: Date.UTC(2026, 6, 1, 22) });
    expect(records).toEqual([
      {
        id: 'fonema:12',
        kind: 'call',
        direction: 'incoming',
        outcome: 'missed',
        from: '+34612000111',
        to: '101',
        startedAt: Date.UTC(2026, 6, 1, 10),
        durationSeconds: 0,
      },
      {
        id: 'fonema:11',
        kind: 'call',
        direction: 'outgoing',
        outcome: 'answered',
        from: '+34911234567',
        to: '+34912345678',
        startedAt: Date.UTC(2026, 6, 1, 8, 15, 16),
        durationSeconds: 667,
      },
    ]);
    expect(sim.received('fonema', '/getCallsPost')[0]?.json).toEqual({
      userId: '4711',
      fechaInicio: '2026-07-01',
      fechaFin: '2026-07-01',
      tipo: '',
      pagina: 1,
    });
  });

  it('pages through history until a page comes back empty', async () => {
    sim.fonema.pageSize = 2;
    for (let i = 1; i <= 5; i += 1) {
      sim.fonema.llamadas.push(
        row(i, {
          Date: `2026-07-01 0${i}:00:00`,
          Direction: 'Outgoing',
          Disposition: 'answer',
          Src: '101',
          Dst: '912345678',
        }),
      );
    }
    const records = await client().provider.history({ from: Date.UTC(2026, 5, 30), to: Date.UTC(2026, 6, 2) });
    expect(records).toHaveLength(5);
    expect(sim.received('fonema', '/getCallsPost').map((r) => (r.json as { pagina: number }).pagina)).toEqual([
      1, 2, 3, 4,
    ]);
  });

  it('accepts answers wrapped in {response: …} as well', async () => {
    sim.fonema.envelope = true;
    const { provider } = client();
    await expect(provider.listCallerIds()).resolves.toHaveLength(2);
    await provider.placeCall(call);
    await expect(provider.callState({})).resolves.toBe('connected');
  });

  it('reports wrong credentials as an auth error with Fonema’s words, tried once', async () => {
    const error = await failure(client({ password: 'wrong' }).provider.verify());
    expect(error).toMatchObject({ code: 'auth', reason: 'errAuth', details: ['Usuario o contraseña incorrectos'] });
    expect(sim.received('fonema', '/login')).toHaveLength(1);
  });

  it('logs in once more when the token expired (500 with a message), then succeeds', async () => {
    const { provider, store } = client();
    await provider.listCallerIds();
    sim.advance(sim.fonema.tokenLifetimeMs + 1);
    await provider.placeCall({ ...call, callerId: '+34911234567' });
    expect(store.sets).toBe(2);
    expect(sim.received('fonema', '/makeCall').map((r) => r.answeredStatus)).toEqual([500, 200]);
    expect(sim.fonema.calls).toHaveLength(1);
  });

  it('logs in once more when the token is refused with a 401', async () => {
    sim.fonema.tokenRefusal = 401;
    const { provider, store } = client();
    await provider.verify();
    sim.fonema.expireAllTokens();
    await expect(provider.listCallerIds()).resolves.toHaveLength(2);
    expect(store.sets).toBe(2);
  });

  it('logs in only once for several requests at the same time', async () => {
    const { provider } = client();
    await Promise.all([provider.listCallerIds(), provider.listDevices(), provider.callState({})]);
    expect(sim.received('fonema', '/login')).toHaveLength(1);
  });

  it("passes on Fonema's reason when it refuses a call", async () => {
    const error = await failure(client().provider.placeCall({ ...call, callerId: '+34999999999' }));
    expect(error).toMatchObject({
      code: 'rejected',
      reason: 'errFonemaRejected',
      details: ['Identificador de llamada no permitido'],
    });
    expect(await failure(client().provider.placeCall({ target: '912 34 56 78' }))).toMatchObject({
      reason: 'errInvalidNumber',
    });
  });

  it('retries reads on gateway errors and timeouts, but not on 500', async () => {
    const { provider } = client({ timeoutMs: 300 });
    await provider.verify();
    sim.fault({ kind: 'server-error', provider: 'fonema', path: '/getCallerIds', status: 503, times: 2 });
    await expect(provider.listCallerIds()).resolves.toHaveLength(2);
    expect(sim.received('fonema', '/getCallerIds')).toHaveLength(3);
    sim.fault({ kind: 'slow', provider: 'fonema', path: '/isOnCall', delayMs: 600, times: 1 });
    await expect(provider.callState({})).resolves.toBe('ended');
    expect(sim.received('fonema', '/isOnCall')).toHaveLength(2);
    sim.fault({ kind: 'server-error', provider: 'fonema', path: '/getUser', status: 500, times: 1 });
    expect((await failure(provider.listDevices())).code).toBe('unavailable');
    expect(sim.received('fonema', '/getUser')).toHaveLength(1);
  });

  it('never repeats a call whose outcome is unknown', async () => {
    const { provider } = client({ timeoutMs: 300 });
    await provider.verify();
    const chosen = { ...call, callerId: '+34911234567' };
    sim.fault({ kind: 'drop-after-receive', provider: 'fonema', path: '/makeCall', times: 1 });
    expect((await failure(provider.placeCall(chosen))).code).toBe('unknown-outcome');
    expect(sim.received('fonema', '/makeCall')).toHaveLength(1);
    expect(sim.fonema.calls).toHaveLength(1);

    sim.fault({ kind: 'slow', provider: 'fonema', path: '/makeCall', delayMs: 600, times: 1 });
    expect((await failure(provider.placeCall(chosen))).code).toBe('unknown-outcome');
    sim.fault({ kind: 'server-error', provider: 'fonema', path: '/makeCall', status: 500, times: 1 });
    expect((await failure(provider.placeCall(chosen))).code).toBe('unknown-outcome');
    sim.fault({ kind: 'server-error', provider: 'fonema', path: '/makeCall', status: 503, times: 1 });
    expect((await failure(provider.placeCall(chosen))).code).toBe('unavailable');
    sim.fault({ kind: 'rate-limit', provider: 'fonema', path: '/makeCall', times: 1 });
    expect((await failure(provider.placeCall(chosen))).code).toBe('rate-limited');
    expect(sim.received('fonema', '/makeCall')).toHaveLength(5);
  });

  it('turns malformed or unexpected JSON into a typed error', async () => {
    const { provider } = client();
    await provider.verify();
    for (const body of ['[{"cli": ', '{"cli": "+34911234567"}', '"text"']) {
      sim.fault({ kind: 'bad-body', provider: 'fonema', path: '/getCallerIds', body, times: 1 });
      expect((await failure(provider.listCallerIds())).code).toBe('bad-response');
    }
    sim.fault({ kind: 'bad-body', provider: 'fonema', path: '/getCallsPost', body: '{"llamadas": {}}', times: 1 });
    expect((await failure(provider.history({ from: 0, to: Date.UTC(2026, 0, 2) }))).code).toBe('bad-response');
    sim.fault({ kind: 'bad-body', provider: 'fonema', path: '/login', body: '{"response": {}}', times: 1 });
    expect((await failure(provider.verify())).code).toBe('bad-response');
  });
});
