/**
 * An extension written after a number: `x3456`, `x 123`, `ext. 45`, `ext: 45`, `extension 45`,
 * `/x12`, `#3456`, `int. 3456`, `poste 12`, `toestel 12`, `tst. 12`, `Durchwahl -23`, `DW 23`,
 * `extensión 12`, `;ext=12`, `~1234` (dialled after the tone), in the five UI languages. The extension is for the caller to ask for;
 * the number called is the main number — except a German direct-dial extension (`Durchwahl`, `DW`)
 * where the number's plan dials it directly (see `directDial`). Digits joined to the number by its own separators
 * (`0221 669669-23`, German direct dialling) are part of the number, not an extension: only a
 * marker word or symbol makes one.
 */

import { type ValidNumber, validNumber } from './validate';

const EXTENSION =
  /^(?:[ \u00a0]*,)?[ \u00a0]*(?:\/[ \u00a0]*x|;[ \u00a0]*ext=|~|(?:ext(?:ension|ensión)?|x|#|int|poste|toestel|tst|(durchwahl|dw)|anexo|interno)\.?:?)[ \u00a0]*[-–]?[ \u00a0]*(\d{1,7})(?!\d)/iu;

/** First characters of the markers above (and of the comma before them). */
const MARKER_STARTS = new Set([',', '/', ';', '~', '#', 'e', 'x', 'i', 'p', 't', 'd', 'a']);

/** Longest text an extension takes: `, extension: - 1234567`. */
const MAX_EXTENSION_TEXT = 32;

export interface Extension {
  readonly digits: string;
  /** Just after its last digit. */
  readonly end: number;
  /**
   * Written as a German direct-dial extension (`Durchwahl -23`, `DW 13`): where the number's plan
   * lets callers dial it after the number, the number and these digits are one number.
   */
  readonly directDial: boolean;
}

/** The extension written right after `end` (the number's last digit), if any. */
export function extensionAfter(text: string, end: number): Extension | undefined {
  // Cheap first: after any spaces, an extension starts with one of a few characters.
  let position = end;
  while (position < end + 4 && (text.charCodeAt(position) === 0x20 || text.charCodeAt(position) === 0xa0)) position++;
  if (!MARKER_STARTS.has(text[position]?.toLowerCase() ?? '')) return undefined;
  const found = EXTENSION.exec(text.slice(end, end + MAX_EXTENSION_TEXT));
  if (!found) return undefined;
  const digits = found[2] ?? '';
  return { digits, end: end + found[0].length, directDial: found[1] !== undefined };
}

/**
 * `+43 (1) 545 82 30 DW 13`, `0221 669669 Durchwahl -23`: a direct-dial extension is dialled
 * after the number where the number's own plan reads both as one number of that country (German
 * and Austrian numbers have no fixed length); elsewhere it stays an extension to ask for.
 */
export function directDialled(number: ValidNumber, extensionDigits: string): ValidNumber | undefined {
  if (number.country === undefined) return undefined;
  const direct = validNumber(`${number.e164}${extensionDigits}`, number.country);
  return direct && direct.country === number.country ? direct : undefined;
}
