/**
 * The number a `tel:`, `callto:` or `sip:` link dials, as written, ready for `parseDialInput`.
 * Pure. Links that name a person rather than a number (`sip:alice@example.com`, a Skype name in
 * `callto:`) give undefined: those stay with the operating system.
 *
 * RFC 3966 `tel:` URIs may carry visual separators and parameters (`;ext=`, `;phone-context=`);
 * a local number with a `+`-prefixed phone-context gets that prefix, as the RFC says.
 */

const SCHEME = /^\s*(tel|callto|sips?):(.*)$/is;
/** What may remain once separators are gone: an optional + and digits. */
const DIALABLE = /^\+?\d{3,}$/;
const SEPARATORS = /[\s\-.()/\u00a0\u2010-\u2015]/g;

export type CallLinkScheme = 'tel' | 'callto' | 'sip';

export interface CallLink {
  readonly scheme: CallLinkScheme;
  /** `+` and digits, or national digits. */
  readonly number: string;
  /** A `tel:` URI's `;ext=` parameter: the number is called, the extension is asked for. */
  readonly extension?: string;
}

export function parseCallLink(href: string): CallLink | undefined {
  const found = SCHEME.exec(href);
  if (!found) return undefined;
  const scheme = (found[1] ?? '').toLowerCase();
  let rest = safeDecode(found[2] ?? '');
  if (scheme === 'tel') {
    const link = dialable('tel', telNumber(rest));
    const extension = telExtension(rest);
    return link && extension ? { ...link, extension } : link;
  }
  if (scheme === 'callto') {
    rest = rest.replace(/^\/\//, '');
    return dialable('callto', stripParameters(rest));
  }
  // sip: and sips: user@host;params: only a user part that is a number is dialable.
  const user = stripParameters(rest).split('@')[0] ?? '';
  return dialable('sip', user);
}

function telNumber(uri: string): string {
  const [number = '', ...parameters] = (uri.split('?')[0] ?? '').split(';');
  const context = parameters
    .map((p) => p.split('='))
    .find(([name]) => name?.trim().toLowerCase() === 'phone-context')?.[1]
    ?.trim();
  const cleaned = number.replace(SEPARATORS, '');
  if (!cleaned.startsWith('+') && context?.startsWith('+')) {
    return `${context.replace(SEPARATORS, '')}${cleaned}`;
  }
  return cleaned;
}

/** RFC 3966 `;ext=`: digits only (visual separators dropped). */
function telExtension(uri: string): string | undefined {
  const [, ...parameters] = (uri.split('?')[0] ?? '').split(';');
  const value = parameters
    .map((p) => p.split('='))
    .find(([name]) => name?.trim().toLowerCase() === 'ext')?.[1]
    ?.replace(SEPARATORS, '');
  return value && /^\d{1,10}$/.test(value) ? value : undefined;
}

function stripParameters(text: string): string {
  return text.split(/[;?]/)[0] ?? '';
}

function dialable(scheme: CallLinkScheme, text: string): CallLink | undefined {
  const number = text.replace(SEPARATORS, '');
  return DIALABLE.test(number) ? { scheme, number } : undefined;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
