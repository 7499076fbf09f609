/** The shapes shared by the simulator's core and its per-provider handlers. */
import type { ProviderId } from '../../src/providers/types';

export interface SimRequest {
  readonly provider: ProviderId;
  readonly method: string;
  /** Path below the provider's mount point, starting with `/` (e.g. `/call/initiate`). */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Record<string, string | undefined>;
  /** Raw body text; `json` is its parse where it was JSON. */
  readonly body: string;
  readonly json: unknown;
  /** Unix ms when the request arrived. */
  readonly receivedAt: number;
}

export interface SimResponse {
  readonly status: number;
  readonly json?: unknown;
  readonly text?: string;
  readonly headers?: Record<string, string>;
}

/** One provider's stand-in: a pure function of the request and its own state. */
export interface ProviderSim {
  handle(request: SimRequest): SimResponse | Promise<SimResponse>;
  /** Forget sessions, calls and SMS (accounts stay). */
  reset(): void;
}

export interface SimClock {
  /** Unix ms as the simulated provider sees it. */
  now(): number;
}

export type FaultKind =
  /** Answer normally, but only after `delayMs`. */
  | 'slow'
  /** Answer with the given 5xx status and no useful body. */
  | 'server-error'
  /** Read the request (it is recorded and acted on), then destroy the socket without answering. */
  | 'drop-after-receive'
  /** Destroy the socket before the request is acted on (not recorded as handled). */
  | 'refuse'
  /** Answer 429 with a Retry-After header (`retryAfter`, default 1 second). */
  | 'rate-limit'
  /** A proxy's or gateway's HTML error page with `status` (default 502); the provider never sees the request. */
  | 'web-page'
  /** Act on the request, then send only the first half of the real answer and close the connection. */
  | 'truncated'
  /** Act on the request, then answer 200 with `bytes` (default 10 MB) of JSON-looking padding, streamed. */
  | 'huge-body'
  /** Act on the request and never answer: the connection stays open until the client gives up. */
  | 'hang'
  /** Answer 307 to the same path below `location` (another host); the provider never sees the request. */
  | 'redirect'
  /**
   * Act on the request as usual, then answer 200 (or `status`) with `body` as the raw text instead
   * of the real answer: malformed JSON by default, or any unexpected shape a test gives.
   */
  | 'bad-body';

export interface Fault {
  readonly kind: FaultKind;
  readonly provider?: ProviderId;
  /** Only requests whose path (below the provider mount) equals this. */
  readonly path?: string;
  /** How many matching requests it applies to; default: all until cleared. */
  readonly times?: number;
  readonly delayMs?: number;
  readonly status?: number;
  /** For `bad-body`: the raw text to answer with. */
  readonly body?: string;
  /** For `rate-limit`: the Retry-After header's value. */
  readonly retryAfter?: string;
  /** For `huge-body`: how many bytes. */
  readonly bytes?: number;
  /** For `redirect`: the origin (and path prefix) to send the client to. */
  readonly location?: string;
}

export interface RecordedRequest extends SimRequest {
  /** The status the simulator answered with; undefined when the connection was dropped. */
  answeredStatus?: number;
}
