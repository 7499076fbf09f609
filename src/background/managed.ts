/**
 * Settings as they apply: the user's own (storage.local) under the administrator's policy
 * (storage.managed). Everything in the background reads settings through here, so a locked value
 * can never be bypassed by reading the local copy.
 */
import { browser } from 'wxt/browser';
import { applyManaged, type ManagedSettings, type Settings } from '../settings';
import { loadLocalSettings } from './storage';

/** The administrator's policy; empty when there is none (most users) or it cannot be read. */
export async function loadPolicy(): Promise<Record<string, unknown>> {
  try {
    // Rejects in browsers or profiles without a managed-storage schema or policy.
    return await browser.storage.managed.get(null);
  } catch {
    return {};
  }
}

export async function loadSettingsWithLocks(): Promise<ManagedSettings> {
  const [local, policy] = await Promise.all([loadLocalSettings(), loadPolicy()]);
  return applyManaged(local, policy);
}

export async function loadSettings(): Promise<Settings> {
  return (await loadSettingsWithLocks()).settings;
}
