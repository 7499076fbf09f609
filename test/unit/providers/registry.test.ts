import { describe, expect, it } from 'vitest';
import { CREDENTIAL_FIELDS, DEFAULT_BASE_URLS } from '../../../src/providers/catalog';
import { createProvider } from '../../../src/providers/registry';
import { PROVIDER_IDS } from '../../../src/providers/types';
import { MemorySessionStore } from '../../support/memory-session-store';

describe('provider registry', () => {
  it.each(PROVIDER_IDS)('%s: an account without its own base URL talks to the documented API', async (id) => {
    // Nothing leaves the machine: every request is recorded and answered "unavailable" here.
    const urls: string[] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      urls.push(new Request(input, init).url);
      return new Response('', { status: 503 });
    };
    const credentials = Object.fromEntries(CREDENTIAL_FIELDS[id].map((field) => [field.key, 'secret']));
    const provider = createProvider(id, {
      baseUrl: '',
      credentials,
      sessions: new MemorySessionStore(),
      fetch,
      retryDelayMs: 1,
    });
    await provider.verify().catch(() => undefined);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url.startsWith(`${DEFAULT_BASE_URLS[id]}/`)).toBe(true);
  });
});
