/**
 * VoipCenter / pbxonline stand-in (provider-docs/voipcenter-pbx-api.nl.txt, provider-facts.md):
 * `call.php` and `get.php` with query (or form) parameters, `f=json` answers shaped
 * `{head: {status, error_number?, error_message?}, body: {status, ...}}`, and the documented checks
 * in the order a careful server makes them: missing parameters (10), format (12), timestamp within
 * 5 s of this server's clock (11), API user (16), too many failed attempts (13), HMAC (14) and
 * password hash (15), then the request itself (17, body errors 2, 20, 21).
 *
 * The body layouts for SIP accounts and calls are ASSUMED (see src/providers/voipcenter.ts): SIP
 * accounts as `id_<n>` entries with the public PHP client's field names; calls as rows in whatever
 * shape a test pushes into `callRows`, laid out as `id_<n>` entries or as one array (`callsLayout`).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { ProviderSim, SimClock, SimRequest, SimResponse } from '../types';

export interface VoipcenterSipAccount {
  readonly id: number;
  readonly logname: string;
  readonly voornaam: string;
  readonly naam: string;
  readonly SIPusername: string;
  readonly DIDout: string;
}

export interface VoipcenterAccount {
  readonly apiId: string;
  readonly apiKey: string;
  readonly customerNumber: string;
  readonly password: string;
  readonly sipAccounts: readonly VoipcenterSipAccount[];
}

export const VOIPCENTER_TEST_ACCOUNT: VoipcenterAccount = {
  apiId: 'pi990000tst',
  apiKey: 'ringback-private-api-key',
  customerNumber: '123456',
  password: 'demo-password',
  sipAccounts: [
    {
      id: 2351,
      logname: 'Bureau Jan',
      voornaam: 'Jan',
      naam: 'Peeters',
      SIPusername: 'sipaccount1',
      DIDout: '3293456789',
    },
    {
      id: 2352,
      logname: 'Onthaal',
      voornaam: 'An',
      naam: 'Janssens',
      SIPusername: 'sipaccount2',
      DIDout: '3293456780',
    },
  ],
};

export interface VoipcenterCall {
  readonly sipacc: string;
  readonly telnr: string;
  readonly at: number;
}

export interface VoipcenterSimOptions {
  readonly accounts?: readonly VoipcenterAccount[];
  /** How far `ts` may be from this server's clock, in seconds (the doc: 5). */
  readonly toleranceSeconds?: number;
  /** Failed signature/password checks per API user before error 13. */
  readonly maxFailedAttempts?: number;
}

/** The documented error texts. */
const ERRORS: Record<string, string> = {
  '1': 'Could not connect to server',
  '2': 'Incorrect ID',
  '10': 'Missing parameters',
  '11': 'Timestamp mismatch',
  '12': 'Wrong format',
  '13': 'Too many attempts',
  '14': 'Incorrect hash',
  '15': 'User password incorrect',
  '16': 'API user not allowed',
  '17': 'Param not correct',
  '20': 'Call Auth failed',
  '21': 'Call Leg failed',
};

/** Parameters each script requires, and the ones its `pass` is computed over, in order. */
const SCRIPTS = {
  '/call.php': {
    required: ['apiID', 'knummer', 'pwd', 'sipacc', 'telnr', 'f', 'pass', 'ts'],
    signed: ['apiID', 'knummer', 'pwd', 'sipacc', 'telnr', 'f', 'ts'],
  },
  // `filter` is sent but not signed (the doc's example and the public PHP client agree).
  '/get.php': {
    required: ['apiID', 'knummer', 'pwd', 'm', 'id', 'f', 'pass', 'ts'],
    signed: ['apiID', 'knummer', 'pwd', 'm', 'id', 'f', 'ts'],
  },
} as const;

/** Menus the doc lists for get.php; only `sipacc` and `calls` have content here. */
const MENUS = new Set([
  'sipacc',
  'did',
  'feestdagen',
  'vakanties',
  'kantooruren',
  'routes',
  'backuproutes',
  'calls',
  'indicator',
  'hddesk',
  'hdtemplate',
]);

/** What real pbxonline sends (seen by public clients): not application/json. */
const CONTENT_TYPE = { 'content-type': 'text/json charset=utf-8' };

export class VoipcenterSim implements ProviderSim {
  readonly accounts: readonly VoipcenterAccount[];
  toleranceSeconds: number;
  maxFailedAttempts: number;
  readonly calls: VoipcenterCall[] = [];
  /** History rows served by get.php?m=calls; each needs a `datum` or `date` starting `YYYY-MM-DD`. */
  readonly callRows: Record<string, unknown>[] = [];
  callsLayout: 'keyed' | 'array' = 'keyed';
  /** The next call.php fails in the PBX with this body error (1, 20 or 21), once. */
  nextCallError: '1' | '20' | '21' | undefined;
  readonly #failedAttempts = new Map<string, number>();

  constructor(
    private readonly clock: SimClock,
    options: VoipcenterSimOptions = {},
  ) {
    this.accounts = options.accounts ?? [VOIPCENTER_TEST_ACCOUNT];
    this.toleranceSeconds = options.toleranceSeconds ?? 5;
    this.maxFailedAttempts = options.maxFailedAttempts ?? 5;
  }

  reset(): void {
    this.calls.length = 0;
    this.callRows.length = 0;
    this.callsLayout = 'keyed';
    this.nextCallError = undefined;
    this.#failedAttempts.clear();
  }

  handle(request: SimRequest): SimResponse {
    const script = request.path === '/call.php' || request.path === '/get.php' ? SCRIPTS[request.path] : undefined;
    if (!script) return { status: 404, text: 'Not Found', headers: { 'content-type': 'text/html' } };
    if (request.method !== 'GET' && request.method !== 'POST') return { status: 405, text: 'Method Not Allowed' };
    const params = request.method === 'GET' ? request.query : new URLSearchParams(request.body);

    if (script.required.some((name) => !params.get(name))) return headError('10');
    const ts = params.get('ts') ?? '';
    if (params.get('f') !== 'json' || !/^\d{9,11}$/.test(ts)) return headError('12');
    if (Math.abs(Number(ts) - Math.floor(this.clock.now() / 1000)) > this.toleranceSeconds) return headError('11');

    const apiId = params.get('apiID') ?? '';
    const account = this.accounts.find((a) => a.apiId === apiId && a.customerNumber === params.get('knummer'));
    if (!account) return headError('16');
    if ((this.#failedAttempts.get(apiId) ?? 0) >= this.maxFailedAttempts) return headError('13');
    const signed = script.signed.map((name) => name + (params.get(name) ?? '')).join('');
    const expected = createHmac('sha256', account.apiKey).update(signed).digest('hex');
    if (!sameHex(params.get('pass') ?? '', expected)) return this.#failed(apiId, '14');
    const md5 = createHash('md5').update(account.password).digest('hex');
    if (!sameHex(params.get('pwd') ?? '', createHash('sha256').update(md5).digest('hex'))) {
      return this.#failed(apiId, '15');
    }

    return request.path === '/call.php' ? this.#call(account, params) : this.#get(account, params);
  }

  #failed(apiId: string, code: string): SimResponse {
    this.#failedAttempts.set(apiId, (this.#failedAttempts.get(apiId) ?? 0) + 1);
    return headError(code);
  }

  #call(account: VoipcenterAccount, params: URLSearchParams): SimResponse {
    const sipacc = params.get('sipacc') ?? '';
    const telnr = params.get('telnr') ?? '';
    if (!account.sipAccounts.some((s) => s.SIPusername === sipacc)) return headError('17');
    // Belgian national (0…) or international digits without `+`.
    if (!/^(0\d{8,9}|[1-9]\d{7,14})$/.test(telnr)) return headError('17');
    const failure = this.nextCallError;
    if (failure) {
      this.nextCallError = undefined;
      return bodyError(failure);
    }
    this.calls.push({ sipacc, telnr, at: this.clock.now() });
    return ok({});
  }

  #get(account: VoipcenterAccount, params: URLSearchParams): SimResponse {
    const menu = params.get('m') ?? '';
    const id = params.get('id') ?? '';
    const filter = params.get('filter') ?? '';
    if (!MENUS.has(menu) || !/^\d+$/.test(id)) return headError('17');
    if (filter && id !== '0') return headError('17');
    if (menu === 'sipacc') {
      const matches = account.sipAccounts.filter(
        (s) =>
          (id === '0' || String(s.id) === id) && (!filter || s.logname.includes(filter) || s.DIDout.includes(filter)),
      );
      if (id !== '0' && matches.length === 0) return bodyError('2');
      return ok(Object.fromEntries(matches.map(({ id: sipId, ...fields }) => [`id_${sipId}`, fields])));
    }
    if (menu === 'calls') {
      if (filter && !/^\d{8}$/.test(filter)) return headError('17');
      const day = filter ? `${filter.slice(0, 4)}-${filter.slice(4, 6)}-${filter.slice(6, 8)}` : '';
      const rows = this.callRows.filter((row) => String(row.datum ?? row.date ?? '').startsWith(day));
      if (this.callsLayout === 'array') return ok({ calls: rows });
      return ok(Object.fromEntries(rows.map((row, index) => [`id_${String(row.id ?? index + 1)}`, row])));
    }
    return id === '0' ? ok({}) : bodyError('2');
  }
}

function sameHex(given: string, expected: string): boolean {
  const a = Buffer.from(given.toLowerCase());
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function ok(entries: Record<string, unknown>): SimResponse {
  return { status: 200, headers: CONTENT_TYPE, json: { head: { status: '1' }, body: { status: '1', ...entries } } };
}

function headError(code: string): SimResponse {
  // PHP's json_encode turns the empty body array into `[]`.
  return {
    status: 200,
    headers: CONTENT_TYPE,
    json: { head: { status: '0', error_number: code, error_message: ERRORS[code] }, body: [] },
  };
}

function bodyError(code: string): SimResponse {
  return {
    status: 200,
    headers: CONTENT_TYPE,
    json: { head: { status: '1' }, body: { status: '0', error_number: code, error_message: ERRORS[code] } },
  };
}
