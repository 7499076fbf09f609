/**
 * fonial API 2.0 stand-in (provider-docs/fonial-api-2.0.de.txt, provider-facts.md): POST + JSON
 * everywhere, `{status: "ok"|"error"}`, a sid from `/session` that must be authenticated before
 * use and expires after `sessionLifetimeMs` of its creation.
 */
import { randomUUID } from 'node:crypto';
import type { ProviderSim, SimClock, SimRequest, SimResponse } from '../types';

export interface FonialAccount {
  readonly username: string;
  readonly password: string;
  readonly devices: readonly { id: number; name: string }[];
  readonly numbers: readonly { id: number; number: string }[];
}

export const FONIAL_TEST_ACCOUNT: FonialAccount = {
  username: 'demo@ringback.test',
  password: 'demo-password',
  devices: [
    { id: 23, name: 'Telefon Martin Mustermann' },
    { id: 674, name: 'Telefon Bettina Beispiel' },
  ],
  numbers: [
    { id: 21, number: '+4922166966966' },
    { id: 276, number: '+4922166966999' },
  ],
};

interface Session {
  createdAt: number;
  account?: FonialAccount;
}

export interface FonialCall {
  readonly device: number;
  readonly target: string;
  readonly at: number;
}

const INVALID_SESSION: SimResponse = { status: 200, json: { status: 'error', error: 'Session invalid' } };

export interface FonialSimOptions {
  readonly accounts?: readonly FonialAccount[];
  readonly sessionLifetimeMs?: number;
}

export class FonialSim implements ProviderSim {
  readonly accounts: readonly FonialAccount[];
  sessionLifetimeMs: number;
  readonly sessions = new Map<string, Session>();
  readonly calls: FonialCall[] = [];
  /** Outgoing (evn) and incoming (journal) history served by the sim, in fonial's own shapes. */
  readonly evn: Record<string, unknown>[] = [];
  readonly journal: Record<string, unknown>[] = [];

  constructor(
    private readonly clock: SimClock,
    options: FonialSimOptions = {},
  ) {
    this.accounts = options.accounts ?? [FONIAL_TEST_ACCOUNT];
    this.sessionLifetimeMs = options.sessionLifetimeMs ?? 30 * 60_000;
  }

  reset(): void {
    this.sessions.clear();
    this.calls.length = 0;
    this.evn.length = 0;
    this.journal.length = 0;
  }

  /** Makes every existing sid invalid, as if fonial had expired them all. */
  expireAllSessions(): void {
    this.sessions.clear();
  }

  handle(request: SimRequest): SimResponse {
    if (request.method !== 'POST') return { status: 405, json: { status: 'error', error: 'Method not allowed' } };
    const body = request.json;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return { status: 400, json: { status: 'error', error: 'Invalid JSON' } };
    }
    const params = body as Record<string, unknown>;
    switch (request.path) {
      case '/session':
        return this.#open();
      case '/session/authenticate':
        return this.#authenticate(params);
      case '/devices/get':
        return this.#withAccount(params, (account, sid) => ({ sid, status: 'ok', devices: account.devices }));
      case '/numbers/get':
        return this.#withAccount(params, (account, sid) => ({ sid, status: 'ok', numbers: account.numbers }));
      case '/call/initiate':
        return this.#withAccount(params, (account, sid) => this.#initiate(account, sid, params));
      case '/evn/get':
        return this.#withAccount(params, (_account, sid) => this.#span(params, sid, 'evn', this.evn, 'dateStart'));
      case '/journal/get':
        return this.#withAccount(params, (_account, sid) => this.#span(params, sid, 'journal', this.journal, 'date'));
      default:
        return { status: 404, json: { status: 'error', error: 'Unknown method' } };
    }
  }

  #open(): SimResponse {
    const sid = randomUUID();
    this.sessions.set(sid, { createdAt: this.clock.now() });
    return { status: 200, json: { sid, status: 'ok' } };
  }

  #authenticate(params: Record<string, unknown>): SimResponse {
    const sid = params.sid;
    const session = typeof sid === 'string' ? this.#live(sid) : undefined;
    if (!session || typeof sid !== 'string') return INVALID_SESSION;
    if (typeof params.username !== 'string' || typeof params.password !== 'string') {
      return { status: 200, json: { sid, status: 'error', error: 'Missing username or password' } };
    }
    const account = this.accounts.find((a) => a.username === params.username && a.password === params.password);
    if (!account) return { status: 200, json: { sid, status: 'ok', authenticated: false } };
    session.account = account;
    return { status: 200, json: { sid, status: 'ok', authenticated: true } };
  }

  #live(sid: string): Session | undefined {
    const session = this.sessions.get(sid);
    if (!session) return undefined;
    if (this.clock.now() - session.createdAt > this.sessionLifetimeMs) {
      this.sessions.delete(sid);
      return undefined;
    }
    return session;
  }

  #withAccount(
    params: Record<string, unknown>,
    answer: (account: FonialAccount, sid: string) => Record<string, unknown> | SimResponse,
  ): SimResponse {
    const sid = params.sid;
    const session = typeof sid === 'string' ? this.#live(sid) : undefined;
    if (!session?.account || typeof sid !== 'string') return INVALID_SESSION;
    const result = answer(session.account, sid);
    return 'status' in result && typeof result.status === 'number'
      ? (result as SimResponse)
      : { status: 200, json: result };
  }

  #initiate(account: FonialAccount, sid: string, params: Record<string, unknown>): SimResponse {
    const { device, target } = params;
    if (typeof device !== 'number' || !account.devices.some((d) => d.id === device)) {
      return { status: 200, json: { sid, status: 'error', error: 'Unknown device' } };
    }
    if (typeof target !== 'string' || !/^\+[1-9]\d{6,14}$/.test(target)) {
      return { status: 200, json: { sid, status: 'error', error: 'Invalid target (E.164 expected)' } };
    }
    this.calls.push({ device, target, at: this.clock.now() });
    return { status: 200, json: { sid, status: 'ok' } };
  }

  #span(
    params: Record<string, unknown>,
    sid: string,
    field: 'evn' | 'journal',
    rows: readonly Record<string, unknown>[],
    dateField: string,
  ): SimResponse {
    const stamp = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
    const { start, end } = params;
    if (typeof start !== 'string' || typeof end !== 'string' || !stamp.test(start) || !stamp.test(end)) {
      return { status: 200, json: { sid, status: 'error', error: 'Invalid start or end' } };
    }
    // Same-format local timestamps compare correctly as strings.
    const inSpan = rows.filter((row) => {
      const at = String(row[dateField] ?? '');
      return at >= start && at <= end;
    });
    return { status: 200, json: { sid, status: 'ok', [field]: inSpan } };
  }
}
