/**
 * Placing a call: understand the number, decide whether to ask first, pick the device, ask the
 * provider once. The result is always one of the visible phases; nothing here retries a call.
 */
import { browser } from 'wxt/browser';
import type { CallOrigin, CallReport } from '../messages';
import { type DialInputError, parseDialInput, resolveDefaultCountry } from '../phone';
import { isProviderError } from '../providers/errors';
import { type AccountSettings, activeAccount, type Settings } from '../settings';
import { providerFor } from './accounts';
import { loadSettings, saveSettings } from './storage';

const DIAL_ERROR_REASONS: Record<DialInputError, string> = {
  empty: 'dialErrorEmpty',
  'not-a-number': 'dialErrorNotANumber',
  'too-short': 'dialErrorTooShort',
  'too-long': 'dialErrorTooLong',
  invalid: 'dialErrorInvalid',
};

export interface CallCommand {
  readonly number: string;
  readonly origin?: CallOrigin;
  readonly confirmed?: boolean;
}

export async function placeCall(command: CallCommand): Promise<CallReport> {
  const settings = await loadSettings();
  const account = activeAccount(settings);
  if (!account) return { phase: 'failed', reason: 'errNoAccount' };

  const parsed = parseDialInput(command.number, { defaultCountry: defaultCountryOf(settings) });
  if (!parsed.ok) return { phase: 'failed', reason: DIAL_ERROR_REASONS[parsed.error] };
  const target = parsed.number.e164;

  const provider = await providerFor(account);
  if (!provider) return { phase: 'failed', number: target, reason: 'errNoCredentials' };

  try {
    const deviceId = await deviceFor(account, settings, () => provider.listDevices());
    await provider.placeCall({
      target,
      ...(deviceId ? { deviceId } : {}),
      ...(account.callerId ? { callerId: account.callerId } : {}),
    });
    return { phase: 'ringing', number: target };
  } catch (error) {
    if (!isProviderError(error)) throw error;
    const phase = error.code === 'unknown-outcome' ? 'unknown' : 'failed';
    return { phase, number: target, reason: error.reason, details: error.details };
  }
}

export function defaultCountryOf(settings: Settings) {
  return resolveDefaultCountry({
    setting: settings.defaultCountry,
    providerId: activeAccount(settings)?.provider,
    uiLanguage: browser.i18n.getUILanguage(),
  });
}

/** The account's chosen device; when none was chosen yet, the first one listed, remembered. */
async function deviceFor(
  account: AccountSettings,
  settings: Settings,
  list: () => Promise<readonly { id: string }[]>,
): Promise<string | undefined> {
  if (account.deviceId) return account.deviceId;
  const first = (await list())[0]?.id;
  if (!first) return undefined;
  await saveSettings({
    ...settings,
    accounts: settings.accounts.map((a) => (a.id === account.id ? { ...a, deviceId: first } : a)),
  });
  return first;
}
