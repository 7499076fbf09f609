/**
 * The one typed settings schema: defaults, validation and migration. Everything that crosses a
 * boundary into settings (storage, an imported file, managed storage set by an administrator) goes
 * through `parseSettings`, which keeps what is valid, replaces what is not with the default and
 * says what it dropped. Credentials are not settings: they live apart (see background/credentials).
 */
import { PROVIDER_IDS, type ProviderId } from './providers/types';

export const SETTINGS_VERSION = 1;

export const LOCALES = ['en', 'de', 'nl', 'fr', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

export const DETECTION_MODES = ['everywhere', 'only-listed', 'except-listed'] as const;
export type DetectionMode = (typeof DETECTION_MODES)[number];

/** Which calls ask for confirmation first; each level includes the ones before it. */
export const CALL_CONFIRMATIONS = ['never', 'premium', 'international', 'always'] as const;
export type CallConfirmation = (typeof CALL_CONFIRMATIONS)[number];

export interface AccountSettings {
  /** Stable local id; credentials are stored under it. */
  readonly id: string;
  readonly provider: ProviderId;
  /** The user's name for the account ("Office fonial"). */
  readonly label: string;
  /** Empty: the provider's documented default. */
  readonly baseUrl: string;
  /** The device that rings first; empty until the user picks one (then the first listed). */
  readonly deviceId: string;
  readonly callerId: string;
  readonly smsSenderId: string;
}

export interface Settings {
  readonly version: typeof SETTINGS_VERSION;
  readonly accounts: readonly AccountSettings[];
  readonly activeAccountId: string;
  /** ISO 3166 alpha-2; empty: from the active provider's market, else the browser's language. */
  readonly defaultCountry: string;
  readonly detection: { readonly mode: DetectionMode; readonly sites: readonly string[] };
  /** Route tel:, callto: and sip: links to Ringback instead of the operating system. */
  readonly telLinks: boolean;
  readonly confirmCalls: CallConfirmation;
  /** Empty: the browser's language. */
  readonly language: '' | Locale;
  readonly notifications: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  accounts: [],
  activeAccountId: '',
  defaultCountry: '',
  detection: { mode: 'everywhere', sites: [] },
  telLinks: true,
  confirmCalls: 'premium',
  language: '',
  notifications: true,
};

export interface ParsedSettings {
  readonly settings: Settings;
  /** Dotted paths of values that were invalid and replaced by defaults (empty when all was fine). */
  readonly problems: readonly string[];
}

/** Validates and migrates anything that claims to be settings. Never throws. */
export function parseSettings(raw: unknown): ParsedSettings {
  const problems: string[] = [];
  const input = migrate(isRecord(raw) ? raw : {}, problems);
  if (!isRecord(raw) && raw !== undefined) problems.push('(root)');

  const pick = <T>(key: string, valid: (v: unknown) => v is T, fallback: T): T => {
    const value = input[key];
    if (value === undefined) return fallback;
    if (valid(value)) return value;
    problems.push(key);
    return fallback;
  };

  const accounts = parseAccounts(input.accounts, problems);
  let activeAccountId = pick('activeAccountId', isString, '');
  if (!accounts.some((a) => a.id === activeAccountId)) activeAccountId = accounts[0]?.id ?? '';

  const detection = isRecord(input.detection) ? input.detection : {};
  if (input.detection !== undefined && !isRecord(input.detection)) problems.push('detection');
  const mode = oneOf(DETECTION_MODES)(detection.mode) ? detection.mode : DEFAULT_SETTINGS.detection.mode;
  if (detection.mode !== undefined && mode !== detection.mode) problems.push('detection.mode');
  const sites = Array.isArray(detection.sites)
    ? detection.sites.filter(isString).map(normaliseSite).filter(Boolean)
    : [];
  if (detection.sites !== undefined && !Array.isArray(detection.sites)) problems.push('detection.sites');

  const country = pick('defaultCountry', isString, '').toUpperCase();
  const defaultCountry = country === '' || /^[A-Z]{2}$/.test(country) ? country : '';
  if (defaultCountry !== country) problems.push('defaultCountry');

  return {
    settings: {
      version: SETTINGS_VERSION,
      accounts,
      activeAccountId,
      defaultCountry,
      detection: { mode, sites: [...new Set(sites)] },
      telLinks: pick('telLinks', isBoolean, DEFAULT_SETTINGS.telLinks),
      confirmCalls: pick('confirmCalls', oneOf(CALL_CONFIRMATIONS), DEFAULT_SETTINGS.confirmCalls),
      language: pick('language', (v): v is '' | Locale => v === '' || oneOf(LOCALES)(v), DEFAULT_SETTINGS.language),
      notifications: pick('notifications', isBoolean, DEFAULT_SETTINGS.notifications),
    },
    problems,
  };
}

/**
 * Brings older shapes up to the current version. Version 0 is the shape before versioning, with
 * a single `account` object instead of the `accounts` list.
 */
function migrate(input: Record<string, unknown>, problems: string[]): Record<string, unknown> {
  const version = input.version ?? 0;
  if (version === SETTINGS_VERSION) return input;
  if (version === 0) {
    const { account, ...rest } = input;
    return isRecord(account) ? { ...rest, accounts: [{ id: 'account-1', ...account }] } : rest;
  }
  problems.push('version');
  return input;
}

function parseAccounts(value: unknown, problems: string[]): AccountSettings[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push('accounts');
    return [];
  }
  const seen = new Set<string>();
  const accounts: AccountSettings[] = [];
  value.forEach((raw, index) => {
    const account = parseAccount(raw);
    if (!account || seen.has(account.id)) {
      problems.push(`accounts.${index}`);
      return;
    }
    seen.add(account.id);
    accounts.push(account);
  });
  return accounts;
}

function parseAccount(raw: unknown): AccountSettings | undefined {
  if (!isRecord(raw) || !isString(raw.id) || raw.id === '' || !oneOf(PROVIDER_IDS)(raw.provider)) return undefined;
  const baseUrl = isString(raw.baseUrl) ? raw.baseUrl.trim() : '';
  if (baseUrl !== '' && !isHttpUrl(baseUrl)) return undefined;
  const text = (v: unknown) => (isString(v) ? v : '');
  return {
    id: raw.id,
    provider: raw.provider,
    label: text(raw.label),
    baseUrl,
    deviceId: text(raw.deviceId),
    callerId: text(raw.callerId),
    smsSenderId: text(raw.smsSenderId),
  };
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Site list entries are host names; pasted URLs and `*.` prefixes are reduced to the host. */
export function normaliseSite(entry: string): string {
  const trimmed = entry.trim().toLowerCase();
  if (trimmed === '') return '';
  const host = trimmed.includes('://') ? safeHost(trimmed) : (trimmed.split('/')[0] ?? '');
  return host.replace(/^\*\./, '').replace(/:\d+$/, '');
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** Whether detection runs on a page of `host` under the given rules (subdomains included). */
export function detectionAllowed(detection: Settings['detection'], host: string): boolean {
  if (detection.mode === 'everywhere') return true;
  const h = host.toLowerCase();
  const listed = detection.sites.some((site) => h === site || h.endsWith(`.${site}`));
  return detection.mode === 'only-listed' ? listed : !listed;
}

export function activeAccount(settings: Settings): AccountSettings | undefined {
  return settings.accounts.find((a) => a.id === settings.activeAccountId);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isString(value: unknown): value is string {
  return typeof value === 'string';
}
function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}
function oneOf<T extends string>(options: readonly T[]) {
  return (value: unknown): value is T => typeof value === 'string' && (options as readonly string[]).includes(value);
}
