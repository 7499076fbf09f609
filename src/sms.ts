/**
 * How long an SMS is, as a network counts it: in GSM 03.38 septets when every character is in the
 * GSM 7-bit alphabet (the extension table's characters take two), otherwise in UCS-2 code units.
 * One segment holds 160 septets or 70 UCS-2 units; a longer message is split into segments of 153
 * or 67, the rest being the header that joins them. Pure: the popup's composer counts with it as
 * the user types, and the background checks with it before anything is sent.
 */
import { SIPGATE_SMS_MAX_LENGTH } from './providers/catalog';

/** The longest message Ringback sends: sipgate's limit, sipgate being the provider that sends SMS. */
export const SMS_MAX_LENGTH = SIPGATE_SMS_MAX_LENGTH;

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsCount {
  readonly encoding: SmsEncoding;
  /** Septets (gsm7) or UTF-16 code units (ucs2). */
  readonly length: number;
  /** Segments the message is sent as; 0 for an empty message. */
  readonly segments: number;
  /** What one segment holds at this length (160/70 for one segment, 153/67 once split). */
  readonly perSegment: number;
  /** Room left in the last segment before another one starts. */
  readonly remaining: number;
  readonly maxLength: number;
  readonly tooLong: boolean;
}

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Sent as an escape plus one septet. */
const GSM7_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

const SINGLE = { gsm7: 160, ucs2: 70 } as const;
const MULTI = { gsm7: 153, ucs2: 67 } as const;

export function smsSegments(text: string, maxLength: number = SMS_MAX_LENGTH): SmsCount {
  const septets = gsm7Length(text);
  const encoding: SmsEncoding = septets === undefined ? 'ucs2' : 'gsm7';
  const length = septets ?? text.length;
  const perSegment = length <= SINGLE[encoding] ? SINGLE[encoding] : MULTI[encoding];
  const segments = length === 0 ? 0 : Math.ceil(length / perSegment);
  return {
    encoding,
    length,
    segments,
    perSegment,
    remaining: Math.max(segments, 1) * perSegment - length,
    maxLength,
    tooLong: length > maxLength,
  };
}

/** Septets for `text`, or undefined when a character is outside the GSM 7-bit alphabet. */
function gsm7Length(text: string): number | undefined {
  let septets = 0;
  for (const char of text) {
    if (BASIC.has(char)) septets += 1;
    else if (EXTENSION.has(char)) septets += 2;
    else return undefined;
  }
  return septets;
}
