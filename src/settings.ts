/**
 * The one typed settings schema: defaults, validation and migration. Everything that crosses a
 * boundary into settings (storage, an imported file, managed storage set by an administrator) goes
 * through `parseSettings`, which keeps what is valid, replaces what is not with the default and
 * says what it dropped. Credentials are not settings: they live apart (see background/storage.ts).
 */
import { neverShips } from './build-flavour';
import { isBoolean, isRecord, isString } from './guards';
import { DEFAULT_BASE_URLS } from './providers/catalog';
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
  /** Call lists (sipgate, Fonema): seconds between the end of one call and the next. */
  readonly callListPauseSeconds: number;
}

/** The settings an administrator can set through managed storage (and so lock): all but `version`. */
export const SETTINGS_KEYS = [
  'accounts',
  'activeAccountId',
  'defaultCountry',
  'detection',
  'telLinks',
  'confirmCalls',
  'language',
  'notifications',
  'callListPauseSeconds',
] as const satisfies readonly Exclude<keyof Settings, 'version'>[];
export type SettingsKey = (typeof SETTINGS_KEYS)[number];

/** History kept on this machine: at most this many entries, none older than this many days. */
export const HISTORY_MAX_ENTRIES = 500;
export const HISTORY_MAX_AGE_DAYS = 180;

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
  callListPauseSeconds: 10,
};

/** The pause between list calls may be set from none to five minutes, in whole seconds. */
export const CALL_LIST_PAUSE_MAX_SECONDS = 300;

export interface ParsedSettings {
  readonly settings: Settings;
  /** Dotted paths of values that were invalid and replaced by defaults (empty when all was fine). */
  readonly problems: readonly string[];
}

export interface ParseOptions {
  /**
   * Keep accounts whose base URL is plain `http:` (see hasPlainHttpAddress) instead of dropping
   * them: for settings this browser already holds (saved by an earlier version, or set by the
   * administrator), so the account stays listed and says why it sends nothing. New input (the
   * options form, an imported file) is refused instead, so no such account is ever added.
   */
  readonly keepPlainHttp?: boolean;
}

/** Validates and migrates anything that claims to be settings. Never throws. */
export function parseSettings(raw: unknown, options: ParseOptions = {}): ParsedSettings {
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

  const accounts = parseAccounts(input.accounts, problems, options);
  let activeAccountId = pick('activeAccountId', isString, '');
  if (!accounts.some((a) => a.id === activeAccountId)) activeAccountId = accounts[0]?.id ?? '';

  const detection = isRecord(input.detection) ? input.detection : {};
  if (input.detection !== undefined && !isRecord(input.detection)) problems.push('detection');
  const mode = oneOf(DETECTION_MODES)(detection.mode) ? detection.mode : DEFAULT_SETTINGS.detection.mode;
  if (detection.mode !== undefined && mode !== detection.mode) problems.push('detection.mode');
  const siteList = Array.isArray(detection.sites) && detection.sites.length <= MAX_SITES ? detection.sites : undefined;
  const sites = siteList ? normaliseSites(siteList.filter((s) => isString(s) && s.length <= MAX_ACCOUNT_TEXT)) : [];
  if (detection.sites !== undefined && !siteList) problems.push('detection.sites');

  const country = pick('defaultCountry', isString, '').toUpperCase();
  const defaultCountry = country === '' || /^[A-Z]{2}$/.test(country) ? country : '';
  if (defaultCountry !== country) problems.push('defaultCountry');

  return {
    settings: {
      version: SETTINGS_VERSION,
      accounts,
      activeAccountId,
      defaultCountry,
      detection: { mode, sites },
      telLinks: pick('telLinks', isBoolean, DEFAULT_SETTINGS.telLinks),
      confirmCalls: pick('confirmCalls', oneOf(CALL_CONFIRMATIONS), DEFAULT_SETTINGS.confirmCalls),
      language: pick('language', (v): v is '' | Locale => v === '' || oneOf(LOCALES)(v), DEFAULT_SETTINGS.language),
      notifications: pick('notifications', isBoolean, DEFAULT_SETTINGS.notifications),
      callListPauseSeconds: pick('callListPauseSeconds', isPauseSeconds, DEFAULT_SETTINGS.callListPauseSeconds),
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

/** More accounts than anyone has: a list this long is a broken or hostile file, not a setup. */
export const MAX_ACCOUNTS = 100;
/** The longest id, label, base URL or device/caller/sender id an account may have. */
const MAX_ACCOUNT_TEXT = 500;
/** The most sites a detection list may hold. */
const MAX_SITES = 5_000;

function parseAccounts(value: unknown, problems: string[], options: ParseOptions): AccountSettings[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > MAX_ACCOUNTS) {
    problems.push('accounts');
    return [];
  }
  const seen = new Set<string>();
  const accounts: AccountSettings[] = [];
  value.forEach((raw, index) => {
    const account = parseAccount(raw, options);
    if (!account || seen.has(account.id)) {
      problems.push(`accounts.${index}`);
      return;
    }
    seen.add(account.id);
    accounts.push(account);
  });
  return accounts;
}

/** One account as the options page or a file sends it; undefined when it is not a usable account. */
export function parseAccount(raw: unknown, options: ParseOptions = {}): AccountSettings | undefined {
  if (!isRecord(raw) || !isString(raw.id) || raw.id === '' || !oneOf(PROVIDER_IDS)(raw.provider)) return undefined;
  const texts = [raw.id, raw.label, raw.baseUrl, raw.deviceId, raw.callerId, raw.smsSenderId];
  if (texts.some((v) => isString(v) && v.length > MAX_ACCOUNT_TEXT)) return undefined;
  const baseUrl = isString(raw.baseUrl) ? raw.baseUrl.trim() : '';
  const kept = options.keepPlainHttp === true && parseUrl(baseUrl)?.protocol === 'http:';
  if (baseUrl !== '' && !isAllowedBaseUrl(baseUrl) && !kept) return undefined;
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

/**
 * Whether an account may talk to `value`. Logins travel in every request, so only `https:`; plain
 * `http:` would show them to anyone on the network. Builds that never ship (the simulator build,
 * and the tests) also reach the PBX simulator over `http:` on this machine's loopback address.
 */
export function isAllowedBaseUrl(value: string): boolean {
  const url = parseUrl(value);
  if (!url) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && loopbackHttpAllowed() && LOOPBACK_HOSTS.includes(url.hostname);
}

/**
 * Whether the account's base URL is a plain `http:` address this build does not talk to (in a
 * production build, every one). Such an account is kept only as settings already held
 * (ParseOptions.keepPlainHttp); its login is never handed out, so nothing is sent.
 */
export function hasPlainHttpAddress(account: Pick<AccountSettings, 'baseUrl'>): boolean {
  return account.baseUrl !== '' && !isAllowedBaseUrl(account.baseUrl);
}

/** Whether `value` is a web address at all (any scheme but https is then explained separately). */
export function isWebUrl(value: string): boolean {
  const url = parseUrl(value);
  return url?.protocol === 'https:' || url?.protocol === 'http:';
}

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/** A production bundle has no loopback branch at all. */
function loopbackHttpAllowed(): boolean {
  return neverShips();
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** The origin an account's requests go to (its base URL, or the provider's default): logins are bound to it. */
export function accountOrigin(account: Pick<AccountSettings, 'provider' | 'baseUrl'>): string {
  return parseUrl(account.baseUrl || DEFAULT_BASE_URLS[account.provider])?.origin ?? '';
}

/** A site list as kept: each entry reduced to its host (normaliseSite), blanks and repeats dropped. */
export function normaliseSites(entries: readonly string[]): string[] {
  return [...new Set(entries.map(normaliseSite).filter(Boolean))];
}

/** Site list entries are host names; pasted URLs and `*.` prefixes are reduced to the host. */
function normaliseSite(entry: string): string {
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

/** Where one top-level setting comes from when settings are laid over others. */
export type SettingsSource = <K extends SettingsKey>(key: K) => Settings[K];

/**
 * Settings put together key by key from `take` (the policy's value or the user's, the file's or the
 * current one), with the active account one of the accounts, else the first. Everything that lays
 * settings over others goes through here, so a new setting is added in one place. `accounts` and
 * `wanted` (the active account's id) default to what `take` says, read in that order.
 */
export function composeSettings(
  take: SettingsSource,
  accounts: readonly AccountSettings[] = take('accounts'),
  wanted: string = take('activeAccountId'),
): Settings {
  return {
    version: SETTINGS_VERSION,
    accounts,
    activeAccountId: accounts.some((a) => a.id === wanted) ? wanted : (accounts[0]?.id ?? ''),
    defaultCountry: take('defaultCountry'),
    detection: take('detection'),
    telLinks: take('telLinks'),
    confirmCalls: take('confirmCalls'),
    language: take('language'),
    notifications: take('notifications'),
    callListPauseSeconds: take('callListPauseSeconds'),
  };
}

/** Whether any problem reported by parseSettings concerns `key` (the key itself or a path below it). */
function hasProblem(problems: readonly string[], key: string): boolean {
  return problems.some((p) => p === key || p.startsWith(`${key}.`));
}

export interface ManagedSettings {
  readonly settings: Settings;
  /** Keys the administrator set: the user sees them locked and cannot change them. */
  readonly locked: readonly SettingsKey[];
}

/**
 * Lays the administrator's policy (managed storage: top-level settings keys, same shapes) over the
 * user's own settings. Every valid key in the policy wins and is locked; an invalid one is ignored
 * rather than locking the user out of a setting the administrator got wrong. Managed accounts
 * replace the user's list, but keep the user's own device, caller-id and SMS sender choices where
 * the policy leaves them empty: an administrator sets up the account, each user picks their phone.
 * A managed account with a plain http: address is listed, saying why it sends nothing, rather than
 * vanishing from the users' browsers without a word.
 */
export function applyManaged(settings: Settings, managed: unknown): ManagedSettings {
  if (!isRecord(managed)) return { settings, locked: [] };
  const { settings: policy, problems } = parseSettings(
    { ...managed, version: SETTINGS_VERSION },
    { keepPlainHttp: true },
  );
  const valid = (key: SettingsKey): boolean => {
    if (managed[key] === undefined) return false;
    // Broken entries of an account list are dropped; the valid ones still apply.
    if (key === 'accounts') return policy.accounts.length > 0;
    // parseSettings falls back to the first account; the policy only names one when it says so.
    if (key === 'activeAccountId') return isString(managed.activeAccountId) && managed.activeAccountId !== '';
    return !hasProblem(problems, key);
  };
  const locked = SETTINGS_KEYS.filter(valid);
  const accounts = locked.includes('accounts')
    ? policy.accounts.map((account) => withUserChoices(account, settings.accounts))
    : settings.accounts;
  const wanted = locked.includes('activeAccountId') ? String(managed.activeAccountId) : settings.activeAccountId;
  return {
    settings: composeSettings((key) => (locked.includes(key) ? policy[key] : settings[key]), accounts, wanted),
    locked,
  };
}

function withUserChoices(account: AccountSettings, own: readonly AccountSettings[]): AccountSettings {
  const mine = own.find((a) => a.id === account.id);
  if (!mine) return account;
  return {
    ...account,
    deviceId: account.deviceId || mine.deviceId,
    callerId: account.callerId || mine.callerId,
    smsSenderId: account.smsSenderId || mine.smsSenderId,
  };
}

export interface MergedSettings {
  readonly settings: Settings;
  /** Keys that were in `raw` but invalid, and so kept their current value. */
  readonly problems: readonly string[];
}

/**
 * Takes from `raw` (an imported file) every top-level key that is present and valid, and keeps the
 * current value for the rest. A key with any invalid part is kept whole, so a half-valid site list
 * or account list never half-replaces the user's.
 */
export function mergeSettings(current: Settings, raw: unknown): MergedSettings {
  const { settings: parsed, problems } = parseSettings(raw);
  const present = isRecord(raw) ? migratedKeys(raw) : new Set<string>();
  const kept: string[] = problems.includes('version') ? ['version'] : [];
  const take: SettingsSource = (key) => {
    if (!present.has(key)) return current[key];
    if (!hasProblem(problems, key)) return parsed[key];
    kept.push(key);
    return current[key];
  };
  return { settings: composeSettings(take), problems: kept };
}

/** The top-level keys a raw settings object holds once migrated (a v0 `account` becomes `accounts`). */
function migratedKeys(raw: Record<string, unknown>): Set<string> {
  return new Set(Object.keys(migrate(raw, [])));
}

function isPauseSeconds(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= CALL_LIST_PAUSE_MAX_SECONDS;
}

function oneOf<T extends string>(options: readonly T[]) {
  return (value: unknown): value is T => typeof value === 'string' && (options as readonly string[]).includes(value);
}
