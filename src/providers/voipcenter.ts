/**
 * VoipCenter / pbxonline PBX API (provider-docs/voipcenter-pbx-api.nl.txt, provider-facts.md).
 *
 * Every request is a GET with query parameters, signed: `pwd` is sha256(md5(password)) in hex and
 * `pass` an HMAC-SHA256 (private API key) over each parameter's name and value in the documented
 * order, ending with `f` and `ts`. The server refuses a `ts` more than 5 s off its own clock
 * (error 11), so the client keeps an offset learnt from the `Date` header of every answer; when
 * error 11 comes anyway it re-signs with the fresh offset and tries once more. That is safe even
 * for call.php: error 11 is a refusal before anything happened.
 *
 * There is no login session. The session store keeps the learnt clock offset instead, so a
 * restarted service worker does not start out of step again.
 *
 * Wire decisions:
 * - `telnr` is sent as international digits without `+` (`3293456789`), which the doc accepts
 *   for Belgian and foreign numbers alike, so one E.164 input covers both.
 * - `f=json`: answers are `{head: {status, error_number?, error_message?}, body: {...}}`.
 * ASSUMED (parsed tolerantly, covered by tests): the fields inside `body` for SIP accounts (the
 * public PHP client reads `id_<n>` entries with `logname`, `naam`, `voornaam`, `SIPusername`) and
 * for calls (no public source; several plausible names are accepted).
 */
import { PROVIDER_CAPABILITIES } from './catalog';
import { isProviderError, ProviderError, type ProviderErrorCode, providerError } from './errors';
import { hmacSha256Hex, md5Hex, sha256Hex } from './hashing';
import { type Answer, createHttp, type RequestKind, send, serverDate, unexpectedAnswer } from './http';
import { asRecord, firstText, textOf } from './json';
import { isE164, toE164 } from './numbers';
import type {
  AccountInfo,
  CallRequest,
  Device,
  HistoryDirection,
  HistoryOutcome,
  HistoryRange,
  HistoryRecord,
  PlacedCall,
  Provider,
  ProviderContext,
} from './types';
import { formatZonedDate, parseZoned } from './zoned-time';

/** Call history timestamps are Belgian wall-clock time. */
const VOIPCENTER_TIME_ZONE = 'Europe/Brussels';
/** get.php filters calls by one day; history asks for at most this many recent days. */
export const VOIPCENTER_HISTORY_DAYS = 7;

export interface VoipcenterCredentials {
  /** `apiID`: the API user, from the PBX module "Application Programming Interface". */
  readonly apiId: string;
  /** The private API key that signs every request (never sent). */
  readonly apiKey: string;
  /** `knummer`: the VoipCenter customer number. */
  readonly customerNumber: string;
  /** The customer's plain password; only its sha256(md5()) hash is sent. */
  readonly password: string;
}

/** Not a login: VoipCenter has none. The server clock's offset from ours, learnt from `Date`. */
export interface VoipcenterSession {
  readonly clockOffsetMs: number;
}

export function isVoipcenterSession(value: unknown): value is VoipcenterSession {
  const offset = asRecord(value)?.clockOffsetMs;
  return typeof offset === 'number' && Number.isFinite(offset);
}

/** Every documented error code, what it means for Ringback, and the sentence the user reads. */
const ERROR_CODES: Readonly<Record<string, { readonly code: ProviderErrorCode; readonly reason: string }>> = {
  // head: the request itself
  '10': { code: 'rejected', reason: 'errVoipcenter10' },
  '11': { code: 'rejected', reason: 'errVoipcenter11' },
  '12': { code: 'rejected', reason: 'errVoipcenter12' },
  '13': { code: 'rate-limited', reason: 'errVoipcenter13' },
  '14': { code: 'auth', reason: 'errVoipcenter14' },
  '15': { code: 'auth', reason: 'errVoipcenter15' },
  '16': { code: 'auth', reason: 'errVoipcenter16' },
  '17': { code: 'rejected', reason: 'errVoipcenter17' },
  // body: what the PBX did with it
  '1': { code: 'unavailable', reason: 'errVoipcenter1' },
  '2': { code: 'rejected', reason: 'errVoipcenter2' },
  '20': { code: 'rejected', reason: 'errVoipcenter20' },
  '21': { code: 'rejected', reason: 'errVoipcenter21' },
  '25': { code: 'auth', reason: 'errVoipcenter25' },
};
const TIMESTAMP_MISMATCH = '11';
const UNKNOWN_ERROR_REASON = 'errVoipcenterUnknown';

type Param = [name: string, value: string];

/** The learnt offset is re-stored only when it moved by more than this (Date has 1 s resolution). */
const OFFSET_STORE_THRESHOLD_MS = 1_000;

export function createVoipcenter(ctx: ProviderContext<VoipcenterCredentials, VoipcenterSession>): Provider {
  const http = createHttp(ctx);
  const now = ctx.now ?? Date.now;
  const { apiId, apiKey, customerNumber, password } = ctx.credentials;
  let hashedPassword: Promise<string> | undefined;
  let offset: { ms: number; stored: number | undefined } | undefined;

  async function clockOffset(): Promise<number> {
    if (!offset) {
      const stored = await ctx.sessions.get();
      // An answer may have taught us the offset while storage was being read: that one wins.
      offset ??= isVoipcenterSession(stored)
        ? { ms: stored.clockOffsetMs, stored: stored.clockOffsetMs }
        : { ms: 0, stored: undefined };
    }
    return offset.ms;
  }

  /**
   * `Date` is whole seconds, so it lags the server's true time by 0–1 s: half a second is added to
   * centre the error. (Extension fetches with host permission can read `Date`; a page could not.)
   */
  async function learnClock(answer: Answer): Promise<void> {
    const date = serverDate(answer);
    if (date === undefined) return;
    const ms = date + 500 - now();
    const stored = offset?.stored;
    offset = { ms, stored };
    if (stored === undefined || Math.abs(ms - stored) > OFFSET_STORE_THRESHOLD_MS) {
      offset = { ms, stored: ms };
      await ctx.sessions.set({ clockOffsetMs: ms });
    }
  }

  /** The query in the documented order: signed parameters, unsigned ones, then `f`, `pass`, `ts`. */
  async function signedQuery(params: readonly Param[], unsigned: readonly Param[]): Promise<URLSearchParams> {
    hashedPassword ??= sha256Hex(md5Hex(password));
    const ts = String(Math.floor((now() + (await clockOffset())) / 1000));
    const signed: Param[] = [['apiID', apiId], ['knummer', customerNumber], ['pwd', await hashedPassword], ...params];
    const format: Param = ['f', 'json'];
    const stamp: Param = ['ts', ts];
    const pass = await hmacSha256Hex(apiKey, [...signed, format, stamp].map(([name, value]) => name + value).join(''));
    return new URLSearchParams([...signed, ...unsigned, format, ['pass', pass], stamp]);
  }

  async function request(
    kind: RequestKind,
    script: 'call.php' | 'get.php',
    params: readonly Param[],
    unsigned: readonly Param[] = [],
  ): Promise<Record<string, unknown>> {
    if (!apiId || !apiKey || !customerNumber || !password) {
      throw new ProviderError('auth', 'errMissingCredentials');
    }
    let resynced = false;
    for (;;) {
      const answer = await send(http, kind, script, {
        method: 'get',
        searchParams: await signedQuery(params, unsigned),
      });
      await learnClock(answer);
      try {
        return okBody(answer, kind);
      } catch (error) {
        if (resynced || !isProviderError(error) || error.reason !== ERROR_CODES[TIMESTAMP_MISMATCH]?.reason)
          throw error;
        resynced = true;
      }
    }
  }

  const sipAccounts = async (): Promise<Device[]> =>
    entriesOf(await request('read', 'get.php', [menu('sipacc'), ['id', '0']])).flatMap(({ row }) => toDevice(row));

  return {
    id: 'voipcenter',
    capabilities: PROVIDER_CAPABILITIES.voipcenter,

    async verify(): Promise<AccountInfo> {
      await sipAccounts();
      return { label: customerNumber };
    },

    listDevices: sipAccounts,
    listCallerIds: async () => [],
    listSmsSenders: async () => [],

    async placeCall(call: CallRequest): Promise<PlacedCall> {
      if (!call.deviceId) throw new ProviderError('invalid-input', 'errNoDevice');
      if (!isE164(call.target)) throw new ProviderError('invalid-input', 'errInvalidNumber');
      await request('action', 'call.php', [
        ['sipacc', call.deviceId],
        ['telnr', call.target.slice(1)],
      ]);
      return {};
    },

    callState: () => Promise.reject(providerError('unsupported')),
    hangUp: () => Promise.reject(providerError('unsupported')),
    sendSms: () => Promise.reject(providerError('unsupported')),

    async history(range: HistoryRange): Promise<readonly HistoryRecord[]> {
      const records: HistoryRecord[] = [];
      // One day per request, newest first; sequential so each carries a fresh timestamp.
      for (const day of daysIn(range)) {
        const body = await request('read', 'get.php', [menu('calls'), ['id', '0']], [['filter', day]]);
        for (const entry of entriesOf(body)) records.push(...toRecord(entry));
      }
      return records
        .filter((record) => record.startedAt >= range.from && record.startedAt < range.to)
        .sort((a, b) => b.startedAt - a.startedAt);
    },
  };
}

const menu = (m: string): Param => ['m', m];

/**
 * The `body` of a successful answer. Errors in `head` (10–17) or `body` (1, 2, 20, 21, 25) become
 * their own ProviderError. An answer that is neither leaves a read failed and an action unknown.
 */
function okBody(answer: Answer, kind: RequestKind): Record<string, unknown> {
  const json = asRecord(answer.json);
  const head = asRecord(json?.head);
  const body = asRecord(json?.body);
  const headError = textOf(head?.error_number);
  if (headError) throw voipcenterError(headError, head?.error_message);
  const bodyError = textOf(body?.error_number);
  if (bodyError) throw voipcenterError(bodyError, body?.error_message);
  if (head && body && isOne(head.status) && isOne(body.status)) return body;
  if (answer.status >= 200 && answer.status < 300) {
    throw providerError(kind === 'action' ? 'unknown-outcome' : 'bad-response', [String(answer.status)]);
  }
  throw unexpectedAnswer(answer, kind);
}

function isOne(value: unknown): boolean {
  return value === '1' || value === 1 || value === true;
}

function voipcenterError(number: string, message: unknown): ProviderError {
  const text = textOf(message) ?? '';
  const known = ERROR_CODES[number];
  if (known) return new ProviderError(known.code, known.reason, [text]);
  return new ProviderError('rejected', UNKNOWN_ERROR_REASON, [number, text]);
}

interface Entry {
  readonly key: string;
  readonly row: Record<string, unknown>;
}

/**
 * The items in a body, wherever they sit: `id_<n>` objects directly in the body (what the public
 * PHP client reads), an array under some key, or one more level of `id_<n>` objects.
 */
function entriesOf(body: Record<string, unknown>, depth = 0): Entry[] {
  const entries: Entry[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        const row = asRecord(item);
        if (row) entries.push({ key: `${key}.${index}`, row });
      });
      continue;
    }
    const row = asRecord(value);
    if (!row) continue;
    const values = Object.values(row);
    const isContainer = values.length > 0 && values.every((v) => asRecord(v) !== undefined);
    if (isContainer && depth === 0) entries.push(...entriesOf(row, depth + 1));
    else entries.push({ key, row });
  }
  return entries;
}

function toDevice(row: Record<string, unknown>): Device[] {
  // call.php's `sipacc` is the SIP account's user name, so that is the device id.
  const id = firstText(row, ['SIPusername', 'sipUsername', 'sipusername', 'username', 'sipacc', 'login']);
  if (!id) return [];
  const person = [firstText(row, ['voornaam', 'firstName']), firstText(row, ['naam', 'name'])].filter(Boolean);
  const name = firstText(row, ['logname', 'logName', 'logicalName', 'description']) ?? (person.join(' ') || id);
  return [{ id, name }];
}

/** Brussels calendar days (`YYYYMMDD`) that overlap the range, newest first, at most a week. */
function daysIn(range: HistoryRange): string[] {
  if (range.to <= range.from) return [];
  const first = formatZonedDate(range.from, VOIPCENTER_TIME_ZONE);
  const last = formatZonedDate(range.to - 1, VOIPCENTER_TIME_ZONE);
  // Calendar arithmetic on the date itself, so days of 23 or 25 hours are neither skipped nor doubled.
  const cursor = new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(4, 6)) - 1, Number(last.slice(6, 8))));
  const days: string[] = [];
  while (days.length < VOIPCENTER_HISTORY_DAYS) {
    const day = cursor.toISOString().slice(0, 10).replaceAll('-', '');
    if (day < first) break;
    days.push(day);
    cursor.setUTCDate(cursor.getUTCDate() - 1);
  }
  return days;
}

const INCOMING = /^(in|inkomend|incoming|inbound|binnenkomend)$/i;

const OUTCOMES: readonly [RegExp, HistoryOutcome][] = [
  [/^(answered|beantwoord|opgenomen|connected|success|ok|1)$/i, 'answered'],
  [/^(no.?answer|niet.?beantwoord|missed|gemist|unanswered)$/i, 'missed'],
  [/^(busy|bezet)$/i, 'busy'],
  [/^(failed|mislukt|congestion|error|cancel(l?ed)?)$/i, 'failed'],
];

function toRecord({ key, row }: Entry): HistoryRecord[] {
  const startedAt = startOf(row);
  if (startedAt === undefined) return [];
  const from = toE164(firstText(row, ['van', 'from', 'src', 'bron', 'caller', 'callerid']) ?? '', 'BE');
  const to = toE164(firstText(row, ['naar', 'to', 'dst', 'bestemming', 'callee', 'destination']) ?? '', 'BE');
  const duration = Number(firstText(row, ['duur', 'duration', 'billsec', 'seconds', 'lengte']));
  const rawDirection = firstText(row, ['richting', 'direction', 'type', 'soort']) ?? '';
  // Without a direction the entry is most likely one of the user's own callbacks.
  const direction: HistoryDirection = INCOMING.test(rawDirection) ? 'incoming' : 'outgoing';
  const rawStatus = firstText(row, ['status', 'disposition', 'resultaat', 'result']) ?? '';
  const outcome =
    OUTCOMES.find(([pattern]) => pattern.test(rawStatus))?.[1] ??
    (Number.isFinite(duration) && duration > 0 ? 'answered' : 'unknown');
  const id = firstText(row, ['id', 'ID', 'callid', 'uniqueid']) ?? (key.startsWith('id_') ? key.slice(3) : undefined);
  return [
    {
      id: `voipcenter:${id ?? `${startedAt}:${from}:${to}`}`,
      kind: 'call',
      direction,
      outcome,
      from,
      to,
      startedAt,
      ...(Number.isFinite(duration) ? { durationSeconds: duration } : {}),
    },
  ];
}

function startOf(row: Record<string, unknown>): number | undefined {
  const stamp = firstText(row, ['datum', 'date', 'start', 'calldate', 'tijdstip', 'datetime', 'timestamp']);
  if (stamp === undefined) return undefined;
  if (/^\d{10}$/.test(stamp)) return Number(stamp) * 1000;
  const time = firstText(row, ['tijd', 'time', 'uur']);
  const text = /^\d{4}-\d{2}-\d{2}$/.test(stamp) && time ? `${stamp} ${time}` : stamp;
  const compact = /^(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?(\d{2})?$/.exec(text);
  if (compact) {
    const [, y, mo, d, h = '00', mi = '00', s = '00'] = compact;
    return parseZoned(`${y}-${mo}-${d} ${h}:${mi}:${s}`, VOIPCENTER_TIME_ZONE);
  }
  if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(text) && text.includes('T')) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return parseZoned(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text} 00:00:00` : text, VOIPCENTER_TIME_ZONE);
}
