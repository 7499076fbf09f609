/**
 * Settings files: export for moving to another machine or sharing a setup with a team; import
 * applies a file only when it is a Ringback settings file at all, and keeps the current value of
 * anything in it that is invalid (reported back). Credentials leave only when the user asks.
 *
 * Settings files are shared, so a file is also how an attacker would send saved logins elsewhere.
 * An import that moves any account to another provider or host therefore happens in two steps: the
 * first answer lists those moves and changes nothing; only the same file sent again with the token
 * of that answer (a hash of the file) applies. A moved account keeps no saved login unless the
 * file brings one for it.
 */
import { isRecord } from '../guards';
import { type AccountMove, type Credentials, type ImportResult, isCredentials } from '../messages';
import {
  type AccountSettings,
  accountOrigin,
  composeSettings,
  mergeSettings,
  type Settings,
  type SettingsKey,
} from '../settings';
import { forgetAccount } from './accounts';
import { dropLogin, loadLogins, saveLogin } from './credentials';
import { loadSettingsWithLocks } from './managed';
import { Refusal } from './refusal';
import { loadLocalSettings, saveLocalSettings } from './storage';

export const EXPORT_FORMAT = 'ringback-settings';

export interface SettingsFile {
  readonly format: typeof EXPORT_FORMAT;
  readonly exportedAt: string;
  readonly settings: Settings;
  readonly credentials?: Readonly<Record<string, Credentials>>;
}

export async function exportSettings(includeCredentials: boolean, now = Date.now()): Promise<string> {
  const { settings } = await loadSettingsWithLocks();
  const file: SettingsFile = {
    format: EXPORT_FORMAT,
    exportedAt: new Date(now).toISOString(),
    settings,
    ...(includeCredentials ? { credentials: await credentialsOf(settings) } : {}),
  };
  return JSON.stringify(file, null, 2);
}

/**
 * Imports `json`. When it moves an account to another provider or host and `confirmation` is not
 * the token of this very file, nothing changes: the answer lists the moves and the token to apply.
 */
export async function importSettings(json: string, confirmation?: string): Promise<ImportResult> {
  let file: unknown;
  try {
    file = JSON.parse(json);
  } catch {
    throw new Refusal('errImportNotJson');
  }
  if (!isRecord(file) || file.format !== EXPORT_FORMAT || !isRecord(file.settings)) {
    throw new Refusal('errImportNotRingback');
  }
  const raw = file.settings;
  const credentials = parseCredentials(file.credentials);

  const [local, { settings: effective, locked }] = await Promise.all([loadLocalSettings(), loadSettingsWithLocks()]);
  const merged = mergeSettings(local, raw);
  const settings = keepLocked(merged.settings, local, locked);
  const problems = new Set(merged.problems);
  for (const key of locked) if (Object.hasOwn(raw, key)) problems.add(key);
  if (credentials === 'invalid') problems.add('credentials');

  // What applies afterwards: the administrator's accounts stay whatever the file says.
  const after = locked.includes('accounts') ? effective.accounts : settings.accounts;
  const moves = movedAccounts(effective.accounts, after);
  if (moves.length > 0) {
    const token = await fileToken(json);
    if (confirmation !== token) return { applied: false, moves, token };
  }

  await saveLocalSettings(settings);
  const logins = credentials === 'invalid' ? {} : (credentials ?? {});
  const stale: string[] = [];
  for (const account of after) {
    const before = effective.accounts.find((a) => a.id === account.id);
    const login = Object.hasOwn(logins, account.id) ? logins[account.id] : undefined;
    const moved = before !== undefined && moves.some((m) => m.accountId === account.id);
    if (login) await saveLogin(account, login);
    else if (moved) await dropLogin(account.id);
    if (login || before?.provider !== account.provider || before.baseUrl !== account.baseUrl) stale.push(account.id);
  }
  // An account that now logs in differently or elsewhere starts its session afresh.
  await Promise.all(stale.map(forgetAccount));
  return { applied: true, problems: [...problems] };
}

/** Accounts (by id) that exist before and after and whose provider or origin differs. */
function movedAccounts(before: readonly AccountSettings[], after: readonly AccountSettings[]): AccountMove[] {
  const moves: AccountMove[] = [];
  for (const account of after) {
    const old = before.find((a) => a.id === account.id);
    if (!old || (old.provider === account.provider && accountOrigin(old) === accountOrigin(account))) continue;
    moves.push({
      accountId: account.id,
      label: account.label || old.label,
      from: { provider: old.provider, host: hostOf(old) },
      to: { provider: account.provider, host: hostOf(account) },
    });
  }
  return moves;
}

function hostOf(account: AccountSettings): string {
  return accountOrigin(account).replace(/^https?:\/\//, '');
}

/** SHA-256 of the file's text, hex: confirms exactly the file whose moves the user saw. */
async function fileToken(json: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(json));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function credentialsOf(settings: Settings): Promise<Record<string, Credentials>> {
  const logins = await loadLogins(settings.accounts);
  const result: Record<string, Credentials> = {};
  for (const { id } of settings.accounts) {
    const login = logins[id];
    if (login?.status === 'ok') result[id] = login.credentials;
  }
  return result;
}

/** Absent is fine; present must be account id → field → text, or none of it is taken. */
function parseCredentials(raw: unknown): Readonly<Record<string, Credentials>> | undefined | 'invalid' {
  if (raw === undefined) return undefined;
  if (!isRecord(raw)) return 'invalid';
  return Object.values(raw).every(isCredentials) ? (raw as Record<string, Credentials>) : 'invalid';
}

/** What the administrator locked is not the file's to change: the user's own value stays underneath. */
function keepLocked(settings: Settings, local: Settings, locked: readonly SettingsKey[]): Settings {
  if (locked.length === 0) return settings;
  return composeSettings((key) => (locked.includes(key) ? local[key] : settings[key]));
}
