/**
 * Hex digests for providers that sign requests (VoipCenter). SHA-256 and HMAC-SHA256 come from
 * Web Crypto, which the service worker and Node both have. Web Crypto has no MD5, so that one comes
 * from @noble/hashes (audited, no dependencies) rather than from hand-written code.
 */
import { md5 } from '@noble/hashes/legacy.js';
import { bytesToHex } from '@noble/hashes/utils.js';

const utf8 = new TextEncoder();

export function md5Hex(text: string): string {
  return bytesToHex(md5(utf8.encode(text)));
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', utf8.encode(text));
  return bytesToHex(new Uint8Array(digest));
}

export async function hmacSha256Hex(key: string, message: string): Promise<string> {
  const cryptoKey = await globalThis.crypto.subtle.importKey(
    'raw',
    utf8.encode(key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const signature = await globalThis.crypto.subtle.sign('HMAC', cryptoKey, utf8.encode(message));
  return bytesToHex(new Uint8Array(signature));
}
