/**
 * The one contract every PBX client implements. Providers are plain modules: no browser APIs.
 * Storage (for sessions), the clock and fetch are handed in through `ProviderContext`, so every
 * client runs unchanged in the service worker and in Node tests against the simulator.
 */

export const PROVIDER_IDS = ['fonial', 'voipcenter', 'sipgate', 'fonema'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

/** What an account can do; the UI shows only what is true here. */
export interface Capabilities {
  /** The provider lists the user's phones, and a call can pick which one rings. */
  readonly devices: boolean;
  /** The caller id shown to the callee can be chosen per call. */
  readonly callerIds: boolean;
  readonly sms: boolean;
  readonly history: boolean;
  readonly hangup: boolean;
  /** The provider can tell whether the call is still up after it was placed. */
  readonly callState: boolean;
  /**
   * The availability states the user can read and switch to (`readPresence`/`setPresence`);
   * empty when the provider's API offers none. Only states the provider itself knows are listed.
   */
  readonly presence: readonly PresenceState[];
}

/**
 * Whether the PBX puts calls through to the user, in the provider's own terms mapped to four words:
 * sipgate knows only `available` and `dnd`; Fonema knows all four.
 */
export const PRESENCE_STATES = ['available', 'away', 'dnd', 'offline'] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];

export interface Device {
  readonly id: string;
  readonly name: string;
}

export interface CallerId {
  readonly id: string;
  /** E.164 where the provider gives a number; otherwise the provider's own label. */
  readonly number: string;
  readonly label: string;
}

/** An SMS sender (sipgate: an SMS extension such as `s0`). */
export interface SmsSender {
  readonly id: string;
  readonly label: string;
}

export interface CallRequest {
  /** E.164 with leading `+`. */
  readonly target: string;
  /** Which of the user's devices rings first; optional for providers that ring all devices. */
  readonly deviceId?: string;
  readonly callerId?: string;
}

export interface PlacedCall {
  /** The provider's handle for the call, where it gives one (for state and hang-up). */
  readonly callId?: string;
}

export type CallState = 'ringing' | 'connected' | 'ended';

export interface SmsRequest {
  /** E.164 with leading `+`. */
  readonly recipient: string;
  readonly message: string;
  readonly senderId?: string;
}

export type HistoryDirection = 'outgoing' | 'incoming';
export type HistoryOutcome = 'answered' | 'missed' | 'busy' | 'failed' | 'unknown';

/** One call or SMS from a provider's history, normalised. */
export interface HistoryRecord {
  /** Stable per provider, so merging with local history can drop duplicates. */
  readonly id: string;
  readonly kind: 'call' | 'sms';
  readonly direction: HistoryDirection;
  readonly outcome: HistoryOutcome;
  /** E.164 where the provider gives a number. */
  readonly from: string;
  readonly to: string;
  /** Unix milliseconds. */
  readonly startedAt: number;
  readonly durationSeconds?: number;
}

export interface HistoryRange {
  /** Unix milliseconds, inclusive. */
  readonly from: number;
  /** Unix milliseconds, exclusive. */
  readonly to: number;
}

/** What `verify` learnt about the account, shown in options and popup. */
export interface AccountInfo {
  /** A human label for the account (user name, account number, user id). */
  readonly label: string;
}

/** Somewhere to keep a provider's session between service-worker lifetimes. */
export interface SessionStore<T> {
  get(): Promise<T | undefined>;
  set(value: T): Promise<void>;
  clear(): Promise<void>;
}

export interface ProviderContext<Credentials, Session> {
  /** The API's base URL. An account without one gets the provider's default in registry.ts. */
  readonly baseUrl: string;
  readonly credentials: Credentials;
  readonly sessions: SessionStore<Session>;
  /** Defaults to the global fetch. */
  readonly fetch?: typeof fetch;
  /** Unix milliseconds; defaults to Date.now. */
  readonly now?: () => number;
  /** Per-request timeout in ms; defaults to `DEFAULT_TIMEOUT_MS` in http.ts. */
  readonly timeoutMs?: number;
  /** Backoff base for retried reads in ms; tests make it small. */
  readonly retryDelayMs?: number;
}

export interface Provider {
  readonly id: ProviderId;
  readonly capabilities: Capabilities;
  /** Logs in (or checks the token) and says who the account is; throws ProviderError. */
  verify(): Promise<AccountInfo>;
  listDevices(): Promise<readonly Device[]>;
  listCallerIds(): Promise<readonly CallerId[]>;
  listSmsSenders(): Promise<readonly SmsSender[]>;
  /**
   * Asks the PBX to ring the user's device and then the target. Never retried once the request
   * may have reached the provider: an unknown outcome is reported as such.
   */
  placeCall(request: CallRequest): Promise<PlacedCall>;
  callState(call: PlacedCall): Promise<CallState>;
  hangUp(call: PlacedCall): Promise<void>;
  sendSms(request: SmsRequest): Promise<void>;
  history(range: HistoryRange): Promise<readonly HistoryRecord[]>;
  /** The user's availability as the provider reports it now. Present when `capabilities.presence` is not empty. */
  readPresence?(): Promise<PresenceState>;
  /**
   * Asks the provider to switch to `state` (one of `capabilities.presence`). Says nothing about
   * the result: what counts is what `readPresence` reports afterwards.
   */
  setPresence?(state: PresenceState): Promise<void>;
}
