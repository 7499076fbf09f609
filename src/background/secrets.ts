/**
 * Sealing credentials at rest. The key is an AES-GCM `CryptoKey` made non-extractable and kept in
 * the extension origin's IndexedDB: only the background and extension pages can reach that
 * database (a content script runs in the page's origin and sees the page's IndexedDB, never ours),
 * and no code at all can read the key's bytes out of it. What lies in `storage.local`, which every
 * content script can read, is only ciphertext.
 *
 * Each sealed value is tied to `context` (the account id, provider and origin it was saved for)
 * through AES-GCM's additional data: ciphertext moved to another account or another origin does
 * not open.
 */
import { exclusive } from './exclusive';

const DATABASE = 'ringback-secrets';
const STORE = 'keys';
const KEY_ID = 'credentials-v1';
const IV_BYTES = 12;

export interface Sealed {
  /** Base64 of the 96-bit nonce, new for every sealing. */
  readonly iv: string;
  /** Base64 of the ciphertext with its authentication tag. */
  readonly data: string;
}

export async function seal(value: unknown, context: string): Promise<Sealed> {
  const key = await credentialsKey();
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const cipher = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(context) },
    key,
    plain,
  );
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(cipher)) };
}

/** The sealed value, or undefined when it does not open (other context, other key, tampered). */
export async function unseal(sealed: Sealed, context: string): Promise<unknown> {
  const key = await credentialsKey();
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: new TextEncoder().encode(context) },
      key,
      fromBase64(sealed.data),
    );
    return JSON.parse(new TextDecoder().decode(plain)) as unknown;
  } catch {
    return undefined;
  }
}

let cachedKey: Promise<CryptoKey> | undefined;

/** The one key, made on first use; kept for the worker's life once read. */
function credentialsKey(): Promise<CryptoKey> {
  cachedKey ??= exclusive(DATABASE, loadOrCreateKey).catch((error: unknown) => {
    cachedKey = undefined;
    throw error;
  });
  return cachedKey;
}

async function loadOrCreateKey(): Promise<CryptoKey> {
  const db = await openDatabase();
  try {
    const existing = await request<unknown>(db.transaction(STORE).objectStore(STORE).get(KEY_ID));
    if (existing instanceof CryptoKey) return existing;
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const store = db.transaction(STORE, 'readwrite').objectStore(STORE);
    // `add`, not `put`: should another extension page have made a key meanwhile, keep that one.
    const added = await request(store.add(key, KEY_ID)).then(
      () => true,
      () => false,
    );
    if (added) return key;
    const winner = await request<unknown>(db.transaction(STORE).objectStore(STORE).get(KEY_ID));
    if (winner instanceof CryptoKey) return winner;
    throw new Error('no credentials key could be stored');
  } finally {
    db.close();
  }
}

function openDatabase(): Promise<IDBDatabase> {
  const opening = indexedDB.open(DATABASE, 1);
  opening.onupgradeneeded = () => {
    opening.result.createObjectStore(STORE);
  };
  return request(opening);
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
  return bytes;
}
