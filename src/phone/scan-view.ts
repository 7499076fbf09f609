/**
 * The text as the detector reads it: the same length as the page's text, character for
 * character, so every offset found in it is an offset into the original — with the characters
 * that write digits and number punctuation in other ways mapped to their ASCII form:
 *
 * - full-width digits, `＋`, `（）`, `－`, `／`, `．` and the ideographic space (CJK text:
 *   `＋１　（６５０）　３３３－６０００`);
 * - Arabic-Indic and Eastern Arabic-Indic digits (`+٤٤ ٣٣٣`);
 * - invisible characters that end up inside numbers written on web pages — zero-width space and
 *   joiners, word joiner, soft hyphen, byte-order mark, left-to-right and right-to-left marks —
 *   read as a space: a separator inside a number, never a digit, and never a reason to cut the
 *   number short (`+49 69 630​2-309`).
 *
 * Text without any of them (nearly all text) is returned as it is after one native scan.
 */

const NEEDS_MAPPING =
  /[\u00ad\u0660-\u0669\u06f0-\u06f9\u200b-\u200f\u2060\u3000\ufeff\uff08\uff09\uff0b\uff0d-\uff0f\uff10-\uff19]/;

export function scanView(text: string): string {
  if (!NEEDS_MAPPING.test(text)) return text;
  let view = '';
  let copiedUpTo = 0;
  for (let index = 0; index < text.length; index++) {
    const mapped = mapChar(text.charCodeAt(index));
    if (mapped === undefined) continue;
    view += text.slice(copiedUpTo, index) + mapped;
    copiedUpTo = index + 1;
  }
  return view + text.slice(copiedUpTo);
}

function mapChar(code: number): string | undefined {
  if (code < 0xad) return undefined;
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 0x30);
  if (code >= 0x660 && code <= 0x669) return String.fromCharCode(code - 0x660 + 0x30);
  if (code >= 0x6f0 && code <= 0x6f9) return String.fromCharCode(code - 0x6f0 + 0x30);
  switch (code) {
    case 0xff0b:
      return '+';
    case 0xff08:
      return '(';
    case 0xff09:
      return ')';
    case 0xff0d:
      return '-';
    case 0xff0e:
      return '.';
    case 0xff0f:
      return '/';
    case 0x3000:
    case 0xad:
    case 0x200b:
    case 0x200c:
    case 0x200d:
    case 0x200e:
    case 0x200f:
    case 0x2060:
    case 0xfeff:
      return ' ';
    default:
      return undefined;
  }
}
