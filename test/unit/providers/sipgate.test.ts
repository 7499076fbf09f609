import { describe, expect, it } from 'vitest';
import { SIPGATE_SMS_MAX_LENGTH } from '../../../src/providers/catalog';
import { createSipgate, type SipgateSession } from '../../../src/providers/sipgate';
import { SIPGATE_TEST_ACCOUNT, type SipgateAccount } from '../../sim/providers/sipgate';
import { MemorySessionStore } from '../../support/memory-session-store';
import { failure } from '../../support/provider-failure';
import { useSimulator } from '../../support/use-simulator';

const SCOPED_ACCOUNT: SipgateAccount = {
  ...SIPGATE_TEST_ACCOUNT,
  tokenId: 'token-READONLY',
  token: 'read-only-token',
  scopes: ['devices:read', 'history:read'],
};
const ODD_DEVICES_ACCOUNT: SipgateAccount = {
  ...SIPGATE_TEST_ACCOUNT,
  tokenId: 'token-ODD',
  token: 'odd-devices-token',
  devices: [
    { id: 'e0', alias: 'Tischtelefon', type: 'REGISTER' },
    { id: 'q0', alias: 'Unknown kind of endpoint', type: 'TRUNK' },
    { id: 'y0', alias: '', type: 'external' },
  ],
  sms: [],
};

const sim = useSimulator({ sipgate: { accounts: [SIPGATE_TEST_ACCOUNT, SCOPED_ACCOUNT, ODD_DEVICES_ACCOUNT] } });

function client(options: { account?: SipgateAccount; token?: string; timeoutMs?: number } = {}) {
  const account = options.account ?? SIPGATE_TEST_ACCOUNT;
  const store = new MemorySessionStore<SipgateSession>();
  const provider = createSipgate({
    baseUrl: sim.baseUrl('sipgate'),
    credentials: { tokenId: account.tokenId, token: options.token ?? account.token },
    sessions: store,
    retryDelayMs: 5,
    timeoutMs: options.timeoutMs ?? 2_000,
  });
  return { provider, store };
}

const call = { target: '+4922166966966', deviceId: 'e0' };

describe('sipgate client against the simulator', () => {
  it('verifies the token and keeps the user id for later requests', async () => {
    const { provider, store } = client();
    await expect(provider.verify()).resolves.toEqual({ label: 'w0' });
    expect(store.value).toEqual({ userId: 'w0' });
    await provider.listDevices();
    await provider.listSmsSenders();
    expect(sim.received('sipgate', '/authorization/userinfo')).toHaveLength(1);
    expect(provider.capabilities).toEqual({
      devices: true,
      callerIds: true,
      sms: true,
      history: true,
      hangup: true,
      callState: true,
      presence: ['available', 'dnd'],
    });
  });

  it('lists the devices that can ring', async () => {
    await expect(client().provider.listDevices()).resolves.toEqual([
      { id: 'e0', name: 'VoIP-Telefon Schreibtisch' },
      { id: 'e1', name: 'Softphone' },
      { id: 'x0', name: 'Mobiltelefon' },
    ]);
    await expect(client({ account: ODD_DEVICES_ACCOUNT }).provider.listDevices()).resolves.toEqual([
      { id: 'e0', name: 'Tischtelefon' },
      { id: 'y0', name: 'y0' },
    ]);
  });

  it("lists the phonelines' numbers as caller ids, each number once", async () => {
    await expect(client().provider.listCallerIds()).resolves.toEqual([
      { id: '+4921155555501', number: '+4921155555501', label: 'Max Mustermann' },
      { id: '+4921155555500', number: '+4921155555500', label: 'Zentrale' },
    ]);
  });

  it('lists the SMS extensions as senders', async () => {
    await expect(client().provider.listSmsSenders()).resolves.toEqual([{ id: 's0', label: 'SMS Max Mustermann' }]);
  });

  it('places a callback from a device with a caller id, then follows and ends it', async () => {
    const { provider } = client();
    const placed = await provider.placeCall({ ...call, callerId: '+4921155555500' });
    expect(placed.callId).toMatch(/^[0-9A-F]{32}$/);
    expect(sim.sipgate.calls).toEqual([
      expect.objectContaining({ deviceId: 'e0', caller: 'e0', callee: '+4922166966966', callerId: '+4921155555500' }),
    ]);
    await expect(provider.callState(placed)).resolves.toBe('ringing');
    sim.sipgate.setCallStatus(placed.callId ?? '', 'connected');
    await expect(provider.callState(placed)).resolves.toBe('connected');
    await provider.hangUp(placed);
    await expect(provider.callState(placed)).resolves.toBe('ended');
    // Hanging up a call that is already over is not an error.
    await expect(provider.hangUp(placed)).resolves.toBeUndefined();
  });

  it('sends a call without callerId when none was chosen', async () => {
    await client().provider.placeCall(call);
    expect(sim.received('sipgate', '/sessions/calls')[0]?.json).toEqual({
      deviceId: 'e0',
      caller: 'e0',
      callee: '+4922166966966',
    });
  });

  it('sends an SMS from the first SMS extension unless one is chosen', async () => {
    const { provider } = client();
    await provider.sendSms({ recipient: '+4915112345678', message: 'Rückruf um 15 Uhr?' });
    expect(sim.sipgate.sms).toEqual([
      expect.objectContaining({ smsId: 's0', recipient: '+4915112345678', message: 'Rückruf um 15 Uhr?' }),
    ]);
  });

  it('checks the 460-character limit before sending, counting characters not UTF-16 units', async () => {
    const { provider } = client();
    const longest = '😀'.repeat(SIPGATE_SMS_MAX_LENGTH);
    await provider.sendSms({ recipient: '+4915112345678', message: longest, senderId: 's0' });
    expect(sim.sipgate.sms).toHaveLength(1);
    const error = await failure(provider.sendSms({ recipient: '+4915112345678', message: `${longest}!` }));
    expect(error).toMatchObject({ code: 'invalid-input', reason: 'errSmsTooLong', details: ['461', '460'] });
    expect(await failure(provider.sendSms({ recipient: '+4915112345678', message: '  ' }))).toMatchObject({
      reason: 'errSmsEmpty',
    });
    expect(await failure(provider.sendSms({ recipient: '0151 1234', message: 'hi' }))).toMatchObject({
      reason: 'errInvalidNumber',
    });
    expect(sim.received('sipgate', '/sessions/sms')).toHaveLength(1);
  });

  it('says so when the account has no SMS extension', async () => {
    const error = await failure(
      client({ account: ODD_DEVICES_ACCOUNT }).provider.sendSms({ recipient: '+4915112345678', message: 'hi' }),
    );
    expect(error).toMatchObject({ code: 'unsupported', reason: 'errSipgateNoSmsSender' });
  });

  it('reads history of calls and SMS, normalised', async () => {
    sim.sipgate.history.push(
      {
        id: 'h1',
        type: 'CALL',
        created: '2026-07-01T08:15:16Z',
        direction: 'OUTGOING',
        source: '+4921155555501',
        target: '+4922166966966',
        sourceAlias: 'Max',
        targetAlias: '',
        status: 'PICKUP',
        duration: 667,
        callStatus: 'SUCCESS',
      },
      {
        id: 'h2',
        type: 'CALL',
        created: '2026-07-01T09:00:00Z',
        direction: 'MISSED_INCOMING',
        source: '02216696690',
        target: '+4921155555501',
        duration: 0,
        callStatus: 'MISSED',
      },
      {
        id: 'h3',
        type: 'SMS',
        created: '2026-07-01T10:00:00Z',
        direction: 'OUTGOING',
        source: 's0',
        target: '+4915112345678',
      },
      { id: 'h4', type: 'VOICEMAIL', created: '2026-07-01T11:00:00Z', direction: 'INCOMING' },
      { id: 'h5', type: 'CALL', created: '2026-07-03T11:00:00Z', direction: 'INCOMING', callStatus: 'SUCCESS' },
    );
    const records = await client().provider.history({ from: Date.UTC(2026, 6, 1), to: Date.UTC(2026, 6, 2) });
    expect(records).toEqual([
      {
        id: 'sipgate:h3',
        kind: 'sms',
        direction: 'outgoing',
        outcome: 'unknown',
        from: 's0',
        to: '+4915112345678',
        startedAt: Date.UTC(2026, 6, 1, 10),
      },
      {
        id: 'sipgate:h2',
        kind: 'call',
        direction: 'incoming',
        outcome: 'missed',
        from: '+492216696690',
        to: '+4921155555501',
        startedAt: Date.UTC(2026, 6, 1, 9),
        durationSeconds: 0,
      },
      {
        id: 'sipgate:h1',
        kind: 'call',
        direction: 'outgoing',
        outcome: 'answered',
        from: '+4921155555501',
        to: '+4922166966966',
        startedAt: Date.UTC(2026, 6, 1, 8, 15, 16),
        durationSeconds: 667,
      },
    ]);
  });

  it('pages through a long history', async () => {
    for (let i = 0; i < 150; i += 1) {
      sim.sipgate.history.push({
        id: `h${i}`,
        type: 'CALL',
        created: new Date(Date.UTC(2026, 6, 1) + i * 60_000).toISOString(),
        direction: 'OUTGOING',
        source: '+4921155555501',
        target: '+4922166966966',
        callStatus: 'SUCCESS',
      });
    }
    const records = await client().provider.history({ from: Date.UTC(2026, 6, 1), to: Date.UTC(2026, 6, 2) });
    expect(records).toHaveLength(150);
    expect(sim.received('sipgate', '/history').map((r) => r.query.get('offset'))).toEqual(['0', '100']);
  });

  it('reports a wrong token as an auth error, once: Basic auth has no session to renew', async () => {
    const { provider } = client({ token: 'wrong' });
    expect(await failure(provider.verify())).toMatchObject({ code: 'auth', reason: 'errSipgateToken' });
    expect(await failure(provider.placeCall(call))).toMatchObject({ code: 'auth', reason: 'errSipgateToken' });
    expect(sim.received('sipgate')).toHaveLength(2);
  });

  it('tells the user when the token lacks a scope', async () => {
    const { provider } = client({ account: SCOPED_ACCOUNT });
    await expect(provider.listDevices()).resolves.toHaveLength(3);
    expect(await failure(provider.placeCall(call))).toMatchObject({ code: 'auth', reason: 'errSipgateScope' });
    expect(sim.sipgate.calls).toHaveLength(0);
  });

  it("passes on sipgate's reason when it refuses a call", async () => {
    const error = await failure(client().provider.placeCall({ ...call, deviceId: 'e9' }));
    expect(error).toMatchObject({ code: 'rejected', reason: 'errSipgateRejected', details: ['Unknown deviceId'] });
    expect(await failure(client().provider.placeCall({ target: '+4922166966966' }))).toMatchObject({
      reason: 'errNoDevice',
    });
  });

  it('retries reads on 5xx and timeouts', async () => {
    const { provider } = client({ timeoutMs: 300 });
    await provider.verify();
    sim.fault({ kind: 'server-error', provider: 'sipgate', path: '/w0/devices', times: 2 });
    await expect(provider.listDevices()).resolves.toHaveLength(3);
    expect(sim.received('sipgate', '/w0/devices')).toHaveLength(3);
    sim.fault({ kind: 'slow', provider: 'sipgate', path: '/w0/sms', delayMs: 600, times: 1 });
    await expect(provider.listSmsSenders()).resolves.toHaveLength(1);
    expect(sim.received('sipgate', '/w0/sms')).toHaveLength(2);
  });

  it('never repeats a call or an SMS whose outcome is unknown', async () => {
    const { provider } = client({ timeoutMs: 300 });
    await provider.verify();
    sim.fault({ kind: 'drop-after-receive', provider: 'sipgate', path: '/sessions/calls', times: 1 });
    expect((await failure(provider.placeCall(call))).code).toBe('unknown-outcome');
    expect(sim.received('sipgate', '/sessions/calls')).toHaveLength(1);
    expect(sim.sipgate.calls).toHaveLength(1);

    sim.fault({ kind: 'slow', provider: 'sipgate', path: '/sessions/sms', delayMs: 600, times: 1 });
    const sms = { recipient: '+4915112345678', message: 'hi', senderId: 's0' };
    expect((await failure(provider.sendSms(sms))).code).toBe('unknown-outcome');
    expect(sim.received('sipgate', '/sessions/sms')).toHaveLength(1);

    sim.fault({ kind: 'server-error', provider: 'sipgate', path: '/sessions/calls', status: 502, times: 1 });
    expect((await failure(provider.placeCall(call))).code).toBe('unknown-outcome');
    sim.fault({ kind: 'server-error', provider: 'sipgate', path: '/sessions/calls', status: 503, times: 1 });
    expect((await failure(provider.placeCall(call))).code).toBe('unavailable');
    sim.fault({ kind: 'rate-limit', provider: 'sipgate', path: '/sessions/calls', times: 1 });
    expect((await failure(provider.placeCall(call))).code).toBe('rate-limited');
    expect(sim.received('sipgate', '/sessions/calls')).toHaveLength(4);
  });

  it('turns malformed or unexpected JSON into a typed error', async () => {
    const { provider } = client();
    await provider.verify();
    for (const body of ['{"items": [', '{"items": "none"}', '[1, 2]']) {
      sim.fault({ kind: 'bad-body', provider: 'sipgate', path: '/w0/devices', body, times: 1 });
      expect((await failure(provider.listDevices())).code).toBe('bad-response');
    }
    sim.fault({ kind: 'bad-body', provider: 'sipgate', path: '/authorization/userinfo', body: '{"user": 1}' });
    expect((await failure(provider.verify())).code).toBe('bad-response');
    // A 2xx to a call is sipgate taking it on: success, just without a handle to hang up.
    sim.clearFaults();
    sim.fault({ kind: 'bad-body', provider: 'sipgate', path: '/sessions/calls', times: 1 });
    await expect(provider.placeCall(call)).resolves.toEqual({});
  });
});
