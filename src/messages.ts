/**
 * The one message contract between the content script, the popup/options pages and the background.
 * Every message that arrives is checked here for shape before anything acts on it; the router in
 * background/ checks who sent it (content scripts may only send CONTENT_SCRIPT_REQUESTS).
 */
import type { WhereWhenText } from './geo';
import { isBoolean, isRecord } from './guards';
import type { DialInputError } from './phone';
import {
  type CallerId,
  type Capabilities,
  type Device,
  PRESENCE_STATES,
  type PresenceState,
  type ProviderId,
  type SmsSender,
} from './providers/types';
import type { AccountSettings, Settings } from './settings';

/** Where a call was started: shown in history as "called from …". */
export interface CallOrigin {
  readonly title: string;
  readonly url: string;
}

export type Credentials = Readonly<Record<string, string>>;

/** The prefs of the active account the popup may switch. */
export interface AccountChoice {
  readonly deviceId?: string;
  readonly callerId?: string;
  readonly smsSenderId?: string;
}

export type Request =
  // ── from content scripts and extension pages ──
  /** Call a number as written on a page or typed; the background normalises and checks it. */
  | { readonly type: 'call'; readonly number: string; readonly origin?: CallOrigin; readonly confirmed?: boolean }
  /** Open the SMS composer for a number (from a page: the popup opens with it filled in). */
  | { readonly type: 'compose-sms'; readonly number: string }
  /** What the content script needs to know about this page. */
  | { readonly type: 'page-config'; readonly url: string }
  /** Opens the welcome (set-up) screen of the options page: the card's "Set up Ringback". */
  | { readonly type: 'open-welcome' }
  /** Where a number is and the time there, in words (no account or secret involved). */
  | { readonly type: 'where-when'; readonly number: string }
  /** A parent frame's content script asks for a child frame's numbers (browsers that isolate frames). */
  | { readonly type: 'frame-numbers'; readonly frameId: number }
  // ── from extension pages only ──
  /** Everything the popup shows at a glance. */
  | { readonly type: 'popup-state' }
  | { readonly type: 'choose'; readonly choice: AccountChoice }
  /** Ends the call Ringback is following (refused when none is, or its provider cannot). */
  | { readonly type: 'hang-up' }
  /** The active account's availability, read from the provider now. */
  | { readonly type: 'presence' }
  /** Switches it, then reads it again: the answer is what the provider reports afterwards. */
  | { readonly type: 'set-presence'; readonly state: PresenceState }
  | { readonly type: 'send-sms'; readonly recipient: string; readonly message: string; readonly senderId?: string }
  | { readonly type: 'history' }
  | { readonly type: 'clear-history' }
  /** Sets (or, empty, removes) the note of one history entry. */
  | { readonly type: 'history-note'; readonly id: string; readonly note: string }
  /** Starts calling these numbers (E.164, as the page's list gave them) in turn. */
  | { readonly type: 'call-list-start'; readonly numbers: readonly string[]; readonly origin?: CallOrigin }
  /** The call list as it stands (null when there is none). */
  | { readonly type: 'call-list' }
  | { readonly type: 'call-list-action'; readonly action: CallListAction }
  /** Settings with what the administrator locked; which accounts have credentials saved. */
  | { readonly type: 'get-settings' }
  /** Saves everything but accounts (those go through save-account / remove-account). */
  | { readonly type: 'save-settings'; readonly settings: Settings }
  /** Adds or updates an account; credentials omitted keep the saved ones. */
  | { readonly type: 'save-account'; readonly account: AccountSettings; readonly credentials?: Credentials }
  | { readonly type: 'remove-account'; readonly accountId: string }
  | { readonly type: 'set-active-account'; readonly accountId: string }
  /** Logs in with a draft account (not saved) and lists its devices. */
  | { readonly type: 'test-connection'; readonly account: AccountSettings; readonly credentials?: Credentials }
  | { readonly type: 'export-settings'; readonly includeCredentials: boolean }
  /**
   * The text of a settings file the user picked. A file that moves an account to another provider
   * or host applies only when sent again with `confirm`: the token the first answer gave for it.
   */
  | { readonly type: 'import-settings'; readonly json: string; readonly confirm?: string };

export type RequestType = Request['type'];

export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<RequestType> = new Set([
  'call',
  'compose-sms',
  'page-config',
  'open-welcome',
  'where-when',
  'frame-numbers',
]);

/** What the content script needs to run on one page. Never holds credentials. */
export interface PageConfig {
  /** Detection runs on this page (site rules allow it; with or without an account). */
  readonly enabled: boolean;
  /** An account exists: the card calls. Without one it offers to set Ringback up instead. */
  readonly setUp: boolean;
  readonly defaultCountry: string;
  readonly telLinks: boolean;
  /** The active account can send SMS: the hover card offers it. */
  readonly sms: boolean;
}

/** The visible life of one call attempt. */
export type CallPhase = 'confirm' | 'requested' | 'ringing' | 'connected' | 'ended' | 'failed' | 'unknown';

/** The sentence (message key) that tells the user each phase. */
export const PHASE_MESSAGES: Readonly<Record<CallPhase, string>> = {
  confirm: 'callPhaseConfirm',
  requested: 'callPhaseRequested',
  ringing: 'callPhaseRinging',
  connected: 'callPhaseConnected',
  ended: 'callPhaseEnded',
  failed: 'callPhaseFailed',
  unknown: 'callPhaseUnknown',
};

/** The sentence (message key) for each way typed or selected text fails to be a dialable number. */
export const DIAL_ERROR_MESSAGES: Readonly<Record<DialInputError, string>> = {
  empty: 'dialErrorEmpty',
  'not-a-number': 'dialErrorNotANumber',
  'too-short': 'dialErrorTooShort',
  'too-long': 'dialErrorTooLong',
  invalid: 'dialErrorInvalid',
};

export interface CallReport {
  readonly phase: CallPhase;
  /** E.164 once the number was understood. */
  readonly number?: string;
  /** Message key (and substitutions) explaining a failure, an unknown outcome or a confirmation. */
  readonly reason?: string;
  readonly details?: readonly string[];
}

export type ConnectionState =
  | { readonly status: 'unconfigured' }
  | { readonly status: 'ok'; readonly label: string }
  | { readonly status: 'error'; readonly reason: string; readonly details?: readonly string[] };

export interface PopupState {
  readonly account?: {
    readonly id: string;
    readonly provider: ProviderId;
    readonly label: string;
    readonly capabilities: Capabilities;
  };
  readonly connection: ConnectionState;
  readonly devices: readonly Device[];
  readonly callerIds: readonly CallerId[];
  readonly smsSenders: readonly SmsSender[];
  readonly choice: Required<AccountChoice>;
  /**
   * The latest call attempt, for the status line; `canHangUp` while it is ringing or connected and
   * its provider can end it (a `hang-up` request would be accepted).
   */
  readonly lastCall?: CallReport & { readonly at: number; readonly canHangUp: boolean };
  /** A number a page asked to text (compose-sms), consumed by the popup. */
  readonly smsRecipient?: string;
  readonly defaultCountry: string;
}

/** What the user can do with a running call list (`close` removes a finished one). */
export const CALL_LIST_ACTIONS = ['pause', 'resume', 'skip', 'stop', 'next', 'confirm', 'close'] as const;
export type CallListAction = (typeof CALL_LIST_ACTIONS)[number];

/** At most this many numbers in one call list (a page's list is rarely longer). */
export const CALL_LIST_MAX_NUMBERS = 200;
/** A note on a history entry is a short line for the CRM, not a document. */
export const HISTORY_NOTE_MAX_LENGTH = 500;

/**
 * How a call list goes on after a call: `follow` waits for the provider to say the call ended
 * (sipgate, Fonema), `next` waits for the user's Next (providers that cannot tell).
 */
export type CallListMode = 'follow' | 'next';
export type CallListPhase = 'placing' | 'in-call' | 'waiting' | 'ready' | 'confirm' | 'done';
export type CallListEnd = 'completed' | 'stopped' | 'unknown';
/** What happened to one number of a call list, as far as Ringback knows. */
export type CallListOutcome = 'pending' | 'ringing' | 'connected' | 'ended' | 'failed' | 'unknown' | 'skipped';

/** A call list as the popup shows it (see background/call-list-state.ts for what each part means). */
export interface CallListView {
  readonly mode: CallListMode;
  readonly phase: CallListPhase;
  readonly paused: boolean;
  /** Index of the entry called last, being called or asking for confirmation; -1 before the first. */
  readonly current: number;
  readonly entries: readonly {
    readonly number: string;
    readonly outcome: CallListOutcome;
    readonly reason?: string;
  }[];
  readonly pauseMs: number;
  /** `waiting`: when the next call is placed (Unix ms). */
  readonly nextAt?: number;
  readonly confirmReason?: string;
  readonly end?: CallListEnd;
}

/**
 * The active account's availability as its provider reported it on the latest read. `state` is
 * absent when that read failed; `failure` says why a switch (or the read) did not work.
 */
export interface PresenceView {
  readonly accountId: string;
  /** What the user can switch to (the provider's capabilities); empty: the control is not shown. */
  readonly states: readonly PresenceState[];
  readonly state?: PresenceState;
  readonly failure?: { readonly reason: string; readonly details?: readonly string[] };
}

/** One line of history: local attempts merged with the provider's own records. */
export interface HistoryEntry {
  readonly id: string;
  readonly kind: 'call' | 'sms';
  readonly direction: 'outgoing' | 'incoming';
  /** E.164 of the other party. */
  readonly number: string;
  /** Unix ms. */
  readonly at: number;
  readonly outcome: CallPhase | 'answered' | 'missed' | 'busy' | 'sent';
  readonly provider: ProviderId;
  readonly deviceName?: string;
  /** The page it was started from (usually the CRM record); `url` for entries logged since it is kept. */
  readonly origin?: { readonly title: string; readonly host: string; readonly url?: string };
  readonly durationSeconds?: number;
  readonly reason?: string;
  /** The user's note on this call (for the CRM). */
  readonly note?: string;
}

export interface SettingsView {
  readonly settings: Settings;
  /** Top-level settings keys set by the administrator (managed storage): shown locked. */
  readonly locked: readonly string[];
  /** Account ids with saved credentials (the credentials themselves never leave the background). */
  readonly withCredentials: readonly string[];
  /** Account ids whose login was dropped when their provider or host changed: the user signs in again. */
  readonly signInAgain: readonly string[];
}

/** An account an imported file would point at another provider or host (its login stays behind). */
export interface AccountMove {
  readonly accountId: string;
  readonly label: string;
  readonly from: { readonly provider: ProviderId; readonly host: string };
  readonly to: { readonly provider: ProviderId; readonly host: string };
}

export type ImportResult =
  | {
      readonly applied: true;
      /** Setting paths that were invalid in the file and kept their current value. */
      readonly problems: readonly string[];
    }
  /** Nothing changed: the user is shown `moves` and confirms by sending the file again with `token`. */
  | { readonly applied: false; readonly moves: readonly AccountMove[]; readonly token: string };

/** Answers: `ok: false` carries a message key the sender shows translated. */
export type Reply<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string; readonly details?: readonly string[] };

/**
 * Whether a value is a Reply envelope. Only the envelope is checked: the payload comes from this
 * extension's own background, which built it from the same types.
 */
export function isReply<T>(value: unknown): value is Reply<T> {
  return isRecord(value) && (value.ok === true || (value.ok === false && typeof value.reason === 'string'));
}

/** The value each request answers with. */
export interface Replies {
  call: CallReport;
  'compose-sms': null;
  'page-config': PageConfig;
  'open-welcome': null;
  'where-when': WhereWhenText | null;
  'frame-numbers': readonly PageNumber[];
  'popup-state': PopupState;
  choose: null;
  'hang-up': null;
  presence: PresenceView;
  'set-presence': PresenceView;
  'send-sms': null;
  history: readonly HistoryEntry[];
  'clear-history': null;
  'history-note': null;
  'call-list-start': CallListView;
  'call-list': CallListView | null;
  'call-list-action': CallListView | null;
  'get-settings': SettingsView;
  'save-settings': null;
  'save-account': null;
  'remove-account': null;
  'set-active-account': null;
  'test-connection': { readonly label: string; readonly devices: readonly Device[] };
  'export-settings': string;
  'import-settings': ImportResult;
}

/** Messages the background sends to a tab's content script. */
export type TabMessage =
  | { readonly type: 'config-changed'; readonly config: PageConfig }
  /** The context menu or keyboard command: act on the page's current selection. */
  | { readonly type: 'selection-action'; readonly action: 'call' | 'sms' }
  /** The popup asks which numbers this page shows (answered with PageNumber[]). */
  | { readonly type: 'list-numbers' }
  /** The same for one frame, asked through the background for its parent frame (frame-numbers). */
  | { readonly type: 'list-frame-numbers' };

export interface PageNumber {
  readonly e164: string;
  readonly international: string;
  /** How it was written on the page. */
  readonly text: string;
  /** The country it calls (ISO 3166 code), when it has one. */
  readonly country?: string;
  /** An extension written after it: the call goes to `e164`, the user asks for this. */
  readonly extension?: string;
}

/** A PageNumber as a content script in this frame or a child frame answered it. */
export function isPageNumber(value: unknown): value is PageNumber {
  return (
    isRecord(value) &&
    typeof value.e164 === 'string' &&
    typeof value.international === 'string' &&
    typeof value.text === 'string' &&
    (value.country === undefined || typeof value.country === 'string') &&
    (value.extension === undefined || typeof value.extension === 'string')
  );
}

/** Broadcast by the background to open extension pages (the popup) as a call moves on. */
export type Broadcast =
  | { readonly type: 'call-update'; readonly report: CallReport & { readonly at: number } }
  | { readonly type: 'call-list-update'; readonly list: CallListView | null };

/** Checks that an incoming value is a well-formed Request; anything else is undefined. */
export function parseRequest(value: unknown): Request | undefined {
  if (!isRecord(value) || typeof value.type !== 'string') return undefined;
  const v = value;
  switch (v.type) {
    case 'call':
      if (!isText(v.number, 200) || !optional(v.origin, isOrigin) || !optional(v.confirmed, isBoolean))
        return undefined;
      return {
        type: 'call',
        number: v.number,
        ...(v.origin ? { origin: v.origin as CallOrigin } : {}),
        ...(v.confirmed ? { confirmed: true } : {}),
      };
    case 'compose-sms':
      return isText(v.number, 200) ? { type: 'compose-sms', number: v.number } : undefined;
    case 'page-config':
      return isText(v.url, 8_192) ? { type: 'page-config', url: v.url } : undefined;
    case 'where-when':
      return isText(v.number, 200) ? { type: 'where-when', number: v.number } : undefined;
    case 'frame-numbers':
      // Frame 0 is the top frame: never anyone's child.
      return Number.isSafeInteger(v.frameId) && (v.frameId as number) > 0
        ? { type: 'frame-numbers', frameId: v.frameId as number }
        : undefined;
    case 'history-note':
      if (!isText(v.id, 200) || typeof v.note !== 'string' || v.note.length > HISTORY_NOTE_MAX_LENGTH) return undefined;
      return { type: 'history-note', id: v.id, note: v.note };
    case 'call-list-start': {
      const numbers = v.numbers;
      if (!Array.isArray(numbers) || numbers.length === 0 || numbers.length > CALL_LIST_MAX_NUMBERS) return undefined;
      if (!numbers.every((n) => typeof n === 'string' && E164.test(n)) || !optional(v.origin, isOrigin))
        return undefined;
      return {
        type: 'call-list-start',
        numbers: numbers as string[],
        ...(v.origin ? { origin: v.origin as CallOrigin } : {}),
      };
    }
    case 'call-list-action':
      return (CALL_LIST_ACTIONS as readonly unknown[]).includes(v.action)
        ? { type: 'call-list-action', action: v.action as CallListAction }
        : undefined;
    case 'call-list':
    case 'open-welcome':
    case 'popup-state':
    case 'hang-up':
    case 'presence':
    case 'history':
    case 'clear-history':
    case 'get-settings':
      return { type: v.type };
    case 'choose':
      return isChoice(v.choice) ? { type: 'choose', choice: v.choice } : undefined;
    case 'set-presence':
      return PRESENCE_STATES.some((state) => state === v.state)
        ? { type: 'set-presence', state: v.state as PresenceState }
        : undefined;
    case 'send-sms':
      if (!isText(v.recipient, 200) || typeof v.message !== 'string' || v.message.length > 2_000) return undefined;
      if (!optional(v.senderId, (s) => isText(s, 100))) return undefined;
      return {
        type: 'send-sms',
        recipient: v.recipient,
        message: v.message,
        ...(typeof v.senderId === 'string' ? { senderId: v.senderId } : {}),
      };
    case 'save-settings':
      return isRecord(v.settings) ? { type: 'save-settings', settings: v.settings as unknown as Settings } : undefined;
    case 'save-account':
    case 'test-connection':
      if (!isRecord(v.account) || !optional(v.credentials, isCredentials)) return undefined;
      return {
        type: v.type,
        account: v.account as unknown as AccountSettings,
        ...(v.credentials ? { credentials: v.credentials as Credentials } : {}),
      };
    case 'remove-account':
    case 'set-active-account':
      return isText(v.accountId, 200) ? { type: v.type, accountId: v.accountId } : undefined;
    case 'export-settings':
      return isBoolean(v.includeCredentials)
        ? { type: 'export-settings', includeCredentials: v.includeCredentials }
        : undefined;
    case 'import-settings':
      if (typeof v.json !== 'string' || v.json.length > 1_000_000 || !optional(v.confirm, (c) => isText(c, 100))) {
        return undefined;
      }
      return {
        type: 'import-settings',
        json: v.json,
        ...(typeof v.confirm === 'string' ? { confirm: v.confirm } : {}),
      };
    default:
      return undefined;
  }
}

/** A call list takes numbers only as the page's list understood them: E.164, nothing to re-read. */
const E164 = /^\+[1-9]\d{6,14}$/;

function isText(value: unknown, maxLength: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= maxLength;
}

function optional(value: unknown, check: (v: unknown) => boolean): boolean {
  return value === undefined || check(value);
}

function isOrigin(value: unknown): value is CallOrigin {
  return isRecord(value) && typeof value.title === 'string' && value.title.length <= 1_000 && isText(value.url, 8_192);
}

function isChoice(value: unknown): value is AccountChoice {
  if (!isRecord(value)) return false;
  return ['deviceId', 'callerId', 'smsSenderId'].every((key) =>
    optional(value[key], (s) => typeof s === 'string' && s.length <= 200),
  );
}

/** One account's login as the options page or a settings file gives it: field → text. */
export function isCredentials(value: unknown): value is Credentials {
  return isRecord(value) && Object.values(value).every((s) => typeof s === 'string' && s.length <= 4_096);
}
