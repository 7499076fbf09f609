/**
 * Where a number is and what time it is there, in the user's chosen language, for the card (which
 * asks, as the content script never loads the data itself) and the address bar. Nothing in the
 * answer comes from an account.
 */
import { type WhereWhenText, whereWhen, whereWhenText } from '../geo';
import { uiLanguage } from '../i18n';
import { parseDialInput } from '../phone';
import { defaultCountryOf } from './country';
import { useChosenLanguage } from './language';
import { loadSettings } from './managed';

/** `number` as written (E.164 or national); null when it is no number Ringback could call. */
export async function numberWhereWhen(number: string, now = Date.now()): Promise<WhereWhenText | null> {
  const settings = await loadSettings();
  const parsed = parseDialInput(number, { defaultCountry: defaultCountryOf(settings) });
  if (!parsed.ok) return null;
  return describeE164(parsed.number.e164, now);
}

/** The words for an E.164 number already understood. */
export async function describeE164(e164: string, now = Date.now()): Promise<WhereWhenText | null> {
  await useChosenLanguage();
  const language = uiLanguage();
  const facts = await whereWhen(e164, { language, now });
  return facts ? whereWhenText(facts, language) : null;
}
