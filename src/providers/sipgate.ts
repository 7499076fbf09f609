/**
 * sipgate REST API v2 (provider-facts.md; provider-docs/sipgate-rest-api.txt is the older API it
 * replaced). JSON over HTTPS with HTTP Basic auth: a personal access token's id as user name and the
 * token as password. There is no session to renew, so a 401 is a credentials problem, never a
 * reason to log in again. The user id (`w0`) from `/authorization/userinfo` is kept in the session
 * store so each request does not ask for it again.
 *
 * ASSUMED (kept here, covered by tests):
 * - caller ids are the numbers on the user's phonelines:
 *   `GET /{userId}/phonelines` → `GET /{userId}/phonelines/{id}/numbers` (`{items: [{number}]}`);
 * - running calls: `GET /{userId}/sessions/calls` → `{items: [{sessionId, status}]}`; a call not
 *   listed has ended; status words are matched loosely.
 *
 * Do not disturb. provider-docs/sipgate-rest-api.txt describes
 * `GET|POST /{userId}/settings/extensions/{extensionId}/dnd`, but that is the older API: API v2
 * (sipgate's OpenAPI spec "sipgate API 2.0.0", servers `https://api.sipgate.com/v2`) has no
 * `settings/extensions` resource. What v2 offers, and a personal access token reaches, is the
 * `dnd` flag of each device:
 * - read: `GET /{userId}/devices` → `{items: [{id, type, dnd, …}]}` (scope `devices:read`, already
 *   needed for the device list);
 * - write: `PUT /devices/{deviceId}` with the JSON body `{"dnd": true|false}` (the spec's
 *   ChangeDeviceRequest; scope `devices:write`). Its answer carries no state (`default:
 *   successful operation`), so the state shown afterwards comes from a fresh read.
 * DECIDED (the API has no account-wide switch): the user is `dnd` when every device that can ring
 * (the same REGISTER/MOBILE/EXTERNAL set offered for calls) has `dnd` on, and `available` as soon
 * as one of them would still ring. Switching sets every such device whose flag differs, one PUT
 * each; the PUT is idempotent, so like a read it may be sent again after a lost answer.
 */
import { PROVIDER_CAPABILITIES, SIPGATE_SMS_MAX_LENGTH } from './catalog';
import { ProviderError, providerError } from './errors';
import { type Answer, createHttp, type RequestKind, send, unexpectedAnswer } from './http';
import { asRecord, firstText, listOf, textOf } from './json';
import { isE164, toE164 } from './numbers';
import { SessionKeeper } from './session';
import type {
  AccountInfo,
  CallerId,
  CallRequest,
  CallState,
  Device,
  HistoryOutcome,
  HistoryRange,
  HistoryRecord,
  PlacedCall,
  PresenceState,
  Provider,
  ProviderContext,
  SmsRequest,
  SmsSender,
} from './types';

const HISTORY_PAGE_SIZE = 100;
const HISTORY_MAX_PAGES = 5;
/** Device types that can ring for a callback: SIP phones, sipgate mobile, external numbers. */
const RINGING_DEVICE_TYPES = new Set(['REGISTER', 'MOBILE', 'EXTERNAL']);

export interface SipgateCredentials {
  /** The personal access token's id (`token-…`), sent as the Basic auth user name. */
  readonly tokenId: string;
  readonly token: string;
}

export interface SipgateSession {
  readonly userId: string;
}

export function isSipgateSession(value: unknown): value is SipgateSession {
  const userId = asRecord(value)?.userId;
  return typeof userId === 'string' && userId !== '';
}

interface RequestOptions {
  readonly json?: object;
  readonly searchParams?: URLSearchParams;
}

export function createSipgate(ctx: ProviderContext<SipgateCredentials, SipgateSession>): Provider {
  const http = createHttp(ctx);
  const { tokenId, token } = ctx.credentials;

  async function request(
    kind: RequestKind,
    method: 'get' | 'post' | 'put' | 'delete',
    path: string,
    options: RequestOptions = {},
  ): Promise<Answer> {
    if (!tokenId || !token) throw new ProviderError('auth', 'errMissingCredentials');
    return send(http, kind, path, {
      method,
      headers: { authorization: basicAuth(tokenId, token), accept: 'application/json' },
      ...options,
    });
  }

  /** JSON of a 2xx answer as an object; errors as ProviderError. */
  async function read(path: string, searchParams?: URLSearchParams): Promise<Record<string, unknown>> {
    const answer = await request('read', 'get', path, searchParams ? { searchParams } : {});
    failUnlessOk(answer, 'read');
    const json = asRecord(answer.json);
    if (!json) throw providerError('bad-response', [path]);
    return json;
  }

  const sessions = new SessionKeeper<SipgateSession>(ctx.sessions, async () => {
    const userId = textOf((await read('authorization/userinfo')).sub);
    if (!userId) throw providerError('bad-response', ['sub']);
    return { userId };
  });
  const userPath = async (rest: string) => `${encodeURIComponent((await sessions.current()).userId)}/${rest}`;

  async function listSmsSenders(): Promise<SmsSender[]> {
    const body = await read(await userPath('sms'));
    return listOf(body.items, 'items').flatMap((item) => {
      const id = textOf(item.id);
      return id ? [{ id, label: textOf(item.alias) ?? id }] : [];
    });
  }

  /** The user's devices that can ring, each with its do-not-disturb flag as sipgate reports it. */
  async function ringingDevices(): Promise<{ readonly id: string; readonly dnd: boolean }[]> {
    const body = await read(await userPath('devices'));
    return listOf(body.items, 'items').flatMap((item) => {
      const id = textOf(item.id);
      const type = textOf(item.type)?.toUpperCase();
      if (!id || !type || !RINGING_DEVICE_TYPES.has(type)) return [];
      if (typeof item.dnd !== 'boolean') throw providerError('bad-response', ['dnd']);
      return [{ id, dnd: item.dnd }];
    });
  }

  async function readPresence(): Promise<PresenceState> {
    const devices = await ringingDevices();
    if (devices.length === 0) throw new ProviderError('unsupported', 'errSipgateNoDevices');
    return devices.every((device) => device.dnd) ? 'dnd' : 'available';
  }

  return {
    id: 'sipgate',
    capabilities: PROVIDER_CAPABILITIES.sipgate,

    async verify(): Promise<AccountInfo> {
      await sessions.forget();
      const { userId } = await sessions.current();
      return { label: userId };
    },

    async listDevices(): Promise<readonly Device[]> {
      const body = await read(await userPath('devices'));
      return listOf(body.items, 'items').flatMap((item) => {
        const id = textOf(item.id);
        const type = textOf(item.type)?.toUpperCase();
        if (!id || !type || !RINGING_DEVICE_TYPES.has(type)) return [];
        return [{ id, name: textOf(item.alias) ?? id }];
      });
    },

    async listCallerIds(): Promise<readonly CallerId[]> {
      const lines = listOf((await read(await userPath('phonelines'))).items, 'items');
      const perLine = await Promise.all(
        lines.map(async (line) => {
          const lineId = textOf(line.id);
          if (!lineId) return [];
          const body = await read(await userPath(`phonelines/${encodeURIComponent(lineId)}/numbers`));
          const alias = textOf(line.alias);
          return listOf(body.items, 'items').flatMap((item) => {
            const number = textOf(item.number);
            return number && isE164(number) ? [{ id: number, number, label: alias ?? number }] : [];
          });
        }),
      );
      // A number may sit on several phonelines; offer it once.
      const unique = new Map<string, CallerId>();
      for (const callerId of perLine.flat()) if (!unique.has(callerId.number)) unique.set(callerId.number, callerId);
      return [...unique.values()];
    },

    listSmsSenders,

    async placeCall(call: CallRequest): Promise<PlacedCall> {
      if (!call.deviceId) throw new ProviderError('invalid-input', 'errNoDevice');
      if (!isE164(call.target)) throw new ProviderError('invalid-input', 'errInvalidNumber');
      // `caller` is the device that rings first; `deviceId` the one the call is made from.
      const body = {
        deviceId: call.deviceId,
        caller: call.deviceId,
        callee: call.target,
        ...(call.callerId ? { callerId: call.callerId } : {}),
      };
      const answer = await request('action', 'post', 'sessions/calls', { json: body });
      failUnlessOk(answer, 'action');
      // A 2xx means sipgate took the call on; without a sessionId it simply cannot be hung up.
      const sessionId = textOf(asRecord(answer.json)?.sessionId);
      return sessionId ? { callId: sessionId } : {};
    },

    async callState(call: PlacedCall): Promise<CallState> {
      if (!call.callId) throw providerError('unsupported');
      const body = await read(await userPath('sessions/calls'));
      const running = listOf(body.items, 'items').find((item) => textOf(item.sessionId) === call.callId);
      return running ? stateOf(textOf(running.status) ?? '') : 'ended';
    },

    async hangUp(call: PlacedCall): Promise<void> {
      if (!call.callId) throw providerError('unsupported');
      const answer = await request('action', 'delete', `sessions/calls/${encodeURIComponent(call.callId)}`);
      // 404: the call is already over, which is what the user wanted.
      if (answer.status === 404) return;
      failUnlessOk(answer, 'action');
    },

    async sendSms(sms: SmsRequest): Promise<void> {
      if (!isE164(sms.recipient)) throw new ProviderError('invalid-input', 'errInvalidNumber');
      if (sms.message.trim() === '') throw new ProviderError('invalid-input', 'errSmsEmpty');
      // Characters as people count them (code points), not UTF-16 units.
      const length = [...sms.message].length;
      if (length > SIPGATE_SMS_MAX_LENGTH) {
        throw new ProviderError('invalid-input', 'errSmsTooLong', [String(length), String(SIPGATE_SMS_MAX_LENGTH)]);
      }
      const smsId = sms.senderId ?? (await listSmsSenders())[0]?.id;
      if (!smsId) throw new ProviderError('unsupported', 'errSipgateNoSmsSender');
      const answer = await request('action', 'post', 'sessions/sms', {
        json: { smsId, recipient: sms.recipient, message: sms.message },
      });
      failUnlessOk(answer, 'action');
    },

    async history(range: HistoryRange): Promise<readonly HistoryRecord[]> {
      const records: HistoryRecord[] = [];
      for (let page = 0; page < HISTORY_MAX_PAGES; page += 1) {
        const query = new URLSearchParams([
          ['types', 'CALL'],
          ['types', 'SMS'],
          ['from', new Date(range.from).toISOString()],
          ['to', new Date(range.to).toISOString()],
          ['offset', String(page * HISTORY_PAGE_SIZE)],
          ['limit', String(HISTORY_PAGE_SIZE)],
        ]);
        const body = await read('history', query);
        const items = listOf(body.items, 'items');
        records.push(...items.flatMap(toRecord));
        const total = Number(body.totalCount);
        const fetched = page * HISTORY_PAGE_SIZE + items.length;
        if (items.length < HISTORY_PAGE_SIZE || !(fetched < total)) break;
      }
      return records
        .filter((record) => record.startedAt >= range.from && record.startedAt < range.to)
        .sort((a, b) => b.startedAt - a.startedAt);
    },

    readPresence,

    async setPresence(state: PresenceState): Promise<void> {
      if (state !== 'available' && state !== 'dnd') throw providerError('unsupported', [state]);
      const dnd = state === 'dnd';
      const devices = await ringingDevices();
      if (devices.length === 0) throw new ProviderError('unsupported', 'errSipgateNoDevices');
      // One after the other: the first refusal (a missing scope) stops the rest.
      for (const device of devices.filter((d) => d.dnd !== dnd)) {
        const answer = await request('read', 'put', `devices/${encodeURIComponent(device.id)}`, { json: { dnd } });
        // The token reads devices but may not change them: say which permission is missing.
        if (answer.status === 403) throw new ProviderError('auth', 'errSipgateDndScope');
        failUnlessOk(answer, 'read');
      }
    },
  };
}

/** `Basic base64(id:token)`, byte-exact for any characters the token may hold. */
function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

function failUnlessOk(answer: Answer, kind: RequestKind): void {
  if (answer.status >= 200 && answer.status < 300) return;
  if (answer.status === 401) throw new ProviderError('auth', 'errSipgateToken');
  // The token is valid but lacks the scope this needs (personal access tokens carry scopes).
  if (answer.status === 403) throw new ProviderError('auth', 'errSipgateScope');
  if ([400, 404, 409, 422].includes(answer.status)) {
    throw new ProviderError('rejected', 'errSipgateRejected', [messageOf(answer)]);
  }
  throw unexpectedAnswer(answer, kind);
}

function messageOf(answer: Answer): string {
  const json = asRecord(answer.json);
  const text = json ? firstText(json, ['message', 'error', 'detail']) : textOf(answer.text);
  return (text ?? String(answer.status)).slice(0, 200);
}

function stateOf(status: string): CallState {
  if (/end|hang|term|clos|fail|busy|reject/i.test(status)) return 'ended';
  if (/connect|establish|active|talk|answer|up$/i.test(status)) return 'connected';
  // Listed but in no recognisable state: the call is still being set up.
  return 'ringing';
}

const CALL_OUTCOMES: Readonly<Record<string, HistoryOutcome>> = {
  SUCCESS: 'answered',
  BUSY: 'busy',
  MISSED: 'missed',
  REJECTED: 'failed',
  FAILURE: 'failed',
};

function toRecord(item: Record<string, unknown>): HistoryRecord[] {
  const type = textOf(item.type)?.toUpperCase();
  if (type !== 'CALL' && type !== 'SMS') return [];
  const id = textOf(item.id);
  const startedAt = Date.parse(textOf(item.created) ?? '');
  if (!id || Number.isNaN(startedAt)) return [];
  const direction = textOf(item.direction)?.toUpperCase() ?? '';
  const missed = direction.startsWith('MISSED_');
  const duration = Number(item.duration);
  const outcome: HistoryOutcome =
    type === 'SMS'
      ? textOf(item.status)?.toUpperCase() === 'FAILURE'
        ? 'failed'
        : 'unknown'
      : missed
        ? 'missed'
        : (CALL_OUTCOMES[textOf(item.callStatus)?.toUpperCase() ?? ''] ?? 'unknown');
  return [
    {
      id: `sipgate:${id}`,
      kind: type === 'CALL' ? 'call' : 'sms',
      direction: direction.endsWith('INCOMING') ? 'incoming' : 'outgoing',
      outcome,
      from: toE164(textOf(item.source) ?? '', 'DE'),
      to: toE164(textOf(item.target) ?? '', 'DE'),
      startedAt,
      ...(type === 'CALL' && item.duration !== undefined && Number.isFinite(duration)
        ? { durationSeconds: duration }
        : {}),
    },
  ];
}
