/**
 * sipgate REST API v2 stand-in (provider-facts.md): JSON, HTTP Basic auth with a personal access
 * token (id as user name), scopes per token (403 when one is missing), the user id `w0` from
 * `/authorization/userinfo` in user-scoped paths, `POST /sessions/calls` → `{sessionId}`,
 * `POST /sessions/sms` (460 characters at most), `GET /history` → `{items, totalCount}`.
 * Phonelines' numbers and the running-calls list follow the shapes assumed in
 * src/providers/sipgate.ts.
 *
 * Do not disturb as sipgate's OpenAPI spec (v2.0.0) has it: each device's `dnd` in the device
 * list, changed with `PUT /devices/{deviceId}` and a ChangeDeviceRequest body (`dnd` boolean,
 * `emergencyAddressId` integer, both optional; scope `devices:write`). The flags are kept per
 * account and put back to the account's own on reset. A device of another user is not found.
 */
import { randomBytes } from 'node:crypto';
import type { ProviderSim, SimClock, SimRequest, SimResponse } from '../types';

export interface SipgateDevice {
  readonly id: string;
  readonly alias: string;
  readonly type: string;
  readonly online?: boolean;
  readonly dnd?: boolean;
}

export interface SipgateAccount {
  readonly tokenId: string;
  readonly token: string;
  readonly userId: string;
  /** Granted scopes; `'all'` for a token with every scope. */
  readonly scopes: readonly string[] | 'all';
  readonly devices: readonly SipgateDevice[];
  readonly phonelines: readonly { id: string; alias: string; numbers: readonly string[] }[];
  readonly sms: readonly { id: string; alias: string; callerId: string }[];
}

export const SIPGATE_TEST_ACCOUNT: SipgateAccount = {
  tokenId: 'token-RB1234',
  token: 'b7f3c2d1-5a4e-4c9b-8f2a-0123456789ab',
  userId: 'w0',
  scopes: 'all',
  devices: [
    { id: 'e0', alias: 'VoIP-Telefon Schreibtisch', type: 'REGISTER', online: true, dnd: false },
    { id: 'e1', alias: 'Softphone', type: 'REGISTER', online: false, dnd: false },
    { id: 'x0', alias: 'Mobiltelefon', type: 'MOBILE', online: true, dnd: false },
  ],
  phonelines: [
    { id: 'p0', alias: 'Max Mustermann', numbers: ['+4921155555501'] },
    { id: 'p1', alias: 'Zentrale', numbers: ['+4921155555500', '+4921155555501'] },
  ],
  sms: [{ id: 's0', alias: 'SMS Max Mustermann', callerId: '+4915799912345' }],
};

/** Which scope each route needs (sipgate's personal access token scopes). */
const SCOPES: readonly [RegExp, string, string][] = [
  [/^\/authorization\/userinfo$/, 'GET', ''],
  [/^\/[^/]+\/devices$/, 'GET', 'devices:read'],
  [/^\/[^/]+\/phonelines(\/[^/]+\/numbers)?$/, 'GET', 'phonelines:read'],
  [/^\/[^/]+\/sms$/, 'GET', 'sms:read'],
  [/^\/[^/]+\/sessions\/calls$/, 'GET', 'sessions:calls:read'],
  [/^\/sessions\/calls$/, 'POST', 'sessions:calls:write'],
  [/^\/sessions\/calls\/[^/]+$/, 'DELETE', 'sessions:calls:write'],
  [/^\/sessions\/sms$/, 'POST', 'sessions:sms:write'],
  [/^\/history$/, 'GET', 'history:read'],
  [/^\/devices\/[^/]+$/, 'PUT', 'devices:write'],
];

const E164 = /^\+[1-9]\d{6,14}$/;
const SMS_MAX_LENGTH = 460;

export interface SipgateCall {
  readonly sessionId: string;
  readonly deviceId: string;
  readonly caller: string;
  readonly callee: string;
  readonly callerId?: string;
  status: 'ringing' | 'connected' | 'ended';
  readonly at: number;
}

export interface SipgateSms {
  readonly smsId: string;
  readonly recipient: string;
  readonly message: string;
  readonly at: number;
}

export interface SipgateSimOptions {
  readonly accounts?: readonly SipgateAccount[];
}

export class SipgateSim implements ProviderSim {
  readonly accounts: readonly SipgateAccount[];
  readonly calls: SipgateCall[] = [];
  readonly sms: SipgateSms[] = [];
  /** `/history` items in sipgate's shape (`id`, `type`, `created`, `direction`, …). */
  readonly history: Record<string, unknown>[] = [];
  /** Each device's do-not-disturb flag, per account (token id → device id → dnd). */
  readonly #dnd = new Map<string, Map<string, boolean>>();
  /**
   * Devices whose flag the PBX keeps whatever is asked (as with a policy set elsewhere): the PUT is
   * still answered 204. Tests use it to show that Ringback displays what a fresh read reports.
   */
  readonly keptDnd = new Set<string>();

  constructor(
    private readonly clock: SimClock,
    options: SipgateSimOptions = {},
  ) {
    this.accounts = options.accounts ?? [SIPGATE_TEST_ACCOUNT];
    this.#resetDnd();
  }

  reset(): void {
    this.calls.length = 0;
    this.sms.length = 0;
    this.history.length = 0;
    this.keptDnd.clear();
    this.#resetDnd();
  }

  /** A device's do-not-disturb flag as the account has it now (tests read and set it). */
  dnd(tokenId: string, deviceId: string): boolean | undefined {
    return this.#dnd.get(tokenId)?.get(deviceId);
  }

  setDnd(tokenId: string, deviceId: string, dnd: boolean): void {
    this.#dnd.get(tokenId)?.set(deviceId, dnd);
  }

  #resetDnd(): void {
    this.#dnd.clear();
    for (const account of this.accounts) {
      this.#dnd.set(account.tokenId, new Map(account.devices.map((d) => [d.id, d.dnd ?? false])));
    }
  }

  /** Moves a placed call on (the callee picked up, someone hung up). */
  setCallStatus(sessionId: string, status: SipgateCall['status']): void {
    const call = this.calls.find((c) => c.sessionId === sessionId);
    if (call) call.status = status;
  }

  handle(request: SimRequest): SimResponse {
    const account = this.#authenticate(request.headers.authorization);
    if (!account) return { status: 401, text: '', headers: { 'www-authenticate': 'Basic realm="sipgate"' } };
    const route = SCOPES.find(([path, method]) => path.test(request.path) && method === request.method);
    if (!route) return error(404, 'Not Found');
    const [, , scope] = route;
    if (scope && account.scopes !== 'all' && !account.scopes.includes(scope)) return error(403, 'Forbidden');

    const [, first] = request.path.split('/');
    const userScoped = first !== 'authorization' && first !== 'sessions' && first !== 'history' && first !== 'devices';
    if (userScoped && first !== account.userId) return error(403, 'Forbidden');

    if (request.method !== 'GET' && request.method !== 'DELETE') {
      if (!/^application\/json/.test(request.headers['content-type'] ?? ''))
        return error(415, 'Unsupported Media Type');
      if (typeof request.json !== 'object' || request.json === null || Array.isArray(request.json)) {
        return error(400, 'Invalid JSON body');
      }
    }
    const body = (request.json ?? {}) as Record<string, unknown>;
    const rest = request.path.split('/').slice(2);

    if (request.path === '/authorization/userinfo') {
      return json({ sub: account.userId, domain: 'sipgate.de', masterSipId: '1234567', locale: 'de_DE' });
    }
    if (request.path === '/history') return this.#history(request.query);
    if (request.path === '/sessions/calls') return this.#call(account, body);
    if (request.path === '/sessions/sms') return this.#sms(account, body);
    if (first === 'sessions') return this.#hangUp(rest[1] ?? '');
    if (first === 'devices') return this.#changeDevice(account, decodeURIComponent(rest[0] ?? ''), body);
    switch (rest.join('/')) {
      case 'devices':
        return json({ items: account.devices.map((d) => ({ ...d, dnd: this.dnd(account.tokenId, d.id) ?? false })) });
      case 'phonelines':
        return json({ items: account.phonelines.map(({ id, alias }) => ({ id, alias })) });
      case 'sms':
        return json({ items: account.sms });
      case 'sessions/calls':
        return json({
          items: this.calls.filter((c) => c.status !== 'ended').map(({ sessionId, status }) => ({ sessionId, status })),
        });
    }
    const line = account.phonelines.find((p) => rest[0] === 'phonelines' && p.id === rest[1]);
    if (!line) return error(404, 'Phoneline not found');
    return json({
      items: line.numbers.map((number, index) => ({ id: `${line.id}-${index}`, number, type: 'LANDLINE' })),
    });
  }

  #authenticate(header: string | undefined): SipgateAccount | undefined {
    const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header ?? '');
    if (!match?.[1]) return undefined;
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    const [id, token] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
    return this.accounts.find((a) => a.tokenId === id && a.token === token);
  }

  #call(account: SipgateAccount, body: Record<string, unknown>): SimResponse {
    const { deviceId, caller, callee, callerId } = body;
    if (typeof deviceId !== 'string' || !account.devices.some((d) => d.id === deviceId)) {
      return error(400, 'Unknown deviceId');
    }
    if (typeof caller !== 'string' || !(account.devices.some((d) => d.id === caller) || E164.test(caller))) {
      return error(400, 'Invalid caller');
    }
    if (typeof callee !== 'string' || !E164.test(callee)) return error(400, 'Invalid callee');
    const ownNumbers = account.phonelines.flatMap((p) => p.numbers);
    if (callerId !== undefined && (typeof callerId !== 'string' || !ownNumbers.includes(callerId))) {
      return error(400, 'callerId is not one of your numbers');
    }
    const sessionId = randomBytes(16).toString('hex').toUpperCase();
    this.calls.push({
      sessionId,
      deviceId,
      caller,
      callee,
      ...(typeof callerId === 'string' ? { callerId } : {}),
      status: 'ringing',
      at: this.clock.now(),
    });
    return json({ sessionId });
  }

  /** `PUT /devices/{deviceId}` (ChangeDeviceRequest): only the fields the spec names, each typed. */
  #changeDevice(account: SipgateAccount, deviceId: string, body: Record<string, unknown>): SimResponse {
    if (!account.devices.some((d) => d.id === deviceId)) return error(404, 'Device not found');
    const unknown = Object.keys(body).filter((key) => key !== 'dnd' && key !== 'emergencyAddressId');
    if (unknown.length > 0) return error(400, `Unrecognized field: ${unknown.join(', ')}`);
    if (body.dnd !== undefined && typeof body.dnd !== 'boolean') return error(400, 'dnd must be a boolean');
    if (body.emergencyAddressId !== undefined && !Number.isInteger(body.emergencyAddressId)) {
      return error(400, 'emergencyAddressId must be an integer');
    }
    if (typeof body.dnd === 'boolean' && !this.keptDnd.has(deviceId)) this.setDnd(account.tokenId, deviceId, body.dnd);
    return { status: 204, text: '' };
  }

  #hangUp(sessionId: string): SimResponse {
    const call = this.calls.find((c) => c.sessionId === sessionId && c.status !== 'ended');
    if (!call) return error(404, 'Session not found');
    call.status = 'ended';
    return { status: 204, text: '' };
  }

  #sms(account: SipgateAccount, body: Record<string, unknown>): SimResponse {
    const { smsId, recipient, message } = body;
    if (typeof smsId !== 'string' || !account.sms.some((s) => s.id === smsId)) return error(400, 'Unknown smsId');
    if (typeof recipient !== 'string' || !E164.test(recipient)) return error(400, 'Invalid recipient');
    if (typeof message !== 'string' || message.length === 0) return error(400, 'Message is empty');
    if ([...message].length > SMS_MAX_LENGTH) return error(400, 'Message too long');
    this.sms.push({ smsId, recipient, message, at: this.clock.now() });
    return { status: 204, text: '' };
  }

  #history(query: URLSearchParams): SimResponse {
    const types = query.getAll('types');
    const directions = query.getAll('directions');
    const from = query.get('from');
    const to = query.get('to');
    const offset = Number(query.get('offset') ?? 0);
    const limit = Number(query.get('limit') ?? 20);
    if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1 || limit > 5000) {
      return error(400, 'Invalid offset or limit');
    }
    for (const stamp of [from, to])
      if (stamp !== null && Number.isNaN(Date.parse(stamp))) return error(400, 'Bad date');
    const matching = this.history.filter((item) => {
      const created = Date.parse(String(item.created));
      return (
        (types.length === 0 || types.includes(String(item.type))) &&
        (directions.length === 0 || directions.includes(String(item.direction))) &&
        (from === null || created >= Date.parse(from)) &&
        (to === null || created < Date.parse(to))
      );
    });
    return json({ items: matching.slice(offset, offset + limit), totalCount: matching.length });
  }
}

function json(value: unknown): SimResponse {
  return { status: 200, json: value };
}

function error(status: number, message: string): SimResponse {
  return { status, json: { status, message } };
}
