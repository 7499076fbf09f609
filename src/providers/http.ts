/**
 * The one HTTP layer every provider client uses: a ky instance per account, and the mapping from
 * transport failures to ProviderError. The rule that matters most lives here: reads are retried
 * with backoff, actions (place a call, send an SMS) never are, because a second request whose first
 * outcome is unknown can ring the customer twice.
 */
import ky, { type HTTPError, isHTTPError, isTimeoutError, type KyInstance, type Options } from 'ky';
import { type ProviderError, providerError } from './errors';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_RETRY_DELAY_MS = 300;
const READ_RETRY_LIMIT = 2;
export const RETRIED_STATUSES: readonly number[] = [408, 429, 500, 502, 503, 504];

/**
 * - `read`: fetching data, or logging in. Safe to repeat: retried on timeouts, network errors and
 *   5xx, whatever the HTTP method (fonial reads are POSTs).
 * - `action`: changes the world (call, SMS, hang-up). Sent once; when it was sent but no answer
 *   came, the outcome is unknown and reported as such.
 */
export type RequestKind = 'read' | 'action';

export interface HttpOptions {
  readonly baseUrl: string;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  readonly retryDelayMs?: number;
  /**
   * Statuses after which a read is sent again. Providers that answer their own errors with a 5xx
   * (Fonema: every failure is a 500 with a message) leave that status out, so a refused login or
   * token is not hammered three times.
   */
  readonly retryStatuses?: readonly number[];
}

/** A provider's answer with any HTTP status: clients decide what a status and body mean. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON, or undefined when the body was empty or not JSON. */
  readonly json: unknown;
  readonly text: string;
}

export function createHttp(options: HttpOptions): KyInstance {
  const retryDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
  return ky.create({
    prefixUrl: withTrailingSlash(options.baseUrl),
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    // Resolved at call time so tests and the service worker can swap the global fetch.
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    retry: {
      limit: READ_RETRY_LIMIT,
      methods: ['get', 'post', 'put', 'delete'],
      statusCodes: [...(options.retryStatuses ?? RETRIED_STATUSES)],
      retryOnTimeout: true,
      backoffLimit: 10 * retryDelayMs,
      maxRetryAfter: 5_000,
      delay: (attempt) => retryDelayMs * 2 ** (attempt - 1),
    },
  });
}

/**
 * Sends one request and returns the provider's answer whatever its status. Throws ProviderError
 * only when no answer came: `network`, `timeout`, or for actions `unknown-outcome`.
 */
export async function send(http: KyInstance, kind: RequestKind, path: string, options: Options = {}): Promise<Answer> {
  const retry = kind === 'action' ? { limit: 0 } : {};
  let response: Response;
  try {
    response = await http(path.replace(/^\//, ''), { ...options, ...(kind === 'action' ? { retry } : {}) });
  } catch (error) {
    if (isHTTPError(error)) response = (error as HTTPError).response;
    else throw transportError(kind, error);
  }
  const text = await response.text().catch(() => '');
  return { status: response.status, headers: response.headers, json: parseJson(text), text };
}

function transportError(kind: RequestKind, error: unknown): ProviderError {
  if (isTimeoutError(error)) return providerError(kind === 'action' ? 'unknown-outcome' : 'timeout', [], error);
  if (kind === 'action' && !neverSent(error)) return providerError('unknown-outcome', [], error);
  return providerError('network', [], error);
}

/**
 * Whether a failed fetch certainly never reached the server. Node's fetch says so in `cause.code`;
 * browsers give a bare TypeError, which we must treat as "maybe sent".
 */
function neverSent(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return typeof code === 'string' && ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH'].includes(code);
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

const UNKNOWN_OUTCOME_STATUSES = [500, 502, 504];

/**
 * The error for an answer a client did not recognise as success or as a known provider error.
 * For an action, a 500, 502 or 504 may have come after the provider acted (or from a gateway that
 * gave up waiting), so the outcome is unknown; a 503 says the request was not taken on.
 */
export function unexpectedAnswer(answer: Answer, kind: RequestKind = 'read'): ProviderError {
  const status = String(answer.status);
  if (answer.status === 401 || answer.status === 403) return providerError('auth', [status]);
  if (answer.status === 429) return providerError('rate-limited', [status]);
  if (kind === 'action' && UNKNOWN_OUTCOME_STATUSES.includes(answer.status)) {
    return providerError('unknown-outcome', [status]);
  }
  if (answer.status >= 500) return providerError('unavailable', [status]);
  return providerError('bad-response', [status]);
}

/** The answer's `Date` header as Unix ms, when there is a readable one. */
export function serverDate(answer: Answer): number | undefined {
  const header = answer.headers.get('date');
  const ms = header ? Date.parse(header) : Number.NaN;
  return Number.isNaN(ms) ? undefined : ms;
}
