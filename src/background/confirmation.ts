/**
 * Which calls the user wants to confirm before Ringback places them. Each level includes the ones
 * before it (premium ⊂ international ⊂ always); the most specific reason is the one shown, so an
 * expensive number says so even when the user confirms every call.
 */
import { type CountryCode, classifyRisk, type PhoneNumber } from '../phone';
import { CALL_CONFIRMATIONS, type CallConfirmation } from '../settings';

export type ConfirmReason = 'confirmReasonPremium' | 'confirmReasonInternational' | 'confirmReasonAlways';

/** The message key asking to confirm a call to `number`, or undefined when it may go ahead. */
export function confirmationReason(
  number: Pick<PhoneNumber, 'e164' | 'type'>,
  level: CallConfirmation,
  homeCountry: CountryCode,
): ConfirmReason | undefined {
  const atLeast = (wanted: CallConfirmation) => CALL_CONFIRMATIONS.indexOf(level) >= CALL_CONFIRMATIONS.indexOf(wanted);
  if (level === 'never') return undefined;
  const risk = classifyRisk(number, homeCountry);
  if (atLeast('premium') && risk.premium) return 'confirmReasonPremium';
  if (atLeast('international') && risk.international) return 'confirmReasonInternational';
  if (atLeast('always')) return 'confirmReasonAlways';
  return undefined;
}
