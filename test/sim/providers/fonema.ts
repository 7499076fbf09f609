/**
 * Fonema stand-in (provider-docs/fonema-api.es.txt, provider-facts.md): each method a path segment
 * below the mount, `login` (GET `login`, `password`) → `{response: {token}}`, `Authorization:
 * bearer <token>` on everything else, GET methods with query parameters, POST methods with a JSON
 * body, success HTTP 200 and every failure HTTP 500 with a JSON message. Permissions as documented:
 * getUsers and getCallerIds are for administrators; getUser for administrators or oneself.
 *
 * Presence as the doc's "Presencia" section has it: `getNotifications` (GET, no parameters, any
 * user) → `{presenceStatus}`; `changePresenceStatus` (POST `{userId, status}`, status one of
 * `online`/`away`/`dnd`/`offline`, permission "Usuario": a user changes their own). Kept per user,
 * `online` until changed, put back on reset.
 *
 * Configurable where the doc leaves room: how a refused token is answered (500 with a message, the
 * default, or 401), whether answers other than login's are wrapped in `{response: …}`, and the
 * page size of getCallsPost (pages counted from 1).
 */
import { randomBytes } from 'node:crypto';
import type { ProviderSim, SimClock, SimRequest, SimResponse } from '../types';

export interface FonemaCallerId {
  readonly type: 'main' | 'personal' | 'mobile';
  readonly cli: string;
  readonly description: string;
}

export interface FonemaUser {
  readonly id: number;
  readonly login: string;
  readonly password: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly extNumber: string;
  readonly isAdmin: boolean;
  readonly defaultCallerId: string;
  readonly mobileType: 'none' | 'callback' | 'gsm';
  readonly mobileNumber: string;
  readonly callerIds: readonly FonemaCallerId[];
}

export const FONEMA_TEST_ACCOUNT: FonemaUser = {
  id: 4711,
  login: 'demo@ringback.test',
  password: 'demo-password',
  firstName: 'Lucía',
  lastName: 'García',
  email: 'demo@ringback.test',
  extNumber: '101',
  isAdmin: true,
  defaultCallerId: '+34911234567',
  mobileType: 'callback',
  mobileNumber: '612345678',
  callerIds: [
    { type: 'main', cli: '+34911234567', description: '911 23 45 67' },
    { type: 'personal', cli: '+34911234568', description: '911 23 45 68' },
  ],
};

/** A user without administrator rights: getUsers and getCallerIds are refused. */
export const FONEMA_AGENT_ACCOUNT: FonemaUser = {
  id: 4712,
  login: 'agente@ringback.test',
  password: 'agent-password',
  firstName: 'Pablo',
  lastName: 'Ruiz',
  email: 'agente@ringback.test',
  extNumber: '102',
  isAdmin: false,
  defaultCallerId: '+34911234567',
  mobileType: 'none',
  mobileNumber: '',
  callerIds: [{ type: 'main', cli: '+34911234567', description: '911 23 45 67' }],
};

export interface FonemaCall {
  readonly userId: number;
  readonly number: string;
  readonly callerId: string;
  readonly uuid: string;
  readonly at: number;
}

export interface FonemaSimOptions {
  readonly accounts?: readonly FonemaUser[];
  readonly tokenLifetimeMs?: number;
}

interface Token {
  readonly userId: number;
  readonly createdAt: number;
}

const GET_METHODS = new Set(['getUsers', 'getUser', 'getCallerIds', 'isOnCall', 'getNotifications']);
const POST_METHODS = new Set(['makeCall', 'hangupCall', 'getCallsPost', 'changePresenceStatus']);
const PRESENCE_STATUSES = new Set(['online', 'away', 'dnd', 'offline']);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class FonemaSim implements ProviderSim {
  readonly accounts: readonly FonemaUser[];
  tokenLifetimeMs: number;
  /** How a missing, unknown or expired token is refused. */
  tokenRefusal: 500 | 401 = 500;
  /** Wrap every answer other than login's in `{response: …}`, as login's is. */
  envelope = false;
  pageSize = 50;
  readonly tokens = new Map<string, Token>();
  readonly calls: FonemaCall[] = [];
  readonly hangups: string[] = [];
  /** getCallsPost rows in Fonema's shape, each with the owning user's id in `userId`. */
  readonly llamadas: (Record<string, unknown> & { userId: number })[] = [];
  readonly #onCall = new Map<number, string>();
  /** Each user's presence; a user not in it is `online`. */
  readonly #presence = new Map<number, string>();

  constructor(
    private readonly clock: SimClock,
    options: FonemaSimOptions = {},
  ) {
    this.accounts = options.accounts ?? [FONEMA_TEST_ACCOUNT, FONEMA_AGENT_ACCOUNT];
    this.tokenLifetimeMs = options.tokenLifetimeMs ?? 60 * 60_000;
  }

  reset(): void {
    this.tokens.clear();
    this.calls.length = 0;
    this.hangups.length = 0;
    this.llamadas.length = 0;
    this.#onCall.clear();
    this.#presence.clear();
    this.tokenRefusal = 500;
    this.envelope = false;
    this.pageSize = 50;
  }

  expireAllTokens(): void {
    this.tokens.clear();
  }

  /** A user's presence as Fonema has it now (tests read and set it, as the Fonema app would). */
  presenceOf(userId: number): string {
    return this.#presence.get(userId) ?? 'online';
  }

  setPresence(userId: number, status: string): void {
    this.#presence.set(userId, status);
  }

  /** Ends whatever call the user is on, as if they had hung up their phone. */
  endCall(userId: number): void {
    this.#onCall.delete(userId);
  }

  handle(request: SimRequest): SimResponse {
    const method = request.path.slice(1);
    if (method === 'login') return request.method === 'GET' ? this.#login(request.query) : notAllowed();
    if (!GET_METHODS.has(method) && !POST_METHODS.has(method)) return { status: 404, json: { message: 'Not found' } };
    if ((GET_METHODS.has(method) ? 'GET' : 'POST') !== request.method) return notAllowed();

    const user = this.#bearer(request.headers.authorization);
    if (!user) {
      return this.tokenRefusal === 401
        ? { status: 401, json: { message: 'Unauthorized' } }
        : failure('Token inválido o caducado');
    }
    let params: Record<string, unknown> = {};
    if (request.method === 'POST') {
      if (!/^application\/json/.test(request.headers['content-type'] ?? '')) return failure('Se esperaba JSON');
      if (typeof request.json !== 'object' || request.json === null || Array.isArray(request.json)) {
        return failure('JSON inválido');
      }
      params = request.json as Record<string, unknown>;
    } else {
      params = Object.fromEntries(request.query);
    }

    switch (method) {
      case 'getUsers':
        return user.isAdmin ? this.#ok(this.accounts.map(publicUser)) : failure('Permiso denegado');
      case 'getUser':
        return this.#getUser(user, params.userId);
      case 'getCallerIds':
        return this.#getCallerIds(user, params.userid);
      case 'isOnCall': {
        const uuid = this.#onCall.get(user.id);
        return this.#ok(uuid ? { uuid } : {});
      }
      case 'makeCall':
        return this.#makeCall(user, params);
      case 'hangupCall':
        return this.#hangup(user, params.uuid);
      case 'getNotifications':
        return this.#ok({ presenceStatus: this.presenceOf(user.id) });
      case 'changePresenceStatus':
        return this.#changePresence(user, params);
      default:
        return this.#calls(user, params);
    }
  }

  #ok(data: unknown): SimResponse {
    return { status: 200, json: this.envelope ? { response: data } : data };
  }

  #login(query: URLSearchParams): SimResponse {
    const login = query.get('login');
    const password = query.get('password');
    if (!login || !password) return failure('Faltan parámetros: login y password');
    const user = this.accounts.find((u) => u.login === login && u.password === password);
    if (!user) return failure('Usuario o contraseña incorrectos');
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, { userId: user.id, createdAt: this.clock.now() });
    return { status: 200, json: { response: { token } } };
  }

  #bearer(header: string | undefined): FonemaUser | undefined {
    // Auth schemes are case-insensitive (RFC 9110); the doc writes `bearer`.
    const token = /^bearer (\S+)$/i.exec(header ?? '')?.[1];
    const entry = token ? this.tokens.get(token) : undefined;
    if (!token || !entry) return undefined;
    if (this.clock.now() - entry.createdAt > this.tokenLifetimeMs) {
      this.tokens.delete(token);
      return undefined;
    }
    return this.accounts.find((u) => u.id === entry.userId);
  }

  #getUser(user: FonemaUser, userId: unknown): SimResponse {
    const target = this.accounts.find((u) => String(u.id) === String(userId));
    if (!target) return failure('Usuario no encontrado');
    if (!user.isAdmin && target.id !== user.id) return failure('Permiso denegado');
    const { callerIds: _callerIds, ...details } = publicUser(target);
    return this.#ok({ ...details, dominio: 'ringback.fonema.es', callbackDirect: false, reachMeMode: 'ringall' });
  }

  #getCallerIds(user: FonemaUser, userid: unknown): SimResponse {
    if (!user.isAdmin) return failure('Permiso denegado');
    const owners = userid ? this.accounts.filter((u) => String(u.id) === String(userid)) : this.accounts;
    if (owners.length === 0) return failure('Usuario no encontrado');
    const unique = new Map(owners.flatMap((u) => u.callerIds).map((c) => [c.cli, c]));
    return this.#ok([...unique.values()]);
  }

  #makeCall(user: FonemaUser, params: Record<string, unknown>): SimResponse {
    const { number, callerId, v } = params;
    if (v !== '2.0') return failure('Versión de backend no soportada');
    if (typeof number !== 'string' || !/^\+?\d{6,15}$/.test(number)) return failure('Número de destino inválido');
    // ASSUMED: without a caller id, the user's default one is used.
    const chosen = callerId === undefined ? user.defaultCallerId : callerId;
    if (typeof chosen !== 'string' || !user.callerIds.some((c) => c.cli === chosen)) {
      return failure('Identificador de llamada no permitido');
    }
    const uuid = `${randomBytes(4).toString('hex')}-${randomBytes(2).toString('hex')}-${randomBytes(6).toString('hex')}`;
    this.calls.push({ userId: user.id, number, callerId: chosen, uuid, at: this.clock.now() });
    this.#onCall.set(user.id, uuid);
    return this.#ok({});
  }

  #changePresence(user: FonemaUser, params: Record<string, unknown>): SimResponse {
    const { userId, status } = params;
    if (userId === undefined || status === undefined) return failure('Faltan parámetros: userId y status');
    const target = this.accounts.find((u) => String(u.id) === String(userId));
    if (!target) return failure('Usuario no encontrado');
    if (target.id !== user.id) return failure('Permiso denegado');
    if (typeof status !== 'string' || !PRESENCE_STATUSES.has(status)) return failure('Estado de presencia inválido');
    this.#presence.set(user.id, status);
    return this.#ok({});
  }

  #hangup(user: FonemaUser, uuid: unknown): SimResponse {
    if (typeof uuid !== 'string' || this.#onCall.get(user.id) !== uuid) return failure('Llamada no encontrada');
    this.#onCall.delete(user.id);
    this.hangups.push(uuid);
    return this.#ok({});
  }

  #calls(user: FonemaUser, params: Record<string, unknown>): SimResponse {
    const { userId, fechaInicio, fechaFin, tipo, pagina } = params;
    if (
      typeof fechaInicio !== 'string' ||
      typeof fechaFin !== 'string' ||
      !DAY.test(fechaInicio) ||
      !DAY.test(fechaFin)
    ) {
      return failure('Fechas inválidas (YYYY-MM-DD)');
    }
    const page = pagina === undefined ? 1 : Number(pagina);
    if (!Number.isInteger(page) || page < 1) return failure('Página inválida');
    const wanted = String(userId ?? '0');
    let owners: number[];
    if (wanted === '0') {
      // ASSUMED: "all users" means all for an administrator and oneself for anyone else.
      owners = user.isAdmin ? this.accounts.map((u) => u.id) : [user.id];
    } else {
      if (!user.isAdmin && wanted !== String(user.id)) return failure('Permiso denegado');
      owners = [Number(wanted)];
    }
    const rows = this.llamadas.filter((row) => {
      const day = String(row.Date ?? '').slice(0, 10);
      return (
        owners.includes(row.userId) &&
        day >= fechaInicio &&
        day <= fechaFin &&
        (!tipo || String(row.Direction ?? '').toLowerCase() === String(tipo).toLowerCase())
      );
    });
    const llamadas = rows
      .slice((page - 1) * this.pageSize, page * this.pageSize)
      .map(({ userId: _owner, ...row }) => row);
    return this.#ok({ llamadas });
  }
}

function publicUser({ password: _password, ...user }: FonemaUser): Omit<FonemaUser, 'password'> {
  return user;
}

function failure(message: string): SimResponse {
  return { status: 500, json: { message } };
}

function notAllowed(): SimResponse {
  return { status: 405, json: { message: 'Método no permitido' } };
}
