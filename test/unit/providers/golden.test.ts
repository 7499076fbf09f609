/**
 * Golden wire-format tests: what each client puts on the wire (path, method, headers, body or
 * query, signature), compared with values computed here independently from the provider docs with
 * node:crypto and literal inputs. The simulator answers, but is not the judge: if client and
 * simulator drifted into agreeing on a mistake, these would still fail.
 */
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFonema, type FonemaSession } from '../../../src/providers/fonema';
import { createFonial, type FonialSession } from '../../../src/providers/fonial';
import { hmacSha256Hex, md5Hex, sha256Hex } from '../../../src/providers/hashing';
import { createSipgate, type SipgateSession } from '../../../src/providers/sipgate';
import { createVoipcenter, type VoipcenterSession } from '../../../src/providers/voipcenter';
import { captureFetch, rawQuery } from '../../support/capture-fetch';
import { MemorySessionStore } from '../../support/memory-session-store';
import { useSimulator } from '../../support/use-simulator';

const sim = useSimulator();

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const hmac = (key: string, text: string) => createHmac('sha256', key).update(text).digest('hex');

describe('hashing primitives', () => {
  it('match published test vectors', async () => {
    expect(md5Hex('password')).toBe('5f4dcc3b5aa765d61d8327deb882cf99');
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    // RFC 4231, test case 2.
    expect(await hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    expect(md5Hex('wachtwoord€')).toBe(md5('wachtwoord€'));
  });
});

describe('VoipCenter wire format', () => {
  // 15 January 2026, 09:30:00 UTC.
  const NOW = Date.UTC(2026, 0, 15, 9, 30, 0);
  const TS = '1768469400';
  const credentials = {
    apiId: 'pi990000tst',
    apiKey: 'ringback-private-api-key',
    customerNumber: '123456',
    password: 'demo-password',
  };
  const PWD = sha256(md5('demo-password'));

  function client() {
    // The provider's clock and the client's agree on NOW (to within the test's own run time).
    sim.clockOffsetMs = NOW - Date.now();
    const capture = captureFetch();
    const provider = createVoipcenter({
      baseUrl: sim.baseUrl('voipcenter'),
      credentials,
      sessions: new MemorySessionStore<VoipcenterSession>(),
      fetch: capture.fetch,
      now: () => NOW,
    });
    return { provider, requests: capture.requests };
  }

  it('pwd is the hex sha256 of the hex md5 of the password (literals computed outside Node)', () => {
    // Python: hashlib.md5(b'demo-password').hexdigest(), then hashlib.sha256(<that>.encode()).hexdigest()
    expect(md5('demo-password')).toBe('4b4d9529148d8d9440d7e20c78287f69');
    expect(PWD).toBe('33163e0faadaa240e272f14cc3281e22c012a574d8fec3346208e0cf79e44cbb');
  });

  it('call.php: GET, parameters in the documented order, pass over apiID knummer pwd sipacc telnr f ts', async () => {
    const { provider, requests } = client();
    await provider.placeCall({ target: '+3221234567', deviceId: 'sipaccount1' });
    const signed = `apiIDpi990000tstknummer123456pwd${PWD}sipaccsipaccount1telnr3221234567fjsonts${TS}`;
    const pass = hmac('ringback-private-api-key', signed);
    // The same HMAC from Python's hmac module, as a literal.
    expect(pass).toBe('91d2ef30d79ced75ebff417a4358aa2bc7fc21af6a7d94859f65670753a8a37a');
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.method).toBe('GET');
    expect(request?.url.pathname).toBe('/voipcenter/api/call.php');
    expect(request ? rawQuery(request) : '').toBe(
      `apiID=pi990000tst&knummer=123456&pwd=${PWD}&sipacc=sipaccount1&telnr=3221234567&f=json&pass=${pass}&ts=${TS}`,
    );
    expect(request?.body).toBe('');
    expect(sim.voipcenter.calls).toHaveLength(1);
  });

  it('get.php: filter is sent but left out of the signature', async () => {
    const { provider, requests } = client();
    // 15 January 2026 in Brussels (CET, UTC+1).
    await provider.history({ from: Date.UTC(2026, 0, 14, 23), to: Date.UTC(2026, 0, 15, 23) });
    const pass = hmac('ringback-private-api-key', `apiIDpi990000tstknummer123456pwd${PWD}mcallsid0fjsonts${TS}`);
    expect(requests.map((r) => [r.method, r.url.pathname, rawQuery(r)])).toEqual([
      [
        'GET',
        '/voipcenter/api/get.php',
        `apiID=pi990000tst&knummer=123456&pwd=${PWD}&m=calls&id=0&filter=20260115&f=json&pass=${pass}&ts=${TS}`,
      ],
    ]);
  });

  it('the simulator itself enforces the doc: HMAC, pwd hash, 5-second window, unsigned filter', async () => {
    sim.clockOffsetMs = NOW - Date.now();
    const url = (params: Record<string, string>) =>
      `${sim.baseUrl('voipcenter')}/get.php?${new URLSearchParams(params).toString()}`;
    const build = (ts: string, overrides: { pwd?: string; signFilter?: boolean } = {}) => {
      const pwd = overrides.pwd ?? PWD;
      const filter = overrides.signFilter ? 'filterbureau' : '';
      const pass = hmac(
        'ringback-private-api-key',
        `apiIDpi990000tstknummer123456pwd${pwd}msipaccid0${filter}fjsonts${ts}`,
      );
      return url({
        apiID: 'pi990000tst',
        knummer: '123456',
        pwd,
        m: 'sipacc',
        id: '0',
        filter: 'Bureau',
        f: 'json',
        pass,
        ts,
      });
    };
    const errorOf = async (target: string) => {
      const answer = (await (await fetch(target)).json()) as { head: { status: string; error_number?: string } };
      return answer.head.error_number ?? answer.head.status;
    };
    expect(await errorOf(build(TS))).toBe('1');
    expect(await errorOf(build(String(Number(TS) - 4)))).toBe('1');
    expect(await errorOf(build(String(Number(TS) - 7)))).toBe('11');
    expect(await errorOf(build(String(Number(TS) + 7)))).toBe('11');
    expect(await errorOf(build(TS, { signFilter: true }))).toBe('14');
    expect(await errorOf(build(TS, { pwd: sha256(md5('wrong')) }))).toBe('15');
    expect(await errorOf(build(TS, { pwd: md5('demo-password') }))).toBe('15');
  });
});

describe('sipgate wire format', () => {
  const tokenId = 'token-RB1234';
  const token = 'b7f3c2d1-5a4e-4c9b-8f2a-0123456789ab';
  const AUTHORIZATION = `Basic ${Buffer.from(`${tokenId}:${token}`, 'utf8').toString('base64')}`;

  function client() {
    const capture = captureFetch();
    const provider = createSipgate({
      baseUrl: sim.baseUrl('sipgate'),
      credentials: { tokenId, token },
      sessions: new MemorySessionStore<SipgateSession>(),
      fetch: capture.fetch,
    });
    return { provider, requests: capture.requests };
  }

  it('Basic auth with the token id and token on every request; userinfo, then user-scoped paths', async () => {
    const { provider, requests } = client();
    await provider.listDevices();
    expect(requests.map((r) => [r.method, r.url.pathname, r.headers.authorization])).toEqual([
      ['GET', '/sipgate/v2/authorization/userinfo', AUTHORIZATION],
      ['GET', '/sipgate/v2/w0/devices', AUTHORIZATION],
    ]);
  });

  it('POST /sessions/calls with deviceId, caller, callee, callerId as JSON', async () => {
    const { provider, requests } = client();
    await provider.placeCall({ target: '+4922166966966', deviceId: 'e0', callerId: '+4921155555500' });
    const [request] = requests;
    expect(request?.method).toBe('POST');
    expect(request?.url.pathname).toBe('/sipgate/v2/sessions/calls');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.authorization).toBe(AUTHORIZATION);
    expect(request?.body).toBe('{"deviceId":"e0","caller":"e0","callee":"+4922166966966","callerId":"+4921155555500"}');
  });

  it('POST /sessions/sms with smsId, recipient, message; DELETE /sessions/calls/{id} to hang up', async () => {
    const { provider, requests } = client();
    await provider.sendSms({ recipient: '+4915112345678', message: 'Bis gleich!', senderId: 's0' });
    const placed = await provider.placeCall({ target: '+4922166966966', deviceId: 'e0' });
    await provider.hangUp(placed);
    expect(requests.map((r) => [r.method, r.url.pathname, r.body])).toEqual([
      ['POST', '/sipgate/v2/sessions/sms', '{"smsId":"s0","recipient":"+4915112345678","message":"Bis gleich!"}'],
      ['POST', '/sipgate/v2/sessions/calls', '{"deviceId":"e0","caller":"e0","callee":"+4922166966966"}'],
      ['DELETE', `/sipgate/v2/sessions/calls/${placed.callId}`, ''],
    ]);
  });

  it('GET /history with types, from, to, offset and limit', async () => {
    const { provider, requests } = client();
    await provider.history({ from: Date.UTC(2026, 6, 1), to: Date.UTC(2026, 6, 2) });
    const [request] = requests;
    expect(request?.url.pathname).toBe('/sipgate/v2/history');
    expect(request ? rawQuery(request) : '').toBe(
      'types=CALL&types=SMS&from=2026-07-01T00%3A00%3A00.000Z&to=2026-07-02T00%3A00%3A00.000Z&offset=0&limit=100',
    );
  });

  it('do not disturb: GET /{userId}/devices, then PUT /devices/{deviceId} with {"dnd": …} per phone that differs', async () => {
    const { provider, requests } = client();
    sim.sipgate.setDnd(tokenId, 'e1', true);
    await provider.setPresence?.('dnd');
    await provider.readPresence?.();
    expect(
      requests.map((r) => [
        r.method,
        r.url.pathname,
        rawQuery(r),
        r.headers.authorization,
        r.headers['content-type'],
        r.body,
      ]),
    ).toEqual([
      ['GET', '/sipgate/v2/authorization/userinfo', '', AUTHORIZATION, undefined, ''],
      ['GET', '/sipgate/v2/w0/devices', '', AUTHORIZATION, undefined, ''],
      ['PUT', '/sipgate/v2/devices/e0', '', AUTHORIZATION, 'application/json', '{"dnd":true}'],
      ['PUT', '/sipgate/v2/devices/x0', '', AUTHORIZATION, 'application/json', '{"dnd":true}'],
      ['GET', '/sipgate/v2/w0/devices', '', AUTHORIZATION, undefined, ''],
    ]);
    expect(requests.every((r) => r.headers.accept === 'application/json')).toBe(true);
  });
});

describe('Fonema wire format', () => {
  function client() {
    const capture = captureFetch();
    const store = new MemorySessionStore<FonemaSession>();
    const provider = createFonema({
      baseUrl: sim.baseUrl('fonema'),
      credentials: { username: 'demo@ringback.test', password: 'demo-password' },
      sessions: store,
      fetch: capture.fetch,
    });
    return { provider, requests: capture.requests, store };
  }

  it('GET login with login and password as query parameters, no Authorization', async () => {
    const { provider, requests } = client();
    await provider.verify();
    const [login] = requests;
    expect(login?.method).toBe('GET');
    expect(login?.url.pathname).toBe('/fonema/api/login');
    expect(login ? rawQuery(login) : '').toBe('login=demo%40ringback.test&password=demo-password');
    expect(login?.headers.authorization).toBeUndefined();
  });

  it('POST makeCall with `Authorization: bearer <token>` and {number, callerId, v: "2.0"}', async () => {
    const { provider, requests, store } = client();
    await provider.placeCall({ target: '+34912345678', callerId: '+34911234568' });
    const [token] = [...sim.fonema.tokens.keys()];
    expect(store.value?.token).toBe(token);
    const makeCall = requests.find((r) => r.url.pathname === '/fonema/api/makeCall');
    expect(makeCall?.method).toBe('POST');
    expect(makeCall?.headers.authorization).toBe(`bearer ${token}`);
    expect(makeCall?.headers['content-type']).toBe('application/json');
    expect(makeCall?.body).toBe('{"number":"+34912345678","callerId":"+34911234568","v":"2.0"}');
  });

  it('GET getCallerIds?userid=…, POST getCallsPost and hangupCall with JSON bodies', async () => {
    const { provider, requests } = client();
    await provider.listCallerIds();
    await provider.history({ from: Date.UTC(2026, 5, 30, 22), to: Date.UTC(2026, 6, 1, 22) });
    const placed = await provider.placeCall({ target: '+34912345678', callerId: '+34911234567' });
    await provider.hangUp(placed);
    const [uuid] = sim.fonema.hangups;
    expect(placed).toEqual({ callId: uuid });
    const wire = requests
      .filter((r) => r.url.pathname !== '/fonema/api/login' && r.url.pathname !== '/fonema/api/getUsers')
      .map((r) => [r.method, r.url.pathname, rawQuery(r), r.body]);
    expect(wire).toEqual([
      ['GET', '/fonema/api/getCallerIds', 'userid=4711', ''],
      [
        'POST',
        '/fonema/api/getCallsPost',
        '',
        '{"userId":"4711","fechaInicio":"2026-07-01","fechaFin":"2026-07-01","tipo":"","pagina":1}',
      ],
      ['POST', '/fonema/api/makeCall', '', '{"number":"+34912345678","callerId":"+34911234567","v":"2.0"}'],
      ['GET', '/fonema/api/isOnCall', '', ''],
      ['POST', '/fonema/api/hangupCall', '', `{"uuid":"${uuid}"}`],
    ]);
  });

  it('presence: GET getNotifications without parameters, POST changePresenceStatus {userId, status}', async () => {
    const { provider, requests } = client();
    await provider.setPresence?.('dnd');
    await provider.readPresence?.();
    await provider.setPresence?.('available');
    const [token] = [...sim.fonema.tokens.keys()];
    const wire = requests
      .filter((r) => r.url.pathname !== '/fonema/api/login' && r.url.pathname !== '/fonema/api/getUsers')
      .map((r) => [r.method, r.url.pathname, rawQuery(r), r.headers.authorization, r.headers['content-type'], r.body]);
    expect(wire).toEqual([
      [
        'POST',
        '/fonema/api/changePresenceStatus',
        '',
        `bearer ${token}`,
        'application/json',
        '{"userId":"4711","status":"dnd"}',
      ],
      ['GET', '/fonema/api/getNotifications', '', `bearer ${token}`, undefined, ''],
      [
        'POST',
        '/fonema/api/changePresenceStatus',
        '',
        `bearer ${token}`,
        'application/json',
        '{"userId":"4711","status":"online"}',
      ],
    ]);
  });
});

describe('fonial wire format', () => {
  it('POST JSON to /session, /session/authenticate and /call/initiate with the sid', async () => {
    const capture = captureFetch();
    const provider = createFonial({
      baseUrl: sim.baseUrl('fonial'),
      credentials: { username: 'demo@ringback.test', password: 'demo-password' },
      sessions: new MemorySessionStore<FonialSession>(),
      fetch: capture.fetch,
    });
    await provider.placeCall({ target: '+4922166966966', deviceId: '674' });
    const [sid] = [...sim.fonial.sessions.keys()];
    expect(capture.requests.map((r) => [r.method, r.url.pathname, r.headers['content-type'], r.body])).toEqual([
      ['POST', '/fonial/api/2.0/session', 'application/json', '{}'],
      [
        'POST',
        '/fonial/api/2.0/session/authenticate',
        'application/json',
        `{"sid":"${sid}","username":"demo@ringback.test","password":"demo-password"}`,
      ],
      [
        'POST',
        '/fonial/api/2.0/call/initiate',
        'application/json',
        `{"sid":"${sid}","device":674,"target":"+4922166966966"}`,
      ],
    ]);
  });
});
