/**
 * "Send SMS to …" from a page or the context menu: the number is handed to the popup's composer
 * through storage.session (PopupState.smsRecipient), and the popup is opened. The popup takes it
 * once; a number nobody took is dropped after a few minutes.
 */

import { isRecord } from '../guards';
import { DIAL_ERROR_MESSAGES } from '../messages';
import { parseDialInput } from '../phone';
import { activeAccount } from '../settings';
import { capabilitiesOf } from './accounts';
import { defaultCountryOf } from './country';
import { loadSettings } from './managed';
import { openPopup } from './popup-opener';
import { Refusal } from './refusal';
import { sessionValue } from './storage';

export const RECIPIENT_TTL_MS = 5 * 60_000;

interface Handover {
  readonly number: string;
  readonly at: number;
}

const handover = sessionValue(
  'smsRecipient',
  (value): value is Handover => isRecord(value) && typeof value.number === 'string' && typeof value.at === 'number',
);

export async function composeSms(number: string, tabId: number | undefined): Promise<null> {
  const settings = await loadSettings();
  const account = activeAccount(settings);
  if (!account) throw new Refusal('errNoAccount');
  if (!capabilitiesOf(account).sms) throw new Refusal('errSmsUnsupported');
  const parsed = parseDialInput(number, { defaultCountry: defaultCountryOf(settings) });
  if (!parsed.ok) throw new Refusal(DIAL_ERROR_MESSAGES[parsed.error]);
  await handover.set({ number: parsed.number.e164, at: Date.now() });
  await openPopup(tabId);
  return null;
}

/** The number a page asked to text, once: the popup that shows it has taken it. */
export async function takeSmsRecipient(now = Date.now()): Promise<string | undefined> {
  const pending = await handover.get();
  if (!pending) return undefined;
  await handover.clear();
  return now - pending.at <= RECIPIENT_TTL_MS ? pending.number : undefined;
}
