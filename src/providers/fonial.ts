/**
 * fonial API 2.0 (provider-docs/fonial-api-2.0.de.txt): every method is a POST with a JSON body;
 * a session id from `/session` is authenticated once and sent with every request. An expired sid
 * is answered with an error saying the session is invalid.
 */
import { PROVIDER_CAPABILITIES } from './catalog';
import { ProviderError, providerError } from './errors';
import { type Answer, createHttp, type RequestKind, send, unexpectedAnswer } from './http';
import { asRecord, listOf } from './json';
import { isE164 } from './numbers';
import { SessionKeeper } from './session';
import type {
  AccountInfo,
  CallRequest,
  Device,
  HistoryOutcome,
  HistoryRange,
  HistoryRecord,
  PlacedCall,
  Provider,
  ProviderContext,
} from './types';
import { formatZoned, parseZoned } from './zoned-time';

/** fonial's timestamps (EVN, journal) are German wall-clock time. */
const FONIAL_TIME_ZONE = 'Europe/Berlin';

export interface FonialCredentials {
  readonly username: string;
  readonly password: string;
}

export interface FonialSession {
  readonly sid: string;
}

/** Guards what comes back from session storage (it may predate this version). */
export function isFonialSession(value: unknown): value is FonialSession {
  return typeof asRecord(value)?.sid === 'string';
}

export function createFonial(ctx: ProviderContext<FonialCredentials, FonialSession>): Provider {
  const http = createHttp(ctx);

  async function post(kind: RequestKind, path: string, body: object): Promise<Record<string, unknown>> {
    const answer = await send(http, kind, path, { method: 'post', json: body });
    return okBody(answer, kind);
  }

  async function login(): Promise<FonialSession> {
    const opened = await post('read', 'session', {});
    const sid = opened.sid;
    if (typeof sid !== 'string' || sid === '') throw providerError('bad-response', ['sid']);
    const authenticated = await post('read', 'session/authenticate', {
      sid,
      username: ctx.credentials.username,
      password: ctx.credentials.password,
    });
    // Public clients treat any truthy value as success (`true` or `"1"`).
    const flag = authenticated.authenticated;
    if (flag !== true && flag !== '1' && flag !== 1) throw providerError('auth');
    return { sid: typeof authenticated.sid === 'string' && authenticated.sid ? authenticated.sid : sid };
  }

  const sessions = new SessionKeeper(ctx.sessions, login);
  const withSid = <T>(task: (sid: string) => Promise<T>) => sessions.run((s) => task(s.sid));

  return {
    id: 'fonial',
    capabilities: PROVIDER_CAPABILITIES.fonial,

    async verify(): Promise<AccountInfo> {
      await sessions.forget();
      await sessions.current();
      return { label: ctx.credentials.username };
    },

    listDevices: () =>
      withSid(async (sid) => {
        const body = await post('read', 'devices/get', { sid });
        return listOf(body.devices, 'devices').map(toDevice);
      }),

    listCallerIds: async () => [],
    listSmsSenders: async () => [],

    placeCall: (request: CallRequest): Promise<PlacedCall> =>
      withSid(async (sid) => {
        const device = Number(request.deviceId);
        if (!request.deviceId || !Number.isInteger(device)) throw new ProviderError('invalid-input', 'errNoDevice');
        if (!isE164(request.target)) throw new ProviderError('invalid-input', 'errInvalidNumber');
        await post('action', 'call/initiate', { sid, device, target: request.target });
        return {};
      }),

    callState: () => Promise.reject(providerError('unsupported')),
    hangUp: () => Promise.reject(providerError('unsupported')),
    sendSms: () => Promise.reject(providerError('unsupported')),

    history: (range: HistoryRange) =>
      withSid(async (sid) => {
        const span = {
          sid,
          start: formatZoned(range.from, FONIAL_TIME_ZONE),
          end: formatZoned(range.to, FONIAL_TIME_ZONE),
        };
        const [evn, journal] = await Promise.all([post('read', 'evn/get', span), post('read', 'journal/get', span)]);
        const records = [
          ...listOf(evn.evn, 'evn').flatMap(outgoingRecord),
          ...listOf(journal.journal, 'journal').flatMap(incomingRecord),
        ];
        return records.sort((a, b) => b.startedAt - a.startedAt);
      }),
  };
}

/**
 * The body of an `ok` answer; otherwise the matching ProviderError. A 2xx whose body cannot be read
 * leaves an action's outcome unknown (fonial may have placed the call).
 */
function okBody(answer: Answer, kind: RequestKind): Record<string, unknown> {
  const body = asRecord(answer.json);
  if (body?.status === 'ok') return body;
  if (body?.status === 'error') {
    const message = typeof body.error === 'string' ? body.error : '';
    if (/session|sid/i.test(message)) throw new ProviderError('session-expired', 'errSessionExpired', [message]);
    if (/auth|password|passwort|user/i.test(message)) throw new ProviderError('auth', 'errAuth', [message]);
    throw new ProviderError('rejected', 'errFonialRejected', [message]);
  }
  if (answer.status >= 200 && answer.status < 300) {
    throw providerError(kind === 'action' ? 'unknown-outcome' : 'bad-response', [String(answer.status)]);
  }
  throw unexpectedAnswer(answer, kind);
}

function toDevice(raw: Record<string, unknown>): Device {
  const id = raw.id;
  if (typeof id !== 'number' && typeof id !== 'string') throw providerError('bad-response', ['device id']);
  return { id: String(id), name: typeof raw.name === 'string' && raw.name ? raw.name : `#${id}` };
}

function outgoingRecord(raw: Record<string, unknown>): HistoryRecord[] {
  const startedAt = typeof raw.dateStart === 'string' ? parseZoned(raw.dateStart, FONIAL_TIME_ZONE) : undefined;
  if (startedAt === undefined) return [];
  const duration = Number(raw.duration);
  const from = String(raw.from ?? '');
  const to = String(raw.to ?? '');
  return [
    {
      id: `fonial:out:${startedAt}:${to}`,
      kind: 'call',
      direction: 'outgoing',
      // The EVN lists billed connections only, so every entry was answered.
      outcome: 'answered',
      from,
      to,
      startedAt,
      ...(Number.isFinite(duration) ? { durationSeconds: duration } : {}),
    },
  ];
}

const JOURNAL_OUTCOMES: Record<string, HistoryOutcome> = {
  TAKEN: 'answered',
  MISSED: 'missed',
  BUSY: 'busy',
  FAILED: 'failed',
};

function incomingRecord(raw: Record<string, unknown>): HistoryRecord[] {
  const startedAt = typeof raw.date === 'string' ? parseZoned(raw.date, FONIAL_TIME_ZONE) : undefined;
  if (startedAt === undefined) return [];
  const from = String(raw.from ?? '');
  return [
    {
      id: `fonial:in:${startedAt}:${from}`,
      kind: 'call',
      direction: 'incoming',
      outcome: JOURNAL_OUTCOMES[String(raw.status).toUpperCase()] ?? 'unknown',
      from,
      to: String(raw.to ?? ''),
      startedAt,
    },
  ];
}
