/**
 * Which calls deserve a second look before the PBX dials them: the background asks the user to
 * confirm according to the "confirm before calling" setting.
 */
import { type CountryCode, getCountryCallingCode } from './libphonenumber';
import type { PhoneNumber } from './types';

export interface CallRisk {
  /** A premium-rate number (`0900`, `0892`, `09xx`): the caller pays well above a normal call. */
  readonly premium: boolean;
  /**
   * Outside the default country's calling code. Compared by calling code, not by country, so
   * `+1` Canada from a US default, or `+44` Jersey from GB, are not international.
   */
  readonly international: boolean;
}

export function classifyRisk(number: Pick<PhoneNumber, 'e164' | 'type'>, defaultCountry: CountryCode): CallRisk {
  // Calling codes are prefix-free (ITU E.164), so a prefix test is exact.
  const home = `+${getCountryCallingCode(defaultCountry)}`;
  return { premium: number.type === 'premium-rate', international: !number.e164.startsWith(home) };
}
