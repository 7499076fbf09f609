/**
 * One calling code's slice of libphonenumber's geocoding and time-zone data, as
 * scripts/generate-geo-data.ts writes it to public/geo/<code>.json, and the two lookups on it.
 * Keys are prefixes of the national significant number; the longest matching prefix answers, as
 * in libphonenumber itself.
 */
import { isRecord } from '../guards';

export interface CallingCodeData {
  /** The IANA zones this file names. */
  readonly zoneIds: readonly string[];
  /** Prefix → indexes into zoneIds joined by `&`; '' holds the whole calling code's zones. */
  readonly zones: Readonly<Record<string, string>>;
  /** Prefix → region name in English; '' where the data names none. */
  readonly regions: Readonly<Record<string, string>>;
  /** Language → prefix → region name where that language differs from English. */
  readonly names: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** The file's content checked for shape; anything else counts as no data. */
export function parseCallingCodeData(value: unknown): CallingCodeData | undefined {
  if (!isRecord(value)) return undefined;
  const zoneIds = value.zoneIds ?? [];
  if (!Array.isArray(zoneIds) || !zoneIds.every((z) => typeof z === 'string')) return undefined;
  const zones = value.zones ?? {};
  const regions = value.regions ?? {};
  const names = value.names ?? {};
  if (!isStringRecord(zones) || !isStringRecord(regions) || !isRecord(names)) return undefined;
  if (!Object.values(names).every(isStringRecord)) return undefined;
  return {
    zoneIds,
    zones,
    regions,
    names: names as Record<string, Record<string, string>>,
  };
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((v) => typeof v === 'string');
}

/** The longest prefix of `digits` that `tables` know (any of them), or undefined. */
function longestPrefix(digits: string, ...tables: Readonly<Record<string, string>>[]): string | undefined {
  for (let length = digits.length; length >= 0; length--) {
    const prefix = digits.slice(0, length);
    if (tables.some((table) => Object.hasOwn(table, prefix))) return prefix;
  }
  return undefined;
}

/** The region the national number is in, in `language` where the data names it so, else English. */
export function regionOf(data: CallingCodeData, nationalNumber: string, language: string): string | undefined {
  const own = data.names[language] ?? {};
  const prefix = longestPrefix(nationalNumber, data.regions, own);
  if (prefix === undefined) return undefined;
  const name = own[prefix] ?? data.regions[prefix] ?? '';
  return name === '' ? undefined : name;
}

/**
 * The zones a number may be in. A geographic number (fixed line; mobile where mobiles are assigned
 * by area) goes by its prefix; any other only by its calling code, as libphonenumber does.
 */
export function zonesOf(data: CallingCodeData, nationalNumber: string, geographic: boolean): string[] {
  const prefix = geographic ? longestPrefix(nationalNumber, data.zones) : '';
  const value = prefix === undefined ? undefined : data.zones[prefix];
  if (!value) return [];
  return value
    .split('&')
    .map((index) => data.zoneIds[Number(index)])
    .filter((zone): zone is string => zone !== undefined);
}
