/**
 * The one message contract between the content script, the popup/options pages and the background.
 * Every message that arrives is checked here for shape before anything acts on it; the router in
 * background/ checks who sent it.
 */

/** Where a call was started: shown in history as "called from …". */
export interface CallOrigin {
  readonly title: string;
  readonly url: string;
}

/** Requests any extension page may send; content scripts only those in CONTENT_SCRIPT_REQUESTS. */
export type Request =
  /** Call a number as written on a page or typed in the dial box; the background normalises it. */
  | { readonly type: 'call'; readonly number: string; readonly origin?: CallOrigin; readonly confirmed?: boolean }
  /** Open the SMS composer for a number (from a page: the popup opens with it filled in). */
  | { readonly type: 'compose-sms'; readonly number: string }
  /** What the content script needs to know about this page. */
  | { readonly type: 'page-config'; readonly url: string };

export type RequestType = Request['type'];

export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<RequestType> = new Set(['call', 'compose-sms', 'page-config']);

/** What the content script needs to run on one page. Never holds credentials. */
export interface PageConfig {
  /** Detection runs on this page (site rules allow it and an account exists). */
  readonly enabled: boolean;
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

export interface CallReport {
  readonly phase: CallPhase;
  /** E.164 once the number was understood. */
  readonly number?: string;
  /** Message key (and substitutions) explaining a failure, an unknown outcome or a confirmation. */
  readonly reason?: string;
  readonly details?: readonly string[];
}

/** Answers: `ok: false` carries a message key the sender shows translated. */
export type Reply<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string; readonly details?: readonly string[] };

export interface Replies {
  call: CallReport;
  'compose-sms': null;
  'page-config': PageConfig;
}

/** Messages the background sends to a tab's content script. */
export type TabMessage =
  | { readonly type: 'config-changed'; readonly config: PageConfig }
  /** The context menu or keyboard command: act on the page's current selection. */
  | { readonly type: 'selection-action'; readonly action: 'call' | 'sms' };

/** Checks that an incoming value is a well-formed Request; anything else is undefined. */
export function parseRequest(value: unknown): Request | undefined {
  if (!isRecord(value) || typeof value.type !== 'string') return undefined;
  switch (value.type) {
    case 'call':
      if (!isText(value.number, 200)) return undefined;
      if (value.origin !== undefined && !isOrigin(value.origin)) return undefined;
      if (value.confirmed !== undefined && typeof value.confirmed !== 'boolean') return undefined;
      return {
        type: 'call',
        number: value.number,
        ...(value.origin ? { origin: value.origin as CallOrigin } : {}),
        ...(value.confirmed ? { confirmed: true } : {}),
      };
    case 'compose-sms':
      return isText(value.number, 200) ? { type: 'compose-sms', number: value.number } : undefined;
    case 'page-config':
      return isText(value.url, 8_192) ? { type: 'page-config', url: value.url } : undefined;
    default:
      return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown, maxLength: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= maxLength;
}

function isOrigin(value: unknown): value is CallOrigin {
  return isRecord(value) && typeof value.title === 'string' && value.title.length <= 1_000 && isText(value.url, 8_192);
}
