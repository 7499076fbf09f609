/**
 * Presence (do not disturb, away, …) of each provider client against the simulator over HTTP: the
 * state read is the provider's, a switch changes the provider's state, and a refusal says why.
 */
import { describe, expect, it } from 'vitest';
import { PROVIDER_CAPABILITIES } from '../../../src/providers/catalog';
import { createFonema, type FonemaSession } from '../../../src/providers/fonema';
import { createFonial, type FonialSession } from '../../../src/providers/fonial';
import { createSipgate, type SipgateSession } from '../../../src/providers/sipgate';
import { createVoipcenter, type VoipcenterSession } from '../../../src/providers/voipcenter';
import { FONEMA_AGENT_ACCOUNT, FONEMA_TEST_ACCOUNT, type FonemaUser } from '../../sim/providers/fonema';
import { SIPGATE_TEST_ACCOUNT, type SipgateAccount } from '../../sim/providers/sipgate';
import { MemorySessionStore } from '../../support/memory-session-store';
import { failure } from '../../support/provider-failure';
import { useSimulator } from '../../support/use-simulator';

/** May read devices but not change them. */
const READ_ONLY_ACCOUNT: SipgateAccount = {
  ...SIPGATE_TEST_ACCOUNT,
  tokenId: 'token-READONLY',
  token: 'read-only-token',
  scopes: ['devices:read'],
};
/** Only a kind of device that cannot ring for a call. */
const NO_PHONE_ACCOUNT: SipgateAccount = {
  ...SIPGATE_TEST_ACCOUNT,
  tokenId: 'token-NOPHONE',
  token: 'no-phone-token',
  devices: [{ id: 'q0', alias: 'Trunk', type: 'TRUNK', dnd: false }],
};

const sim = useSimulator({
  sipgate: { accounts: [SIPGATE_TEST_ACCOUNT, READ_ONLY_ACCOUNT, NO_PHONE_ACCOUNT] },
});

function sipgate(account: SipgateAccount = SIPGATE_TEST_ACCOUNT) {
  return createSipgate({
    baseUrl: sim.baseUrl('sipgate'),
    credentials: { tokenId: account.tokenId, token: account.token },
    sessions: new MemorySessionStore<SipgateSession>(),
    retryDelayMs: 5,
    timeoutMs: 2_000,
  });
}

function fonema(user: FonemaUser = FONEMA_TEST_ACCOUNT) {
  return createFonema({
    baseUrl: sim.baseUrl('fonema'),
    credentials: { username: user.login, password: user.password },
    sessions: new MemorySessionStore<FonemaSession>(),
    retryDelayMs: 5,
    timeoutMs: 2_000,
  });
}

const dndFlags = (account: SipgateAccount) => account.devices.map((d) => sim.sipgate.dnd(account.tokenId, d.id));

describe('sipgate do not disturb (the devices’ dnd flags)', () => {
  it('reads available while any phone would ring, and dnd once every one is quiet', async () => {
    const provider = sipgate();
    await expect(provider.readPresence?.()).resolves.toBe('available');
    sim.sipgate.setDnd(SIPGATE_TEST_ACCOUNT.tokenId, 'e0', true);
    sim.sipgate.setDnd(SIPGATE_TEST_ACCOUNT.tokenId, 'e1', true);
    await expect(provider.readPresence?.()).resolves.toBe('available');
    sim.sipgate.setDnd(SIPGATE_TEST_ACCOUNT.tokenId, 'x0', true);
    await expect(provider.readPresence?.()).resolves.toBe('dnd');
  });

  it('switches every phone, sending only the ones that differ, and reads back what sipgate has', async () => {
    const provider = sipgate();
    sim.sipgate.setDnd(SIPGATE_TEST_ACCOUNT.tokenId, 'e1', true);
    await provider.setPresence?.('dnd');
    expect(dndFlags(SIPGATE_TEST_ACCOUNT)).toEqual([true, true, true]);
    expect(sim.requests.filter((r) => r.method === 'PUT').map((r) => [r.path, r.json])).toEqual([
      ['/devices/e0', { dnd: true }],
      ['/devices/x0', { dnd: true }],
    ]);
    await expect(provider.readPresence?.()).resolves.toBe('dnd');
    await provider.setPresence?.('available');
    expect(dndFlags(SIPGATE_TEST_ACCOUNT)).toEqual([false, false, false]);
    await expect(provider.readPresence?.()).resolves.toBe('available');
  });

  it('says which permission is missing when the token may not change devices', async () => {
    const error = await failure(sipgate(READ_ONLY_ACCOUNT).setPresence?.('dnd') ?? Promise.resolve());
    expect([error.code, error.reason]).toEqual(['auth', 'errSipgateDndScope']);
    expect(dndFlags(READ_ONLY_ACCOUNT)).toEqual([false, false, false]);
    await expect(sipgate(READ_ONLY_ACCOUNT).readPresence?.()).resolves.toBe('available');
  });

  it('refuses when no phone could ring, and a state sipgate does not know', async () => {
    const none = await failure(sipgate(NO_PHONE_ACCOUNT).readPresence?.() ?? Promise.resolve());
    expect([none.code, none.reason]).toEqual(['unsupported', 'errSipgateNoDevices']);
    const away = await failure(sipgate().setPresence?.('away') ?? Promise.resolve());
    expect(away.code).toBe('unsupported');
    expect(sim.requests.filter((r) => r.method === 'PUT')).toEqual([]);
  });

  it('a failure half-way leaves the provider as it is, and the next read says so', async () => {
    const provider = sipgate();
    sim.fault({ kind: 'server-error', provider: 'sipgate', path: '/devices/x0', status: 503 });
    const error = await failure(provider.setPresence?.('dnd') ?? Promise.resolve());
    expect(error.code).toBe('unavailable');
    sim.clearFaults();
    expect(dndFlags(SIPGATE_TEST_ACCOUNT)).toEqual([true, true, false]);
    await expect(provider.readPresence?.()).resolves.toBe('available');
  });

  it('the simulator refuses what the spec does not allow, with sipgate’s own answers', async () => {
    const { tokenId, token } = SIPGATE_TEST_ACCOUNT;
    const put = (path: string, body: string, auth = `Basic ${btoa(`${tokenId}:${token}`)}`) =>
      fetch(`${sim.baseUrl('sipgate')}${path}`, {
        method: 'PUT',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body,
      });
    expect((await put('/devices/e0', '{"dnd":"yes"}')).status).toBe(400);
    expect((await put('/devices/e0', '{"dnd":true,"mood":"quiet"}')).status).toBe(400);
    expect((await put('/devices/e9', '{"dnd":true}')).status).toBe(404);
    expect((await put('/devices/e0', '{"dnd":true}', 'Basic bm9ib2R5Om5vdGhpbmc=')).status).toBe(401);
    expect(sim.sipgate.dnd(tokenId, 'e0')).toBe(false);
    expect((await put('/devices/e0', '{"dnd":true}')).status).toBe(204);
    expect(sim.sipgate.dnd(tokenId, 'e0')).toBe(true);
  });
});

describe('Fonema presence (getNotifications, changePresenceStatus)', () => {
  it('reads presenceStatus from getNotifications, online as available', async () => {
    const provider = fonema();
    await expect(provider.readPresence?.()).resolves.toBe('available');
    sim.fonema.setPresence(FONEMA_TEST_ACCOUNT.id, 'away');
    await expect(provider.readPresence?.()).resolves.toBe('away');
  });

  it('switches to each of the four states with the user’s own id', async () => {
    const provider = fonema();
    for (const [state, status] of [
      ['dnd', 'dnd'],
      ['away', 'away'],
      ['offline', 'offline'],
      ['available', 'online'],
    ] as const) {
      await provider.setPresence?.(state);
      expect(sim.fonema.presenceOf(FONEMA_TEST_ACCOUNT.id)).toBe(status);
      await expect(provider.readPresence?.()).resolves.toBe(state);
    }
    expect(sim.fonema.presenceOf(FONEMA_AGENT_ACCOUNT.id)).toBe('online');
  });

  it('reads for a user who is not an administrator, but cannot switch without their id', async () => {
    const provider = fonema(FONEMA_AGENT_ACCOUNT);
    sim.fonema.setPresence(FONEMA_AGENT_ACCOUNT.id, 'dnd');
    await expect(provider.readPresence?.()).resolves.toBe('dnd');
    const error = await failure(provider.setPresence?.('available') ?? Promise.resolve());
    expect([error.code, error.reason]).toEqual(['unsupported', 'errFonemaNoUserId']);
    expect(sim.received('fonema', '/changePresenceStatus')).toEqual([]);
    expect(sim.fonema.presenceOf(FONEMA_AGENT_ACCOUNT.id)).toBe('dnd');
  });

  it('passes on Fonema’s refusal and logs in again when the token expired', async () => {
    const provider = fonema();
    await provider.readPresence?.();
    sim.fonema.expireAllTokens();
    await provider.setPresence?.('dnd');
    expect(sim.received('fonema', '/login')).toHaveLength(2);
    expect(sim.fonema.presenceOf(FONEMA_TEST_ACCOUNT.id)).toBe('dnd');
    sim.fault({ kind: 'bad-body', provider: 'fonema', path: '/getNotifications', body: '{"presenceStatus":"busy"}' });
    const odd = await failure(provider.readPresence?.() ?? Promise.resolve());
    expect(odd.code).toBe('bad-response');
  });

  it('the simulator refuses wrong parameters with Fonema’s own 500 and message', async () => {
    const login = await fetch(
      `${sim.baseUrl('fonema')}/login?login=${encodeURIComponent(FONEMA_TEST_ACCOUNT.login)}&password=${FONEMA_TEST_ACCOUNT.password}`,
    );
    const { response } = (await login.json()) as { response: { token: string } };
    const change = (body: unknown, token = response.token) =>
      fetch(`${sim.baseUrl('fonema')}/changePresenceStatus`, {
        method: 'POST',
        headers: { authorization: `bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const refused = async (body: unknown, token?: string) => {
      const answer = await change(body, token);
      return [answer.status, ((await answer.json()) as { message: string }).message];
    };
    expect(await refused({ userId: '4711', status: 'busy' })).toEqual([500, 'Estado de presencia inválido']);
    expect(await refused({ status: 'dnd' })).toEqual([500, 'Faltan parámetros: userId y status']);
    expect(await refused({ userId: '4712', status: 'dnd' })).toEqual([500, 'Permiso denegado']);
    expect(await refused({ userId: '4711', status: 'dnd' }, 'not-a-token')).toEqual([500, 'Token inválido o caducado']);
    expect(sim.fonema.presenceOf(FONEMA_TEST_ACCOUNT.id)).toBe('online');
    const wrongMethod = await fetch(`${sim.baseUrl('fonema')}/getNotifications`, {
      method: 'POST',
      headers: { authorization: `bearer ${response.token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(wrongMethod.status).toBe(405);
  });
});

describe('providers without presence', () => {
  it('fonial and VoipCenter offer none, and their clients have no presence methods', () => {
    expect(PROVIDER_CAPABILITIES.fonial.presence).toEqual([]);
    expect(PROVIDER_CAPABILITIES.voipcenter.presence).toEqual([]);
    const fonial = createFonial({
      baseUrl: sim.baseUrl('fonial'),
      credentials: { username: 'u', password: 'p' },
      sessions: new MemorySessionStore<FonialSession>(),
    });
    const voipcenter = createVoipcenter({
      baseUrl: sim.baseUrl('voipcenter'),
      credentials: { apiId: 'a', apiKey: 'k', customerNumber: '1', password: 'p' },
      sessions: new MemorySessionStore<VoipcenterSession>(),
    });
    for (const provider of [fonial, voipcenter]) {
      expect(provider.readPresence).toBeUndefined();
      expect(provider.setPresence).toBeUndefined();
    }
  });
});
