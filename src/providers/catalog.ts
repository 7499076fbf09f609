/**
 * What Ringback knows about each provider without talking to it: where its API lives by default,
 * which country its customers dial from, what credentials it asks for and what an account can do.
 * Plain data with no client code, so the manifest, the options page and the content-script side of
 * the background can use it without pulling in the provider clients.
 */
import type { CountryCode } from 'libphonenumber-js/max';
import type { Capabilities, PresenceState, ProviderId } from './types';

/**
 * Each provider's default API base URL; production host permissions are derived from them, so the
 * two cannot drift apart. Users may override the base URL (reseller, proxy, simulator); any other
 * host is an optional permission requested at runtime.
 */
export const DEFAULT_BASE_URLS = {
  fonial: 'https://kundenkonto.fonial.de/api/2.0',
  voipcenter: 'https://pbxonline.be/api',
  sipgate: 'https://api.sipgate.com/v2',
  // ASSUMPTION (provider-facts.md): the Fonema doc names neither host nor path. We assume
  // `https://api.fonema.es` with each method as a path segment below it (`…/login`, `…/makeCall`).
  // Correct it here (and only here) once confirmed; users can already override it in the options.
  fonema: 'https://api.fonema.es',
} as const satisfies Record<ProviderId, string>;

export const PROVIDER_HOST_PERMISSIONS: readonly string[] = Object.values(DEFAULT_BASE_URLS).map(
  (url) => `${new URL(url).origin}/*`,
);

/** Where each provider's customers are: the default country for numbers written without one. */
export const PROVIDER_MARKET: Readonly<Record<ProviderId, CountryCode>> = {
  fonial: 'DE',
  voipcenter: 'BE',
  sipgate: 'DE',
  fonema: 'ES',
};

export interface CredentialField {
  /** The key in the stored credentials (and in the provider's Credentials type). */
  readonly key: string;
  /** Shown as a password field, never echoed or exported. */
  readonly secret: boolean;
  /** Message key in public/_locales for the field's label. */
  readonly labelKey: string;
}

/** What each provider's login asks for; the registry requires exactly these fields. */
export const CREDENTIAL_FIELDS = {
  fonial: [
    { key: 'username', secret: false, labelKey: 'credUsername' },
    { key: 'password', secret: true, labelKey: 'credPassword' },
  ],
  voipcenter: [
    { key: 'customerNumber', secret: false, labelKey: 'credVoipcenterCustomerNumber' },
    { key: 'password', secret: true, labelKey: 'credPassword' },
    { key: 'apiId', secret: false, labelKey: 'credVoipcenterApiId' },
    { key: 'apiKey', secret: true, labelKey: 'credVoipcenterApiKey' },
  ],
  sipgate: [
    { key: 'tokenId', secret: false, labelKey: 'credSipgateTokenId' },
    { key: 'token', secret: true, labelKey: 'credSipgateToken' },
  ],
  fonema: [
    { key: 'username', secret: false, labelKey: 'credUsername' },
    { key: 'password', secret: true, labelKey: 'credPassword' },
  ],
} as const satisfies Readonly<Record<ProviderId, readonly CredentialField[]>>;

/** sipgate: each device's do-not-disturb flag (src/providers/sipgate.ts). */
const SIPGATE_PRESENCE: readonly PresenceState[] = ['available', 'dnd'];
/** Fonema: changePresenceStatus's `online`, `away`, `dnd`, `offline`. */
const FONEMA_PRESENCE: readonly PresenceState[] = ['available', 'away', 'dnd', 'offline'];

/** What an account of each provider can do (their APIs decide, not the account). */
export const PROVIDER_CAPABILITIES: Readonly<Record<ProviderId, Capabilities>> = {
  fonial: {
    devices: true,
    callerIds: false,
    sms: false,
    history: true,
    hangup: false,
    callState: false,
    // fonial's API has no availability or do-not-disturb method.
    presence: [],
  },
  voipcenter: {
    devices: true,
    callerIds: false,
    sms: false,
    history: true,
    hangup: false,
    callState: false,
    // The function indicator (`update.php?m=indicator`) is left out: its state cannot be read
    // from what the doc says (README, "VoipCenter night mode").
    presence: [],
  },
  sipgate: {
    devices: true,
    callerIds: true,
    sms: true,
    history: true,
    hangup: true,
    callState: true,
    presence: SIPGATE_PRESENCE,
  },
  fonema: {
    devices: false,
    callerIds: true,
    sms: false,
    history: true,
    hangup: true,
    callState: true,
    presence: FONEMA_PRESENCE,
  },
};

/** sipgate's SMS limit (its doc: 160 characters per message, split beyond that, 460 at most). */
export const SIPGATE_SMS_MAX_LENGTH = 460;
