/**
 * The one import of libphonenumber-js, so the metadata set is chosen in exactly one place.
 *
 * `max`: number types (premium-rate, toll-free, mobile) need it, and its per-type digit patterns
 * are what rejects id-shaped digit strings of the right length that `min` would call valid. The
 * measured cost in the content script and the precision it buys are in docs/phone-detection.md.
 */
export {
  type CountryCode,
  getCountries,
  getCountryCallingCode,
  isSupportedCountry,
  Metadata,
  type PhoneNumber as ParsedNumber,
  parsePhoneNumberFromString as parseNumber,
  validatePhoneNumberLength,
} from 'libphonenumber-js/max';
export { default as metadataJson } from 'libphonenumber-js/max/metadata';
