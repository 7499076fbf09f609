/**
 * Settings files: export for moving to another machine or sharing a setup with a team; import
 * applies a file only when it is a Ringback settings file at all, and keeps the current value of
 * anything in it that is invalid (reported back). Credentials leave only when the user asks.
 */
import { isRecord } from '../guards';
import { type Credentials, type ImportResult, isCredentials } from '../messages';
import { composeSettings, mergeSettings, type Settings, type SettingsKey } from '../settings';
import { forgetAccount } from './accounts';
import { loadSettingsWithLocks } from './managed';
import { Refusal } from './refusal';
import { loadAllCredentials, loadLocalSettings, saveCredentials, saveLocalSettings } from './storage';

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

export async function importSettings(json: string): Promise<ImportResult> {
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

  const [local, { locked }] = await Promise.all([loadLocalSettings(), loadSettingsWithLocks()]);
  const merged = mergeSettings(local, raw);
  const settings = keepLocked(merged.settings, local, locked);
  const problems = new Set(merged.problems);
  for (const key of locked) if (key in raw) problems.add(key);
  if (credentials === 'invalid') problems.add('credentials');

  await saveLocalSettings(settings);
  const logins = credentials === 'invalid' ? {} : (credentials ?? {});
  const stale: string[] = [];
  for (const account of settings.accounts) {
    const before = local.accounts.find((a) => a.id === account.id);
    const login = logins[account.id];
    if (login) await saveCredentials(account.id, login);
    if (login || before?.provider !== account.provider || before.baseUrl !== account.baseUrl) stale.push(account.id);
  }
  // An account that now logs in differently or elsewhere starts its session afresh.
  await Promise.all(stale.map(forgetAccount));
  return { problems: [...problems] };
}

async function credentialsOf(settings: Settings): Promise<Record<string, Credentials>> {
  const all = await loadAllCredentials();
  const result: Record<string, Credentials> = {};
  for (const { id } of settings.accounts) {
    const login = all[id];
    if (login) result[id] = login;
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
