/**
 * Each provider's default API base URL, and the production host permissions derived from them, so
 * the two cannot drift apart. Kept apart from the clients so the manifest can import it without
 * pulling in provider code. Users may override the base URL (reseller, proxy, simulator); any other
 * host is an optional permission requested at runtime.
 */
import type { ProviderId } from './types';

export const DEFAULT_BASE_URLS = {
  fonial: 'https://kundenkonto.fonial.de/api/2.0',
  voipcenter: 'https://pbxonline.be/api',
  sipgate: 'https://api.sipgate.com/v2',
  // ASSUMPTION (provider-facts.md): the Fonema doc names neither host nor path. We assume
  // `https://api.fonema.es` with each method as a path segment below it (`…/login`, `…/makeCall`).
  // Correct it here (and only here) once confirmed; users can already override it in the options.
  fonema: 'https://api.fonema.es',
} as const satisfies Record<ProviderId, string>;

export const PROVIDER_HOST_PERMISSIONS: readonly string[] = Object.values(DEFAULT_BASE_URLS).map(
  (url) => `${new URL(url).origin}/*`,
);
