/**
 * Fonema virtual PBX API (provider-docs/fonema-api.es.txt, provider-facts.md). `login` (GET with
 * `login` and `password`) returns `response.token`; every other method sends
 * `Authorization: bearer <token>`. GET methods take query parameters, POST methods a JSON body.
 * Success is HTTP 200; every failure is HTTP 500 with a message.
 *
 * Decisions (kept here, covered by tests):
 * - A refused token is either a 401 or a 500 whose message speaks of the token or of not being
 *   authenticated (`TOKEN_REFUSED`). Either way the token is dropped, one new login is made and the
 *   request runs once more: the refused request did nothing, so repeating it (even makeCall) is safe.
 * - Because a 500 is Fonema's ordinary "no" (wrong password, not allowed, …), reads are not retried
 *   on 500, only on gateway statuses (502/503/504), timeouts and 429.
 * - Only JSON bodies count as Fonema's own messages; a 500 with an HTML or text page came from
 *   something in between and is treated as an outage (or, for makeCall, as an unknown outcome).
 * - Answers may or may not be wrapped in `{response: …}` like login's is; both are accepted.
 * - ASSUMED: the user's id (needed by getUser and getCallsPost) is not in login's answer as
 *   documented. It is taken from login's answer if present there, else from getUsers (matched by
 *   login; admin accounts only). Without it devices stay empty and history asks for userId 0.
 * - makeCall rings the user's own devices (reach-me); none can be chosen, so `devices` is off and
 *   `listDevices` only describes what will ring.
 * - makeCall's caller id: the chosen one, else the user's default (getUser), else the first allowed
 *   one (getCallerIds). getCallerIds is for administrators; when Fonema refuses it (and the user's
 *   own id is unknown) the list is empty and makeCall goes without `callerId`, ASSUMING Fonema then
 *   shows the user's default caller id.
 * - `number` is sent in E.164 with `+`, the format getCallerIds uses for `cli`.
 * - isOnCall cannot tell ringing from talking: a uuid means "connected", none means "ended".
 * - makeCall answers with no handle, yet call state and hang-up need the call's uuid (without one
 *   they could only act on "whatever call the user is on now", which may be another call). So
 *   placeCall asks isOnCall once right after makeCall succeeded and returns that uuid as `callId`.
 *   ASSUMED: right after makeCall the user's current call is the one just placed (Fonema's
 *   callback rings the user's own phone first, so isOnCall already reports it). The lookup never
 *   turns a placed call into an error: if it fails or gives no uuid, placeCall returns `{}` (the
 *   call was placed; only following it is lost). It catches every error, so a refused token there
 *   cannot make the session keeper run the task (and makeCall) again.
 * - Presence, as the doc's "Presencia" section has it: the current state is `presenceStatus` in the
 *   answer of `getNotifications` (GET, no parameters, any user). Not `getUser`: its documented
 *   fields have no presence. The switch is `changePresenceStatus` (POST `{userId, status}`, status
 *   `online`/`away`/`dnd`/`offline`, answered with a bare 200). `online` is shown as "available".
 *   It needs the user's own id, which only login's answer or getUsers (administrators) can give;
 *   without it the switch is refused before anything is sent (errFonemaNoUserId).
 */
import { PROVIDER_CAPABILITIES } from './catalog';
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
} from './types';
import { formatZoned, parseZoned } from './zoned-time';

/** Call dates are Spanish wall-clock time. */
const FONEMA_TIME_ZONE = 'Europe/Madrid';
/** Not 500: that is Fonema's answer for every refusal, and repeating a refusal helps no one. */
const FONEMA_RETRY_STATUSES = [408, 429, 502, 503, 504];
const TOKEN_REFUSED =
  /token|no autenticad|not authenticated|unauthori[sz]ed|no autorizad|sesi[oó]n (caducada|expirada|no v[aá]lida)|session expired/i;
const HISTORY_MAX_PAGES = 5;
/** Fonema's presence words (changePresenceStatus `status`, getNotifications `presenceStatus`). */
const FONEMA_PRESENCE: Readonly<Record<PresenceState, string>> = {
  available: 'online',
  away: 'away',
  dnd: 'dnd',
  offline: 'offline',
};

export interface FonemaCredentials {
  /** The user name used for Fonema's app and control panel (`login`). */
  readonly username: string;
  readonly password: string;
}

export interface FonemaSession {
  readonly token: string;
  readonly userId?: string;
}

export function isFonemaSession(value: unknown): value is FonemaSession {
  const record = asRecord(value);
  return (
    typeof record?.token === 'string' &&
    record.token !== '' &&
    (record.userId === undefined || typeof record.userId === 'string')
  );
}

interface RequestOptions {
  readonly json?: object;
  readonly searchParams?: Record<string, string>;
}

export function createFonema(ctx: ProviderContext<FonemaCredentials, FonemaSession>): Provider {
  const http = createHttp({ ...ctx, retryStatuses: FONEMA_RETRY_STATUSES });
  const { username, password } = ctx.credentials;

  /** One authenticated method call; the answer's data (envelope removed) or a ProviderError. */
  async function call(
    kind: RequestKind,
    method: 'get' | 'post',
    path: string,
    token: string,
    options: RequestOptions = {},
  ): Promise<unknown> {
    const answer = await send(http, kind, path, { method, headers: { authorization: `bearer ${token}` }, ...options });
    if (answer.status >= 200 && answer.status < 300) return unwrap(answer.json);
    if (answer.status === 401) throw new ProviderError('session-expired', 'errSessionExpired', ['401']);
    const message = messageOf(answer);
    if (answer.status === 500 && message !== undefined) {
      if (TOKEN_REFUSED.test(message)) throw new ProviderError('session-expired', 'errSessionExpired', [message]);
      throw message ? new ProviderError('rejected', 'errFonemaRejected', [message]) : providerError('rejected');
    }
    throw unexpectedAnswer(answer, kind);
  }

  async function login(): Promise<FonemaSession> {
    if (!username || !password) throw new ProviderError('auth', 'errMissingCredentials');
    const answer = await send(http, 'read', 'login', { method: 'get', searchParams: { login: username, password } });
    if (answer.status < 200 || answer.status >= 300) {
      const message = messageOf(answer);
      if (answer.status === 500 && message !== undefined) throw providerError('auth', message ? [message] : []);
      throw unexpectedAnswer(answer);
    }
    const json = asRecord(answer.json);
    const response = asRecord(json?.response);
    const token = textOf(response?.token ?? json?.token);
    if (!token) throw providerError('bad-response', ['token']);
    const userId = textOf(response?.userId ?? response?.id ?? asRecord(response?.user)?.id) ?? (await ownUserId(token));
    return userId ? { token, userId } : { token };
  }

  /** getUsers is for administrators; for anyone else it is refused and the id stays unknown. */
  async function ownUserId(token: string): Promise<string | undefined> {
    let users: Record<string, unknown>[];
    try {
      users = listOf(await call('read', 'get', 'getUsers', token), 'users');
    } catch (error) {
      if (error instanceof ProviderError && error.code === 'rejected') return undefined;
      throw error;
    }
    const wanted = username.toLowerCase();
    const me = users.find((user) =>
      [textOf(user.login), textOf(user.email)].some((name) => name?.toLowerCase() === wanted),
    );
    return me ? textOf(me.id) : undefined;
  }

  const sessions = new SessionKeeper<FonemaSession>(ctx.sessions, login);

  async function getUser(session: FonemaSession): Promise<Record<string, unknown> | undefined> {
    if (!session.userId) return undefined;
    const user = asRecord(
      await call('read', 'get', 'getUser', session.token, { searchParams: { userId: session.userId } }),
    );
    if (!user) throw providerError('bad-response', ['getUser']);
    return user;
  }

  async function callerIds(session: FonemaSession): Promise<CallerId[]> {
    let data: unknown;
    try {
      data = await call('read', 'get', 'getCallerIds', session.token, {
        searchParams: { userid: session.userId ?? '' },
      });
    } catch (error) {
      // Not an administrator: the account simply offers no choice of caller id.
      if (error instanceof ProviderError && error.code === 'rejected') return [];
      throw error;
    }
    if (!Array.isArray(data)) throw providerError('bad-response', ['getCallerIds']);
    return listOf(data, 'getCallerIds').flatMap((item) => {
      const cli = textOf(item.cli);
      if (!cli) return [];
      const number = toE164(cli, 'ES');
      return [{ id: cli, number, label: textOf(item.description) ?? number }];
    });
  }

  async function defaultCallerId(session: FonemaSession): Promise<string | undefined> {
    const fromUser = textOf((await getUser(session))?.defaultCallerId);
    if (fromUser) return fromUser;
    return (await callerIds(session))[0]?.id;
  }

  async function currentCall(session: FonemaSession): Promise<string | undefined> {
    return textOf(asRecord(await call('read', 'get', 'isOnCall', session.token))?.uuid);
  }

  /** The uuid of the call makeCall just set up, if isOnCall tells it; never an error (module comment). */
  async function placedCall(session: FonemaSession): Promise<PlacedCall> {
    try {
      const uuid = await currentCall(session);
      return uuid ? { callId: uuid } : {};
    } catch {
      return {};
    }
  }

  return {
    id: 'fonema',
    capabilities: PROVIDER_CAPABILITIES.fonema,

    async verify(): Promise<AccountInfo> {
      await sessions.forget();
      await sessions.current();
      return { label: username };
    },

    listDevices: () =>
      sessions.run(async (session): Promise<Device[]> => {
        const user = await getUser(session);
        if (!user) return [];
        const devices: Device[] = [];
        const extension = textOf(user.extNumber);
        const person = [textOf(user.firstName), textOf(user.lastName)].filter(Boolean).join(' ');
        if (extension) devices.push({ id: `ext:${extension}`, name: person ? `${person} (${extension})` : extension });
        const mobile = textOf(user.mobileNumber);
        if (mobile && textOf(user.mobileType) !== 'none') devices.push({ id: 'mobile', name: toE164(mobile, 'ES') });
        return devices;
      }),

    listCallerIds: () => sessions.run(callerIds),
    listSmsSenders: async () => [],

    placeCall: (request: CallRequest): Promise<PlacedCall> => {
      if (!isE164(request.target)) return Promise.reject(new ProviderError('invalid-input', 'errInvalidNumber'));
      return sessions.run(async (session) => {
        const callerId = request.callerId ?? (await defaultCallerId(session));
        await call('action', 'post', 'makeCall', session.token, {
          json: { number: request.target, ...(callerId ? { callerId } : {}), v: '2.0' },
        });
        return placedCall(session);
      });
    },

    callState: (placed: PlacedCall): Promise<CallState> =>
      sessions.run(async (session) => {
        const uuid = await currentCall(session);
        if (!uuid || (placed.callId !== undefined && placed.callId !== uuid)) return 'ended';
        return 'connected';
      }),

    hangUp: (placed: PlacedCall): Promise<void> =>
      sessions.run(async (session) => {
        // Without a callId (placeCall could not learn it) the call to end is the one the user is on now.
        const uuid = placed.callId ?? (await currentCall(session));
        if (!uuid) return;
        await call('action', 'post', 'hangupCall', session.token, { json: { uuid } });
      }),

    sendSms: () => Promise.reject(providerError('unsupported')),

    history: (range: HistoryRange): Promise<readonly HistoryRecord[]> =>
      sessions.run(async (session) => {
        const span = {
          userId: session.userId ?? '0',
          fechaInicio: formatZoned(range.from, FONEMA_TIME_ZONE).slice(0, 10),
          fechaFin: formatZoned(Math.max(range.from, range.to - 1), FONEMA_TIME_ZONE).slice(0, 10),
          tipo: '',
        };
        const records = new Map<string, HistoryRecord>();
        for (let pagina = 1; pagina <= HISTORY_MAX_PAGES; pagina += 1) {
          const data = asRecord(
            await call('read', 'post', 'getCallsPost', session.token, { json: { ...span, pagina } }),
          );
          if (!data) throw providerError('bad-response', ['getCallsPost']);
          const page = listOf(data.llamadas, 'llamadas').flatMap(toRecord);
          const fresh = page.filter((record) => !records.has(record.id));
          // An empty page, or one we already have (the page number was ignored), ends the list.
          if (fresh.length === 0) break;
          for (const record of fresh) records.set(record.id, record);
        }
        return [...records.values()]
          .filter((record) => record.startedAt >= range.from && record.startedAt < range.to)
          .sort((a, b) => b.startedAt - a.startedAt);
      }),

    readPresence: (): Promise<PresenceState> =>
      sessions.run(async (session) => {
        const status = textOf(asRecord(await call('read', 'get', 'getNotifications', session.token))?.presenceStatus);
        const state = (Object.keys(FONEMA_PRESENCE) as PresenceState[]).find(
          (key) => FONEMA_PRESENCE[key] === status?.toLowerCase(),
        );
        if (!state) throw providerError('bad-response', ['presenceStatus']);
        return state;
      }),

    setPresence: (state: PresenceState): Promise<void> =>
      sessions.run(async (session) => {
        if (!session.userId) throw new ProviderError('unsupported', 'errFonemaNoUserId');
        // Setting a state twice is harmless, so a lost answer may be asked again like a read.
        await call('read', 'post', 'changePresenceStatus', session.token, {
          json: { userId: session.userId, status: FONEMA_PRESENCE[state] },
        });
      }),
  };
}

/** Login's answer is `{response: {...}}`; other methods may be wrapped the same way. */
function unwrap(json: unknown): unknown {
  const record = asRecord(json);
  return record && 'response' in record && Object.keys(record).length <= 2 ? record.response : json;
}

/**
 * Fonema's own message in a failure answer: JSON only (see the module comment). `''` when the
 * JSON carries no text; undefined when the body was not JSON at all.
 */
function messageOf(answer: Answer): string | undefined {
  if (typeof answer.json === 'string') return textOf(answer.json);
  const json = asRecord(answer.json);
  if (!json) return undefined;
  const keys = ['message', 'mensaje', 'error', 'msg', 'description', 'descripcion'];
  const inner = asRecord(json.error) ?? asRecord(json.response);
  return firstText(json, keys) ?? (inner ? firstText(inner, keys) : undefined) ?? '';
}

const OUTCOMES: Readonly<Record<string, HistoryOutcome>> = {
  answer: 'answered',
  noanswer: 'missed',
  cancel: 'missed',
  'not-available': 'missed',
  busy: 'busy',
  'call-limit': 'busy',
};

function toRecord(row: Record<string, unknown>): HistoryRecord[] {
  const id = firstText(row, ['Id', 'id']);
  const direction = firstText(row, ['Direction', 'direction'])?.toLowerCase();
  // Internal calls (extension to extension) are not calls a CRM user redials.
  if (!id || (direction !== 'incoming' && direction !== 'outgoing')) return [];
  const startedAt = startOf(firstText(row, ['Date', 'date']) ?? '');
  if (startedAt === undefined) return [];
  const duration = Number(firstText(row, ['Duration', 'duration']));
  const disposition = firstText(row, ['Disposition', 'disposition'])?.toLowerCase() ?? '';
  return [
    {
      id: `fonema:${id}`,
      kind: 'call',
      direction,
      outcome: OUTCOMES[disposition] ?? 'unknown',
      from: toE164(firstText(row, ['Src', 'src']) ?? '', 'ES'),
      to: toE164(firstText(row, ['Dst', 'dst']) ?? '', 'ES'),
      startedAt,
      ...(Number.isFinite(duration) ? { durationSeconds: duration } : {}),
    },
  ];
}

function startOf(text: string): number | undefined {
  if (/^\d{10}$/.test(text)) return Number(text) * 1000;
  if (/T.*([zZ]|[+-]\d{2}:?\d{2})$/.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return parseZoned(text, FONEMA_TIME_ZONE);
}
