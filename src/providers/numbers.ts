/**
 * Phone numbers as providers write them. Requests go out in E.164 (each client adapts it to its
 * wire format); numbers in answers (history) come back in whatever form the PBX stores, often
 * national, and are brought to E.164 with the provider's market as the default country so the
 * user can redial them.
 */
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';

const E164 = /^\+[1-9]\d{6,14}$/;

export function isE164(text: string): boolean {
  return E164.test(text);
}

/**
 * E.164 for anything that reads as a full number (national in `country`, `00…`, or international
 * digits without `+`); otherwise the text as given (internal extensions, "anonymous").
 */
export function toE164(raw: string, country: CountryCode): string {
  const text = raw.trim();
  if (isE164(text)) return text;
  const digits = text.replace(/[\s./()-]/g, '');
  if (!/^\+?\d+$/.test(digits) || digits.length < 6) return text;
  const candidates = digits.startsWith('+')
    ? [digits]
    : digits.startsWith('00')
      ? [`+${digits.slice(2)}`]
      : // National first: in some countries (Spain) national numbers have no leading 0.
        [digits, `+${digits}`];
  const parsed = candidates.map((candidate) =>
    candidate.startsWith('+') ? parsePhoneNumberFromString(candidate) : parsePhoneNumberFromString(candidate, country),
  );
  // A valid reading wins; else a possible one (metadata lags behind newly allocated ranges).
  const best = parsed.find((p) => p?.isValid()) ?? parsed.find((p) => p?.isPossible());
  return best?.number ?? text;
}
