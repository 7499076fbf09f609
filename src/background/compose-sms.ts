/**
 * "Send SMS to …" from a page or the context menu: the number is handed to the popup's composer
 * through storage.session (PopupState.smsRecipient), and the popup is opened. The popup takes it
 * once; a number nobody took is dropped after a few minutes.
 */

import { isRecord } from '../guards';
import { openPopup } from './popup-opener';
import { smsTarget } from './sms';
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
  const { e164 } = await smsTarget(number);
  await handover.set({ number: e164, at: Date.now() });
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
