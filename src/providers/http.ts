/**
 * The one HTTP layer every provider client uses: a ky instance per account, and the mapping from
 * transport failures to ProviderError. The rule that matters most lives here: reads are retried
 * with backoff, actions (place a call, send an SMS) never are, because a second request whose first
 * outcome is unknown can ring the customer twice. And what comes back is checked before a client
 * reads it: redirects are not followed (the login would go with them), answers are read only up to
 * a size limit, and a web page where the API's answer should be is named as such.
 */
import ky, { type HTTPError, isHTTPError, isTimeoutError, type KyInstance, type Options } from 'ky';
import { ProviderError, providerError } from './errors';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_RETRY_DELAY_MS = 300;
const READ_RETRY_LIMIT = 2;
export const RETRIED_STATUSES: readonly number[] = [408, 429, 500, 502, 503, 504];
/**
 * The most of an answer Ringback reads. Provider answers are a few kilobytes, a month of call
 * history some hundreds; anything larger is not the provider's API (or is an attack on memory).
 */
export const MAX_ANSWER_BYTES = 2_000_000;

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
    // Every request carries the login (a header or the body): a redirect is never followed, so the
    // login cannot be carried to a host the user did not enter. The answer is reported instead.
    redirect: 'manual',
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
 * when no usable answer came: `network`, `timeout`, or for actions `unknown-outcome`; and for an
 * answer that is not the provider's at all: a redirect, a web page, one too large or broken off.
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
  if (isRedirect(response)) {
    await response.body?.cancel().catch(() => undefined);
    // Nothing was done with the request there: the provider never saw it.
    throw new ProviderError('bad-response', 'errRedirected');
  }
  const text = await readAnswer(response, kind);
  const json = parseJson(text);
  if (json === undefined && looksLikeWebPage(text)) throw webPage(response.status, kind);
  return { status: response.status, headers: response.headers, json, text };
}

/** A 3xx (Node) or, with `redirect: 'manual'` in a browser, an opaque redirect (status 0). */
function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
}

/**
 * The answer's text, read up to MAX_ANSWER_BYTES. A larger answer, or one that breaks off, is an
 * error; for an action it leaves the outcome unknown: the provider may have acted before answering.
 */
async function readAnswer(response: Response, kind: RequestKind): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > MAX_ANSWER_BYTES) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(kind);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_ANSWER_BYTES) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(kind);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ProviderError) throw error;
    throw kind === 'action'
      ? new ProviderError('unknown-outcome', 'errAnswerCutOffUnknown', [], { cause: error })
      : new ProviderError('network', 'errAnswerCutOff', [], { cause: error });
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function tooLarge(kind: RequestKind): ProviderError {
  const limit = String(MAX_ANSWER_BYTES / 1_000_000);
  return kind === 'action'
    ? new ProviderError('unknown-outcome', 'errAnswerTooLargeUnknown', [limit])
    : new ProviderError('bad-response', 'errAnswerTooLarge', [limit]);
}

/** An HTML page where JSON was expected: a proxy's error page, a captive portal, a login screen. */
function looksLikeWebPage(text: string): boolean {
  return /^\s*<(!doctype html|html|head|body|title|center|h1)\b/i.test(text);
}

/**
 * A web page instead of the provider's answer. For an action it may have come after the provider
 * acted (a 2xx, or a gateway's 500, 502 or 504), so the outcome is unknown; otherwise nothing happened.
 */
function webPage(status: number, kind: RequestKind): ProviderError {
  const details = [String(status)];
  const maybeActed = (status >= 200 && status < 300) || UNKNOWN_OUTCOME_STATUSES.includes(status);
  if (kind === 'action' && maybeActed) return new ProviderError('unknown-outcome', 'errWebPageUnknown', details);
  return new ProviderError(status >= 500 ? 'unavailable' : 'bad-response', 'errWebPage', details);
}

function transportError(kind: RequestKind, error: unknown): ProviderError {
  if (isTimeoutError(error) && kind === 'action') {
    return new ProviderError('unknown-outcome', 'errNoAnswerInTime', [], { cause: error });
  }
  if (isTimeoutError(error)) return providerError('timeout', [], error);
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
  if (answer.status === 429) {
    const wait = retryAfterSeconds(answer);
    return wait === undefined
      ? providerError('rate-limited', [status])
      : new ProviderError('rate-limited', 'errRateLimitedWait', [String(wait)]);
  }
  if (kind === 'action' && UNKNOWN_OUTCOME_STATUSES.includes(answer.status)) {
    return providerError('unknown-outcome', [status]);
  }
  if (answer.status >= 500) return providerError('unavailable', [status]);
  return providerError('bad-response', [status]);
}

/** How long a 429 asks to wait, in whole seconds (`Retry-After` as seconds or as a date). */
function retryAfterSeconds(answer: Answer): number | undefined {
  const header = answer.headers.get('retry-after')?.trim();
  if (!header) return undefined;
  if (/^\d+$/.test(header)) return Number(header);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1_000));
}

/** The answer's `Date` header as Unix ms, when there is a readable one. */
export function serverDate(answer: Answer): number | undefined {
  const header = answer.headers.get('date');
  const ms = header ? Date.parse(header) : Number.NaN;
  return Number.isNaN(ms) ? undefined : ms;
}
