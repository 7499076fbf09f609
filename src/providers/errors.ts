/**
 * Every failure a provider client can report, as one typed error. `code` decides behaviour
 * (re-login, retry, "unknown outcome"); `reason` is a message key in public/_locales so the user
 * reads a sentence in their language, never a number.
 */

export type ProviderErrorCode =
  /** Credentials were refused. The user must fix them; retrying will not help. */
  | 'auth'
  /** The session or token expired; one re-login may fix it. */
  | 'session-expired'
  /** The provider could not be reached before anything was sent. Nothing happened. */
  | 'network'
  /** A read timed out (safe to try again). */
  | 'timeout'
  /** A call or SMS request was sent but no answer came back: it may or may not have happened. */
  | 'unknown-outcome'
  /** The provider refused for too many attempts. */
  | 'rate-limited'
  /** The provider answered with an error of its own (see `reason`). */
  | 'rejected'
  /** The provider is down (5xx) or answered something we cannot read. */
  | 'unavailable'
  | 'bad-response'
  /** The request itself was not valid (not a number, empty SMS, …): caught before sending. */
  | 'invalid-input'
  /** The account cannot do this (no SMS, no hang-up). */
  | 'unsupported';

export class ProviderError extends Error {
  override readonly name = 'ProviderError';

  constructor(
    readonly code: ProviderErrorCode,
    /** Message key in _locales, e.g. `errVoipcenter14`. */
    readonly reason: string,
    /** Substitutions for the message (provider's own text, limits, …). Never credentials. */
    readonly details: readonly string[] = [],
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${reason}${details.length > 0 ? ` (${details.join(', ')})` : ''}`, options);
  }
}

export function isProviderError(error: unknown): error is ProviderError {
  return error instanceof ProviderError;
}

/** The message key for each code when the provider gave nothing more specific. */
export const GENERIC_REASON: Record<ProviderErrorCode, string> = {
  auth: 'errAuth',
  'session-expired': 'errSessionExpired',
  network: 'errNetwork',
  timeout: 'errTimeout',
  'unknown-outcome': 'errUnknownOutcome',
  'rate-limited': 'errRateLimited',
  rejected: 'errRejected',
  unavailable: 'errUnavailable',
  'bad-response': 'errBadResponse',
  'invalid-input': 'errInvalidInput',
  unsupported: 'errUnsupported',
};

export function providerError(code: ProviderErrorCode, details: readonly string[] = [], cause?: unknown) {
  return new ProviderError(code, GENERIC_REASON[code], details, { cause });
}
