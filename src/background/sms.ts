/**
 * Sending an SMS through the active account. Length and segment limits are checked before anything
 * is sent; the provider's answer (or its refusal, in its words) goes back to the popup. Every
 * attempt is logged. Never retried: an SMS whose outcome is unknown may have been delivered.
 */

import { DIAL_ERROR_MESSAGES } from '../messages';
import { parseDialInput } from '../phone';
import { isProviderError } from '../providers/errors';
import { type AccountSettings, activeAccount } from '../settings';
import { smsSegments } from '../sms';
import { capabilitiesOf, providerFor } from './accounts';
import { defaultCountryOf } from './country';
import { logEntry } from './history';
import { loadSettings } from './managed';
import { Refusal } from './refusal';

export interface SmsCommand {
  readonly recipient: string;
  readonly message: string;
  readonly senderId?: string;
}

/**
 * The active account, when it can send SMS, and the recipient as E.164; otherwise the Refusal that
 * says why. Asked before sending and before opening the composer for a page's number.
 */
export async function smsTarget(recipient: string): Promise<{ account: AccountSettings; e164: string }> {
  const settings = await loadSettings();
  const account = activeAccount(settings);
  if (!account) throw new Refusal('errNoAccount');
  if (!capabilitiesOf(account).sms) throw new Refusal('errSmsUnsupported');
  const parsed = parseDialInput(recipient, { defaultCountry: defaultCountryOf(settings) });
  if (!parsed.ok) throw new Refusal(DIAL_ERROR_MESSAGES[parsed.error]);
  return { account, e164: parsed.number.e164 };
}

export async function sendSms(command: SmsCommand): Promise<null> {
  const { account, e164 } = await smsTarget(command.recipient);
  if (command.message.trim() === '') throw new Refusal('errSmsEmpty');
  const count = smsSegments(command.message);
  if (count.tooLong) throw new Refusal('errSmsTooLong', [String(count.length), String(count.maxLength)]);

  const provider = await providerFor(account);
  if (!provider) throw new Refusal('errNoCredentials');
  const senderId = command.senderId || account.smsSenderId || undefined;
  const entry = {
    id: crypto.randomUUID(),
    accountId: account.id,
    kind: 'sms' as const,
    direction: 'outgoing' as const,
    number: e164,
    at: Date.now(),
    provider: account.provider,
  };
  try {
    await provider.sendSms({
      recipient: e164,
      message: command.message,
      ...(senderId ? { senderId } : {}),
    });
  } catch (error) {
    if (!isProviderError(error)) throw error;
    const outcome = error.code === 'unknown-outcome' ? 'unknown' : 'failed';
    await logEntry({ ...entry, outcome, reason: error.reason });
    throw new Refusal(error.reason, error.details);
  }
  await logEntry({ ...entry, outcome: 'sent' });
  return null;
}
