/**
 * What counts as a phone number, and how to write it. Pure: no browser APIs, so the content
 * script, the popup's dial box and the background all share it and Node tests cover it.
 * How detection works and why: docs/phone-detection.md.
 */
export { type DefaultCountryInput, resolveDefaultCountry } from './default-country';
export { type DialInput, type DialInputError, parseDialInput } from './dial-input';
export { findPhoneNumbers } from './find';
export { type CallRisk, classifyRisk } from './risk';
export type { CountryCode, FindOptions, NumberType, PhoneMatch, PhoneNumber, TextDirection } from './types';
